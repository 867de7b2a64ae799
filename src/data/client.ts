import { DataError } from './errors.js';
import { keepReadPosts, parseDocumentText, parseSourceText, resolveDocumentUrls, resolvingDocumentUrls } from './parse.js';
import { yieldToPage } from './schedule.js';
import { clearCopies, DEFAULT_STORE_LIMITS, readCopy, removeCopy, valuesOver, writeCopy } from './store.js';
import type { DocumentEnvelope } from './types.js';
import { safeUrl } from './url.js';

/**
 * The only module that talks to the network. One request per absolute URL per page: every
 * element that shows the same `src` shares it. Requests time out, network errors and 5xx answers
 * are retried with backoff, and oversized answers are refused before they are parsed. The last
 * good copy of each document is kept in memory and in the browser store (store.ts), both bounded,
 * so that an element can show it at once after a reload and keep showing it while the endpoint
 * fails. Relative URLs in a fetched document are resolved against the document's URL.
 */

export interface ClientOptions {
  /** Milliseconds before an unanswered request is given up (it is not tried again). */
  timeout: number;
  /** How many times a network error or 5xx answer is tried again. */
  retries: number;
  /** Base delay of the exponential backoff, in milliseconds (with full jitter). */
  retryDelay: number;
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
  /** Oldest stored copy of a document that is shown, in milliseconds. */
  maxAge: number;
  /**
   * How long a document this page loaded is reused as it is, in milliseconds. An element that
   * asks for it later still shows it at once, and the endpoint is asked again; a changed document
   * then reaches every element on the page that shows it.
   */
  refreshAfter: number;
  /** Keep the last good copy of each document in the browser's localStorage, to survive a reload. */
  persist: boolean;
  /**
   * Most documents kept in memory. The least recently used ones beyond this are let go, except
   * those an element on the page is showing or waiting for.
   */
  memoryDocuments: number;
  /** Most characters of JSON the documents kept in memory may hold together (same exception). */
  memoryChars: number;
}

export const DEFAULT_CLIENT_OPTIONS: Readonly<ClientOptions> = Object.freeze({
  timeout: 10_000,
  retries: 2,
  retryDelay: 400,
  maxBytes: 1_000_000,
  maxAge: DEFAULT_STORE_LIMITS.maxAge,
  refreshAfter: 5 * 60 * 1000,
  persist: true,
  memoryDocuments: 20,
  memoryChars: 2_000_000,
});

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** The last good copy of a document: the parsed envelope and its JSON text. */
interface Copy {
  doc: DocumentEnvelope;
  text: string;
  savedAt: number;
}

interface Request {
  promise: Promise<DocumentEnvelope>;
  /** When it succeeded; unset while it runs. */
  doneAt?: number;
}

const defaultFetch: FetchFn = (input, init) => fetch(input, init);
let fetchImpl: FetchFn = defaultFetch;
let options: ClientOptions = { ...DEFAULT_CLIENT_OPTIONS };
/** Requests running or done in this page, per URL. Failed requests are deleted. */
const requests = new Map<string, Request>();
/**
 * The last good copy per URL; `null` once the browser store was found to have none. In order of
 * use, least recent first (see keep() and trim()).
 */
const copies = new Map<string, Copy | null>();
/** Aborts every request in flight, for resetClient(). */
const running = new Set<AbortController>();
/** Bumped by resetClient(), so that requests started before it leave no trace after it. */
let generation = 0;
/** Who is told of each good document loaded for a URL (watchDocument). */
const watchers = new Map<string, Set<(doc: DocumentEnvelope) => void>>();

/** Changes how documents are fetched and kept (timeout, retries, size limit, stored copies) for the whole page. */
export function configureClient(changes: Partial<ClientOptions>): void {
  options = { ...options, ...changes };
}

/** @internal Replaces `fetch` (tests and benchmarks). */
export function setFetch(fn: FetchFn): void {
  fetchImpl = fn;
}

