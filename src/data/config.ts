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
 */

/** What `configure()` accepts. Each key is optional; a key left out keeps its value. */
export interface PageConfig {
  /**
   * URL of the Markdown module (`clinic-widgets.markdown.js`), relative to the page. Default: for
   * the classic script, beside the script (or its `data-markdown-src`); for the ES module, its
   * own chunk.
   */
  markdownSrc?: string;
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
