import { css } from 'lit';

export const styles = css`
  :host {
    --_card-radius: var(--clinic-card-radius, var(--_radius));
    --_card-padding: var(--clinic-card-padding, var(--_space));
    --_title-size: var(--clinic-card-title-size, 1.25rem);
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_card-radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .image {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--_skeleton);
  }
  .image[width][height] {
    aspect-ratio: auto;
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_card-padding) * 0.5);
    padding: var(--_card-padding);
  }
  .category {
    margin: 0;
    color: var(--_accent);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .title {
    margin: 0;
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
  /* One link per card: the title's link covers the whole card. */
  .stretched::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_card-radius);
  }
  .card:has(.stretched:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .stretched:focus-visible {
    outline: none;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary {
    margin: 0;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.3;
  }
  .body img {
    max-width: 100%;
    height: auto;
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
`;