/**
 * @internal Forgets every request and copy held in memory, aborts requests in flight, and
 * restores `fetch` and the default options. The browser store is cleared too, unless
 * `keepStore` is set: that is what a page reload looks like to this module.
 */
export function resetClient({ keepStore = false }: { keepStore?: boolean } = {}): void {
  generation++;
  for (const controller of running) controller.abort();
  running.clear();
  fetchImpl = defaultFetch;
  options = { ...DEFAULT_CLIENT_OPTIONS };
  requests.clear();
  copies.clear();
  if (!keepStore) clearCopies();
}

/**
 * Calls `listener` with every good document loaded for `url` from now on, whoever asked for it
 * (the same object again when the document did not change), until the returned function is called.
 */
export function watchDocument(url: string, listener: (doc: DocumentEnvelope) => void): () => void {
  let listeners = watchers.get(url);
  if (!listeners) watchers.set(url, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    watchers.delete(url);
    trim();
  };
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
 * The content document at `src`, from the network (or from this page's earlier request for it).
 * Callers that pass a `signal` stop waiting when it aborts; the shared request goes on for the
 * others. A failed request is forgotten, so a later call tries again. When the new document is
 * the same as the stored copy, the stored copy's object is returned, so callers can tell that
 * nothing changed with `===`.
 */
export function loadDocument(src: string, { signal }: { signal?: AbortSignal } = {}): Promise<DocumentEnvelope> {
  let url: string;
  try {
    url = resolveSrc(src);
  } catch (error) {
    return Promise.reject(error);
  }
  let request = requests.get(url);
  if (request?.doneAt !== undefined && Date.now() - request.doneAt > Math.min(options.refreshAfter, options.maxAge)) {
    requests.delete(url);
    request = undefined;
  }
  if (!request) {
    const started = generation;
    const current: Request = {
      promise: fetchWithRetry(url).then(({ doc, text }) => (generation === started ? remember(url, doc, text) : doc)),
    };
    request = current;
    requests.set(url, current);
    current.promise.then(
      () => {
        current.doneAt = Date.now();
      },
      (error: unknown) => {
        if (requests.get(url) === current) requests.delete(url);
        if (generation === started) forgetIfGone(url, error);
      },
    );
  }
  return signal ? untilAborted(request.promise, signal) : request.promise;
}

/**
 * The last good copy of the document at `src` that is younger than the `maxAge` option: from
 * this page's memory, else from the browser store. Undefined when there is none.
 */
export function storedDocument(src: string): DocumentEnvelope | undefined {
  let url: string;
  try {
    url = resolveSrc(src);
  } catch {
    return undefined;
  }
  return copyOf(url)?.doc;
}

function fresh(savedAt: number): boolean {
  return Date.now() - savedAt <= options.maxAge;
}

function copyOf(url: string): Copy | undefined {
  let copy = copies.get(url);
  if (copy === undefined) {
    copy = options.persist ? restore(url) : undefined;
    keep(url, copy ?? null);
  } else if (copy) {
    keep(url, copy);
  }
  if (copy && !fresh(copy.savedAt)) {
    keep(url, null);
    removeCopy(url);
    return undefined;
  }
  return copy ?? undefined;
}

/** Holds `copy` as the most recently used one, then lets go of the least used beyond the limits. */
function keep(url: string, copy: Copy | null): void {
  copies.delete(url);
  copies.set(url, copy);
  trim();
}

/**
 * Lets go of the least recently used documents (and what this page's finished request for them
 * holds) until at most `memoryDocuments` are kept, with at most `memoryChars` characters together.
 * A document that an element on the page is showing or waiting for (it watches the URL) is kept
 * whatever the limits; a request still running is kept too. A document let go is still in the
 * browser store, when it fits there. The marks for URLs the store has no copy of are bounded by
 * the same number.
 */
function trim(): void {
  const { memoryDocuments, memoryChars } = options;
  let count = 0;
  let marks = 0;
  let chars = 0;
  for (const copy of copies.values()) {
    if (copy) {
      count++;
      chars += copy.text.length;
    } else {
      marks++;
    }
  }
  if (count <= memoryDocuments && chars <= memoryChars && marks <= memoryDocuments) return;
  for (const [url, copy] of copies) {
    const over = copy ? count > memoryDocuments || chars > memoryChars : marks > memoryDocuments;
    if (!over) continue;
    const request = requests.get(url);
    if (watchers.has(url) || (request && request.doneAt === undefined)) continue;
    copies.delete(url);
    requests.delete(url);
    if (copy) {
      count--;
      chars -= copy.text.length;
    } else {
      marks--;
    }
  }
}

/** The browser store's copy of `url`, parsed; an unreadable one is removed. */
function restore(url: string): Copy | undefined {
  const stored = readCopy(url, options.maxAge);
  if (!stored) return undefined;
  try {
    const doc = resolveDocumentUrls(keepReadPosts(parseDocumentText(stored.text)), url);
    return { doc, text: stored.text, savedAt: stored.savedAt };
  } catch {
    removeCopy(url);
    return undefined;
  }
}

/**
 * Keeps a good document, and the text it is stored and compared as (fetchAndParse()), as the copy
 * of `url`; returns the known copy when nothing changed.
 */
function remember(url: string, doc: DocumentEnvelope, text: string): DocumentEnvelope {
  const known = copyOf(url);
  const kept = known && known.text === text ? known.doc : doc;
  const savedAt = Date.now();
  keep(url, { doc: kept, text, savedAt });
  if (options.persist) writeCopy(url, text, { ...DEFAULT_STORE_LIMITS, maxAge: options.maxAge }, savedAt);
  for (const listener of [...(watchers.get(url) ?? [])]) listener(kept);
  return kept;
}

/** A document that is gone (404, 410) loses its stored copy; any other failure keeps it. */
function forgetIfGone(url: string, error: unknown): void {
  if (error instanceof DataError && (error.status === 404 || error.status === 410)) {
    keep(url, null);
    removeCopy(url);
  }
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

/** The request took longer than the `timeout` option: given up, not tried again. */
class TimeoutError extends DataError {}

async function fetchWithRetry(url: string): Promise<Fetched> {
  const started = generation;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url);
    } catch (error) {
      const retryable = error instanceof DataError && error.transient && !(error instanceof TimeoutError);
      if (!retryable || attempt >= options.retries || generation !== started) throw error;
      // The pause the server asked for (Retry-After), else exponential backoff with full jitter:
      // 0..base, 0..2*base, 0..4*base, ... A server that asks for a pause longer than the timeout
      // is not asked again in this load: the element shows its stored copy or its error at once.
      const wait = error.retryAfter ?? Math.random() * options.retryDelay * 2 ** attempt;
      if (wait > options.timeout) throw error;
      await sleep(wait);
      if (generation !== started) throw error;
    }
  }
}

