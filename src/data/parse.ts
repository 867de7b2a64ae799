import { sourceOf } from './adapters/shape.js';
import { DataError } from './errors.js';
import type { Article, DocumentEnvelope, ImageRef, OpeningHours, PostalAddress, Publisher, RelatedPost, Reviewer } from './types.js';
import { safeUrl } from './url.js';

/**
 * Turns unknown JSON into typed content. What decides whether a section can be shown is an error:
 * a section that is not an object (or not an array, for `related`), a required field that is
 * missing or not text. Those throw a DataError that names the field ("article.title is
 * required"). An optional value that cannot be read (a date that is not one, a width that is not
 * a number, a summary that is not text) is left out, the rest of the section still renders, and
 * the problem is handed to the warnings being collected (collectWarnings), if any. Unknown fields
 * are ignored; URL fields that break the scheme rule are dropped quietly (see url.ts).
 *
 * Only a value's own properties are read: a field a page added to `Object.prototype` is not a
 * field of the document.
 */

type Json = Record<string, unknown>;

/** An optional value that was left out: where it was, why, and what it was. */
export interface ParseWarning {
  /** Where the value was, as a path into the section ("article.published", "related[3].image.width"). */
  path: string;
  /** What the value should have been ("must be an ISO 8601 date"). */
  problem: string;
  value: unknown;
}

/** Where warnings go while collectWarnings() runs; nowhere otherwise. */
let collecting: ParseWarning[] | undefined;

/**
 * Runs `read` (which calls the parse functions) and returns its result with the optional values
 * it left out. Outside such a call, the parse functions leave values out without telling anyone.
 */
export function collectWarnings<T>(read: () => T): { value: T; warnings: ParseWarning[] } {
  const outer = collecting;
  const warnings: ParseWarning[] = [];
  collecting = warnings;
  try {
    return { value: read(), warnings };
  } finally {
    collecting = outer;
  }
}

function leaveOut(path: string, problem: string, value: unknown): undefined {
  collecting?.push({ path, problem, value });
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `obj[key]` if `obj` has it as its own property; inherited properties do not count. */
export function own(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Json)[key] : undefined;
}

function absent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new DataError(`${path} must be an object`);
  return value;
}

function optionalObject(obj: Json, key: string, path: string): Json | undefined {
  const value = own(obj, key);
  if (absent(value)) return undefined;
  return isObject(value) ? value : leaveOut(`${path}.${key}`, 'must be an object', value);
}

function optionalString(obj: Json, key: string, path: string): string | undefined {
  const value = own(obj, key);
  if (absent(value)) return undefined;
  if (typeof value !== 'string') return leaveOut(`${path}.${key}`, 'must be a string', value);
  return value.trim() === '' ? undefined : value;
}

function requiredString(obj: Json, key: string, path: string): string {
  const value = own(obj, key);
  if (!absent(value) && typeof value !== 'string') throw new DataError(`${path}.${key} must be a string`);
  if (typeof value !== 'string' || value.trim() === '') throw new DataError(`${path}.${key} is required`);
  return value;
}

function optionalUrl(obj: Json, key: string, path: string): string | undefined {
  return safeUrl(optionalString(obj, key, path));
}

function optionalSize(obj: Json, key: string, path: string): number | undefined {
  const value = own(obj, key);
  if (absent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return leaveOut(`${path}.${key}`, 'must be a positive number', value);
  }
  return value;
}

function optionalDate(obj: Json, key: string, path: string): string | undefined {
  const value = own(obj, key);
  if (absent(value) || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    return leaveOut(`${path}.${key}`, 'must be an ISO 8601 date', value);
  }
  return value;
}

function optionalTags(obj: Json, key: string, path: string): string[] {
  const value = own(obj, key);
  if (absent(value)) return [];
  if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) return value as string[];
  return leaveOut(`${path}.${key}`, 'must be an array of strings', value) ?? [];
}

function image(obj: Json, key: string, path: string): ImageRef | undefined {
  const raw = optionalObject(obj, key, path);
  if (!raw) return undefined;
  const at = `${path}.${key}`;
  const src = optionalUrl(raw, 'src', at);
  if (!src) return undefined;
  return {
    src,
    alt: optionalString(raw, 'alt', at) ?? '',
    width: optionalSize(raw, 'width', at),
    height: optionalSize(raw, 'height', at),
  };
}

