import { expect, waitUntil } from '@open-wc/testing';

/**
 * The built bundles (built by `npm test` before it runs) on a page whose scripts added enumerable
 * properties to Object.prototype before the bundle loaded, as old libraries do: every element is
 * defined and renders the document, and nothing inherited is taken for content.
 */
async function openPage(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame;
}

type PageWindow = Window & { pageErrors: string[] };

for (const [bundle, path] of [
  ['the classic script', '/test/pages/polluted.html'],
  ['the ES module', '/test/pages/polluted-module.html'],
] as const) {
  describe(`${bundle} on a page that extends Object.prototype`, () => {
    it('defines every element and renders the document', async function () {
      this.timeout(90000);
      const frame = await openPage(path);
      try {
        const win = frame.contentWindow as PageWindow;
        const doc = frame.contentDocument!;
        const elements = [...doc.body.children].filter((el) => el.localName.startsWith('clinic-'));
        await waitUntil(
          () => win.pageErrors.length > 0 || elements.every((el) => el.getAttribute('status') === 'ready'),
          `the widgets did not render: ${elements.map((el) => el.getAttribute('status'))} ${win.pageErrors}`,
          { timeout: 45000 },
        );
        expect(win.pageErrors).to.deep.equal([]);
        for (const tag of ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts']) {
          expect(win.customElements.get(tag), tag).to.not.equal(undefined);
        }
        const [card, publisher, list] = elements.map((el) => el.shadowRoot!);
        expect(card!.querySelector('[part~="title"]')!.textContent).to.equal('The Science Behind Ketamine Infusion Therapy');
        await waitUntil(() => card!.querySelectorAll('[part~="body"] p').length > 0, 'the Markdown body did not render', { timeout: 30000 });
        expect(card!.querySelectorAll('[part~="body"] p')).to.have.length(8);
        expect(publisher!.querySelector('[part~="name"]')!.textContent).to.equal('Propel Therapeutics');
        expect(list!.querySelectorAll('[part~="item"]').length).to.be.greaterThan(0);
        const links = [card, publisher, list].flatMap((root) => [...root!.querySelectorAll('a')].map((a) => a.href));
        expect(links.filter((href) => href.includes('inherited.example'))).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  });
}
