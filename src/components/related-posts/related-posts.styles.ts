import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--clinic-related-gap, calc(var(--_space) * 0.75));
    --_min-column: var(--clinic-related-min-column, 14rem);
  }
  .related {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .heading {
    margin: 0;
    font-size: 1.125rem;
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
  .item:last-child {
    padding-block-end: 0;
    border-block-end: 0;
  }
  .image {
    flex: none;
    width: 5rem;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .link {
    font-weight: 600;
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  .link:hover {
    text-decoration: underline;
  }
  .meta,
  .empty {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  :host([layout='compact']) .image,
  :host([layout='compact']) .meta {
    display: none;
  }
  :host([layout='compact']) .item {
    padding-block-end: 0;
    border-block-end: 0;
  }
  :host([layout='compact']) .list {
    gap: calc(var(--_gap) * 0.5);
  }
  @container (min-width: 32rem) {
    :host([layout='grid']) .list {
      grid-template-columns: repeat(auto-fill, minmax(min(var(--_min-column), 100%), 1fr));
    }
    :host([layout='grid']) .item {
      flex-direction: column;
      padding-block-end: 0;
      border-block-end: 0;
    }
    :host([layout='grid']) .image {
      width: 100%;
      aspect-ratio: 16 / 9;
    }
  }
`;
