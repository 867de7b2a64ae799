/**
 * Recognises the other sources `src` may name by their shape alone. This module is small and
 * lives in the main bundle; the adapters that convert a source load on demand (index.ts).
 */

export type Json = Record<string, unknown>;

/** The kinds of source read besides a version 1 document. */
export type SourceKind = 'wordpress' | 'json-feed';

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value[key]` when `value` is an object that has that key as its own: a property the page added
 * to `Object.prototype` is never read as a field of a document.
 */
export const field = (value: unknown, key: string): unknown =>
  isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;

/** Whether `value` looks like one post of the WordPress REST API. */
export function isWordPressPost(value: unknown): value is Json {
  return (
    isObject(value) &&
    field(value, 'version') === undefined &&
    typeof field(field(value, 'title'), 'rendered') === 'string' &&
    (typeof field(value, 'link') === 'string' || isObject(field(value, 'content')) || isObject(field(value, 'excerpt')))
  );
}

/** Whether `value` is a non-empty array of WordPress posts (a `/wp/v2/posts` answer). */
export function isWordPressList(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.every(isWordPressPost);
}

/** Whether `value` is a JSON Feed (version 1 or 1.1). */
export function isJsonFeed(value: unknown): value is Json {
  const version = field(value, 'version');
  return typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/') && Array.isArray(field(value, 'items'));
}

/** Which other source `json` is, or `undefined` for anything else (read as a version 1 document). */
export function sourceOf(json: unknown): SourceKind | undefined {
  if (isJsonFeed(json)) return 'json-feed';
  if (isWordPressPost(json) || isWordPressList(json)) return 'wordpress';
  return undefined;
}
