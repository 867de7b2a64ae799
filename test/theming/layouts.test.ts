import { expect, fixture, html } from '@open-wc/testing';
import { sampleDocument } from '../fixtures.js';
import { part, parts, settled, shadow } from '../helpers.js';
import { imagesLoaded, readyData } from './states.js';

const PHOTO = '/test/fixtures/photo.png';
const POSTS = [1, 2, 3, 4].map((n) => ({
  title: `Post number ${n}`,
  url: `https://clinic.example/${n}`,
  author: 'Ann',
  published: '2024-05-01',
  image: { src: PHOTO, alt: '' },
}));

/** An element inside a column of the given width (the window stays as it is). */
async function inColumn<T extends Element>(
  width: string,
  template: ReturnType<typeof html>,
  dir = 'ltr',
  properties: Record<string, string> = {},
): Promise<T> {
  const wrapper = await fixture(html`<div dir=${dir}>${template}</div>`);
  // Through the CSSOM, not a style attribute, so the suite also runs under a strict CSP.
  (wrapper as HTMLElement).style.setProperty('inline-size', width);
  for (const [name, value] of Object.entries(properties)) (wrapper as HTMLElement).style.setProperty(name, value);
  const el = await settled(wrapper.firstElementChild as T);
  await imagesLoaded(el);
  return el;
}

const box = (node: Element) => node.getBoundingClientRect();
const rows = (nodes: Element[]) => new Set(nodes.map((node) => Math.round(box(node).top))).size;

describe('related posts layouts', () => {
  it('list: one post a row, its image on the start side of its title', async () => {
    const el = await inColumn('40rem', html`<clinic-related-posts .data=${POSTS}></clinic-related-posts>`);
    const items = parts(el, 'item');
    expect(rows(items)).to.equal(4);
    const image = box(part(el, 'image')!);
    expect(image.right).to.be.at.most(box(part(el, 'link')!).left);
    expect(image.width / image.height).to.be.closeTo(4 / 3, 0.05);
  });

  it('grid: several posts a row when its column is wide, one when it is narrow, in the same window', async () => {
    const wide = await inColumn('48rem', html`<clinic-related-posts layout="grid" .data=${POSTS}></clinic-related-posts>`);
    const narrow = await inColumn('20rem', html`<clinic-related-posts layout="grid" .data=${POSTS}></clinic-related-posts>`);
    expect(rows(parts(wide, 'item'))).to.be.below(4);
    expect(box(parts(wide, 'item')[1]!).top).to.equal(box(parts(wide, 'item')[0]!).top);
    expect(rows(parts(narrow, 'item'))).to.equal(4);
    // In a grid cell the image spans the item, above its title.
    const image = box(part(wide, 'image')!);
    expect(image.width).to.be.closeTo(box(parts(wide, 'item')[0]!).width, 1);
    expect(image.bottom).to.be.at.most(box(part(wide, 'link')!).top);
  });

  it('grid: three posts share the whole row of a wide column, with no empty column beside them', async () => {
    // 72rem holds four columns of the default 14em: the three posts widen to fill them.
    const el = await inColumn('72rem', html`<clinic-related-posts layout="grid" .data=${POSTS.slice(0, 3)}></clinic-related-posts>`);
    const [items, list] = [parts(el, 'item'), part(el, 'list')!];
    expect(rows(items)).to.equal(1);
    expect(box(items[0]!).left).to.be.closeTo(box(list).left, 1);
    expect(box(items[2]!).right).to.be.closeTo(box(list).right, 1);
    const tracks = getComputedStyle(list).gridTemplateColumns.split(' ').filter((track) => parseFloat(track) > 0);
    expect(tracks, getComputedStyle(list).gridTemplateColumns).to.have.length(3);
  });

  it('grid: a wide window does not make a narrow column a grid, even where two columns would fit', async () => {
    const SMALL_COLUMNS = { '--clinic-related-min-column': '6rem' };
    // Four 6rem columns would fit in 28rem, but the grid starts when the widget is 32rem wide.
    const el = await inColumn('28rem', html`<clinic-related-posts layout="grid" .data=${POSTS}></clinic-related-posts>`, 'ltr', SMALL_COLUMNS);
    expect(window.innerWidth).to.be.greaterThan(32 * 16);
    expect(rows(parts(el, 'item'))).to.equal(4);
    const wide = await inColumn('33rem', html`<clinic-related-posts layout="grid" .data=${POSTS}></clinic-related-posts>`, 'ltr', SMALL_COLUMNS);
    expect(rows(parts(wide, 'item'))).to.equal(1);
  });

  it('compact: titles only, closer together', async () => {
    const list = await inColumn('30rem', html`<clinic-related-posts .data=${POSTS}></clinic-related-posts>`);
    const compact = await inColumn('30rem', html`<clinic-related-posts layout="compact" .data=${POSTS}></clinic-related-posts>`);
    expect(parts(compact, 'link').every((link) => box(link).height > 0)).to.equal(true);
    expect(parts(compact, 'image').every((image) => box(image).height === 0)).to.equal(true);
    expect(parts(compact, 'meta').every((meta) => box(meta).height === 0)).to.equal(true);
    expect(box(part(compact, 'list')!).height).to.be.below(box(part(list, 'list')!).height / 2);
  });
});

