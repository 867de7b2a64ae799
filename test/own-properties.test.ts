import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import type { ClinicPublisher } from '../src/components/publisher/publisher.js';
import type { ClinicRelatedPosts } from '../src/components/related-posts/related-posts.js';
import { fakeFetch, json } from './fake-client.js';
import { part, partText, parts, settled } from './helpers.js';

/**
 * Lookups keyed by what a page or a document says (a language tag, a field name, an attribute
 * name in a Markdown body) read own properties only: a key that names something every object
 * inherits (`constructor`, `__proto__`, `toString`), or a property a page added to
 * `Object.prototype`, is not content.
 */
describe('lookups keyed by outside input', () => {
  for (const lang of ['constructor', '__proto__']) {
    it(`shows English labels for lang="${lang}"`, async () => {
      const items = JSON.stringify([{ title: 'One', url: '/one' }]);
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
        <clinic-related-posts items=${items}></clinic-related-posts>
        <clinic-article-card headline="T" href="/t" published="2024-05-01"></clinic-article-card>
        <clinic-publisher name="P" phone="916-915-9215"></clinic-publisher>
      </div>`);
      const [list, card, publisher] = [...wrapper.children] as [ClinicRelatedPosts, ClinicArticleCard, ClinicPublisher];
      for (const el of [list, card, publisher]) await settled(el);
      expect(partText(list, 'heading')).to.equal('Related posts');
      expect(partText(card, 'read-more')).to.equal('Read more');
      expect(partText(card, 'date')).to.equal('May 1, 2024');
      expect(partText(publisher, 'phone')).to.equal('Call 916-915-9215');
    });

    it(`shows the English error message for lang="${lang}" set on the element`, async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card lang=${lang} summary="no title"></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(partText(el, 'error')).to.equal('This content could not be loaded.');
    });
  }

  it('renders a Markdown body whose tags carry attributes named like inherited properties', async () => {
    const body = 'Before <b constructor="x" __proto__="y" toString="z">bold</b> after.';
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card variant="full" .data=${{ title: 'T', body }}></clinic-article-card>`);
    await settled(el);
    expect(el.status).to.equal('ready');
    const bold = part(el, 'body')!.querySelector('b')!;
    expect(bold.textContent).to.equal('bold');
    expect(bold.getAttributeNames()).to.deep.equal([]);
  });

  it('leaves a character reference named like an inherited property as written', async () => {
    const post = {
      id: 7,
      link: 'https://clinic.example/p/7/',
      title: { rendered: 'Ask &constructor; &amp; &toString; &hellip;' },
      excerpt: { rendered: '<p>&valueOf; text</p>' },
    };
    fakeFetch({ '/wp-json/wp/v2/posts/7': json(post) });
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/wp-json/wp/v2/posts/7"></clinic-article-card>`);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(partText(el, 'title')).to.equal('Ask &constructor; & &toString; …');
    expect(partText(el, 'summary')).to.equal('&valueOf; text');
  });

  describe('on a page that added properties to Object.prototype', () => {
    // Not enumerable, so that the test runner's own for…in loops are left alone; a plain read of a
    // missing field still finds them, which is what the elements must not do.
    const added = {
      title: 'Inherited title',
      url: 'https://inherited.example/',
      published: '1999-01-01',
      related: 'x',
      article: { title: 'Inherited article' },
    };
    function pollute(): void {
      for (const [key, value] of Object.entries(added)) {
        Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
      }
    }
    function clean(): void {
      for (const key of Object.keys(added)) delete (Object.prototype as Record<string, unknown>)[key];
    }

    it('does not take inherited properties for document fields', async () => {
      fakeFetch({
        '/doc.json': json({ version: 1, article: { title: 'Own title' }, publisher: { headline: 'no name' } }),
        '/no-article.json': json({ version: 1, publisher: { name: 'P' } }),
      });
      let card!: ClinicArticleCard;
      let other!: ClinicArticleCard;
      let publisher!: ClinicPublisher;
      let list!: ClinicRelatedPosts;
      pollute();
      try {
        const wrapper = await fixture<HTMLElement>(html`<div>
          <clinic-article-card src="/doc.json"></clinic-article-card>
          <clinic-publisher src="/doc.json"></clinic-publisher>
          <clinic-related-posts .data=${[{ title: 'Post' }]}></clinic-related-posts>
          <clinic-article-card src="/no-article.json"></clinic-article-card>
        </div>`);
        [card, publisher, list, other] = [...wrapper.children] as [ClinicArticleCard, ClinicPublisher, ClinicRelatedPosts, ClinicArticleCard];
        for (const el of [card, publisher, list, other]) await settled(el);
      } finally {
        clean();
      }
      expect(card.status).to.equal('ready');
      expect(partText(card, 'title')).to.equal('Own title');
      expect(parts(card, 'link'), 'no link from an inherited url').to.have.length(0);
      expect(part(card, 'date'), 'no date from an inherited published').to.equal(null);
      expect(publisher.status, 'an inherited title is no name').to.equal('error');
      expect(publisher.errorMessage).to.equal('publisher.name is required');
      expect(list.status, 'an inherited url is no url').to.equal('error');
      expect(list.errorMessage).to.equal('related[0].url is required');
      expect(other.status, 'an inherited article is no section').to.equal('error');
      expect(other.errorMessage).to.equal('the document has no article section');
    });
  });
});
