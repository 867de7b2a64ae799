import { field, isObject, type Json } from './shape.js';
import { decodeEntities, plainText } from './text.js';

/**
 * WordPress REST API posts (`/wp-json/wp/v2/posts/ID?_embed`, `/wp-json/wp/v2/posts?slug=…&_embed`,
 * `/wp-json/wp/v2/posts?_embed`) as a version 1 document. Pure: parsed JSON in, plain JSON out; the
 * document's own parser checks every field afterwards, as it does for any document.
 *
 * - title and excerpt: tags removed, character references decoded (WordPress sends both as HTML);
 * - `content.rendered`: the article body, marked `bodyFormat: 'html'`, so the card sanitizes it
 *   with the same allow-list as Markdown output;
 * - author and featured image from `_embedded` (left out when not embedded or not public);
 * - categories and tags by name from `_embedded["wp:term"]`.
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** `field.rendered` of a WordPress object (`title`, `excerpt`, `content`, `guid`). */
const rendered = (value: unknown): string | undefined => text(field(value, 'rendered'));

/** The first usable embedded object of `post._embedded[key]` (WordPress embeds errors as objects with `code`). */
function embedded(post: Json, key: string): Json | undefined {
  const list = field(field(post, '_embedded'), key);
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return isObject(first) && field(first, 'code') === undefined ? first : undefined;
}

/** Term names of one taxonomy, from `_embedded["wp:term"]` (an array of arrays, one per taxonomy). */
function terms(post: Json, taxonomy: string): string[] {
  const groups = field(field(post, '_embedded'), 'wp:term');
  if (!Array.isArray(groups)) return [];
  const names: string[] = [];
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    for (const term of group) {
      const name = text(field(term, 'name'));
      if (field(term, 'taxonomy') === taxonomy && name) names.push(plainText(name));
    }
  }
  return names.filter(Boolean);
}

function featuredImage(post: Json): Json | undefined {
  const media = embedded(post, 'wp:featuredmedia');
  const src = media && text(field(media, 'source_url'));
  if (!media || !src) return undefined;
  const details = field(media, 'media_details');
  const size = (value: unknown) => (typeof value === 'number' && value > 0 ? value : undefined);
  // An image without alt text is decorative here: the title beside it says what it shows.
  const altText = field(media, 'alt_text');
  const alt = typeof altText === 'string' ? decodeEntities(altText).trim() : '';
  return { src, alt, width: size(field(details, 'width')), height: size(field(details, 'height')) };
}

/** WordPress dates carry no zone; `date_gmt` is UTC, so it becomes an ISO 8601 UTC date-time. */
function published(post: Json): string | undefined {
  const gmt = text(field(post, 'date_gmt'));
  if (gmt && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(gmt)) return `${gmt}Z`;
  return text(field(post, 'date'));
}

/** One post as the `article` section of a version 1 document. */
export function wordPressArticle(post: Json): Json {
  const title = plainText(rendered(field(post, 'title')) ?? '');
  const open = (key: string) => (field(field(post, key), 'protected') !== true ? rendered(field(post, key)) : undefined);
  const content = open('content');
  const excerpt = open('excerpt');
  const author = text(field(embedded(post, 'author'), 'name'));
  const id = field(post, 'id');
  return {
    id: typeof id === 'number' || typeof id === 'string' ? String(id) : undefined,
    title,
    url: text(field(post, 'link')),
    category: terms(post, 'category')[0],
    summary: excerpt === undefined ? undefined : plainText(excerpt) || undefined,
    body: content,
    bodyFormat: content === undefined ? undefined : 'html',
    image: featuredImage(post),
    author: author === undefined ? undefined : plainText(author),
    published: published(post),
    tags: terms(post, 'post_tag'),
  };
}

/** One post as an entry of the `related` section. */
function relatedPost(article: Json): Json {
  const { id, title, url, category, summary, image, author, published, tags } = article;
  return { id, title, url, category, summary, image, author, published, tags };
}

/**
 * A post (object) as a document with its `article`; a list of posts as a document with every post
 * in `related`, the first one as `article` (the one a `?slug=…` query returns), and all of them in
 * `items`, where the card's `item` attribute finds one by id or URL.
 */
export function fromWordPress(value: Json | Json[]): Json {
  if (!Array.isArray(value)) {
    const article = wordPressArticle(value);
    return { version: 1, article, items: [article] };
  }
  const items = value.map(wordPressArticle);
  return { version: 1, article: items[0], related: items.map(relatedPost), items };
}
