// Side-effect-free exports: importing this module defines nothing. Call defineAll(), or import
// the bundle (dist/clinic-widgets.js), which does.
export { ClinicArticleCard } from './components/article-card/article-card.js';
export { ClinicPublisher } from './components/publisher/publisher.js';
export { ClinicRelatedPosts } from './components/related-posts/related-posts.js';
export { defineAll, ELEMENTS, VERSION } from './define.js';
export { configureClient, loadDocument, type ClientOptions } from './data/client.js';
export { configure, type PageConfig } from './data/config.js';
export { DataError } from './data/errors.js';
export { parseArticle, parseDocument, parsePublisher, parseRelated } from './data/parse.js';
export type * from './data/types.js';
export * from './events/events.js';
export type { Status } from './internal/clinic-element.js';
