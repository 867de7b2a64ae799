/**
 * How many related posts a list shows, and which: the one place that caps a list. A document (or a
 * `data` array, or an `items` attribute) may hold many more posts than a reader needs; the list
 * shows at most MAX_POSTS of them, and the posts past the ones it shows are never read, so tens of
 * thousands of posts cost no more than fifty.
 */

/** The most posts a list shows, whatever `limit` says. */
export const MAX_POSTS = 50;

/**
 * The number of posts shown for a `limit` value: its whole part, from 0 to MAX_POSTS. When `limit`
 * is unset or not a number of 0 or more, `fallback` (itself capped at MAX_POSTS).
 */
export function postLimit(limit: unknown, fallback: number = MAX_POSTS): number {
  const n = limit === undefined || limit === null ? NaN : Number(limit);
  const wanted = Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
  return Math.max(0, Math.min(wanted, MAX_POSTS));
}

/**
 * The first `postLimit(limit)` entries of a list of posts, not yet parsed; the others are not
 * touched. A value that is not an array is returned as it is, for the parser to name the fault.
 */
export function firstPosts(list: unknown, limit: unknown): unknown {
  return Array.isArray(list) ? list.slice(0, postLimit(limit)) : list;
}
