import { expect, fixture, html } from '@open-wc/testing';
import { ELEMENTS } from '../../src/define.js';
import { sampleDocument } from '../fixtures.js';
import { settled, shadow } from '../helpers.js';
import { declarations, onHost, references, type Declaration } from './css.js';

// Material Web's token test, for each element's styles array: every private `--_*` token is set
// once on :host and used, and every look (colour, font, radius, spacing, shadow) comes from one.

const COLOR_PROPERTIES = /^(color|background(-color)?|border(-(block|inline)(-(start|end))?)?(-color)?|outline(-color)?|box-shadow|text-decoration(-color)?|caret-color|accent-color|fill|stroke|column-rule(-color)?)$/;
const COLOR_LITERAL = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|light-dark|color-mix)\(/i;
const KEYWORDS = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer', 'transparent', 'currentcolor', 'none']);
const SPACING = /^(margin|padding|gap|row-gap|column-gap|inset)(-.*)?$/;
const PHYSICAL = /(^|-)(left|right|top|bottom)(-|$)|^(min-|max-)?(width|height)$/;

/** A value with a literal colour in it: a hex or colour function, or a named colour. */
function literalColor(value: string): boolean {
  const outside = value.replace(/var\([^()]*(\([^()]*\)[^()]*)*\)/g, ' ');
  if (COLOR_LITERAL.test(outside)) return true;
  return outside
    .split(/[\s,/()]+/)
    .filter((word) => /^[a-z]+$/i.test(word) && !KEYWORDS.has(word.toLowerCase()))
    .some((word) => CSS.supports('color', word));
}

const tokenFree = (value: string) => !value.includes('var(');
const zeroOrAuto = (value: string) => value.split(/\s+/).every((word) => /^(0(px)?|auto|inherit|normal)$/.test(word));

for (const [tag, element] of Object.entries(ELEMENTS)) {
  describe(`<${tag}> design tokens`, () => {
    const all: Declaration[] = declarations(element.elementStyles);
    const rules = all.filter((d) => !onHost(d.selector));
    const defined = new Map<string, Declaration>();
    for (const d of all.filter((d) => d.property.startsWith('--_'))) defined.set(d.property, d);

    it('sets private tokens only on :host', () => {
      const elsewhere = all.filter((d) => d.property.startsWith('--_') && !onHost(d.selector)).map((d) => `${d.where} ${d.property}`);
      expect(elsewhere).to.deep.equal([]);
    });

    it('defines every private token it uses', () => {
      const used = all.flatMap((d) => references(d.value, '--_').map((name) => `${name} (in ${d.where})`));
      expect(used.filter((entry) => !defined.has(entry.split(' ')[0]!))).to.deep.equal([]);
    });

    it('uses every private token it defines', () => {
      const used = new Set(all.flatMap((d) => references(d.value, '--_')));
      expect([...defined.keys()].filter((name) => !used.has(name))).to.deep.equal([]);
    });

    it('reads public --clinic-* properties, with a default, only while resolving private tokens', () => {
      const declared = all.filter((d) => d.property.startsWith('--clinic-')).map((d) => d.property);
      expect(declared, 'public properties are never declared').to.deep.equal([]);
      const readOutside = all
        .filter((d) => !d.property.startsWith('--_') && references(d.value, '--clinic-').length)
        .map((d) => `${d.where} ${d.property}`);
      expect(readOutside, 'rules read private tokens, not public properties').to.deep.equal([]);
      const withoutDefault = all
        .filter((d) => /var\(\s*--clinic-[\w-]+\s*\)/.test(d.value))
        .map((d) => `${d.property}: ${d.value}`);
      expect(withoutDefault, 'every public property has a default').to.deep.equal([]);
    });

    it('takes every colour, font, radius, spacing and shadow from a token', () => {
      const literal = rules
        .filter(({ property, value }) => {
          if (COLOR_PROPERTIES.test(property) && literalColor(value)) return true;
          if (/^font-(family|size)$/.test(property) && tokenFree(value) && value !== 'inherit') return true;
          if (/radius$/.test(property) && tokenFree(value) && !zeroOrAuto(value)) return true;
          if (property === 'box-shadow' && tokenFree(value) && value !== 'none') return true;
          if (SPACING.test(property) && tokenFree(value) && !zeroOrAuto(value)) return true;
          return false;
        })
        .map((d) => `${d.where} { ${d.property}: ${d.value} }`);
      expect(literal).to.deep.equal([]);
    });

    it('uses logical properties only', () => {
      const physical = all.filter((d) => PHYSICAL.test(d.property) || /^(text-align|float|clear)$/.test(d.property) && /left|right/.test(d.value));
      expect(physical.map((d) => `${d.where} { ${d.property}: ${d.value} }`)).to.deep.equal([]);
    });
  });
}

describe('the token test', () => {
  it('catches a colour that bypasses the tokens', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host { --_a: var(--clinic-a, red); } .x { color: #123456; background: var(--_a); } .y { border-color: rebeccapurple; }');
    const found = declarations([sheet]).filter((d) => !onHost(d.selector) && COLOR_PROPERTIES.test(d.property) && literalColor(d.value));
    expect(found.map((d) => d.where)).to.deep.equal(['.x', '.y']);
  });

  it('sees a private token used inside a container query', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('@container c (min-width: 1px) { .x { gap: var(--_gap); } }');
    expect(declarations([sheet]).flatMap((d) => references(d.value, '--_'))).to.deep.equal(['--_gap']);
  });
});

