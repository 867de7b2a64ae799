import { expect, fixture, html } from '@open-wc/testing';
import { setFetch } from '../src/data/client.js';
import { SEED_URL } from './fixtures.js';
import { eventsOf, part, settled } from './helpers.js';

// How the first content render is spread over the page's tasks, so that no task of ours is long:
// each element shows a shared document in a task of its own.
/**
 * Calls `fn` once the microtasks queued so far, and those they queue in turn, have run: at the end
 * of the current task, before the browser's next one (a chain of microtasks longer than any chain
 * an update makes).
 */
function atEndOfTask(fn: () => void, hops = 200): void {
  queueMicrotask(() => (hops ? atEndOfTask(fn, hops - 1) : fn()));
}

describe('first render', () => {
  it('shows a document that arrives for three elements at once one element per task', async () => {
    // The endpoint answers once all three elements show their skeleton, so the document reaches them together.
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    setFetch(async (url, init) => {
      await gate;
      return fetch(url, init);
    });
    const wrapper = await fixture(html`<div>
      <clinic-article-card src=${SEED_URL}></clinic-article-card>
      <clinic-publisher src=${SEED_URL}></clinic-publisher>
      <clinic-related-posts src=${SEED_URL}></clinic-related-posts>
    </div>`);
    const elements = [...wrapper.children];
    expect(elements.map((el) => Boolean(part(el, 'skeleton')))).to.deep.equal([true, true, true]);
    // When the first element shows the document, what else shows it in the same task?
    let sameTask: string[] | undefined;
    wrapper.addEventListener('clinic-load', () => {
      if (sameTask) return;
      sameTask = [];
      atEndOfTask(() => {
        sameTask = elements.filter((el) => !part(el, 'skeleton')).map((el) => el.localName);
      });
    });
    answer();
    for (const el of elements) await settled(el);
    expect(sameTask).to.have.length(1, `shown in one task: ${sameTask}`);
    expect(elements.map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready']);
    expect(eventsOf('clinic-load')).to.have.length(3);
  });
});
