import type { ReactiveController, ReactiveElement } from 'lit';

/** What the controller needs of its element: its status and its shadow root. */
type Host = ReactiveElement & { status?: string };

/**
 * Keeps the space an element took while it loaded, so that the text below it does not move up
 * under the reader when what arrives (content, or an error) is shorter than its skeleton:
 * `:host { min-block-size }` in a sheet of the element's own, given back once the element is
 * below the viewport, where nothing the reader sees moves. Above the viewport (scrolled past) the
 * space stays: giving it back there would pull the page up under the reader wherever scroll
 * anchoring does not hold it, and counts as a layout shift even where it does. A page rule such as
 * `clinic-publisher { min-height: 0 }` turns it off (page styles win over the element's own).
 *
 * The space is also kept from before the element was defined: an element that the page laid out
 * before the script ran (an `async` or module script, with a `:not(:defined)` rule or fallback
 * content that gives it a height) holds that height until it shows what it loaded.
 *
 * Sizes are read without forcing a layout per element: one ResizeObserver reports the size of
 * every skeleton on the page, one IntersectionObserver says when a holding element is below the
 * viewport, and the sizes before definition are read in one pass (rememberLaidOut()).
 */
export class HoldController implements ReactiveController {
  #sheet?: CSSStyleSheet;
  /** The status of the last render. */
  #drawn?: string;
  /** Height the page gave the element before it was defined; 0 when none. */
  #before = 0;
  /** Block size of the skeleton at its last layout (0: not reported yet). */
  size = 0;

  readonly #host: Host;
  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    controllers.set(host, this);
  }

  /** Whether the element holds the height the page laid out for it before it was defined. */
  get holding(): boolean {
    return this.#before > 0;
  }

  hostConnected(): void {
    if (this.#drawn === 'loading') sizes?.observe(this.#host);
    this.#before = laidOut.get(this.#host) ?? 0;
    laidOut.delete(this.#host);
    this.hold(this.#before);
  }

  hostDisconnected(): void {
    sizes?.unobserve(this.#host);
    this.#before = 0;
    this.hold(0);
  }

  hostUpdate(): void {
    const loading = this.#host.status === 'loading';
    const was = this.#drawn === 'loading';
    // A new skeleton takes its own space (or what the page laid out before definition); what
    // replaces a skeleton keeps the skeleton's. Content that arrives before the skeleton's first
    // frame has no size reported yet: it is read then (one layout, and only then).
    if (loading ? !was : was || this.#before) {
      this.hold(Math.max(this.#before, !loading && was ? this.size || this.#host.getBoundingClientRect().height : 0));
      if (!loading) this.#before = 0;
    }
  }

  hostUpdated(): void {
    const loading = this.#host.status === 'loading';
    if (loading !== (this.#drawn === 'loading')) {
      this.size = 0;
      sizes ??= new ResizeObserver((entries) => {
        for (const entry of entries) {
          const controller = controllers.get(entry.target);
          if (controller) controller.size = entry.borderBoxSize[0]!.blockSize;
        }
      });
      if (loading) sizes.observe(this.#host);
      else sizes.unobserve(this.#host);
    }
    this.#drawn = this.#host.status;
  }

  /** Holds `height` px; 0 gives the space back. */
  hold(height: number): void {
    const root = this.#host.renderRoot as ShadowRoot;
    if ((!height && !this.#sheet) || !root.adoptedStyleSheets) return;
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    }
    this.#sheet.replaceSync(height ? `:host{min-block-size:${height}px}` : '');
    views ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting && entry.boundingClientRect.top > 0) controllers.get(entry.target)?.hold(0);
      }
    });
    if (height) views.observe(this.#host);
    else views.unobserve(this.#host);
  }
}

/** Each element's controller, for the shared observers. */
const controllers = new WeakMap<Element, HoldController>();
/** Heights of elements laid out before they were defined, read by rememberLaidOut(). */
const laidOut = new WeakMap<Element, number>();
/** Reports the size of every element showing its skeleton. */
let sizes: ResizeObserver | undefined;
/** Gives the space back when a holding element is below the viewport. */
let views: IntersectionObserver | undefined;

/**
 * Reads, in one layout, the height of every element with one of `tags` that the page laid out
 * before the elements were defined; each keeps that height while it loads. Call it just before
 * the elements are defined.
 */
export function rememberLaidOut(tags: readonly string[]): void {
  if (typeof document === 'undefined' || !tags.length) return;
  const waiting = document.querySelectorAll(tags.map((tag) => `${tag}:not(:defined)`).join(','));
  for (const element of waiting) {
    const height = element.getBoundingClientRect().height;
    if (height > 0) laidOut.set(element, height);
  }
}
