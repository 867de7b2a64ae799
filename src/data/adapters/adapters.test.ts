import { expect } from '@open-wc/testing';
import { parseArticle, parseDocument, parsePublisher, parseRelated, parseSourceText } from '../parse.js';
import { adaptDocument } from './index.js';
import { fromJsonFeed } from './json-feed.js';
import { isJsonFeed, isWordPressList, isWordPressPost } from './shape.js';
import { decodeEntities, plainText } from './text.js';
import { fromWordPress } from './wordpress.js';

type Json = Record<string, unknown>;

/** A fixture shaped like a real answer (see fixtures/), a fresh copy each time. */
async function fixture(name: string): Promise<unknown> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return response.json();
}

describe('adapters', () => {
  describe('text', () => {
    it('decodes numeric and named character references', () => {
      expect(decodeEntities('What&#8217;s new &amp; what&#x2019;s next &hellip; &ndash; &eacute;')).to.equal(
        'What’s new & what’s next … – é',
      );
      expect(decodeEntities('&#0; &#xD800; &#99999999;')).to.equal('\ufffd \ufffd &#99999999;');
      expect(decodeEntities('&unknown; &amp')).to.equal('&unknown; &amp');
    });

    it('makes plain text of HTML: tags, comments and hidden content removed, space folded', () => {
      expect(plainText('<p>One &amp; <em>two</em></p>\n<p>three<!-- x --></p><script>alert(1)</script><style>p{}</style>')).to.equal(
        'One & two three',
      );
      // A reference that spells a tag stays text: it is decoded after the tags are gone.
      expect(plainText('&lt;img src=x onerror=alert(1)&gt;')).to.equal('<img src=x onerror=alert(1)>');
      expect(plainText('before<script>never closed')).to.equal('before');
    });
  });

  describe('WordPress', () => {
    it('reads a post with its embedded author, featured image and terms', async () => {
      const json = await fixture('wp-post.json');
      expect(isWordPressPost(json)).to.equal(true);
      const doc = parseDocument(adaptDocument(json));
      const article = parseArticle(doc.article);
      expect(article.title).to.equal('The Science Behind Ketamine Infusion Therapy – What’s New & What’s Next');
      expect(article.url).to.equal('https://clinic.example/news/the-science-behind-ketamine-infusion-therapy/');
      expect(article.author).to.equal('Dr. Ana Ruíz');
      expect(article.published).to.equal('2024-05-01T09:30:00Z');
      expect(article.category).to.equal('News & Research');
      expect(article.tags).to.deep.equal(['ketamine', 'depression']);
      expect(article.image).to.deep.equal({
        src: 'https://clinic.example/wp-content/uploads/2024/05/infusion-room.jpg',
        alt: 'An infusion room with two chairs',
        width: 1200,
        height: 675,
      });
      expect(article.summary).to.equal(
        'Ketamine infusion therapy is quickly gaining recognition as a treatment for depression, anxiety & PTSD… Continue reading “The Science”',
      );
      expect(article.bodyFormat).to.equal('html');
      expect(article.body).to.contain('<h2 class="wp-block-heading"');
      expect(article.id).to.equal('101');
    });

    it('reads the one-item array that ?slug= returns as the post', async () => {
      const json = await fixture('wp-post-by-slug.json');
      expect(isWordPressList(json)).to.equal(true);
      const doc = parseDocument(adaptDocument(json));
      expect(parseArticle(doc.article).title).to.match(/^The Science Behind/);
      expect(parseRelated(doc.related)).to.have.length(1);
    });

    it('reads a post list as related posts, in order, with what each one embeds', async () => {
      const doc = parseDocument(adaptDocument(await fixture('wp-posts.json')));
      const related = parseRelated(doc.related);
      expect(related.map((post) => post.title)).to.deep.equal([
        'The Science Behind Ketamine Infusion Therapy – What’s New & What’s Next',
        'PTSD and Sleep: 5 Things to Know',
        '“Is It Anxiety?” Questions We Hear',
      ]);
      expect(related.map((post) => post.author)).to.deep.equal(['Dr. Ana Ruíz', 'Ben O’Neil', undefined]);
      expect(related[1]!.image).to.equal(undefined);
      expect(related[2]!.image!.alt).to.equal('');
      const raw = (doc.related as Json[])[2]!;
      expect(raw['summary']).to.equal('Common questions <answered>.');
      expect(raw['category']).to.equal('Patient Care');
    });

    it('leaves out what a post does not share: protected content, embedded errors', () => {
      const doc = fromWordPress({
        id: 7,
        title: { rendered: 'Private' },
        link: 'https://clinic.example/p/',
        content: { rendered: '', protected: true },
        excerpt: { rendered: '<p>Secret</p>', protected: true },
        _embedded: { author: [{ code: 'rest_user_invalid_id' }], 'wp:featuredmedia': [{ code: 'rest_forbidden' }] },
      });
      const article = doc['article'] as Json;
      expect(article['body']).to.equal(undefined);
      expect(article['summary']).to.equal(undefined);
      expect(article['author']).to.equal(undefined);
      expect(article['image']).to.equal(undefined);
    });
  });

  describe('JSON Feed', () => {
    it('reads items as related posts and articles, and the feed as the publisher', async () => {
      const json = await fixture('feed.json');
      expect(isJsonFeed(json)).to.equal(true);
      const doc = parseDocument(adaptDocument(json));
      const related = parseRelated(doc.related);
      // The item without a title or URL cannot be a related post.
      expect(related.map((post) => post.title)).to.deep.equal([
        'The Science Behind Ketamine Infusion Therapy',
        'PTSD and Sleep: 5 Things to Know',
        '“Is It Anxiety?” Questions We Hear',
      ]);
      expect(related[0]!.author).to.equal('Dr. Ana Ruiz');
      expect(related[0]!.published).to.equal('2024-05-01T09:30:00Z');
      expect(related[0]!.image!.src).to.equal('https://clinic.example/img/infusion-room.jpg');
      expect((doc.related as Json[])[0]!['tags']).to.deep.equal(['ketamine', 'depression']);
      expect(parsePublisher(doc.publisher).name).to.equal('Riverside Clinic & Journal');
      const items = doc.items as Json[];
      expect(items.map((item) => item['id'])).to.deep.equal([
        'https://clinic.example/news/the-science-behind-ketamine-infusion-therapy/',
        'ptsd-and-sleep',
        'untitled-note',
        'anxiety-questions',
      ]);
      expect(parseArticle(items[0]).bodyFormat).to.equal('html');
      expect(parseArticle(items[1]).body).to.equal('Sleep matters.');
      expect(parseArticle(items[1]).bodyFormat).to.equal(undefined);
    });

    it('reads the 1.0 author field too', () => {
      const doc = fromJsonFeed({
        version: 'https://jsonfeed.org/version/1',
        items: [{ id: '1', url: '/a', title: 'A', author: { name: 'Ann' }, content_text: 'x' }],
      });
      expect((doc['related'] as Json[])[0]!['author']).to.equal('Ann');
    });
  });

  describe('recognition', () => {
    it('leaves version 1 documents and anything else as they are', () => {
      const v1 = { version: 1, article: { title: { rendered: 'not WordPress' }, link: '/x' } };
      expect(adaptDocument(v1)).to.equal(v1);
      for (const other of [[], [1, 2], 'text', null, { title: 'x' }, { version: 'https://example/feed', items: [] }]) {
        expect(adaptDocument(other)).to.equal(other);
      }
    });

    it('reads a source from its text, and gives anything else the version 1 messages', async () => {
      const message = (value: unknown) =>
        parseSourceText(JSON.stringify(value)).then(
          () => 'no error',
          (error: Error) => error.message,
        );
      expect(await message([])).to.equal('the document must be an object');
      expect(await message([{ title: 'x' }])).to.equal('the document must be an object');
      expect(await message({ version: 2 })).to.equal('version 2 is not supported (expected 1)');
      expect(await parseSourceText('{').catch((error: Error) => error.message)).to.match(/^the response is not valid JSON/);
      const doc = await parseSourceText(JSON.stringify(await fixture('wp-post.json')));
      expect(parseArticle(doc.article).author).to.equal('Dr. Ana Ruíz');
    });
  });

  describe('on a page that adds properties to Object.prototype', () => {
    const added = {
      // Fields a WordPress post or a feed may leave out, each set on every object of the page.
      content_html: '<p>From the page</p>',
      content_text: 'From the page',
      authors: [{ name: 'Page author' }],
      author: { name: 'Page author' },
      image: 'https://page.example/image.png',
      summary: 'From the page',
      _embedded: { author: [{ name: 'Page author' }] },
      media_details: { width: 1, height: 1 },
      alt_text: 'From the page',
      date_gmt: '1999-01-01T00:00:00',
      protected: true,
    };
    afterEach(() => {
      for (const key of Object.keys(added)) delete (Object.prototype as Record<string, unknown>)[key];
    });

    it('reads only the fields a document has of its own', async () => {
      const post = { title: { rendered: 'Own title' }, link: 'https://clinic.example/p', content: { rendered: '<p>Own body</p>' } };
      const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: [{ id: '1', title: 'Item', url: 'https://clinic.example/i' }] };
      const clean = { post: JSON.stringify(fromWordPress(JSON.parse(JSON.stringify(post)))), feed: JSON.stringify(fromJsonFeed(JSON.parse(JSON.stringify(feed)))) };
      Object.assign(Object.prototype, added);
      expect(isWordPressPost(JSON.parse(JSON.stringify(post)))).to.equal(true);
      expect(isJsonFeed(JSON.parse(JSON.stringify(feed)))).to.equal(true);
      const fromPost = fromWordPress(JSON.parse(JSON.stringify(post)));
      const fromFeed = fromJsonFeed(JSON.parse(JSON.stringify(feed)));
      for (const key of Object.keys(added)) delete (Object.prototype as Record<string, unknown>)[key];
      // The same output as on a clean page: no author, image, date or body from the page, and the
      // body is not taken for protected.
      expect(JSON.stringify(fromPost)).to.equal(clean.post);
      expect(JSON.stringify(fromFeed)).to.equal(clean.feed);
      expect((fromPost['article'] as Json)['body']).to.equal('<p>Own body</p>');
    });
  });
});
