import { html, type TemplateResult } from 'lit';

/**
 * Pieces of the loading skeletons. A skeleton is drawn with the same elements and classes as the
 * content it stands for, so it takes the same space under every theme and layout: each line of
 * text is a line of placeholder text of a typical length, laid out (and wrapped) like the real
 * text and painted as bars (`.bone` in host.styles.ts); media get the box the content reserves.
 * The skeleton's container is `aria-hidden`: the "Loading…" status is what assistive technology hears.
 */

const FILLER =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore ' +
  'magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo ' +
  'consequat duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur';

/** Placeholder text of about `length` characters (whole words), drawn as skeleton bars. */
export function bone(length: number): TemplateResult {
  return boneOf(filler(length));
}

/**
 * `text` (a label the element already knows, or filler), drawn as skeleton bars. The text is
 * generated content (`content: attr(data-text)`), so it is laid out like text without being text
 * of the page: it is not found, selected or checked for contrast.
 */
export function boneOf(text: string): TemplateResult {
  return html`<span class="bone" data-text=${text}></span>`;
}

function filler(length: number): string {
  let text = '';
  while (text.length < length) text += FILLER;
  const cut = text.lastIndexOf(' ', Math.max(1, length));
  return text.slice(0, cut > 0 ? cut : length);
}

/**
 * Typical lengths, in characters, of the fields the skeletons stand for. Titles are as long as
 * the clinic's own (44 to 51 characters: one line in a wide column, two in a narrow one); the
 * summary is long enough to fill the lines the card variant shows of it
 * (`--clinic-card-summary-lines`, 4) in columns up to about 45em wide.
 */
export const TYPICAL = {
  category: 8,
  title: 48,
  byline: 28,
  summary: 300,
  body: 900,
  name: 22,
  headline: 40,
  description: 150,
  street: 24,
  locality: 26,
  country: 13,
  phone: 12,
  postTitle: 48,
  postMeta: 24,
} as const;
