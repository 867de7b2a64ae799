import type { ReactiveController, ReactiveElement } from 'lit';
import { loadDocument, resolveSrc } from '../data/client.js';
import { DataError, toDataError } from '../data/errors.js';
import type { DocumentEnvelope } from '../data/types.js';

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'pending'; url: string }
  | { kind: 'complete'; url: string; doc: DocumentEnvelope; stale: boolean }
  | { kind: 'error'; url: string | null; error: DataError };

/** Distance from the viewport at which a `loading="lazy"` element starts its request. */
export const LAZY_MARGIN = '300px';

/**
 * Loads the document an element's `src` names, through the shared client, and keeps its state.
 * Every element uses one of these. It fetches when `src` changes, waits for the viewport when
 * lazy, stops waiting when the element leaves the page, and picks up again when it comes back.
 */
export class DocumentController implements ReactiveController {
  state: LoadState = { kind: 'idle' };
  private src = '';
  private lazy = false;
  private visible = false;
  private connected = false;
  private abort?: AbortController;
  private observer?: IntersectionObserver;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Called by the host before each update with its current `src` ('' when none) and `loading`. */
  sync(src: string, lazy: boolean): void {
    if (src === this.src && lazy === this.lazy) return;
    this.src = src;
    this.lazy = lazy;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    if (this.state.kind === 'idle' || this.state.kind === 'pending') this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private restart(): void {
    this.stop();
    if (!this.src) {
      this.set({ kind: 'idle' });
      return;
    }
    let url: string;
    try {
      url = resolveSrc(this.src);
    } catch (error) {
      this.set({ kind: 'error', url: null, error: toDataError(error) });
      return;
    }
    if (this.state.kind !== 'complete' || this.state.url !== url) this.set({ kind: 'pending', url });
    if (!this.connected) return;
    if (this.lazy && !this.visible && 'IntersectionObserver' in window) {
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            this.visible = true;
            this.restart();
          }
        },
        { rootMargin: LAZY_MARGIN },
      );
      this.observer.observe(this.host);
      return;
    }
    this.fetch(url);
  }

  private fetch(url: string): void {
    const abort = new AbortController();
    this.abort = abort;
    loadDocument(url, { signal: abort.signal }).then(
      (doc) => {
        if (abort.signal.aborted) return;
        this.set({ kind: 'complete', url, doc, stale: false });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.set({ kind: 'error', url, error: toDataError(error) });
      },
    );
  }

  private set(state: LoadState): void {
    const old = this.state;
    this.state = state;
    this.host.requestUpdate('loadState', old);
  }
}
