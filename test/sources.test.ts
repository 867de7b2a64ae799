import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import type { ClinicPublisher } from '../src/components/publisher/publisher.js';
import type { ClinicRelatedPosts } from '../src/components/related-posts/related-posts.js';
import { setFetch } from '../src/data/client.js';
import { eventsOf, part, partText, parts, settled } from './helpers.js';

// Answers shaped like a WordPress site's REST API and a JSON Feed, served by the test runner.
const FIXTURES = '/src/data/adapters/fixtures/';
const WP_POST = `${FIXTURES}wp-post.json`;
const WP_BY_SLUG = `${FIXTURES}wp-post-by-slug.json`;
const WP_POSTS = `${FIXTURES}wp-posts.json`;
const FEED = `${FIXTURES}feed.json`;

const WP_TITLE = 'The Science Behind Ketamine Infusion Therapy – What’s New & What’s Next';

const titles = (el: Element) => parts(el, 'link').map((link) => link.textContent!.trim());

/** What a hostile body must not leave in the rendered body. */
function expectSanitized(body: HTMLElement): void {
  expect([...body.querySelectorAll('script, style, iframe, form, input, button, svg')]).to.have.length(0);
  const attributes = [...body.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
  expect(attributes.filter((name) => name.startsWith('on') || name === 'style' || name === 'class' || name === 'srcset')).to.deep.equal([]);
  expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://pubmed.example/123']);
  expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
}

/**
 * The fixtures as the test runner serves them, with the images on the clinic's site pointed at the
 * test photo on this server: no test leaves this server, and the strict policy's img-src 'self'
 * (npm run test:csp) has nothing to refuse. (The adapters' own tests read the URLs as written.)
 */
function imagesFromThisServer(): void {
  const photo = new URL('/test/fixtures/photo.png', location.href).href;
  setFetch(async (url, init) => {
    const response = await fetch(url, init);
    if (!url.includes(FIXTURES)) return response;
    const text = (await response.text()).replace(/https:\/\/clinic\.example\/[^"\s]*?\.(?:jpg|png)/g, photo);
    return new Response(text, { status: response.status, headers: response.headers });
  });
}

describe('other sources for src', () => {
  beforeEach(() => imagesFromThisServer());
  describe('a WordPress post', () => {
    it('shows in the card: decoded title, link, author, date, category, featured image, plain excerpt', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${WP_POST}></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(partText(el, 'title')).to.equal(WP_TITLE);
      expect(part(el, 'link')!.getAttribute('href')).to.equal('https://clinic.example/news/the-science-behind-ketamine-infusion-therapy/');
      expect(partText(el, 'meta')).to.equal('By Dr. Ana Ruíz · May 1, 2024');
      expect(partText(el, 'category')).to.equal('News & Research');
      expect(part(el, 'image')!.getAttribute('alt')).to.equal('An infusion room with two chairs');
      expect(partText(el, 'summary')).to.match(/anxiety & PTSD… Continue reading/);
      expect(part(el, 'summary')!.children).to.have.length(0);
    });

    it('shows content.rendered as the body with variant="full", sanitized like Markdown output', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${WP_POST} variant="full"></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      const body = part(el, 'body')!;
      expect(body.querySelector('h2')!.textContent).to.equal('How it works');
      expect(body.querySelector('figure img')!.getAttribute('alt')).to.equal('An infusion drip');
      expect(body.querySelector('figcaption')!.textContent).to.equal('Infusions take about forty minutes.');
      expect(body.textContent).to.contain('Ask your clinician whether it is right for you.');
      expect(body.textContent).not.to.contain('body { display: none }');
      expectSanitized(body);
      await expect(el).to.be.accessible();
    });

    it('shows the one post that ?slug= returns in an array', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${WP_BY_SLUG}></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal(WP_TITLE);
    });
  });

  describe('a WordPress post list', () => {
    it('shows as related posts, titles decoded', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts src=${WP_POSTS}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(titles(el)).to.deep.equal([WP_TITLE, 'PTSD and Sleep: 5 Things to Know', '“Is It Anxiety?” Questions We Hear']);
      expect(parts(el, 'meta').map((meta) => meta.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Dr. Ana Ruíz · May 1, 2024',
        'Ben O’Neil · April 20, 2024',
        'March 2, 2024',
      ]);
    });

    it('lets the card pick a post by id or link with item', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${WP_POSTS} item="102"></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal('PTSD and Sleep: 5 Things to Know');
      el.item = 'https://clinic.example/news/anxiety-questions/';
      await settled(el);
      await el.updateComplete;
      expect(partText(el, 'title')).to.equal('“Is It Anxiety?” Questions We Hear');
    });
  });

  describe('a JSON Feed', () => {
    it('shows its items as related posts', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts src=${FEED}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal([
        'The Science Behind Ketamine Infusion Therapy',
        'PTSD and Sleep: 5 Things to Know',
        '“Is It Anxiety?” Questions We Hear',
      ]);
    });

    it('shows the item whose id or url equals the card\'s item attribute', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${FEED} item="ptsd-and-sleep" variant="full"></clinic-article-card>`);
      await settled(el);
      expect(partText(el, 'title')).to.equal('PTSD and Sleep: 5 Things to Know');
      expect(partText(el, 'body')).to.equal('Sleep matters.');
      const byUrl = await fixture<ClinicArticleCard>(
        html`<clinic-article-card src=${FEED} item="https://clinic.example/news/the-science-behind-ketamine-infusion-therapy/" variant="full"></clinic-article-card>`,
      );
      await settled(byUrl);
      expect(partText(byUrl, 'title')).to.equal('The Science Behind Ketamine Infusion Therapy');
      expectSanitized(part(byUrl, 'body')!);
    });

    it('puts the card in its error state for an item the feed does not have', async () => {
      const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${FEED} item="no-such-post"></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('the document has no item "no-such-post"');
    });

    it('shows the feed itself in the publisher block', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher src=${FEED}></clinic-publisher>`);
      await settled(el);
      expect(partText(el, 'name')).to.equal('Riverside Clinic & Journal');
      expect(partText(el, 'description')).to.equal('Articles from Riverside Clinic.');
    });
  });
});
