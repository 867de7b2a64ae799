import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeFetch, json } from '../../../test/fake-client.js';
import { badInputSuite } from '../../../test/bad-input.js';
import { SEED_TITLE, SEED_URL, sampleDocument } from '../../../test/fixtures.js';
import { eventsOf, pageStyles, part, partText, parts, setStyles, settled, shadow } from '../../../test/helpers.js';
import { turns } from '../../../test/tasks.js';
import type { ClinicArticleCard } from './article-card.js';

/**
 * What each task that changed the card's body added to it (a MutationObserver's callback runs once
 * after each task): elements, characters of text, and the frame it ran in (frames counted by
 * requestAnimationFrame), from now until stop().
 */
function bodyAdditions(el: ClinicArticleCard): { added: number[]; text: number[]; frames: number[]; stop(): void } {
  const added: number[] = [];
  const text: number[] = [];
  const frames: number[] = [];
  let before = 0;
  let beforeText = 0;
  const frame = turns((tick) => requestAnimationFrame(tick));
  const observer = new MutationObserver(() => {
    const body = part(el, 'body');
    const now = body?.getElementsByTagName('*').length ?? 0;
    const nowText = body?.textContent?.length ?? 0;
    if (now !== before) {
      added.push(now - before);
      text.push(nowText - beforeText);
      frames.push(frame.count);
    }
    before = now;
    beforeText = nowText;
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return {
    added,
    text,
    frames,
    stop: () => {
      observer.disconnect();
      frame.stop();
    },
  };
}

/** A full card showing `body`, put into the page; once settled, what each task added to its body. */
async function cardWithBody(title: string, body: string) {
  const el = document.createElement('clinic-article-card') as ClinicArticleCard;
  el.variant = 'full';
  el.data = { title, body };
  const container = await fixture(html`<div></div>`);
  container.append(el);
  const additions = bodyAdditions(el);
  await settled(el, 60_000);
  additions.stop();
  return { el, ...additions };
}

/** The frames in which more than one task added to the body (none when each frame gets one batch). */
function sharedFrames(frames: number[]): number[] {
  return frames.filter((frame, i) => i > 0 && frame === frames[i - 1]);
}

describe('<clinic-article-card>', () => {
  describe('accessibility', () => {
    it('passes axe when ready', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card
        headline="Title"
        href="https://clinic.example/a"
        summary="Summary"
        author="Ann"
        published="2024-05-01"
        category="News"
        image="/test/fixtures/photo.png"
        image-alt="A photo"
      ></clinic-article-card>`);
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe with a full Markdown body', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${sampleDocument().article}></clinic-article-card>`);
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe while loading, and marks the skeleton busy', async () => {
      fakeFetch({ '/slow.json': 'hang' });
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/slow.json"></clinic-article-card>`);
      expect(el.status).to.equal('loading');
      expect(part(el, 'skeleton')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state, with the message in an alert', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card summary="no title"></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    });

    it('uses the heading level it is given', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card headline="T" heading-level="4"></clinic-article-card>`);
      await settled(el);
      expect(part(el, 'title')!.localName).to.equal('h4');
      el.headingLevel = 9;
      await el.updateComplete;
      expect(part(el, 'title')!.localName, 'out of range falls back to h2').to.equal('h2');
    });
  });

  describe('attributes & properties', () => {
    it('sends image hosts the page\'s origin at most (referrerpolicy="strict-origin")', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card .data=${sampleDocument().article}></clinic-article-card>`);
      await settled(el);
      const images = parts(el, 'image');
      expect(images).to.have.length.above(0);
      for (const img of images) {
        expect(img.getAttribute('referrerpolicy')).to.equal('strict-origin');
        expect((img as HTMLImageElement).referrerPolicy, 'a policy the browser knows').to.equal('strict-origin');
      }
    });

    it('renders every field from attributes alone', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card
        headline="A headline"
        summary="A summary"
        href="/articles/a"
        image="/test/fixtures/photo.png"
        image-alt="Alt text"
        author="Ann"
        published="2024-05-01"
        category="News"
      ></clinic-article-card>`);
      await settled(el);
      expect(el.getAttribute('status')).to.equal('ready');
      expect(partText(el, 'title')).to.equal('A headline');
      expect(part(el, 'link')!.getAttribute('href')).to.equal('/articles/a');
      expect(partText(el, 'summary')).to.equal('A summary');
      expect(partText(el, 'category')).to.equal('News');
      expect(partText(el, 'meta')).to.equal('By Ann · May 1, 2024');
      expect(part(el, 'meta')!.querySelector('time')!.getAttribute('datetime')).to.equal('2024-05-01');
      expect(part(el, 'image')!.getAttribute('alt')).to.equal('Alt text');
      expect(eventsOf('clinic-load', el)[0]!.detail).to.deep.equal({ source: 'attributes', src: null, stale: false });
    });

    it('takes the article from the data property', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card .data=${sampleDocument().article}></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal('Sample article');
      expect(part(el, 'image')!.getAttribute('width')).to.equal('1200');
      expect(eventsOf('clinic-load', el)[0]!.detail.source).to.equal('property');
    });

    it('re-renders when an attribute changes, without a new request', async () => {
      const requests = fakeFetch({ '/doc.json': json(sampleDocument()) });
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/doc.json"></clinic-article-card>`);
      await settled(el);
      el.setAttribute('headline', 'Changed');
      await el.updateComplete;
      expect(partText(el, 'title')).to.equal('Changed');
      expect(requests).to.have.length(1);
    });

    it('formats the date in the language of the nearest lang attribute', async () => {
      const wrapper = await fixture(html`<div lang="es-MX"><clinic-article-card headline="T" published="2024-05-01" author="Ana"></clinic-article-card></div>`);
      const el = await settled(wrapper.querySelector('clinic-article-card')!);
      expect(partText(el, 'meta')).to.equal('Por Ana · 1 de mayo de 2024');
    });

    it('drops a URL whose scheme is not allowed and still renders the rest', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card headline="T" href="javascript:alert(1)" image=" JaVaScRiPt:alert(1)"></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(shadow(el).querySelector('a')).to.equal(null);
      expect(part(el, 'image')).to.equal(null);
      expect(partText(el, 'title')).to.equal('T');
    });

    it('hides the image with no-image, in the skeleton too', async () => {
      fakeFetch({ '/slow.json': 'hang' });
      const loading = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/slow.json" no-image></clinic-article-card>`);
      expect(part(loading, 'skeleton')!.querySelector('.image')).to.equal(null);
      const plain = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/slow.json"></clinic-article-card>`);
      expect(part(plain, 'skeleton')!.querySelector('.image')).to.not.equal(null);

      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card no-image .data=${sampleDocument().article}></clinic-article-card>`);
      await settled(el);
      expect(part(el, 'image')).to.equal(null);
      el.noImage = false;
      await el.updateComplete;
      expect(part(el, 'image')).to.not.equal(null);
    });

    it('shows the light-DOM fallback until it has something to show', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card><a href="/a">Fallback link</a></clinic-article-card>`);
      expect(el.hasAttribute('status')).to.equal(false);
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot:not([name])')!;
      expect(slot.hidden).to.equal(false);
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
      el.headline = 'Now';
      await settled(el);
      expect(slot.hidden).to.equal(true);
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('data states', () => {
    it('loads the seed article from an endpoint', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${SEED_URL}></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal(SEED_TITLE);
      expect(partText(el, 'category')).to.equal('News');
      expect(part(el, 'body')).to.equal(null);
      expect(eventsOf('clinic-load', el)[0]!.detail).to.deep.equal({ source: 'endpoint', src: SEED_URL, stale: false });
    });

    it('renders the Markdown body with variant="full"', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${SEED_URL} variant="full"></clinic-article-card>`);
      await settled(el);
      const paragraphs = part(el, 'body')!.querySelectorAll('p');
      expect(paragraphs.length).to.equal(8);
      expect(paragraphs[0]!.textContent).to.match(/^Ketamine infusion therapy is quickly gaining recognition/);
      expect(part(el, 'summary'), 'a summary that opens the body is not shown twice').to.equal(null);
    });

    it('lets an explicit attribute win over the fetched document', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${SEED_URL} headline="Our own headline"></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal('Our own headline');
      expect(partText(el, 'summary')).to.match(/^Ketamine infusion therapy/);
    });

    it('says so when the document has no article', async () => {
      fakeFetch({ '/doc.json': json({ version: 1, publisher: { name: 'P' } }) });
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/doc.json"></clinic-article-card>`);
      await settled(el);
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('the document has no article section');
    });

    it('turns a body past the size cap into the error state', async () => {
      const article = { title: 'Long', body: 'x'.repeat(200_001) };
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${article}></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.match(/200,000-character limit/);
    });

    it('puts a long body into the page a batch per frame, a few hundred nodes each, and announces it once it is all in', async function () {
      this.timeout(120_000);
      const body = '- a\n- b\n\nSome *text* here.\n\n'.repeat(2_000);
      const el = document.createElement('clinic-article-card') as ClinicArticleCard;
      el.variant = 'full';
      const container = await fixture(html`<div></div>`);
      const loaded = new Promise<number>((resolve) =>
        el.addEventListener('clinic-load', () => resolve(part(el, 'body')!.querySelectorAll('p').length), { once: true }),
      );
      el.data = { title: 'Long', body };
      container.append(el);
      const { added, frames, stop } = bodyAdditions(el);
      expect(await loaded, 'paragraphs in the body at clinic-load').to.equal(2_000);
      await settled(el, 60_000);
      stop();
      expect(part(el, 'body')!.querySelectorAll('li')).to.have.length(4_000);
      expect(added.length, 'tasks that added to the body').to.be.greaterThan(30);
      expect(Math.max(...added), 'most elements added in one task').to.be.at.most(250);
      // Each batch is laid out in a frame of its own, not all of them together at the end.
      expect(sharedFrames(frames), 'frames in which more than one batch went in').to.deep.equal([]);
      expect(eventsOf('clinic-load', el)).to.have.length(1);
    });

    it('puts a list or table longer than a batch in as one element, its rows a batch per task', async function () {
      this.timeout(120_000);
      const rows = Array.from({ length: 1_500 }, (_, i) => `| ${i} | *${i}* |`).join('\n');
      const body = `${'- item *one*\n'.repeat(1_500)}\n| n | em |\n|--|--|\n${rows}\n`;
      const { el, added, frames } = await cardWithBody('Lists', body);
      const bodyPart = part(el, 'body')!;
      expect([...bodyPart.children].map((child) => child.localName)).to.deep.equal(['ul', 'table']);
      expect(bodyPart.querySelectorAll('ul > li > em')).to.have.length(1_500);
      expect(bodyPart.querySelectorAll('table > tbody > tr')).to.have.length(1_500);
      expect(bodyPart.querySelector('tbody > tr:last-child > td')!.textContent).to.equal('1499');
      expect(added.length, 'tasks that added to the body').to.be.greaterThan(25);
      expect(Math.max(...added), 'most elements added in one task').to.be.at.most(250);
      expect(sharedFrames(frames), 'frames in which more than one batch went in').to.deep.equal([]);
    });

    it('puts long prose in a few paragraphs at a time: text is laid out by its length', async function () {
      this.timeout(120_000);
      const paragraph = 'Ketamine infusion therapy is studied for depression that did not respond to other care. '.repeat(11);
      const body = `${paragraph}\n\n`.repeat(190);
      const { el, text, frames } = await cardWithBody('Prose', body);
      expect(part(el, 'body')!.querySelectorAll('p')).to.have.length(190);
      // 190 paragraphs are far fewer nodes than a batch, but 190,000 characters are many batches of text.
      expect(text.length, 'tasks that added to the body').to.be.greaterThan(10);
      expect(Math.max(...text), 'most characters added in one task').to.be.at.most(12_000 + paragraph.length);
      expect(sharedFrames(frames), 'frames in which more than one batch went in').to.deep.equal([]);
    });

    it('shows a new body, not the rest of the old one, when the content changes while a long body goes in', async function () {
      this.timeout(120_000);
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full"></clinic-article-card>`);
      // As soon as the first part of the old body is in the page, switch to new content.
      let atSwitch = 0;
      const observer = new MutationObserver(() => {
        const body = part(el, 'body');
        if (!body?.querySelector('p') || atSwitch) return;
        atSwitch = body.querySelectorAll('p').length;
        el.data = { title: 'New', body: 'New body.' };
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      el.data = { title: 'Old', body: 'Old *text* here.\n\n'.repeat(3_000) };
      await waitUntil(() => atSwitch > 0, 'the old body never appeared', { timeout: 60_000 });
      observer.disconnect();
      expect(atSwitch, 'old paragraphs in at the switch').to.be.greaterThan(0).and.lessThan(3_000);
      await settled(el, 60_000);
      // Let any task the old insertion might still run pass.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve));
      expect(partText(el, 'title')).to.equal('New');
      expect([...part(el, 'body')!.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['New body.']);
    });

    badInputSuite(
      'clinic-article-card',
      (doc) => ((doc.article as Record<string, unknown>)['title'] = 42),
      (doc) => delete (doc.article as Record<string, unknown>)['title'],
      { wrongType: /^article\.title must be a string$/, missing: /^article\.title is required$/ },
    );
  });

  describe('links in a full body', () => {
    const links = (el: Element) => [...part(el, 'body')!.querySelectorAll('a')];
    const external = (a: HTMLAnchorElement) => new URL(a.href).origin !== location.origin;

    it('open other sites in a new tab with no opener and no referrer', async () => {
      const body = '[Elsewhere](https://elsewhere.example/page) and [here](/here), <https://other.example/auto>, [own](' + location.origin + '/own)';
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${{ title: 'T', body }}></clinic-article-card>`);
      await settled(el);
      const out = links(el).filter(external);
      expect(out.map((a) => a.href)).to.deep.equal(['https://elsewhere.example/page', 'https://other.example/auto']);
      for (const a of out) {
        expect(a.relList.contains('noopener'), `${a.href} noopener`).to.equal(true);
        expect(a.relList.contains('noreferrer'), `${a.href} noreferrer`).to.equal(true);
        expect(a.target, a.href).to.equal('_blank');
      }
      for (const a of links(el).filter((a) => !external(a))) expect(a.target, a.href).to.equal('');
    });

    it('give a raw HTML link to another site noopener, whatever rel and target it asks for', async () => {
      const body = 'See <a href="https://elsewhere.example/" rel="opener" target="_self">this</a> and <a href="https://x.example/" target="_blank">that</a>.';
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${{ title: 'T', body }}></clinic-article-card>`);
      await settled(el);
      const out = links(el);
      expect(out).to.have.length(2);
      for (const a of out) {
        expect([...a.relList], a.href).to.include('noopener');
        expect([...a.relList], a.href).to.not.include('opener');
        expect(a.target, a.href).to.equal('_blank');
      }
    });
  });

  describe('events', () => {
    it('fires clinic-click with the link, the tag and position 0', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card headline="T" href="#read"></clinic-article-card>`);
      await settled(el);
      part(el, 'link')!.click();
      const [click] = eventsOf('clinic-click', el);
      expect(click!.detail).to.deep.equal({ href: new URL('#read', location.href).href, widget: 'clinic-article-card', position: 0 });
      expect(click!.bubbles && click!.composed).to.equal(true);
    });
  });

  describe('parts & theming', () => {
    it('exposes the parts API.md lists', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${sampleDocument().article}></clinic-article-card>`);
      await settled(el);
      for (const name of ['card', 'image', 'category', 'title', 'meta', 'summary', 'body', 'link']) {
        expect(part(el, name), name).to.not.equal(null);
      }
    });

    it('takes --clinic-card-radius from a wrapper, falling back to --clinic-radius', async () => {
      const wrapper = await fixture(html`<div>
        <clinic-article-card headline="A"></clinic-article-card>
        <clinic-article-card headline="B"></clinic-article-card>
      </div>`);
      setStyles(wrapper, { '--clinic-radius': '3px' });
      const [a, b] = wrapper.querySelectorAll('clinic-article-card');
      setStyles(b!, { '--clinic-card-radius': '17px' });
      await settled(a!);
      await settled(b!);
      expect(getComputedStyle(part(a!, 'card')!).borderTopLeftRadius).to.equal('3px');
      expect(getComputedStyle(part(b!, 'card')!).borderTopLeftRadius).to.equal('17px');
    });

    it('can be restyled through ::part()', async () => {
      pageStyles('.themed clinic-article-card::part(title) { color: rgb(1, 2, 3); }');
      const wrapper = await fixture(html`<div class="themed"><clinic-article-card headline="A"></clinic-article-card></div>`);
      const el = await settled(wrapper.querySelector('clinic-article-card')!);
      expect(getComputedStyle(part(el, 'title')!).color).to.equal('rgb(1, 2, 3)');
    });
  });
});
