import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { fakeFetch, json } from '../../../test/fake-client.js';
import { badInputSuite } from '../../../test/bad-input.js';
import { SEED_URL, sampleDocument } from '../../../test/fixtures.js';
import { eventsOf, part, partText, parts, setStyles, settled, shadow } from '../../../test/helpers.js';
import type { ClinicPublisher } from './publisher.js';

describe('<clinic-publisher>', () => {
  describe('accessibility', () => {
    it('passes axe when ready', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher .data=${sampleDocument().publisher} logo="/test/fixtures/photo.png" logo-alt="Sample Clinic logo"></clinic-publisher>`);
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe while loading and in the error state', async () => {
      fakeFetch({ '/slow.json': 'hang' });
      const loading = await fixture<ClinicPublisher>(html`<clinic-publisher src="/slow.json"></clinic-publisher>`);
      expect(loading.status).to.equal('loading');
      await expect(loading).to.be.accessible();

      const failed = await fixture<ClinicPublisher>(html`<clinic-publisher phone="555"></clinic-publisher>`);
      await settled(failed);
      expect(failed.status).to.equal('error');
      await expect(failed).to.be.accessible();
    });
  });

  describe('attributes & properties', () => {
    it('sends image hosts the page\'s origin at most (referrerpolicy="strict-origin")', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher .data=${{ ...sampleDocument().publisher, logo: { src: '/test/fixtures/photo.png', alt: 'Logo' } }}></clinic-publisher>`);
      await settled(el);
      const images = parts(el, 'logo');
      expect(images).to.have.length.above(0);
      for (const img of images) {
        expect(img.getAttribute('referrerpolicy')).to.equal('strict-origin');
        expect((img as HTMLImageElement).referrerPolicy, 'a policy the browser knows').to.equal('strict-origin');
      }
    });

    it('renders every field from attributes alone', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher
        name="Propel Therapeutics"
        headline="Ketamine Therapy Clinic – Sacramento, CA"
        href="https://www.propeltherapeutics.com/"
        phone="916-915-9215"
        address="1010 Hurley Way Suite 140, Sacramento, CA 95825"
        description="Ketamine-assisted therapy."
        logo="/test/fixtures/photo.png"
        logo-alt="Propel Therapeutics"
      ></clinic-publisher>`);
      await settled(el);
      expect(partText(el, 'name')).to.equal('Propel Therapeutics');
      expect(partText(el, 'headline')).to.equal('Ketamine Therapy Clinic – Sacramento, CA');
      expect(partText(el, 'description')).to.equal('Ketamine-assisted therapy.');
      expect(part(el, 'address')!.localName).to.equal('address');
      expect(partText(el, 'address')).to.equal('1010 Hurley Way Suite 140, Sacramento, CA 95825');
      expect(part(el, 'phone')!.getAttribute('href')).to.equal('tel:9169159215');
      expect(partText(el, 'phone')).to.equal('Call 916-915-9215');
      expect(part(el, 'website')!.getAttribute('href')).to.equal('https://www.propeltherapeutics.com/');
      expect(part(el, 'logo')!.getAttribute('alt')).to.equal('Propel Therapeutics');
    });

    it('lays a structured address out on lines, with the country named in the page language', async () => {
      const wrapper = await fixture(html`<div lang="es"><clinic-publisher .data=${sampleDocument().publisher}></clinic-publisher></div>`);
      const el = await settled(wrapper.querySelector('clinic-publisher')!);
      const address = part(el, 'address')!;
      expect(address.querySelectorAll('br')).to.have.length(2);
      expect(address.innerText.split('\n').map((line) => line.trim())).to.deep.equal([
        '1 Main St',
        'Sacramento, CA 95825',
        'Estados Unidos',
      ]);
      expect(partText(el, 'phone')).to.equal('Llamar 916-915-9215');
      expect(partText(el, 'website')).to.equal('Visitar el sitio web');
    });

    it('leaves the country out of the address on a page of that country', async () => {
      const wrapper = await fixture(html`<div lang="en-US"><clinic-publisher .data=${sampleDocument().publisher}></clinic-publisher></div>`);
      const el = await settled(wrapper.querySelector('clinic-publisher')!);
      const address = part(el, 'address')!;
      expect(address.innerText.split('\n').map((line) => line.trim())).to.deep.equal(['1 Main St', 'Sacramento, CA 95825']);
      expect(address.querySelectorAll('br')).to.have.length(1);
    });

    it('keeps a phone number without digits as text, not as a link', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher name="P" phone="ask at the desk"></clinic-publisher>`);
      await settled(el);
      expect(part(el, 'phone')!.localName).to.equal('span');
      expect(el.shadowRoot!.querySelector('a[href^="tel:"]')).to.equal(null);
    });
  });

  describe('data states', () => {
    it('loads the seed publisher from an endpoint', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher src=${SEED_URL}></clinic-publisher>`);
      await settled(el);
      expect(partText(el, 'name')).to.equal('Propel Therapeutics');
      expect(part(el, 'address')!.innerText.split('\n').map((line) => line.trim())).to.deep.equal([
        '1010 Hurley Way Suite 140',
        'Sacramento, CA 95825',
        'United States',
      ]);
      expect(part(el, 'phone')!.getAttribute('href')).to.equal('tel:9169159215');
      expect(eventsOf('clinic-load', el)[0]!.detail).to.deep.equal({ source: 'endpoint', src: SEED_URL, stale: false });
    });

    it('lets explicit attributes win over the fetched document', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher src=${SEED_URL} headline="Sacramento’s ketamine clinic" phone="+1 916 555 0100"></clinic-publisher>`);
      await settled(el);
      expect(partText(el, 'headline')).to.equal('Sacramento’s ketamine clinic');
      expect(part(el, 'phone')!.getAttribute('href')).to.equal('tel:+19165550100');
      expect(partText(el, 'name')).to.equal('Propel Therapeutics');
    });

    it('takes the publisher from the data property, over src', async () => {
      const requests = fakeFetch({ '/doc.json': json(sampleDocument()) });
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher src="/doc.json" .data=${{ name: 'From data' }}></clinic-publisher>`);
      await settled(el);
      expect(partText(el, 'name')).to.equal('From data');
      // A request would start in a task after the first render: give it time to show.
      await aTimeout(50);
      expect(requests).to.have.length(0);
    });

    it('drops a website href that is not http(s), mailto, tel or relative, and shows the rest', async () => {
      for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,hi', 'vbscript:msgbox(1)']) {
        const el = await fixture<ClinicPublisher>(html`<clinic-publisher name="P" phone="916-915-9215" href=${href}></clinic-publisher>`);
        await settled(el);
        expect(el.status, href).to.equal('ready');
        expect(part(el, 'website')?.outerHTML, href).to.equal(undefined);
        expect(part(el, 'phone')!.getAttribute('href'), href).to.equal('tel:9169159215');
        expect([...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href')), href).to.deep.equal(['tel:9169159215']);
      }
    });

    it('drops a document\'s publisher.url that breaks the scheme rule, and keeps a good one', async () => {
      fakeFetch({
        '/bad-url.json': json({ version: 1, publisher: { name: 'P', url: 'JAVASCRIPT:alert(1)', description: 'D' } }),
        '/good-url.json': json({ version: 1, publisher: { name: 'P', url: 'https://clinic.example/', description: 'D' } }),
      });
      const bad = await fixture<ClinicPublisher>(html`<clinic-publisher src="/bad-url.json"></clinic-publisher>`);
      const good = await fixture<ClinicPublisher>(html`<clinic-publisher src="/good-url.json"></clinic-publisher>`);
      await settled(bad);
      await settled(good);
      expect(bad.status).to.equal('ready');
      expect(partText(bad, 'description')).to.equal('D');
      expect(part(bad, 'website')?.outerHTML).to.equal(undefined);
      expect(shadow(bad).querySelector('a[href]')?.outerHTML).to.equal(undefined);
      expect(part(good, 'website')!.getAttribute('href')).to.equal('https://clinic.example/');
    });

    badInputSuite(
      'clinic-publisher',
      (doc) => ((doc.publisher as Record<string, unknown>)['name'] = 12),
      (doc) => delete (doc.publisher as Record<string, unknown>)['name'],
      { wrongType: /^publisher\.name must be a string$/, missing: /^publisher\.name is required$/ },
    );
  });

  describe('events', () => {
    it('fires clinic-click for the website link', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher name="P" href="#site"></clinic-publisher>`);
      await settled(el);
      part(el, 'website')!.click();
      expect(eventsOf('clinic-click', el)[0]!.detail).to.deep.equal({
        href: new URL('#site', location.href).href,
        widget: 'clinic-publisher',
        position: 0,
      });
    });
  });

  describe('parts & theming', () => {
    it('exposes the parts API.md lists', async () => {
      const el = await fixture<ClinicPublisher>(html`<clinic-publisher .data=${sampleDocument().publisher} logo="/test/fixtures/photo.png"></clinic-publisher>`);
      await settled(el);
      for (const name of ['block', 'logo', 'name', 'headline', 'description', 'address', 'phone', 'website']) {
        expect(part(el, name), name).to.not.equal(null);
      }
    });

    it('takes colours from --clinic-* properties set on the page', async () => {
      const wrapper = await fixture(html`<div><clinic-publisher name="P" href="/"></clinic-publisher></div>`);
      setStyles(wrapper, { '--clinic-color-accent': 'rgb(200, 0, 100)', '--clinic-color-surface': 'rgb(10, 20, 30)' });
      const el = await settled(wrapper.querySelector('clinic-publisher')!);
      expect(getComputedStyle(part(el, 'website')!).color).to.equal('rgb(200, 0, 100)');
      expect(getComputedStyle(part(el, 'block')!).backgroundColor).to.equal('rgb(10, 20, 30)');
    });
  });
});
