/** Schemes a URL from any field or attribute may use; relative URLs are allowed too. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// A scheme is what comes before the first ":" that precedes any "/", "?" or "#".
const SCHEME = /^([^/?#]*?):/;
// The bytes that the URL parser strips or ignores: C0 controls, space, DEL, and the
// invisible characters that browsers drop from the start of a URL.
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

/**
 * Returns `value` if it is an http:, https:, mailto: or tel: URL, or a relative one; otherwise
 * `undefined`. The check follows the browser's own parsing: leading and embedded control and white
 * space characters are removed and the scheme is compared case-insensitively, so `JaVaScRiPt:`,
 * ` javascript:` or `java\tscript:` cannot slip through. Entities need no decoding here: the value
 * reaches the DOM as a property, never through an HTML parser.
 */
export function safeUrl(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const probe = trimmed.replace(IGNORED, '');
  const scheme = SCHEME.exec(probe)?.[1];
  if (scheme === undefined) {
    // Relative: "/path", "page.html", "?q", "#top", "//host/path" (scheme-relative keeps the page's scheme).
    // "\\" counts as "/" in URL parsing, so "\\\\evil" is scheme-relative too; allowed, since it can only be http(s).
    return trimmed;
  }
  return ALLOWED_SCHEMES.has(scheme.toLowerCase() + ':') ? trimmed : undefined;
}

/** Whether `href` leaves the page's origin (used to open such links safely). */
export function isExternal(href: string, base = document.baseURI): boolean {
  try {
    const url = new URL(href, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== new URL(base).origin;
  } catch {
    return false;
  }
}

/** A `tel:` URL for a phone number as people write it ("916-915-9215", "+1 (916) 915 9215"). */
export function telUrl(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : undefined;
}
