import { expect } from '@open-wc/testing';
import { sampleDocument } from '../../test/fixtures.js';
import { DataError } from './errors.js';
import { parseArticle, parseDocument, parseDocumentText, parsePublisher, parseRelated } from './parse.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('parse', () => {
  it('turns the sample document into typed sections', () => {
    const doc = sampleDocument();
    const article = parseArticle(doc.article);
    expect(article.title).to.equal('Sample article');
    expect(article.image).to.deep.equal({ src: '/test/fixtures/photo.png', alt: 'A sample image', width: 1200, height: 630 });
    expect(article.tags).to.deep.equal(['sample']);
    expect(parsePublisher(doc.publisher).address!.city).to.equal('Sacramento');
    expect(parseRelated(doc.related).map((post) => post.title)).to.deep.equal(['First post', 'Second post', 'Third post']);
  });

  it('names the field at fault', () => {
    expect(messageOf(() => parseArticle({ title: 1 }))).to.equal('article.title must be a string');
    expect(messageOf(() => parseArticle({ summary: 'no title' }))).to.equal('article.title is required');
    expect(messageOf(() => parseArticle({ title: '   ' }))).to.equal('article.title is required');
    expect(messageOf(() => parseArticle({ title: 'T', tags: 'a,b' }))).to.equal('article.tags must be an array of strings');
    expect(messageOf(() => parseArticle({ title: 'T', image: 'x.png' }))).to.equal('article.image must be an object');
    expect(messageOf(() => parseArticle({ title: 'T', image: { src: '/a.png', width: -1 } }))).to.equal(
      'article.image.width must be a positive number',
    );
    expect(messageOf(() => parseArticle({ title: 'T', published: 'last Tuesday' }))).to.equal(
      'article.published must be an ISO 8601 date',
    );
    expect(messageOf(() => parsePublisher({ name: 'P', address: { city: 5 } }))).to.equal(
      'publisher.address.city must be a string',
    );
    expect(messageOf(() => parseRelated({}))).to.equal('related must be an array');
    expect(messageOf(() => parseRelated([{ title: 'A', url: '/a' }, 'B']))).to.equal('related[1] must be an object');
  });

  it('ignores unknown fields and treats null like a missing field', () => {
    const article = parseArticle({ title: 'T', extra: { deep: true }, summary: null, image: null });
    expect(article).to.deep.equal({
      id: undefined, title: 'T', url: undefined, category: undefined, summary: undefined, body: undefined,
      image: undefined, author: undefined, published: undefined, tags: [],
    });
  });

  it('drops URLs outside the allowed schemes but keeps the rest', () => {
    const article = parseArticle({ title: 'T', url: 'javascript:alert(1)', image: { src: 'data:image/png;base64,AAAA' } });
    expect(article.url).to.equal(undefined);
    expect(article.image).to.equal(undefined);
    expect(parseRelated([{ title: 'A', url: 'vbscript:x' }])[0]!.url).to.equal('');
  });

  it('checks the envelope of a document', () => {
    expect(parseDocument({ version: 1, article: { title: 'T' } }).article).to.deep.equal({ title: 'T' });
    expect(messageOf(() => parseDocument([]))).to.equal('the document must be an object');
    expect(messageOf(() => parseDocument('text'))).to.equal('the document must be an object');
    expect(messageOf(() => parseDocument({ version: 2 }))).to.equal('version 2 is not supported (expected 1)');
    expect(messageOf(() => parseDocument({ publisher: 'P' }))).to.equal('publisher must be an object');
    expect(messageOf(() => parseDocument({ related: {} }))).to.equal('related must be an array');
    expect(messageOf(() => parseDocumentText('{"version": 1,'))).to.match(/^the response is not valid JSON/);
  });

  it('agrees with the JSON Schema on which fields are required', async () => {
    const schema = await (await fetch('/schema/clinic-document.schema.json')).json();
    expect(schema.properties.article.required).to.deep.equal(['title']);
    expect(schema.properties.publisher.required).to.deep.equal(['name']);
    expect(schema.properties.related.items.required).to.deep.equal(['title', 'url']);
    expect(messageOf(() => parseArticle({}))).to.equal('article.title is required');
    expect(messageOf(() => parsePublisher({}))).to.equal('publisher.name is required');
    expect(messageOf(() => parseRelated([{ title: 'A' }]))).to.equal('related[0].url is required');
    expect(messageOf(() => parseRelated([{ url: '/a' }]))).to.equal('related[0].title is required');
  });
});
