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
}

/** One entry of the `related` section. */
export interface RelatedPost {
  title: string;
  url: string;
  author?: string;
  published?: string;
  image?: ImageRef;
}

/** A content document, version 1 (see the README for its shape). */
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
