import { DataError } from './errors.js';
import { parseDocumentText } from './parse.js';
import type { DocumentEnvelope } from './types.js';
import { safeUrl } from './url.js';

/**
 * The only module that talks to the network. One request per absolute URL per page: every
 * element that shows the same `src` shares it. Requests time out, transient failures are retried
 * with backoff, and oversized answers are refused before they are parsed.
 */

export interface ClientOptions {
  /** Milliseconds before an unanswered request is given up. */
  timeout: number;
  /** How many times a network error, timeout or 5xx answer is tried again. */
  retries: number;
  /** Base delay of the exponential backoff, in milliseconds (jittered). */
  retryDelay: number;
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
}

export const DEFAULT_CLIENT_OPTIONS: Readonly<ClientOptions> = Object.freeze({
  timeout: 10_000,
  retries: 2,
  retryDelay: 400,
  maxBytes: 1_000_000,
});

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

const defaultFetch: FetchFn = (input, init) => fetch(input, init);
let fetchImpl: FetchFn = defaultFetch;
let options: ClientOptions = { ...DEFAULT_CLIENT_OPTIONS };
const requests = new Map<string, Promise<DocumentEnvelope>>();

/** Changes how documents are fetched (timeout, retries, size limit) for the whole page. */
export function configureClient(changes: Partial<ClientOptions>): void {
  options = { ...options, ...changes };
}

/** @internal Replaces `fetch` (tests and benchmarks). */
export function setFetch(fn: FetchFn): void {
  fetchImpl = fn;
}

/** @internal Forgets every request and restores `fetch` and the default options. */
export function resetClient(): void {
  fetchImpl = defaultFetch;
  options = { ...DEFAULT_CLIENT_OPTIONS };
  requests.clear();
}

/** The absolute URL that `src` names, resolved against the page; only http(s) documents load. */
export function resolveSrc(src: string, base: string = document.baseURI): string {
  const allowed = safeUrl(src);
  let url: URL | undefined;
  try {
    url = allowed === undefined ? undefined : new URL(allowed, base);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new DataError(`src is not an http(s) URL: ${JSON.stringify(src.slice(0, 100))}`);
  }
  url.hash = '';
  return url.href;
}

/**
 * The content document at `src`. Callers that pass a `signal` stop waiting when it aborts; the
 * shared request goes on for the others. A failed request is forgotten, so a later call tries again.
 */
export function loadDocument(src: string, { signal }: { signal?: AbortSignal } = {}): Promise<DocumentEnvelope> {
  let url: string;
  try {
    url = resolveSrc(src);
  } catch (error) {
    return Promise.reject(error);
  }
  let request = requests.get(url);
  if (!request) {
    const started = fetchWithRetry(url);
    request = started;
    requests.set(url, started);
    started.catch(() => {
      if (requests.get(url) === started) requests.delete(url);
    });
  }
  return signal ? untilAborted(request, signal) : request;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchWithRetry(url: string): Promise<DocumentEnvelope> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url);
    } catch (error) {
      const retryable = error instanceof DataError && error.transient;
      if (!retryable || attempt >= options.retries) throw error;
      // Exponential backoff with full jitter: 0..base, 0..2*base, 0..4*base, ...
      await sleep(Math.random() * options.retryDelay * 2 ** attempt);
    }
  }
}

async function fetchOnce(url: string): Promise<DocumentEnvelope> {
  const { timeout, maxBytes } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal: controller.signal,
        credentials: 'omit',
        headers: { Accept: 'application/json' },
      });
    } catch (error) {
      throw controller.signal.aborted
        ? new DataError(`the content server did not answer within ${timeout / 1000} s`, { transient: true })
        : new DataError('the content server could not be reached', { transient: true, cause: error });
    }
    if (!response.ok) {
      throw new DataError(`the content server answered ${response.status}`, {
        status: response.status,
        transient: response.status >= 500,
      });
    }
    const text = await readText(response, maxBytes, controller.signal, timeout);
    return parseDocumentText(text);
  } finally {
    clearTimeout(timer);
  }
}

async function readText(response: Response, maxBytes: number, signal: AbortSignal, timeout: number): Promise<string> {
  const tooLarge = () => new DataError(`the response is larger than the ${Math.round(maxBytes / 1000)} kB limit`);
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw signal.aborted
      ? new DataError(`the content server did not answer within ${timeout / 1000} s`, { transient: true })
      : new DataError('the response was cut off', { transient: true, cause: error });
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
