/**
 * Plain text from the HTML snippets other sources send (WordPress titles and excerpts, feed
 * summaries). The result is text, never markup: the elements put it into text nodes. Nothing here
 * asks an HTML parser, so it runs anywhere (the browser, the command in Node) and stays small.
 */

// The named references that publishing systems put into titles and excerpts (WordPress's
// wptexturize writes numeric ones; editors and plugins write these). Others are left as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', prime: '′',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', frac12: '½',
  frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', para: '¶', sect: '§', euro: '€',
  pound: '£', yen: '¥', cent: '¢', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', yacute: 'ý', ntilde: 'ñ',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ',
  agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò', ugrave: 'ù', acirc: 'â', ecirc: 'ê',
  icirc: 'î', ocirc: 'ô', ucirc: 'û', auml: 'ä', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü',
  Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', ccedil: 'ç', Ccedil: 'Ç', aring: 'å', aelig: 'æ',
  oslash: 'ø', atilde: 'ã', otilde: 'õ', zwj: '\u200d', zwnj: '\u200c', ensp: '\u2002',
  emsp: '\u2003', thinsp: '\u2009',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

/** Decodes character references (`&#8217;`, `&#x2019;`, `&amp;`, `&hellip;`…) in text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    // Own entries only: `&constructor;` is no reference, not Object's constructor.
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // NUL, surrogates and out-of-range values become U+FFFD, as the HTML parser does.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

// Elements whose content is not text a reader sees.
const HIDDEN = /<(script|style|template|noscript|iframe|object|svg|math)\b/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|tr|table|section|article|pre)\b[^>]*>/gi;
const TAG = /<\/?[A-Za-z][^>]*>?/g;

/**
 * The text of an HTML snippet: tags and comments removed (with the content of scripts, styles and
 * the like), references decoded, white space collapsed. Linear in the length of the input.
 */
export function plainText(html: string): string {
  return decodeEntities(withoutHidden(html.replace(COMMENT, '')).replace(BLOCK, ' ').replace(TAG, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** `html` without hidden elements and their content; an unclosed one takes the rest with it. */
function withoutHidden(html: string): string {
  let out = '';
  let from = 0;
  HIDDEN.lastIndex = 0;
  for (let match = HIDDEN.exec(html); match; match = HIDDEN.exec(html)) {
    out += html.slice(from, match.index);
    const closing = new RegExp(`</${match[1]}`, 'gi');
    closing.lastIndex = HIDDEN.lastIndex;
    const close = closing.exec(html);
    if (!close) return out;
    const end = html.indexOf('>', close.index);
    from = end === -1 ? html.length : end + 1;
    HIDDEN.lastIndex = from;
  }
  return out + html.slice(from);
}
