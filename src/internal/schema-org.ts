/**
 * schema.org objects (JSON-LD) for what each element shows, following Google's structured-data
 * rules for Article, local businesses and lists (absolute URLs, `Person`/`Organization` authors,
 * ISO 8601 dates, `PostalAddress`, `OpeningHoursSpecification`, `ListItem` positions from 1).
 * Pure functions from parsed sections to plain objects; `serializeJsonLd` makes the script text.
 */
import type { Article, Publisher, RelatedPost } from '../data/types.js';

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
const DAY_NAMES: Record<string, string> = {
  Mo: 'Monday',
  Tu: 'Tuesday',
  We: 'Wednesday',
  Th: 'Thursday',
  Fr: 'Friday',
  Sa: 'Saturday',
  Su: 'Sunday',
};

/** An absolute http(s) URL for `value`, resolved against `base`; `undefined` for anything else. */
function absolute(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The object without its `undefined` fields (and without empty arrays). */
function compact(object: JsonLd): JsonLd {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}

function organization(publisher: Publisher, base: string): JsonLd {
  const logo = absolute(publisher.logo?.src, base);
  return compact({
    '@type': 'Organization',
    name: publisher.name,
    url: absolute(publisher.url, base),
    logo: logo && { '@type': 'ImageObject', url: logo },
  });
}

/**
 * `Article`, or `MedicalWebPage` when the article carries a medical review: headline, canonical
 * URL, description, image, author, dates, reviewer and publisher.
 */
export function articleJsonLd(article: Article, base: string, publisher?: Publisher): JsonLd {
  const medical = article.reviewedBy !== undefined || article.lastReviewed !== undefined;
  const image = absolute(article.image?.src, base);
  const reviewer = article.reviewedBy;
  return compact({
    '@context': CONTEXT,
    '@type': medical ? 'MedicalWebPage' : 'Article',
    headline: article.title,
    url: absolute(article.url, base),
    description: article.summary,
    image: image ? [image] : undefined,
    author: article.author ? { '@type': 'Person', name: article.author } : undefined,
    datePublished: article.published,
    reviewedBy: reviewer
      ? compact({
          '@type': 'Person',
          name: reviewer.name,
          jobTitle: reviewer.credential,
          url: absolute(reviewer.url, base),
        })
      : undefined,
    lastReviewed: article.lastReviewed,
    publisher: publisher ? organization(publisher, base) : undefined,
  });
}

/** `HH:MM` as schema.org wants it; the end of the day is `23:59`. */
function clock(value: string): string {
  return value === '24:00' ? '23:59' : value;
}

/** `MedicalClinic`: name, URL, telephone, `PostalAddress`, logo, opening hours. */
export function clinicJsonLd(publisher: Publisher, base: string): JsonLd {
  const a = publisher.address;
  const address = a
    ? compact({
        '@type': 'PostalAddress',
        streetAddress: a.line ?? a.street,
        addressLocality: a.city,
        addressRegion: a.region,
        postalCode: a.postalCode,
        addressCountry: a.country,
      })
    : undefined;
  const logo = absolute(publisher.logo?.src, base);
  return compact({
    '@context': CONTEXT,
    '@type': 'MedicalClinic',
    name: publisher.name,
    url: absolute(publisher.url, base),
    telephone: publisher.phone,
    description: publisher.description,
    address,
    logo,
    image: logo,
    openingHoursSpecification: (publisher.hours ?? []).map((line) =>
      compact({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: line.days
          .filter((code) => Object.prototype.hasOwnProperty.call(DAY_NAMES, code))
          .map((code) => DAY_NAMES[code]),
        opens: line.opens,
        closes: clock(line.closes),
      }),
    ),
  });
}

/** `ItemList` of `ListItem`s (`position` from 1, `url`, `name`) for the posts shown that have a link. */
export function itemListJsonLd(posts: readonly RelatedPost[], base: string): JsonLd {
  const items = posts
    .map((post) => ({ url: absolute(post.url, base), name: post.title }))
    .filter((item) => item.url !== undefined);
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, url: item.url, name: item.name })),
  };
}

/**
 * JSON text for a `<script type="application/ld+json">`: `<`, `>`, `&` and the two line separators
 * escaped, so no value can end the script element or be read as markup, wherever the text goes.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
