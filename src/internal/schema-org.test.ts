import { expect } from '@open-wc/testing';
import type { Article, Publisher } from '../data/types.js';
import { articleJsonLd, clinicJsonLd, itemListJsonLd, serializeJsonLd } from './schema-org.js';

const BASE = 'https://partner.example/blog/';
const ARTICLE: Article = {
  title: 'The Science Behind Ketamine Infusion Therapy',
  url: 'https://clinic.example/news/ketamine/',
  summary: 'How it works.',
  image: { src: '/images/k.jpg', alt: '' },
  author: 'Dr. Jane Doe',
  published: '2024-05-01',
  tags: [],
};
const PUBLISHER: Publisher = {
  name: 'Propel Therapeutics',
  url: 'https://www.propeltherapeutics.com/',
  phone: '916-915-9215',
  address: { street: '1010 Hurley Way Suite 140', city: 'Sacramento', region: 'CA', postalCode: '95825', country: 'US' },
  logo: { src: 'https://clinic.example/logo.png', alt: '' },
  hours: [
    { days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '09:00', closes: '17:00' },
    { days: ['Sa'], opens: '20:00', closes: '24:00' },
  ],
};

describe('schema.org objects', () => {
  it('describes an article as Article with absolute URLs and a Person author', () => {
    expect(articleJsonLd(ARTICLE, BASE, PUBLISHER)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: ARTICLE.title,
      url: 'https://clinic.example/news/ketamine/',
      description: 'How it works.',
      image: ['https://partner.example/images/k.jpg'],
      author: { '@type': 'Person', name: 'Dr. Jane Doe' },
      datePublished: '2024-05-01',
      publisher: {
        '@type': 'Organization',
        name: 'Propel Therapeutics',
        url: 'https://www.propeltherapeutics.com/',
        logo: { '@type': 'ImageObject', url: 'https://clinic.example/logo.png' },
      },
    });
  });

  it('describes a reviewed article as MedicalWebPage with reviewedBy and lastReviewed', () => {
    const data = articleJsonLd(
      { ...ARTICLE, reviewedBy: { name: 'Dr. Ann Lee', credential: 'MD', url: '/team/ann' }, lastReviewed: '2025-01-10' },
      BASE,
    );
    expect(data['@type']).to.equal('MedicalWebPage');
    expect(data['reviewedBy']).to.deep.equal({
      '@type': 'Person',
      name: 'Dr. Ann Lee',
      jobTitle: 'MD',
      url: 'https://partner.example/team/ann',
    });
    expect(data['lastReviewed']).to.equal('2025-01-10');
    expect(data).to.not.have.property('publisher');
  });

  it('leaves out what the article does not have', () => {
    expect(articleJsonLd({ title: 'Only a title', tags: [] }, BASE)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Only a title',
    });
  });

  it('describes the clinic as MedicalClinic with a PostalAddress and opening hours', () => {
    expect(clinicJsonLd(PUBLISHER, BASE)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'MedicalClinic',
      name: 'Propel Therapeutics',
      url: 'https://www.propeltherapeutics.com/',
      telephone: '916-915-9215',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '1010 Hurley Way Suite 140',
        addressLocality: 'Sacramento',
        addressRegion: 'CA',
        postalCode: '95825',
        addressCountry: 'US',
      },
      logo: 'https://clinic.example/logo.png',
      image: 'https://clinic.example/logo.png',
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
          opens: '09:00',
          closes: '17:00',
        },
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '20:00', closes: '23:59' },
      ],
    });
  });

  it('puts a one-line address in streetAddress', () => {
    const data = clinicJsonLd({ name: 'C', address: { line: '1 Main St, Town' } }, BASE);
    expect(data['address']).to.deep.equal({ '@type': 'PostalAddress', streetAddress: '1 Main St, Town' });
    expect(data).to.not.have.property('openingHoursSpecification');
  });

  it('lists the posts shown as an ItemList, positions from 1, skipping posts without a link', () => {
    expect(
      itemListJsonLd(
        [
          { title: 'One', url: '/one/' },
          { title: 'No link', url: '' },
          { title: 'Two', url: 'https://clinic.example/two/' },
        ],
        BASE,
      ),
    ).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://partner.example/one/', name: 'One' },
        { '@type': 'ListItem', position: 2, url: 'https://clinic.example/two/', name: 'Two' },
      ],
    });
  });

  it('serializes so that no value can close the script element', () => {
    const text = serializeJsonLd(articleJsonLd({ title: '</script><script>alert(1)</script>&\u2028', tags: [] }, BASE));
    expect(text).to.not.match(/[<>&\u2028]/);
    expect(JSON.parse(text).headline).to.equal('</script><script>alert(1)</script>&\u2028');
  });
});
