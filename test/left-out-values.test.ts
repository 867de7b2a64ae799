import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import type { ClinicPublisher } from '../src/components/publisher/publisher.js';
import type { ClinicRelatedPosts } from '../src/components/related-posts/related-posts.js';
import { fakeFetch, json } from './fake-client.js';
import { sampleDocument } from './fixtures.js';
import { eventsOf, part, partText, parts, settled } from './helpers.js';

/**
 * An optional value the element cannot read (a date that is not one, a width that is not a
 * number) is left out with one console warning that names the attribute or the field; the rest
 * shows. Only a missing required field, or a document that is not one, is an error.
 */
describe('optional values that cannot be read', () => {
  let warnings: string[];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('drops a published attribute that is not a date, names the attribute once, and shows the rest', async () => {
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card
      headline="A title"
      summary="A summary"
      author="Ann"
      published="not a date"
    ></clinic-article-card>`);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(partText(el, 'title')).to.equal('A title');
    expect(partText(el, 'summary')).to.equal('A summary');
    expect(partText(el, 'meta')).to.equal('By Ann');
    expect(part(el, 'date')).to.equal(null);
    expect(eventsOf('clinic-error', el)).to.have.length(0);
    expect(eventsOf('clinic-load', el)).to.have.length(1);
    expect(warnings).to.deep.equal([
      '<clinic-article-card>: the published attribute must be an ISO 8601 date ("not a date"); it is left out.',
    ]);

    // Later renders (a new theme, language or summary) do not repeat it.
    el.theme = 'dark';
    el.lang = 'es';
    el.summary = 'Another summary';
    await el.updateComplete;
    expect(partText(el, 'summary')).to.equal('Another summary');
    expect(warnings).to.have.length(1);
  });

  it('drops wrong-typed optional fields of a document, naming each by its path, and shows the rest', async () => {
    const doc = sampleDocument();
    Object.assign(doc.article, { published: 5, summary: ['not', 'text'], image: { ...doc.article.image, width: 'x' } });
    Object.assign(doc.publisher, { address: 12, phone: 9169159215 });
    fakeFetch({ '/doc.json': json(doc) });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card src="/doc.json"></clinic-article-card>
      <clinic-publisher src="/doc.json"></clinic-publisher>
    </div>`);
    const [card, publisher] = [...wrapper.children] as [ClinicArticleCard, ClinicPublisher];
    await settled(card);
    await settled(publisher);

    expect(card.status).to.equal('ready');
    expect(partText(card, 'title')).to.equal('Sample article');
    expect(partText(card, 'meta')).to.equal('By Dr. Sample');
    expect(part(card, 'summary')).to.equal(null);
    const image = part(card, 'image') as HTMLImageElement;
    expect(image.getAttribute('alt')).to.equal('A sample image');
    expect(image.hasAttribute('width')).to.equal(false);
    expect(image.getAttribute('height')).to.equal('630');

    expect(publisher.status).to.equal('ready');
    expect(partText(publisher, 'name')).to.equal('Sample Clinic');
    expect(part(publisher, 'address')).to.equal(null);
    expect(part(publisher, 'phone')).to.equal(null);
    expect(partText(publisher, 'description')).to.equal('We look after samples.');
    expect(eventsOf('clinic-error')).to.have.length(0);

    expect(warnings.sort()).to.deep.equal([
      '<clinic-article-card>: article.image.width must be a positive number ("x"); it is left out.',
      '<clinic-article-card>: article.published must be an ISO 8601 date (5); it is left out.',
      '<clinic-article-card>: article.summary must be a string (["not","text"]); it is left out.',
      '<clinic-publisher>: publisher.address must be an object (12); it is left out.',
      '<clinic-publisher>: publisher.phone must be a string (9169159215); it is left out.',
    ]);
  });

  it('drops a published date that is not a date in a document', async () => {
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card .data=${{ title: 'T', published: 'not a date', author: 'Ann' }}></clinic-article-card>`);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(partText(el, 'meta')).to.equal('By Ann');
    expect(warnings).to.deep.equal(['<clinic-article-card>: article.published must be an ISO 8601 date ("not a date"); it is left out.']);
  });

  it('names an attribute by its own name when the document field is named otherwise', async () => {
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card .data=${{ title: 'T', published: '2024-05-01' }}></clinic-article-card>`);
    await settled(el);
    expect(partText(el, 'date')).to.equal('May 1, 2024');
    el.published = 'soon';
    await el.updateComplete;
    expect(part(el, 'date')).to.equal(null);
    expect(warnings).to.deep.equal(['<clinic-article-card>: the published attribute must be an ISO 8601 date ("soon"); it is left out.']);
  });

  it('gives one warning for the same fault in many posts of a list', async () => {
    const posts = Array.from({ length: 200 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}`, published: 'soon' }));
    const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts limit="3" .data=${posts}></clinic-related-posts>`);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(parts(el, 'link').map((link) => link.textContent)).to.deep.equal(['Post 0', 'Post 1', 'Post 2']);
    expect(parts(el, 'date')).to.have.length(0);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^<clinic-related-posts>: related\[0\]\.published must be an ISO 8601 date \("soon"\); it is left out/);
  });

  it('still ends in the error state for a missing required field', async () => {
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card .data=${{ summary: 'no title', published: 'soon' }}></clinic-article-card>`);
    await settled(el);
    expect(el.status).to.equal('error');
    expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('article.title is required');
    expect(warnings).to.deep.equal([]);
  });
});
