import { expect, fixture, html } from '@open-wc/testing';
import { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import { ClinicRelatedPosts } from '../src/components/related-posts/related-posts.js';
import { eventsOf, part, partText, parts, settled } from './helpers.js';
import { withoutIntlNumbers } from './tasks.js';

/**
 * A framework that renders before the bundle has defined the tags (an async or CDN script) sets
 * `data` on an element that is not upgraded yet: as a property (Lit, Preact after a check), or as
 * an attribute, where an object becomes "[object Object]" (Vue `:data`, Preact `data={…}`). Each
 * test registers a fresh tag (a subclass, as defineAll() does) after the element exists.
 */
let count = 0;
function freshTag(base: typeof ClinicArticleCard | typeof ClinicRelatedPosts): string {
  const tag = `late-element-${++count}-${Math.random().toString(36).slice(2, 8)}`;
  // Defined later, by the test, once the element is in the page.
  pending.set(tag, class extends base {} as CustomElementConstructor);
  return tag;
}
const pending = new Map<string, CustomElementConstructor>();
function define(tag: string): void {
  customElements.define(tag, pending.get(tag)!);
}

function place(el: HTMLElement): HTMLElement {
  document.body.append(el);
  return el;
}

describe('an element given data before its tag is defined', () => {
  const added: HTMLElement[] = [];
  afterEach(() => {
    for (const el of added.splice(0)) el.remove();
  });

  it('shows a data property set before the upgrade', async () => {
    const tag = freshTag(ClinicArticleCard);
    const el = document.createElement(tag) as HTMLElement & { data?: unknown };
    el.data = { title: 'Set before the upgrade', summary: 'Kept.' };
    added.push(place(el));
    define(tag);
    await settled(el);
    expect(el.getAttribute('status')).to.equal('ready');
    expect(partText(el, 'title')).to.equal('Set before the upgrade');
    expect(partText(el, 'summary')).to.equal('Kept.');
    expect(Object.hasOwn(el, 'data'), 'the property goes through the element’s accessor').to.equal(false);
    (el as ClinicArticleCard).data = { title: 'Changed after' };
    await (el as ClinicArticleCard).updateComplete;
    expect(partText(el, 'title')).to.equal('Changed after');
  });

  it('shows other properties set before the upgrade too', async () => {
    const tag = freshTag(ClinicRelatedPosts);
    const el = document.createElement(tag) as HTMLElement & Record<string, unknown>;
    el['data'] = [{ title: 'One', url: '/1' }, { title: 'Two', url: '/2' }];
    el['limit'] = 1;
    el['heading'] = 'Read next';
    added.push(place(el));
    define(tag);
    await settled(el);
    expect(parts(el, 'link').map((link) => link.textContent)).to.deep.equal(['One']);
    expect(partText(el, 'heading')).to.equal('Read next');
  });

  it('ends in the error state, saying how to pass an object, for data="[object Object]"', async () => {
    const tag = freshTag(ClinicArticleCard);
    const el = document.createElement(tag);
    el.setAttribute('data', String({ title: 'Lost' }));
    added.push(place(el));
    define(tag);
    await settled(el);
    expect(el.getAttribute('status')).to.equal('error');
    expect(part(el, 'error')!.hidden).to.equal(false);
    const [error] = eventsOf('clinic-error', el);
    expect(error!.detail.message).to.equal(
      'the data attribute is not JSON ("[object Object]"): set the element\'s data property to the object, or give the attribute the object as JSON',
    );
    expect((el as ClinicArticleCard).errorMessage).to.equal(error!.detail.message);
  });

  it('reads a data attribute of up to 50,000 characters, and says to use src or the property past that', async () => {
    const attribute = (length: number) => {
      const text = JSON.stringify({ title: 'Long', summary: '' });
      return JSON.stringify({ title: 'Long', summary: 's'.repeat(length - text.length) });
    };
    const within = await fixture<ClinicArticleCard>(html`<clinic-article-card data=${attribute(50_000)}></clinic-article-card>`);
    await settled(within);
    expect(within.getAttribute('data')).to.have.length(50_000);
    expect(within.status).to.equal('ready');
    expect(partText(within, 'summary')).to.have.length(50_000 - JSON.stringify({ title: 'Long', summary: '' }).length);
    // The count is written without Intl (its first use in a page loads locale data in one long task).
    const over = await withoutIntlNumbers(async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card data=${attribute(50_001)}></clinic-article-card>`);
      await settled(el);
      return el;
    });
    expect(over.status).to.equal('error');
    expect(eventsOf('clinic-error', over)[0]!.detail.message).to.equal(
      "the data attribute is longer than 50,000 characters: give long content with src, or set the element's data property",
    );
  });

  it('shows a JSON object given in the data attribute, and the property wins over it', async () => {
    const tag = freshTag(ClinicArticleCard);
    const el = document.createElement(tag);
    el.setAttribute('data', JSON.stringify({ title: 'From JSON', summary: 'In the attribute.' }));
    el.setAttribute('src', '/never-fetched.json');
    added.push(place(el));
    define(tag);
    await settled(el);
    expect(el.getAttribute('status')).to.equal('ready');
    expect(partText(el, 'title')).to.equal('From JSON');
    expect(eventsOf('clinic-load', el)[0]!.detail).to.deep.equal({ source: 'attributes', src: null, stale: false });
    const card = el as ClinicArticleCard;
    card.data = { title: 'From the property' };
    await card.updateComplete;
    expect(partText(el, 'title')).to.equal('From the property');
    card.data = undefined;
    el.setAttribute('data', JSON.stringify({ title: 'New JSON' }));
    await card.updateComplete;
    expect(partText(el, 'title')).to.equal('New JSON');
  });

  it('takes a JSON array in the data attribute of the related posts', async () => {
    const tag = freshTag(ClinicRelatedPosts);
    const el = document.createElement(tag);
    el.setAttribute('data', JSON.stringify([{ title: 'One', url: '/1' }]));
    added.push(place(el));
    define(tag);
    await settled(el);
    expect(parts(el, 'link').map((link) => link.textContent)).to.deep.equal(['One']);
  });
});
