import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setFetch } from '../../src/data/client.js';
import { json } from '../fake-client.js';
import { settled } from '../helpers.js';
import {
  PHOTO,
  calls,
  exercise,
  findUnsafe,
  imagesSettled,
  installDetector,
  resetDetector,
  scriptingElementsInDocument,
  violations,
} from './detector.js';
import type { Vector } from './vectors.js';

/**
 * Every vector through every way content reaches the three elements: each field of the `data`
 * property, each field of a fetched document (and `src` itself), and every attribute each element
 * observes. A vector is blocked when, after the elements have rendered and every link has been
 * hovered, clicked and focused, the detector was not called, no unsafe markup is left in any
 * shadow root (see detector.ts), the page reported no CSP violation and no script-capable element
 * was added to the page.
 *
 * Image URLs are tested on elements inside a `display: none` wrapper, where lazy images are never
 * fetched: a vector that is a harmless relative URL would otherwise be requested from the test
 * server. Everything else is rendered visibly and exercised.
 */

const DOCUMENT_URL = '/test/security/document.json';

type Tag = 'clinic-article-card' | 'clinic-publisher' | 'clinic-related-posts';

function article(v: string, imageSrc = PHOTO) {
  return {
    id: v,
    title: v,
    url: v,
    category: v,
    summary: v,
    body: v,
    author: v,
    tags: [v],
    image: { src: imageSrc, alt: v, width: 1200, height: 630 },
  };
}

function publisher(v: string, logoSrc = PHOTO) {
  return {
    name: v,
    headline: v,
    url: v,
    phone: v,
    description: v,
    address: { street: v, city: v, region: v, postalCode: v, country: v },
    logo: { src: logoSrc, alt: v },
  };
}

function related(v: string, imageSrc = PHOTO) {
  return [
    { title: v, url: v, author: v, image: { src: imageSrc, alt: v } },
    { title: 'Second post', url: v, author: v },
  ];
}

function documentFor(v: string, imageSrc = PHOTO) {
  return {
    version: 1,
    site: { name: v, url: v },
    article: article(v, imageSrc),
    publisher: publisher(v, imageSrc),
    related: related(v, imageSrc),
  };
}

/**
 * Attributes set apart from the rest: they make the whole element fail (`data` that is not JSON),
 * replace what the others say (`data`, `items`), or load something.
 */
const SPECIAL = new Set(['src', 'status', 'published', 'image', 'logo', 'items', 'data']);

/** An element with every attribute it observes set to `v`, apart from `overrides`. */
function withAttributes(tag: Tag, v: string, overrides: Record<string, string> = {}, all = false): HTMLElement {
  const el = document.createElement(tag);
  const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
  for (const name of observed) {
    if (!all && SPECIAL.has(name)) continue;
    el.setAttribute(name, v);
  }
  for (const [name, value] of Object.entries(overrides)) el.setAttribute(name, value);
  return el;
}

/** The visible elements for one vector: they are rendered, exercised and inspected. */
function visible(v: string): TemplateResult {
  const attributes: HTMLElement[] = [
    withAttributes('clinic-article-card', v, { image: PHOTO }),
    withAttributes('clinic-article-card', v, { image: PHOTO, variant: 'full' }),
    withAttributes('clinic-publisher', v, { logo: PHOTO }),
    withAttributes('clinic-related-posts', v, { items: JSON.stringify(related(v)) }),
    withAttributes('clinic-related-posts', v, { items: v }),
  ];
  return html`
    <clinic-article-card variant="full" .data=${article(v)}></clinic-article-card>
    <clinic-article-card .data=${article(v)}></clinic-article-card>
    <clinic-article-card .data=${{ ...article(v), published: v }}></clinic-article-card>
    <clinic-publisher .data=${publisher(v)}></clinic-publisher>
    <clinic-publisher .data=${{ ...publisher(v), address: v }}></clinic-publisher>
    <clinic-related-posts .data=${related(v)}></clinic-related-posts>
    <clinic-related-posts .data=${[{ ...related(v)[0], published: v }]}></clinic-related-posts>
    <clinic-article-card variant="full" src=${DOCUMENT_URL}></clinic-article-card>
    <clinic-publisher src=${DOCUMENT_URL}></clinic-publisher>
    <clinic-related-posts src=${DOCUMENT_URL}></clinic-related-posts>
    <clinic-article-card variant="full" src=${v}></clinic-article-card>
    <clinic-publisher src=${v}></clinic-publisher>
    <clinic-related-posts src=${v}></clinic-related-posts>
    ${attributes}
  `;
}

/** Elements whose image URLs are the vector, kept hidden so that no image is fetched. */
function hidden(v: string): TemplateResult {
  // Every observed attribute at once, the image URLs and the ones that make the element fail included.
  const attributes = (['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'] as const).map((tag) =>
    withAttributes(tag, v, {}, true),
  );
  return html`
    ${attributes}
    <clinic-article-card variant="full" .data=${article(v, v)}></clinic-article-card>
    <clinic-article-card headline="Title" image=${v} image-alt="Alt"></clinic-article-card>
    <clinic-publisher .data=${publisher(v, v)}></clinic-publisher>
    <clinic-publisher name="Clinic" logo=${v} logo-alt="Logo"></clinic-publisher>
    <clinic-related-posts .data=${related(v, v)}></clinic-related-posts>
    <clinic-related-posts items=${JSON.stringify(related('Post', v))}></clinic-related-posts>
  `;
}

function label(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 70 ? `${shown.slice(0, 67)}…` : shown;
}

/** One test per vector: it is blocked in every field and attribute of the three elements. */
export function xssSuite(title: string, vectors: readonly Vector[]): void {
  describe(title, function () {
    this.timeout(30_000);

    before(() => installDetector());

    // A vector in a date field is left out with a console warning, as any unreadable date is.
    const warn = console.warn;
    before(() => {
      console.warn = () => undefined;
    });
    after(() => {
      console.warn = warn;
    });

    for (const vector of vectors) {
      it(`blocks ${vector.id} ${label(vector.payload)} (${vector.source})`, async () => {
        resetDetector();
        const before = scriptingElementsInDocument();
        // The fetched document, for `src` and any other URL a vector makes the elements request.
        setFetch(() => Promise.resolve(json(documentFor(vector.payload))));
        const wrapper = await fixture<HTMLElement>(html`<div>
          <div class="visible">${visible(vector.payload)}</div>
          <div class="hidden" hidden>${hidden(vector.payload)}</div>
        </div>`);
        const elements = [...wrapper.querySelectorAll<HTMLElement>('clinic-article-card, clinic-publisher, clinic-related-posts')];
        for (const el of elements) await settled(el);
        // Something was shown: the vector did not simply put every element in its error state.
        expect(elements.filter((el) => el.getAttribute('status') === 'ready').length).to.be.greaterThan(5);

        const visibleRoot = wrapper.querySelector('.visible')!;
        await imagesSettled(visibleRoot);
        await exercise(visibleRoot);
        await imagesSettled(visibleRoot);

        expect(findUnsafe(wrapper), 'unsafe markup in a shadow root').to.deep.equal([]);
        expect(calls, 'the detector was called').to.deep.equal([]);
        expect(violations, 'CSP violations').to.deep.equal([]);
        expect(scriptingElementsInDocument(), 'script-capable elements added to the page').to.equal(before);
      });
    }
  });
}
