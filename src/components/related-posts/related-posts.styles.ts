import { css } from 'lit';

export const styles = css`
  :host {
    --_panel-radius: var(--clinic-related-radius, var(--_radius));
    --_panel-padding: var(--clinic-related-padding, var(--_space));
    --_gap: var(--clinic-related-gap, calc(var(--_space) * 0.75));
    --_heading-size: var(--clinic-related-heading-size, 1.125em);
    --_thumb: var(--clinic-related-image-size, 5em);
    --_min-column: var(--clinic-related-min-column, 14em);
  }
  .block {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_panel-padding);
    border: 1px solid var(--_border);
    border-radius: var(--_panel-radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  /* The grid follows the widget's own width (its column), not the window's. */
  :host([layout='grid']) {
    container: clinic-related / inline-size;
  }
  .heading {
    margin: 0;
    font-family: var(--_heading-font);
    font-size: var(--_heading-size);
    line-height: 1.3;
  }
  .list {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    gap: var(--_gap);
    align-items: flex-start;
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
  /* Long lists: posts after the tenth are laid out only when the reader scrolls near them. The
     first ten, which the skeleton stands for, always are. */
  .item:nth-child(n + 11) {
    content-visibility: auto;
    contain-intrinsic-size: auto 4em;
  }
  .item:last-child {
    padding-block-end: 0;
    border-block-end: 0;
  }
  .image {
    flex: none;
    inline-size: var(--_thumb);
    block-size: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: calc(var(--_panel-radius) / 2);
    background: var(--_skeleton);
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    min-inline-size: 0;
  }
  .link {
    font-weight: 600;
    text-decoration: none;
  }
  .meta,
  .empty {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_small);
  }
  :host([layout='compact']) :is(.image, .meta) {
    display: none;
  }
  :host([layout='compact']) .list {
    gap: calc(var(--_gap) * 0.5);
  }
  :host([layout='compact']) .item {
    padding-block-end: calc(var(--_gap) * 0.5);
  }
  /* auto-fit: the posts share the whole row, however few; no empty column is left over. */
  @container clinic-related (min-width: 32em) {
    .list {
      grid-template-columns: repeat(auto-fit, minmax(min(var(--_min-column), 100%), 1fr));
    }
    .item {
      flex-direction: column;
      padding-block-end: 0;
      border-block-end: 0;
    }
    .image {
      inline-size: 100%;
      aspect-ratio: 16 / 9;
    }
  }
`;
