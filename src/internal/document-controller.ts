import type { ReactiveController, ReactiveElement } from 'lit';
import { loadDocument, resolveSrc, storedDocument, watchDocument } from '../data/client.js';
import { DataError, toDataError } from '../data/errors.js';
import { yieldToPage } from '../data/schedule.js';
import type { DocumentEnvelope } from '../data/types.js';

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'pending'; url: string }
  /** `stale`: the endpoint failed and `doc` is the last good copy. */
  | { kind: 'complete'; url: string; doc: DocumentEnvelope; stale: boolean }
  | { kind: 'error'; url: string | null; error: DataError };

/** Distance from the viewport at which a `loading="lazy"` element starts its request. */
export const LAZY_MARGIN = '300px';

/**
 * Loads the document an element's `src` names, through the shared client, and keeps its state.
 * Every element uses one of these.
 *
 * - A stored copy of the document (this page's memory or the browser store) is shown at once,
 *   and the endpoint is asked in the background; the state changes only if the document did.
 * - If the endpoint fails and a stored copy exists, the copy stays, marked `stale`.
 * - `loading="lazy"` waits until the element nears the viewport (an IntersectionObserver with
 *   LAZY_MARGIN) before it asks the endpoint; a stored copy is still shown at once.
 * - Leaving the page stops the wait (the shared request goes on for others); coming back, or
 *   being moved, picks it up again.
 * - A document loaded for another element on the page (a newer version, or the first good one
 *   after this element's request failed) is shown here too.
 */
export class DocumentController implements ReactiveController {
  state: LoadState = { kind: 'idle' };
  #src = '';
  #lazy = false;
  #visible = false;
  #connected = false;
  /** True from a (re)start until the endpoint has answered for the current `src`. */
  #waiting = false;
  #abort?: AbortController;
  #observer?: IntersectionObserver;
  #unwatch?: () => void;

  readonly #host: ReactiveElement;
  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Called by the host before each update with its current `src` ('' when none) and `loading`. */
  sync(src: string, lazy: boolean): void {
    if (src === this.#src && lazy === this.#lazy) return;
    this.#src = src;
    this.#lazy = lazy;
    this.#restart();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#waiting) this.#restart();
    else this.#watch();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** Follows the documents loaded on the page for the URL shown (while connected). */
  #watch(): void {
    this.#unwatch?.();
    const { state } = this;
    const url = state.kind === 'idle' ? null : state.url;
    this.#unwatch =
      url && this.#connected
        ? watchDocument(url, (doc) => {
            const shown = this.state;
            if (shown.kind !== 'idle' && shown.url === url) this.#show(url, doc);
          })
        : undefined;
  }

  /** Shows a good document for `url`, unless it is the one already shown (then nothing renders again). */
  #show(url: string, doc: DocumentEnvelope): void {
    const shown = this.state;
    if (shown.kind === 'complete' && shown.url === url && shown.doc === doc && !shown.stale) return;
    this.#set({ kind: 'complete', url, doc, stale: false });
  }

  #restart(): void {
    this.#stop();
    this.#waiting = false;
    if (!this.#src) {
      this.#set({ kind: 'idle' });
      return;
    }
    let url: string;
    try {
      url = resolveSrc(this.#src);
    } catch (error) {
      this.#set({ kind: 'error', url: null, error: toDataError(error) });
      return;
    }
    this.#waiting = true;
    const shown = this.state;
    if (shown.kind !== 'complete' || shown.url !== url) {
      const stored = storedDocument(url);
      this.#set(stored ? { kind: 'complete', url, doc: stored, stale: false } : { kind: 'pending', url });
    }
    if (!this.#connected) return;
    this.#watch();
    if (this.#lazy && !this.#visible && 'IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#visible = true;
          this.#restart();
        },
        { rootMargin: LAZY_MARGIN },
      );
      this.#observer.observe(this.#host);
      return;
    }
    this.#request(url);
  }

  /**
   * Asks the endpoint (or the request already on its way) for `url`, in a task of its own: the
   * element's first render, with a stored copy if there is one, is not held up by starting it.
   */
  #request(url: string): void {
    const abort = new AbortController();
    this.#abort = abort;
    yieldToPage()
      .then(() => {
        abort.signal.throwIfAborted();
        return loadDocument(url, { signal: abort.signal });
      })
      .then(
        (doc) => {
          if (abort.signal.aborted) return;
          this.#waiting = false;
          this.#show(url, doc);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          this.#waiting = false;
          const copy = storedDocument(url);
          if (!copy) {
            this.#set({ kind: 'error', url, error: toDataError(error) });
            return;
          }
          const shown = this.state;
          if (shown.kind === 'complete' && shown.url === url && shown.doc === copy && shown.stale) return;
          this.#set({ kind: 'complete', url, doc: copy, stale: true });
        },
      );
  }

  #set(state: LoadState): void {
    const old = this.state;
    if (old.kind === 'pending' && state.kind === 'pending' && old.url === state.url) return;
    this.state = state;
    this.#host.requestUpdate('loadState', old);
  }
}
