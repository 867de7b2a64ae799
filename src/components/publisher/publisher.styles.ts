import { css } from 'lit';

export const styles = css`
  :host {
    --_block-radius: var(--clinic-publisher-radius, var(--_radius));
    --_block-padding: var(--clinic-publisher-padding, var(--_space));
    --_logo-size: var(--clinic-publisher-logo-size, 3.5em);
    --_name-size: var(--clinic-publisher-name-size, 1.125em);
  }
  .block {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_block-padding) * 0.5);
    padding: var(--_block-padding);
    border: 1px solid var(--_border);
    border-radius: var(--_block-radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .logo {
    display: block;
    align-self: flex-start;
    block-size: var(--_logo-size);
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }
  .name {
    margin: 0;
    font-family: var(--_heading-font);
    font-size: var(--_name-size);
    font-weight: 700;
    line-height: 1.3;
  }
  .headline,
  .address {
    margin: 0;
    color: var(--_muted);
    font-style: normal;
  }
  .address {
    font-size: var(--_small);
  }
  .description {
    margin: 0;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin: 0;
    padding-block-start: calc(var(--_block-padding) * 0.5);
    border-block-start: 1px solid var(--_border);
  }
  .phone,
  .website {
    font-weight: 600;
  }
`;
