import type { Json } from './shape.js';
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

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** `field.rendered` of a WordPress object (`title`, `excerpt`, `content`, `guid`). */
const rendered = (value: unknown): string | undefined => (isObject(value) ? text(value['rendered']) : undefined);

/** The first usable embedded object of `post._embedded[key]` (WordPress embeds errors as objects with `code`). */
function embedded(post: Json, key: string): Json | undefined {
  const list = isObject(post['_embedded']) ? post['_embedded'][key] : undefined;
  const first = Array.isArray(list) ? list[0] : undefined;
  return isObject(first) && first['code'] === undefined ? first : undefined;
}

/** Term names of one taxonomy, from `_embedded["wp:term"]` (an array of arrays, one per taxonomy). */
function terms(post: Json, taxonomy: string): string[] {
  const groups = isObject(post['_embedded']) ? post['_embedded']['wp:term'] : undefined;
  if (!Array.isArray(groups)) return [];
  const names: string[] = [];
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    for (const term of group) {
      if (isObject(term) && term['taxonomy'] === taxonomy && text(term['name'])) names.push(plainText(term['name'] as string));
    }
  }
  return names.filter(Boolean);
}

function featuredImage(post: Json): Json | undefined {
  const media = embedded(post, 'wp:featuredmedia');
  const src = media && text(media['source_url']);
  if (!media || !src) return undefined;
  const details = isObject(media['media_details']) ? media['media_details'] : {};
  const size = (value: unknown) => (typeof value === 'number' && value > 0 ? value : undefined);
  // An image without alt text is decorative here: the title beside it says what it shows.
  const alt = typeof media['alt_text'] === 'string' ? decodeEntities(media['alt_text']).trim() : '';
  return { src, alt, width: size(details['width']), height: size(details['height']) };
}

/** WordPress dates carry no zone; `date_gmt` is UTC, so it becomes an ISO 8601 UTC date-time. */
function published(post: Json): string | undefined {
  const gmt = text(post['date_gmt']);
  if (gmt && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(gmt)) return `${gmt}Z`;
  return text(post['date']);
}

/** One post as the `article` section of a version 1 document. */
export function wordPressArticle(post: Json): Json {
  const title = plainText(rendered(post['title']) ?? '');
  const content = isObject(post['content']) && post['content']['protected'] !== true ? rendered(post['content']) : undefined;
  const excerpt = isObject(post['excerpt']) && post['excerpt']['protected'] !== true ? rendered(post['excerpt']) : undefined;
  const author = embedded(post, 'author');
  const id = post['id'];
  return {
    id: typeof id === 'number' || typeof id === 'string' ? String(id) : undefined,
    title,
    url: text(post['link']),
    category: terms(post, 'category')[0],
    summary: excerpt === undefined ? undefined : plainText(excerpt) || undefined,
    body: content,
    bodyFormat: content === undefined ? undefined : 'html',
    image: featuredImage(post),
    author: author && text(author['name']) ? plainText(author['name'] as string) : undefined,
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
