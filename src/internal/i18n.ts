import { yieldToPage } from '../data/schedule.js';

/** Built-in labels, in English and Spanish. Attributes or slots override each one per element. */
export interface Labels {
  relatedPosts: string;
  call: string;
  visitWebsite: string;
  readMore: string;
  by: string;
  loading: string;
  error: string;
  empty: string;
  reviewedBy: string;
  lastReviewed: string;
  book: string;
  map: string;
}

const LABELS: Record<string, Labels> = {
  en: {
    relatedPosts: 'Related posts',
    call: 'Call',
    visitWebsite: 'Visit website',
    readMore: 'Read more',
    by: 'By',
    loading: 'Loading…',
    error: 'This content could not be loaded.',
    empty: 'No related posts yet.',
    reviewedBy: 'Medically reviewed by',
    lastReviewed: 'Last reviewed',
    book: 'Book an appointment',
    map: 'Map and directions',
  },
  es: {
    relatedPosts: 'Artículos relacionados',
    call: 'Llamar',
    visitWebsite: 'Visitar el sitio web',
    readMore: 'Leer más',
    by: 'Por',
    loading: 'Cargando…',
    error: 'No se pudo cargar este contenido.',
    empty: 'Todavía no hay artículos relacionados.',
    reviewedBy: 'Revisión médica de',
    lastReviewed: 'Última revisión',
    book: 'Pedir cita',
    map: 'Mapa y cómo llegar',
  },
};

/**
 * The labels for a BCP 47 language tag ("es-MX" uses Spanish); English when unknown. Only the
 * table's own entries count: `lang="constructor"` is an unknown language, not Object's constructor.
 */
export function labelsFor(lang: string): Labels {
  const primary = String(lang).toLowerCase().split('-')[0]!;
  return Object.hasOwn(LABELS, primary) ? LABELS[primary]! : LABELS['en']!;
}

/** `labels` with each override that holds text put in place of the built-in one. */
export function withLabels(labels: Labels, overrides: Partial<Record<keyof Labels, string | undefined>>): Labels {
  const result = { ...labels };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value === 'string' && value.trim()) result[key as keyof Labels] = value;
  }
  return result;
}

/**
 * The language an element speaks: its own `lang` (attribute or property), else the nearest
 * ancestor's, looking out through shadow roots, else English.
 */
