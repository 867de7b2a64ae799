import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { defineAll } from '../define.js';

/**
 * Paste-ready embed snippets, rendered with Lit's own server renderer: each element carries its
 * content in a declarative shadow root, so readers without JavaScript, crawlers and the first
 * paint see the real content at its real size. When the script arrives, each element keeps that
 * content while its document loads and then replaces it in place with the same render (see
 * ClinicElement's server-rendered content handling).
 *
 * Runs in Node: Lit's Node build brings the minimal DOM that the elements' render path needs.
 */

defineAll();

/** What one snippet shows: the sections of a post's document and where things are. */
export interface SnippetInput {
  /** Absolute URL of the post's document (the elements' `src`). */
  src: string;
  /** URL of the ES module bundle (`clinic-widgets.js`). */
  script: string;
  /** Language of dates and labels, set on each element so the server and the browser agree. */
  lang: string;
  article: unknown;
  publisher: unknown;
  related: unknown[];
  /** A name for the comment at the top (the post's slug). */
  name: string;
}

/** The HTML of one snippet: the script tag and the three elements, server-rendered. */
export function renderSnippet(input: SnippetInput): string {
  const { src, lang } = input;
  const elements = html`<clinic-article-card src=${src} lang=${lang} .data=${input.article}></clinic-article-card>
<clinic-publisher src=${src} lang=${lang} .data=${input.publisher}></clinic-publisher>
<clinic-related-posts src=${src} lang=${lang} .data=${input.related}></clinic-related-posts>`;
  const body = collectResultSync(render(elements));
  return `<!-- clinic-widgets: ${input.name.replace(/--/g, '- -')} -->
<script type="module" src="${escapeAttribute(input.script)}"></script>
${body}
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
