import { expect } from '@open-wc/testing';
import { collectWarnings, parseArticle, parsePublisher, parseRelated } from '../../src/data/parse.js';

describe('parsing the marketing and trust fields', () => {
  it('reads a reviewer as an object or a name, and the review date and disclaimer', () => {
    expect(parseArticle({ title: 'A', reviewedBy: { name: 'Dr. Lee', credential: 'MD', url: 'javascript:x' } }).reviewedBy).to.deep.equal({
      name: 'Dr. Lee',
      credential: 'MD',
      url: undefined,
    });
    expect(parseArticle({ title: 'A', reviewedBy: 'Dr. Lee' }).reviewedBy).to.deep.equal({ name: 'Dr. Lee' });
    const article = parseArticle({ title: 'A', lastReviewed: '2025-01-10', disclaimer: 'Not advice.' });
    expect([article.lastReviewed, article.disclaimer]).to.deep.equal(['2025-01-10', 'Not advice.']);
    // An unreadable optional value is left out; the article still shows.
    expect(parseArticle({ title: 'A', reviewedBy: {} }).reviewedBy).to.equal(undefined);
    expect(parseArticle({ title: 'A', lastReviewed: 'soon' }).lastReviewed).to.equal(undefined);
  });

  it('reads opening hours, the time zone and the action URLs', () => {
    const publisher = parsePublisher({
      name: 'C',
      hours: [{ days: ['Mo', 'Fr'], opens: '09:00', closes: '24:00' }],
      timeZone: 'Europe/Madrid',
      bookingUrl: 'https://clinic.example/book',
      mapUrl: 'javascript:alert(1)',
    });
    expect(publisher.hours).to.deep.equal([{ days: ['Mo', 'Fr'], opens: '09:00', closes: '24:00' }]);
    expect(publisher.timeZone).to.equal('Europe/Madrid');
    expect(publisher.bookingUrl).to.equal('https://clinic.example/book');
    expect(publisher.mapUrl).to.equal(undefined);
  });

  it('leaves out unreadable hours lines and time zones, naming them in the warnings', () => {
    const { value, warnings } = collectWarnings(() =>
      parsePublisher({
        name: 'C',
        hours: [
          { days: ['Monday'], opens: '09:00', closes: '17:00' },
          { days: ['Mo'], opens: '9am', closes: '17:00' },
          { days: ['Tu'], opens: '09:00', closes: '17:00' },
        ],
        timeZone: 'Mars/Olympus',
      }),
    );
    expect(value.hours).to.deep.equal([{ days: ['Tu'], opens: '09:00', closes: '17:00' }]);
    expect(value.timeZone).to.equal(undefined);
    expect(warnings.map((w) => w.path)).to.deep.equal(['publisher.hours[0].days', 'publisher.hours[1].opens', 'publisher.timeZone']);
    expect(parsePublisher({ name: 'C', hours: {} }).hours).to.equal(undefined);
  });

  it('reads id, tags, category and summary of related posts', () => {
    expect(parseRelated([{ title: 'T', url: '/t', id: 't', tags: ['a'], category: 'News', summary: 'S' }])[0]).to.include({
      id: 't',
      category: 'News',
      summary: 'S',
    });
    expect(parseRelated([{ title: 'T', url: '/t', tags: 'a' }])[0]!.tags).to.deep.equal([]);
  });
});
