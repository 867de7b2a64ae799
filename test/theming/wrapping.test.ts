import { expect, fixture, html } from '@open-wc/testing';
import { pageStyles, settled, setStyles, shadow } from '../helpers.js';

/** 300 characters without a break opportunity, as a pasted name, URL or hash would be. */
const LONG = 'Ketamine'.repeat(37) + 'Clinic';
const LONG_URL = `https://clinic.example/${'very-long-path-segment_'.repeat(13)}`.replace(/-/g, '');
const COLUMN = 320;

/**
 * Puts `template` in a 320px column and checks that nothing the widget draws is wider than it:
 * not the element, no box inside it (text that overflows its box counts: a box's scrollWidth), and
 * not the page.
 */
async function staysInColumn(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const column = await fixture<HTMLElement>(html`<div>${template}</div>`);
  setStyles(column, { 'inline-size': `${COLUMN}px` });
  const el = await settled(column.firstElementChild as HTMLElement);
  const { status, errorMessage } = el as unknown as { status: string; errorMessage?: string };
  expect(status, `the element rendered (${errorMessage})`).to.equal('ready');
  const right = column.getBoundingClientRect().right;
  const wider: string[] = [];
  for (const node of shadow(el).querySelectorAll<HTMLElement>('*')) {
    if (node.closest('pre')) continue; // code blocks scroll inside the widget
    const box = node.getBoundingClientRect();
    const label = `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : `.${node.className}`}`;
    if (box.width && box.right > right + 0.5) wider.push(`${label} ends at ${Math.round(box.right)}px`);
    if (node.clientWidth && node.scrollWidth > node.clientWidth + 1) wider.push(`${label} overflows: ${node.scrollWidth} > ${node.clientWidth}`);
  }
  expect(wider, `boxes past the ${COLUMN}px column`).to.deep.equal([]);
  expect(el.scrollWidth, 'the element').to.be.at.most(COLUMN);
  expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(window.innerWidth);
  return el;
}

describe('long unbroken strings wrap inside the widget', () => {
  it('in the article card: category, title, author and summary', async () => {
    await staysInColumn(html`<clinic-article-card
      .data=${{ title: LONG, category: LONG, author: LONG, summary: LONG, url: LONG_URL, published: '2024-05-01' }}
    ></clinic-article-card>`);
  });

  it('in the horizontal card with an image', async () => {
    await staysInColumn(html`<clinic-article-card layout="horizontal"
      .data=${{ title: LONG, category: LONG, author: LONG, summary: LONG, image: { src: '/test/fixtures/photo.png', alt: LONG } }}
    ></clinic-article-card>`);
  });

  it('in a full article body: words, links and inline code; a code block scrolls', async () => {
    const body = `## ${LONG}\n\n${LONG}\n\n<${LONG_URL}>\n\n[${LONG}](${LONG_URL})\n\n\`${LONG}\`\n\n- ${LONG}\n\n> ${LONG}\n\n| ${LONG} | b |\n|---|---|\n| ${LONG} | d |\n\n\`\`\`\n${LONG}\n\`\`\``;
    const el = await staysInColumn(html`<clinic-article-card variant="full" .data=${{ title: LONG, body }}></clinic-article-card>`);
    const pre = shadow(el).querySelector('pre')!;
    expect(pre.scrollWidth, 'the code block scrolls').to.be.above(pre.clientWidth);
    expect(pre.getBoundingClientRect().width).to.be.at.most(COLUMN);
  });

  it('in the publisher block: name, headline, description, address and phone', async () => {
    await staysInColumn(html`<clinic-publisher
      .data=${{ name: LONG, headline: LONG, description: LONG, url: LONG_URL, phone: '9'.repeat(300), address: { street: LONG, city: LONG, region: LONG, postalCode: LONG, country: 'US' } }}
    ></clinic-publisher>`);
  });

  it('in the related posts: heading, titles and authors, in each layout', async () => {
    const posts = [{ title: LONG, url: LONG_URL, author: LONG, published: '2024-05-01' }, { title: LONG, url: '/b', image: { src: '/test/fixtures/photo.png', alt: '' } }];
    for (const layout of ['list', 'grid', 'compact']) {
      await staysInColumn(html`<clinic-related-posts heading=${LONG} layout=${layout} .data=${posts}></clinic-related-posts>`);
    }
  });

  it('in the error message', async () => {
    const column = await fixture<HTMLElement>(html`<div><clinic-publisher error-label=${LONG} .data=${{ phone: '1' }}></clinic-publisher></div>`);
    setStyles(column, { 'inline-size': `${COLUMN}px` });
    const el = await settled(column.firstElementChild!);
    expect(el.getAttribute('status')).to.equal('error');
    expect(el.scrollWidth).to.be.at.most(COLUMN);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('even when the page asks its text not to wrap', async () => {
    pageStyles('.nowrap, .nowrap * { white-space: nowrap; overflow-wrap: normal; word-break: keep-all; }');
    const column = await fixture<HTMLElement>(html`<div class="nowrap"><clinic-publisher .data=${{ name: LONG, description: `${LONG} ${LONG}` }}></clinic-publisher></div>`);
    setStyles(column, { 'inline-size': `${COLUMN}px` });
    const el = await settled(column.firstElementChild as HTMLElement);
    expect(el.scrollWidth).to.be.at.most(COLUMN);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });
});
