/** An image with its text alternative and, when known, its intrinsic size. */
export interface ImageRef {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** The `article` section of a content document. */
export interface Article {
  id?: string;
  title: string;
  url?: string;
  category?: string;
  summary?: string;
  /** Markdown, or HTML when `bodyFormat` is `html` (from a WordPress post or a feed). */
  body?: string;
  /** `html` when the body is HTML; Markdown otherwise. Either way it is sanitized with the same allow-list. */
  bodyFormat?: 'html';
  image?: ImageRef;
  author?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  tags: string[];
  /** Who reviewed the article medically. */
  reviewedBy?: Reviewer;
  /** ISO 8601 date of the last medical review. */
  lastReviewed?: string;
  /** Plain text shown under the article (not medical advice, and so on). */
  disclaimer?: string;
}

/** The medical reviewer of an article. */
export interface Reviewer {
  name: string;
  /** Such as "MD" or "Board-certified psychiatrist". */
  credential?: string;
  url?: string;
}

/** One line of opening hours, in the clinic's time zone: `days` ("Mo"…"Su"), `opens`/`closes` ("HH:MM"). */
export interface OpeningHours {
  days: string[];
  opens: string;
  closes: string;
}

/** A postal address; every line is optional. */
export interface PostalAddress {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** A one-line address, as the `address` attribute gives it. */
  line?: string;
}

/** The `publisher` section: the clinic. */
export interface Publisher {
  name: string;
  headline?: string;
  url?: string;
  phone?: string;
  description?: string;
  address?: PostalAddress;
  logo?: ImageRef;
  hours?: OpeningHours[];
  /** IANA time zone of the clinic, such as "America/Los_Angeles". */
  timeZone?: string;
  bookingUrl?: string;
  mapUrl?: string;
}

/** One entry of the `related` section. */
export interface RelatedPost {
  title: string;
  url: string;
  author?: string;
  published?: string;
  image?: ImageRef;
  id?: string;
  tags?: string[];
  category?: string;
  summary?: string;
}

/** A content document, version 1 (see docs/content-document.md for its shape). */
export interface ClinicDocument {
  version: 1;
  site?: { name?: string; url?: string };
  article?: Article;
  publisher?: Publisher;
  related?: RelatedPost[];
}

/** The name of a document section. */
export type SectionName = 'article' | 'publisher' | 'related';

/**
 * A document as the client hands it out: the envelope is checked, the sections are not yet.
 * Each element parses only the section it shows.
 */
export interface DocumentEnvelope {
  version?: 1;
  site?: unknown;
  article?: unknown;
  publisher?: unknown;
  related?: unknown;
  /** Every article of a feed or post list (WordPress, JSON Feed), for the card's `item` attribute. */
  items?: unknown;
}
