import { expect, waitUntil } from '@open-wc/testing';
import { skipIn } from '../engine.js';
import { shadow } from '../helpers.js';
import { contrast, parseColor, textContrasts } from './color.js';
import { build, readyData, TAGS, THEMES, type Tag } from './states.js';

const CONTAINER: Record<Tag, string> = {
  'clinic-article-card': 'card',
  'clinic-publisher': 'block',
  'clinic-related-posts': 'block',
};

/** The computed style of an element, in its own window (some elements here live in a frame). */
const styleOf = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);
const surfaceOf = (el: Element, tag: Tag) => styleOf(shadow(el).querySelector(`[part~="${CONTAINER[tag]}"]`)!).backgroundColor;

const frames: HTMLIFrameElement[] = [];

/**
 * The element `tag`, ready, with `theme` set, on a page whose reader prefers `scheme`. The
 * preference comes from the page, not from the browser's driver (only Chromium's can emulate
 * it): a frame's prefers-color-scheme follows the color-scheme of its <iframe> element, and
 * changing that changes the reader's preference inside. WebKit frames do not follow it.
 */
async function inFrameThatPrefers(scheme: 'light' | 'dark', tag: Tag, theme: string): Promise<{ el: HTMLElement; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `color-scheme: ${scheme}; inline-size: 800px; block-size: 600px`;
  frame.src = '/test/pages/scheme.html';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  expect(win.matchMedia(`(prefers-color-scheme: ${scheme})`).matches, `the frame's reader prefers ${scheme}`).to.equal(true);
  await win.customElements.whenDefined(tag);
  const el = win.document.createElement(tag);
  el.setAttribute('theme', theme);
  // The frame's own objects: the elements check their data with the frame's Object and Array.
  (el as HTMLElement & { data: unknown }).data = win.JSON.parse(JSON.stringify(readyData(tag)));
  win.document.body.append(el);
  await waitUntil(() => el.getAttribute('status') === 'ready', `<${tag}> in the frame did not get ready`);
  return { el, frame };
}

const NO_PREFERENCE_IN_WEBKIT =
  'WebKit frames do not take prefers-color-scheme from their iframe, and WebKitWebDriver cannot emulate it';

describe('colour schemes', () => {
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('follows the reader’s preference with theme="auto" and sets color-scheme to match', async function () {
        skipIn(this, ['webkit'], NO_PREFERENCE_IN_WEBKIT);
        const { el, frame } = await inFrameThatPrefers('light', tag, 'auto');
        expect(styleOf(el).colorScheme).to.equal('light dark');
        const light = surfaceOf(el, tag);
        frame.style.colorScheme = 'dark';
        // The surface changes as soon as the frame restyles; a wrong colour times out below.
        await waitUntil(() => surfaceOf(el, tag) !== light, 'the surface did not follow the preference').catch(() => {});
        const dark = surfaceOf(el, tag);
        expect(light).to.equal('rgb(255, 255, 255)');
        expect(dark).to.equal('rgb(22, 27, 34)');
      });

      it('forces a scheme with theme="light" or theme="dark", whatever the preference', async function () {
        skipIn(this, ['webkit'], NO_PREFERENCE_IN_WEBKIT);
        const light = (await inFrameThatPrefers('dark', tag, 'light')).el;
        expect(styleOf(light).colorScheme).to.equal('light');
        expect(surfaceOf(light, tag)).to.equal('rgb(255, 255, 255)');
        const dark = (await inFrameThatPrefers('light', tag, 'dark')).el;
        expect(styleOf(dark).colorScheme).to.equal('dark');
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
