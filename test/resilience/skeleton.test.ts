import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicElement } from '../../src/internal/clinic-element.js';
import { pageStyles, part, settled } from '../helpers.js';
import { endpoint, frames } from './endpoint.js';

type Widget = ClinicElement<unknown> & { data?: unknown };

const HANG = '/resilience/skeleton.json';
const PHOTO = '/test/fixtures/photo.png';

/** The placeholder text of the skeleton's `.bone` inside `selector`. */
function boneText(el: Element, selector: string): string {
  const found = part(el, 'skeleton')!.querySelector(`${selector} .bone`);
  if (!found) throw new Error(`no placeholder in ${selector}`);
  return found.getAttribute('data-text')!;
}

/**
 * Renders `tag` (with `attrs`) in a box `width` px wide, between two paragraphs, while its
 * endpoint hangs, and measures it and the paragraph below it.
 */
async function loadingIn(tag: string, width: number, attrs: Record<string, string> = {}) {
  endpoint({ [HANG]: 'hang' });
  const wrapper = await fixture<HTMLElement>(html`<div>
    <p>Partner text above.</p>
    <div class="slot"></div>
    <p class="below">Partner text below.</p>
  </div>`);
  wrapper.style.width = `${width}px`;
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.setAttribute('src', HANG);
  wrapper.querySelector('.slot')!.append(el);
  await el.updateComplete;
  expect(el.status).to.equal('loading');
  const below = wrapper.querySelector('.below')!;
  const before = { height: el.getBoundingClientRect().height, below: below.getBoundingClientRect().top };
  return { el, wrapper, below, before };
}

/**
 * Like loadingIn(), then gives the element content built from the skeleton's own placeholder text
 * (content of the typical size the skeleton is drawn for) and measures again.
 */
async function swap(tag: string, width: number, content: (el: Element) => unknown, attrs: Record<string, string> = {}) {
  const { el, below, before } = await loadingIn(tag, width, attrs);
  el.data = content(el);
  await settled(el);
  expect(el.status).to.equal('ready');
  // The content's own height: without the space an element keeps when what arrives is shorter.
  el.style.minBlockSize = '0';
  const after = { height: el.getBoundingClientRect().height, below: below.getBoundingClientRect().top };
  return { el, before, after };
}

