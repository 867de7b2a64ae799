import { setFetch } from '../../src/data/client.js';

/**
 * A fake content endpoint for the resilience tests, routed through the client's `setFetch` seam.
 * Each URL has a list of answers served in order (the last one repeats). A Response is cloned for
 * each request; a function is called for each request (for bodies that must be fresh streams);
 * (or that answer later, as a promise); an Error is thrown as a network error; 'hang' never
 * answers until the request is aborted.
 * URLs not in the table fail like an unreachable server, so no test touches the network.
 */
export type Answer = Response | Error | 'hang' | (() => Response | Error | 'hang' | Promise<Response>);

export interface Endpoint {
  /** Absolute URLs requested, in order. */
  readonly requests: string[];
  /** The signal of each request, in order. */
  readonly signals: AbortSignal[];
  /** How many requests went to `url` (relative to the page). */
  count(url: string): number;
}

export function endpoint(table: Record<string, Answer | Answer[]>): Endpoint {
  const requests: string[] = [];
  const signals: AbortSignal[] = [];
  const routes = new Map(Object.entries(table).map(([url, answers]) => [absolute(url), answers]));
  const served = new Map<string, number>();
  setFetch((url, init) => {
    requests.push(url);
    if (init.signal) signals.push(init.signal);
    const answers = routes.get(url);
    if (answers === undefined) return Promise.reject(new TypeError('Failed to fetch'));
    const list = Array.isArray(answers) ? answers : [answers];
    const index = served.get(url) ?? 0;
    served.set(url, index + 1);
    const listed = list[Math.min(index, list.length - 1)]!;
    const answer = typeof listed === 'function' ? listed() : listed instanceof Response ? listed.clone() : listed;
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    if (answer instanceof Promise) return answer;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer);
  });
  return {
    requests,
    signals,
    count: (url) => requests.filter((requested) => requested === absolute(url)).length,
  };
}

/** `url` resolved against the page. */
export function absolute(url: string): string {
  return new URL(url, location.href).href;
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A plain-text answer. */
export function text(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain' } });
}

/**
 * A body of `total` bytes that is produced only as it is read, in chunks of `chunk` bytes, without
 * a Content-Length (as a chunked answer has none). Records how much was read and whether the
 * reader gave up.
 */
export function hugeBody(total: number, chunk = 64 * 1024) {
  const stats = { pulled: 0, cancelled: false };
  const response = () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) {
          controller.close();
          return;
        }
        const size = Math.min(chunk, total - sent);
        const bytes = new Uint8Array(size).fill(0x20);
        if (sent === 0) bytes[0] = 0x5b; // '['
        sent += size;
        stats.pulled = sent;
        controller.enqueue(bytes);
      },
      cancel() {
        stats.cancelled = true;
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'application/json' } });
  };
  return { response, stats };
}

/**
 * Watches for anything a widget lets escape into the host page: window.onerror, error events,
 * unhandled promise rejections and console output. `stop()` restores everything and returns what
 * was seen.
 */
export function watchPage() {
  const seen: string[] = [];
  const previous = window.onerror;
  window.onerror = (message) => {
    seen.push(`window.onerror: ${String(message)}`);
    return true;
  };
  const onError = (event: ErrorEvent) => seen.push(`error event: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => {
    seen.push(`unhandled rejection: ${String(event.reason)}`);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((name) => console[name]);
  for (const name of methods) {
    console[name] = (...args: unknown[]) => void seen.push(`console.${name}: ${args.map(String).join(' ')}`);
  }
  return {
    seen,
    stop(): string[] {
      window.onerror = previous;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      methods.forEach((name, i) => (console[name] = originals[i]!));
      return seen;
    },
  };
}

/** An answer that arrives only when the test calls `release()`, however long the page takes meanwhile. */
export function held(answer: () => Response): { answer: () => Promise<Response>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { answer: () => released.then(answer), release };
}

/** Waits `ms` milliseconds. */
export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `count` animation frames, two by default (layout, IntersectionObserver and the next render have run). */
export const frames = (count = 2) =>
  new Promise<void>((resolve) => {
    const step = () => (count-- > 0 ? requestAnimationFrame(step) : resolve());
    step();
  });
