import { expect, fixture, html } from '@open-wc/testing';
import { setFetch } from '../../src/data/client.js';
import { MAX_BODY_LENGTH, MAX_LIST_ITEMS, MAX_NESTING } from '../../src/data/markdown.js';
import { json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { eventsOf, partText, parts, settled } from '../helpers.js';

/**
 * Bodies built to crash or freeze a Markdown parser, shown by a full article card beside a
 * publisher block. Whatever the body, the card ends in `ready` or `error` (with a clinic-error
 * event saying why), nothing is thrown at the page, and the neighbour keeps working. Speed is
 * measured in bench/markdown.mjs, not here; a body that froze the page would time the test out.
 */

const MB = 1_000_000;

function nestedList(length: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const line = `${' '.repeat((i % 40) * 2)}- item ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));

async function showBody(body: string): Promise<{ card: HTMLElement; neighbour: HTMLElement; message?: string }> {
  const doc = sampleDocument();
  const wrapper = await fixture<HTMLElement>(html`<div>
    <clinic-article-card variant="full" .data=${{ ...doc.article, body }}></clinic-article-card>
    <clinic-publisher .data=${doc.publisher}></clinic-publisher>
  </div>`);
  const [card, neighbour] = [...wrapper.children] as HTMLElement[];
  await settled(card!, 50_000);
  await settled(neighbour!);
  return { card: card!, neighbour: neighbour!, message: eventsOf('clinic-error', card)[0]?.detail.message };
}

describe('pathological Markdown bodies in <clinic-article-card>', function () {
  this.timeout(60_000);

  beforeEach(() => {
    uncaught.length = 0;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    expect(uncaught, 'errors that reached the page').to.deep.equal([]);
  });

  const TOO_DEEP = `article.body nests lists or block quotes more than ${MAX_NESTING} deep`;

  it('2,000 nested block quotes: the error state, saying they nest too deep', async () => {
    const { card, neighbour, message } = await showBody('>'.repeat(2000) + ' deep');
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal(TOO_DEEP);
    expect(neighbour.getAttribute('status')).to.equal('ready');
  });

  it('5,000 nested emphasis markers: rendered, the markers as typed', async () => {
    const { card, neighbour, message } = await showBody('*'.repeat(5000) + 'deep' + '*'.repeat(5000));
    expect(card.getAttribute('status')).to.equal('ready');
    expect(message).to.equal(undefined);
    expect(partText(card, 'body')).to.include('deep');
    expect(neighbour.getAttribute('status')).to.equal('ready');
  });

  it('5,000 nested list markers on one line (a stack overflow in marked): the error state', async () => {
    const { card, neighbour, message } = await showBody('- '.repeat(5000) + 'deep');
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal(TOO_DEEP);
    expect(neighbour.getAttribute('status')).to.equal('ready');
  });

  it('40,000 tiny list items: refused before they are parsed', async () => {
    const { card, message } = await showBody('- a\n\n'.repeat(40_000));
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal(`article.body has more than ${MAX_LIST_ITEMS.toLocaleString('en')} list items`);
  });

  it('400 nested list levels separated by blank lines: refused', async () => {
    const body = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n\n');
    const { card, message } = await showBody(body);
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal('article.body has a list or block quote too large to render');
  });

  it('a tag with 150,000 spaces and an event handler in it: rendered, without the handler', async () => {
    const { card, message } = await showBody(`<div${' '.repeat(150_000)}a onclick=x>text</div>`);
    expect(card.getAttribute('status')).to.equal('ready');
    expect(message).to.equal(undefined);
    expect(partText(card, 'body')).to.equal('text');
  });

  it('a 1 MB nested list: refused by the size cap', async () => {
    const body = nestedList(MB);
    expect(body.length).to.be.at.least(MB);
    const { card, neighbour, message } = await showBody(body);
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal(`article.body is longer than the ${MAX_BODY_LENGTH.toLocaleString('en')}-character limit`);
    expect(neighbour.getAttribute('status')).to.equal('ready');
  });

  it('a 1 MB body: refused by the size cap', async () => {
    const { card, message } = await showBody('Lorem ipsum dolor sit amet. '.repeat(36_000));
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal(`article.body is longer than the ${MAX_BODY_LENGTH.toLocaleString('en')}-character limit`);
  });

  it('a 1 MB document from an endpoint: refused before it is parsed', async () => {
    const doc = sampleDocument();
    doc.article.body = 'Lorem ipsum dolor sit amet. '.repeat(36_000);
    setFetch(() => Promise.resolve(json(doc)));
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card variant="full" src="/test/security/large.json"></clinic-article-card>
      <clinic-publisher .data=${sampleDocument().publisher}></clinic-publisher>
    </div>`);
    const [card, neighbour] = [...wrapper.children] as HTMLElement[];
    await settled(card!);
    expect(card!.getAttribute('status')).to.equal('error');
    expect(neighbour!.getAttribute('status')).to.equal('ready');
  });

  it('a body just under the cap, of paragraphs built for marked\u2019s quadratic paths: rendered', async () => {
    const paragraph = '*a_'.repeat(3_300);
    const count = Math.floor(MAX_BODY_LENGTH / (paragraph.length + 2));
    const { card, neighbour, message } = await showBody(`${paragraph}\n\n`.repeat(count));
    expect(card.getAttribute('status')).to.equal('ready');
    expect(message).to.equal(undefined);
    expect(parts(card, 'body')[0]!.querySelectorAll('p')).to.have.length(count);
    expect(neighbour.getAttribute('status')).to.equal('ready');
  });

  it('a list item of 100,000 lazy continuation lines: refused before it is parsed', async () => {
    const { card, message } = await showBody('- first\n' + 'b\n'.repeat(99_000));
    expect(card.getAttribute('status')).to.equal('error');
    expect(message).to.equal('article.body has more than 2,000 lines without a blank line');
  });

  it('the shape of marked\u2019s link-definition ReDoS advisory (CVE-2022-21680): rendered', async () => {
    const { card } = await showBody(`[x]:${' '.repeat(1500)}x ${' '.repeat(1500)} x`);
    expect(card.getAttribute('status')).to.equal('ready');
  });

  it('recovers: the same card renders a normal body after a refused one', async () => {
    const doc = sampleDocument();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card variant="full" .data=${{ ...doc.article, body: '- '.repeat(5000) + 'deep' }}></clinic-article-card>
    </div>`);
    const card = wrapper.firstElementChild as HTMLElement & { data: unknown };
    await settled(card);
    expect(card.getAttribute('status')).to.equal('error');
    card.data = doc.article;
    await settled(card);
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.getAttribute('status')).to.equal('ready');
    expect(card.shadowRoot!.querySelector('[part~="body"] h2')!.textContent).to.equal('Section');
  });
});
