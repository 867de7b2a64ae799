import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setImpressionClock, VIEWABLE_TIME } from '../../src/internal/impression-controller.js';
import { fakeFetch, json } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { eventsOf, setStyles, settled } from '../helpers.js';

/** Waits for an outcome, with room for a busy machine. */
const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 10000 });

/** A clock the test advances by hand: no real waiting, no timing in the assertions. */
class FakeClock {
  private now = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimeout = (callback: () => void, ms: number) => {
    this.timers.set(this.next, { at: this.now + ms, callback });
    return this.next++;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.timers.delete(id);
      timer.callback();
    }
  }
}

let hidden = false;
function setHidden(value: boolean): void {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('clinic-impression', () => {
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock();
    setImpressionClock(clock);
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    setImpressionClock();
    delete (document as { hidden?: boolean }).hidden;
  });

  it('fires once, after one continuous second with half the element in view', async () => {
    fakeFetch({ '/doc.json': json(sampleDocument()) });
    const el = await fixture(html`<clinic-related-posts src="/doc.json"></clinic-related-posts>`);
    await settled(el);
    await until(() => clock.pending === 1, 'the one-second wait did not start');
    clock.advance(VIEWABLE_TIME - 1);
    expect(eventsOf('clinic-impression', el)).to.have.length(0);
    clock.advance(1);
    const events = eventsOf('clinic-impression', el);
    expect(events.map((event) => event.detail)).to.deep.equal([
      { widget: 'clinic-related-posts', src: new URL('/doc.json', location.href).href, count: 3 },
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    clock.advance(10 * VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', el)).to.have.length(1);
    expect(clock.pending).to.equal(0);
  });

  it('does not fire for an element below the fold', async () => {
    const wrapper = await fixture(html`<div>
      <clinic-article-card headline="In view"></clinic-article-card>
      <div class="spacer"></div>
      <clinic-article-card headline="Below the fold"></clinic-article-card>
    </div>`);
    setStyles(wrapper.querySelector('.spacer')!, { 'block-size': '300vh' });
    const [inView, , below] = [...wrapper.children];
    await settled(inView!);
    await settled(below!);
    await until(() => clock.pending === 1, 'the wait for the card in view did not start');
    clock.advance(VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', inView).length).to.equal(1);
    expect(eventsOf('clinic-impression', below).length).to.equal(0);
  });

  it('counts nothing while the page is hidden, and starts again when it is shown', async () => {
    const el = await fixture(html`<clinic-publisher name="Clinic"></clinic-publisher>`);
    await settled(el);
    await until(() => clock.pending === 1, 'the wait did not start');
    clock.advance(VIEWABLE_TIME / 2);
    setHidden(true);
    expect(clock.pending).to.equal(0);
    clock.advance(VIEWABLE_TIME * 5);
    expect(eventsOf('clinic-impression', el)).to.have.length(0);
    setHidden(false);
    expect(clock.pending).to.equal(1);
    clock.advance(VIEWABLE_TIME / 2);
    expect(eventsOf('clinic-impression', el)).to.have.length(0);
    clock.advance(VIEWABLE_TIME / 2);
    expect(eventsOf('clinic-impression', el).map((e) => e.detail)).to.deep.equal([
      { widget: 'clinic-publisher', src: null, count: 1 },
    ]);
  });

  it('needs the second to be continuous: leaving the view starts it over', async () => {
    const wrapper = await fixture(html`<div><clinic-article-card headline="A"></clinic-article-card></div>`);
    const el = wrapper.firstElementChild!;
    await settled(el);
    await until(() => clock.pending === 1, 'the wait did not start');
    clock.advance(VIEWABLE_TIME - 100);
    setStyles(wrapper, { transform: 'translateY(200vh)' });
    await until(() => clock.pending === 0, 'leaving the view did not stop the wait');
    clock.advance(VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', el)).to.have.length(0);
    setStyles(wrapper, { transform: 'none' });
    await until(() => clock.pending === 1, 'coming back did not start the wait');
    clock.advance(VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', el)).to.have.length(1);
  });

  it('fires again for new content, not for a re-render of the same', async () => {
    const el = await fixture<HTMLElement & { data: unknown }>(html`<clinic-article-card .data=${{ title: 'One' }}></clinic-article-card>`);
    await settled(el);
    await until(() => clock.pending === 1, 'the wait did not start');
    clock.advance(VIEWABLE_TIME);
    el.setAttribute('theme', 'dark');
    await settled(el);
    clock.advance(VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', el)).to.have.length(1);
    el.data = { title: 'Two' };
    await settled(el);
    await until(() => clock.pending === 1, 'new content did not start a wait');
    clock.advance(VIEWABLE_TIME);
    expect(eventsOf('clinic-impression', el)).to.have.length(2);
  });
});
