/**
 * Recognises the other sources `src` may name by their shape alone. This module is small and
 * lives in the main bundle; the adapters that convert a source load on demand (index.ts).
 */

export type Json = Record<string, unknown>;

/** The kinds of source read besides a version 1 document. */
export type SourceKind = 'wordpress' | 'json-feed';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` looks like one post of the WordPress REST API. */
export function isWordPressPost(value: unknown): value is Json {
  return (
    isObject(value) &&
    value['version'] === undefined &&
    isObject(value['title']) &&
    typeof value['title']['rendered'] === 'string' &&
    (typeof value['link'] === 'string' || isObject(value['content']) || isObject(value['excerpt']))
  );
}

/** Whether `value` is a non-empty array of WordPress posts (a `/wp/v2/posts` answer). */
export function isWordPressList(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.every(isWordPressPost);
}

/** Whether `value` is a JSON Feed (version 1 or 1.1). */
export function isJsonFeed(value: unknown): value is Json {
  return (
    isObject(value) &&
    typeof value['version'] === 'string' &&
    value['version'].startsWith('https://jsonfeed.org/version/') &&
    Array.isArray(value['items'])
  );
}

/** Which other source `json` is, or `undefined` for anything else (read as a version 1 document). */
export function sourceOf(json: unknown): SourceKind | undefined {
  if (isJsonFeed(json)) return 'json-feed';
  if (isWordPressPost(json) || isWordPressList(json)) return 'wordpress';
  return undefined;
}