/**
 * One request. The timeout covers the answer and the whole body, and holds even when `fetch` does
 * not: a page may wrap `fetch` in code that ignores the abort signal, or a body may stall in a way
 * that cancelling does not end. The request is raced against its deadline, so the caller hears of
 * the timeout on time whatever the request does after it.
 */
async function fetchOnce(url: string): Promise<Fetched> {
  const { timeout, maxBytes } = options;
  const controller = new AbortController();
  const timedOut = () => new TimeoutError(`the content server did not answer within ${seconds(timeout)}`, { transient: true });
  const timer = setTimeout(() => controller.abort(), timeout);
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(timedOut()), { once: true });
  });
  running.add(controller);
  const attempt = fetchAndParse(url, maxBytes, controller.signal, timedOut);
  // Whatever the request does after the deadline has passed is of no interest to anyone.
  attempt.catch(() => undefined);
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
    running.delete(controller);
  }
}

async function fetchAndParse(
  url: string,
  maxBytes: number,
  signal: AbortSignal,
  timedOut: () => DataError,
): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal,
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    throw signal.aborted
      ? timedOut()
      : new DataError('the content server could not be reached', { transient: true, cause: error });
  }
  if (signal.aborted) {
    void response.body?.cancel().catch(() => undefined);
    throw timedOut();
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new DataError(`the content server answered ${response.status}`, {
      status: response.status,
      transient: response.status >= 500,
      retryAfter: retryAfter(response.headers.get('Retry-After')),
    });
  }
  const text = await readText(response, maxBytes, signal, timedOut);
  // Parsing, resolving, and keeping and showing the document each get a task of their own, so
  // that a large answer does not hold the page for all of them at once.
  await yieldToPage();
  const doc = await parseSourceText(text);
  await yieldToPage();
  // Relative URLs in the document are relative to where it was found (after any redirect).
  const resolving = resolvingDocumentUrls(keepReadPosts(doc), response.url || url);
  for (let resolved = 1; !resolving.next().done; resolved++) if (resolved % URL_SLICE === 0) await yieldToPage();
  await yieldToPage();
  // The text kept with the document: what is stored, and what a later answer is compared with. A
  // document with more values than the browser store takes is kept as the answer it came in, not
  // serialized again, which would cost as much as parsing it did.
  const kept = valuesOver(text, DEFAULT_STORE_LIMITS.maxValues) ? text : await documentText(doc);
  await yieldToPage();
  return { doc, text: kept };
}

