import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DataError, grouped, toDataError } from '../data/errors.js';
import { JSON_SLICE, collectWarnings, own, type ParseWarning } from '../data/parse.js';
import type { DocumentEnvelope, ImageRef, SectionName } from '../data/types.js';
import { ClinicClickEvent, ClinicErrorEvent, ClinicImpressionEvent, ClinicLoadEvent, type LoadSource } from '../events/events.js';
import { DefaultsController } from './defaults-controller.js';
import { yieldToPage } from '../data/schedule.js';
import { pageBase } from '../data/url.js';
import { DocumentController } from './document-controller.js';
import { HoldController } from './hold-controller.js';
import { ServerContentController } from './server-content.js';
import { labelsFor, languageOf, withLabels, type Labels } from './i18n.js';
import { ImpressionController } from './impression-controller.js';
import { decorate, utmParams } from './links.js';

/** The structured-data module (schema.org builders and the script writer), loaded on demand. */
export type SchemaOrg = typeof import('./structured-data.js');

/** The states an element reports in its `status` attribute. */
export type Status = 'loading' | 'ready' | 'error';

/** Attribute values as the element holds them: `undefined` when the attribute is absent. */
export type Fields = Record<string, unknown>;

/** Copies the defined values of `overrides` over `base` (attributes win over document fields). */
function withOverrides(base: unknown, overrides: Fields): unknown {
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined && value !== null);
  if (defined.length === 0) return base;
  const start = typeof base === 'object' && base !== null && !Array.isArray(base) ? base : {};
  return { ...start, ...Object.fromEntries(defined) };
}

/** An element's image attributes (`image`/`image-alt`, `logo`/`logo-alt`) and the field they fill. */
export interface ImageAttributes<T> {
  field: keyof T & string;
  src?: string;
  alt?: string;
}

/**
 * Applies attributes over a section, then parses it. An image URL attribute replaces the
 * document's image; a text alternative alone gives the document's image new alt text.
 */
export function composeSection<T extends object>(
  parse: (value: unknown) => T,
  section: unknown,
  overrides: Fields,
  { field, src, alt }: ImageAttributes<T>,
): T {
  const image = src === undefined ? undefined : { src, alt: alt ?? '' };
  const result = parse(withOverrides(section, { ...overrides, [field]: image }));
  const parsed = result[field] as ImageRef | undefined;
  if (parsed && alt !== undefined) parsed.alt = alt;
  return result;
}

/** Attributes whose name is not the document field's name in kebab-case. */
const ATTRIBUTE_OF: Readonly<Record<string, string>> = { title: 'headline', url: 'href' };

