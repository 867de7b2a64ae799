import DOMPurify, { type Config } from 'dompurify';
import { Lexer, Marked, Parser, Tokenizer, type Token, type TokenizerObject } from 'marked';
import { DataError } from './errors.js';
import { isExternal, safeUrl } from './url.js';

/**
 * The one module that turns text into HTML, and the only one that asks the HTML parser for help.
 * Markdown goes through marked, then DOMPurify with an allow-list, then the same URL rule as every
 * other field (url.ts). What leaves the module is a DocumentFragment, never an HTML string. It is
 * loaded with a dynamic import() only when an article body is shown.
 *
 * marked is fast on prose but has quadratic paths: a body of 200,000 characters built for them
 * (runs of `_a`, `*a_`, `[*a`, a list item of 100,000 lazy lines) took from seconds to minutes
 * in marked alone.
 * So hostile input is bounded before and while it is parsed:
 * - a body longer than MAX_BODY_LENGTH, or with more than MAX_BLOCK_LINES lines in a row without
 *   a blank one, is refused before it is parsed;
 * - each inline rule looks at most INLINE_LOOKAHEAD characters ahead, and a setext heading at most
 *   SETEXT_LOOKAHEAD_LINES lines ahead, which makes those rules linear;
 * - a paragraph longer than MAX_INLINE_LENGTH is shown as plain text;
 * - parsing that runs past RENDER_BUDGET_MS is abandoned between paragraphs;
 * - a parser error (marked overflows its stack on a few thousand nested `>`, `*` or `-`) is caught.
 * Each refusal is a DataError, which puts the card in its error state; the rest of the page goes on.
 */

/** Longest Markdown body rendered, in characters; a longer one puts the card in its error state. */
export const MAX_BODY_LENGTH = 200_000;

/** Most lines in a row without a blank line (one paragraph, list item, table or code block). */
export const MAX_BLOCK_LINES = 2_000;

/** Longest paragraph (or heading, list item text, table cell) read as Markdown; longer ones are shown as plain text. */
export const MAX_INLINE_LENGTH = 10_000;

/** Longest inline construct (a link, an emphasis, a code span), in characters; a longer one is shown as typed. */
export const INLINE_LOOKAHEAD = 1_000;

/** Time after which parsing a body is given up, in milliseconds (prose of 100 KB takes a few dozen). */
export const RENDER_BUDGET_MS = 1_000;

/**
 * Name of the Trusted Types policy that hands the rendered Markdown to DOMPurify's inert parser.
 * A page that restricts policy names (`trusted-types …`) must allow it, besides Lit's `lit-html`.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'clinic-widgets';

/** Elements a body may contain. No forms, frames, embeds, styles, scripts, SVG or MathML. */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul',
];

/**
 * Attributes a body may keep, and on which elements (`*`: any). No `style`, `class`, `id`, `name`,
 * event handlers, `data-*` or `aria-*`: nothing can be positioned, restyled, clobbered or scripted.
 */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  href: ['a'],
  src: ['img'],
  alt: ['img'],
  width: ['img'],
  height: ['img'],
  title: ['*'],
  start: ['ol'],
  colspan: ['td', 'th'],
  rowspan: ['td', 'th'],
  align: ['td', 'th'],
};

const NUMERIC = new Set(['width', 'height', 'start', 'colspan', 'rowspan']);
const ALIGN = new Set(['left', 'center', 'right']);

// marked tries the setext-heading rule (text underlined with === or ---) at every line of a list
// item and scans to the item's end each time. Looking this many lines ahead keeps each try short;
// a setext heading of more lines is read as a paragraph.
const SETEXT_LOOKAHEAD_LINES = 32;

const INLINE_RULES = ['escape', 'tag', 'link', 'reflink', 'codespan', 'br', 'autolink', 'url', 'inlineText'] as const;
// Emphasis and strike-through also read the text before the current position (the delimiter run
// it belongs to); they are given this much of it.
const DELIMITER_LOOKBEHIND = 64;

type Rule = (this: Tokenizer, src: string, ...rest: unknown[]) => Token | undefined;
type DelimiterRule = (this: Tokenizer, src: string, maskedSrc: string, prevChar?: string) => Token | undefined;

/**
 * marked's inline rules, each shown at most INLINE_LOOKAHEAD characters of the text ahead. Every
 * rule is anchored at the start of its input, so a token found in the shortened text is also a
 * prefix of the full text; what changes is only that longer constructs are not recognised.
 */
