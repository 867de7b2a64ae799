import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeFetch, json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { settled } from '../helpers.js';

/** Waits for an outcome, with room for a busy machine. */
const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 10000 });

type Data = Record<string, unknown>;
const scriptsIn = (el: Element) => [...el.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];
const allScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];

async function jsonLdOf(el: Element): Promise<Data> {
  await until(() => scriptsIn(el).length === 1, 'no structured data was written');
  return JSON.parse(scriptsIn(el)[0]!.textContent!) as Data;
}

describe('structured-data', () => {
  const violations: string[] = [];
  const record = (event: SecurityPolicyViolationEvent) => violations.push(event.violatedDirective);
  beforeEach(() => {
    violations.length = 0;
    document.addEventListener('securitypolicyviolation', record);
  });
  afterEach(() => document.removeEventListener('securitypolicyviolation', record));

  it('writes nothing without the attribute', async () => {
    const el = await fixture(html`<clinic-article-card .data=${sampleDocument().article}></clinic-article-card>`);
    await settled(el);
    expect(scriptsIn(el)).to.have.length(0);
  });

  it('describes a fetched article with its publisher, and follows new content', async () => {
    const doc = sampleDocument();
    fakeFetch({ '/a.json': json(doc), '/b.json': json({ ...doc, article: { ...doc.article, title: 'Other', url: 'https://clinic.example/other' } }) });
    const el = await fixture(html`<clinic-article-card src="/a.json" structured-data></clinic-article-card>`);
    await settled(el);
    const data = await jsonLdOf(el);
    expect(data).to.include({ '@context': 'https://schema.org', '@type': 'Article', headline: 'Sample article', url: 'https://clinic.example/articles/sample' });
    expect(data['author']).to.deep.equal({ '@type': 'Person', name: 'Dr. Sample' });
    expect(data['image']).to.deep.equal([new URL('/test/fixtures/photo.png', location.href).href]);
    expect((data['publisher'] as Data)['name']).to.equal('Sample Clinic');

    el.setAttribute('src', '/b.json');
    await until(() => el.shadowRoot!.textContent!.includes('Other'), `the card did not change: ${el.getAttribute('status')} ${el.shadowRoot!.textContent!.slice(0, 80)}`);
    await until(() => scriptsIn(el)[0]?.textContent?.includes('Other'), `the data did not follow the content: ${scriptsIn(el).length} ${scriptsIn(el)[0]?.textContent?.slice(0, 80)}`);
    expect(scriptsIn(el)).to.have.length(1);
    expect(violations).to.deep.equal([]);
  });

  it('describes a reviewed article as MedicalWebPage', async () => {
    const article = { ...sampleDocument().article, reviewedBy: { name: 'Dr. Ann Lee', credential: 'MD' }, lastReviewed: '2025-01-10' };
    const el = await fixture(html`<clinic-article-card .data=${article} structured-data></clinic-article-card>`);
    const data = await jsonLdOf(el);
    expect(data['@type']).to.equal('MedicalWebPage');
    expect(data['reviewedBy']).to.deep.equal({ '@type': 'Person', name: 'Dr. Ann Lee', jobTitle: 'MD' });
    expect(data['lastReviewed']).to.equal('2025-01-10');
  });

  it('describes the clinic as MedicalClinic and the list as ItemList of the posts shown', async () => {
    const publisher = { ...sampleDocument().publisher, hours: [{ days: ['Mo'], opens: '09:00', closes: '17:00' }], timeZone: 'America/Los_Angeles' };
    const clinic = await fixture(html`<clinic-publisher .data=${publisher} structured-data></clinic-publisher>`);
    const clinicData = await jsonLdOf(clinic);
    expect(clinicData).to.include({ '@type': 'MedicalClinic', name: 'Sample Clinic', telephone: '916-915-9215' });
    expect((clinicData['address'] as Data)['@type']).to.equal('PostalAddress');
    expect(clinicData['openingHoursSpecification']).to.deep.equal([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday'], opens: '09:00', closes: '17:00' },
    ]);

    const list = await fixture(html`<clinic-related-posts .data=${sampleDocument().related} limit="2" structured-data></clinic-related-posts>`);
    expect(await jsonLdOf(list)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://clinic.example/1', name: 'First post' },
        { '@type': 'ListItem', position: 2, url: 'https://clinic.example/2', name: 'Second post' },
      ],
    });
  });

  it('writes one script for two cards that show the same article, and removes it with them', async () => {
    const article = sampleDocument().article;
    const wrapper = await fixture(html`<div>
      <clinic-article-card .data=${article} structured-data></clinic-article-card>
      <clinic-article-card .data=${article} structured-data layout="horizontal"></clinic-article-card>
    </div>`);
    const [first, second] = [...wrapper.children];
    await jsonLdOf(first!);
    await settled(second!);
    expect(allScripts()).to.have.length(1);
    first!.remove();
    await until(() => scriptsIn(second!).length === 1, 'the second card did not take over');
    expect(allScripts()).to.have.length(1);
    second!.remove();
    expect(allScripts()).to.have.length(0);
  });

  it('removes the script when the attribute goes or the content fails', async () => {
    fakeFetch({ '/bad.json': json({ version: 1, article: { title: 42 } }) });
    const el = await fixture(html`<clinic-article-card .data=${sampleDocument().article} structured-data></clinic-article-card>`);
    await jsonLdOf(el);
    el.removeAttribute('structured-data');
    await until(() => scriptsIn(el).length === 0, 'the script stayed without the attribute');
    el.setAttribute('structured-data', '');
    await jsonLdOf(el);
    (el as unknown as { data: unknown }).data = undefined;
    el.setAttribute('src', '/bad.json');
    await until(() => el.getAttribute('status') === 'error', 'the bad document did not fail');
    await until(() => scriptsIn(el).length === 0, 'the script stayed in the error state');
  });
});