export function languageOf(element: Element): string {
  const own = (element as HTMLElement).lang;
  if (typeof own === 'string' && own.trim()) return own.trim();
  let node: Element | null = element;
  // A server render (Lit's Node DOM shim) has no tree to search.
  while (node && typeof node.closest === 'function') {
    // lang="" means "unknown": it stops the search, as it does in HTML.
    const owner: Element | null = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang')!.trim() || 'en';
    node = (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return 'en';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The formatter for `iso` in `lang`, made once per language and time zone (a date without a time
 * is that calendar day everywhere, read in UTC); with `peek`, only one made already (else undefined).
 */
function formatterFor(iso: string, lang: string, peek?: boolean): Intl.DateTimeFormat | undefined {
  const timeZone = DATE_ONLY.test(iso) ? 'UTC' : undefined;
  const key = `${lang}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter && !peek) {
    try {
      formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Languages whose dates are written here, as the browser writes them ("May 1, 2024"), without its locale data. */
const ENGLISH = /^en(?:-US)?$/i;
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * `iso` (read as `time`) in English ("May 1, 2024") when `lang` is one of ENGLISH, in the reader's
 * time zone or, for a date without a time, that calendar day; undefined for another language, a
 * value that is not a date, or a year the browser writes otherwise (before 1 or after 9999).
 */
function englishDate(iso: string, lang: string, time = Date.parse(iso)): string | undefined {
  if (!ENGLISH.test(lang)) return undefined;
  const date = new Date(time);
  const utc = DATE_ONLY.test(iso);
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  if (!(year >= 1 && year <= 9999)) return undefined;
  return `${MONTHS[utc ? date.getUTCMonth() : date.getMonth()]} ${utc ? date.getUTCDate() : date.getDate()}, ${year}`;
}

/**
 * A date such as "May 1, 2024" or "1 de mayo de 2024"; `undefined` if the value is not a date.
 * English dates are written here: the first date formatter of a page loads the browser's locale
 * data (tens of milliseconds of native work), which a page in English then never needs.
 */
export function formatDate(iso: string, lang: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return englishDate(iso, lang, time) ?? formatterFor(iso, lang)!.format(time);
}

/**
 * Makes the formatters that the dates `isos` need in `lang`, in tasks of their own, when they are
 * not made yet; undefined when there is nothing to make. The first date formatter of a page loads
 * the browser's locale data, 30 to 70 ms in one native step here; asked for in three pieces (the
 * language's likely subtags, the languages date formats exist for, then the formatter), each in
 * its own task, that work is spread over three shorter tasks, none of them the one that renders
 * the content. A language the browser does not know is left to formatterFor(), which falls back
 * to English.
 */
export function prepareDates(isos: ReadonlyArray<string | undefined>, lang: string): Promise<void> | undefined {
  // A value that is not a date is shown as none, and one written in English needs no formatter.
  const missing = isos.filter(
    (iso): iso is string => !!iso && !Number.isNaN(Date.parse(iso)) && !englishDate(iso, lang) && !formatterFor(iso, lang, true),
  );
  if (!missing.length) return undefined;
  return inPieces(lang, Intl.DateTimeFormat, () => missing.forEach((iso) => formatterFor(iso, lang)));
}

/**
 * Makes an Intl object of `lang` with `make`, the locale data it loads first asked for in pieces,
 * each in a task of its own (the language's likely subtags, the languages `kind` has data for,
 * then `make`), and resolves a task later, so that what renders next is not in the same task. A
 * piece that throws (not a language tag) is dropped: `make` falls back as it does anyway.
 */
async function inPieces(lang: string, kind: { supportedLocalesOf(lang: string): unknown }, make: () => void): Promise<void> {
  for (const step of [() => new Intl.Locale(lang).maximize(), () => kind.supportedLocalesOf(lang), make]) {
    await yieldToPage();
    try {
      step();
    } catch {
      // Not a language tag.
    }
  }
  await yieldToPage();
}

/** The machine-readable value for `<time datetime>`. */
export function datetimeAttr(iso: string): string {
  return DATE_ONLY.test(iso) ? iso : new Date(iso).toISOString();
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** The region of a language tag ("US" in "en-US" or "en-Latn-US"), upper-case; undefined without one. */
export function regionOf(lang: string): string | undefined {
  return /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2}|\d{3})(?:-|$)/i.exec(lang.trim())?.[1]!.toUpperCase();
}

/**
 * The country line of an address in `lang`: a two-letter code by its name ("US": "United
 * States", "Estados Unidos"), any other text as given, and nothing for the region of `lang`
 * itself ("US" on an "en-US" page), as an address written for readers in that country would be.
 * The names (`Intl.DisplayNames`, whose first use loads locale data) are made once per language,
 * and only when a country is named.
 */
export function countryName(country: string, lang: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  const code = country.toUpperCase();
  if (code === regionOf(lang)) return undefined;
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(lang, { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Makes the region names that countryName(country, lang) needs, in tasks of their own (as
 * prepareDates() does), when they are not made yet; undefined when there is nothing to make (no
 * country code, the page's own region, or names made already).
 */
export function prepareCountryNames(country: string | undefined, lang: string): Promise<void> | undefined {
  if (!/^[A-Za-z]{2}$/.test(country ?? '') || country!.toUpperCase() === regionOf(lang) || regionNames.has(lang)) return undefined;
  return inPieces(lang, Intl.DisplayNames, () => countryName(country!, lang));
}
