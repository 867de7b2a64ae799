import { expect } from '@open-wc/testing';
import { renderMarkdown } from '../../src/data/markdown.js';
import { fakeFetch, json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { part, partText, settled } from '../helpers.js';

/**
 * Where the links of a Markdown body lead, and which body a card shows: links to other sites are
 * judged against the page's own origin (whatever its `<base href>` says), relative links in a
 * document from another origin resolve against that document, and a body rendered for content
 * that is no longer shown never appears.
 */

async function rendered(markdown: string, base?: string): Promise<HTMLDivElement> {
  const div = document.createElement('div');
  div.append(await renderMarkdown(markdown, { base }));
  return div;
}

/** Resolves as soon as the card reflects `status="loading"` (a microtask after its update, before any slice of a render). */
function whenLoading(card: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (card.getAttribute('status') !== 'loading') return;
      observer.disconnect();
      resolve();
    });
    observer.observe(card, { attributes: true, attributeFilter: ['status'] });
  });
}

type Card = HTMLElement & { data?: unknown; variant: string; status?: string; updateComplete: Promise<unknown>; requestUpdate(): void };

describe('Markdown links on a page with <base href> to another origin', () => {
  let base: HTMLBaseElement;

  beforeEach(() => {
    base = document.createElement('base');
    base.href = 'https://cdn.partner.example/assets/';
    document.head.prepend(base);
  });

  afterEach(() => base.remove());

  it('opens links to other sites safely, and leaves links to the page\u2019s own origin alone', async () => {
    expect(document.baseURI).to.equal('https://cdn.partner.example/assets/');
    const div = await rendered(`[out](https://elsewhere.example/) [own](${location.origin}/x)`);
    const [out, own] = [...div.querySelectorAll('a')];
    expect(out!.getAttribute('target')).to.equal('_blank');
    expect(out!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(own!.hasAttribute('target')).to.equal(false);
    expect(own!.hasAttribute('rel')).to.equal(false);
  });

  it('treats a relative link, which the base sends to another origin, as leaving the page', async () => {
    const div = await rendered('[relative](notes/1)');
    const a = div.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('notes/1');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
  });
});

describe('Markdown links in a document from another origin', () => {
  const from = 'https://content.clinic.example/docs/articles/a.json';

  it('resolve relative links and images against the document, and open them safely', async () => {
    const div = await rendered('[note](notes/1) [up](../about) [root](/contact) [top](#top) ![p](img/p.png)', from);
    const hrefs = [...div.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([
      'https://content.clinic.example/docs/articles/notes/1',
      'https://content.clinic.example/docs/about',
      'https://content.clinic.example/contact',
      '#top',
    ]);
    const [note, , , top] = [...div.querySelectorAll('a')];
    expect(note!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(top!.hasAttribute('rel')).to.equal(false);
    expect(div.querySelector('img')!.getAttribute('src')).to.equal('https://content.clinic.example/docs/articles/img/p.png');
  });

  it('keep absolute links as written, and still drop what the URL rule drops', async () => {
    const div = await rendered('[a](https://elsewhere.example/x) [b](javascript:alert(1)) [c](mailto:care@clinic.example)', from);
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://elsewhere.example/x',
      null,
      'mailto:care@clinic.example',
    ]);
  });

  it('a full card resolves them against the URL its document came from', async () => {
    const doc = sampleDocument();
    doc.article.body = 'See [the notes](notes/1) and ![a chart](img/chart.png).';
    fakeFetch({ [from]: json(doc) });
    const card = document.createElement('clinic-article-card') as Card;
    card.variant = 'full';
    card.setAttribute('src', from);
    card.hidden = true; // its image is on the document's origin, and a hidden lazy image is never fetched
    document.body.append(card);
    try {
      await settled(card);
      const body = part(card, 'body')!;
      expect(body.querySelector('a')!.getAttribute('href')).to.equal('https://content.clinic.example/docs/articles/notes/1');
      expect(body.querySelector('img')!.getAttribute('src')).to.equal('https://content.clinic.example/docs/articles/img/chart.png');
    } finally {
      card.remove();
    }
  });
});

/**
 * Resolves once a render of `body` started now has finished. Renders go in slices that queue
 * behind one another, so a render of the same body that was already under way has finished (or
 * stopped) by then too. (An idle callback would say the same where the browser has one.)
 */
async function afterAnyRenderOf(body: string): Promise<void> {
  await renderMarkdown(body).catch(() => undefined);
}

describe('a Markdown body rendered for content no longer shown', function () {
  this.timeout(30_000);

  it('is never shown, also after a later render', async () => {
    const doc = sampleDocument();
    const first = { ...doc.article, title: 'First', body: `## Old body\n\n${'Old *prose* with a [link](/x).\n\n'.repeat(3_000)}` };
    const second = { ...doc.article, title: 'Second', body: undefined };
    const card = document.createElement('clinic-article-card') as Card;
    card.variant = 'full';
    card.data = first;
    const loading = whenLoading(card);
    document.body.append(card);
    try {
      // The first body is being rendered (in slices) when the content changes.
      await loading;
      card.data = second;
      await settled(card);
      expect(partText(card, 'title')).to.equal('Second');
      // Let any render still under way finish, then draw again (as a change of the page's language does).
      await afterAnyRenderOf(first.body);
      card.requestUpdate();
      await card.updateComplete;
      expect(partText(card, 'title')).to.equal('Second');
      expect(part(card, 'body')).to.equal(null);
      expect(card.shadowRoot!.textContent).to.not.include('Old body');
    } finally {
      card.remove();
    }
  });

  it('is replaced by the body of the content that is shown', async () => {
    const doc = sampleDocument();
    const card = document.createElement('clinic-article-card') as Card;
    card.variant = 'full';
    const oldBody = `## Old body\n\n${'Old *prose*.\n\n'.repeat(3_000)}`;
    card.data = { ...doc.article, title: 'First', body: oldBody };
    const loading = whenLoading(card);
    document.body.append(card);
    try {
      await loading;
      card.data = { ...doc.article, title: 'Second', body: '## New body' };
      await settled(card);
      await afterAnyRenderOf(oldBody);
      card.requestUpdate();
      await card.updateComplete;
      expect(partText(card, 'title')).to.equal('Second');
      expect(partText(card, 'body')).to.equal('New body');
    } finally {
      card.remove();
    }
  });
});
