import DOMPurify, { type Config } from 'dompurify';
import { Lexer, Marked, Parser, Tokenizer, type Token, type TokenizerObject, type Tokens } from 'marked';
import { DataError, grouped } from './errors.js';
import { nextFrame, yieldToPage } from './schedule.js';
import { isExternal, safeUrl } from './url.js';


/**
 * The one module that turns text into HTML, and the only one that asks the HTML parser for help.
 * Markdown goes through marked, then DOMPurify with an allow-list, then the same URL rule as every
 * other field (url.ts). What leaves the module is a DocumentFragment, never an HTML string. It is
 * loaded with a dynamic import() only when an article body is shown.
 *
 * marked is fast on prose but has quadratic paths: a body of 200,000 characters built for them
 * (runs of `_a`, `*a_`, `[*a`, a list item of 100,000 lazy lines, lists nested hundreds deep)
 * took from seconds to minutes in marked alone. So every step is bounded by limits that depend on
 * the text alone, never on the clock: the same body renders, or is refused with the same message,
 * on any machine and in any browser.
 * - A body longer than MAX_BODY_LENGTH, with more than MAX_BLOCK_LINES lines in a row without a
 *   blank one, or with more than MAX_LIST_ITEMS list items is refused before it is parsed.
 * - Lists and block quotes nested more than MAX_NESTING deep, or a top-level block whose nested
 *   blocks hold more than MAX_BLOCK_WORK characters in all (each level counts again), are refused
 *   as soon as the parser reaches them.
 * - Each inline rule looks at most INLINE_LOOKAHEAD characters ahead, and a setext heading at most
 *   SETEXT_LOOKAHEAD_LINES lines ahead, which makes those rules linear; plain text is cut only at
 *   white space, so no word, address or link is split.
 * - A paragraph longer than MAX_INLINE_LENGTH is shown as plain text.
 * - A parser error (a stack overflow in some engine) is caught.
 * Each refusal is a DataError, which puts the card in its error state; the rest of the page goes on.
 *
 * The work is done in slices, between which the page gets the main thread back: the body is cut
 * into top-level blocks (at blank lines where no block can go on), which are read one after the
 * other; then paragraphs, then HTML, then sanitizing, a few blocks at a time.
 */

/** Longest Markdown body rendered, in characters; a longer one puts the card in its error state. */
export const MAX_BODY_LENGTH = 200_000;

/**
 * Most lines in a row without a blank line (one paragraph, list item, table or code block), and
 * most lines in one top-level block (a list or block quote with all it holds, blank lines included).
 */
export const MAX_BLOCK_LINES = 2_000;

/** Most list items in a body (lines that start with a list marker, nested ones included). */
export const MAX_LIST_ITEMS = 5_000;

/**
 * Most top-level blocks in a body (paragraphs, headings, lists, tables, code blocks, rules, and for
 * an HTML body its top-level elements): the page lays out each frame's new blocks next to all the
 * ones before them, so a body of tens of thousands of one-word paragraphs would slow every frame.
 */
export const MAX_BLOCKS = 5_000;

/** Deepest nesting of lists and block quotes. */
export const MAX_NESTING = 16;

/**
 * Most characters the parser reads again inside one top-level block: the text of each list item and
 * block quote in it, once per level it is nested at, plus 64 for each of them.
 */
export const MAX_BLOCK_WORK = 400_000;

/** Longest paragraph (or heading, list item text, table cell) read as Markdown; longer ones are shown as plain text. */
export const MAX_INLINE_LENGTH = 10_000;

/**
 * Longest run of text in a rendered body, in characters: with a paragraph, heading, list item
 * text, table cell or code block longer than this (each is one run of text once it is past
 * MAX_INLINE_LENGTH), or such a run in an HTML body, the body is refused once rendered (drive()).
 * The browser lays out a paragraph in one go, whatever cuts the body into batches: 200,000
 * characters took 100 ms.
 */
export const MAX_PARAGRAPH = 20_000;

/** Longest inline construct (a link, an emphasis, a code span), in characters; a longer one is shown as typed. */
export const INLINE_LOOKAHEAD = 1_000;

/**
 * Most characters the inline rules may read in one paragraph: what each token takes, and for each
 * try of a link, emphasis, code span or tag that fails, what it looked at. Past it, the rest of
 * the paragraph is shown as typed. Prose needs about twice its length (emphasis and link text are
 * read twice); text built so that every delimiter fails needs a thousand times its length.
 */
export const MAX_INLINE_WORK = 100_000;

// How much is done between two yields to the page, in characters read (a few milliseconds of work).
const SLICE = 8_000;

