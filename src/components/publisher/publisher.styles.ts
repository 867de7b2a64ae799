import { css } from 'lit';

export const styles = css`
  :host {
    --_block-radius: var(--clinic-publisher-radius, var(--_radius));
    --_block-padding: var(--clinic-publisher-padding, var(--_space));
    --_logo-size: var(--clinic-publisher-logo-size, 3.5em);
    --_name-size: var(--clinic-publisher-name-size, 1.125em);
    --_action: var(--clinic-publisher-action-color, var(--_accent));
    --_action-text: var(--clinic-publisher-action-text, var(--_surface));
    --_action-radius: var(--clinic-publisher-action-radius, var(--_radius));
    --_open: var(--clinic-color-open, light-dark(#17663a, #7ddc9f));
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
  .contact {
    align-items: center;
  }
  .phone,
  .website {
    font-weight: 600;
  }
  /* The calls to action: buttons with a touch target of at least 44 by 44 px. */
  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.25);
    box-sizing: border-box;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 2px solid var(--_action);
    border-radius: var(--_action-radius);
    color: var(--_action);
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
  }
  .booking {
    background: var(--_action);
    color: var(--_action-text);
  }
  .action:hover {
    text-decoration: underline;
  }
  .map {
    align-self: flex-start;
    font-size: var(--_small);
  }
  .hours {
    margin: 0;
    font-size: var(--_small);
    color: var(--_muted);
  }
  .hours .status {
    font-weight: 600;
    color: var(--_text);
  }
  .hours .open {
    color: var(--_open);
  }
`;
