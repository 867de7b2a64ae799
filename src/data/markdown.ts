import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { DataError } from './errors.js';
import { isExternal, safeUrl } from './url.js';

/**
 * The one module that turns text into HTML. Markdown goes through marked, then DOMPurify with an
 * allow-list, then the same URL rule as every other field. It is loaded with a dynamic import()
 * only when an article body is shown.
 */

/** Longest Markdown body rendered, in characters; a longer one puts the card in its error state. */
export const MAX_BODY_LENGTH = 200_000;

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = ['alt', 'colspan', 'height', 'href', 'rowspan', 'src', 'start', 'title', 'width'];

const marked = new Marked({ gfm: true, async: false });
const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  for (const name of ['href', 'src'] as const) {
    const value = node.getAttribute(name);
    if (value !== null && safeUrl(value) === undefined) node.removeAttribute(name);
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    if (isExternal(node.getAttribute('href')!)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  } else if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
});

const SANITIZE = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

function parse(markdown: string): string {
  if (markdown.length > MAX_BODY_LENGTH) {
    throw new DataError(`article.body is longer than the ${MAX_BODY_LENGTH.toLocaleString('en')}-character limit`);
  }
  let html: string;
  try {
    html = marked.parse(markdown) as string;
  } catch (error) {
    throw new DataError('article.body could not be rendered', { cause: error });
  }
  return html;
}

/** Markdown to sanitized HTML, as a string. Throws a DataError for a body it will not render. */
export function markdownToHtml(markdown: string): string {
  return purify.sanitize(parse(markdown), SANITIZE);
}

/**
 * Markdown as sanitized DOM, ready to insert: no HTML string leaves this module, so the page's
 * Trusted Types policy is asked only for DOMPurify's own parsing.
 */
export function renderMarkdown(markdown: string): DocumentFragment {
  return purify.sanitize(parse(markdown), { ...SANITIZE, RETURN_DOM_FRAGMENT: true });
}