/**
 * The share of a full slice (or piece) that slice number `done` of a step may hold: the first ones
 * run code the browser has not compiled yet, several times slower than later, so they start at a
 * sixteenth and double every second slice up to the full size (from the ninth). It counts slices,
 * not time, like every cut in this module.
 */
function ramp(full: number, done: number): number {
  return full >> Math.max(0, 4 - (done >> 1));
}
// Each nested block costs the parser this much on top of its text (the rules it builds for it).
const BLOCK_COST = 64;

// Characters the first pass over a body (scan()) reads between two yields; each line costs LINE_COST more.
const SCAN_SLICE = 32_000;
const LINE_COST = 16;

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
// Plain text is read at most this far ahead at a time (and cut back to white space): far enough to
// see the "@" of any e-mail address from its start, which is what its rule looks ahead for.
const TEXT_LOOKAHEAD = 128;
// Emphasis and strike-through also read the text before the current position (the delimiter run
// it belongs to); they are given this much of it.
const DELIMITER_LOOKBEHIND = 64;

type Rule = (this: Tokenizer, src: string, ...rest: unknown[]) => Token | undefined;
type DelimiterRule = (this: Tokenizer, src: string, maskedSrc: string, prevChar?: string) => Token | undefined;

/**
 * marked's inline rules, each shown at most INLINE_LOOKAHEAD characters of the text ahead. Every
 * rule is anchored at the start of its input, so a token found in the shortened text is also a
 * prefix of the full text; what changes is only that longer constructs are not recognised. Two
 * rules read up to the end of what they are shown rather than to a closing delimiter: plain text,
 * which is cut back to the last white space (so that the next rule starts at a word, as it would
 * have), and bare URLs, which are not linked when they reach the cut (a shortened link would
 * point elsewhere).
 */
function boundedInlineRules(): TokenizerObject {
  const rules: Record<string, unknown> = {};
  for (const name of INLINE_RULES) {
    const original = Tokenizer.prototype[name] as unknown as Rule;
    const triggers = SCANNING[name];
    rules[name] = function (this: Tokenizer, src: string, ...rest: unknown[]) {
      if (inlineWork > MAX_INLINE_WORK) {
        // The rest of the paragraph (or of the link text or emphasis being read) as typed.
        return name === 'inlineText' ? { type: 'text', raw: src, text: src, escaped: false } : undefined;
      }
      const scans = triggers?.includes(src[0]!) ?? false;
      const window = name === 'inlineText' ? TEXT_LOOKAHEAD : INLINE_LOOKAHEAD;
      const cut = src.length > window;
      const input = cut ? src.slice(0, window) : src;
      let token = original.call(this, input, ...rest) ?? undefined;
      if (token && cut && token.raw.length >= window) {
        if (name === 'url') token = undefined;
        else if (name === 'inlineText') token = cutAtSpace(token as Tokens.Text, this);
      }
      inlineWork += token ? token.raw.length : scans ? input.length : 1;
      return token;
    };
  }
  for (const name of ['emStrong', 'del'] as const) {
    const original = Tokenizer.prototype[name] as unknown as DelimiterRule;
    const triggers = SCANNING[name]!;
    // `maskedSrc` is the whole inline run, masked, and `src` its remainder from the current position.
    rules[name] = function (this: Tokenizer, src: string, maskedSrc: string, prevChar?: string) {
      if (!triggers.includes(src[0]!)) return undefined;
      if (inlineWork > MAX_INLINE_WORK) return undefined;
      let token: Token | undefined;
      if (src.length <= INLINE_LOOKAHEAD) {
        token = original.call(this, src, maskedSrc, prevChar) ?? undefined;
      } else {
        const at = maskedSrc.length - src.length;
        const window = maskedSrc.slice(Math.max(0, at - DELIMITER_LOOKBEHIND), at + INLINE_LOOKAHEAD);
        token = original.call(this, src.slice(0, INLINE_LOOKAHEAD), window, prevChar) ?? undefined;
      }
      inlineWork += token ? token.raw.length : Math.min(src.length, INLINE_LOOKAHEAD);
      return token;
    };
  }
  return rules as TokenizerObject;
}

// The inline rules that may read far ahead, and the characters that make them do it. The others
// read a few characters (escape, br) or only what they return (plain text, bare URLs).
const SCANNING: Partial<Record<string, string>> = {
  tag: '<',
  autolink: '<',
  link: '[!',
  reflink: '[!',
  codespan: '`',
  emStrong: '*_',
  del: '~',
};

// Characters the inline rules of the current paragraph have read (see MAX_INLINE_WORK).
let inlineWork = 0;