function boundedInlineRules(): TokenizerObject {
  const rules: Record<string, unknown> = {};
  for (const name of INLINE_RULES) {
    const original = Tokenizer.prototype[name] as unknown as Rule;
    rules[name] = function (this: Tokenizer, src: string, ...rest: unknown[]) {
      if (src.length <= INLINE_LOOKAHEAD) return false; // short enough: marked's own rule, unchanged
      return original.call(this, src.slice(0, INLINE_LOOKAHEAD), ...rest) ?? undefined;
    };
  }
  for (const name of ['emStrong', 'del'] as const) {
    const original = Tokenizer.prototype[name] as unknown as DelimiterRule;
    // `maskedSrc` is the whole inline run, masked, and `src` its remainder from the current position.
    rules[name] = function (this: Tokenizer, src: string, maskedSrc: string, prevChar?: string) {
      if (src.length <= INLINE_LOOKAHEAD) return false;
      const at = maskedSrc.length - src.length;
      const window = maskedSrc.slice(Math.max(0, at - DELIMITER_LOOKBEHIND), at + INLINE_LOOKAHEAD);
      return original.call(this, src.slice(0, INLINE_LOOKAHEAD), window, prevChar) ?? undefined;
    };
  }
  return rules as TokenizerObject;
}

const marked = new Marked({
  gfm: true,
  async: false,
  tokenizer: {
    ...boundedInlineRules(),
    lheading(src) {
      let end = -1;
      for (let line = 0; line < SETEXT_LOOKAHEAD_LINES; line++) {
        end = src.indexOf('\n', end + 1);
        if (end === -1) return false; // short enough: marked's own rule, unchanged
      }
      return Tokenizer.prototype.lheading.call(this, src.slice(0, end + 1)) ?? undefined;
    },
  },
  renderer: {
    // GFM task lists: a check mark as text rather than a form control (forms are not allowed).
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

/** The most lines in a row that are not blank. */
function longestBlock(markdown: string): number {
  let longest = 0;
  let run = 0;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    run = /\S/.test(markdown.slice(start, end)) ? run + 1 : 0;
    if (run > longest) longest = run;
    start = end + 1;
  }
  return longest;
}

class TooComplex extends Error {}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const QUIET_ATTRIBUTE = /^(on|style$)/i;
const STYLE_END = /<\/style[\t\n\f\r />]/gi;

/**
 * Takes out, before the HTML parser sees them, what DOMPurify removes anyway but whose parsing
 * alone makes a page with a strict Content-Security-Policy report a violation, even in the inert
 * document DOMPurify parses into: event-handler and `style` attributes, and `<style>` elements.
 * A linear pass over the tags as the HTML tokenizer reads them, which also cleans quoted attribute
 * values (a hostile body can make the parser read them as markup). Where it still reads a body
 * differently from the parser, the cost is a report, never a script: DOMPurify is the guard.
 */
export function withoutInlineCode(html: string): string {
  const n = html.length;
  let out = '';
  let from = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < n - 1) {
    if (!isLetter(html.charCodeAt(i + 1))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    out += html.slice(from, i);
    let j = i + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(i + 1, j).toLowerCase();
    let tag = html.slice(i, j);
    while (j < n && html[j] !== '>') {
      const c = html.charCodeAt(j);
      if (isSpace(c) || html[j] === '/') {
        tag += html[j++];
        continue;
      }
      let end = j + 1; // an attribute: its name (which may start with "="), then perhaps a value
      while (end < n && !isSpace(html.charCodeAt(end)) && !'/>='.includes(html[end]!)) end++;
      const attribute = html.slice(j, end);
      let v = end;
      while (v < n && isSpace(html.charCodeAt(v))) v++;
      if (html[v] === '=') {
        v++;
        while (v < n && isSpace(html.charCodeAt(v))) v++;
        if (html[v] === '"' || html[v] === "'") {
          const close = html.indexOf(html[v]!, v + 1);
          end = close === -1 ? n : close + 1;
          // Where a hostile body makes the parser end the quote earlier (a comment or a title it
          // closes first), what follows is markup to it: cleaned the same way, just in case.
          const value = html.slice(v + 1, close === -1 ? n : close);
          if (!QUIET_ATTRIBUTE.test(attribute) && value.includes('<')) {
            tag += html.slice(j, v + 1) + withoutInlineCode(value) + (close === -1 ? '' : html[v]);
            j = end;
            continue;
          }
        } else {
          end = v;
          while (end < n && !isSpace(html.charCodeAt(end)) && html[end] !== '>') end++;
        }
      }
      if (QUIET_ATTRIBUTE.test(attribute)) tag = tag.replace(/[\t\n\f\r ]+$/, '');
      else tag += html.slice(j, end);
      j = end;
    }
    from = Math.min(j + 1, n);
    if (name === 'style') {
      // The element and everything up to its end tag (DOMPurify drops both).
      STYLE_END.lastIndex = from;
      const close = STYLE_END.exec(html);
      const after = close ? html.indexOf('>', close.index) : -1;
      from = after === -1 ? n : after + 1;
    } else {
      out += tag + (j < n ? '>' : '');
    }
    i = html.indexOf('<', from);
  }
  return out + html.slice(from);
}

/** marked's lexer, run step by step so that no step is unbounded (see the notes at the top). */
function lex(markdown: string): Token[] {
  const started = performance.now();
  const overBudget = () => performance.now() - started > RENDER_BUDGET_MS;
  const lexer = new Lexer({ ...marked.defaults });
  lexer.blockTokens(markdown.replace(/\r\n|\r/g, '\n'), lexer.tokens);
  if (overBudget()) throw new TooComplex();
  for (const { src, tokens } of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    if (src.length > MAX_INLINE_LENGTH) {
      tokens.push({ type: 'text', raw: src, text: src, escaped: false });
      continue;
    }
    lexer.inlineTokens(src, tokens);
    if (overBudget()) throw new TooComplex();
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}

const purify = DOMPurify(window);

purify.addHook('uponSanitizeAttribute', (node, data) => {
  const tags = Object.hasOwn(ALLOWED_ATTRIBUTES, data.attrName) ? ALLOWED_ATTRIBUTES[data.attrName] : undefined;
  const tag = node.nodeName.toLowerCase();
  if (!tags || !(tags.includes('*') || tags.includes(tag))) {
    data.keepAttr = false;
  } else if (NUMERIC.has(data.attrName) && !/^\d{1,5}$/.test(data.attrValue.trim())) {
    data.keepAttr = false;
  } else if (data.attrName === 'align' && !ALIGN.has(data.attrValue.trim().toLowerCase())) {
    data.keepAttr = false;
  }
});

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

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
type PolicyFactory = { createPolicy(name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }): Policy };

let policy: Policy | null | undefined;
let refused: DataError | undefined;

/**
 * The Trusted Types policy for DOMPurify's parser, created on first use (so that a second copy of
 * the bundle on the page, whose elements are never used, does not ask for the name again); `null`
 * where the browser has no Trusted Types. The policy passes text through unchanged: it only ever
 * feeds DOMPurify, which parses into an inert document and sanitizes before anything is inserted.
 * A page that refuses the name is asked once; every body then shows the error state.
 */
function trustedTypesPolicy(): Policy | null {
  if (refused) throw refused;
  if (policy !== undefined) return policy;
  const factory = (window as unknown as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory || typeof factory.createPolicy !== 'function') return (policy = null);
  try {
    policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, { createHTML: (s) => s, createScriptURL: (s) => s });
  } catch (error) {
    refused = new DataError(
      `the page's Content-Security-Policy does not allow the Trusted Types policy "${TRUSTED_TYPES_POLICY_NAME}"`,
      { cause: error },
    );
    throw refused;
  }
  return policy;
}

const SANITIZE = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: Object.keys(ALLOWED_ATTRIBUTES),
  // The same schemes as safeUrl(), which the hook above applies as well.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_XML: true,
} satisfies Config;

