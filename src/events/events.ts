/** Where the content of a `clinic-load` came from. */
export type LoadSource = 'attributes' | 'endpoint' | 'property';

export interface ClinicLoadDetail {
  source: LoadSource;
  /** Absolute URL of the document, or `null` when none was fetched. */
  src: string | null;
  /** True when the endpoint failed and a stored copy of an earlier answer is shown. */
  stale: boolean;
}

export interface ClinicErrorDetail {
  src: string | null;
  message: string;
  /** HTTP status of the failed answer, when there was one. */
  status?: number;
}

export interface ClinicClickDetail {
  href: string;
  /** Tag name of the widget. */
  widget: string;
  /** 0-based index of the item in a list; 0 outside lists. */
  position: number;
}

export interface ClinicImpressionDetail {
  /** Tag name of the widget. */
  widget: string;
  /** Absolute URL of the document shown, or `null` when the content came from attributes or `data`. */
  src: string | null;
  /** How many items are shown: the number of related posts; 1 for a card or a publisher block. */
  count: number;
}

const init = { bubbles: true, composed: true } as const;

/** Content was rendered. */
export class ClinicLoadEvent extends CustomEvent<ClinicLoadDetail> {
  constructor(detail: ClinicLoadDetail) {
    super('clinic-load', { ...init, detail });
  }
}

/** Content could not be loaded or was invalid; the element shows its error state. */
export class ClinicErrorEvent extends CustomEvent<ClinicErrorDetail> {
  constructor(detail: ClinicErrorDetail) {
    super('clinic-error', { ...init, detail });
  }
}

/** A reader followed a link in a widget. */
export class ClinicClickEvent extends CustomEvent<ClinicClickDetail> {
  constructor(detail: ClinicClickDetail) {
    super('clinic-click', { ...init, detail });
  }
}

/** At least half of the widget was in view for one continuous second: once per element and content. */
export class ClinicImpressionEvent extends CustomEvent<ClinicImpressionDetail> {
  constructor(detail: ClinicImpressionDetail) {
    super('clinic-impression', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clinic-load': ClinicLoadEvent;
    'clinic-error': ClinicErrorEvent;
    'clinic-click': ClinicClickEvent;
    'clinic-impression': ClinicImpressionEvent;
  }
}
