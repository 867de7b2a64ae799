import { expect } from '@open-wc/testing';
import { MAX_POSTS, firstPosts, postLimit } from './limit.js';

describe('limit', () => {
  describe('postLimit', () => {
    it('shows 50 posts when limit is unset or unreadable', () => {
      expect(MAX_POSTS).to.equal(50);
      for (const limit of [undefined, null, NaN, -1, Infinity, 'many', {}]) expect(postLimit(limit), String(limit)).to.equal(50);
    });

    it('takes the whole part of a limit from 0 to 50, and caps a larger one at 50', () => {
      expect([0, 1, 2.9, '7', 49, 50, 51, 1000, 1e9].map((limit) => postLimit(limit))).to.deep.equal([0, 1, 2, 7, 49, 50, 50, 50, 50]);
    });

    it('uses the fallback when limit is unset, still capped at 50', () => {
      expect(postLimit(undefined, 3)).to.equal(3);
      expect(postLimit(NaN, 3)).to.equal(3);
      expect(postLimit(undefined, 500)).to.equal(50);
      expect(postLimit(8, 3)).to.equal(8);
    });
  });

  describe('firstPosts', () => {
    it('keeps the first posts up to the limit, in order', () => {
      const list = Array.from({ length: 30_000 }, (_, i) => i);
      expect(firstPosts(list, undefined)).to.deep.equal(list.slice(0, 50));
      expect(firstPosts(list, 2)).to.deep.equal([0, 1]);
      expect(firstPosts(list, 0)).to.deep.equal([]);
      expect(firstPosts([1, 2], 10)).to.deep.equal([1, 2]);
    });

    it('reads no entry past the ones it keeps', () => {
      let read = 0;
      const list = new Proxy(Array.from({ length: 100 }, (_, i) => i), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) >= 50) read++;
          return Reflect.get(target, key, receiver);
        },
      });
      expect(firstPosts(list, undefined)).to.have.length(50);
      expect(read).to.equal(0);
    });

    it('hands anything but an array on unchanged, for the parser to name', () => {
      const value = { not: 'a list' };
      expect(firstPosts(value, 3)).to.equal(value);
      expect(firstPosts('text', 3)).to.equal('text');
      expect(firstPosts(undefined, 3)).to.equal(undefined);
    });
  });
});
