import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ENGINE, skipIn } from '../engine.js';
import { sampleDocument } from '../fixtures.js';
import { part, parts, settled, shadow } from '../helpers.js';
import { backgroundOf, contrast, parseColor } from './color.js';
import { build, STATES, TAGS, THEMES } from './states.js';

/** A short, printable name for an element (chai would try to print the whole node). */
function named(node: Element | null | undefined): string {
  if (!node) return String(node);
  return `<${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>${(node.textContent ?? '').trim().slice(0, 30)}`;
}

describe('accessibility in every state and scheme', () => {
  for (const tag of TAGS) {
    for (const theme of THEMES) {
      for (const state of STATES) {
        it(`<${tag}> passes axe: ${state}, ${theme}`, async () => {
          const el = await build(tag, state, theme);
          await expect(el).to.be.accessible();
        });
      }
    }

    it(`<${tag}> marks its loading state busy and says so politely`, async () => {
      const el = await build(tag, 'loading');
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('aria-busy')).to.equal('true');
      const status = shadow(el).querySelector('[role="status"]')!;
      expect(status.textContent!.trim()).to.equal('Loading…');
      expect(status.closest('[aria-live="assertive"], [role="alert"]') === null).to.equal(true);
    });

    it(`<${tag}> puts its error text in an alert that is visible and readable`, async () => {
      const el = await build(tag, 'error', 'dark');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.innerText.trim()).to.equal('This content could not be loaded.');
      expect(error.getBoundingClientRect().height).to.be.greaterThan(20);
      const ratio = contrast(parseColor(getComputedStyle(error).color), backgroundOf(error));
      expect(ratio).to.be.greaterThan(7);
    });
  }
});

describe('one link per card', () => {
  it('gives the article card one link, its title, stretched over the whole card', async () => {
    const el = await build('clinic-article-card', 'ready');
    const links = shadow(el).querySelectorAll('a[href]');
    expect(links).to.have.length(1);
    expect(links[0]!.closest('[part~="title"]') !== null).to.equal(true);
    // A click on the image or on the summary lands on the link.
    for (const name of ['image', 'summary', 'read-more']) {
      const box = part(el, name)!.getBoundingClientRect();
      const hit = shadow(el).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(named(hit), name).to.equal(named(links[0]!));
    }
  });

  it('keeps the body’s own links clickable in the full variant', async () => {
    const el = await fixture(html`<clinic-article-card variant="full" .data=${sampleDocument().article}></clinic-article-card>`);
    await settled(el);
    const bodyLink = part(el, 'body')!.querySelector('a')!;
    bodyLink.scrollIntoView({ block: 'center' });
    const box = bodyLink.getBoundingClientRect();
    expect(named(shadow(el).elementFromPoint(box.left + 2, box.top + box.height / 2))).to.equal(named(bodyLink));
    expect(part(el, 'read-more') === null).to.equal(true);
  });

  it('gives each related post one link that covers its item', async () => {
    const el = await build('clinic-related-posts', 'ready');
    for (const item of parts(el, 'item')) {
      const links = item.querySelectorAll('a[href]');
      expect(links).to.have.length(1);
      const box = item.querySelector('[part~="meta"], [part~="image"]')?.getBoundingClientRect() ?? item.getBoundingClientRect();
      expect(named(shadow(el).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))).to.equal(named(links[0]!));
    }
  });
});

describe('visible focus', () => {
  async function tabTo(el: Element): Promise<Element> {
    const before = await fixture(html`<button>before</button>`);
    el.before(before);
    (before as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    before.remove();
    return shadow(el).activeElement!;
  }

  it('rings the whole card when its link has keyboard focus', async () => {
    const el = await build('clinic-article-card', 'ready');
    const card = part(el, 'card')!;
    expect(getComputedStyle(card).outlineStyle).to.equal('none');
    const focused = await tabTo(el);
    expect(named(focused)).to.equal(named(part(el, 'link')));
    const ring = getComputedStyle(card);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(contrast(parseColor(ring.outlineColor), backgroundOf(el.parentElement!))).to.be.at.least(3);
  });

  it('rings a related post when its link has keyboard focus', async () => {
    const el = await build('clinic-related-posts', 'ready', 'dark');
    const focused = await tabTo(el);
    const item = parts(el, 'item')[0]!;
    expect(item.contains(focused)).to.equal(true);
    const ring = getComputedStyle(item);
    expect(ring.outlineStyle).to.equal('solid');
    expect(contrast(parseColor(ring.outlineColor), backgroundOf(part(el, 'block')!))).to.be.at.least(3);
  });

  it('rings the publisher’s links', async () => {
    const el = await build('clinic-publisher', 'ready');
    const focused = await tabTo(el);
    expect(named(focused)).to.equal(named(part(el, 'phone')));
    const ring = getComputedStyle(focused);
    expect(ring.outlineStyle).to.equal('solid');
    expect(contrast(parseColor(ring.outlineColor), backgroundOf(part(el, 'block')!))).to.be.at.least(3);
  });
});

describe('prefers-reduced-motion', () => {
  afterEach(async () => {
    if (ENGINE === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('drops the card’s transition and the skeleton’s pulse', async function () {
    // Nothing on a page can set this preference, and only Chromium's driver (CDP) can emulate it.
    skipIn(this, ['firefox', 'webkit'], 'only Chromium’s driver can emulate prefers-reduced-motion');
    const card = await build('clinic-article-card', 'ready');
    const loading = await build('clinic-publisher', 'loading');
    const pulsing = () => [...shadow(loading).querySelectorAll('*')].filter((node) => getComputedStyle(node).animationName !== 'none');
    expect(getComputedStyle(part(card, 'card')!).transitionDuration).to.not.equal('0s');
    expect(pulsing().length).to.be.greaterThan(0);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(part(card, 'card')!).transitionDuration).to.equal('0s');
    expect(pulsing()).to.have.length(0);
  });
});