describe('skeletons', () => {
  for (const width of [320, 640]) {
    describe(`in a ${width} px column`, () => {
      it('the card skeleton takes the space of a card of typical size, so the text below stays put', async () => {
        const { before, after } = await swap('clinic-article-card', width, (el) => ({
          category: boneText(el, '.category'),
          title: boneText(el, '.title'),
          url: 'https://clinic.example/a',
          author: 'Ann Smith',
          published: '2024-05-01',
          summary: boneText(el, '.summary'),
          image: { src: `${PHOTO}?card`, alt: '', width: 1600, height: 900 },
        }));
        expect(before.height).to.be.above(200);
        expect(after.height).to.be.closeTo(before.height, 1);
        expect(after.below).to.be.closeTo(before.below, 1);
      });

      it('the publisher skeleton takes the space of a publisher block of typical size', async () => {
        const { before, after } = await swap('clinic-publisher', width, (el) => ({
          name: boneText(el, '.name'),
          headline: boneText(el, '.headline'),
          description: boneText(el, '.description'),
          address: { street: '1 Main St', city: 'Sacramento', region: 'CA', postalCode: '95825', country: 'US' },
          phone: '916-915-9215',
          url: 'https://clinic.example/',
          logo: { src: `${PHOTO}?logo`, alt: 'Logo' },
        }));
        expect(before.height).to.be.above(200);
        expect(after.height).to.be.closeTo(before.height, 1);
        expect(after.below).to.be.closeTo(before.below, 1);
      });

      for (const limit of [undefined, 5]) {
        it(`the related-posts skeleton takes the space of ${limit ?? 3} posts${limit ? ` (limit="${limit}")` : ''}`, async () => {
          const rows = limit ?? 3;
          const { el, before, after } = await swap(
            'clinic-related-posts',
            width,
            (el) =>
              Array.from({ length: limit ? limit + 2 : rows }, (_, i) => ({
                title: boneText(el, '.item .link'),
                url: `https://clinic.example/${i}`,
                author: 'Ann',
                published: '2024-01-02',
              })),
            limit ? { limit: String(limit) } : {},
          );
          expect(el.shadowRoot!.querySelectorAll('[part~="item"]')).to.have.length(rows);
          expect(after.height).to.be.closeTo(before.height, 1);
          expect(after.below).to.be.closeTo(before.below, 1);
        });
      }
    });
  }

  it('draws one row per post that `limit` lets through (3 when unset, at most 10)', async () => {
    endpoint({ [HANG]: 'hang' });
    const rows = async (limit?: string) => {
      const el = await fixture<Widget>(
        limit === undefined
          ? html`<clinic-related-posts src=${HANG}></clinic-related-posts>`
          : html`<clinic-related-posts src=${HANG} limit=${limit}></clinic-related-posts>`,
      );
      return part(el, 'skeleton')!.querySelectorAll('.item').length;
    };
    expect(await rows()).to.equal(3);
    expect(await rows('1')).to.equal(1);
    expect(await rows('6')).to.equal(6);
    expect(await rows('0')).to.equal(0);
    expect(await rows('40')).to.equal(10);
  });

  describe('content shorter than its skeleton', () => {
    /** An element loading in a 480 px column (loadingIn()), then given `data` (or an error). */
    async function shorter(tag: string, arrive: (el: Widget) => void) {
      const loading = await loadingIn(tag, 480);
      arrive(loading.el);
      await settled(loading.el);
      return loading;
    }

    for (const [tag, data] of [
      ['clinic-article-card', { title: 'Short' }],
      ['clinic-publisher', { name: 'Clinic' }],
      ['clinic-related-posts', [{ title: 'One post', url: 'https://clinic.example/1' }]],
    ] as const) {
      it(`${tag} keeps the skeleton's space while in view or scrolled past, and gives it back below the viewport`, async () => {
        const { el, wrapper, below, before } = await shorter(tag, (el) => (el.data = data));
        expect(el.status).to.equal('ready');
        await frames(2);
        expect(el.getBoundingClientRect().height, 'the space is kept').to.be.closeTo(before.height, 0.5);
        expect(below.getBoundingClientRect().top, 'the text below stays put').to.be.closeTo(before.below, 0.5);

        // Scrolled past (above the viewport), it keeps the space: giving it back there would pull
        // the page up under the reader.
        const tail = document.createElement('div');
        tail.style.height = `${window.innerHeight * 3}px`;
        wrapper.append(tail);
        window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 20);
        await frames(3);
        expect(el.getBoundingClientRect().bottom, 'scrolled past').to.be.below(0);
        expect(el.getBoundingClientRect().height, 'the space is kept above the viewport').to.be.closeTo(before.height, 0.5);
        window.scrollTo(0, 0);
        tail.remove();
        await frames(3);
        expect(el.getBoundingClientRect().height, 'back in view, still kept').to.be.closeTo(before.height, 0.5);

        // Below the viewport, it takes the height of its content.
        wrapper.style.marginTop = `${window.innerHeight * 3}px`;
        await frames(3);
        const height = el.getBoundingClientRect().height;
        expect(height, 'the space is given back').to.be.below(before.height - 40);
        el.style.minBlockSize = '0';
        expect(el.getBoundingClientRect().height, 'its content alone').to.be.closeTo(height, 0.5);
      });
    }

    it('keeps the space for an error message too, and not for a new skeleton', async () => {
      const { el, before, below } = await shorter('clinic-article-card', (el) => (el.data = { title: 42 }));
      expect(el.status).to.equal('error');
      await frames(2);
      expect(below.getBoundingClientRect().top).to.be.closeTo(before.below, 0.5);
      expect(part(el, 'error')!.getBoundingClientRect().height).to.be.below(before.height / 2);

      // Back to loading (a new src): the new skeleton takes its own height, nothing held.
      el.data = undefined;
      el.setAttribute('src', `${HANG}?again`);
      el.setAttribute('no-image', '');
      await el.updateComplete;
      expect(el.status).to.equal('loading');
      expect(el.getBoundingClientRect().height).to.be.below(before.height - 100);
    });

    it("a page rule `min-height: 0` on the element turns the hold off", async () => {
      pageStyles('clinic-publisher.measured { min-height: 0 }');
      const { el, before, below } = await shorter('clinic-publisher', (el) => {
        el.classList.add('measured');
        el.data = { name: 'Clinic' };
      });
      await frames(2);
      expect(el.getBoundingClientRect().height).to.be.below(before.height - 100);
      expect(part(el, 'block')!.getBoundingClientRect().bottom).to.be.closeTo(el.getBoundingClientRect().bottom, 1);
      expect(below.getBoundingClientRect().top).to.be.below(before.below - 100);
    });

    it('content taller than the skeleton is not cut', async () => {
      const long = 'A long summary sentence that goes on. '.repeat(40);
      const { el, before } = await shorter('clinic-publisher', (el) => (el.data = { name: 'Clinic', description: long }));
      await frames(2);
      expect(el.getBoundingClientRect().height).to.be.above(before.height + 100);
      expect(part(el, 'block')!.getBoundingClientRect().bottom).to.be.closeTo(el.getBoundingClientRect().bottom, 1);
    });
  });

  it('marks the skeleton busy and hides its placeholder text from assistive technology', async () => {
    endpoint({ [HANG]: 'hang' });
    for (const tag of ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts']) {
      const el = document.createElement(tag) as Widget;
      el.setAttribute('src', HANG);
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      wrapper.append(el);
      await el.updateComplete;
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('aria-busy')).to.equal('true');
      expect(skeleton.querySelector('[role="status"]')!.textContent).to.equal('Loading…');
      const drawing = skeleton.querySelector('[aria-hidden="true"]')!;
      expect(drawing.querySelectorAll('.bone').length).to.be.above(2);
      expect(getComputedStyle(drawing.querySelector('.bone')!, '::before').color).to.equal('rgba(0, 0, 0, 0)');
      expect(drawing.textContent!.trim(), 'no text of its own').to.equal('');
      await expect(el).to.be.accessible();
    }
  });
});