function attributeOf(field: string): string {
  return Object.hasOwn(ATTRIBUTE_OF, field) ? ATTRIBUTE_OF[field]! : field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A value as a warning quotes it: short, and readable whatever its type. */
function quote(value: unknown): string {
  let text: string;
  try {
    text = String(JSON.stringify(value));
  } catch {
    text = String(value);
  }
  return text.slice(0, 60);
}

/** Connected elements, re-rendered when a `lang` attribute changes anywhere in the page. */
const connected = new Set<ClinicElement<unknown>>();
let langObserver: MutationObserver | undefined;

function watchLanguage(element: ClinicElement<unknown>): void {
  connected.add(element);
  if (langObserver) return;
  langObserver = new MutationObserver(() => {
    for (const el of connected) el.requestUpdate();
  });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * What the three elements share: `src`, `data`, `status`, `theme`, `loading` and `lang`; loading
 * through one DocumentController; parsing; the loading, error and fallback states; the events.
 * Each element names its section, composes its attributes over the section and renders a model.
 *
 * @internal
 */
export abstract class ClinicElement<T> extends LitElement {
  static override properties: PropertyDeclarations = {
    model: { state: true, attribute: false },
    error: { state: true, attribute: false },
    src: { reflect: true },
    status: { reflect: true },
    theme: { reflect: true },
    loading: {},
    lang: {},
    data: { attribute: false },
    dataAttribute: { attribute: 'data' },
    utmSource: { attribute: 'utm-source' },
    utmMedium: { attribute: 'utm-medium' },
    utmCampaign: { attribute: 'utm-campaign' },
    utmContent: { attribute: 'utm-content' },
    structuredData: { attribute: 'structured-data', type: Boolean },
    errorLabel: { attribute: 'error-label' },
    loadingLabel: { attribute: 'loading-label' },
  };

  /** The document section this element shows. */
  protected abstract readonly section: SectionName;

  // The controllers are made in the constructor, in this order (the order of their hooks).
  protected readonly loader: DocumentController;
  /** Content a server rendered into the element (a snippet), shown until the element's own is ready. */
  readonly #serverContent: ServerContentController;
  readonly #defaults: DefaultsController;
  readonly #impressions: ImpressionController;
  /** The structured-data module, once an element with `structured-data` has loaded it. */
  #schema?: SchemaOrg;
  /** Guards the asynchronous structured-data step against a newer render. */
  #structuredRun = 0;
  readonly #internals?: ElementInternals = this.attachInternals?.();
  #announced?: unknown;
  /** Whether the last clinic-load said the content was a stored copy shown during a failure. */
  #announcedStale = false;
  #preparing?: Promise<unknown>;
  /** Content shown that is still going in (the rest of a long body): clinic-load and updateComplete wait for it. */
  protected settling?: Promise<unknown>;
  /** The `data` attribute, read (see dataAttribute). */
  #dataFromAttribute?: { value: unknown } | { error: DataError };
  /** The fields and attributes already warned about, so each is named on the console once. */
  readonly #warned = new Set<string>();
  /** Keeps the skeleton's space when shorter content replaces it (see hold-controller.ts). */
  protected readonly holder: HoldController;

  /** The parsed, ready-to-render content. */
  declare protected model?: T;
  /** Why the element is in its error state. */
  declare protected error?: DataError;

  /** URL of a JSON content document; relative URLs resolve against the page. Ignored when `data` is set. */
  src = '';
  /** Set by the element: `loading`, `ready` or `error`. */
  declare status?: Status;
  /** `light` or `dark` forces a colour scheme; `auto` follows the reader's preference. */
  theme: 'auto' | 'light' | 'dark' = 'auto';
  /** `eager` fetches at once; `lazy` fetches when the element nears the viewport. */
  loading: 'eager' | 'lazy' = 'eager';
  /** Language of dates and labels; default: the nearest `lang` in the page, else English. */
  override lang!: string;
  // A value set before the element was defined survives the upgrade: like every reactive
  // property, Lit's constructor takes the instance's own value, deletes it and sets it again
  // through the accessor on the first update.
  /**
   * The section's content as an object, for scripts; wins over `src` and the `data` attribute.
   * Set before the element was defined (a framework that renders before the bundle loads), it is
   * kept and shown once the element is defined.
   */
  declare data?: unknown;
  /**
   * The `data` attribute: the section's content as JSON text, for pages that cannot set the
   * property; wins over `src`.
   */
  declare private dataAttribute?: string;

  /**
   * Attribution: with `utm-source`, every http(s) link to the clinic's content gets
   * `utm_source`, `utm_medium`, `utm_campaign` and `utm_content` (parameters already in the URL
   * are kept); `clinic-click` reports the tagged URL.
   */
  declare utmSource?: string;
  /** `utm_medium` of the tagged links; default `referral`. */
  declare utmMedium?: string;
  /** `utm_campaign` of the tagged links; none by default. */
  declare utmCampaign?: string;
  /** `utm_content` of the tagged links; default: the element's tag name. */
  declare utmContent?: string;
  /**
   * Writes one `<script type="application/ld+json">` into the element's light DOM with schema.org
   * data for what it shows, kept in step with the content and removed with the element.
   */
  structuredData = false;

  /** Replaces the built-in error message (the `error` slot takes markup instead). */
  declare errorLabel?: string;
  /** Replaces the built-in "Loading…" that screen readers hear while content loads. */
  declare loadingLabel?: string;

  /** The built-in labels in the element's language, with the element's label attributes applied. */
  protected get labels(): Labels {
    return withLabels(labelsFor(this.language), {
      error: this.errorLabel,
      loading: this.loadingLabel,
      ...this.labelOverrides(),
    });
  }

  /** The element's own label attributes, keyed as in Labels. */
  protected labelOverrides(): Partial<Record<keyof Labels, string | undefined>> {
    return {};
  }

  /** The element's language: its `lang`, the nearest ancestor's, or English. */
  protected get language(): string {
    return languageOf(this);
  }

  constructor() {
    super();
    this.loader = new DocumentController(this);
    this.#serverContent = new ServerContentController(this, () => this.status === 'ready' || this.status === 'error');
    this.#defaults = new DefaultsController(this);
    this.#impressions = new ImpressionController(this, () => this.#reportImpression());
    this.holder = new HoldController(this);
    this.addEventListener('click', (event) => this.#handleClick(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page that switches language (lang on <html> or an ancestor) gets dates and labels in it.
    watchLanguage(this);
    if (this.hasUpdated) this.#writeStructuredData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.#writeStructuredData();
  }

  /** The element's own data attributes, `undefined` where absent, keyed as in the document. */
  protected abstract overrides(): Fields;

  /** The element's section of a loaded document (the card picks a feed item here); may throw a DataError. */
  protected sectionOf(doc: DocumentEnvelope): unknown {
    return own(doc, this.section);
  }

  /** Parses the section with the attributes applied; throws a DataError when it is invalid. */
  protected abstract compose(section: unknown, overrides: Fields): T;

  /**
   * Work a model needs before it is shown (the card's Markdown body, the publisher's hours
   * module); rejects into the error state. The Intl objects it needs are prepareFormats()'s.
   */
  protected prepare(_model: T): Promise<unknown> | undefined {
    return undefined;
  }

  /**
   * Makes, in tasks of their own, the Intl objects that showing `model` needs and the page has not
   * made yet (i18n.ts: prepareDates(), prepareCountryNames()); undefined when there are none. The
   * first one of a language loads the browser's locale data, tens of milliseconds in one step.
   *
   * One rule for every element: content that is not shown in the first render (a document that
   * arrives after it, or content that waits for prepare()) also waits for these, its skeleton or
   * earlier content still shown, so they are not made in the task that renders it. Content that
   * the first render can show (attributes, `data`, a stored copy of the document) is shown in it,
   * its Intl objects made there: waiting would put a skeleton on screen for a moment, a flash. A
   * server's render is a first render.
   */
  protected prepareFormats(_model: T): Promise<unknown> | undefined {
    return undefined;
  }

  protected abstract renderContent(model: T): TemplateResult;

  protected abstract renderSkeleton(): TemplateResult;

  /**
   * The content given to the element itself, if any: the `data` property, else the `data`
   * attribute (read as JSON, or the error that it is not JSON).
   */
  get #given(): { value: unknown } | { error: DataError } | undefined {
    return this.data !== undefined ? { value: this.data } : this.#dataFromAttribute;
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('dataAttribute')) {
      // A framework that renders before the elements are defined sets `data` as an attribute, and
      // an object then arrives as "[object Object]": an error that says how to pass one.
      const text = this.dataAttribute;
      try {
        // Read with one JSON.parse, in the render: no longer than an answer read in one go.
        if (text != null && text.length > JSON_SLICE) {
          const message = `the data attribute is longer than ${grouped(JSON_SLICE)} characters: give long content with src, or set the element's data property`;
          this.#dataFromAttribute = { error: new DataError(message) };
        } else {
          this.#dataFromAttribute = text == null ? undefined : { value: JSON.parse(text) };
        }
      } catch {
        const message = `the data attribute is not JSON (${quote(text)}): set the element's data property to the object, or give the attribute the object as JSON`;
        this.#dataFromAttribute = { error: new DataError(message) };
      }
    }
    this.loader.sync(this.#given === undefined ? this.src : '', this.loading === 'lazy');
    const inputs = [...changed.keys()].some((key) => key !== 'model' && key !== 'error' && key !== 'status');
    if (inputs) this.#derive();
  }

  /** The element's attributes over the section; page defaults yield to the fields `data` has. */
  #effectiveOverrides(): Fields {
    const overrides = this.overrides();
    const given = this.#given;
    const data = given && 'value' in given ? given.value : undefined;
    if (typeof data !== 'object' || data === null) return overrides;
    const self = this as unknown as Record<PropertyKey, unknown>;
    for (const key of this.#defaults.pageProperties()) {
      for (const [field, value] of Object.entries(overrides)) {
        const given = (data as Record<string, unknown>)[field];
        if (Object.is(value, self[key]) && given !== undefined && given !== null) overrides[field] = undefined;
      }
    }
    return overrides;
  }

  /** `href` with this element's UTM parameters, when it is an http(s) link; for the clinic's own links. */
  protected tagged(href: string | undefined): string | undefined {
    if (!href) return href;
    const params = utmParams(
      { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign, content: this.utmContent },
      this.localName,
    );
    return decorate(href, params, pageBase());
  }

  /**
   * The schema.org data for `model` (with `structured-data`): a key naming what is described (two
   * elements with the same key write it once) and the object.
   */
  protected jsonLd(_schema: SchemaOrg, _model: T): { key: string; data: Record<string, unknown> } | undefined {
    return undefined;
  }

  /** Writes, updates or removes the element's JSON-LD (the module loads only when asked for). */
  #writeStructuredData(): void {
    const run = ++this.#structuredRun;
    const model = this.model;
    if (!this.structuredData || this.status !== 'ready' || model === undefined || !this.isConnected) {
      this.#schema?.describe(this, undefined);
      return;
    }
    import('./structured-data.js').then(
      (schema) => {
        this.#schema = schema;
        if (run !== this.#structuredRun) return;
        const entry = this.jsonLd(schema, model);
        schema.describe(this, entry && { key: entry.key, text: schema.serializeJsonLd(entry.data) });
      },
      () => undefined,
    );
  }

  #reportImpression(): void {
    const load = this.loader.state;
    const src = this.#given === undefined && load.kind === 'complete' ? load.url : null;
    const count = Array.isArray(this.model) ? this.model.length : 1;
    this.dispatchEvent(new ClinicImpressionEvent({ widget: this.localName, src, count }));
  }

  #derive(): void {
    const overrides = this.#effectiveOverrides();
    const load = this.loader.state;
    const given = this.#given;
    let section: unknown;
    if (given !== undefined) {
      if ('error' in given) return this.#fail(given.error);
      section = given.value;
    } else if (load.kind === 'pending') {
      return this.#show('loading');
    } else if (load.kind === 'error') {
      return this.#fail(load.error);
    } else if (load.kind === 'complete') {
      try {
        section = this.sectionOf(load.doc);
      } catch (error) {
        return this.#fail(error);
      }
      if (section === undefined || section === null) {
        return this.#fail(new DataError(`the document has no ${this.section} section`));
      }
    } else if (!Object.values(overrides).some((value) => value !== undefined)) {
      // Nothing to show yet: the light-DOM fallback stays visible.
      return this.#show(undefined);
    }
    let model: T;
    try {
      const { value, warnings } = collectWarnings(() => this.compose(section, overrides));
      model = value;
      this.#warn(warnings, overrides);
    } catch (error) {
      return this.#fail(error);
    }
    // Content not shown in the first render waits for its formats too (see prepareFormats()).
    const work = this.prepare(model);
    const formats = (work || this.hasUpdated) && this.prepareFormats(model);
    const preparing = formats ? Promise.all([work, formats]) : work;
    this.#preparing = preparing;
    if (!preparing) {
      this.model = model;
      return this.#show('ready');
    }
    // Keep what is shown until the extra work is done; a newer derive() supersedes this one.
    if (!this.model) this.#show('loading');
    preparing.then(
      () => {
        if (this.#preparing !== preparing) return;
        this.#preparing = undefined;
        this.model = model;
        this.#show('ready');
      },
      (error: unknown) => {
        if (this.#preparing === preparing) this.#fail(error);
      },
    );
  }

  /**
   * Names each optional value that was left out on the console, once per element and field (or
   * attribute): a value given by an attribute is named by its attribute, one from a document or
   * the `data` property by its path. The same field of many items of a list makes one warning.
   */
  #warn(warnings: ParseWarning[], overrides: Fields): void {
    for (const { path, problem, value } of warnings) {
      const key = path.replace(/\[\d+\]/g, '[]');
      if (this.#warned.has(key)) continue;
      this.#warned.add(key);
      // A top-level field that an attribute set ("article.published") is named by its attribute.
      const field = path.slice(this.section.length + 1);
      const subject = own(overrides, field) !== undefined ? `the ${attributeOf(field)} attribute` : path;
      console.warn(`<${this.localName}>: ${subject} ${problem} (${quote(value)}); it is left out.`);
    }
  }

  #show(status: Status | undefined): void {
    this.status = status;
    if (status !== 'error') this.error = undefined;
    if (status !== 'ready') this.model = undefined;
    try {
      this.#internals?.states.clear();
      if (status) this.#internals?.states.add(status);
    } catch {
      // Custom states are not supported in this browser; the status attribute still is.
    }
  }

  #fail(error: unknown): void {
    this.#preparing = undefined;
    this.#show('error');
    this.error = toDataError(error);
  }

  /**
   * An update after the first one, while the element shows no content yet (its skeleton, its
   * fallback, or its error), starts in a task of its own. It is the update that may show the
   * content: a document that several elements on the page share arrives for all of them in one
   * task, and each one's first content render (parsing its section, Lit's first pass over the
   * templates, dates) then runs in its own task instead of all three back to back. The first
   * update is not deferred, so the skeleton is in place before the page is painted, unless the
   * element already holds the space the page laid out for it before it was defined (an async or
   * module script): nothing moves while it waits, and evaluating the script and drawing every
   * element on the page are then not one long task. Updates of an element that shows content are
   * not deferred either. The cut depends on the element's state only, never on time, and
   * `updateComplete` waits for it as for any update.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated ? this.status === 'ready' : !this.holder.holding) return super.scheduleUpdate();
    return yieldToPage().then(() => super.scheduleUpdate());
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let work; (work = this.#preparing ?? this.settling); ) {
      await work.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override updated(): void {
    // Announce each new outcome once: a new document, new data, or a change of state.
    const load = this.loader.state;
    const url = load.kind === 'idle' ? null : load.url;
    const given = this.#given;
    const input = given && 'value' in given ? given.value : load.kind === 'complete' ? load.doc : 'attributes';
    const stale = load.kind === 'complete' && load.stale;
    if (this.status === 'ready' && !this.settling && (this.#announced !== input || this.#announcedStale !== stale)) {
      this.#announced = input;
      this.#announcedStale = stale;
      const source: LoadSource =
        this.data !== undefined ? 'property' : given !== undefined ? 'attributes' : load.kind === 'complete' ? 'endpoint' : 'attributes';
      this.dispatchEvent(new ClinicLoadEvent({ source, src: source === 'endpoint' ? url : null, stale }));
      // Each new content can be counted once more.
      this.#impressions.show({});
    } else if (this.status === 'error' && this.error && this.#announced !== this.error) {
      this.#announced = this.error;
      this.dispatchEvent(
        new ClinicErrorEvent({ src: url, message: this.error.message, status: this.error.status }),
      );
    } else if (this.status !== 'ready' && this.status !== 'error') {
      this.#announced = undefined;
    }
    if (this.status !== 'ready') this.#impressions.show(undefined);
    this.#writeStructuredData();
  }

  #handleClick(event: MouseEvent): void {
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!link) return;
    const position = Number(link.closest('[data-position]')?.getAttribute('data-position') ?? 0);
    this.dispatchEvent(new ClinicClickEvent({ href: link.href, widget: this.localName, position }));
  }

  /** Why the element is in its error state, for scripts; the reader sees a short message. */
  get errorMessage(): string | undefined {
    return this.error?.message;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.#serverContent.showing) return nothing;
    const { status, model } = this;
    // Slots stay in the tree in every state and are hidden, so slotted content never moves.
    return html`
      <slot ?hidden=${status !== undefined}></slot>
      <div part="error" class="error" role="alert" ?hidden=${status !== 'error'}>
        <slot name="error">${status === 'error' ? this.labels.error : ''}</slot>
      </div>
      ${status === 'loading'
        ? html`<div part="skeleton" class="skeleton" aria-busy="true">
            <span class="visually-hidden" role="status">${this.labels.loading}</span>
            ${this.renderSkeleton()}
          </div>`
        : nothing}
      ${status === 'ready' && model !== undefined ? this.renderContent(model) : nothing}
    `;
  }
}