/** A text token that ran into the cut, ended before the last run of white space in it (if any). */
function cutAtSpace(token: Tokens.Text, tokenizer: Tokenizer): Tokens.Text {
  let end = token.raw.length;
  while (end > 1 && !isSpace(token.raw.charCodeAt(end - 1))) end--;
  while (end > 1 && isSpace(token.raw.charCodeAt(end - 1))) end--;
  if (end <= 1) return token; // one word longer than the window: cut inside it
  const raw = token.raw.slice(0, end);
  // What inlineText() would return for `raw` (entities escaped unless inside <pre> or <script>).
  return Tokenizer.prototype.inlineText.call(tokenizer, raw) as Tokens.Text;
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
    // The tag as it is rebuilt, in pieces: joining once at the end keeps this linear however many
    // attributes are dropped (trimming a growing string each time was quadratic).
    const tag = [html.slice(i, j)];
    while (j < n && html[j] !== '>') {
      const c = html.charCodeAt(j);
      if (isSpace(c) || html[j] === '/') {
        tag.push(html[j++]!);
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
            tag.push(html.slice(j, v + 1), withoutInlineCode(value), close === -1 ? '' : html[v]!);
            j = end;
            continue;
          }
        } else {
          end = v;
          while (end < n && !isSpace(html.charCodeAt(end)) && html[end] !== '>') end++;
        }
      }
      if (QUIET_ATTRIBUTE.test(attribute)) trimEnd(tag);
      else tag.push(html.slice(j, end));
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
      out += tag.join('') + (j < n ? '>' : '');
    }
    i = html.indexOf('<', from);
  }
  return out + html.slice(from);
}

/** Removes the white space at the end of a string held in pieces; each piece is looked at once. */
function trimEnd(pieces: string[]): void {
  while (pieces.length > 1) {
    const last = pieces[pieces.length - 1]!;
    let k = last.length;
    while (k > 0 && isSpace(last.charCodeAt(k - 1))) k--;
    if (k > 0) {
      pieces[pieces.length - 1] = last.slice(0, k);
      return;
    }
    pieces.pop();
  }
}

const BLANK = /^[ \t]*$/;
// A line of three or more `-`, `*` or `_` (spaces between allowed): a rule, not nested list items.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// A list marker (after any indentation and block quote markers): what may start a list item.
const LIST_MARKER = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
// A fence at the start of a line, at the top level: where code that may hold blank lines starts.
const FENCE = /^(`{3,}(?=[^`]*$)|~{3,})/;
// Something that could open a fence or raw HTML elsewhere: indented, or inside a list or quote.
const NESTED_OPENING = /^[ \t>*+\-\d.)]*(?:`{3,}|~{3,}|<(?:script|pre|style|textarea|!|\?))/i;
// HTML blocks that go on across blank lines, with what ends them.
const RAW_HTML: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];

interface Scan {
  /** The most lines in a row that are not blank. */
  longestRun: number;
  /** The most lines in one top-level block, blank lines included. */
  longestBlock: number;
  /** Lines that start with a list marker, each marker of a line such as `- - x` counted. */
  listItems: number;
  /** The most list and quote markers at the start of one line (`- - x`, `> > x`): nesting known up front. */
  deepestLine: number;
  /** The body cut into top-level blocks, which marked reads the same one by one as all at once. */
  blocks: string[];
}

/** Whether a line may start with a list marker, fence or raw HTML (the regular expressions are not tried otherwise). */
const MAYBE_MARKUP = /^[ \t>]*[-+*\d`~<]|^[ \t]*>/;

/**
 * One pass over the lines of a body (with `\n` line ends). A cut goes before a line that starts a
 * block which ends any list, quote, table or paragraph before it: a line at the start of the line,
 * after a blank one, that is not a list item; never inside a fenced code block or an HTML block
 * that may hold blank lines. Where a fence or such HTML starts inside a list, a quote or indented,
 * the rest of the body is one block (where it ends depends on those containers).
 */
