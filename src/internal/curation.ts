/**
 * Curation of related posts: which posts a `<clinic-related-posts>` shows, and in what order.
 * Pure functions from data to data; applied before `limit`.
 */

/** What curation reads of a post. */
export interface Curatable {
  url: string;
  id?: string;
  tags?: readonly string[];
}

export interface Curation {
  /** URLs or ids never shown. */
  exclude?: readonly string[];
  /**
   * The page's canonical URL: a post at this URL (query and fragment ignored) is left out; a link
   * to a place in the page itself (`#…`) is not.
   */
  current?: string;
  /** URLs or ids shown first, in this order. */
  pinned?: readonly string[];
  /** Only posts that carry at least one of these tags (pinned posts are shown anyway). */
  tags?: readonly string[];
}

/** The words of a space-separated attribute (`exclude`, `pinned`, `tags`). */
export function words(value: string | undefined | null): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** A URL for comparison: absolute, without the fragment (and without the query if asked), no trailing slash. */
function comparable(value: string, base: string | undefined, dropQuery: boolean): string | undefined {
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    if (dropQuery) url.search = '';
    return url.href.replace(/\/(?=$|\?)/, '');
  } catch {
    return undefined;
  }
}

/** Whether `word` (a URL or an id) names `post`. */
function names(post: Curatable, word: string, base: string | undefined): boolean {
  if (post.id !== undefined && post.id === word) return true;
  if (!post.url) return false;
  const a = comparable(post.url, base, false);
  return a !== undefined && a === comparable(word, base, false);
}

/**
 * The posts to show, in order: without the excluded ones and the current page, pinned posts
 * first in the order given, then the others that carry one of `tags` (all when no tags), in their
 * own order; at most `limit` of them. `base` resolves relative URLs (the page's URL). A post is
 * looked at only as far as it takes to find them: with a `limit`, the posts after the last one
 * shown are never compared with the current page or the excluded ones.
 */
export function curate<T extends Curatable>(
  posts: readonly T[],
  curation: Curation,
  base: string | undefined,
  limit = Infinity,
): T[] {
  const exclude = curation.exclude ?? [];
  const pinned = curation.pinned ?? [];
  const tags = new Set((curation.tags ?? []).map((tag) => tag.toLowerCase()));
  const current = curation.current ? comparable(curation.current, base, true) : undefined;
  const leftOut = (post: T): boolean =>
    exclude.some((word) => names(post, word, base)) ||
    // A link to a place in this page ("#part-2") is not the page's article itself.
    (current !== undefined && !!post.url && !post.url.startsWith('#') && comparable(post.url, base, true) === current);
  const first: T[] = [];
  for (const word of pinned) {
    const post = posts.find((candidate) => names(candidate, word, base) && !leftOut(candidate));
    if (post && !first.includes(post)) first.push(post);
  }
  const shown = first.slice(0, limit);
  for (const post of posts) {
    if (shown.length >= limit) break;
    if (first.includes(post)) continue;
    if (tags.size && !(post.tags ?? []).some((tag) => tags.has(tag.toLowerCase()))) continue;
    if (!leftOut(post)) shown.push(post);
  }
  return shown;
}
