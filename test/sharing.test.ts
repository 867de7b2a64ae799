import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { countRequests } from './fake-client.js';
import { SEED_URL } from './fixtures.js';
import { eventsOf, settled } from './helpers.js';

describe('one document shared by several elements', () => {
  it('makes one request for three elements on one src', async () => {
    const requests = countRequests();
    const wrapper = await fixture(html`<div>
      <clinic-article-card src=${SEED_URL}></clinic-article-card>
      <clinic-publisher src=${SEED_URL}></clinic-publisher>
      <clinic-related-posts src=${SEED_URL}></clinic-related-posts>
    </div>`);
    for (const el of wrapper.children) await settled(el);
    // A copy kept from an earlier test shows at once; the request follows, in a task of its own.
    await waitUntil(() => requests.length > 0, 'the document was not asked for');
    await aTimeout(0);
    expect(requests).to.deep.equal([SEED_URL]);
    expect(eventsOf('clinic-load')).to.have.length(3);
    expect([...wrapper.children].map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready']);
  });

  it('treats a relative and an absolute spelling of one URL as one', async () => {
    const requests = countRequests();
    const relative = new URL(SEED_URL).pathname;
    const wrapper = await fixture(html`<div>
      <clinic-publisher src=${relative}></clinic-publisher>
      <clinic-publisher src=${SEED_URL + '#publisher'}></clinic-publisher>
    </div>`);
    for (const el of wrapper.children) await settled(el);
    expect(requests).to.have.length(1);
  });

  it('loads the new document when src changes, and announces it', async () => {
    const requests = countRequests();
    const el = await fixture<HTMLElementTagNameMap['clinic-publisher']>(html`<clinic-publisher src=${SEED_URL}></clinic-publisher>`);
    await settled(el);
    el.src = '/test/fixtures/other-publisher.json';
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Another Clinic');
    expect(requests).to.have.length(2);
    expect(eventsOf('clinic-load', el).map((e) => e.detail.src)).to.deep.equal([
      SEED_URL,
      new URL('/test/fixtures/other-publisher.json', location.href).href,
    ]);
  });
});
