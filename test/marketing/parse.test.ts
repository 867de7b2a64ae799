import { expect } from '@open-wc/testing';
import { parseArticle, parsePublisher, parseRelated } from '../../src/data/parse.js';

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
    expect(() => parseArticle({ title: 'A', reviewedBy: {} })).to.throw('article.reviewedBy.name is required');
    expect(() => parseArticle({ title: 'A', lastReviewed: 'soon' })).to.throw('article.lastReviewed must be an ISO 8601 date');
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

  it('names the field at fault in hours and time zone', () => {
    expect(() => parsePublisher({ name: 'C', hours: {} })).to.throw('publisher.hours must be an array');
    expect(() => parsePublisher({ name: 'C', hours: [{ days: ['Monday'], opens: '09:00', closes: '17:00' }] })).to.throw(
      'publisher.hours[0].days must hold',
    );
    expect(() => parsePublisher({ name: 'C', hours: [{ days: ['Mo'], opens: '9am', closes: '17:00' }] })).to.throw(
      'publisher.hours[0].opens must be a time',
    );
    expect(() => parsePublisher({ name: 'C', timeZone: 'Mars/Olympus' })).to.throw('publisher.timeZone must be an IANA time zone');
  });

  it('reads id, tags, category and summary of related posts', () => {
    expect(parseRelated([{ title: 'T', url: '/t', id: 't', tags: ['a'], category: 'News', summary: 'S' }])[0]).to.include({
      id: 't',
      category: 'News',
      summary: 'S',
    });
    expect(() => parseRelated([{ title: 'T', url: '/t', tags: 'a' }])).to.throw('related[0].tags must be an array of strings');
  });
});
