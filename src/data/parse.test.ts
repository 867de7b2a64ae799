import { expect } from '@open-wc/testing';
import { sampleDocument } from '../../test/fixtures.js';
import { DataError } from './errors.js';
import {
  collectWarnings,
  parseArticle,
  parseDocument,
  parseDocumentText,
  parseJsonHead,
  parsePublisher,
  parseRelated,
  resolveDocumentUrls,
  resolvingDocumentUrls,
} from './parse.js';

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

  it('names the field at fault when a section cannot be shown', () => {
    expect(messageOf(() => parseArticle({ title: 1 }))).to.equal('article.title must be a string');
    expect(messageOf(() => parseArticle({ summary: 'no title' }))).to.equal('article.title is required');
    expect(messageOf(() => parseArticle({ title: '   ' }))).to.equal('article.title is required');
    expect(messageOf(() => parseArticle('text'))).to.equal('article must be an object');
    expect(messageOf(() => parsePublisher({ name: ['P'] }))).to.equal('publisher.name must be a string');
    expect(messageOf(() => parseRelated({}))).to.equal('related must be an array');
    expect(messageOf(() => parseRelated([{ title: 'A', url: '/a' }, 'B']))).to.equal('related[1] must be an object');
    expect(messageOf(() => parseRelated([{ title: 'A', url: 5 }]))).to.equal('related[0].url must be a string');
  });

  it('leaves out an optional value it cannot read, names it, and keeps the rest', () => {
    const { value: article, warnings } = collectWarnings(() =>
      parseArticle({
        title: 'T',
        summary: 'S',
        tags: 'a,b',
        published: 'last Tuesday',
        author: 7,
        image: { src: '/a.png', alt: 'A', width: -1, height: 'x' },
      }),
    );
    expect(article.title).to.equal('T');
    expect(article.summary).to.equal('S');
    expect(article.tags).to.deep.equal([]);
    expect(article.published).to.equal(undefined);
    expect(article.author).to.equal(undefined);
    expect(article.image).to.deep.equal({ src: '/a.png', alt: 'A', width: undefined, height: undefined });
    expect(warnings.map(({ path, problem }) => `${path} ${problem}`)).to.deep.equal([
      'article.image.width must be a positive number',
      'article.image.height must be a positive number',
      'article.author must be a string',
      'article.published must be an ISO 8601 date',
      'article.tags must be an array of strings',
    ]);
    expect(warnings[3]!.value).to.equal('last Tuesday');

    const publisher = collectWarnings(() => parsePublisher({ name: 'P', address: 12, logo: 'logo.png' }));
    expect(publisher.value).to.deep.include({ name: 'P', address: undefined, logo: undefined });
    expect(publisher.warnings.map((w) => w.path)).to.deep.equal(['publisher.address', 'publisher.logo']);
    const city = collectWarnings(() => parsePublisher({ name: 'P', address: { city: 5, street: '1 Main St' } }));
    expect(city.value.address).to.deep.include({ street: '1 Main St', city: undefined });
    expect(city.warnings.map((w) => `${w.path} ${w.problem}`)).to.deep.equal(['publisher.address.city must be a string']);

    const related = collectWarnings(() => parseRelated([{ title: 'A', url: '/a', published: { year: 2024 } }]));
    expect(related.value[0]!.published).to.equal(undefined);
    expect(related.warnings.map((w) => w.path)).to.deep.equal(['related[0].published']);
  });

  it('tells nobody outside collectWarnings(), and collects nothing for good values', () => {
    expect(parseArticle({ title: 'T', published: 5 }).published).to.equal(undefined);
    expect(collectWarnings(() => parseArticle(sampleDocument().article)).warnings).to.deep.equal([]);
  });

  it('ignores unknown fields and treats null like a missing field', () => {
    const article = parseArticle({ title: 'T', extra: { deep: true }, summary: null, image: null });
    expect(article).to.deep.equal({
      id: undefined, title: 'T', url: undefined, category: undefined, summary: undefined, body: undefined,
      image: undefined, author: undefined, published: undefined, tags: [],
      reviewedBy: undefined, lastReviewed: undefined, disclaimer: undefined,
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

  it('reads own properties only', () => {
    const inherited = Object.create({ title: 'Inherited', url: 'https://inherited.example/' }) as Record<string, unknown>;
    expect(messageOf(() => parseArticle(inherited))).to.equal('article.title is required');
    inherited['title'] = 'Own';
    expect(parseArticle(inherited).url).to.equal(undefined);
    expect(() => parseDocument(Object.create({ version: 2 })), 'an inherited version is no version').to.not.throw();
  });

  it('resolves relative URLs of a document against the document URL, and leaves the rest alone', () => {
    const base = 'https://cdn.example/content/docs/doc.json';
    const doc = resolveDocumentUrls(
      {
        version: 1,
        site: { url: '../' },
        article: {
          title: 'T',
          url: '../articles/a/',
          image: { src: 'img/a.png' },
          reviewedBy: { url: '/team/ann' },
          body: '[link](relative/)',
        },
        publisher: {
          name: 'P',
          url: 'https://clinic.example',
          logo: { src: '//static.example/logo.svg' },
          bookingUrl: 'book?ref=widget',
          mapUrl: 'mailto:map@clinic.example',
          phone: '916',
        },
        related: [
          { title: 'A', url: 'a/', image: { src: 'a.png' } },
          { title: 'B', url: 'javascript:alert(1)' },
          { title: 'C', url: '&#106;avascript:alert(1)' },
          { title: 'D', url: 5 },
          'not an object',
        ],
        items: [{ title: 'I', url: 'i/', image: { src: 'i.png' } }],
      },
      base,
    );
    const at = (...keys: Array<string | number>): unknown =>
      keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc);
    expect(at('site', 'url')).to.equal('https://cdn.example/content/');
    expect(at('article', 'url')).to.equal('https://cdn.example/content/articles/a/');
    expect(at('article', 'image', 'src')).to.equal('https://cdn.example/content/docs/img/a.png');
    expect(at('article', 'reviewedBy', 'url')).to.equal('https://cdn.example/team/ann');
    expect(at('article', 'body'), 'the body is rendered with its own base').to.equal('[link](relative/)');
    expect(at('publisher', 'url'), 'absolute URLs stay as written').to.equal('https://clinic.example');
    expect(at('publisher', 'logo', 'src')).to.equal('https://static.example/logo.svg');
    expect(at('publisher', 'bookingUrl')).to.equal('https://cdn.example/content/docs/book?ref=widget');
    expect(at('publisher', 'mapUrl')).to.equal('mailto:map@clinic.example');
    expect(at('publisher', 'phone')).to.equal('916');
    expect(at('related', 0)).to.deep.equal({ title: 'A', url: 'https://cdn.example/content/docs/a/', image: { src: 'https://cdn.example/content/docs/a.png' } });
    expect(at('related', 1, 'url'), 'refused URLs are not made absolute').to.equal('javascript:alert(1)');
    expect(at('related', 2, 'url')).to.equal('&#106;avascript:alert(1)');
    expect(at('related', 3, 'url')).to.equal(5);
    expect(at('items', 0)).to.deep.equal({ title: 'I', url: 'https://cdn.example/content/docs/i/', image: { src: 'https://cdn.example/content/docs/i.png' } });
    expect(parseRelated((at('related') as unknown[]).slice(0, 3)).map((post) => post.url)).to.deep.equal([
      'https://cdn.example/content/docs/a/',
      '',
      '',
    ]);
  });

  it('pauses after every URL field it reads, absolute or relative, so a feed of absolute URLs is read in slices too', () => {
    const related = Array.from({ length: 300 }, (_, i) => ({ title: `P${i}`, url: `https://clinic.example/p/${i}`, image: { src: `https://clinic.example/i/${i}.jpg` } }));
    const doc = { version: 1, article: { title: 'T', url: 'a/' }, related } as Parameters<typeof resolvingDocumentUrls>[0];
    const pauses = [...resolvingDocumentUrls(doc, 'https://cdn.example/docs/doc.json')];
    expect(pauses).to.have.length(1 + 2 * 300);
    expect(doc.article).to.deep.equal({ title: 'T', url: 'https://cdn.example/docs/a/' });
    expect(related[299]!.url).to.equal('https://clinic.example/p/299');
  });

  describe('parseJsonHead', () => {
    it('parses the first entries of an array and does not read past them', () => {
      const head = [{ title: 'a, [b] {c}', url: '/"q"\\' }, [1, [2, 3]], 'x,]', { n: { m: [',', ']'] } }];
      const text = ` \n[${head.map((entry) => JSON.stringify(entry)).join(' ,\n')}, {"title": "past", not json`;
      expect(() => JSON.parse(text)).to.throw(SyntaxError);
      expect(parseJsonHead(text, 4)).to.deep.equal(head);
      expect(parseJsonHead(text, 2)).to.deep.equal(head.slice(0, 2));
    });

    it('parses whole what is not an array, or has no more entries, and throws what JSON.parse throws', () => {
      expect(parseJsonHead('[1, 2, 3]', 3)).to.deep.equal([1, 2, 3]);
      expect(parseJsonHead('[1, 2, 3]', 5)).to.deep.equal([1, 2, 3]);
      expect(parseJsonHead('{"a": [1, 2, 3]}', 1)).to.deep.equal({ a: [1, 2, 3] });
      expect(parseJsonHead(' "[1,2]"', 1)).to.equal('[1,2]');
      // A fault among the entries read, or anywhere in text read whole.
      for (const bad of ['[{"a": 1], 2, 3]', '[1 2, 3, 4]', '[1, 2', '', 'x[1, 2]', '{"a": 1,}']) {
        expect(() => parseJsonHead(bad, 2), bad).to.throw(SyntaxError);
      }
    });
  });
});
