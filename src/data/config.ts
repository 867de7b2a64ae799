import { DataError } from './errors.js';

/**
 * Page-wide settings: what the classic script tag says about itself, and `configure()` for
 * module users. Read once, when the bundle runs.
 *
 * The classic script (`clinic-widgets.iife.js`) fetches its Markdown renderer on demand from the
 * file beside it, `clinic-widgets.markdown.js`, resolved against the script's own URL. That URL is
 * only known while the script runs (`document.currentScript` is null later, and always in
 * modules), so it is read here, at load. A page that renames or proxies the files names the
 * module itself: `<script src="…" data-markdown-src="…">`, or `configure({ markdownSrc })`.
 *
 * Page-wide defaults: every other `data-*` attribute of the classic script tag is a default for
 * the element attribute of the same name, for every element on the page:
 * `<script src="…/clinic-widgets.iife.js" data-theme="dark" data-utm-source="partner-blog">`.
 * Module users call `configure({ defaults: { theme: 'dark', 'utm-source': 'partner-blog' } })`.
 * Precedence: element attribute > `data` property field > page default > document > built-in.
 */

/** A page-wide default's value: text, a number, or a boolean attribute (true: present; false/null: absent). */
export type DefaultValue = string | number | boolean | null | undefined;

/** What `configure()` accepts. Each key is optional; a key left out keeps its value. */
export interface PageConfig {
  /**
   * URL of the Markdown module (`clinic-widgets.markdown.js`), relative to the page. Default: for
   * the classic script, beside the script (or its `data-markdown-src`); for the ES module, its
   * own chunk.
   */
  markdownSrc?: string;
  /**
   * Defaults for every element on the page, by attribute name (`src`, `theme`, `lang`, `loading`,
   * `utm-source`, `structured-data`, `limit`, …). Replaces the defaults given by an earlier call;
   * the script tag's `data-*` defaults stay unless a key here names the same attribute.
   */
  defaults?: Record<string, DefaultValue>;
}

/** The classic `<script>` element this bundle was loaded by; `null` for a module or a bundler. */
export const scriptTag: HTMLScriptElement | null =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : null;

/** The file name of the Markdown module beside the classic script, in `dist/`. */
export const MARKDOWN_FILE = 'clinic-widgets.markdown.js';

/**
 * The URL of a part of the classic script that it loads on demand (`clinic-widgets.adapters.js`,
 * say), beside the script. The build of the classic script imports its parts through this.
 */
export function partUrl(file: string): string {
  if (!scriptTag?.src) throw new DataError(`${file} could not be located: the script's own URL is unknown`);
  return new URL(file, scriptTag.src).href;
}

/** A module URL as given, and what it is relative to. */
interface Located {
  value: string;
  base: string;
}

const fromTag: Located | undefined = scriptTag?.src
  ? { value: scriptTag.getAttribute('data-markdown-src')?.trim() || MARKDOWN_FILE, base: scriptTag.src }
  : undefined;

const config: { markdownSrc?: Located } = { markdownSrc: fromTag };

/**
 * Changes page-wide settings for every element on the page; call it before the first full
 * article is shown. Exported by the ES module and on `window.ClinicWidgets`.
 */
export function configure(changes: PageConfig): void {
  if ('defaults' in changes) setDefaults(changes.defaults);
  if ('markdownSrc' in changes) {
    const value = changes.markdownSrc;
    config.markdownSrc = typeof value === 'string' && value.trim() ? { value: value.trim(), base: document.baseURI } : fromTag;
  }
}

/**
 * The absolute URL the Markdown module is imported from; undefined when the bundle uses its own
 * chunk. Throws a DataError for a value that is not an `http(s)` URL (`data:`, `javascript:`,
 * `blob:` and the like are never imported).
 */
export function markdownSrc(): string | undefined {
  const src = config.markdownSrc;
  if (!src) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(src.value, src.base);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new DataError(`the Markdown module's URL "${src.value}" is not an http(s) URL`);
  }
  return url.href;
}

/** `data-*` attributes of the script tag that configure the script itself, not the elements. */
const OWN_SETTINGS = new Set(['markdown-src']);

/** The attributes named by `data-*` on the script tag, and their values. */
function tagDefaults(tag: HTMLScriptElement | null): Map<string, string> {
  const result = new Map<string, string>();
  for (const { name, value } of tag?.attributes ?? []) {
    const attribute = name.startsWith('data-') ? name.slice(5) : '';
    if (attribute && !OWN_SETTINGS.has(attribute)) result.set(attribute, value);
  }
  return result;
}

const defaultsFromTag = tagDefaults(scriptTag);
let configured = new Map<string, string | null>();
let defaults: ReadonlyMap<string, string> = defaultsFromTag;
const listeners = new Set<() => void>();

function mergeDefaults(): void {
  const result = new Map(defaultsFromTag);
  for (const [name, value] of configured) {
    if (value === null) result.delete(name);
    else result.set(name, value);
  }
  defaults = result;
  for (const listener of listeners) listener();
}

function setDefaults(given: Record<string, DefaultValue> | undefined): void {
  configured = new Map();
  for (const [name, value] of Object.entries(given ?? {})) {
    const attribute = name.trim().toLowerCase();
    if (!/^[a-z][a-z0-9-]*$/.test(attribute) || value === undefined) continue;
    configured.set(attribute, value === null || value === false ? null : value === true ? '' : String(value));
  }
  mergeDefaults();
}

/** The page-wide defaults now: attribute name → value (`''` for a boolean attribute). */
export function pageDefaults(): ReadonlyMap<string, string> {
  return defaults;
}

/** Calls `listener` whenever the page-wide defaults change; returns a function that stops it. */
export function onDefaultsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: the defaults a script tag would give (none: no tag), and no configure() defaults. */
export function resetDefaults(tag: HTMLScriptElement | null = null): void {
  defaultsFromTag.clear();
  for (const [name, value] of tagDefaults(tag)) defaultsFromTag.set(name, value);
  configured = new Map();
  mergeDefaults();
}
