import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setFetch } from '../src/data/client.js';
import { fakeFetch, json } from './fake-client.js';
import { SEED_URL, sampleDocument } from './fixtures.js';
import { eventsOf, part, partText, settled, statusesWhile } from './helpers.js';
import { atEndOfTask } from './tasks.js';

// How the first content render is spread over the page's tasks, so that no task of ours is long:
// each element shows a shared document in a task of its own, and the first Intl object of a
// language (which also loads the browser's locale data) is made in a task before the render.
describe('first render', () => {
  it('shows a document that arrives for three elements at once one element per task', async () => {
    // The endpoint answers once all three elements show their skeleton, so the document reaches them together.
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    setFetch(async (url, init) => {
      await gate;
      return fetch(url, init);
    });
    // A URL of this test's own: the pages of other test files, running alongside, store their
    // copies of the seed document, and a stored copy would be shown at once, without a skeleton.
    const src = `${SEED_URL}?first-render`;
    const wrapper = await fixture(html`<div>
      <clinic-article-card src=${src}></clinic-article-card>
      <clinic-publisher src=${src}></clinic-publisher>
      <clinic-related-posts src=${src}></clinic-related-posts>
    </div>`);
    const elements = [...wrapper.children];
    expect(elements.map((el) => Boolean(part(el, 'skeleton')))).to.deep.equal([true, true, true]);
    // When the first element shows the document, what else shows it in the same task?
    let sameTask: string[] | undefined;
    wrapper.addEventListener('clinic-load', () => {
      if (sameTask) return;
      sameTask = [];
      atEndOfTask(() => {
        sameTask = elements.filter((el) => !part(el, 'skeleton')).map((el) => el.localName);
      });
    });
    answer();
    for (const el of elements) await settled(el);
    expect(sameTask).to.have.length(1, `shown in one task: ${sameTask}`);
    expect(elements.map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready']);
    expect(eventsOf('clinic-load')).to.have.length(3);
  });

  /**
   * Adds `template`, a `tag` element, to the page and waits until it is settled, noting for each
   * `Intl[kind]` object made what `look` sees of the element at the end of the task that made it.
   */
  async function watchIntl(
    kind: 'DateTimeFormat' | 'DisplayNames',
    tag: string,
    template: TemplateResult,
    look: (el: Element) => string,
  ): Promise<{ el: Element; seen: string[] }> {
    const intl = Intl as unknown as Record<typeof kind, new (...args: unknown[]) => object>;
    const Real = intl[kind];
    const seen: string[] = [];
    intl[kind] = function (...args: unknown[]) {
      const el = document.querySelector(tag)!;
      atEndOfTask(() => seen.push(look(el)));
      return new Real(...args);
    } as unknown as typeof Real;
    try {
      const el = await fixture(template);
      await settled(el);
      return { el, seen };
    } finally {
      intl[kind] = Real;
    }
  }

  const dateOf = (el: Element) => partText(el, 'date') || 'no date yet';
  const addressOf = (el: Element) => partText(el, 'address') || 'no address yet';
  const longDate = (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 4, 1));

  it('makes the first date format of a language in a task before the one that shows the date', async () => {
    fakeFetch({ '/first-render/article.json': json(sampleDocument()) });
    const { el, seen } = await watchIntl(
      'DateTimeFormat',
      'clinic-article-card',
      html`<clinic-article-card src="/first-render/article.json" lang="nl"></clinic-article-card>`,
      dateOf,
    );
    expect(partText(el, 'date')).to.equal(longDate('nl'));
    expect(seen).to.deep.equal(['no date yet']);
  });

  it('makes the date format of a card with a body in a task before the one that shows the date', async () => {
    fakeFetch({ '/first-render/full.json': json(sampleDocument()) });
    const { el, seen } = await watchIntl(
      'DateTimeFormat',
      'clinic-article-card',
      html`<clinic-article-card src="/first-render/full.json" variant="full" lang="sv"></clinic-article-card>`,
      dateOf,
    );
    expect(partText(el, 'body')).to.contain('Some emphasis');
    expect(partText(el, 'date')).to.equal(longDate('sv'));
    expect(seen).to.deep.equal(['no date yet']);
  });

  it('makes the date format of a body given before the first render while the body is made, skeleton shown', async () => {
    const { el, seen } = await watchIntl(
      'DateTimeFormat',
      'clinic-article-card',
      html`<clinic-article-card variant="full" lang="da" .data=${sampleDocument().article}></clinic-article-card>`,
      (card) => `${part(card, 'skeleton') ? 'skeleton' : 'no skeleton'}, ${dateOf(card)}`,
    );
    expect(partText(el, 'body')).to.contain('Some emphasis');
    expect(partText(el, 'date')).to.equal(longDate('da'));
    expect(seen).to.deep.equal(['skeleton, no date yet']);
  });

  it('makes the country names of a language in a task before the one that shows the address', async () => {
    fakeFetch({ '/first-render/publisher.json': json(sampleDocument()) });
    const { el, seen } = await watchIntl(
      'DisplayNames',
      'clinic-publisher',
      html`<clinic-publisher src="/first-render/publisher.json" lang="nl"></clinic-publisher>`,
      addressOf,
    );
    expect(partText(el, 'address')).to.contain(new Intl.DisplayNames('nl', { type: 'region' }).of('US')!);
    expect(seen).to.deep.equal(['no address yet']);
  });

  it('makes the country names of a clinic with opening hours in a task before the one that shows the address', async () => {
    const doc = sampleDocument();
    const publisher = { ...doc.publisher, timeZone: 'America/Los_Angeles', hours: [{ days: ['Mo'], opens: '09:00', closes: '17:00' }] };
    fakeFetch({ '/first-render/hours.json': json({ ...doc, publisher }) });
    const { el, seen } = await watchIntl(
      'DisplayNames',
      'clinic-publisher',
      html`<clinic-publisher src="/first-render/hours.json" lang="fi"></clinic-publisher>`,
      addressOf,
    );
    expect(partText(el, 'hours')).to.not.equal('');
    expect(partText(el, 'address')).to.contain(new Intl.DisplayNames('fi', { type: 'region' }).of('US')!);
    expect(seen).to.deep.equal(['no address yet']);
  });

  it('shows content given before the first render in that render, formats and all', async () => {
    const el = document.createElement('clinic-article-card');
    el.lang = 'de';
    el.data = sampleDocument().article;
    const wrapper = await fixture(html`<div></div>`);
    // No skeleton in between.
    const statuses = await statusesWhile(el, async () => {
      wrapper.append(el);
      await settled(el);
    });
    expect(statuses).to.deep.equal([null, 'ready']);
    expect(partText(el, 'date')).to.equal(longDate('de'));
  });
});
