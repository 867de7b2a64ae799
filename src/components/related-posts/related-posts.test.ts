import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { badInputSuite } from '../../../test/bad-input.js';
import { SEED_URL, sampleDocument } from '../../../test/fixtures.js';
import { fakeFetch, json } from '../../../test/fake-client.js';
import { sendMouse } from '@web/test-runner-commands';
import { events, eventsOf, pageStyles, part, partText, parts, settled, shadow, statusesWhile } from '../../../test/helpers.js';
import type { ClinicRelatedPosts } from './related-posts.js';

const ITEMS = JSON.stringify([
  { title: 'One', url: '/one', author: 'Ann', published: '2024-03-04' },
  { title: 'Two', url: '/two', image: { src: '/test/fixtures/photo.png', alt: '' } },
  { title: 'Three', url: '/three' },
]);

const titles = (el: Element) => parts(el, 'link').map((link) => link.textContent!.trim());

describe('<clinic-related-posts>', () => {
  describe('accessibility', () => {
    it('passes axe when ready, with a list of links under a heading', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      expect(part(el, 'heading')!.localName).to.equal('h2');
      expect(part(el, 'list')!.localName).to.equal('ul');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items="[{"></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('error');
      await expect(el).to.be.accessible();
    });
  });

  describe('attributes & properties', () => {
    it('sends image hosts the page\'s origin at most (referrerpolicy="strict-origin")', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      const images = parts(el, 'image');
      expect(images).to.have.length.above(0);
      for (const img of images) {
        expect(img.getAttribute('referrerpolicy')).to.equal('strict-origin');
        expect((img as HTMLImageElement).referrerPolicy, 'a policy the browser knows').to.equal('strict-origin');
      }
    });

    it('renders the posts from the items attribute', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      expect(partText(el, 'heading')).to.equal('Related posts');
      expect(titles(el)).to.deep.equal(['One', 'Two', 'Three']);
      expect(parts(el, 'link').map((a) => a.getAttribute('href'))).to.deep.equal(['/one', '/two', '/three']);
      expect(partText(el, 'meta')).to.equal('Ann · March 4, 2024');
      expect(parts(el, 'item')).to.have.length(3);
      expect(parts(el, 'image')).to.have.length(1);
    });

    it('shows at most `limit` posts', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts limit="2" items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['One', 'Two']);
      el.limit = 1;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['One']);
      el.removeAttribute('limit');
      await el.updateComplete;
      expect(titles(el)).to.have.length(3);
    });

    it('shows a long list as its first 50 posts, and builds no more', async () => {
      const many = Array.from({ length: 30_000 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` }));
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts .data=${many}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(shadow(el).querySelectorAll('li')).to.have.length(50);
      expect(titles(el).at(-1)).to.equal('Post 49');
      // 30,000 rows would be about two million pixels tall.
      expect(el.getBoundingClientRect().height).to.be.below(10_000);
    });

    it('caps a limit above 50 at 50, from the items attribute too', async () => {
      const many = JSON.stringify(Array.from({ length: 80 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` })));
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts limit="1000" items=${many}></clinic-related-posts>`);
      await settled(el);
      expect(parts(el, 'item')).to.have.length(50);
      el.limit = 60;
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(50);
      el.limit = 7;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Post 0', 'Post 1', 'Post 2', 'Post 3', 'Post 4', 'Post 5', 'Post 6']);
    });

    it('caps a fetched document\'s list at 50', async () => {
      const doc = { version: 1, related: Array.from({ length: 500 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` })) };
      fakeFetch({ '/many.json': json(doc) });
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts src="/many.json"></clinic-related-posts>`);
      await settled(el);
      expect(parts(el, 'item')).to.have.length(50);
    });

    it('reads no post past the ones it shows', async () => {
      let read = 0;
      const trap = (i: number) => ({
        get title() {
          read++;
          return `Hidden ${i}`;
        },
        url: `/h/${i}`,
      });
      const list = [
        ...Array.from({ length: 3 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` })),
        ...Array.from({ length: 100 }, (_, i) => trap(i)),
      ];
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts limit="3" .data=${list}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['Post 0', 'Post 1', 'Post 2']);
      expect(read).to.equal(0);
    });

    it('reads an items attribute only as far as its first 1,000 posts', async () => {
      const read = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ title: `Post ${i}`, url: `/p/${i}` }));
      // What follows the 1,000th post is never read, so it is not even checked as JSON.
      const items = `[${read.join(',')}, {"title": "Post 1000", "url": not JSON at all`;
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts pinned="/p/999" items=${items}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(parts(el, 'item')).to.have.length(50);
      expect(titles(el).slice(0, 3)).to.deep.equal(['Post 999', 'Post 0', 'Post 1']);
      expect(titles(el).at(-1)).to.equal('Post 48');
      expect(eventsOf('clinic-error', el)).to.have.length(0);
    });

    it('makes the first date formatter of a language in a task of its own, while the skeleton shows', async () => {
      const posts = [
        { title: 'Un', url: '/un', published: '2024-03-04' },
        { title: 'Deux', url: '/deux', published: '2024-03-05T10:00:00Z' },
      ];
      fakeFetch({ '/related/fr-ca.json': json({ version: 1, related: posts }) });
      const Original = Intl.DateTimeFormat;
      let el: ClinicRelatedPosts | undefined;
      const seen: string[] = [];
      Intl.DateTimeFormat = new Proxy(Original, {
        construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          if (el) seen.push(`${el.status} ${part(el, 'skeleton') ? 'skeleton' : 'no skeleton'} ${part(el, 'list') ? 'list' : 'no list'}`);
          return Reflect.construct(target, args);
        },
      });
      try {
        el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts lang="fr-CA" src="/related/fr-ca.json"></clinic-related-posts>`);
        await settled(el);
        expect(el.status).to.equal('ready');
        expect(parts(el, 'date').map((date) => date.textContent)).to.deep.equal(['4 mars 2024', '5 mars 2024']);
        // One formatter for dates alone (read in UTC), one for dates with a time: each made before
        // the list rendered, with the skeleton on the page.
        expect(seen).to.deep.equal(['loading skeleton no list', 'loading skeleton no list']);
        // The formatters are made once: a second list renders at once.
        const again = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts lang="fr-CA" src="/related/fr-ca.json"></clinic-related-posts>`);
        await settled(again);
        expect(parts(again, 'date')).to.have.length(2);
        expect(seen).to.have.length(2);
      } finally {
        Intl.DateTimeFormat = Original;
      }
    });

    it('shows posts given before its first render in that render, dates and all, with no skeleton', async () => {
      const items = JSON.stringify([{ title: 'Uno', url: '/uno', published: '2024-03-04' }]);
      const el = document.createElement('clinic-related-posts') as ClinicRelatedPosts;
      el.lang = 'it';
      el.setAttribute('items', items);
      const wrapper = await fixture(html`<div></div>`);
      const statuses = await statusesWhile(el, async () => {
        wrapper.append(el);
        await el.updateComplete;
        expect(partText(el, 'date')).to.equal('4 marzo 2024');
      });
      expect(statuses).to.deep.equal([null, 'ready']);
      expect(part(el, 'skeleton')).to.equal(null);
    });

    it('shows a list chosen from more than 200 entries in a task after the one that read them', async () => {
      for (const [count, expected] of [
        [200, ['ready']],
        [201, ['loading', 'ready']],
        [30_000, ['loading', 'ready']],
      ] as const) {
        const posts = Array.from({ length: count }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` }));
        const el = document.createElement('clinic-related-posts') as ClinicRelatedPosts;
        el.data = posts;
        const wrapper = await fixture(html`<div></div>`);
        const statuses = await statusesWhile(el, async () => {
          wrapper.append(el);
          await settled(el);
          await el.updateComplete;
        });
        expect(statuses.slice(1), `${count} posts`).to.deep.equal(expected);
        expect(titles(el), `${count} posts`).to.have.length(50);
      }
    });

    it('shows dates in English when its language is not a language tag', async () => {
      const posts = [{ title: 'One', url: '/one', published: '2024-03-04' }];
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts lang="not a language!" .data=${posts}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(partText(el, 'date')).to.equal('March 4, 2024');
    });

    it('shows the posts before a malformed one that is past the limit', async () => {
      const items = JSON.stringify([{ title: 'One', url: '/one' }, { title: 'Two', url: '/two' }, { title: 7 }, 'junk']);
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts limit="2" items=${items}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(titles(el)).to.deep.equal(['One', 'Two']);
      expect(eventsOf('clinic-error', el)).to.have.length(0);
    });

    it('still names a malformed post among those it shows', async () => {
      const many = Array.from({ length: 30_000 }, (_, i) => ({ title: i === 49 ? 49 : `Post ${i}`, url: `/p/${i}` }));
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts .data=${many}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('related[49].title must be a string');
    });

    it('takes its heading from the heading attribute, and the level from heading-level', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts heading="More from the clinic" heading-level="3" items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      expect(part(el, 'heading')!.localName).to.equal('h3');
      expect(partText(el, 'heading')).to.equal('More from the clinic');
    });

    it('localizes the default heading', async () => {
      const wrapper = await fixture(html`<div lang="es"><clinic-related-posts items=${ITEMS}></clinic-related-posts></div>`);
      const el = await settled(wrapper.querySelector('clinic-related-posts')!);
      expect(partText(el, 'heading')).to.equal('Artículos relacionados');
      expect(partText(el, 'meta')).to.equal('Ann · 4 de marzo de 2024');
    });

    it('follows a change of the page language', async () => {
      const wrapper = await fixture(html`<div lang="en"><clinic-related-posts items=${ITEMS}></clinic-related-posts></div>`);
      const el = await settled(wrapper.querySelector('clinic-related-posts')!);
      expect(partText(el, 'heading')).to.equal('Related posts');
      wrapper.setAttribute('lang', 'es');
      await waitUntil(() => partText(el, 'heading') === 'Artículos relacionados', 'the heading did not follow');
      expect(partText(el, 'meta')).to.equal('Ann · 4 de marzo de 2024');
    });

    it('takes the list from the data property', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts .data=${sampleDocument().related}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['First post', 'Second post', 'Third post']);
    });

    it('lays out posts after the tenth only when they near the viewport', async () => {
      const many = Array.from({ length: 12 }, (_, i) => ({ title: `Post ${i}`, url: `/p/${i}` }));
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts .data=${many}></clinic-related-posts>`);
      await settled(el);
      const visibility = parts(el, 'item').map((item) => getComputedStyle(item).contentVisibility);
      expect(visibility.slice(0, 10)).to.deep.equal(Array(10).fill('visible'));
      expect(visibility.slice(10)).to.deep.equal(['auto', 'auto']);
    });

    it('says when the list is empty', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items="[]"></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(part(el, 'list')).to.equal(null);
      expect(partText(el, 'empty')).to.equal('No related posts yet.');
    });

    it('keeps a post whose URL is not allowed, without its link', async () => {
      const items = JSON.stringify([{ title: 'Bad', url: 'javascript:alert(1)' }, { title: 'Good', url: '/good' }]);
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${items}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['Good']);
      expect(parts(el, 'item').map((item) => item.textContent!.trim())).to.deep.equal(['Bad', 'Good']);
    });
  });

  describe('data states', () => {
    it('loads the seed related posts from an endpoint', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts src=${SEED_URL}></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal([
        'Developing Critical Thinking Skills in the Classroom',
        'Common Mistakes to Avoid When Designing a Restroom',
        'The Role of Technology in Home Care Services',
      ]);
      expect(parts(el, 'meta').map((meta) => meta.textContent!.trim())).to.deep.equal(['admin', 'admin', 'admin']);
    });

    it('lets the items attribute win over the fetched document', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts src=${SEED_URL} items=${ITEMS} limit="2"></clinic-related-posts>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['One', 'Two']);
    });

    it('names the problem in an items attribute that is not JSON', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items="not json"></clinic-related-posts>`);
      await settled(el);
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('the items attribute is not a valid JSON array');
      expect(el.getAttribute('status')).to.equal('error');
    });

    it('names the item at fault', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${JSON.stringify([{ title: 'A', url: '/a' }, { title: 7, url: '/b' }])}></clinic-related-posts>`);
      await settled(el);
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('items[1].title must be a string');
    });

    badInputSuite(
      'clinic-related-posts',
      (doc) => ((doc.related[0] as Record<string, unknown>)['title'] = { text: 'First post' }),
      (doc) => delete (doc.related[1] as Record<string, unknown>)['url'],
      { wrongType: /^related\[0\]\.title must be a string$/, missing: /^related\[1\]\.url is required$/ },
    );
  });

  describe('events', () => {
    it('fires clinic-click with the position of the post followed', async () => {
      const items = JSON.stringify([{ title: 'A', url: '#a' }, { title: 'B', url: '#b' }, { title: 'C', url: '#c' }]);
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${items}></clinic-related-posts>`);
      await settled(el);
      parts(el, 'link')[2]!.click();
      expect(eventsOf('clinic-click', el)[0]!.detail).to.deep.equal({
        href: new URL('#c', location.href).href,
        widget: 'clinic-related-posts',
        position: 2,
      });
    });
  });

  describe('click positions', () => {
    const FIVE = Array.from({ length: 5 }, (_, i) => ({ title: `Post ${i}`, url: `#post-${i}` }));

    it('gives each post its own position, in the order shown', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts .data=${FIVE}></clinic-related-posts>`);
      await settled(el);
      for (const index of [3, 0, 4, 1, 2]) parts(el, 'link')[index]!.click();
      const clicks = eventsOf('clinic-click', el).map((event) => [event.detail.position, new URL(event.detail.href).hash]);
      expect(clicks).to.deep.equal([[3, '#post-3'], [0, '#post-0'], [4, '#post-4'], [1, '#post-1'], [2, '#post-2']]);
    });

    it('reports the post a reader clicks anywhere on, with the pointer, in each layout', async () => {
      for (const layout of ['list', 'grid', 'compact']) {
        const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts layout=${layout} .data=${FIVE}></clinic-related-posts>`);
        await settled(el);
        const item = parts(el, 'item')[1]!;
        item.scrollIntoView({ block: 'center' });
        // The end of the second post's box, away from its title's text: the title's link covers the post.
        const box = item.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.floor(box.right - 4), Math.floor(box.top + box.height / 2)] });
        const [click] = eventsOf('clinic-click', el);
        expect(click?.detail.position, layout).to.equal(1);
        expect(new URL(click!.detail.href).hash, layout).to.equal('#post-1');
        events.length = 0;
      }
      await sendMouse({ type: 'move', position: [0, 0] });
    });
  });

  describe('parts & theming', () => {
    it('exposes the parts API.md lists', async () => {
      const el = await fixture<ClinicRelatedPosts>(html`<clinic-related-posts items=${ITEMS}></clinic-related-posts>`);
      await settled(el);
      for (const name of ['heading', 'list', 'item', 'link', 'meta']) expect(part(el, name), name).to.not.equal(null);
    });

    it('can be restyled through ::part()', async () => {
      pageStyles('.themed clinic-related-posts::part(item) { padding-top: 13px; }');
      const wrapper = await fixture(html`<div class="themed"><clinic-related-posts items=${ITEMS}></clinic-related-posts></div>`);
      const el = await settled(wrapper.querySelector('clinic-related-posts')!);
      expect(getComputedStyle(part(el, 'item')!).paddingTop).to.equal('13px');
    });
  });
});
