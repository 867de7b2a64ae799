import { expect, waitUntil } from '@open-wc/testing';
import { setStyles } from '../helpers.js';
import { trustedHTML, trustedScriptURL } from '../trusted-types.js';

/** Waits for an outcome, with room for a busy machine. */
const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 10000 });

type BuilderWindow = Window & { builderReady: Promise<void>; axe: { run(context: Node): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } };

/** A same-origin iframe, `width` px wide, loaded with `src` or `srcdoc`. */
async function frame(width: number, page: { src?: string; srcdoc?: string }): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  setStyles(iframe, { width: `${width}px`, height: '900px', border: '0' });
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  if (page.src) iframe.src = page.src;
  if (page.srcdoc) iframe.srcdoc = trustedHTML(page.srcdoc);
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const widgetsIn = (doc: Document) => [...doc.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')];
const allReady = (doc: Document) => {
  const list = widgetsIn(doc);
  return list.length > 0 && list.every((el) => el.getAttribute('status') === 'ready');
};
/** What a widget shows: its tag, its attributes and the text of its shadow tree. */
const shown = (el: Element) => ({
  tag: el.localName,
  attributes: Object.fromEntries(
    el.getAttributeNames().filter((name) => name !== 'status').map((name) => [name, el.getAttribute(name)]),
  ),
  text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
});

function setField(doc: Document, id: string, value: string | boolean): void {
  const field = doc.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
  else field.value = value;
  field.dispatchEvent(new Event(typeof value === 'boolean' || field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

describe('embed builder (demo/builder.html)', function () {
  this.timeout(60000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  async function builder(width = 1024): Promise<Document> {
    const iframe = await frame(width, { src: '/demo/builder.html' });
    frames.push(iframe);
    await (iframe.contentWindow as BuilderWindow).builderReady;
    const doc = iframe.contentDocument!;
    await until(() => allReady(doc), 'the preview did not render');
    return doc;
  }

  it('gives code that, pasted into an empty page, renders what the preview shows', async () => {
    const doc = await builder();
    setField(doc, 'utm-source', 'sacramento-news');
    setField(doc, 'limit', '2');
    setField(doc, 'theme', 'dark');
    setField(doc, 'lang', 'es');
    setField(doc, 'tags', 'ketamine  depression');
    setField(doc, 'structured-data', true);
    await until(() => allReady(doc) && widgetsIn(doc).every((el) => el.getAttribute('lang') === 'es'), 'the preview did not follow');
    const code = doc.querySelector('[data-embed-code]')!.textContent!;
    expect(code).to.match(/^<script src="http[^"]+\/dist\/clinic-widgets\.iife\.js"><\/script>\n/);
    expect(code).to.contain('utm-source="sacramento-news"');

    const pasted = await frame(1024, {
      srcdoc: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/test/fixtures/photo.png"></head><body>${code}</body></html>`,
    });
    frames.push(pasted);
    const page = pasted.contentDocument!;
    await until(() => allReady(page), 'the pasted code did not render');
    const preview = widgetsIn(doc).map(shown);
    expect(preview.map((w) => w.tag)).to.deep.equal(['clinic-article-card', 'clinic-publisher', 'clinic-related-posts']);
    expect(widgetsIn(page).map(shown)).to.deep.equal(preview);
    // Structured data for each widget, written by the part the classic script loads from beside itself.
    await until(() => page.querySelectorAll('script[type="application/ld+json"]').length === 3, 'no structured data');
  });

  it('leaves out the widgets not chosen, and says so when none is', async () => {
    const doc = await builder();
    setField(doc, 'show-publisher', false);
    setField(doc, 'show-related', false);
    expect(widgetsIn(doc).map((el) => el.localName)).to.deep.equal(['clinic-article-card']);
    setField(doc, 'show-card', false);
    expect(doc.querySelector('[data-embed-code]')!.textContent).to.equal('');
    expect(doc.getElementById('preview')!.textContent).to.contain('Choose at least one widget.');
  });

  it('copies the code, or selects it where the clipboard is closed', async () => {
    const doc = await builder();
    (doc.getElementById('copy') as HTMLButtonElement).click();
    const status = doc.getElementById('copy-status')!;
    await until(() => status.textContent !== '', 'copying said nothing');
    if (!status.textContent!.startsWith('Copied')) {
      expect(doc.getSelection()!.toString().trim()).to.equal(doc.querySelector('[data-embed-code]')!.textContent!.trim());
    }
  });

  it('says why an address cannot be used', async () => {
    const doc = await builder();
    setField(doc, 'source', '/README.md');
    (doc.getElementById('builder') as HTMLFormElement).requestSubmit();
    const status = doc.getElementById('source-status')!;
    await until(() => status.textContent!.startsWith('This address could not be used'), 'no message');
    expect(widgetsIn(doc)).to.have.length(0);
    expect(doc.getElementById('preview')!.textContent).to.contain('Load a feed or document');
  });

  it('passes axe and fits a 360 px wide screen', async function () {
    this.timeout(60000);
    const doc = await builder(360);
    expect(doc.documentElement.scrollWidth).to.be.at.most(360);
    const axeLoaded = new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = trustedScriptURL('/node_modules/axe-core/axe.min.js', doc.defaultView!);
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
      doc.head.append(script);
    });
    await axeLoaded;
    const { violations } = await (doc.defaultView as unknown as BuilderWindow).axe.run(doc);
    expect(violations.map((v) => `${v.id} (${v.nodes.length})`)).to.deep.equal([]);
  });
});
