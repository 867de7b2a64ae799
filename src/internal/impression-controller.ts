import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Impressions by the viewability rule (IAB): at least half of the element in the viewport for
 * one continuous second, while the page is visible. Reported once per element and content.
 *
 * One IntersectionObserver (threshold 0.5) serves every element on the page; an element is
 * observed only while it shows content that has not been counted yet, so a page of widgets costs
 * one observer and a timer per element that is in view.
 */

/** The time source of the one-second rule; tests replace it with one they advance by hand. */
export interface ImpressionClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ImpressionClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
let clock = realClock;

/** For tests: use `replacement` as the timer source (none: the real one). */
export function setImpressionClock(replacement?: ImpressionClock): void {
  clock = replacement ?? realClock;
}

/** Share of the element that must be in view, and for how long (ms). */
export const VIEWABLE_RATIO = 0.5;
export const VIEWABLE_TIME = 1000;

let observer: IntersectionObserver | undefined;
const watched = new Map<Element, ImpressionController>();

function sharedObserver(): IntersectionObserver {
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          watched.get(entry.target)?.seen(entry.isIntersecting && entry.intersectionRatio >= VIEWABLE_RATIO);
        }
      },
      { threshold: VIEWABLE_RATIO },
    );
    document.addEventListener('visibilitychange', () => {
      for (const controller of watched.values()) controller.arm();
    });
  }
  return observer;
}

export class ImpressionController implements ReactiveController {
  /** The content shown now (any value that changes when the content does), or undefined. */
  #content?: unknown;
  /** The content an impression was reported for. */
  #counted?: unknown;
  #inView = false;
  #timer?: unknown;
  #connected = false;

  readonly #host: ReactiveElement;
  readonly #report: () => void;

  constructor(host: ReactiveElement, report: () => void) {
    this.#host = host;
    this.#report = report;
    host.addController(this);
  }

  /** The element now shows `content` (undefined: nothing); a new content can be counted once. */
  show(content: unknown): void {
    if (content === this.#content) return;
    this.#content = content;
    this.#stop();
    this.#watch();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#watch();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** Called by the shared observer: whether at least half of the element is in view. */
  seen(inView: boolean): void {
    this.#inView = inView;
    this.arm();
  }

  /** Starts the one-second wait when the element is in view on a visible page; stops it otherwise. */
  arm(): void {
    if (!this.#inView || document.hidden || this.#content === undefined) {
      this.#cancel();
      return;
    }
    if (this.#timer !== undefined) return;
    this.#timer = clock.setTimeout(() => {
      this.#timer = undefined;
      this.#counted = this.#content;
      this.#stop();
      this.#report();
    }, VIEWABLE_TIME);
  }

  #watch(): void {
    if (!this.#connected || this.#content === undefined || this.#content === this.#counted) return;
    if (!('IntersectionObserver' in window)) return;
    watched.set(this.#host, this);
    // Observing (again) makes the observer report the element's current state.
    sharedObserver().observe(this.#host);
  }

  #cancel(): void {
    if (this.#timer !== undefined) clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #stop(): void {
    this.#cancel();
    this.#inView = false;
    if (watched.get(this.#host) === this) {
      watched.delete(this.#host);
      observer?.unobserve(this.#host);
    }
  }
}
