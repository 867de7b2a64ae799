import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import type { ClinicPublisher } from '../src/components/publisher/publisher.js';
import type { ClinicRelatedPosts } from '../src/components/related-posts/related-posts.js';
import { endpoint, json } from './resilience/endpoint.js';
import { part, parts, settled } from './helpers.js';

/**
 * Relative URLs inside a document served from another origin point at that origin (they resolve
 * against the document's URL, as links in a page do); attributes on the element still resolve
 * against the page.
 */
describe('relative URLs in a document from another origin', () => {
  const SRC = 'https://cdn.example/content/doc.json';
  const DOC = {
    version: 1,
    article: { title: 'T', url: '../articles/a/', image: { src: 'img/a.png', alt: 'A' } },
    publisher: { name: 'P', url: './', logo: { src: '/logo.svg', alt: 'Logo' } },
    related: [{ title: 'A', url: 'a/', image: { src: 'a.png', alt: '' } }],
  };

  it('point at the document’s site, not at the page', async () => {
    endpoint({ [SRC]: json(DOC) });
    // Hidden: the images are on the other origin, and a hidden lazy image is never fetched.
    const wrapper = await fixture<HTMLElement>(html`<div hidden>
      <clinic-article-card src=${SRC}></clinic-article-card>
      <clinic-publisher src=${SRC}></clinic-publisher>
      <clinic-related-posts src=${SRC}></clinic-related-posts>
    </div>`);
    const [card, publisher, list] = [...wrapper.children] as [ClinicArticleCard, ClinicPublisher, ClinicRelatedPosts];
    for (const el of [card, publisher, list]) await settled(el);
    expect((part(card, 'link') as HTMLAnchorElement).href).to.equal('https://cdn.example/articles/a/');
    expect((part(card, 'image') as HTMLImageElement).src).to.equal('https://cdn.example/content/img/a.png');
    expect((part(publisher, 'website') as HTMLAnchorElement).href).to.equal('https://cdn.example/content/');
    expect((part(publisher, 'logo') as HTMLImageElement).src).to.equal('https://cdn.example/logo.svg');
    expect((parts(list, 'link')[0] as HTMLAnchorElement).href).to.equal('https://cdn.example/content/a/');
    expect((parts(list, 'image')[0] as HTMLImageElement).src).to.equal('https://cdn.example/content/a.png');
  });

  it('attributes given on the element still resolve against the page', async () => {
    endpoint({ [SRC]: json(DOC) });
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src=${SRC} href="local/" image="/test/fixtures/photo.png"></clinic-article-card>`);
    await settled(el);
    expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(new URL('local/', document.baseURI).href);
    expect((part(el, 'image') as HTMLImageElement).src).to.equal(new URL('/test/fixtures/photo.png', location.href).href);
  });
});
