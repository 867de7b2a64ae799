import { css } from 'lit';

export const styles = css`
  :host {
    --_card-radius: var(--clinic-card-radius, var(--_radius));
    --_card-padding: var(--clinic-card-padding, var(--_space));
    --_title-size: var(--clinic-card-title-size, 1.25em);
    --_image-ratio: var(--clinic-card-image-ratio, 16 / 9);
    --_image-width: var(--clinic-card-image-width, 40%);
    --_summary-lines: var(--clinic-card-summary-lines, 4);
    --_shadow-hover: var(--clinic-card-shadow-hover, 0 4px 14px light-dark(rgb(16 24 40 / 0.12), rgb(0 0 0 / 0.5)));
  }
  /* The horizontal layout follows the card's own width (its column), not the window's. */
  :host([layout='horizontal']) {
    container: clinic-card / inline-size;
  }
  .card {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_card-radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    transition: box-shadow 0.2s ease;
  }
  .card.linked:hover {
    box-shadow: var(--_shadow-hover);
  }
  .image {
    display: block;
    flex: none;
    inline-size: 100%;
    block-size: auto;
    object-fit: cover;
    background: var(--_skeleton);
  }
  /* With width and height the browser reserves the image's box from their ratio before it loads. */
  .image:not([width][height]) {
    aspect-ratio: var(--_image-ratio);
  }
  .content {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: calc(var(--_card-padding) * 0.5);
    min-inline-size: 0;
    padding: var(--_card-padding);
  }
  .category {
    margin: 0;
    color: var(--_accent);
    font-size: var(--_small);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .title {
    margin: 0;
    font-family: var(--_heading-font);
    font-size: var(--_title-size);
    line-height: 1.3;
    color: var(--_text);
  }
  .title a {
    color: inherit;
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_small);
  }
  .summary {
    margin: 0;
  }
  .review,
  .disclaimer {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_small);
    line-height: 1.4;
  }
  /*
   * The review line and the disclaimer fit in the space the skeleton holds for the summary: in the
   * card variant each is one line, and the summary gives up two of its lines for one of them,
   * three for both.
   */
  :host(:not([variant='full'])) :is(.review, .disclaimer) {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  :host(:not([variant='full'])) .trust .summary {
    -webkit-line-clamp: max(1, calc(var(--_summary-lines) - 2));
  }
  :host(:not([variant='full'])) .trust.both .summary {
    -webkit-line-clamp: max(1, calc(var(--_summary-lines) - 3));
  }
  /* A teaser: the card variant (and its skeleton) shows the start of the summary. */
  :host(:not([variant='full'])) .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_summary-lines);
    overflow: hidden;
  }
  .read-more {
    margin-block-start: auto;
    color: var(--_accent);
    font-size: var(--_small);
    font-weight: 600;
  }
  .read-more::after {
    content: ' →' / '';
  }
  .read-more:dir(rtl)::after {
    content: ' ←' / '';
  }
  .body :is(h1, h2, h3, h4, h5, h6) {
    font-family: var(--_heading-font);
    line-height: 1.3;
  }
  .body img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .body pre {
    overflow-x: auto;
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  /*
   * Horizontal: the image sits inset on the start side at its own ratio (or the card's image
   * ratio), beside the text, whatever the text's height: it is never stretched to the card's height
   * and cropped to a sliver.
   */
  @container clinic-card (min-width: 34em) {
    .card {
      flex-direction: row;
      align-items: flex-start;
    }
    .image {
      inline-size: var(--_image-width);
      margin: var(--_card-padding);
      margin-inline-end: 0;
      border-radius: calc(var(--_card-radius) / 2);
    }
  }
`;
