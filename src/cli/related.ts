/**
 * Related posts for every post of a site, chosen without comparing every post with every other:
 * posts are indexed by tag and by category, newest first, and each post looks only at the posts
 * that share one of its tags or its category, at most CANDIDATES_PER_KEY of them per tag or
 * category. Time: about posts × (tags + 1) × CANDIDATES_PER_KEY, linear in the number of posts.
 * Pure and deterministic: ties are broken by date, then slug.
 */

/** What the choice needs to know of a post. */
export interface RelatedInput {
  slug: string;
  url: string;
  /** Time value of the date; posts without a date count as oldest. */
  time: number;
  tags: readonly string[];
  category?: string;
  /** Pinned posts' indexes in the list, first in that order (already resolved and checked). */
  pinned: readonly number[];
}

/** How many related posts a document carries; the element's `limit` shows fewer. */
export const RELATED_COUNT = 6;

/** How many of the newest posts of one tag or category each post considers. */
export const CANDIDATES_PER_KEY = 200;

/** Newer first; the same date by slug, so the order never depends on the input's order. */
export function newestFirst(a: { time: number; slug: string }, b: { time: number; slug: string }): number {
  return b.time - a.time || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * For each post, the indexes of its related posts: pinned first (in their order), then the posts
 * that share the most tags (a shared category counts as one tag), newest first among equals, then
 * the newest other posts, up to `count`. Never the post itself, never twice.
 */
export function chooseRelated(posts: readonly RelatedInput[], count = RELATED_COUNT): number[][] {
  const byKey = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(index);
  };
  posts.forEach((post, index) => {
    for (const tag of post.tags) add(`t:${tag.toLowerCase()}`, index);
    if (post.category) add(`c:${post.category.toLowerCase()}`, index);
  });
  const order = posts.map((_, index) => index).sort((a, b) => newestFirst(posts[a]!, posts[b]!));
  const rank = new Int32Array(posts.length);
  order.forEach((index, position) => (rank[index] = position));
  for (const list of byKey.values()) {
    list.sort((a, b) => rank[a]! - rank[b]!);
    list.length = Math.min(list.length, CANDIDATES_PER_KEY + 1);
  }
  // The newest posts, enough to fill any list after skipping the post itself and its other picks.
  const newest = order.slice(0, count * 2 + 1);

  return posts.map((post, self) => {
    const chosen: number[] = [];
    const taken = new Set<number>([self]);
    for (const index of post.pinned) {
      if (!taken.has(index)) {
        taken.add(index);
        chosen.push(index);
      }
    }
    if (chosen.length < count) {
      const scores = new Map<number, number>();
      const keys = post.tags.map((tag) => `t:${tag.toLowerCase()}`);
      if (post.category) keys.push(`c:${post.category.toLowerCase()}`);
      for (const key of new Set(keys)) {
        for (const index of byKey.get(key) ?? []) {
          if (!taken.has(index)) scores.set(index, (scores.get(index) ?? 0) + 1);
        }
      }
      const ranked = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || rank[a]! - rank[b]!);
      for (const index of ranked) {
        if (chosen.length >= count) break;
        taken.add(index);
        chosen.push(index);
      }
    }
    for (const index of newest) {
      if (chosen.length >= count) break;
      if (!taken.has(index)) {
        taken.add(index);
        chosen.push(index);
      }
    }
    return chosen;
  });
}
