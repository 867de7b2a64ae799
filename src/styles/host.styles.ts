import { css } from 'lit';

/**
 * Shared by every element: the :host reset, the global tokens resolved once into private `--_*`
 * properties (public `--clinic-*` properties are only ever read, never declared here), the colour
 * scheme, links and focus, and the error and skeleton states.
 *
 * Colours default to `light-dark(light, dark)` pairs: `color-scheme` on :host picks one, from the
 * reader's preference (`theme="auto"`) or from the `theme` attribute. The dark pairs are chosen for
 * a dark surface (lighter, less saturated accents; brighter borders), not inverted.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color-scheme: light dark;
    --_font: var(--clinic-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_heading-font: var(--clinic-heading-font-family, var(--_font));
    --_font-size: var(--clinic-font-size, 16px);
    --_small: var(--clinic-font-size-small, 0.875em);
    --_line-height: var(--clinic-line-height, 1.5);
    --_text: var(--clinic-color-text, light-dark(#1c2430, #e6ebf2));
    --_muted: var(--clinic-color-muted, light-dark(#4f5968, #a8b3c2));
    --_accent: var(--clinic-color-accent, light-dark(#0a6660, #62d0c4));
    --_surface: var(--clinic-color-surface, light-dark(#ffffff, #161b22));
    --_border: var(--clinic-color-border, light-dark(#d5dbe3, #3a4350));
    --_error: var(--clinic-color-error, light-dark(#a3261b, #ff9b8f));
    --_skeleton: var(--clinic-color-skeleton, light-dark(#e7ebf0, #262d37));
    --_focus: var(--clinic-color-focus, var(--_accent));
    --_radius: var(--clinic-radius, 8px);
    --_space: var(--clinic-spacing, 1em);
    --_shadow: var(--clinic-shadow, 0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.3)));
    font-family: var(--_font);
    /* Every size inside is in em of this one, so the page's root size (html { font-size: 62.5% })
       changes nothing. Important, so that a page rule for the host's font size (* { … }) cannot
       change it either: --clinic-font-size is how a page sizes the widget. */
    font-size: var(--_font-size) !important;
    line-height: var(--_line-height);
    color: var(--_text);
    text-align: start;
  }
  /* A partner's rules for every element (* { … }) reach the host and would be inherited inside:
     the widget's own boxes take their typography from the tokens again (1em: the host's size).
     Text wraps, and a word longer than the line (a pasted URL, a name without spaces) breaks
     anywhere rather than widen the partner's column; "anywhere" also lets flex and grid items
     shrink below such a word. */
  :host > * {
    font: 1em / var(--_line-height) var(--_font);
    color: var(--_text);
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: anywhere;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* One link per card: the title's link (.stretched) covers its .linked container. */
  .linked {
    position: relative;
  }
  .stretched::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .stretched:focus-visible {
    outline: none;
  }
  .linked:has(.stretched:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .linked:hover .stretched {
    text-decoration: underline;
  }
  .error {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  /*
   * The skeleton is drawn with the content's own boxes and classes (see internal/skeleton.ts), so
   * it takes the content's space: it adds no box of its own. A .bone is placeholder text, laid
   * out like real text and painted as one bar per line; a .bone-box is a placeholder image.
   */
  .skeleton {
    display: block;
    position: relative;
  }
  .skeleton [aria-hidden] {
    user-select: none;
    pointer-events: none;
  }
  .bone,
  .bone-box {
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
  }
  .bone,
  .bone-box,
  .skeleton .image {
    animation: clinic-pulse 1.6s ease-in-out infinite;
  }
  .bone {
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  .bone::before {
    content: attr(data-text);
    color: transparent;
  }
  .skeleton .read-more::after {
    color: transparent;
  }
  .bone-box {
    display: block;
    inline-size: 9em;
    max-inline-size: 100%;
  }
  .skeleton :is(.title, .heading) {
    font-weight: 700;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @keyframes clinic-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone,
    .bone-box,
    .skeleton .image {
      animation: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
