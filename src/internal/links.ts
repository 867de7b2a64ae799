/**
 * Link decoration for attribution: UTM query parameters on the links a widget renders to the
 * clinic's own content (the article, related posts, the clinic's website and booking page).
 * Pure functions from data to data.
 */

/** The UTM fields of an element (its `utm-*` attributes or the page's defaults). */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
}

function text(value: string | undefined | null): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed || undefined;
}

/**
 * The query parameters to add, or `undefined` when `utm.source` is not set (no decoration).
 * `utm_medium` defaults to `referral`, `utm_content` to `widget` (the element's tag name).
 */
export function utmParams(utm: Utm, widget: string): Array<[string, string]> | undefined {
  const source = text(utm.source);
  if (!source) return undefined;
  const params: Array<[string, string]> = [
    ['utm_source', source],
    ['utm_medium', text(utm.medium) ?? 'referral'],
  ];
  const campaign = text(utm.campaign);
  if (campaign) params.push(['utm_campaign', campaign]);
  params.push(['utm_content', text(utm.content) ?? widget]);
  return params;
}

/**
 * `href` with `params` added to its query. Only `http:` and `https:` links (relative ones resolve
 * against `base`) are decorated; a parameter already in the URL is kept, not replaced; the
 * fragment stays last. Anything else (`tel:`, `mailto:`, an unparsable value, no params) comes
 * back unchanged.
 */
export function decorate(href: string, params: Array<[string, string]> | undefined, base: string | undefined): string {
  if (!params || !href) return href;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return href;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return href;
  for (const [name, value] of params) {
    if (!url.searchParams.has(name)) url.searchParams.append(name, value);
  }
  return url.href;
}