describe('article card layouts', () => {
  const article = () => ({ ...(readyData('clinic-article-card') as object), image: { src: PHOTO, alt: 'A photo' } });

  it('vertical (default): the image above the text', async () => {
    const el = await inColumn('44rem', html`<clinic-article-card .data=${article()}></clinic-article-card>`);
    expect(box(part(el, 'image')!).bottom).to.be.at.most(box(part(el, 'content')!).top + 0.5);
  });

  it('horizontal: the image inset on the start side at its own ratio, beside the text, when its column is wide', async () => {
    const el = await inColumn('44rem', html`<clinic-article-card layout="horizontal" .data=${article()}></clinic-article-card>`);
    const [card, image, content] = [box(part(el, 'card')!), box(part(el, 'image')!), box(part(el, 'content')!)];
    const padding = parseFloat(getComputedStyle(part(el, 'content')!).paddingInlineStart);
    expect(padding).to.be.greaterThan(0);
    expect(image.left).to.be.closeTo(card.left + 1 + padding, 1);
    expect(image.top).to.be.closeTo(card.top + 1 + padding, 1);
    expect(image.right).to.be.at.most(content.left + 0.5);
    expect(image.width / card.width).to.be.closeTo(0.4, 0.02);
    expect(image.width / image.height, 'the 16:9 photo, uncropped').to.be.closeTo(16 / 9, 0.02);
    expect(getComputedStyle(part(el, 'image')!).objectFit).to.equal('cover');
  });

  it('horizontal: a long text does not stretch the image to its height and crop it', async () => {
    const data = { ...article(), body: 'A long body. '.repeat(200) };
    const el = await inColumn('44rem', html`<clinic-article-card layout="horizontal" variant="full" .data=${data}></clinic-article-card>`);
    const [image, content] = [box(part(el, 'image')!), box(part(el, 'content')!)];
    expect(content.height).to.be.greaterThan(3 * image.height);
    expect(image.width / image.height).to.be.closeTo(16 / 9, 0.02);
  });

  it('shows the start of a long summary, four lines by default, all of it with --clinic-card-summary-lines: none', async () => {
    const data = { ...sampleDocument().article, summary: 'A long summary. '.repeat(60) };
    const clamped = await inColumn('30rem', html`<clinic-article-card .data=${data}></clinic-article-card>`);
    const summary = part(clamped, 'summary')!;
    const line = parseFloat(getComputedStyle(summary).lineHeight);
    expect(box(summary).height).to.be.closeTo(4 * line, 1);
    const full = await inColumn('30rem', html`<clinic-article-card .data=${data}></clinic-article-card>`, 'ltr', { '--clinic-card-summary-lines': 'none' });
    expect(box(part(full, 'summary')!).height).to.be.greaterThan(10 * line);
  });

  it('horizontal: falls back to the image above the text in a narrow column', async () => {
    const el = await inColumn('20rem', html`<clinic-article-card layout="horizontal" .data=${article()}></clinic-article-card>`);
    expect(box(part(el, 'image')!).bottom).to.be.at.most(box(part(el, 'content')!).top + 0.5);
  });
});

