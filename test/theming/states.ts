/** Builds each element in each visual state, for the accessibility and contrast suites. */
import { fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { fakeFetch } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { settled } from '../helpers.js';

export const TAGS = ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'] as const;
export type Tag = (typeof TAGS)[number];
export const STATES = ['ready', 'loading', 'error'] as const;
export type State = (typeof STATES)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const PHOTO = '/test/fixtures/photo.png';

/** The content each element shows when ready: every field, with an image. */
export function readyData(tag: Tag): unknown {
  const doc = sampleDocument();
  if (tag === 'clinic-article-card') return doc.article;
  if (tag === 'clinic-publisher') return { ...doc.publisher, logo: { src: PHOTO, alt: 'Sample Clinic' } };
  return [{ ...doc.related[0]!, image: { src: PHOTO, alt: '' } }, ...doc.related.slice(1)];
}

/** Content that fails to parse, so the element shows its error state. */
const BROKEN: Record<Tag, unknown> = {
  'clinic-article-card': { summary: 'no title' },
  'clinic-publisher': { phone: '555' },
  'clinic-related-posts': [{ title: 'no url' }],
};

/** The element `tag` in `state`, with `theme` set, inside a 40rem column; `attrs` are extra attributes. */
export async function build<T extends HTMLElement = HTMLElement>(
  tag: Tag,
  state: State,
  theme: Theme | 'auto' = 'auto',
  attrs = '',
): Promise<T> {
  const name = unsafeStatic(tag);
  const extra = unsafeStatic(attrs);
  let el: T;
  if (state === 'loading') {
    fakeFetch({ '/theming-hang.json': 'hang' });
    const wrapper = await fixture(html`<div class="column"><${name} theme=${theme} ${extra} src="/theming-hang.json"></${name}></div>`);
    el = wrapper.firstElementChild as T;
  } else {
    const data = state === 'ready' ? readyData(tag) : BROKEN[tag];
    const wrapper = await fixture(html`<div class="column"><${name} theme=${theme} ${extra} .data=${data}></${name}></div>`);
    el = await settled(wrapper.firstElementChild as T);
  }
  (el.parentElement as HTMLElement).style.setProperty('inline-size', '40rem');
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  if (el.getAttribute('status') !== state) throw new Error(`<${tag}> is ${el.getAttribute('status')}, not ${state}`);
  await imagesLoaded(el);
  return el;
}

/** Waits for the images in an element's shadow root to load (or fail). */
export async function imagesLoaded(el: Element): Promise<void> {
  const images = [...el.shadowRoot!.querySelectorAll('img')];
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
}