function* scan(markdown: string): Work<Scan> {
  const blocks: string[] = [];
  let read = 0;
  let slices = 0;
  let longestRun = 0;
  let longestBlock = 0;
  let run = 0;
  let lines = 0;
  let listItems = 0;
  let deepestLine = 0;
  let blockStart = 0;
  let previousBlank = false;
  let fence: string | undefined; // the opening fence of the code block the line is in
  let rawEnd: RegExp | undefined; // what ends the HTML block the line is in
  let noMoreCuts = false;
  // (A body that ends with a line break has no line after it.)
  const last = markdown.endsWith('\n') ? markdown.length - 1 : markdown.length;
  for (let start = 0; start <= last; ) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const line = markdown.slice(start, end);
    const blank = BLANK.test(line);
    run = blank ? 0 : run + 1;
    if (run > longestRun) longestRun = run;
    const markup = MAYBE_MARKUP.test(line);
    if (markup && !THEMATIC_BREAK.test(line)) {
      let items = 0;
      let quotes = 0;
      let rest = line;
      for (let marker; (marker = LIST_MARKER.exec(rest)) && marker[0].length; rest = rest.slice(marker[0].length)) {
        items++;
        quotes += marker[0].split('>').length - 1;
      }
      quotes += /^[ \t>]*/.exec(rest)![0].split('>').length - 1;
      listItems += items;
      if (items + quotes > deepestLine) deepestLine = items + quotes;
    }
    if (fence !== undefined) {
      const closing = /^(`{3,}|~{3,}) *$/.exec(line);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) fence = undefined;
    } else if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = undefined;
    } else if (!blank) {
      if (previousBlank && !noMoreCuts && start > blockStart && !isSpace(line.charCodeAt(0)) && !(markup && LIST_MARKER.test(line))) {
        blocks.push(markdown.slice(blockStart, start));
        blockStart = start;
        lines = 0;
      }
      if (markup) {
        const opening = FENCE.exec(line);
        const raw = RAW_HTML.find(([begin]) => begin.test(line));
        if (opening) fence = opening[1];
        else if (raw && !raw[1].test(line.slice(2))) rawEnd = raw[1];
        else if (!raw && NESTED_OPENING.test(line)) noMoreCuts = true;
      }
    }
    lines++;
    if (lines > longestBlock) longestBlock = lines;
    previousBlank = blank && fence === undefined && rawEnd === undefined;
    read += end + 1 - start + LINE_COST;
    start = end + 1;
    if (read >= ramp(SCAN_SLICE, slices)) {
      read = 0;
      slices++;
      yield;
    }
  }
  blocks.push(markdown.slice(blockStart));
  return { longestRun, longestBlock, listItems, deepestLine, blocks };
}

class Refused extends Error {}

const TOO_DEEP = `article.body nests lists or block quotes more than ${MAX_NESTING} deep`;

/**
 * marked's lexer, made to count what it reads inside each top-level block: lists and quotes read
 * their contents with a nested call, once per level, so this is where nesting costs. It stops with
 * Refused past MAX_NESTING levels or MAX_BLOCK_WORK characters (`work`, reset per block).
 */
function countingLexer(): { lexer: Lexer; count: { work: number } } {
  const lexer = new Lexer({ ...marked.defaults });
  const count = { work: 0 };
  const blockTokens = lexer.blockTokens.bind(lexer) as (src: string, tokens?: Token[], clipped?: boolean) => Token[];
  let depth = 0;
  lexer.blockTokens = ((src: string, tokens?: Token[], clipped?: boolean): Token[] => {
    if (depth > 0) {
      if (depth > MAX_NESTING) {
        throw new Refused(TOO_DEEP);
      }
      count.work += src.length + BLOCK_COST;
      if (count.work > MAX_BLOCK_WORK) throw new Refused('article.body has a list or block quote too large to render');
    }
    depth++;
    try {
      return blockTokens(src, tokens, clipped);
    } finally {
      depth--;
    }
  }) as Lexer['blockTokens'];
  return { lexer, count };
}

/** A pause in the work, for the driver to give the main thread back to the page. */
type Work<T> = Generator<void, T, void>;

/** The refusal of a body over MAX_BODY_LENGTH, Markdown or HTML. */
const tooLong = () => new DataError(`article.body is longer than the ${grouped(MAX_BODY_LENGTH)}-character limit`);

/** The refusal of a body with a paragraph (or code block, or run of text) over MAX_PARAGRAPH. */
const tooLongParagraph = () =>
  new DataError(`article.body has a paragraph or code block of more than ${grouped(MAX_PARAGRAPH)} characters`);

/** The refusal of a body with more than MAX_BLOCKS top-level blocks, Markdown or HTML. */
const tooManyBlocks = () => new DataError(`article.body has more than ${grouped(MAX_BLOCKS)} paragraphs and other blocks`);

/** Checks the limits that are known before parsing, then cuts the body into top-level blocks. */
function* blocksOf(markdown: string): Work<string[]> {
  if (markdown.length > MAX_BODY_LENGTH) {
    throw tooLong();
  }
  const { longestRun, longestBlock, listItems, deepestLine, blocks } = yield* scan(markdown.replace(/\r\n?/g, '\n'));
  if (longestRun > MAX_BLOCK_LINES) {
    throw new DataError(`article.body has more than ${grouped(MAX_BLOCK_LINES)} lines without a blank line`);
  }
  if (deepestLine > MAX_NESTING) throw new DataError(TOO_DEEP);
  if (listItems > MAX_LIST_ITEMS) {
    throw new DataError(`article.body has more than ${grouped(MAX_LIST_ITEMS)} list items`);
  }
  if (longestBlock > MAX_BLOCK_LINES) {
    throw new DataError(`article.body has a list or block quote of more than ${grouped(MAX_BLOCK_LINES)} lines`);
  }
  return blocks;
}

/** Markdown to tokens: the top-level blocks one by one, then the text of each paragraph. */
function* lex(markdown: string): Work<Token[]> {
  const blocks = yield* blocksOf(markdown);
  const { lexer, count } = countingLexer();
  let done = 0;
  // Top-level tokens counted so far, and how many of them are blocks (not blank lines).
  let counted = 0;
  let blocksSeen = 0;
  let slices = 0;
  for (const block of blocks) {
    count.work = 0;
    lexer.blockTokens(block, lexer.tokens);
    done += block.length + count.work + BLOCK_COST;
    for (; counted < lexer.tokens.length; counted++) if (lexer.tokens[counted]!.type !== 'space') blocksSeen++;
    if (blocksSeen > MAX_BLOCKS) throw tooManyBlocks();
    if (done >= ramp(SLICE, slices)) {
      done = 0;
      slices++;
      yield;
    }
  }
  let inlineSlices = 0;
  for (const { src, tokens } of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    if (src.length > MAX_INLINE_LENGTH) {
      tokens.push({ type: 'text', raw: src, text: src, escaped: false });
      done += src.length;
    } else {
      inlineWork = 0;
      lexer.inlineTokens(src, tokens);
      done += inlineWork;
    }
    if (done >= ramp(SLICE, inlineSlices)) {
      done = 0;
      inlineSlices++;
      yield;
    }
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}

const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The raw HTML in a token and everything inside it, in order. */
function rawHtml(token: Token, out: string[] = []): string[] {
  if (token.type === 'html') out.push((token as Tokens.HTML).text);
  const nested = token as { tokens?: Token[]; items?: Token[] };
  for (const child of nested.items ?? []) rawHtml(child, out);
  for (const child of nested.tokens ?? []) rawHtml(child, out);
  return out;
}

/**
 * Keeps track of the elements that raw HTML in a body leaves open. The HTML of a body is parsed
 * and sanitized a few top-level blocks at a time, which gives the same DOM as all at once only
 * where no element or comment from raw HTML is still open between two pieces.
 */
class OpenElements {
  private readonly open: string[] = [];
  private comment = false;

  /**
   * Reads the tags of some raw HTML: each `<` and the `>` after it, once (linear). When `cuts` is
   * given, each place after a tag or comment where nothing is left open is added to it.
   */
  add(html: string, cuts?: number[]): void {
    for (let i = html.indexOf('<'); i !== -1 && !this.comment; ) {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        if (end === -1) this.comment = true;
        else if (cuts && this.open.length === 0) cuts.push(end + 3);
        i = html.indexOf('<', end + 3);
        continue;
      }
      const tag = TAG_NAME.exec(html.slice(i, i + 64));
      if (!tag) {
        // A bogus comment (`<!x`, `<?x`) hides what follows from the parser up to a ">": no cut after it.
        if (html[i + 1] === '!' || html[i + 1] === '?') this.comment = true;
        i = html.indexOf('<', i + 1);
        continue;
      }
      const end = html.indexOf('>', i);
      if (end === -1) {
        this.comment = true; // a tag that never ends: no cut after it
        break;
      }
      const name = tag[2]!.toLowerCase();
      if (tag[1]) {
        const at = this.open.lastIndexOf(name);
        if (at !== -1) this.open.length = at;
      } else if (html[end - 1] !== '/' && !VOID.has(name)) {
        this.open.push(name);
      }
      if (cuts && this.open.length === 0) cuts.push(end + 1);
      i = html.indexOf('<', end + 1);
    }
  }

  get closed(): boolean {
    return this.open.length === 0 && !this.comment;
  }
}

/**
 * Tokens to HTML, in pieces of a few top-level blocks that can be parsed one by one (see
 * OpenElements). A piece ends once it holds PIECE_TAGS tags: sanitizing costs about the same per
 * element whatever the Markdown that made it, so a list-heavy body gets shorter pieces than prose.
 * A body whose raw HTML leaves an element open is still cut every MAX_HTML_PIECE characters: an
 * unclosed tag does not make the rest of the body one task.
 */
function* toHtml(tokens: Token[], piece: (html: string, join?: boolean) => void): Work<void> {
  const parser = new Parser({ ...marked.defaults });
  const open = new OpenElements();
  let html = '';
  let tags = 0;
  let pieces = 0;
  for (const token of tokens) {
    const rows = open.closed ? longRows(token) : undefined;
    if (rows) {
      // A long list or table: its items or rows ROWS at a time, each piece joined to the one before.
      if (html) {
        piece(html);
        html = '';
        tags = 0;
        yield;
      }
      for (let i = 0; i < rows.length; i += ROWS) {
        const part = token.type === 'list'
          ? { ...token, items: rows.slice(i, i + ROWS), start: token['start'] === '' ? '' : Number(token['start']) + i }
          : { ...token, rows: rows.slice(i, i + ROWS) };
        piece(parser.parse([part as Token]), i > 0);
        yield;
      }
      continue;
    }
    const out = parser.parse([token]);
    html += out;
    for (let i = out.indexOf('<'); i !== -1; i = out.indexOf('<', i + 1)) tags++;
    for (const raw of rawHtml(token)) open.add(raw);
    if ((tags >= ramp(PIECE_TAGS, pieces) && open.closed) || html.length >= MAX_HTML_PIECE) {
      piece(html);
      html = '';
      tags = 0;
      pieces++;
      yield;
    }
  }
  if (html) piece(html);
}

/** The items of a list or the rows of a table with more than ROWS of them and no raw HTML inside. */
function longRows(token: Token): unknown[] | undefined {
  const rows: unknown = token.type === 'list' ? token['items'] : token.type === 'table' ? token['rows'] : undefined;
  return Array.isArray(rows) && rows.length > ROWS && !rawHtml(token).length ? rows : undefined;
}

// Items of a list, or rows of a table, in one piece of a long one.
const ROWS = 100;

// Tags in one piece of HTML handed to the sanitizer (a few milliseconds of its work), and the
// longest piece when raw HTML leaves an element open.
const PIECE_TAGS = 400;
const MAX_HTML_PIECE = 32_000;

/**
 * HTML from another source in pieces, cut where no element is left open once a piece holds
 * PIECE_TAGS tags; without such a place (an element that never closes), at the next tag after
 * MAX_HTML_PIECE characters. Each piece is sanitized on its own, so a cut never lets anything
 * through: at worst an unclosed element ends early.
 */
function* htmlPieces(html: string, piece: (html: string) => void): Work<void> {
  const closed: number[] = [];
  new OpenElements().add(html, closed);
  let from = 0;
  let tags = 0;
  let next = 0;
  let pieces = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    for (; next < closed.length && closed[next]! <= i; next++) {
      const at = closed[next]!;
      if (tags >= ramp(PIECE_TAGS, pieces) && at > from) {
        piece(html.slice(from, at));
        from = at;
        tags = 0;
        pieces++;
        yield;
      }
    }
    if (i - from >= MAX_HTML_PIECE) {
      piece(html.slice(from, i));
      from = i;
      tags = 0;
      yield;
    }
    tags++;
  }
  piece(html.slice(from));
}

// The URL a body's relative links and images resolve against, while one is being sanitized.
let base: URL | undefined;

/** `url` (which passed the URL rule) resolved against `base`, or `undefined` if it then fails the rule. */
function resolved(url: string): string | undefined {
  if (!base || url.startsWith('#')) return url;
  try {
    return safeUrl(new URL(url, base).href);
  } catch {
    return undefined;
  }
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

/**
 * The sanitizer: a DOMPurify instance of this module's own (a page or an application that bundles
 * DOMPurify too keeps its own instance, without these hooks), made on first use, in the first
 * slice that sanitizes rather than in the task that evaluates this module.
 */
function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
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
  instance.addHook('afterSanitizeAttributes', (node) => {
    for (const name of ['href', 'src'] as const) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const url = resolved(safeUrl(value) ?? '');
      if (!url) node.removeAttribute(name);
      else if (url !== value) node.setAttribute(name, url);
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
  return (purifier = instance);
}


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

/** How a body is rendered. */
export interface RenderOptions {
  /**
   * The URL of the document the body came from: relative links and images in it resolve against
   * it (not against the page). Only `http:` and `https:` URLs are used.
   */
  base?: string;
  /** Stops a render that is no longer wanted, between two slices (it then rejects with the reason). */
  signal?: AbortSignal;
}

function baseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The sanitizing step, with relative URLs resolved against `from` while it runs. */
function sanitized(html: string, from: URL | undefined): DocumentFragment {
  base = from;
  try {
    return purify().sanitize(html, { ...SANITIZE, TRUSTED_TYPES_POLICY: trustedTypesPolicy(), RETURN_DOM_FRAGMENT: true });
  } finally {
    base = undefined;
  }
}

/**
 * The sanitizing step alone: HTML to DOM through DOMPurify with the allow-list and the URL rule,
 * without the Markdown and without the clean-up that runs before it (withoutInlineCode). For HTML
 * that is not Markdown output, and for testing the sanitizer's own configuration.
 */
export function sanitizeHtml(html: string, options: Pick<RenderOptions, 'base'> = {}): DocumentFragment {
  return sanitized(html, baseUrl(options.base));
}

/** The whole job, with a pause between slices; each piece of HTML is handed to `sanitize`. */
function* render(markdown: string, sanitize: (html: string, join?: boolean) => void): Work<void> {
  try {
    const tokens = yield* lex(markdown);
    yield* toHtml(tokens, (html, join) => sanitize(withoutInlineCode(html), join));
  } catch (error) {
    if (error instanceof DataError) throw error;
    if (error instanceof Refused) throw new DataError(error.message);
    // A RangeError (stack overflow) on deeply nested input, or any other parser failure.
    throw new DataError('article.body could not be rendered', { cause: error });
  }
}

/**
 * Markdown to sanitized HTML, as a string, in one go (for tests and tools; the elements use
 * renderMarkdown). Throws a DataError for a body it will not render.
 */
export function markdownToHtml(markdown: string, options: Pick<RenderOptions, 'base'> = {}): string {
  const out = document.createElement('div');
  const work = render(markdown, into(out, baseUrl(options.base)));
  while (!work.next().done);
  return out.innerHTML;
}

/**
 * HTML from another source (a WordPress post's `content.rendered`, a feed's `content_html`) as
 * sanitized DOM, through the same steps and allow-list as rendered Markdown, in slices like
 * renderMarkdown. Rejects with a DataError for a body over MAX_BODY_LENGTH or a policy the page
 * forbids, or with the signal's reason once it is aborted.
 */
export function renderHtml(html: string, options: RenderOptions = {}): Promise<DocumentFragment> {
  if (html.length > MAX_BODY_LENGTH) {
    return Promise.reject(tooLong());
  }
  return drive((sanitize) => htmlPieces(withoutInlineCode(html), sanitize), options);
}

/**
 * Markdown as sanitized DOM, ready to insert: no HTML string leaves this module, so the page's
 * Trusted Types are asked only to let DOMPurify parse. The work is done in slices with the main
 * thread given back between them. Rejects with a DataError for a body it will not render (see the
 * limits above, or a policy the page forbids), or with the signal's reason once it is aborted.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<DocumentFragment> {
  return drive((sanitize) => render(markdown, sanitize), options);
}

/** The length of the longest text node under `root`. */
function longestText(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let longest = 0;
  while (walker.nextNode()) longest = Math.max(longest, walker.currentNode.nodeValue!.length);
  return longest;
}

/** Runs a job slice by slice, giving the page the main thread between two. */
async function drive(
  job: (sanitize: (html: string, join?: boolean) => void) => Work<void>,
  options: RenderOptions,
): Promise<DocumentFragment> {
  const { signal } = options;
  const fragment = document.createDocumentFragment();
  const work = job(into(fragment, baseUrl(options.base)));
  for (;;) {
    // The first slice too runs in a task of its own, not in the one that evaluated this module.
    await yieldToPage();
    signal?.throwIfAborted();
    if (work.next().done) {
      if (fragment.childElementCount > MAX_BLOCKS) throw tooManyBlocks();
      if (longestText(fragment) > MAX_PARAGRAPH) throw tooLongParagraph();
      return fragment;
    }
  }
}

/**
 * Sanitizes each piece of HTML into `root`. A piece that joins the one before (the next items of a
 * long list, the next rows of a long table) adds its items or rows to the list or table already
 * there, so the result is one element, as if it had been parsed whole.
 */
function into(root: ParentNode, from: URL | undefined): (html: string, join?: boolean) => void {
  return (html, join) => {
    const part = sanitized(html, from);
    const last = root.lastElementChild;
    const first = part.firstElementChild;
    if (!join || !last || !first || last.localName !== first.localName) {
      root.append(part);
    } else if (first.localName === 'table') {
      joinChildren(last.querySelector(':scope > tbody'), first.querySelector(':scope > tbody'));
    } else {
      joinChildren(last, first);
    }
  };
}

/** Moves the children of `from` to the end of `to`, without doubling the line break between them. */
function joinChildren(to: Element | null, from: Element | null): void {
  if (!to || !from) return;
  const head = from.firstChild;
  if (head?.nodeType === 3 && !head.textContent!.trim() && to.lastChild?.nodeType === 3) head.remove();
  to.append(...from.childNodes);
}

/**
 * Most nodes, and characters of text, of a body put into the page in one frame (a few milliseconds
 * of style and layout: laying out text costs by its length), but for a node that holds more.
 */
const INSERT_BATCH = 250;
const INSERT_TEXT = 12_000;

/** The nodes and characters of text a node puts into the page. */
interface Weight {
  nodes: number;
  text: number;
}

/**
 * The weight of `node`, and in `sizes` that of every node in it, in one pass over its tree. An
 * element counts itself and the elements in it, and the characters of the text in it (its
 * textContent); any other node is one node of its own characters, which count in the element
 * around it if it is text (a comment's count only at the top).
 */
function weigh(node: Node, sizes: Map<Node, Weight>): Weight {
  const size = { nodes: 1, text: (node as Partial<CharacterData>).data?.length ?? 0 };
  for (const child of node.childNodes) {
    const inner = weigh(child, sizes);
    if (child.nodeType === 1) size.nodes += inner.nodes;
    // Elements, text and CDATA sections (node types 1, 3 and 4): what textContent joins.
    if (child.nodeType < 5) size.text += inner.text;
  }
  sizes.set(node, size);
  return size;
}

/** Nodes to append to an element of the body, or (`into` unset) to the element that shows it. */
interface Step {
  into?: Element;
  nodes: Node[];
}

/**
 * The batches of a body, built one at a time as they are asked for, so that no task walks the
 * whole body: the top-level nodes in order, a batch of about INSERT_BATCH nodes (or INSERT_TEXT
 * characters) each; an element larger than a batch goes in empty, and its children follow in
 * batches of their own. The first batch, which goes in with the rest of the card, holds half as
 * much: it is the page's first layout of such content, about twice the cost of the later ones.
 */
function* batchesOf(body: DocumentFragment): Generator<Step[], void, void> {
  let batch: Step[] = [];
  let count: Weight = { nodes: 0, text: 0 };
  let first = true;
  function* add(step: Step, size: Weight): Generator<Step[], void, void> {
    const share = first ? 2 : 1;
    if (count.nodes && (count.nodes + size.nodes > INSERT_BATCH / share || count.text + size.text > INSERT_TEXT / share)) {
      yield batch;
      first = false;
      batch = [];
      count = { nodes: 0, text: 0 };
    }
    const last = batch[batch.length - 1];
    if (last && last.into === step.into) last.nodes.push(...step.nodes);
    else batch.push(step);
    count.nodes += size.nodes;
    count.text += size.text;
  }
  // The weights of the nodes in the top-level node being split, each counted once, when it is reached.
  let sizes: Map<Node, Weight>;
  function* split(nodes: Node[], into?: Element): Generator<Step[], void, void> {
    for (const node of nodes) {
      const size = into ? sizes.get(node)! : weigh(node, (sizes = new Map()));
      if ((size.nodes > INSERT_BATCH || size.text > INSERT_TEXT) && node.childNodes.length > 1) {
        const shell = node.cloneNode() as Element;
        yield* add({ into, nodes: [shell] }, { nodes: 1, text: 0 });
        yield* split(Array.from(node.childNodes), shell);
      } else {
        yield* add({ into, nodes: [node] }, size);
      }
    }
  }
  yield* split(Array.from(body.childNodes));
  if (batch.length) yield batch;
}

/**
 * A rendered body on its way into the page, one batch per frame (batchesOf()), so that no one task
 * holds the style and layout work of a whole long article: the first batch goes in with the rest
 * of the card, the others after it (see finish()).
 */
export class Placement {
  private readonly batches: Step[][] = [];
  private readonly next: Generator<Step[], void, void>;
  private due = 1;
  private placed = 0;
  private host?: Element;

  constructor(body: DocumentFragment) {
    this.next = batchesOf(body);
  }

  /** Whether batch number `index` exists, building it (and those before it) if need be. */
  private has(index: number): boolean {
    while (this.batches.length <= index) {
      const { done, value } = this.next.next();
      if (done) return false;
      this.batches.push(value);
    }
    return true;
  }

  /** Puts the batches that are due into `host`; a host it has not seen yet gets them all. */
  place(host: Element | null): void {
    if (!host) return;
    if (host !== this.host) {
      host.replaceChildren();
      this.host = host;
      this.placed = 0;
    }
    for (; this.placed < this.due && this.has(this.placed); this.placed++) {
      for (const { into, nodes } of this.batches[this.placed]!) (into ?? host).append(...nodes);
    }
  }

  /**
   * Makes the other batches due one per frame, each placed into `host()` just before the frame is
   * drawn, so the browser lays out one batch at a time rather than the whole body at the end; stops
   * early once `wanted()` says the body is no longer shown. Settles when it is all in.
   */
  async finish(host: () => Element | null, wanted: () => boolean): Promise<void> {
    while (this.has(this.placed)) {
      await nextFrame();
      if (!wanted()) return;
      // Nothing runs ahead while the body is not drawn: each frame gets one batch, never a backlog.
      this.due = this.placed + 1;
      this.place(host());
    }
  }
}