/** `reviewedBy`: `{ name, credential, url }`, or just the name; left out without a name. */
function reviewer(obj: Json, path: string): Reviewer | undefined {
  const value = own(obj, 'reviewedBy');
  if (typeof value === 'string') return value.trim() ? { name: value.trim() } : undefined;
  const raw = optionalObject(obj, 'reviewedBy', path);
  if (!raw) return undefined;
  const at = `${path}.reviewedBy`;
  const name = optionalString(raw, 'name', at);
  if (!name) return leaveOut(`${at}.name`, 'is required', own(raw, 'name'));
  return { name, credential: optionalString(raw, 'credential', at), url: optionalUrl(raw, 'url', at) };
}

export function parseArticle(value: unknown, path = 'article'): Article {
  const obj = object(value, path);
  return {
    id: optionalString(obj, 'id', path),
    title: requiredString(obj, 'title', path),
    url: optionalUrl(obj, 'url', path),
    category: optionalString(obj, 'category', path),
    summary: optionalString(obj, 'summary', path),
    body: optionalString(obj, 'body', path),
    ...(own(obj, 'bodyFormat') === 'html' ? { bodyFormat: 'html' as const } : {}),
    image: image(obj, 'image', path),
    author: optionalString(obj, 'author', path),
    published: optionalDate(obj, 'published', path),
    tags: optionalTags(obj, 'tags', path),
    reviewedBy: reviewer(obj, path),
    lastReviewed: optionalDate(obj, 'lastReviewed', path),
    disclaimer: optionalString(obj, 'disclaimer', path),
  };
}

function address(obj: Json, path: string): PostalAddress | undefined {
  const value = own(obj, 'address');
  if (typeof value === 'string') return value.trim() ? { line: value.trim() } : undefined;
  const raw = optionalObject(obj, 'address', path);
  if (!raw) return undefined;
  const at = `${path}.address`;
  const result: PostalAddress = {
    street: optionalString(raw, 'street', at),
    city: optionalString(raw, 'city', at),
    region: optionalString(raw, 'region', at),
    postalCode: optionalString(raw, 'postalCode', at),
    country: optionalString(raw, 'country', at),
  };
  return Object.values(result).some(Boolean) ? result : undefined;
}

const HOURS_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DAYS = new Set(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);

/** `publisher.hours`: the lines that can be read; a line that cannot is left out. */
function hours(obj: Json, path: string): OpeningHours[] | undefined {
  const value = own(obj, 'hours');
  if (absent(value)) return undefined;
  if (!Array.isArray(value)) return leaveOut(`${path}.hours`, 'must be an array', value);
  const lines: OpeningHours[] = [];
  value.forEach((item, index) => {
    const at = `${path}.hours[${index}]`;
    if (!isObject(item)) return leaveOut(at, 'must be an object', item);
    const days = own(item, 'days');
    const opens = own(item, 'opens');
    const closes = own(item, 'closes');
    if (!Array.isArray(days) || !days.every((day) => DAYS.has(day))) {
      return leaveOut(`${at}.days`, 'must hold "Mo", "Tu", "We", "Th", "Fr", "Sa" or "Su"', days);
    }
    for (const [key, time] of [['opens', opens], ['closes', closes]] as const) {
      if (typeof time !== 'string' || !HOURS_TIME.test(time)) return leaveOut(`${at}.${key}`, 'must be a time such as "09:00"', time);
    }
    lines.push({ days: days as string[], opens: opens as string, closes: closes as string });
  });
  return lines;
}

/** `publisher.timeZone`, if the browser knows it. */
function timeZone(obj: Json, path: string): string | undefined {
  const value = optionalString(obj, 'timeZone', path);
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return leaveOut(`${path}.timeZone`, 'must be an IANA time zone such as "America/Los_Angeles"', value);
  }
  return value;
}

export function parsePublisher(value: unknown, path = 'publisher'): Publisher {
  const obj = object(value, path);
  return {
    name: requiredString(obj, 'name', path),
    headline: optionalString(obj, 'headline', path),
    url: optionalUrl(obj, 'url', path),
    phone: optionalString(obj, 'phone', path),
    description: optionalString(obj, 'description', path),
    address: address(obj, path),
    logo: image(obj, 'logo', path),
    hours: hours(obj, path),
    timeZone: timeZone(obj, path),
    bookingUrl: optionalUrl(obj, 'bookingUrl', path),
    mapUrl: optionalUrl(obj, 'mapUrl', path),
  };
}

