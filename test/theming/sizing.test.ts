import { expect, fixture, html } from '@open-wc/testing';
import { pageStyles, part, settled, setStyles } from '../helpers.js';
import { imagesLoaded, readyData } from './states.js';

/** A WordPress-style theme: the root font size is 10px, the page's own text sized in rem. */
const SMALL_ROOT = 'html { font-size: 62.5%; } body { font-size: 1.6rem; }';

/** The three elements with every field, each in a column `width` wide, settled. */
async function widgets(width = '30em', properties: Record<string, string> = {}): Promise<HTMLElement[]> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>
    <clinic-publisher .data=${readyData('clinic-publisher')}></clinic-publisher>
    <clinic-related-posts .data=${readyData('clinic-related-posts')}></clinic-related-posts>
  </div>`);
  setStyles(wrapper, { 'inline-size': width, ...properties });
  const elements = [...wrapper.children] as HTMLElement[];
  for (const el of elements) await imagesLoaded(await settled(el));
  return elements;
}

/** Computed sizes of text, spacing and images across the three elements, by name. */
function sizes([card, publisher, related]: HTMLElement[]): Record<string, string> {
  const style = (el: HTMLElement, name: string) => getComputedStyle(part(el, name)!);
  return {
    'card summary': style(card!, 'summary').fontSize,
    'card title': style(card!, 'title').fontSize,
    'card meta': style(card!, 'meta').fontSize,
    'card category': style(card!, 'category').fontSize,
    'card padding': style(card!, 'content').paddingTop,
    'publisher name': style(publisher!, 'name').fontSize,
    'publisher description': style(publisher!, 'description').fontSize,
    'publisher address': style(publisher!, 'address').fontSize,
    'publisher phone': style(publisher!, 'phone').fontSize,
    'publisher logo height': style(publisher!, 'logo').height,
    'publisher padding': style(publisher!, 'block').paddingTop,
    'related heading': style(related!, 'heading').fontSize,
    'related title': style(related!, 'link').fontSize,
    'related meta': style(related!, 'meta').fontSize,
    'related image width': style(related!, 'image').width,
    'related gap': style(related!, 'list').rowGap,
  };
}

describe('sizing inside any page', () => {
  it('sizes text from 16px by default: body 16px, title 20px, small text 14px', async () => {
    const found = sizes(await widgets());
    expect([found['card summary'], found['card title'], found['card meta'], found['publisher address'], found['card padding']]).to.deep.equal(['16px', '20px', '14px', '14px', '16px']);
  });

  it('looks the same on a page whose root font size is 62.5%', async () => {
    const normal = sizes(await widgets());
    pageStyles(SMALL_ROOT);
    expect(getComputedStyle(document.documentElement).fontSize, 'the page has a 10px root').to.equal('10px');
    expect(sizes(await widgets())).to.deep.equal(normal);
  });

  it('keeps the layouts\' breakpoints in the widget\'s own em, not the root\'s', async () => {
    // 400px is below the horizontal card's 34em (544px) and the grid's 32em (512px), but above
    // 34rem and 32rem on a 10px root.
    pageStyles(SMALL_ROOT);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card layout="horizontal" .data=${readyData('clinic-article-card')}></clinic-article-card>
      <clinic-related-posts layout="grid" .data=${readyData('clinic-related-posts')}></clinic-related-posts>
    </div>`);
    setStyles(wrapper, { 'inline-size': '400px' });
    const [card, related] = [...wrapper.children] as HTMLElement[];
    await settled(card!);
    await settled(related!);
    expect(getComputedStyle(part(card!, 'card')!).flexDirection).to.equal('column');
    expect(getComputedStyle(part(related!, 'list')!).gridTemplateColumns.split(' ')).to.have.length(1);
  });

  it('scales everything with --clinic-font-size', async () => {
    const found = sizes(await widgets('40em', { '--clinic-font-size': '20px' }));
    expect([found['card summary'], found['card title'], found['card meta'], found['card padding'], found['publisher logo height']]).to.deep.equal(['20px', '25px', '17.5px', '20px', '70px']);
  });

  it('takes an em --clinic-font-size relative to the text around the element, once', async () => {
    const found = sizes(await widgets('40em', { 'font-size': '20px', '--clinic-font-size': '1.1em' }));
    expect(found['card summary']).to.equal('22px');
    expect(found['card title']).to.equal('27.5px');
  });

  it('is not resized by a page rule on the host: --clinic-font-size is the way in', async () => {
    pageStyles('.sized > * { font-size: 30px; } .sized clinic-publisher { font-size: 5px !important; }');
    const [card, publisher] = await widgets();
    card!.parentElement!.classList.add('sized');
    expect(getComputedStyle(card!).fontSize).to.equal('16px');
    expect(getComputedStyle(part(card!, 'summary')!).fontSize).to.equal('16px');
    expect(getComputedStyle(part(publisher!, 'description')!).fontSize).to.equal('16px');
  });
});
