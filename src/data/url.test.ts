import { expect } from '@open-wc/testing';
import { isExternal, safeUrl, telUrl } from './url.js';

describe('url: safeUrl()', () => {
  const kept: Array<[string, string]> = [
    ['https://clinic.example/a?b=c#d', 'https'],
    ['http://clinic.example/', 'http'],
    ['HTTPS://CLINIC.EXAMPLE/', 'upper-case https'],
    ['mailto:care@clinic.example?subject=Hello', 'mailto'],
    ['tel:+19169159215', 'tel'],
    ['/articles/a', 'root-relative'],
    ['articles/a.html', 'path-relative'],
    ['../up', 'parent-relative'],
    ['?page=2', 'query only'],
    ['#top', 'fragment only'],
    ['//cdn.clinic.example/p.png', 'scheme-relative'],
    ['/a:b/c', 'a colon after the first slash'],
    ['/test/fixtures/photo.png', 'the test image'],
  ];
  for (const [url, what] of kept) {
    it(`keeps ${what}: ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url)).to.equal(url);
    });
  }

  it('trims white space around a kept URL', () => {
    expect(safeUrl('  https://clinic.example/ \n')).to.equal('https://clinic.example/');
  });

  const dropped: Array<[string, string]> = [
    ['javascript:alert(1)', 'javascript:'],
    ['JaVaScRiPt:alert(1)', 'mixed case'],
    ['  javascript:alert(1)', 'leading spaces'],
    ['\u0001javascript:alert(1)', 'a leading control character'],
    ['\u0000javascript:alert(1)', 'a leading NUL'],
    ['java\tscript:alert(1)', 'a tab inside the scheme'],
    ['java\nscript:alert(1)', 'a newline inside the scheme'],
    ['java\rscript:alert(1)', 'a carriage return inside the scheme'],
    ['java\u0000script:alert(1)', 'a NUL inside the scheme'],
    ['java\u00adscript:alert(1)', 'a soft hyphen inside the scheme'],
    ['\ufeffjavascript:alert(1)', 'a byte order mark'],
    ['\u200bjavascript:alert(1)', 'a zero-width space'],
    ['javascript&colon;alert(1)', 'an entity for the colon'],
    ['&#106;avascript:alert(1)', 'a decimal entity'],
    ['&#x6A;avascript:alert(1)', 'a hex entity'],
    ['javascript://%0aalert(1)', 'a comment and an encoded newline'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:text/html'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data: images'],
    ['blob:https://clinic.example/1234', 'blob:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://clinic.example/', 'ftp:'],
    ['x-clinic-relative:/a', 'the rule\u2019s own marker scheme'],
    ['page:1', 'an unknown scheme'],
    ['http://[::1', 'a URL the parser rejects'],
    ['', 'an empty string'],
    ['   ', 'only white space'],
  ];
  for (const [url, what] of dropped) {
    it(`drops ${what}: ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url)).to.equal(undefined);
    });
  }

  it('drops values that are not strings', () => {
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(null)).to.equal(undefined);
    expect(safeUrl(42 as unknown as string)).to.equal(undefined);
  });

  it('agrees with the browser: every kept URL resolves, against this page, to an allowed scheme', () => {
    for (const [url] of kept) {
      const anchor = document.createElement('a');
      anchor.setAttribute('href', safeUrl(url)!);
      expect(['http:', 'https:', 'mailto:', 'tel:'], url).to.include(anchor.protocol);
    }
  });
});

describe('url: isExternal()', () => {
  it('tells links to other origins from links to this page', () => {
    expect(isExternal('https://elsewhere.example/a')).to.equal(true);
    expect(isExternal('//elsewhere.example/a')).to.equal(true);
    expect(isExternal('/same/page')).to.equal(false);
    expect(isExternal('#top')).to.equal(false);
    expect(isExternal(location.origin + '/x')).to.equal(false);
    expect(isExternal('mailto:care@clinic.example')).to.equal(false);
  });

  it('compares with the page\u2019s own origin, not with the base URL links resolve against', () => {
    const base = 'https://cdn.partner.example/assets/';
    expect(isExternal('https://cdn.partner.example/x', base)).to.equal(true);
    expect(isExternal(location.origin + '/x', base)).to.equal(false);
    expect(isExternal('relative/x', base), 'the base sends it to another origin').to.equal(true);
    expect(isExternal('/x', location.origin + '/page/')).to.equal(false);
    expect(isExternal('/x', base, 'https://cdn.partner.example')).to.equal(false);
  });
});

describe('url: telUrl()', () => {
  it('builds a tel: URL from a phone number as people write it', () => {
    expect(telUrl('916-915-9215')).to.equal('tel:9169159215');
    expect(telUrl('+1 (916) 915 9215')).to.equal('tel:+19169159215');
    expect(telUrl('javascript:alert(1)')).to.equal(undefined);
    expect(telUrl('call us')).to.equal(undefined);
  });
});