function parseRelatedPost(value: unknown, path: string): RelatedPost {
  const obj = object(value, path);
  const url = safeUrl(requiredString(obj, 'url', path));
  return {
    title: requiredString(obj, 'title', path),
    // A post whose URL breaks the scheme rule keeps its title but loses its link.
    url: url ?? '',
    author: optionalString(obj, 'author', path),
    published: optionalDate(obj, 'published', path),
    image: image(obj, 'image', path),
    id: optionalString(obj, 'id', path),
    tags: optionalTags(obj, 'tags', path),
    category: optionalString(obj, 'category', path),
    summary: optionalString(obj, 'summary', path),
  };
}

/**
 * The most entries of a list that anything reads: curation (`pinned`, `exclude`, `tags`) looks at
 * the first these many related posts and the element shows the first `limit` of them; the card's
 * `item` is found among the first these many articles of a feed or post list. A fetched document
 * keeps only these (keepReadPosts). Entries past them are never read, checked or held.
 */
export const CURATION_WINDOW = 1000;

/** `list` cut to its first CURATION_WINDOW entries, or `list` itself when it is not a longer array. */
function firstEntries(list: unknown): unknown {
  return Array.isArray(list) && list.length > CURATION_WINDOW ? list.slice(0, CURATION_WINDOW) : list;
}

/**
 * Cuts a fetched document's lists (`related`, and the articles of a feed, `items`) to their first
 * CURATION_WINDOW entries, in place, and returns the document. What follows is never read, so a
 * list of tens of thousands of posts is resolved, compared, held and stored as the thousand that
 * can be shown; nothing in those entries is checked here (the element parses the ones it shows).
 */
export function keepReadPosts<T extends DocumentEnvelope>(doc: T): T {
  for (const key of ['related', 'items']) {
    const list = own(doc, key);
    if (list !== undefined) (doc as Json)[key] = firstEntries(list);
  }
  return doc;
}

export function parseRelated(value: unknown, path = 'related'): RelatedPost[] {
  if (!Array.isArray(value)) throw new DataError(`${path} must be an array`);
  return value.map((item, index) => parseRelatedPost(item, `${path}[${index}]`));
}

/**
 * Checks the envelope of a content document: an object, version 1 when a version is given, and
 * sections of the right kind. Sections are parsed in full by the element that shows them, so a
 * fault in `related` does not stop a publisher block on the same document from rendering.
 */
export function parseDocument(value: unknown): DocumentEnvelope {
  const doc = object(value, 'the document');
  const version = own(doc, 'version');
  if (version !== undefined && version !== 1) {
    throw new DataError(`version ${JSON.stringify(version)} is not supported (expected 1)`);
  }
  for (const key of ['site', 'article', 'publisher'] as const) {
    const section = own(doc, key);
    if (!absent(section)) object(section, key);
  }
  const related = own(doc, 'related');
  if (!absent(related) && !Array.isArray(related)) {
    throw new DataError('related must be an array');
  }
  return doc as DocumentEnvelope;
}

/** Where a document keeps URLs: a path of own properties from the envelope (`[]` is every item of an array). */
const URL_FIELDS: ReadonlyArray<readonly string[]> = [
  ['site', 'url'],
  ['article', 'url'],
  ['article', 'image', 'src'],
  ['article', 'reviewedBy', 'url'],
  ['publisher', 'url'],
  ['publisher', 'logo', 'src'],
  ['publisher', 'bookingUrl'],
  ['publisher', 'mapUrl'],
  ['related', '[]', 'url'],
  ['related', '[]', 'image', 'src'],
  ['items', '[]', 'url'],
  ['items', '[]', 'image', 'src'],
  ['items', '[]', 'reviewedBy', 'url'],
];

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

function* resolveAt(node: unknown, path: readonly string[], base: string): Generator<void, void, void> {
  if (typeof node !== 'object' || node === null) return;
  const [key, ...rest] = path as [string, ...string[]];
  if (key === '[]') {
    if (Array.isArray(node)) for (const item of node) yield* resolveAt(item, rest, base);
    return;
  }
  if (Array.isArray(node) || !Object.hasOwn(node, key)) return;
  const value = (node as Json)[key];
  if (rest.length) return yield* resolveAt(value, rest, base);
  // Only a relative URL that the scheme rule accepts is resolved; anything else is left for the
  // parser to keep or drop as it is.
  const allowed = typeof value === 'string' ? safeUrl(value) : undefined;
  if (allowed !== undefined && !SCHEME.test(allowed)) {
    try {
      (node as Json)[key] = new URL(allowed, base).href;
    } catch {
      // Not resolvable against this base: left as it is.
    }
  }
  // Reading a URL costs about what resolving one does: a feed of absolute URLs counts too.
  yield;
}

