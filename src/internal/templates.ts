import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ImageRef } from '../data/types.js';
import { datetimeAttr, formatDate } from './i18n.js';

/** A heading of the given level (1 to 6; anything else falls back to `fallback`). */
export function heading(level: number, content: unknown, fallback = 2, part = 'title'): TemplateResult {
  const n = Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
  switch (n) {
    case 1:
      return html`<h1 part=${part} class=${part}>${content}</h1>`;
    case 3:
      return html`<h3 part=${part} class=${part}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${part}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${part}>${content}</h5>`;
    case 6:
      return html`<h6 part=${part} class=${part}>${content}</h6>`;
    default:
      return html`<h2 part=${part} class=${part}>${content}</h2>`;
  }
}

/**
 * An image that loads lazily. With `width` and `height` the browser reserves its box (the styles set
 * `height: auto`, so the ratio of the two attributes holds) before a byte of it arrives.
 *
 * Image URLs come from documents, so the image host may be anyone. `strict-origin` tells it the
 * page's origin at most, never its path or query (where tokens and personal data live), even on a
 * page whose own policy is `unsafe-url`; and nothing from an https page to an http host.
 */
export function image(img: ImageRef | undefined, part: string): TemplateResult | typeof nothing {
  if (!img) return nothing;
  return html`<img
    part=${part}
    class=${part}
    src=${img.src}
    alt=${img.alt}
    width=${ifDefined(img.width)}
    height=${ifDefined(img.height)}
    loading="lazy"
    decoding="async"
    referrerpolicy="strict-origin"
  />`;
}

/** A `<time>` for an ISO date, formatted in `lang`. */
export function date(iso: string | undefined, lang: string): TemplateResult | typeof nothing {
  const text = iso ? formatDate(iso, lang) : undefined;
  return text ? html`<time part="date" class="date" datetime=${datetimeAttr(iso!)}>${text}</time>` : nothing;
}

/** "Author · date", either part optional; `nothing` when both are missing. */
export function byline(author: unknown, when: TemplateResult | typeof nothing): TemplateResult | typeof nothing {
  if (author === nothing && when === nothing) return nothing;
  return html`<p part="meta" class="meta">${author}${author !== nothing && when !== nothing
    ? html`<span aria-hidden="true"> · </span>`
    : nothing}${when}</p>`;
}

/** A link when `href` is set, plain text when it is not. */
export function link(href: string | undefined, content: unknown, stretched = false): TemplateResult {
  // Static attributes wherever possible: lists render hundreds of these.
  if (!href) return html`<span class="link">${content}</span>`;
  return stretched
    ? html`<a part="link" class="link stretched" href=${href}>${content}</a>`
    : html`<a part="link" class="link" href=${href}>${content}</a>`;
}
