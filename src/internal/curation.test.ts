import { expect } from '@open-wc/testing';
import { curate, words } from './curation.js';

const BASE = 'https://partner.example/blog/';
const POSTS = [
  { id: 'a', url: 'https://clinic.example/a/', tags: ['ketamine', 'depression'] },
  { id: 'b', url: 'https://clinic.example/b/', tags: ['anxiety'] },
  { id: 'c', url: 'https://clinic.example/c/?p=3', tags: ['Ketamine'] },
  { url: 'https://clinic.example/d/' },
  { id: 'e', url: 'https://clinic.example/e/', tags: ['ptsd'] },
];
const ids = (list: Array<{ id?: string; url: string }>) => list.map((post) => post.id ?? post.url);

describe('curation of related posts', () => {
  it('keeps every post in order without curation', () => {
    expect(ids(curate(POSTS, {}, BASE))).to.deep.equal(['a', 'b', 'c', 'https://clinic.example/d/', 'e']);
  });

  it('splits space-separated words', () => {
    expect(words('  a \n b\tc ')).to.deep.equal(['a', 'b', 'c']);
    expect(words(undefined)).to.deep.equal([]);
  });

  it('excludes by id or by URL (fragment and trailing slash ignored)', () => {
    expect(ids(curate(POSTS, { exclude: ['b', 'https://clinic.example/d#x'] }, BASE))).to.deep.equal(['a', 'c', 'e']);
  });

  it('excludes by a relative URL, resolved against the page', () => {
    const posts = [{ url: '/blog/x/' }, { url: '/blog/y/' }];
    expect(ids(curate(posts, { exclude: ['x/'] }, BASE))).to.deep.equal(['/blog/y/']);
  });

  it('leaves out the current page, ignoring query and fragment', () => {
    expect(ids(curate(POSTS, { current: 'https://clinic.example/c/?utm_source=x#top' }, BASE))).to.deep.equal([
      'a',
      'b',
      'https://clinic.example/d/',
      'e',
    ]);
    expect(ids(curate(POSTS, { current: 'https://clinic.example/a' }, BASE))).to.not.include('a');
  });

  it('keeps links to places in the page itself', () => {
    const posts = [{ url: '#part-1' }, { url: 'https://partner.example/blog/#part-2' }];
    expect(ids(curate(posts, { current: BASE }, BASE))).to.deep.equal(['#part-1']);
  });

  it('shows pinned posts first, in the order given, once each', () => {
    expect(ids(curate(POSTS, { pinned: ['e', 'https://clinic.example/b/', 'e', 'missing'] }, BASE))).to.deep.equal([
      'e',
      'b',
      'a',
      'c',
      'https://clinic.example/d/',
    ]);
  });

  it('keeps only posts with one of the tags (any case), pinned posts still first', () => {
    expect(ids(curate(POSTS, { tags: ['ketamine'] }, BASE))).to.deep.equal(['a', 'c']);
    expect(ids(curate(POSTS, { tags: ['ketamine'], pinned: ['e'] }, BASE))).to.deep.equal(['e', 'a', 'c']);
  });

  it('lets exclusion win over pinning', () => {
    expect(ids(curate(POSTS, { pinned: ['b', 'a'], exclude: ['b'] }, BASE))).to.deep.equal([
      'a',
      'c',
      'https://clinic.example/d/',
      'e',
    ]);
  });

  it('stops at `limit` posts, and looks at no post after the last one shown', () => {
    let looked = 0;
    const posts = Array.from({ length: 100 }, (_, i) => ({
      id: `p${i}`,
      get url() {
        looked = Math.max(looked, i);
        return `https://clinic.example/p/${i}/`;
      },
    }));
    const shown = curate(posts, { exclude: ['p1'], current: 'https://clinic.example/p/2/', pinned: ['p7'] }, BASE, 3);
    expect(ids(shown)).to.deep.equal(['p7', 'p0', 'p3']);
    // Finding the pinned post looks at the posts before it; no post after it is looked at.
    expect(looked).to.equal(7);
    expect(ids(curate(posts, {}, BASE, 0))).to.deep.equal([]);
    expect(ids(curate(POSTS, { pinned: ['e', 'b'] }, BASE, 1))).to.deep.equal(['e']);
  });

  it('does not change its input', () => {
    const copy = structuredClone(POSTS);
    curate(POSTS, { pinned: ['e'], exclude: ['a'], tags: ['ptsd'] }, BASE);
    expect(POSTS).to.deep.equal(copy);
  });
});
