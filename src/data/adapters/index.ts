import { fromJsonFeed } from './json-feed.js';
import { sourceOf, type Json } from './shape.js';
import { fromWordPress } from './wordpress.js';

/**
 * The one place where a source becomes a version 1 document: a WordPress REST post or post list,
 * or a JSON Feed, recognised by shape.ts. Anything else is returned as it is, and is read (and
 * refused) as a version 1 document. Loaded on demand, only when a source needs it.
 */
export function adaptDocument(json: unknown): unknown {
  switch (sourceOf(json)) {
    case 'json-feed':
      return fromJsonFeed(json as Json);
    case 'wordpress':
      return fromWordPress(json as Json | Json[]);
    default:
      return json;
  }
}
