import { expect, fixture, html } from '@open-wc/testing';
import { configure, resetDefaults } from '../../src/data/config.js';
import { fakeFetch, json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { part, partText, settled } from '../helpers.js';
import { trustedScriptURL } from '../trusted-types.js';

/** A classic script tag as a partner would paste it, with page-wide defaults. */
function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const tag = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'src') tag.src = trustedScriptURL(value);
    else tag.setAttribute(name, value);
  }
  return tag;
}

describe('page-wide defaults', () => {
  afterEach(() => resetDefaults());

  it('reads data-* of the script tag as defaults for every element', async () => {
    resetDefaults(scriptTag({ src: 'x.js', 'data-theme': 'dark', 'data-utm-source': 'partner', 'data-markdown-src': 'm.js' }));
    const el = await fixture(html`<clinic-article-card headline="A" href="https://clinic.example/a"></clinic-article-card>`);
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(new URL(part(el, 'link')!.getAttribute('href')!).searchParams.get('utm_source')).to.equal('partner');
    expect(el.hasAttribute('markdown-src')).to.equal(false);
  });

  it('takes src from the page default: one script tag, elements without attributes', async () => {
    fakeFetch({ '/doc.json': json(sampleDocument()) });
    configure({ defaults: { src: '/doc.json' } });
    const el = await fixture(html`<clinic-publisher></clinic-publisher>`);
    await settled(el);
    expect(partText(el, 'name')).to.equal('Sample Clinic');
  });

  it('element attribute > page default', async () => {
    configure({ defaults: { theme: 'dark', limit: 1 } });
    const el = await fixture(html`<clinic-related-posts theme="light" limit="2" .data=${sampleDocument().related}></clinic-related-posts>`);
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('light');
    expect(shadowLinks(el)).to.equal(2);
  });

  it('page default > built-in', async () => {
    configure({ defaults: { limit: 1, 'structured-data': true } });
    const el = await fixture(html`<clinic-related-posts .data=${sampleDocument().related}></clinic-related-posts>`);
    await settled(el);
    expect(shadowLinks(el)).to.equal(1);
    expect((el as unknown as { structuredData: boolean }).structuredData).to.equal(true);
  });

  it('data property field > page default > document', async () => {
    configure({ defaults: { summary: 'Summary for the whole page' } });
    const withField = await fixture(html`<clinic-article-card .data=${{ title: 'A', summary: 'Own summary' }}></clinic-article-card>`);
    const withoutField = await fixture(html`<clinic-article-card .data=${{ title: 'B' }}></clinic-article-card>`);
    fakeFetch({ '/doc.json': json(sampleDocument()) });
    const fromDocument = await fixture(html`<clinic-article-card src="/doc.json"></clinic-article-card>`);
    for (const el of [withField, withoutField, fromDocument]) await settled(el);
    expect(partText(withField, 'summary')).to.equal('Own summary');
    expect(partText(withoutField, 'summary')).to.equal('Summary for the whole page');
    expect(partText(fromDocument, 'summary')).to.equal('Summary for the whole page');
  });

  it('document > built-in, and an attribute > document', async () => {
    fakeFetch({ '/doc.json': json(sampleDocument()) });
    const plain = await fixture(html`<clinic-article-card src="/doc.json"></clinic-article-card>`);
    const own = await fixture(html`<clinic-article-card src="/doc.json" summary="Attribute"></clinic-article-card>`);
    await settled(plain);
    await settled(own);
    expect(partText(plain, 'summary')).to.equal('A short summary.');
    expect(partText(own, 'summary')).to.equal('Attribute');
  });

  it("keeps an element's own attribute even when it names the built-in value", async () => {
    const el = await fixture(html`<clinic-article-card theme="auto" headline="A"></clinic-article-card>`);
    await settled(el);
    configure({ defaults: { theme: 'dark' } });
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('auto');
  });

  it('a property set by a script wins over the page default', async () => {
    configure({ defaults: { limit: 1 } });
    const el = document.createElement('clinic-related-posts') as HTMLElement & { limit?: number; data: unknown };
    el.limit = 2;
    el.data = sampleDocument().related;
    (await fixture(html`<div></div>`)).append(el);
    await settled(el);
    expect(shadowLinks(el)).to.equal(2);
  });

  it('reaches elements already on the page when configure() is called later, and can be taken back', async () => {
    const el = await fixture(html`<clinic-article-card headline="A"></clinic-article-card>`);
    await settled(el);
    configure({ defaults: { theme: 'dark', lang: 'es' } });
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect((el as unknown as { lang: string }).lang).to.equal('es');
    configure({ defaults: {} });
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('auto');
    el.setAttribute('theme', 'light');
    configure({ defaults: { theme: 'dark' } });
    await settled(el);
    expect(el.getAttribute('theme')).to.equal('light');
  });
});

function shadowLinks(el: Element): number {
  return el.shadowRoot!.querySelectorAll('[part~="link"]').length;
}