function parse(markdown: string): string {
  if (markdown.length > MAX_BODY_LENGTH) {
    throw new DataError(`article.body is longer than the ${MAX_BODY_LENGTH.toLocaleString('en')}-character limit`);
  }
  if (longestBlock(markdown) > MAX_BLOCK_LINES) {
    throw new DataError(`article.body has more than ${MAX_BLOCK_LINES.toLocaleString('en')} lines without a blank line`);
  }
  try {
    return withoutInlineCode(Parser.parse(lex(markdown), { ...marked.defaults }));
  } catch (error) {
    if (error instanceof TooComplex) throw new DataError('article.body is too complex to render');
    // A RangeError (stack overflow) on deeply nested input, or any other parser failure.
    throw new DataError('article.body could not be rendered', { cause: error });
  }
}

/** Markdown to sanitized HTML, as a string (for tests and tools; the elements use renderMarkdown). */
export function markdownToHtml(markdown: string): string {
  return purify.sanitize(parse(markdown), { ...SANITIZE, TRUSTED_TYPES_POLICY: trustedTypesPolicy() });
}

/**
 * HTML from another source (a WordPress post's `content.rendered`, a feed's `content_html`) as
 * sanitized DOM, through the same steps and allow-list as rendered Markdown. Throws a DataError for
 * a body over MAX_BODY_LENGTH or a policy the page forbids.
 */
export function renderHtml(html: string): DocumentFragment {
  if (html.length > MAX_BODY_LENGTH) {
    throw new DataError(`article.body is longer than the ${MAX_BODY_LENGTH.toLocaleString('en')}-character limit`);
  }
  return purify.sanitize(withoutInlineCode(html), {
    ...SANITIZE,
    TRUSTED_TYPES_POLICY: trustedTypesPolicy(),
    RETURN_DOM_FRAGMENT: true,
  });
}

/**
 * Markdown as sanitized DOM, ready to insert: no HTML string leaves this module, so the page's
 * Trusted Types are asked only to let DOMPurify parse. Throws a DataError for a body it will not
 * render (too long, too deeply nested, or a policy the page forbids).
 */
export function renderMarkdown(markdown: string): DocumentFragment {
  const html = parse(markdown);
  return purify.sanitize(html, { ...SANITIZE, TRUSTED_TYPES_POLICY: trustedTypesPolicy(), RETURN_DOM_FRAGMENT: true });
}