/** Sets custom properties through the CSSOM (a style attribute would break a strict CSP). */
function setProperties(element: Element, properties: Record<string, string>): void {
  for (const [name, value] of Object.entries(properties)) (element as HTMLElement).style.setProperty(name, value);
}

describe('public custom properties in the cascade', () => {
  it('changes the rendered card when a partner sets them on a wrapper', async () => {
    const wrapper = await fixture(html`<div><clinic-article-card .data=${sampleDocument().article}></clinic-article-card></div>`);
    setProperties(wrapper, {
      '--clinic-color-surface': 'rgb(1, 2, 3)',
      '--clinic-color-text': 'rgb(250, 250, 250)',
      '--clinic-font-family': 'serif',
      '--clinic-spacing': '7px',
      '--clinic-shadow': 'rgb(4, 5, 6) 0px 0px 0px 3px',
    });
    const el = await settled(wrapper.firstElementChild!);
    // The card's shadow has a transition: read the value it ends at, not one on the way.
    await Promise.all(shadow(el).querySelector('[part~="card"]')!.getAnimations().map((animation) => animation.finished));
    const card = getComputedStyle(shadow(el).querySelector('[part~="card"]')!);
    expect(card.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(card.boxShadow).to.equal('rgb(4, 5, 6) 0px 0px 0px 3px');
    expect(getComputedStyle(shadow(el).querySelector('[part~="content"]')!).paddingTop).to.equal('7px');
    const summary = getComputedStyle(shadow(el).querySelector('[part~="summary"]')!);
    expect(summary.color).to.equal('rgb(250, 250, 250)');
    expect(summary.fontFamily).to.equal('serif');
  });

  it('lets an element property win over the global one', async () => {
    const wrapper = await fixture(html`<div>
      <clinic-related-posts .data=${sampleDocument().related}></clinic-related-posts>
      <clinic-publisher .data=${sampleDocument().publisher}></clinic-publisher>
      <clinic-article-card headline="A"></clinic-article-card>
    </div>`);
    setProperties(wrapper, { '--clinic-radius': '3px', '--clinic-related-radius': '11px', '--clinic-publisher-radius': '13px' });
    const [related, publisher, card] = [...wrapper.children];
    for (const el of [related!, publisher!, card!]) await settled(el);
    const radius = (el: Element, name: string) => getComputedStyle(shadow(el).querySelector(`[part~="${name}"]`)!).borderStartStartRadius;
    expect(radius(related!, 'block')).to.equal('11px');
    expect(radius(publisher!, 'block')).to.equal('13px');
    expect(radius(card!, 'card')).to.equal('3px');
  });
});
