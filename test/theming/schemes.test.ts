import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { shadow } from '../helpers.js';
import { contrast, parseColor, textContrasts } from './color.js';
import { build, TAGS, THEMES, type Tag } from './states.js';

const CONTAINER: Record<Tag, string> = {
  'clinic-article-card': 'card',
  'clinic-publisher': 'block',
  'clinic-related-posts': 'block',
};

const surfaceOf = (el: Element, tag: Tag) => getComputedStyle(shadow(el).querySelector(`[part~="${CONTAINER[tag]}"]`)!).backgroundColor;

describe('colour schemes', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('follows the reader’s preference with theme="auto" and sets color-scheme to match', async () => {
        const el = await build(tag, 'ready', 'auto');
        expect(getComputedStyle(el).colorScheme).to.equal('light dark');
        const light = surfaceOf(el, tag);
        await emulateMedia({ colorScheme: 'dark' });
        const dark = surfaceOf(el, tag);
        expect(light).to.equal('rgb(255, 255, 255)');
        expect(dark).to.equal('rgb(22, 27, 34)');
      });

      it('forces a scheme with theme="light" or theme="dark", whatever the preference', async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const light = await build(tag, 'ready', 'light');
        expect(getComputedStyle(light).colorScheme).to.equal('light');
        expect(surfaceOf(light, tag)).to.equal('rgb(255, 255, 255)');
        await emulateMedia({ colorScheme: 'light' });
        const dark = await build(tag, 'ready', 'dark');
        expect(getComputedStyle(dark).colorScheme).to.equal('dark');
        expect(surfaceOf(dark, tag)).to.equal('rgb(22, 27, 34)');
      });

      for (const theme of THEMES) {
        for (const state of ['ready', 'error'] as const) {
          it(`draws all text at WCAG AA contrast or better, ${theme}, ${state}`, async () => {
            const el = await build(tag, state, theme);
            const runs = textContrasts(el);
            expect(runs.length, 'there is text to measure').to.be.greaterThan(state === 'ready' ? 3 : 0);
            const poor = runs.filter((run) => run.ratio < (run.large ? 3 : 4.5));
            expect(poor.map((run) => `${run.where} "${run.text}" ${run.ratio.toFixed(2)}`)).to.deep.equal([]);
          });
        }
      }
    });
  }

  it('has a designed dark scheme: dark grey-blue surface, off-white text, a lighter accent', async () => {
    const el = await build('clinic-article-card', 'ready', 'dark');
    const card = getComputedStyle(shadow(el).querySelector('[part~="card"]')!);
    const surface = parseColor(card.backgroundColor);
    const text = parseColor(getComputedStyle(shadow(el).querySelector('[part~="summary"]')!).color);
    const accent = parseColor(getComputedStyle(shadow(el).querySelector('[part~="category"]')!).color);
    expect(surface.slice(0, 3), 'not pure black').to.not.deep.equal([0, 0, 0]);
    expect(text.slice(0, 3), 'not pure white').to.not.deep.equal([255, 255, 255]);
    expect(contrast(text, surface)).to.be.within(11, 17);
    expect(contrast(accent, surface)).to.be.greaterThan(7);
    const light = await build('clinic-article-card', 'ready', 'light');
    const lightAccent = parseColor(getComputedStyle(shadow(light).querySelector('[part~="category"]')!).color);
    const inverted = lightAccent.slice(0, 3).map((c) => 255 - c);
    expect(accent.slice(0, 3), 'the accent is not the inverse of the light one').to.not.deep.equal(inverted);
  });

  it('shows a partner’s single colour in both schemes', async () => {
    const el = await build('clinic-publisher', 'ready', 'dark');
    el.style.setProperty('--clinic-color-accent', 'rgb(0, 90, 200)');
    expect(getComputedStyle(shadow(el).querySelector('[part~="website"]')!).color).to.equal('rgb(0, 90, 200)');
  });
});
