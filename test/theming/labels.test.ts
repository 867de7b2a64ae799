import { expect, fixture, html } from '@open-wc/testing';
import { fakeFetch } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { part, partText, settled, shadow } from '../helpers.js';
import { readyData } from './states.js';

const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('languages', () => {
  it('speaks Spanish inside lang="es": labels and dates', async () => {
    fakeFetch({ '/labels-hang.json': 'hang' });
    const page = await fixture(html`<div lang="es">
      <clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>
      <clinic-publisher .data=${readyData('clinic-publisher')}></clinic-publisher>
      <clinic-related-posts .data=${sampleDocument().related}></clinic-related-posts>
      <clinic-publisher .data=${{ phone: '1' }}></clinic-publisher>
      <clinic-publisher src="/labels-hang.json"></clinic-publisher>
    </div>`);
    const [card, publisher, related, failed, loading] = [...page.children];
    for (const el of [card!, publisher!, related!, failed!]) await settled(el);
    expect(partText(card!, 'meta')).to.equal('Por Dr. Sample · 1 de mayo de 2024');
    expect(partText(card!, 'read-more')).to.equal('Leer más');
    expect(partText(publisher!, 'phone')).to.equal('Llamar 916-915-9215');
    expect(partText(publisher!, 'website')).to.equal('Visitar el sitio web');
    expect(partText(related!, 'heading')).to.equal('Artículos relacionados');
    expect(partText(related!, 'meta')).to.equal('Ann · 2 de enero de 2024');
    expect(partText(failed!, 'error')).to.equal('No se pudo cargar este contenido.');
    expect(text(shadow(loading!).querySelector('[role="status"]'))).to.equal('Cargando…');
  });

  it('lets its own lang win over the page’s, and follows a change of it', async () => {
    const page = await fixture(html`<div lang="es"><clinic-article-card lang="en" headline="T" published="2024-05-01"></clinic-article-card></div>`);
    const el = await settled(page.firstElementChild!) as HTMLElement & { updateComplete: Promise<boolean> };
    expect(partText(el, 'meta')).to.equal('May 1, 2024');
    el.lang = 'es';
    await el.updateComplete;
    expect(partText(el, 'meta')).to.equal('1 de mayo de 2024');
  });

  it('formats dates in any language Intl knows, with English labels where it has none', async () => {
    const page = await fixture(html`<div lang="fr"><clinic-article-card headline="T" author="Ann" published="2024-05-01"></clinic-article-card></div>`);
    const el = await settled(page.firstElementChild!);
    expect(partText(el, 'meta')).to.equal('By Ann · 1 mai 2024');
  });
});

describe('label overrides', () => {
  it('replaces each built-in label from an attribute', async () => {
    fakeFetch({ '/labels-hang.json': 'hang' });
    const page = await fixture(html`<div lang="es">
      <clinic-article-card read-more-label="Continue" by-label="Written by" .data=${readyData('clinic-article-card')}></clinic-article-card>
      <clinic-publisher call-label="Phone" website-label="Our site" .data=${readyData('clinic-publisher')}></clinic-publisher>
      <clinic-related-posts heading="More reading" .data=${sampleDocument().related}></clinic-related-posts>
      <clinic-related-posts empty-label="Nothing else yet" items="[]"></clinic-related-posts>
      <clinic-publisher error-label="Our details are missing." .data=${{ phone: '1' }}></clinic-publisher>
      <clinic-publisher loading-label="Fetching…" src="/labels-hang.json"></clinic-publisher>
    </div>`);
    const [card, publisher, related, empty, failed, loading] = [...page.children];
    for (const el of [card!, publisher!, related!, empty!, failed!]) await settled(el);
    expect(partText(card!, 'read-more')).to.equal('Continue');
    expect(partText(card!, 'author')).to.equal('Written by Dr. Sample');
    expect(partText(publisher!, 'phone')).to.equal('Phone 916-915-9215');
    expect(partText(publisher!, 'website')).to.equal('Our site');
    expect(partText(related!, 'heading')).to.equal('More reading');
    expect(part(related!, 'block')!.getAttribute('aria-label')).to.equal('More reading');
    expect(partText(empty!, 'empty')).to.equal('Nothing else yet');
    expect(partText(failed!, 'error')).to.equal('Our details are missing.');
    expect(text(shadow(loading!).querySelector('[role="status"]'))).to.equal('Fetching…');
  });

  it('takes markup for the error message from the error slot', async () => {
    const el = await fixture(html`<clinic-related-posts items="nope"><span slot="error">See <a href="/blog">all posts</a>.</span></clinic-related-posts>`);
    await settled(el);
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="error"]')!;
    expect(slot.assignedElements().map(text)).to.deep.equal(['See all posts.']);
    expect(el.querySelector('[slot="error"]')!.getBoundingClientRect().height, 'shown').to.be.greaterThan(0);
    const fallback = document.createRange();
    fallback.selectNodeContents(slot);
    expect(fallback.getClientRects().length, 'instead of the built-in message').to.equal(0);
  });

  it('ignores an empty label attribute, so no link is left without a name', async () => {
    const el = await fixture(html`<clinic-publisher website-label="" name="P" href="https://clinic.example/"></clinic-publisher>`);
    await settled(el);
    expect(partText(el, 'website')).to.equal('Visit website');
  });
});
