import { expect, fixture, html } from '@open-wc/testing';
import { countryName, datetimeAttr, formatDate, labelsFor, languageOf, prepareDates, regionOf, withLabels } from './i18n.js';

describe('i18n', () => {
  describe('labelsFor', () => {
    it('has every built-in label in English and Spanish, and no two alike', () => {
      const en = labelsFor('en');
      const es = labelsFor('es');
      expect(Object.keys(es)).to.deep.equal(Object.keys(en));
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(en[key], key).to.not.equal('');
        expect(es[key], key).to.not.equal(en[key]);
      }
      expect([en.relatedPosts, en.call, en.visitWebsite, en.readMore]).to.deep.equal(['Related posts', 'Call', 'Visit website', 'Read more']);
      expect([es.relatedPosts, es.call, es.visitWebsite, es.readMore]).to.deep.equal(['Artículos relacionados', 'Llamar', 'Visitar el sitio web', 'Leer más']);
    });

    it('uses the primary language of a regional tag, and English for languages it lacks', () => {
      expect(labelsFor('es-MX').readMore).to.equal('Leer más');
      expect(labelsFor('ES').readMore).to.equal('Leer más');
      expect(labelsFor('fr').readMore).to.equal('Read more');
      expect(labelsFor('').readMore).to.equal('Read more');
    });
  });

  describe('withLabels', () => {
    it('replaces the labels given text, and keeps the rest', () => {
      const labels = withLabels(labelsFor('en'), { call: 'Phone', readMore: undefined, error: '   ' });
      expect(labels.call).to.equal('Phone');
      expect(labels.readMore).to.equal('Read more');
      expect(labels.error, 'blank text is no label').to.equal('This content could not be loaded.');
    });
  });

  describe('languageOf', () => {
    it('takes the element’s own lang, else the nearest ancestor’s, else English', async () => {
      const page = await fixture(html`<div lang="es-MX"><section><p id="inner"></p><p id="own" lang="en-GB"></p></section></div>`);
      expect(languageOf(page.querySelector('#inner')!)).to.equal('es-MX');
      expect(languageOf(page.querySelector('#own')!)).to.equal('en-GB');
      const bare = await fixture(html`<p></p>`);
      const rootLang = document.documentElement.getAttribute('lang');
      document.documentElement.removeAttribute('lang');
      try {
        expect(languageOf(bare)).to.equal('en');
      } finally {
        if (rootLang !== null) document.documentElement.setAttribute('lang', rootLang);
      }
    });

    it('looks out through shadow roots', async () => {
      const outer = await fixture(html`<div lang="es"><div></div></div>`);
      const root = outer.firstElementChild!.attachShadow({ mode: 'open' });
      root.append(document.createElement('p'));
      expect(languageOf(root.querySelector('p')!)).to.equal('es');
    });

    it('treats lang="" as unknown, as HTML does, and falls back to English', async () => {
      const page = await fixture(html`<div lang="es"><div lang=""><p></p></div></div>`);
      expect(languageOf(page.querySelector('p')!)).to.equal('en');
    });
  });

  describe('formatDate', () => {
    it('writes long dates in the reader’s language', () => {
      expect(formatDate('2024-05-01', 'en')).to.equal('May 1, 2024');
      expect(formatDate('2024-05-01', 'es')).to.equal('1 de mayo de 2024');
      expect(formatDate('2024-05-01', 'es-MX')).to.equal('1 de mayo de 2024');
      expect(formatDate('2024-12-31', 'de')).to.equal('31. Dezember 2024');
    });

    it('writes English dates as the browser does, without asking it for a formatter', () => {
      const made: unknown[] = [];
      const Original = Intl.DateTimeFormat;
      const values = ['2024-05-01', '2024-12-31', '0001-01-01', '9999-12-31', '1969-07-20T20:17:40Z', '2024-02-29T23:30:00-08:00', '2024-03-10T02:30:00'];
      const expected = values.flatMap((iso) =>
        ['en', 'en-US', 'EN-us'].map((lang) =>
          new Original(lang, { dateStyle: 'long', timeZone: /T/.test(iso) ? undefined : 'UTC' }).format(Date.parse(iso)),
        ),
      );
      Intl.DateTimeFormat = function (...args: unknown[]) {
        made.push(args);
        return new Original(...(args as ConstructorParameters<typeof Original>));
      } as unknown as typeof Intl.DateTimeFormat;
      try {
        const ours = values.flatMap((iso) => ['en', 'en-US', 'EN-us'].map((lang) => formatDate(iso, lang)));
        expect(ours).to.deep.equal(expected);
        expect(made, 'date formatters made').to.deep.equal([]);
        // Another English, or a year the browser writes otherwise, still asks the browser.
        expect(formatDate('2024-05-01', 'en-GB')).to.equal('1 May 2024');
        expect(made).to.have.length(1);
      } finally {
        Intl.DateTimeFormat = Original;
      }
    });

    it('prepares a formatter only for a date that needs one', async () => {
      expect(prepareDates(['soon', undefined], 'fi'), 'not a date').to.equal(undefined);
      expect(prepareDates(['2024-05-01', '2024-05-01T10:00:00Z'], 'en-US'), 'English').to.equal(undefined);
      const preparing = prepareDates(['soon', '2024-05-01'], 'fi');
      expect(preparing, 'a Finnish date').to.be.instanceOf(Promise);
      await preparing;
      expect(prepareDates(['2024-05-01'], 'fi'), 'made already').to.equal(undefined);
    });

    it('keeps a date without a time on its calendar day in every time zone', () => {
      expect(formatDate('2024-01-01', 'en')).to.equal('January 1, 2024');
      expect(datetimeAttr('2024-01-01')).to.equal('2024-01-01');
      expect(datetimeAttr('2024-01-01T10:00:00Z')).to.equal('2024-01-01T10:00:00.000Z');
    });

    it('returns nothing for a value that is not a date, and English for a tag Intl rejects', () => {
      expect(formatDate('soon', 'en')).to.equal(undefined);
      expect(formatDate('2024-05-01', 'not a language!')).to.equal('May 1, 2024');
    });
  });

  describe('countryName', () => {
    const realDisplayNames = Intl.DisplayNames;
    let made: string[];

    beforeEach(() => {
      made = [];
      (Intl as { DisplayNames: unknown }).DisplayNames = class extends realDisplayNames {
        constructor(lang: string, options: Intl.DisplayNamesOptions) {
          super(lang, options);
          made.push(lang);
        }
      };
    });
    afterEach(() => {
      (Intl as { DisplayNames: unknown }).DisplayNames = realDisplayNames;
    });

    it('names a two-letter code in the language, and keeps other text as given', () => {
      expect(countryName('US', 'en-GB')).to.equal('United States');
      expect(countryName('us', 'es-MX')).to.equal('Estados Unidos');
      expect(countryName('Mexico', 'en-US')).to.equal('Mexico');
      expect(countryName('US', 'not a language')).to.equal('US');
    });

    it('leaves out the country of the language tag’s own region, without making names', () => {
      expect(countryName('US', 'en-US')).to.equal(undefined);
      expect(countryName('mx', 'es-MX')).to.equal(undefined);
      expect(countryName('ES', 'es-Latn-ES')).to.equal(undefined);
      expect(made).to.deep.equal([]);
    });

    it('makes the names once per language', () => {
      for (let i = 0; i < 3; i++) {
        countryName('FR', 'de-AT');
        countryName('DE', 'de-AT');
        countryName('FR', 'nl');
      }
      expect(made).to.deep.equal(['de-AT', 'nl']);
    });

    it('reads the region of a language tag', () => {
      expect(['en-US', 'en-Latn-US', 'es-419', 'EN-gb-oxendict', 'en', 'zh-Hant', ''].map(regionOf)).to.deep.equal([
        'US', 'US', '419', 'GB', undefined, undefined, undefined,
      ]);
    });
  });
});
