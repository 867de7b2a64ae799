import { expect, fixture, html } from '@open-wc/testing';
import { fakeFetch, json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { eventsOf, part, parts, settled } from '../helpers.js';

const params = (href: string | null | undefined) => Object.fromEntries(new URL(href ?? '', location.href).searchParams);

describe('UTM attribution', () => {
  it('tags the article link and reports the tagged URL in clinic-click', async () => {
    const el = await fixture(html`<clinic-article-card
      headline="A"
      href="https://clinic.example/a/?utm_campaign=spring#top"
      utm-source="partner-blog"
      utm-campaign="autumn"
    ></clinic-article-card>`);
    await settled(el);
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(
      'https://clinic.example/a/?utm_campaign=spring&utm_source=partner-blog&utm_medium=referral&utm_content=clinic-article-card#top',
    );
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.click();
    expect(eventsOf('clinic-click', el)[0]!.detail.href).to.equal(link.href);
  });

  it('tags every related post, with the widget as utm_content', async () => {
    const el = await fixture(html`<clinic-related-posts
      .data=${sampleDocument().related}
      utm-source="partner"
      utm-medium="email"
    ></clinic-related-posts>`);
    await settled(el);
    const links = parts(el, 'link') as HTMLAnchorElement[];
    expect(links.length).to.equal(3);
    for (const link of links) {
      expect(params(link.getAttribute('href'))).to.deep.equal({
        utm_source: 'partner',
        utm_medium: 'email',
        utm_content: 'clinic-related-posts',
      });
    }
  });

  it("tags the clinic's website and booking links, never the phone or the map", async () => {
    const publisher = { ...sampleDocument().publisher, bookingUrl: 'https://clinic.example/book', mapUrl: 'https://maps.example/?q=clinic' };
    const el = await fixture(html`<clinic-publisher .data=${publisher} utm-source="partner" utm-content="footer"></clinic-publisher>`);
    await settled(el);
    expect(params(part(el, 'website')!.getAttribute('href'))).to.include({ utm_source: 'partner', utm_content: 'footer' });
    expect(params(part(el, 'booking')!.getAttribute('href'))).to.include({ utm_source: 'partner', utm_medium: 'referral' });
    expect(part(el, 'phone')!.getAttribute('href')).to.equal('tel:9169159215');
    expect(part(el, 'map')!.getAttribute('href')).to.equal('https://maps.example/?q=clinic');
  });

  it('leaves links alone without utm-source', async () => {
    const el = await fixture(html`<clinic-related-posts .data=${sampleDocument().related} utm-medium="email"></clinic-related-posts>`);
    await settled(el);
    expect((parts(el, 'link') as HTMLAnchorElement[]).map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://clinic.example/1',
      'https://clinic.example/2',
      'https://clinic.example/3',
    ]);
  });

  it('tags links of a fetched document', async () => {
    fakeFetch({ '/doc.json': json(sampleDocument()) });
    const el = await fixture(html`<clinic-article-card src="/doc.json" utm-source="newsletter"></clinic-article-card>`);
    await settled(el);
    expect(params(part(el, 'link')!.getAttribute('href'))['utm_source']).to.equal('newsletter');
  });
});
