import { field, isObject, type Json } from './shape.js';
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

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function author(item: Json): string | undefined {
  const authors = field(item, 'authors');
  const first: unknown = Array.isArray(authors) ? authors[0] : field(item, 'author'); // 1.1, then 1.0
  return text(field(first, 'name'));
}

function feedArticle(item: Json): Json {
  const html = text(field(item, 'content_html'));
  const id = field(item, 'id');
  const title = text(field(item, 'title'));
  const image = text(field(item, 'image')) ?? text(field(item, 'banner_image'));
  const list = field(item, 'tags');
  const tags = Array.isArray(list) ? list.filter((tag): tag is string => typeof tag === 'string') : [];
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
    title: title === undefined ? undefined : plainText(title),
    url: text(field(item, 'url')) ?? text(field(item, 'external_url')),
    summary: text(field(item, 'summary')),
    body: html ?? text(field(item, 'content_text')),
    bodyFormat: html === undefined ? undefined : 'html',
    image: image === undefined ? undefined : { src: image, alt: '' },
    author: author(item),
    published: text(field(item, 'date_published')),
    tags,
  };
}

/** The feed as a version 1 document (see the notes at the top). */
export function fromJsonFeed(feed: Json): Json {
  const items = (field(feed, 'items') as unknown[]).filter(isObject).map(feedArticle);
  const related = items
    .filter((item) => field(item, 'title') !== undefined && field(item, 'url') !== undefined)
    .map(({ id, title, url, summary, image, author, published, tags }) => ({ id, title, url, summary, image, author, published, tags }));
  const title = text(field(feed, 'title'));
  const name = title === undefined ? undefined : plainText(title) || undefined;
  const home = text(field(feed, 'home_page_url'));
  const icon = text(field(feed, 'icon')) ?? text(field(feed, 'favicon'));
  return {
    version: 1,
    site: name || home ? { name, url: home } : undefined,
    publisher: name
      ? { name, url: home, description: text(field(feed, 'description')), logo: icon ? { src: icon, alt: '' } : undefined }
      : undefined,
    article: items[0],
    related,
    items,
  };
}