describe('images', () => {
  it('load lazily in every element', async () => {
    const card = await inColumn('30rem', html`<clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>`);
    const publisher = await inColumn('30rem', html`<clinic-publisher .data=${readyData('clinic-publisher')}></clinic-publisher>`);
    const related = await inColumn('30rem', html`<clinic-related-posts .data=${POSTS}></clinic-related-posts>`);
    const images = [card, publisher, related].flatMap((el) => [...shadow(el).querySelectorAll('img')]);
    expect(images.length).to.equal(6);
    expect(images.map((img) => img.loading)).to.deep.equal(Array(6).fill('lazy'));
  });

  it('keep their aspect ratio: shown whole at their own ratio, or cropped, never stretched', async () => {
    const card = await inColumn('30rem', html`<clinic-article-card .data=${{ title: 'T', image: { src: PHOTO, alt: 'A photo' } }}></clinic-article-card>`);
    const sized = await inColumn('30rem', html`<clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>`);
    const publisher = await inColumn('30rem', html`<clinic-publisher .data=${readyData('clinic-publisher')}></clinic-publisher>`);
    const related = await inColumn('30rem', html`<clinic-related-posts .data=${POSTS}></clinic-related-posts>`);
    const horizontal = await inColumn('44rem', html`<clinic-article-card layout="horizontal" .data=${sampleDocument().article}></clinic-article-card>`);
    for (const el of [card, sized, publisher, related, horizontal]) {
      for (const img of shadow(el).querySelectorAll('img')) {
        const { width, height } = box(img);
        const fit = getComputedStyle(img).objectFit;
        const natural = img.naturalWidth / img.naturalHeight;
        const label = `${el.localName} ${img.getAttribute('part')} ${fit} ${width}x${height}`;
        expect(img.naturalWidth, label).to.be.greaterThan(0);
        if (fit !== 'cover' && fit !== 'contain') expect(width / height, label).to.be.closeTo(natural, natural * 0.02);
      }
    }
    // Without width and height, the card's image box is 16:9 before and after loading.
    const image = box(part(card, 'image')!);
    expect(image.width / image.height).to.be.closeTo(16 / 9, 0.02);
  });

  it('wait below the fold, and hold the box their width and height give while they wait', async () => {
    const image = { src: `${PHOTO}?below-the-fold`, alt: 'A photo', width: 1200, height: 600 };
    const wrapper = await fixture(html`<div><clinic-article-card .data=${{ title: 'T', image }}></clinic-article-card></div>`);
    (wrapper as HTMLElement).style.setProperty('margin-block-start', '3000vh');
    (wrapper as HTMLElement).style.setProperty('inline-size', '30rem');
    const el = await settled(wrapper.firstElementChild!);
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.naturalWidth, 'not fetched while far from the viewport').to.equal(0);
    // The photo itself is 16:9; the box is 2:1 from the attributes, so nothing moves when it arrives.
    expect(box(img).width / box(img).height).to.be.closeTo(2, 0.02);
  });
});

describe('right to left', () => {
  it('mirrors the horizontal card: the image on the right, the text on its left', async () => {
    const el = await inColumn('44rem', html`<clinic-article-card layout="horizontal" .data=${readyData('clinic-article-card')}></clinic-article-card>`, 'rtl');
    const [card, image, content] = [box(part(el, 'card')!), box(part(el, 'image')!), box(part(el, 'content')!)];
    const padding = parseFloat(getComputedStyle(part(el, 'content')!).paddingInlineStart);
    expect(image.right).to.be.closeTo(card.right - 1 - padding, 1);
    expect(content.right).to.be.at.most(image.left + 0.5);
    expect(getComputedStyle(part(el, 'title')!).textAlign).to.equal('start');
    expect(box(part(el, 'title')!).right).to.be.closeTo(content.right - parseFloat(getComputedStyle(part(el, 'content')!).paddingInlineStart), 1);
  });

  it('mirrors the related list: images on the right of their titles', async () => {
    const el = await inColumn('30rem', html`<clinic-related-posts .data=${POSTS}></clinic-related-posts>`, 'rtl');
    const image = box(part(el, 'image')!);
    expect(image.left).to.be.at.least(box(part(el, 'link')!).right);
    expect(box(part(el, 'heading')!).right).to.be.closeTo(box(part(el, 'list')!).right, 1);
  });

  it('puts the error state’s accent border on the start side', async () => {
    const ltr = await inColumn('30rem', html`<clinic-publisher .data=${{ phone: '1' }}></clinic-publisher>`);
    const rtl = await inColumn('30rem', html`<clinic-publisher .data=${{ phone: '1' }}></clinic-publisher>`, 'rtl');
    expect(getComputedStyle(part(ltr, 'error')!).borderLeftWidth).to.equal('4px');
    expect(getComputedStyle(part(rtl, 'error')!).borderRightWidth).to.equal('4px');
    expect(getComputedStyle(part(rtl, 'error')!).borderLeftWidth).to.equal('1px');
  });

  it('points the card’s “Read more” arrow the reading way', async () => {
    const ltr = await inColumn('30rem', html`<clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>`);
    const rtl = await inColumn('30rem', html`<clinic-article-card .data=${readyData('clinic-article-card')}></clinic-article-card>`, 'rtl');
    expect(getComputedStyle(part(ltr, 'read-more')!, '::after').content).to.contain('→');
    expect(getComputedStyle(part(rtl, 'read-more')!, '::after').content).to.contain('←');
  });
});

describe('mixed directions', () => {
  it('keeps a Latin address and phone number in order on a right-to-left page', async () => {
    const el = await inColumn('30rem', html`<clinic-publisher name="P" phone="916-915-9215" address="1010 Hurley Way Suite 140"></clinic-publisher>`, 'rtl');
    const address = part(el, 'address')!;
    const isolated = address.querySelector('bdi');
    expect(isolated?.textContent).to.equal('1010 Hurley Way Suite 140');
    // Isolated, the number stays at the start of its line, left of the words.
    const text = document.createTreeWalker(isolated!, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    expect(range.getBoundingClientRect().left).to.be.closeTo(box(isolated!).left, 1);
    expect(part(el, 'phone')!.querySelector('bdi')?.textContent).to.equal('916-915-9215');
  });
});
