import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicRelatedPosts } from '../../src/components/related-posts/related-posts.js';
import { parts, settled } from '../helpers.js';

const POSTS = [
  { id: 'one', title: 'One', url: 'https://clinic.example/one/', tags: ['ketamine'] },
  { id: 'two', title: 'Two', url: 'https://clinic.example/two/', tags: ['anxiety'] },
  { id: 'three', title: 'Three', url: 'https://clinic.example/three/', tags: ['ketamine', 'ptsd'] },
  { id: 'four', title: 'Four', url: 'https://clinic.example/four/', tags: ['ptsd'] },
  { id: 'five', title: 'Five', url: 'https://clinic.example/five/' },
];
const titles = (el: Element) => parts(el, 'link').map((link) => link.textContent!.trim());

async function list(attributes: Record<string, string>): Promise<ClinicRelatedPosts> {
  const el = document.createElement('clinic-related-posts') as ClinicRelatedPosts;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.data = POSTS;
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  return settled(el);
}

describe('related posts: curation', () => {
  let canonical: HTMLLinkElement | undefined;
  afterEach(() => canonical?.remove());

  function setCanonical(href: string): void {
    canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = href;
    document.head.append(canonical);
  }

  it('leaves out excluded posts, by id or URL', async () => {
    expect(titles(await list({ exclude: 'two https://clinic.example/four' }))).to.deep.equal(['One', 'Three', 'Five']);
  });

  it('shows pinned posts first, in the order given', async () => {
    expect(titles(await list({ pinned: 'five https://clinic.example/three/' }))).to.deep.equal([
      'Five',
      'Three',
      'One',
      'Two',
      'Four',
    ]);
  });

  it('keeps only posts with one of the tags', async () => {
    expect(titles(await list({ tags: 'ptsd anxiety' }))).to.deep.equal(['Two', 'Three', 'Four']);
  });

  it('applies curation before limit', async () => {
    expect(titles(await list({ tags: 'ketamine ptsd', limit: '2' }))).to.deep.equal(['One', 'Three']);
    expect(titles(await list({ exclude: 'one', pinned: 'four', limit: '2' }))).to.deep.equal(['Four', 'Two']);
    expect(titles(await list({ exclude: 'one two', pinned: 'five', tags: 'ptsd', limit: '3' }))).to.deep.equal([
      'Five',
      'Three',
      'Four',
    ]);
  });

  it("leaves out the page's own article (canonical URL, query and fragment ignored), unless told not to", async () => {
    setCanonical('https://clinic.example/two/?ref=home#comments');
    expect(titles(await list({}))).to.deep.equal(['One', 'Three', 'Four', 'Five']);
    expect(titles(await list({ 'exclude-current': 'false' }))).to.deep.equal(['One', 'Two', 'Three', 'Four', 'Five']);
  });

  it('updates when a curation attribute changes', async () => {
    const el = await list({ limit: '1' });
    expect(titles(el)).to.deep.equal(['One']);
    el.setAttribute('pinned', 'three');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Three']);
  });
});
