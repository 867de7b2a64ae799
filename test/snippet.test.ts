import { expect, waitUntil } from '@open-wc/testing';
import { trustedHTML } from './trusted-types.js';
import { skipBecause } from './engine.js';
import { pageCsp } from './security/detector.js';

// Snippets written by `clinic-widgets build` from test/cli/fixtures/site (scripts/build-test-site.mjs
// runs before the tests), shown in a frame as a partner page would show them.
const OUT = '/test/cli/out/';
const SLUG = 'the-science-behind-ketamine-infusion-therapy';
const TAGS = ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'] as const;

/**
 * The fixture site's placeholder URLs, and what this test server has there: the output, the
 * widgets' script, and for the images on the clinic's own site the test photo (so that every image
 * loads, from this server, in the snippet and in the documents alike).
 */
const SERVED: ReadonlyArray<readonly [string, string]> = [
  ['https://widgets.test/site/', `${location.origin}${OUT}`],
  ['https://widgets.test/dist/', `${location.origin}/dist/`],
  ['https://clinic.example/logo.png', `${location.origin}/test/fixtures/photo.png`],
  ['https://clinic.example/img/sleep.jpg', `${location.origin}/test/fixtures/photo.png`],
];

const served = (text: string) => SERVED.reduce((result, [from, to]) => result.replaceAll(from, to), text);

/** The snippet with its placeholder URLs pointed at this test server. */
async function snippet(slug = SLUG): Promise<string> {
  return served(await (await fetch(`${OUT}embed/${slug}.html`)).text());
}

/**
 * Runs first in the frame: adds up layout shifts, records clinic-load events, and holds the
 * widgets' document requests until the test releases them, to look at the page while they wait;
 * the documents' placeholder URLs are pointed at this test server, as the snippet's are.
 */
const PROBE = `<script>
  const served = ${JSON.stringify(SERVED)};
  window.shifts = 0;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value; })
    .observe({ type: 'layout-shift', buffered: true });
  window.loaded = [];
  document.addEventListener('clinic-load', (event) => window.loaded.push(event.target.localName));
  const realFetch = window.fetch;
  let release;
  window.held = new Promise((resolve) => (release = resolve));
  window.release = release;
  window.fetch = (input, init) => window.held.then(() => realFetch(input, init)).then(async (response) => {
    const text = served.reduce((result, [from, to]) => result.replaceAll(from, to), await response.text());
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
</script>`;

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/test/fixtures/photo.png">
<style>body { margin: 0; width: 720px; font: 16px/1.5 serif; }</style></head><body><h1>A partner's page</h1>${body}<p id="after">Text below the widgets.</p></body></html>`;

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function frame(html: string, sandbox?: string): Promise<{ win: Window & Record<string, unknown>; doc: Document }> {
  const iframe = document.createElement('iframe');
  if (sandbox !== undefined) iframe.setAttribute('sandbox', sandbox);
  iframe.style.cssText = 'width: 760px; height: 1800px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = trustedHTML(html);
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  return { win: iframe.contentWindow as Window & Record<string, unknown>, doc: iframe.contentDocument! };
}

const text = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());

/** What a reader sees of each element: its titles and names, and the box it takes. */
function seen(doc: Document) {
  return TAGS.map((tag) => {
    const el = doc.querySelector(tag)!;
    const root = el.shadowRoot!;
    const box = el.getBoundingClientRect();
    return {
      tag,
      titles: text(root, '[part~="title"], [part~="name"], [part~="link"]'),
      top: Math.round(box.top),
      height: Math.round(box.height),
    };
  });
}

describe('server-rendered snippets', () => {
  // A snippet carries its styles in an inline <style> (README: it needs style-src 'unsafe-inline'),
  // and these tests watch the frame with an inline script: the strict policy refuses both.
  let strict = false;
  before(async () => {
    strict = (await pageCsp())?.includes("style-src 'self'") ?? false;
  });
  beforeEach(function () {
    if (strict) skipBecause(this, "under the strict policy: a snippet's inline <style> needs style-src 'unsafe-inline'");
  });

  it('show their content with JavaScript off, in the elements\' shadow roots', async () => {
    // A sandboxed frame without allow-scripts runs no script at all: not ours, not the page's.
    const { win, doc } = await frame(page(await snippet()), 'allow-same-origin');
    expect(Boolean(win.customElements.get('clinic-article-card')), 'no script ran').to.equal(false);
    const card = doc.querySelector('clinic-article-card')!.shadowRoot!;
    expect(text(card, '[part~="title"]')).to.deep.equal(['The Science Behind Ketamine Infusion Therapy']);
    expect(text(card, '[part~="meta"]')).to.deep.equal(['By Dr. Ana Ruiz · May 1, 2024']);
    expect(text(card, '[part~="summary"]')).to.deep.equal(['What ketamine does in the brain, and who it helps.']);
    expect(card.querySelector('img')!.getAttribute('width')).to.equal('16');
    expect(text(doc.querySelector('clinic-publisher')!.shadowRoot!, '[part~="name"]')).to.deep.equal(['Riverside Clinic']);
    expect(text(doc.querySelector('clinic-related-posts')!.shadowRoot!, '[part~="link"]')).to.deep.equal([
      '“Is It Anxiety?” Questions We Hear',
      'PTSD and Sleep',
      'Ketamine and Depression, an Older Look',
      'Your First Visit',
    ]);
    // Styled as the elements style themselves: the card has its border and padding.
    const article = card.querySelector('[part~="card"]')!;
    expect(getComputedStyle(article).borderTopStyle).to.equal('solid');
    for (const { height } of seen(doc)) expect(height).to.be.above(40);
  });

  it('are taken over by the script in place: no skeleton while loading, then ready, no shift, nothing twice', async () => {
    const { win, doc } = await frame(page(PROBE + (await snippet())));
    await waitUntil(() => TAGS.every((tag) => win.customElements.get(tag)), 'the script did not define the elements');
    const before = seen(doc);
    // The documents are still on their way: the elements wait, showing the server's content.
    for (const tag of TAGS) {
      const el = doc.querySelector(tag)!;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.getAttribute('status'), tag).to.equal('loading');
      // (Booleans, not nodes: chai's message for a node can hang the browser.)
      expect(Boolean(el.shadowRoot!.querySelector('[part~="skeleton"]')), `${tag} shows no skeleton`).to.equal(false);
    }
    expect(seen(doc)).to.deep.equal(before);
    (win['release'] as () => void)();
    await waitUntil(() => (win['loaded'] as string[]).length === 3, 'the elements did not load their document', { timeout: 8000 });
    for (const tag of TAGS) {
      const el = doc.querySelector(tag)!;
      expect(el.getAttribute('status'), tag).to.equal('ready');
      // The server's nodes (with their <style>) are gone; what shows is the element's own render, once.
      expect(el.shadowRoot!.querySelectorAll('style').length, `${tag} keeps no server nodes`).to.equal(0);
    }
    const card = doc.querySelector('clinic-article-card')!.shadowRoot!;
    expect(card.querySelectorAll('[part~="card"]').length).to.equal(1);
    expect(doc.querySelector('clinic-publisher')!.shadowRoot!.querySelectorAll('[part~="block"]').length).to.equal(1);
    expect(doc.querySelector('clinic-related-posts')!.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(4);
    expect(seen(doc)).to.deep.equal(before);
    // Let the layout-shift entries of the last frames arrive before reading the total.
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    expect(win['shifts']).to.equal(0);
  });
});
