import { markdownSrc } from '../data/config.js';
import { DataError } from '../data/errors.js';

/** What the elements use of the Markdown module (src/data/markdown.ts). */
export type MarkdownModule = Pick<typeof import('../data/markdown.js'), 'renderMarkdown' | 'renderHtml' | 'Placement'>;

/** Set to `true` by the build of the classic script, which has no chunk of its own to import. */
declare const __CLINIC_CLASSIC__: boolean | undefined;
const CLASSIC = typeof __CLINIC_CLASSIC__ === 'boolean' && __CLINIC_CLASSIC__;

let loading: Promise<MarkdownModule> | undefined;
let loadingFrom: string | undefined;

/**
 * The Markdown renderer, fetched on first use: the only place that imports it. The ES module
 * imports its own chunk (`chunks/markdown-*.js`); the classic script imports the ES module
 * `clinic-widgets.markdown.js` from beside itself, or from where the page says
 * (`data-markdown-src`, `configure({ markdownSrc })`), which a module page can set too.
 *
 * Rejects with a DataError when the module cannot be loaded (a wrong URL, a file the CDN serves
 * without CORS, a policy that blocks it) or is not the Markdown module; the card that asked shows
 * its error state, and the next body asks again.
 */
export function loadMarkdown(): Promise<MarkdownModule> {
  let src: string | undefined;
  try {
    src = markdownSrc();
  } catch (error) {
    return Promise.reject(error);
  }
  if (loading && loadingFrom === src) return loading;
  loadingFrom = src;
  const pending = (src ? importFrom(src) : CLASSIC ? Promise.reject(unknownUrl()) : import('../data/markdown.js'));
  loading = pending;
  // A failure is not kept: a later body tries again (the file may be back, or the URL changed).
  pending.catch(() => {
    if (loading === pending) loading = undefined;
  });
  return pending;
}

function importFrom(src: string): Promise<MarkdownModule> {
  return import(/* @vite-ignore */ src).then(
    (module: Partial<MarkdownModule>) => {
      if ([module.renderMarkdown, module.renderHtml, module.Placement].some((f) => typeof f !== 'function')) {
        throw new DataError(`${src} is not the clinic-widgets Markdown module`);
      }
      return module as MarkdownModule;
    },
    (error: unknown) => {
      throw new DataError(`the Markdown renderer could not be loaded from ${src}`, { cause: error });
    },
  );
}

function unknownUrl(): DataError {
  return new DataError(
    'the Markdown renderer could not be located: give the script tag data-markdown-src, or call configure({ markdownSrc })',
  );
}
