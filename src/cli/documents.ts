import type { Post } from './content.js';

/**
 * What the command writes, as plain data: the version 1 document of each post, the JSON Feed and
 * the `_headers` file. Pure functions; key order is fixed, so the same input gives the same bytes.
 */

type Json = Record<string, unknown>;

/** Where things are: the blog, where OUT_DIR is served, and where the widgets' script is. */
export interface Urls {
  /** `--site`: the blog; a post's URL defaults to site + slug + "/". */
  site: string;
  /** Where OUT_DIR is served (`--base`, default: `--site`). */
  base: string;
  /** The folder of the widgets' script (`--cdn`, default: base + "widgets/"). */
  cdn: string;
}

/** A post after the build resolved its URL and image. */
export interface ResolvedPost {
  post: Post;
  url: string;
  image?: { src: string; alt: string; width?: number; height?: number };
  /** The summary, or the start of the body. */
  summary?: string;
  time: number;
}

/** A Markdown body's first paragraph as plain text, cut at about `max` characters at a word. */
export function summaryOf(markdown: string, max = 220): string | undefined {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block && !/^(#|>|```|~~~|[-*+] |\d+\. |!\[|<|\||---)/.test(block));
  if (!paragraph) return undefined;
  const text = paragraph
    .slice(0, 2000)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text || undefined;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,.;:]+$/, '')}…`;
}

/** The `article` section of a post's document. */
export function articleSection(resolved: ResolvedPost): Json {
  const { post } = resolved;
  return {
    id: post.slug,
    title: post.title,
    url: resolved.url,
    category: post.category,
    summary: resolved.summary,
    body: post.body || undefined,
    image: resolved.image,
    author: post.author,
    published: post.date,
    tags: post.tags,
    reviewedBy: post.reviewedBy,
    lastReviewed: post.lastReviewed,
    disclaimer: post.disclaimer,
  };
}

/** One entry of a `related` section. */
export function relatedEntry(resolved: ResolvedPost): Json {
  const { post } = resolved;
  return {
    id: post.slug,
    title: post.title,
    url: resolved.url,
    author: post.author,
    published: post.date,
    image: resolved.image ? { src: resolved.image.src, alt: resolved.image.alt } : undefined,
    summary: resolved.summary,
    category: post.category,
    tags: post.tags.length ? post.tags : undefined,
  };
}

/** The version 1 document of one post. */
export function postDocument(resolved: ResolvedPost, publisher: Json, related: Json[], urls: Urls): Json {
  return {
    version: 1,
    site: { name: typeof publisher['name'] === 'string' ? publisher['name'] : undefined, url: urls.site },
    article: articleSection(resolved),
    publisher,
    related,
  };
}

/** RFC 3339 for JSON Feed: a date alone becomes midnight UTC. */
function rfc3339(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/** The JSON Feed 1.1 of every post (already newest first), with summaries; the full text is in each document. */
export function jsonFeed(posts: readonly ResolvedPost[], publisher: Json, urls: Urls, language: string): Json {
  const logo = publisher['logo'] as Json | undefined;
  const name = typeof publisher['name'] === 'string' ? publisher['name'] : undefined;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: name,
    home_page_url: urls.site,
    feed_url: new URL('feed.json', urls.base).href,
    description: publisher['description'],
    icon: logo && typeof logo['src'] === 'string' ? logo['src'] : undefined,
    language,
    authors: name ? [{ name, url: publisher['url'] }] : undefined,
    items: posts.map((resolved) => {
      const { post } = resolved;
      return {
        id: resolved.url,
        url: resolved.url,
        title: post.title,
        summary: resolved.summary,
        content_text: resolved.summary ?? post.title,
        image: resolved.image?.src,
        date_published: rfc3339(post.date),
        authors: post.author ? [{ name: post.author }] : undefined,
        tags: post.tags.length ? post.tags : undefined,
      };
    }),
  };
}

/**
 * `_headers` (Netlify, Cloudflare Pages and hosts that read the same format): CORS for every file,
 * `Retry-After` readable by the widgets, and caching. Documents and the feed are fresh for 5
 * minutes and then served stale while the CDN revalidates; the widgets keep their own copy too.
 */
export function headersFile(urls: Urls, hostsWidgets: boolean): string {
  const root = new URL(urls.base).pathname;
  const lines = [
    `${root}*`,
    '  Access-Control-Allow-Origin: *',
    '  Access-Control-Expose-Headers: Retry-After',
    '  X-Content-Type-Options: nosniff',
    `${root}articles/*`,
    '  Cache-Control: public, max-age=300, stale-while-revalidate=86400',
    `${root}feed.json`,
    '  Cache-Control: public, max-age=300, stale-while-revalidate=86400',
    `${root}embed/*`,
    '  Cache-Control: public, max-age=300, stale-while-revalidate=86400',
    `${root}media/*`,
    '  Cache-Control: public, max-age=86400',
  ];
  if (hostsWidgets) {
    lines.push(
      `${root}widgets/*`,
      '  Cache-Control: public, max-age=3600, stale-while-revalidate=86400',
      `${root}widgets/chunks/*`,
      '  Cache-Control: public, max-age=31536000, immutable',
    );
  }
  return `${lines.join('\n')}\n`;
}
