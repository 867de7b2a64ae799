/**
 * The one URL rule, for every field and attribute (links, images, the logo, the links and images
 * inside a Markdown body): a URL is used only if it is http:, https:, mailto:, tel: or relative.
 * Anything else is dropped, and the element renders without it.
 */

/** Schemes a URL from any field or attribute may use; relative URLs are allowed too. */
export const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// What comes before the first ":" that precedes any "/", "?" or "#" (a stricter reading than the
// URL parser's, which accepts only letters, digits, "+", "-" and "." in a scheme).
const SCHEME = /^([^/?#]*?):/;
// Characters the URL parser strips or ignores (C0 controls, space, DEL) and invisible characters
// that could hide a scheme from a reader or from a looser parser; removed before the strict reading.
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/g;
// Character references, decoded for the strict reading only: a value that reaches an HTML parser
// somewhere else (a partner's template, say) must not gain a scheme there either.
const REFERENCE = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(colon|tab|newline));?/gi;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n' };

function decodeReferences(value: string): string {
  return value.replace(REFERENCE, (_, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

// A base URL no real URL uses: a relative URL resolves to this scheme, an absolute one keeps its own.
const RELATIVE_BASE = 'x-clinic-relative:/';

/**
 * Returns `value` (trimmed) if it is an http:, https:, mailto: or tel: URL, or a relative one;
 * otherwise `undefined`.
 *
 * Two readings must both agree that the scheme is allowed:
 * - the browser's own: the WHATWG URL parser (`new URL`), which strips leading and trailing
 *   control characters and spaces, removes tabs and newlines anywhere, and lower-cases the
 *   scheme, so `JaVaScRiPt:`, ` javascript:` and `java\tscript:` are all seen as `javascript:`;
 * - a stricter one: with character references decoded and every control, white-space and
 *   invisible character removed, anything before the first `:` that precedes `/`, `?` or `#`
 *   counts as a scheme, so `java\0script:`, `&#106;avascript:` or `javascript&colon;` (which a
 *   browser reads as harmless relative paths here) are dropped too.
 *
 * Field values reach the DOM as attribute values set by script, never through an HTML parser;
 * inside a Markdown body the HTML parser has decoded references before this rule sees the value.
 * A value the URL parser rejects is dropped.
 */
export function safeUrl(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;

  let parsed: URL;
  try {
    parsed = new URL(trimmed, RELATIVE_BASE);
  } catch {
    return undefined;
  }
  const relative = parsed.protocol === 'x-clinic-relative:';
  if (!relative && !ALLOWED_SCHEMES.has(parsed.protocol)) return undefined;

  const strict = SCHEME.exec(decodeReferences(trimmed).replace(IGNORED, ''))?.[1];
  if (strict !== undefined && !ALLOWED_SCHEMES.has(`${strict.toLowerCase()}:`)) return undefined;
  // The two readings must also agree on whether there is a scheme at all.
  if (relative !== (strict === undefined)) return undefined;
  return trimmed;
}

/**
 * The page's base URL for resolving relative URLs; `undefined` where there is no page (the
 * elements rendered on a server for a snippet), where only absolute URLs resolve.
 */
export function pageBase(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.baseURI;
}

/**
 * Whether `href` leads away from the page's origin (used to open such links safely). A relative
 * `href` resolves as the browser resolves a link, against the page's base URL (`<base href>`);
 * the result is compared with the page's own origin, not the base's.
 */
export function isExternal(href: string, base = document.baseURI, origin = location.origin): boolean {
  try {
    const url = new URL(href, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin;
  } catch {
    return false;
  }
}

/** A `tel:` URL for a phone number as people write it ("916-915-9215", "+1 (916) 915 9215"). */
export function telUrl(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : undefined;
}