/**
 * `JSON.stringify(doc)`, the same text, made with a yield to the page after every TEXT_SLICE
 * entries of a top-level list: serializing a feed of a thousand posts in one go took tens of
 * milliseconds. (A feed or post list is often much longer than the document it becomes, so it is
 * serialized whatever its length, to be stored when the document fits.)
 */
async function documentText(doc: DocumentEnvelope): Promise<string> {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const entries: string[] = [];
    for (const entry of Array.isArray(value) ? value : [value]) {
      entries.push(JSON.stringify(entry) ?? 'null');
      if (entries.length % TEXT_SLICE === 0) await yieldToPage();
    }
    fields.push(`${JSON.stringify(key)}:${Array.isArray(value) ? `[${entries}]` : entries[0]}`);
  }
  return `{${fields}}`;
}

/** Entries of a list serialized between two yields to the page (documentText()). */
const TEXT_SLICE = 100;

/** A fetched document, and the text it is kept as. */
interface Fetched {
  doc: DocumentEnvelope;
  text: string;
}

/**
 * URL fields read (and resolved when relative) between two yields to the page: a feed of a
 * thousand posts has a few thousand of them, which took tens of milliseconds in one go.
 */
const URL_SLICE = 500;

/**
 * A `Retry-After` value (seconds, or an HTTP date) in milliseconds from now; undefined when absent
 * or unreadable. Cross-origin, the browser shows it only if the server lists it in
 * `Access-Control-Expose-Headers`.
 */
function retryAfter(value: string | null): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** "1 MB", "500 kB": how the size limit is named in messages. */
function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 100) / 10} kB`;
}

async function readText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timedOut: () => DataError,
): Promise<string> {
  const tooLarge = () => new DataError(`the response is larger than the ${formatBytes(maxBytes)} limit`);
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return response.text();
  // Read in chunks and stop at the limit, so that a huge answer is neither held nor parsed.
  const reader = response.body.getReader();
  // A body that stalls is given up with the request: cancelling ends the pending read.
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  // Each chunk is decoded as it arrives: no copy of the whole answer, and no single task that
  // decodes a megabyte at the end.
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw timedOut();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw signal.aborted ? timedOut() : new DataError('the response was cut off', { transient: true, cause: error });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return text + decoder.decode();
}