/**
 * Resolves the relative URLs of a fetched document (links, images, the logo) against the
 * document's own URL, as a browser does for links in a page, so that a document served from
 * another origin points at its own site and not at the page that shows it. Changes `doc` in
 * place. The Markdown body's links are resolved when it is rendered. It pauses after each URL
 * field it reads, so that a caller can give the page the main thread back between a few hundred
 * of them.
 */
export function* resolvingDocumentUrls(doc: DocumentEnvelope, base: string): Generator<void, void, void> {
  for (const path of URL_FIELDS) yield* resolveAt(doc, path, base);
}

/** resolvingDocumentUrls() in one go; returns `doc`. */
export function resolveDocumentUrls<T extends DocumentEnvelope>(doc: T, base: string): T {
  const work = resolvingDocumentUrls(doc, base);
  while (!work.next().done);
  return doc;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`the response is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * The JSON array in `text`, parsed as far as its first `count` entries: what follows them is not
 * read, not even checked as JSON, so a list of tens of thousands of posts in an attribute costs
 * what its first `count` posts cost. Text that is not an array, or that has no more entries, is
 * parsed whole. Throws JSON.parse's SyntaxError.
 *
 * Not the sliced parser (slices.ts), which keeps every array to its first entries too: that one
 * is asynchronous and loads on demand, where an attribute is read in the render that shows it,
 * and it reads and checks the whole text, where this one stops.
 */
export function parseJsonHead(text: string, count: number): unknown {
  let depth = 0;
  let entries = 0;
  if (/^[ \t\n\r]*\[/.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        // A string: to its closing quote, past escaped characters.
        for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      } else if (c === 91 || c === 123) {
        depth++;
      } else if (c === 93 || c === 125) {
        depth--;
      } else if (c === 44 && depth === 1 && ++entries === count) {
        return JSON.parse(`${text.slice(0, i)}]`);
      }
    }
  }
  return JSON.parse(text);
}

/** Parses JSON text into a document, naming the problem when it is not JSON. */
export function parseDocumentText(text: string): DocumentEnvelope {
  return parseDocument(parseJson(text));
}

/**
 * The longest answer parsed with one JSON.parse, in characters; a longer one is parsed in slices
 * (slices.ts), with the main thread given back to the page between two of them. What JSON.parse
 * costs depends on the shape of the text: at this length the worst shape (tiny objects or keys,
 * one after the other) stays well within a task of 50 ms.
 */
export const JSON_SLICE = 50_000;

/**
 * Characters the sliced parser reads between two yields to the page. Its first slice runs
 * before the parser is compiled for speed: at 10,000 characters that slice took at most 12 ms
 * here, and the others under a millisecond.
 */
export const SLICE_CHARS = 10_000;

/**
 * Parses a long answer in slices, every array in it kept to its first CURATION_WINDOW entries;
 * the parser loads on demand, and without it, the answer is parsed in one go.
 */
async function parseLongJson(text: string): Promise<unknown> {
  let parse: typeof import('./slices.js').parseJsonInSlices;
  try {
    ({ parseJsonInSlices: parse } = await import('./slices.js'));
  } catch {
    return parseJson(text);
  }
  try {
    // Every array is kept to its first CURATION_WINDOW entries as it is read: nothing reads more.
    return await parse(text, SLICE_CHARS, undefined, CURATION_WINDOW);
  } catch (error) {
    throw new DataError(`the response is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Parses an answer from `src`: a version 1 document, or another source recognised by its shape
 * (a WordPress post or post list, a JSON Feed), read as the version 1 document it maps to. The
 * adapters load on demand, only for such a source. An answer longer than JSON_SLICE characters
 * is parsed in slices.
 */
export async function parseSourceText(text: string): Promise<DocumentEnvelope> {
  const json = text.length > JSON_SLICE ? await parseLongJson(text) : parseJson(text);
  if (sourceOf(json) === undefined) return parseDocument(json);
  const { adaptDocument } = await import('./adapters/index.js');
  // A post list or a feed is read as far as its first CURATION_WINDOW entries, before adapting.
  const items = own(json as object, 'items');
  const source = Array.isArray(json) ? firstEntries(json) : items === undefined ? json : { ...(json as Json), items: firstEntries(items) };
  return parseDocument(adaptDocument(source));
}
