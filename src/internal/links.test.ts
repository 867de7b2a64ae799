import { expect } from '@open-wc/testing';
import { decorate, utmParams } from './links.js';

const BASE = 'https://partner.example/blog/post';

describe('links (UTM decoration)', () => {
  it('adds nothing without a source', () => {
    expect(utmParams({}, 'clinic-article-card')).to.equal(undefined);
    expect(utmParams({ source: '  ', medium: 'email' }, 'clinic-article-card')).to.equal(undefined);
    expect(decorate('https://clinic.example/a/', undefined, BASE)).to.equal('https://clinic.example/a/');
  });

  it('defaults the medium to referral and the content to the widget', () => {
    const params = utmParams({ source: 'partner-blog' }, 'clinic-related-posts');
    expect(decorate('https://clinic.example/a/', params, BASE)).to.equal(
      'https://clinic.example/a/?utm_source=partner-blog&utm_medium=referral&utm_content=clinic-related-posts',
    );
  });

  it('uses every field given, encoded, and keeps the fragment last', () => {
    const params = utmParams(
      { source: 'partner blog', medium: 'email', campaign: 'spring & summer', content: 'sidebar' },
      'clinic-article-card',
    );
    expect(decorate('https://clinic.example/a/?p=1#top', params, BASE)).to.equal(
      'https://clinic.example/a/?p=1&utm_source=partner+blog&utm_medium=email&utm_campaign=spring+%26+summer&utm_content=sidebar#top',
    );
  });

  it('keeps parameters already in the URL', () => {
    const params = utmParams({ source: 'partner', campaign: 'new' }, 'clinic-publisher');
    const href = decorate('https://clinic.example/?utm_source=newsletter&utm_campaign=old', params, BASE);
    const url = new URL(href);
    expect(url.searchParams.getAll('utm_source')).to.deep.equal(['newsletter']);
    expect(url.searchParams.getAll('utm_campaign')).to.deep.equal(['old']);
    expect(url.searchParams.get('utm_medium')).to.equal('referral');
    expect(url.searchParams.get('utm_content')).to.equal('clinic-publisher');
  });

  it('leaves tel:, mailto: and unparsable links alone', () => {
    const params = utmParams({ source: 'partner' }, 'clinic-publisher');
    expect(decorate('tel:+19169159215', params, BASE)).to.equal('tel:+19169159215');
    expect(decorate('mailto:info@clinic.example', params, BASE)).to.equal('mailto:info@clinic.example');
    expect(decorate('https://exa mple.com:99999/', params, BASE)).to.equal('https://exa mple.com:99999/');
  });

  it('resolves a relative link against the base before decorating it', () => {
    const params = utmParams({ source: 'partner' }, 'clinic-article-card');
    expect(decorate('/news/a/', params, BASE)).to.equal(
      'https://partner.example/news/a/?utm_source=partner&utm_medium=referral&utm_content=clinic-article-card',
    );
  });
});
