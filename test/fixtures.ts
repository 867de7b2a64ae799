/** Shared sample content for tests. Each test builds its own fixture from these. */

/** URL of the seed document, served by the test runner. */
export const SEED_URL = new URL('/test/fixtures/ketamine-infusion-therapy.json', location.origin).href;

export const SEED_TITLE = 'The Science Behind Ketamine Infusion Therapy';

/** A small but complete document; a fresh copy on every call. */
export function sampleDocument() {
  return {
    version: 1,
    article: {
      title: 'Sample article',
      url: 'https://clinic.example/articles/sample',
      category: 'News',
      summary: 'A short summary.',
      body: '## Section\n\nSome *emphasis* and a [link](https://clinic.example/more).',
      image: { src: '/test/fixtures/photo.png', alt: 'A sample image', width: 1200, height: 630 },
      author: 'Dr. Sample',
      published: '2024-05-01',
      tags: ['sample'],
    },
    publisher: {
      name: 'Sample Clinic',
      headline: 'A clinic for samples',
      url: 'https://clinic.example/',
      phone: '916-915-9215',
      description: 'We look after samples.',
      address: { street: '1 Main St', city: 'Sacramento', region: 'CA', postalCode: '95825', country: 'US' },
    },
    related: [
      { title: 'First post', url: 'https://clinic.example/1', author: 'Ann', published: '2024-01-02' },
      { title: 'Second post', url: 'https://clinic.example/2', author: 'Bob' },
      { title: 'Third post', url: 'https://clinic.example/3' },
    ],
  };
}
