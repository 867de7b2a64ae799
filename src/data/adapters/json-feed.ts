import type { Json } from './shape.js';
import { plainText } from './text.js';

/**
 * A JSON Feed (https://jsonfeed.org/version/1.1, and 1.0) as a version 1 document. Pure: parsed
 * JSON in, plain JSON out; the document's own parser checks every field afterwards.
 *
 * - `related`: the items, in feed order (`title`, `url`, `date_published`, `authors[0].name`,
 *   `image`, `summary`, `tags`, `id`); items without a title or URL are left out;
 * - `items`: every item as an article, where the card's `item` attribute finds one by `id` or
 *   `url` (`content_html` becomes the body, sanitized like Markdown output; else `content_text`);
 * - `article`: the first item;
 * - `publisher` and `site`: the feed's `title`, `home_page_url`, `description` and `icon`.
 */

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function author(item: Json): string | undefined {
  const authors = item['authors'];
  const first = Array.isArray(authors) ? authors[0] : item['author']; // 1.1, then 1.0
  return isObject(first) ? text(first['name']) : undefined;
}

function feedArticle(item: Json): Json {
  const html = text(item['content_html']);
  const id = item['id'];
  const title = text(item['title']);
  const image = text(item['image']) ?? text(item['banner_image']);
  const tags = Array.isArray(item['tags']) ? item['tags'].filter((tag): tag is string => typeof tag === 'string') : [];
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
    title: title === undefined ? undefined : plainText(title),
    url: text(item['url']) ?? text(item['external_url']),
    summary: text(item['summary']),
    body: html ?? text(item['content_text']),
    bodyFormat: html === undefined ? undefined : 'html',
    image: image === undefined ? undefined : { src: image, alt: '' },
    author: author(item),
    published: text(item['date_published']),
    tags,
  };
}

/** The feed as a version 1 document (see the notes at the top). */
export function fromJsonFeed(feed: Json): Json {
  const items = (feed['items'] as unknown[]).filter(isObject).map(feedArticle);
  const related = items
    .filter((item) => item['title'] !== undefined && item['url'] !== undefined)
    .map(({ id, title, url, summary, image, author, published, tags }) => ({ id, title, url, summary, image, author, published, tags }));
  const title = text(feed['title']);
  const name = title === undefined ? undefined : plainText(title) || undefined;
  const home = text(feed['home_page_url']);
  const icon = text(feed['icon']) ?? text(feed['favicon']);
  return {
    version: 1,
    site: name || home ? { name, url: home } : undefined,
    publisher: name
      ? { name, url: home, description: text(feed['description']), logo: icon ? { src: icon, alt: '' } : undefined }
      : undefined,
    article: items[0],
    related,
    items,
  };
}
