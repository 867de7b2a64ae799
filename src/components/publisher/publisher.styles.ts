import { css } from 'lit';

export const styles = css`
  :host {
    --_block-radius: var(--clinic-publisher-radius, var(--_radius));
    --_block-padding: var(--clinic-publisher-padding, var(--_space));
    --_logo-size: var(--clinic-publisher-logo-size, 3.5rem);
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
    height: var(--_logo-size);
    width: auto;
    max-width: 100%;
    object-fit: contain;
  }
  .name {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .headline {
    margin: 0;
    color: var(--_muted);
  }
  .description {
    margin: 0;
  }
  .address {
    font-style: normal;
    color: var(--_muted);
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin: 0;
  }
  .phone,
  .website {
    font-weight: 600;
  }
`;
