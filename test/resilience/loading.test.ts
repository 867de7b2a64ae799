import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureClient, loadDocument, resetClient } from '../../src/data/client.js';
import { DEFAULT_STORE_LIMITS, STORE_PREFIX, writeCopy } from '../../src/data/store.js';
import type { ClinicElement } from '../../src/internal/clinic-element.js';
import { sampleDocument } from '../fixtures.js';
import { eventsOf, part, partText, settled, statusesWhile } from '../helpers.js';
import { absolute, delay, endpoint, frames, held, hugeBody, json, text, watchPage } from './endpoint.js';

type Widget = ClinicElement<unknown>;
const DAY = 24 * 60 * 60 * 1000;
const DOC_URL = '/resilience/doc.json';

/** Loads DOC_URL once in an element (which is then removed), then "reloads": memory is gone, the browser store stays. */
async function loadThenReload(doc = sampleDocument()): Promise<void> {
  endpoint({ [DOC_URL]: json(doc) });
  const first = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
  await settled(first);
  expect(first.status).to.equal('ready');
  first.remove();
  resetClient({ keepStore: true });
  configureClient({ retryDelay: 1 });
}

const stored = () => localStorage.getItem(STORE_PREFIX + absolute(DOC_URL));

describe('resilient loading', () => {
  let watch: ReturnType<typeof watchPage>;

  beforeEach(() => {
    configureClient({ retryDelay: 1 });
    watch = watchPage();
  });

  afterEach(() => {
    window.scrollTo(0, 0);
    expect(watch.stop(), 'nothing reaches the host page (window.onerror, rejections, console)').to.deep.equal([]);
  });

  describe('timeout', () => {
    it('shows the skeleton, then gives up on a hanging endpoint and shows the error state', async () => {
      configureClient({ timeout: 100 });
      const server = endpoint({ [DOC_URL]: 'hang' });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(el.status).to.equal('loading');
      expect(part(el, 'skeleton')).to.not.equal(null);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(part(el, 'skeleton')).to.equal(null);
      expect(part(el, 'error')!.hidden).to.equal(false);
      expect(partText(el, 'error')).to.not.equal('');
      const errors = eventsOf('clinic-error', el);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.message).to.equal('the content server did not answer within 0.1 s');
      expect(server.requests, 'a timeout is not tried again').to.have.length(1);
      expect(server.signals[0]!.aborted, 'the request was aborted').to.equal(true);
    });
  });

  describe('retries', () => {
    it('shows the document when a 503 is followed by a 200', async () => {
      const server = endpoint({ [DOC_URL]: [json({ error: 'busy' }, 503), json(sampleDocument())] });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(partText(el, 'title')).to.equal('Sample article');
      expect(server.requests).to.have.length(2);
      expect(eventsOf('clinic-error')).to.have.length(0);
      expect(eventsOf('clinic-load', el)).to.have.length(1);
    });

    it('gives up after three tries of a 500, leaves its neighbour working, and a later element tries again', async () => {
      const server = endpoint({
        '/resilience/down.json': [json({}, 500), json({}, 500), json({}, 500), json(sampleDocument())],
        [DOC_URL]: json(sampleDocument()),
      });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <clinic-article-card src="/resilience/down.json"></clinic-article-card>
        <clinic-publisher src=${DOC_URL}></clinic-publisher>
      </div>`);
      const [failing, neighbour] = [...wrapper.children] as Widget[];
      await settled(failing!);
      await settled(neighbour!);
      expect(failing!.status).to.equal('error');
      expect(eventsOf('clinic-error', failing)[0]!.detail).to.include({ message: 'the content server answered 500', status: 500 });
      expect(server.count('/resilience/down.json')).to.equal(3);
      expect(neighbour!.status).to.equal('ready');
      expect(partText(neighbour!, 'name')).to.equal('Sample Clinic');

      const later = document.createElement('clinic-article-card');
      later.src = '/resilience/down.json';
      wrapper.append(later);
      await settled(later);
      expect(later.status, 'the failed request was not kept').to.equal('ready');
      expect(server.count('/resilience/down.json')).to.equal(4);
    });

    describe('Retry-After', () => {
      const busy = (retryAfter: string) =>
        new Response('{}', { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': retryAfter } });

      /** Answers in order, noting when each request came. */
      function timed(answers: Response[]) {
        const at: number[] = [];
        const server = endpoint({
          [DOC_URL]: answers.map((answer) => () => {
            at.push(performance.now());
            return answer.clone();
          }),
        });
        return { server, at };
      }

      it('waits as long as a 503 asks (in seconds) before trying again', async () => {
        // A base delay far longer than the test: only the server's one second can be waited.
        configureClient({ retryDelay: 60_000 });
        const { server, at } = timed([busy('1'), json(sampleDocument())]);
        const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
        await settled(el);
        expect(el.status).to.equal('ready');
        expect(server.requests).to.have.length(2);
        expect(at[1]! - at[0]!).to.be.within(950, 5000);
      });

      it('takes an HTTP date too; one in the past means now', async () => {
        configureClient({ retryDelay: 60_000 });
        const { server } = timed([busy(new Date(Date.now() - 60_000).toUTCString()), json(sampleDocument())]);
        const el = await fixture<Widget>(html`<clinic-publisher src=${DOC_URL}></clinic-publisher>`);
        await settled(el);
        expect(el.status).to.equal('ready');
        expect(server.requests).to.have.length(2);
      });

      it('does not ask again in this load when the pause is longer than the timeout', async () => {
        const { server } = timed([busy('3600'), json(sampleDocument())]);
        const started = performance.now();
        const el = await fixture<Widget>(html`<clinic-related-posts src=${DOC_URL}></clinic-related-posts>`);
        await settled(el);
        expect(el.status).to.equal('error');
        expect(eventsOf('clinic-error', el)[0]!.detail).to.include({ status: 503 });
        expect(server.requests).to.have.length(1);
        expect(performance.now() - started).to.be.below(2000);
      });
    });

    it('an element in its error state shows the document once a later element loads it', async () => {
      configureClient({ retries: 0 });
      endpoint({ [DOC_URL]: [json({}, 503), json(sampleDocument())] });
      const wrapper = await fixture<HTMLElement>(html`<div><clinic-publisher src=${DOC_URL}></clinic-publisher></div>`);
      const failed = wrapper.firstElementChild as Widget;
      await settled(failed);
      expect(failed.status).to.equal('error');
      const later = document.createElement('clinic-article-card');
      later.src = DOC_URL;
      wrapper.append(later);
      await settled(later);
      expect(later.status).to.equal('ready');
      await waitUntil(() => failed.status === 'ready', 'the failed element did not recover');
      expect(partText(failed, 'name')).to.equal('Sample Clinic');
      expect(eventsOf('clinic-load', failed)).to.have.length(1);
    });

    it('does not try a 404 again', async () => {
      const server = endpoint({ [DOC_URL]: json({}, 404) });
      const el = await fixture<Widget>(html`<clinic-related-posts src=${DOC_URL}></clinic-related-posts>`);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(server.requests).to.have.length(1);
    });
  });

  describe('stale-while-revalidate', () => {
    it('on a long-lived page, an element added after `refreshAfter` shows the document at once, asks again, and a new version reaches every element', async () => {
      const changed = sampleDocument();
      changed.article.title = 'Sample article, revised';
      changed.publisher.name = 'Sample Clinic, renamed';
      const server = endpoint({ [DOC_URL]: [json(sampleDocument()), json(changed)] });
      const wrapper = await fixture<HTMLElement>(html`<div><clinic-publisher src=${DOC_URL}></clinic-publisher></div>`);
      const first = wrapper.firstElementChild as Widget;
      await settled(first);

      // Within refreshAfter (5 minutes by default): reused, no request.
      const second = document.createElement('clinic-article-card');
      second.src = DOC_URL;
      wrapper.append(second);
      await settled(second);
      expect(server.requests).to.have.length(1);

      configureClient({ refreshAfter: 0 });
      await delay(5);
      const third = document.createElement('clinic-article-card');
      third.src = DOC_URL;
      wrapper.append(third);
      await third.updateComplete;
      expect(third.status, 'the copy in memory shows at once').to.equal('ready');
      expect(partText(third, 'title')).to.equal('Sample article');
      await waitUntil(() => partText(third, 'title') === 'Sample article, revised', 'no revised title');
      await waitUntil(() => partText(second, 'title') === 'Sample article, revised', 'the earlier card was not updated');
      await waitUntil(() => partText(first, 'name') === 'Sample Clinic, renamed', 'the publisher was not updated');
      expect(server.requests).to.have.length(2);
      expect(eventsOf('clinic-load', first)).to.have.length(2);
    });

    it('after a reload, shows the stored copy at once and, when the endpoint fails, keeps it with stale: true', async () => {
      await loadThenReload();
      const server = endpoint({ [DOC_URL]: json({ error: 'down' }, 503) });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(el.status, 'the stored copy renders with the first update').to.equal('ready');
      expect(part(el, 'skeleton')).to.equal(null);
      expect(partText(el, 'title')).to.equal('Sample article');

      await waitUntil(() => eventsOf('clinic-load', el).length === 2, 'no second clinic-load');
      expect(eventsOf('clinic-load', el).map((event) => event.detail)).to.deep.equal([
        { source: 'endpoint', src: absolute(DOC_URL), stale: false },
        { source: 'endpoint', src: absolute(DOC_URL), stale: true },
      ]);
      expect(server.requests).to.have.length(3);
      expect(el.status).to.equal('ready');
      expect(partText(el, 'title')).to.equal('Sample article');
      expect(eventsOf('clinic-error')).to.have.length(0);
    });

    it('after a reload, shows a related list from the stored copy at once, its dates in a language not formatted yet', async () => {
      await loadThenReload();
      endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = document.createElement('clinic-related-posts') as Widget;
      el.lang = 'pl';
      el.src = DOC_URL;
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      // No skeleton before the list.
      const statuses = await statusesWhile(el, async () => {
        wrapper.append(el);
        await settled(el);
      });
      expect(statuses).to.deep.equal([null, 'ready']);
      expect(partText(el, 'date')).to.equal(new Intl.DateTimeFormat('pl', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 2)));
    });

    it('keeps the stored copy on screen while the endpoint hangs, and marks it stale after the timeout', async () => {
      await loadThenReload();
      configureClient({ timeout: 100 });
      endpoint({ [DOC_URL]: 'hang' });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <clinic-article-card src=${DOC_URL}></clinic-article-card>
        <clinic-publisher src=${DOC_URL}></clinic-publisher>
        <clinic-related-posts src=${DOC_URL}></clinic-related-posts>
      </div>`);
      const widgets = [...wrapper.children] as Widget[];
      expect(widgets.map((el) => el.status)).to.deep.equal(['ready', 'ready', 'ready']);
      await waitUntil(() => eventsOf('clinic-load').filter((event) => event.detail.stale).length === 3);
      expect(widgets.map((el) => el.status)).to.deep.equal(['ready', 'ready', 'ready']);
      expect(partText(widgets[1]!, 'name')).to.equal('Sample Clinic');
      expect(eventsOf('clinic-error')).to.have.length(0);
    });

    it('does not render again when the revalidated document is unchanged', async () => {
      await loadThenReload();
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(el.status).to.equal('ready');
      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      await loadDocument(DOC_URL);
      await el.updateComplete;
      await frames();
      observer.disconnect();
      expect(server.requests, 'it was revalidated').to.have.length(1);
      expect(changes, 'the shadow DOM did not change').to.have.length(0);
      expect(eventsOf('clinic-load', el)).to.have.length(1);
    });

    it('renders the new document when the revalidated one changed', async () => {
      await loadThenReload();
      const changed = sampleDocument();
      changed.article.title = 'Updated article';
      endpoint({ [DOC_URL]: json(changed) });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(partText(el, 'title')).to.equal('Sample article');
      await waitUntil(() => partText(el, 'title') === 'Updated article', 'the new title was not rendered');
      expect(eventsOf('clinic-load', el).map((event) => event.detail.stale)).to.deep.equal([false, false]);
      resetClient({ keepStore: true });
      endpoint({ [DOC_URL]: 'hang' });
      const next = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(partText(next, 'title'), 'the store holds the new document').to.equal('Updated article');
    });

    it('shows a copy up to seven days old, and not an older one', async () => {
      configureClient({ timeout: 100 });
      endpoint({ [DOC_URL]: 'hang' });
      const text = JSON.stringify(sampleDocument());
      writeCopy(absolute(DOC_URL), text, DEFAULT_STORE_LIMITS, Date.now() - 6 * DAY);
      const recent = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(recent.status).to.equal('ready');
      recent.remove();

      resetClient({ keepStore: true });
      configureClient({ timeout: 100 });
      endpoint({ [DOC_URL]: 'hang' });
      writeCopy(absolute(DOC_URL), text, DEFAULT_STORE_LIMITS, Date.now() - 8 * DAY);
      const old = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(old.status).to.equal('loading');
      expect(part(old, 'skeleton')).to.not.equal(null);
      expect(stored(), 'the expired copy was removed').to.equal(null);
      await settled(old);
      expect(old.status).to.equal('error');
    });

    it('drops the stored copy when the endpoint says the document is gone (404)', async () => {
      await loadThenReload();
      endpoint({ [DOC_URL]: json({}, 404) });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      expect(el.status).to.equal('ready');
      await waitUntil(() => el.status === 'error', 'the element did not show its error state');
      expect(eventsOf('clinic-error', el)[0]!.detail.status).to.equal(404);
      expect(stored()).to.equal(null);
    });
  });

  describe('five widgets on one src', () => {
    const five = () => html`<div>
      <clinic-article-card src=${DOC_URL}></clinic-article-card>
      <clinic-publisher src=${DOC_URL}></clinic-publisher>
      <clinic-related-posts src=${DOC_URL}></clinic-related-posts>
      <clinic-article-card src=${DOC_URL} variant="full"></clinic-article-card>
      <clinic-publisher src=${DOC_URL}></clinic-publisher>
    </div>`;

    it('make one request without a stored copy', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const wrapper = await fixture<HTMLElement>(five());
      for (const el of wrapper.children) await settled(el);
      expect([...wrapper.children].map((el) => (el as Widget).status)).to.deep.equal(Array(5).fill('ready'));
      expect(server.requests).to.have.length(1);
    });

    it('make one request with a stored copy, and show it at once', async () => {
      await loadThenReload();
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const wrapper = await fixture<HTMLElement>(five());
      const statuses = [...wrapper.children].map((el) => (el as Widget).status);
      expect(statuses.filter((status) => status === 'loading'), 'no skeleton but the Markdown body').to.have.length.at.most(1);
      for (const el of wrapper.children) await settled(el);
      await loadDocument(DOC_URL);
      expect(server.requests).to.have.length(1);
    });
  });

  describe('storage failures', () => {
    it('fall back to memory silently when storage is disabled', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
      });
      try {
        const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
        const wrapper = await fixture<HTMLElement>(html`<div>
          <clinic-article-card src=${DOC_URL}></clinic-article-card>
          <clinic-publisher src=${DOC_URL}></clinic-publisher>
        </div>`);
        for (const el of wrapper.children) await settled(el);
        const later = document.createElement('clinic-related-posts');
        later.src = DOC_URL;
        wrapper.append(later);
        await later.updateComplete;
        expect(later.status, 'the copy in memory renders at once').to.equal('ready');
        expect([...wrapper.children].map((el) => (el as Widget).status)).to.deep.equal(['ready', 'ready', 'ready']);
        expect(server.requests).to.have.length(1);
      } finally {
        Object.defineProperty(window, 'localStorage', descriptor);
      }
    });

    it('fall back to memory silently when the quota is full', async () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        endpoint({ [DOC_URL]: json(sampleDocument()) });
        const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
        await settled(el);
        expect(el.status).to.equal('ready');
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(stored()).to.equal(null);
    });
  });

  describe('bad answers', () => {
    it('refuses a 24 MB answer at the size limit, with a clear message', async () => {
      const body = hugeBody(24_000_000);
      endpoint({ [DOC_URL]: body.response, '/resilience/ok.json': json(sampleDocument()) });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <clinic-article-card src=${DOC_URL}></clinic-article-card>
        <clinic-publisher src="/resilience/ok.json"></clinic-publisher>
      </div>`);
      const [el, neighbour] = [...wrapper.children] as Widget[];
      await settled(el!);
      await settled(neighbour!);
      expect(el!.status).to.equal('error');
      expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('the response is larger than the 1 MB limit');
      expect(body.stats.pulled, 'the rest of the answer was never read').to.be.below(1_200_000);
      expect(body.stats.cancelled).to.equal(true);
      expect(neighbour!.status).to.equal('ready');
    });

    for (const [name, answer, message] of [
      ['an HTML page', () => text('<!doctype html><title>Bad gateway</title>'), /^the response is not valid JSON/],
      ['a JSON array', () => json([1, 2]), /^the document must be an object$/],
      ['a section of the wrong type', () => json({ version: 1, article: 'text' }), /^article must be an object$/],
      ['an unknown version', () => json({ version: 2 }), /^version 2 is not supported/],
    ] as const) {
      it(`shows the error state for ${name}, naming the problem`, async () => {
        const server = endpoint({ [DOC_URL]: answer });
        const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
        await settled(el);
        expect(el.status).to.equal('error');
        expect(eventsOf('clinic-error', el)[0]!.detail.message).to.match(message);
        expect(server.requests, 'not tried again').to.have.length(1);
      });
    }

    it('shows the stored copy, stale, when the endpoint answers garbage after a good load', async () => {
      await loadThenReload();
      endpoint({ [DOC_URL]: text('<!doctype html><title>Maintenance</title>') });
      const el = await fixture<Widget>(html`<clinic-article-card src=${DOC_URL}></clinic-article-card>`);
      await waitUntil(() => eventsOf('clinic-load', el).length === 2);
      expect(eventsOf('clinic-load', el)[1]!.detail.stale).to.equal(true);
      expect(partText(el, 'title')).to.equal('Sample article');
    });
  });

  describe('loading="lazy"', () => {
    /** A lazy publisher `offset` pixels below the bottom of the viewport. */
    async function below(offset: number) {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const spacer = document.createElement('div');
      spacer.style.height = `${window.innerHeight + offset}px`;
      const el = document.createElement('clinic-publisher') as Widget;
      el.setAttribute('loading', 'lazy');
      el.setAttribute('src', DOC_URL);
      wrapper.append(spacer, el);
      await el.updateComplete;
      return el;
    }

    it('makes no request until the element nears the viewport', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await below(2000);
      await frames();
      await delay(50);
      expect(server.requests).to.have.length(0);
      expect(el.status).to.equal('loading');
      el.scrollIntoView();
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(server.requests).to.have.length(1);
    });

    it('shows, without a request of its own, a document another element on the page loads', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await below(2000);
      await frames();
      expect(el.status).to.equal('loading');
      const eager = document.createElement('clinic-article-card');
      eager.src = DOC_URL;
      el.parentElement!.prepend(eager);
      await settled(eager);
      await waitUntil(() => el.status === 'ready', 'the lazy element did not show the document');
      expect(partText(el, 'name')).to.equal('Sample Clinic');
      expect(server.requests).to.have.length(1);
    });

    it('starts within 300 px of the viewport', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await below(150);
      await settled(el);
      expect(server.requests).to.have.length(1);
    });

    it('loads an element added later by a script', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      await delay(20);
      const el = document.createElement('clinic-related-posts');
      el.loading = 'lazy';
      el.src = DOC_URL;
      wrapper.append(el);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(server.requests).to.have.length(1);
    });

    it('loads an element moved into view', async () => {
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await below(2000);
      await frames();
      expect(server.requests).to.have.length(0);
      el.parentElement!.prepend(el);
      await settled(el);
      expect(el.status).to.equal('ready');
      expect(server.requests).to.have.length(1);
    });

    it('finishes loading when moved while its request runs', async () => {
      const answer = held(() => json(sampleDocument()));
      const server = endpoint({ [DOC_URL]: answer.answer });
      const wrapper = await fixture<HTMLElement>(html`<div><section></section><clinic-publisher src=${DOC_URL}></clinic-publisher></div>`);
      const el = wrapper.lastElementChild as Widget;
      expect(el.status).to.equal('loading');
      // The request starts in a task after the first render; the answer is held until after the move.
      await waitUntil(() => server.requests.length === 1, 'the request did not start');
      wrapper.firstElementChild!.append(el);
      answer.release();
      await settled(el);
      expect(el.status).to.equal('ready');
    });

    it('shows a stored copy at once, and revalidates only near the viewport', async () => {
      await loadThenReload();
      const server = endpoint({ [DOC_URL]: json(sampleDocument()) });
      const el = await below(2000);
      expect(el.status).to.equal('ready');
      expect(partText(el, 'name')).to.equal('Sample Clinic');
      await frames();
      expect(server.requests).to.have.length(0);
      el.scrollIntoView();
      await waitUntil(() => server.requests.length === 1, 'no revalidation near the viewport');
    });
  });
});
