import { sourceOf } from './adapters/shape.js';
import { DataError } from './errors.js';
import type { Article, DocumentEnvelope, ImageRef, PostalAddress, Publisher, RelatedPost } from './types.js';
import { safeUrl } from './url.js';

/**
 * Turns unknown JSON into typed content, or throws a DataError that names the field at fault
 * ("article.title must be a string"). Unknown fields are ignored; URL fields that break the
 * scheme rule are dropped (see url.ts) and the rest of the section still renders.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new DataError(`${path} must be an object`);
  return value;
}

function optionalObject(obj: Json, key: string, path: string): Json | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : object(value, `${path}.${key}`);
}

function optionalString(obj: Json, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DataError(`${path}.${key} must be a string`);
  return value.trim() === '' ? undefined : value;
}

function requiredString(obj: Json, key: string, path: string): string {
  const value = optionalString(obj, key, path);
  if (value === undefined) throw new DataError(`${path}.${key} is required`);
  return value;
}

function optionalUrl(obj: Json, key: string, path: string): string | undefined {
  return safeUrl(optionalString(obj, key, path));
}

function optionalSize(obj: Json, key: string, path: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DataError(`${path}.${key} must be a positive number`);
  }
  return value;
}

function optionalDate(obj: Json, key: string, path: string): string | undefined {
  const value = optionalString(obj, key, path);
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw new DataError(`${path}.${key} must be an ISO 8601 date`);
  }
  return value;
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

export function parseArticle(value: unknown, path = 'article'): Article {
  const obj = object(value, path);
  const tags = obj['tags'];
  if (tags !== undefined && tags !== null && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
    throw new DataError(`${path}.tags must be an array of strings`);
  }
  return {
    id: optionalString(obj, 'id', path),
    title: requiredString(obj, 'title', path),
    url: optionalUrl(obj, 'url', path),
    category: optionalString(obj, 'category', path),
    summary: optionalString(obj, 'summary', path),
    body: optionalString(obj, 'body', path),
    ...(obj['bodyFormat'] === 'html' ? { bodyFormat: 'html' as const } : {}),
    image: image(obj, 'image', path),
    author: optionalString(obj, 'author', path),
    published: optionalDate(obj, 'published', path),
    tags: (tags as string[] | undefined) ?? [],
  };
}

function address(obj: Json, path: string): PostalAddress | undefined {
  const value = obj['address'];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() ? { line: value.trim() } : undefined;
  const raw = object(value, `${path}.address`);
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
  };
}

function parseRelatedPost(value: unknown, path: string): RelatedPost {
  const obj = object(value, path);
  const url = optionalUrl(obj, 'url', path);
  requiredString(obj, 'url', path);
  return {
    title: requiredString(obj, 'title', path),
    // A post whose URL breaks the scheme rule keeps its title but loses its link.
    url: url ?? '',
    author: optionalString(obj, 'author', path),
    published: optionalDate(obj, 'published', path),
    image: image(obj, 'image', path),
  };
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
  const version = doc['version'];
  if (version !== undefined && version !== 1) {
    throw new DataError(`version ${JSON.stringify(version)} is not supported (expected 1)`);
  }
  for (const key of ['site', 'article', 'publisher'] as const) {
    if (doc[key] !== undefined && doc[key] !== null) object(doc[key], key);
  }
  if (doc['related'] !== undefined && doc['related'] !== null && !Array.isArray(doc['related'])) {
    throw new DataError('related must be an array');
  }
  return doc as DocumentEnvelope;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`the response is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/** Parses JSON text into a document, naming the problem when it is not JSON. */
export function parseDocumentText(text: string): DocumentEnvelope {
  return parseDocument(parseJson(text));
}

/**
 * Parses an answer from `src`: a version 1 document, or another source recognised by its shape
 * (a WordPress post or post list, a JSON Feed), read as the version 1 document it maps to. The
 * adapters load on demand, only for such a source.
 */
export async function parseSourceText(text: string): Promise<DocumentEnvelope> {
  const json = parseJson(text);
  if (sourceOf(json) === undefined) return parseDocument(json);
  const { adaptDocument } = await import('./adapters/index.js');
  return parseDocument(adaptDocument(json));
}
