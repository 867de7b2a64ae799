import { expect } from '@open-wc/testing';
import { absolute, delay, endpoint, hugeBody, json, text } from '../../test/resilience/endpoint.js';
import { configureClient, DEFAULT_CLIENT_OPTIONS, loadDocument, resetClient, setFetch, storedDocument, watchDocument } from './client.js';
import { DataError } from './errors.js';
import { clearCopies, STORE_PREFIX, writeCopy, DEFAULT_STORE_LIMITS } from './store.js';

const DOC = { version: 1, article: { title: 'One' } };
const OTHER = { version: 1, article: { title: 'Two' } };

/** The rejection of `promise`, as a DataError. */
async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected the promise to reject');
}

describe('client', () => {
  beforeEach(() => resetClient());
  afterEach(() => resetClient());

  it('has the documented defaults', () => {
    expect(DEFAULT_CLIENT_OPTIONS).to.deep.equal({
      timeout: 10_000,
      retries: 2,
      retryDelay: 400,
      maxBytes: 1_000_000,
      maxAge: 7 * 24 * 60 * 60 * 1000,
      refreshAfter: 5 * 60 * 1000,
      persist: true,
      memoryDocuments: 20,
      memoryChars: 2_000_000,
    });
  });

  describe('request sharing', () => {
    it('makes one request for five callers of one URL, relative or absolute', async () => {
      const server = endpoint({ '/doc.json': json(DOC) });
      const docs = await Promise.all([
        loadDocument('/doc.json'),
        loadDocument(`${location.origin}/doc.json`),
        loadDocument(absolute('/doc.json')),
        loadDocument(`${absolute('/doc.json')}#top`),
        loadDocument('/doc.json'),
      ]);
      expect(server.requests).to.have.length(1);
      expect(new Set(docs).size).to.equal(1);
    });

    it('does not cancel the shared request when one caller stops waiting', async () => {
      let answer!: (response: Response) => void;
      const waiting = new Promise<Response>((resolve) => (answer = resolve));
      const signals: AbortSignal[] = [];
      setFetch((_url, init) => {
        signals.push(init.signal!);
        return waiting;
      });
      const leaving = new AbortController();
      const first = loadDocument('/doc.json', { signal: leaving.signal });
      const second = loadDocument('/doc.json');
      leaving.abort(new DOMException('left', 'AbortError'));
      await first.then(
        () => expect.fail('the caller that left should stop waiting'),
        (error: unknown) => expect((error as DOMException).name).to.equal('AbortError'),
      );
      answer(json(DOC));
      expect(await second).to.deep.equal(DOC);
      expect(signals).to.have.length(1);
      expect(signals[0]!.aborted).to.equal(false);
    });

    it('forgets a failed request, so a later call tries again', async () => {
      configureClient({ retries: 0 });
      const server = endpoint({ '/doc.json': [json({}, 500), json(DOC)] });
      await failure(loadDocument('/doc.json'));
      expect(await loadDocument('/doc.json')).to.deep.equal(DOC);
      expect(server.requests).to.have.length(2);
    });
  });

  describe('timeout', () => {
    it('aborts a request that does not answer in time, and does not try it again', async () => {
      configureClient({ timeout: 50, retryDelay: 1 });
      const server = endpoint({ '/hang.json': 'hang' });
      const error = await failure(loadDocument('/hang.json'));
      expect(error.message).to.equal('the content server did not answer within 0.1 s');
      expect(server.requests).to.have.length(1);
      expect(server.signals[0]!.aborted).to.equal(true);
    });

    it('gives up on time when fetch ignores the abort signal and never answers', async () => {
      configureClient({ timeout: 50 });
      let calls = 0;
      // Page code that wraps fetch and drops the signal: nothing ends this promise.
      setFetch(() => {
        calls++;
        return new Promise<Response>(() => {});
      });
      const error = await failure(loadDocument('/wrapped.json'));
      expect(error.message).to.equal('the content server did not answer within 0.1 s');
      expect(calls, 'a timeout is not tried again').to.equal(1);
      // The URL is free again: a later call makes a new request.
      await failure(loadDocument('/wrapped.json'));
      expect(calls).to.equal(2);
    });

    it('gives up on time when the body never ends and cancelling it does not help', async () => {
      configureClient({ timeout: 50, retries: 0 });
      const never = () => new Promise<never>(() => {});
      const stuck = {
        ok: true,
        status: 200,
        url: '',
        headers: new Headers(),
        body: { getReader: () => ({ read: never, cancel: never }), cancel: never },
        text: never,
      } as unknown as Response;
      setFetch(() => Promise.resolve(stuck));
      expect((await failure(loadDocument('/stuck.json'))).message).to.match(/did not answer within/);
      setFetch(() => Promise.resolve({ ...stuck, body: null } as unknown as Response));
      expect((await failure(loadDocument('/stuck-text.json'))).message).to.match(/did not answer within/);
    });

    it('counts the time spent reading the body', async () => {
      configureClient({ timeout: 50, retries: 0 });
      // Headers arrive at once; the body never ends.
      endpoint({ '/slow.json': () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) })) });
      const error = await failure(loadDocument('/slow.json'));
      expect(error.message).to.match(/did not answer within/);
    });
  });

  it('reads an answer that comes in many chunks, characters split between two of them', async () => {
    const doc = { ...DOC, article: { ...DOC.article, title: 'Ketamine – ✓ résumé 🧠 "quoted"' } };
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    // One byte a chunk: every character of two or more bytes is split.
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at < bytes.length) controller.enqueue(bytes.slice(at, ++at));
        else controller.close();
      },
    });
    endpoint({ '/chunks.json': () => new Response(body) });
    expect((await loadDocument('/chunks.json')).article).to.deep.equal(doc.article);
  });

  describe('retries', () => {
    beforeEach(() => configureClient({ retryDelay: 1 }));

    for (const [name, first] of [
      ['a 503 answer', () => json({}, 503)],
      ['a network error', () => new TypeError('Failed to fetch')],
      ['a body cut off', () => new Response(new ReadableStream({ pull: (c) => c.error(new TypeError('reset')) }))],
    ] as const) {
      it(`tries ${name} again`, async () => {
        const server = endpoint({ '/doc.json': [first, json(DOC)] });
        expect(await loadDocument('/doc.json')).to.deep.equal(DOC);
        expect(server.requests).to.have.length(2);
      });
    }

    it('gives up after `retries` further tries of a 5xx answer', async () => {
      const server = endpoint({ '/doc.json': json({}, 500) });
      const error = await failure(loadDocument('/doc.json'));
      expect(error.message).to.equal('the content server answered 500');
      expect(error.status).to.equal(500);
      expect(server.requests).to.have.length(3);
    });

    it('takes the number of tries from configureClient()', async () => {
      configureClient({ retries: 4 });
      const server = endpoint({ '/doc.json': json({}, 502) });
      await failure(loadDocument('/doc.json'));
      expect(server.requests).to.have.length(5);
    });

    for (const [name, answer, message] of [
      ['a 404 answer', () => json({}, 404), /answered 404/],
      ['a 429 answer', () => json({}, 429), /answered 429/],
      ['an answer that is not JSON', () => text('<!doctype html><p>Oops'), /not valid JSON/],
      ['JSON of the wrong shape', () => json({ version: 1, related: 'none' }), /related must be an array/],
    ] as const) {
      it(`does not try ${name} again, and names the problem`, async () => {
        const server = endpoint({ '/doc.json': answer });
        const error = await failure(loadDocument('/doc.json'));
        expect(error.message).to.match(message);
        expect(server.requests).to.have.length(1);
      });
    }

    it('waits an exponentially growing, jittered time between tries', async () => {
      configureClient({ retryDelay: 40, retries: 3 });
      endpoint({ '/doc.json': json({}, 503) });
      const waits: number[] = [];
      const realTimeout = window.setTimeout;
      const realRandom = Math.random;
      Math.random = () => 0.5;
      window.setTimeout = ((fn: () => void, ms?: number) => {
        if (ms !== DEFAULT_CLIENT_OPTIONS.timeout) waits.push(ms ?? 0);
        return realTimeout(fn, 0);
      }) as typeof window.setTimeout;
      try {
        await failure(loadDocument('/doc.json'));
      } finally {
        window.setTimeout = realTimeout;
        Math.random = realRandom;
      }
      expect(waits).to.deep.equal([20, 40, 80]);
    });
  });

  describe('size limit', () => {
    it('refuses an answer whose Content-Length is over the limit without reading it', async () => {
      const body = hugeBody(24_000_000);
      endpoint({
        '/big.json': () => {
          const response = body.response();
          return new Response(response.body, { headers: { 'Content-Length': '24000000' } });
        },
      });
      const error = await failure(loadDocument('/big.json'));
      expect(error.message).to.equal('the response is larger than the 1 MB limit');
      expect(body.stats.pulled).to.be.at.most(64 * 1024);
    });

    it('stops reading a 24 MB answer without Content-Length at the limit', async () => {
      const body = hugeBody(24_000_000);
      const server = endpoint({ '/big.json': body.response });
      const error = await failure(loadDocument('/big.json'));
      expect(error.message).to.equal('the response is larger than the 1 MB limit');
      expect(body.stats.pulled).to.be.at.most(1_000_000 + 2 * 64 * 1024);
      expect(body.stats.cancelled).to.equal(true);
      expect(server.requests, 'an oversized answer is not tried again').to.have.length(1);
    });

    it('takes the limit from configureClient() and names it', async () => {
      configureClient({ maxBytes: 20_000 });
      const padded = { ...DOC, padding: 'x'.repeat(20_100) };
      endpoint({ '/fits.json': json({ ...DOC, padding: 'x'.repeat(19_000) }), '/over.json': json(padded) });
      expect((await loadDocument('/fits.json')).article).to.deep.equal(DOC.article);
      expect((await failure(loadDocument('/over.json'))).message).to.equal('the response is larger than the 20 kB limit');
    });
  });

  describe('long answers', () => {
    it('parses an answer over 50,000 characters in slices, to what JSON.parse gives, every array kept to 1,000 entries', async () => {
      // 1 MB of tiny values: the shape that JSON.parse takes longest over.
      const many = {
        version: 1,
        article: { title: 'One', tags: Array.from({ length: 1500 }, (_, i) => `t${i}`) },
        extra: Array.from({ length: 320_000 }, (_, i) => (i % 2 ? {} : [])),
      };
      const text = JSON.stringify(many);
      expect(text.length).to.be.within(900_000, 1_000_000);
      endpoint({ '/many.json': new Response(text) });
      const doc = await loadDocument('/many.json');
      const parsed = JSON.parse(text);
      expect(doc).to.deep.equal({
        ...parsed,
        article: { ...parsed.article, tags: parsed.article.tags.slice(0, 1000) },
        extra: parsed.extra.slice(0, 1000),
      });
    });

    it('names where a long answer stops being JSON', async () => {
      const text = `{"version": 1, "related": [${Array(20_000).fill('{"title": "t", "url": "/u"}').join(',')}, x]}`;
      endpoint({ '/bad.json': new Response(text) });
      const error = await failure(loadDocument('/bad.json'));
      expect(error.message).to.equal(`the response is not valid JSON (Unexpected "x" at position ${text.indexOf('x]')})`);
    });

    it('parses a short answer with one JSON.parse', async () => {
      endpoint({ '/bad.json': new Response('{"version": 1, x}') });
      expect((await failure(loadDocument('/bad.json'))).message).to.not.match(/Unexpected "x" at position/);
    });
  });

  describe('stored copies', () => {
    it('keeps the last good document in memory and in the browser store', async () => {
      endpoint({ '/doc.json': json(DOC) });
      expect(storedDocument('/doc.json')).to.equal(undefined);
      const doc = await loadDocument('/doc.json');
      expect(storedDocument('/doc.json')).to.equal(doc);
      const value = localStorage.getItem(STORE_PREFIX + absolute('/doc.json'))!;
      expect(value.slice(value.indexOf('\n') + 1)).to.equal(JSON.stringify(DOC));
    });

    it('stores the document a source longer than the store takes becomes, when that document fits', async () => {
      // A JSON Feed of 300 posts, each with 2,000 characters of a field the document does not
      // keep (WordPress answers carry such fields too): 600,000 characters, a document of 40,000.
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Clinic',
        items: Array.from({ length: 300 }, (_, i) => ({ id: `${i}`, url: `/p/${i}`, title: `Post ${i} – ✓`, _seo: 'x'.repeat(2000) })),
      };
      expect(JSON.stringify(feed).length).to.be.above(DEFAULT_STORE_LIMITS.maxChars);
      endpoint({ '/feed.json': json(feed) });
      const doc = await loadDocument('/feed.json');
      expect(doc.related).to.have.length(300);
      const value = localStorage.getItem(STORE_PREFIX + absolute('/feed.json'));
      expect(value, 'stored').to.be.a('string');
      // The text is the document's own JSON, made in slices: the same as JSON.stringify makes.
      expect(value!.slice(value!.indexOf('\n') + 1)).to.equal(JSON.stringify(doc));
      resetClient({ keepStore: true });
      expect(storedDocument('/feed.json')).to.deep.equal(JSON.parse(JSON.stringify(doc)));
    });

    it('keeps a document of many values in memory only, and still hands it out', async () => {
      const many = { version: 1, article: { title: 'One' }, extra: Array(21_000).fill(0) };
      endpoint({ '/doc.json': json(many) });
      const doc = await loadDocument('/doc.json');
      expect(doc).to.deep.equal(many);
      expect(storedDocument('/doc.json')).to.equal(doc);
      expect(localStorage.getItem(STORE_PREFIX + absolute('/doc.json'))).to.equal(null);
      resetClient({ keepStore: true });
      expect(storedDocument('/doc.json')).to.equal(undefined);
    });

    it('finds the stored copy again after a reload, and hands it back when the document is unchanged', async () => {
      endpoint({ '/doc.json': json(DOC) });
      await loadDocument('/doc.json');
      resetClient({ keepStore: true });
      const stored = storedDocument('/doc.json');
      expect(stored).to.deep.equal(DOC);
      endpoint({ '/doc.json': json(DOC) });
      expect(await loadDocument('/doc.json')).to.equal(stored);
    });

    it('replaces the stored copy when the document changed', async () => {
      endpoint({ '/doc.json': json(DOC) });
      await loadDocument('/doc.json');
      resetClient({ keepStore: true });
      const stored = storedDocument('/doc.json');
      endpoint({ '/doc.json': json(OTHER) });
      const fresh = await loadDocument('/doc.json');
      expect(fresh).to.not.equal(stored);
      expect(fresh).to.deep.equal(OTHER);
      resetClient({ keepStore: true });
      expect(storedDocument('/doc.json')).to.deep.equal(OTHER);
    });

    it('keeps the stored copy when the endpoint fails, and drops it when the document is gone', async () => {
      configureClient({ retries: 0 });
      endpoint({ '/doc.json': json(DOC) });
      await loadDocument('/doc.json');
      resetClient({ keepStore: true });
      configureClient({ retries: 0 });
      endpoint({ '/doc.json': json({}, 503) });
      await failure(loadDocument('/doc.json'));
      expect(storedDocument('/doc.json')).to.deep.equal(DOC);
      resetClient({ keepStore: true });
      endpoint({ '/doc.json': json({}, 404) });
      await failure(loadDocument('/doc.json'));
      expect(storedDocument('/doc.json')).to.equal(undefined);
      expect(localStorage.getItem(STORE_PREFIX + absolute('/doc.json'))).to.equal(null);
    });

    it('reuses a document this page loaded for `refreshAfter`, then asks again', async () => {
      const server = endpoint({ '/doc.json': [json(DOC), json(OTHER)] });
      const first = await loadDocument('/doc.json');
      expect(await loadDocument('/doc.json')).to.equal(first);
      expect(server.requests).to.have.length(1);
      configureClient({ refreshAfter: 0 });
      await delay(5);
      expect(await loadDocument('/doc.json')).to.deep.equal(OTHER);
      expect(server.requests).to.have.length(2);
    });

    it('tells watchers of every good document loaded for a URL, the same object when unchanged', async () => {
      configureClient({ refreshAfter: 0, retries: 0 });
      endpoint({ '/doc.json': [json(DOC), json({}, 500), json(DOC), json(OTHER)] });
      const seen: unknown[] = [];
      const stop = watchDocument(absolute('/doc.json'), (doc) => seen.push(doc));
      const other = watchDocument(absolute('/other.json'), (doc) => seen.push(doc));
      const first = await loadDocument('/doc.json');
      await delay(5);
      await failure(loadDocument('/doc.json'));
      await delay(5);
      expect(await loadDocument('/doc.json')).to.equal(first);
      await delay(5);
      const changed = await loadDocument('/doc.json');
      expect(seen).to.have.length(3);
      expect(seen[0]).to.equal(first);
      expect(seen[1]).to.equal(first);
      expect(seen[2]).to.equal(changed);
      stop();
      other();
      await delay(5);
      endpoint({ '/doc.json': json(DOC) });
      await loadDocument('/doc.json');
      expect(seen, 'nothing after the watcher stopped').to.have.length(3);
    });

    it('does not hand out a copy older than maxAge', async () => {
      writeCopy(absolute('/doc.json'), JSON.stringify(DOC), DEFAULT_STORE_LIMITS, Date.now() - 60_000);
      expect(storedDocument('/doc.json')).to.deep.equal(DOC);
      resetClient({ keepStore: true });
      configureClient({ maxAge: 30_000 });
      expect(storedDocument('/doc.json')).to.equal(undefined);
    });

    it('writes nothing to the browser store with persist: false, and still keeps a copy in memory', async () => {
      configureClient({ persist: false });
      endpoint({ '/doc.json': json(DOC) });
      const doc = await loadDocument('/doc.json');
      expect(Object.keys(localStorage).filter((key) => key.startsWith(STORE_PREFIX))).to.deep.equal([]);
      expect(storedDocument('/doc.json')).to.equal(doc);
    });

    it('leaves no trace of a request that ends after a reset', async () => {
      let answer!: (response: Response) => void;
      setFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      const pending = loadDocument('/doc.json');
      resetClient({ keepStore: true });
      answer(json(DOC));
      await pending.catch(() => undefined);
      expect(storedDocument('/doc.json')).to.equal(undefined);
      expect(localStorage.getItem(STORE_PREFIX + absolute('/doc.json'))).to.equal(null);
      clearCopies();
    });
  });

  describe('long related lists', () => {
    // The shortest posts there are, so that 30,000 stay under the 1 MB limit.
    const posts = (count: number) => Array.from({ length: count }, (_, i) => ({ title: `${i}`, url: `p/${i}` }));

    it('keeps the first 1,000 posts of a related list, resolved', async () => {
      endpoint({ '/dir/doc.json': json({ version: 1, article: { title: 'One' }, related: posts(30_000) }) });
      const doc = await loadDocument('/dir/doc.json');
      const related = doc.related as Array<{ title: string; url: string }>;
      expect(related).to.have.length(1000);
      expect(related[999]).to.deep.equal({ title: '999', url: absolute('/dir/p/999') });
      expect(doc.article).to.deep.equal({ title: 'One' });
      // 90,000 values in the answer: kept in memory only.
      expect(localStorage.getItem(STORE_PREFIX + absolute('/dir/doc.json'))).to.equal(null);
      expect(storedDocument('/dir/doc.json')).to.equal(doc);
    });

    it('stores the first 1,000 posts of a list that fits the store', async () => {
      endpoint({ '/dir/doc.json': json({ version: 1, related: posts(1500) }) });
      await loadDocument('/dir/doc.json');
      const value = localStorage.getItem(STORE_PREFIX + absolute('/dir/doc.json'))!;
      expect(JSON.parse(value.slice(value.indexOf('\n') + 1)).related).to.have.length(1000);
    });

    it('keeps a document of many values as the text it came in, without serializing it again', async () => {
      const text = JSON.stringify({ version: 1, related: posts(30_000) });
      endpoint({ '/doc.json': new Response(text) });
      const stringify = JSON.stringify;
      const long: number[] = [];
      JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
        const result = stringify(...args);
        if (typeof result === 'string' && result.length > 10_000) long.push(result.length);
        return result;
      }) as typeof JSON.stringify;
      let doc;
      try {
        doc = await loadDocument('/doc.json');
      } finally {
        JSON.stringify = stringify;
      }
      expect(long).to.deep.equal([]);
      // The same answer again is the same document.
      resetClient({ keepStore: true });
      endpoint({ '/doc.json': new Response(text) });
      const first = await loadDocument('/doc.json');
      expect(first).to.not.equal(doc);
      configureClient({ refreshAfter: 0 });
      await delay(5);
      expect(await loadDocument('/doc.json')).to.equal(first);
    });

    it('leaves a list of 1,000 posts or fewer as it is', async () => {
      endpoint({ '/doc.json': json({ version: 1, related: posts(1000) }) });
      expect((await loadDocument('/doc.json')).related).to.have.length(1000);
    });

    it('reads a feed or a post list as far as its first 1,000 entries', async () => {
      const entries = Array.from({ length: 3000 }, (_, i) => ({ id: `${i}`, url: `a/${i}`, title: `T${i}` }));
      endpoint({
        '/dir/feed.json': json({ version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: entries }),
        '/dir/posts.json': json(entries.map((post) => ({ id: Number(post.id), link: absolute(`/dir/${post.url}`), title: { rendered: post.title }, content: { rendered: '' } }))),
        '/dir/doc.json': json({ version: 1, items: entries }),
      });
      for (const url of ['/dir/feed.json', '/dir/posts.json', '/dir/doc.json']) {
        const doc = await loadDocument(url);
        const items = doc.items as Array<{ url: string; title: string }>;
        expect(items, url).to.have.length(1000);
        expect(items[999]!.url, url).to.equal(absolute('/dir/a/999'));
        if (url !== '/dir/doc.json') expect(doc.related, url).to.have.length(1000);
      }
    });

    it('keeps the first 1,000 posts of a stored copy written in full', () => {
      const url = absolute('/dir/doc.json');
      writeCopy(url, JSON.stringify({ version: 1, related: posts(1500) }), DEFAULT_STORE_LIMITS);
      const related = storedDocument('/dir/doc.json')!.related as Array<{ url: string }>;
      expect(related).to.have.length(1000);
      expect(related[0]!.url).to.equal(absolute('/dir/p/0'));
    });
  });

  describe('documents kept in memory', () => {
    const doc = (title: string) => ({ version: 1, article: { title } });
    const table = () => Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`/${name}.json`, json(doc(name))]));

    it('keeps at most `memoryDocuments`, letting the least recently used go', async () => {
      configureClient({ persist: false, memoryDocuments: 2 });
      const server = endpoint(table());
      await loadDocument('/a.json');
      await loadDocument('/b.json');
      expect(storedDocument('/a.json'), 'a is used again, so b is now the oldest').to.deep.equal(doc('a'));
      await loadDocument('/c.json');
      expect(storedDocument('/b.json')).to.equal(undefined);
      expect(storedDocument('/a.json')).to.deep.equal(doc('a'));
      expect(storedDocument('/c.json')).to.deep.equal(doc('c'));
      // A document let go is asked for again; one still held is not.
      await loadDocument('/a.json');
      await loadDocument('/b.json');
      expect(server.requests.map((url) => new URL(url).pathname)).to.deep.equal(['/a.json', '/b.json', '/c.json', '/b.json']);
    });

    it('keeps at most `memoryChars` characters of documents', async () => {
      const size = JSON.stringify(doc('a')).length;
      configureClient({ persist: false, memoryChars: size * 2 + 1 });
      endpoint(table());
      for (const name of ['a', 'b', 'c']) await loadDocument(`/${name}.json`);
      expect(['a', 'b', 'c'].map((name) => storedDocument(`/${name}.json`) !== undefined)).to.deep.equal([false, true, true]);
    });

    it('never lets go of a document that an element is showing or waiting for', async () => {
      configureClient({ persist: false, memoryDocuments: 1, memoryChars: 1 });
      const server = endpoint(table());
      const stop = watchDocument(absolute('/a.json'), () => undefined);
      const shown = await loadDocument('/a.json');
      for (const name of ['b', 'c', 'd']) await loadDocument(`/${name}.json`);
      expect(storedDocument('/a.json')).to.equal(shown);
      expect(await loadDocument('/a.json')).to.equal(shown);
      expect(server.count('/a.json')).to.equal(1);
      expect(storedDocument('/b.json')).to.equal(undefined);
      stop();
      expect(storedDocument('/a.json'), 'let go once nobody shows it').to.equal(undefined);
    });

    it('still finds a document it let go in the browser store', async () => {
      configureClient({ memoryDocuments: 1 });
      endpoint(table());
      await loadDocument('/a.json');
      await loadDocument('/b.json');
      expect(storedDocument('/a.json')).to.deep.equal(doc('a'));
    });
  });

  describe('relative URLs in a document from another origin', () => {
    it('resolves them against the document URL, after any redirect', async () => {
      const body = {
        version: 1,
        article: { title: 'T', url: '../articles/a/', image: { src: 'img/a.png', alt: '' } },
        publisher: { name: 'P', logo: { src: '/logo.svg' } },
        related: [{ title: 'A', url: 'a/' }],
      };
      endpoint({ 'https://cdn.example/content/doc.json': json(body) });
      const doc = (await loadDocument('https://cdn.example/content/doc.json')) as typeof body;
      expect(doc.article.url).to.equal('https://cdn.example/articles/a/');
      expect(doc.article.image.src).to.equal('https://cdn.example/content/img/a.png');
      expect(doc.publisher.logo.src).to.equal('https://cdn.example/logo.svg');
      expect(doc.related[0]!.url).to.equal('https://cdn.example/content/a/');

      const moved = json(body);
      Object.defineProperty(moved, 'url', { value: 'https://static.example/v2/doc.json' });
      endpoint({ 'https://cdn.example/old/doc.json': () => moved });
      const redirected = (await loadDocument('https://cdn.example/old/doc.json')) as typeof body;
      expect(redirected.related[0]!.url).to.equal('https://static.example/v2/a/');
    });

    it('resolves them in a copy from the browser store too', async () => {
      writeCopy('https://cdn.example/content/doc.json', JSON.stringify({ version: 1, article: { title: 'T', url: 'a/' } }), DEFAULT_STORE_LIMITS);
      const stored = storedDocument('https://cdn.example/content/doc.json') as { article: { url: string } };
      expect(stored.article.url).to.equal('https://cdn.example/content/a/');
    });
  });
});
