import { expect, waitUntil } from '@open-wc/testing';

/**
 * The built bundles as a partner page uses them (built by `npm test` before it runs): the IIFE
 * pasted twice and the ES module on one page.
 */
describe('the built bundles on a partner page', () => {
  let frame: HTMLIFrameElement;

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '600px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/pages/partner.html';
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    await waitUntil(
      () => [...doc.querySelectorAll('[status]')].filter((el) => el.getAttribute('status') !== 'loading').length === 4,
      'the widgets did not settle',
      { timeout: 5000 },
    );
  });

  after(() => frame.remove());

  it('defines every element once, without an error on the page', () => {
    const win = frame.contentWindow as Window & { pageErrors: string[]; ClinicWidgets?: Record<string, unknown> };
    expect(win.pageErrors).to.deep.equal([]);
    expect(typeof win.ClinicWidgets?.['ClinicArticleCard']).to.equal('function');
    expect(typeof win.ClinicWidgets?.['defineAll']).to.equal('function');
  });

  it('renders the seed content, Markdown body included, from the shared endpoint', () => {
    const doc = frame.contentDocument!;
    const statuses = [...doc.body.children].filter((el) => el.localName.startsWith('clinic-')).map((el) => el.getAttribute('status'));
    expect(statuses).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    const card = doc.querySelector('clinic-article-card')!;
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('The Science Behind Ketamine Infusion Therapy');
    expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
    const fetched = performance
      .getEntriesByType('resource')
      .concat(frame.contentWindow!.performance.getEntriesByType('resource'))
      .filter((entry) => entry.name.endsWith('/ketamine-infusion-therapy.json'));
    expect(fetched).to.have.length(1);
  });
});