describe('images reserve their box before they load', () => {
  /** An element far below the viewport (so that its lazy images are not fetched), given `data`. */
  async function offscreen(tag: string, data: unknown) {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.style.width = '480px';
    const spacer = document.createElement('div');
    spacer.style.height = `${window.innerHeight * 4}px`;
    const el = document.createElement(tag) as Widget;
    el.data = data;
    wrapper.append(spacer, el);
    await settled(el);
    return el;
  }

  it('a card image with width and height, in their ratio', async () => {
    const el = await offscreen('clinic-article-card', {
      title: 'T',
      image: { src: `${PHOTO}?ratio`, alt: '', width: 1200, height: 630 },
    });
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.naturalWidth, 'not loaded yet').to.equal(0);
    const box = img.getBoundingClientRect();
    expect(box.width).to.be.above(400);
    expect(box.height).to.be.closeTo((box.width * 630) / 1200, 1);
  });

  it('a card image without a size, at 16:9', async () => {
    const el = await offscreen('clinic-article-card', { title: 'T', image: { src: `${PHOTO}?plain`, alt: '' } });
    const box = part(el, 'image')!.getBoundingClientRect();
    expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
  });

  it('a publisher logo and a related post image', async () => {
    const publisher = await offscreen('clinic-publisher', { name: 'N', logo: { src: `${PHOTO}?logo2`, alt: 'L' } });
    expect(part(publisher, 'logo')!.getBoundingClientRect().height).to.be.closeTo(56, 1);
    const related = await offscreen('clinic-related-posts', [
      { title: 'T', url: 'https://clinic.example/t', image: { src: `${PHOTO}?thumb`, alt: '' } },
    ]);
    const thumb = part(related, 'image')!.getBoundingClientRect();
    expect(thumb.width).to.be.above(0);
    expect(thumb.height).to.be.closeTo((thumb.width * 3) / 4, 1);
  });
});
