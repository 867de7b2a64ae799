import { expect, fixture, html } from '@open-wc/testing';
import type { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import { configureClient, setFetch } from '../src/data/client.js';
import { eventsOf, part, settled } from './helpers.js';

/**
 * Page code that wraps `fetch` and drops the abort signal must not keep a widget in its skeleton
 * forever: the timeout holds without the cooperation of `fetch`.
 */
describe('a page whose fetch ignores the abort signal', () => {
  it('shows the error state once the timeout has passed, when the request never answers', async () => {
    configureClient({ timeout: 50, retries: 0 });
    setFetch(() => new Promise<Response>(() => {}));
    const el = await fixture<ClinicArticleCard>(html`<clinic-article-card src="/wrapped.json"></clinic-article-card>`);
    expect(part(el, 'skeleton'), 'the skeleton while waiting').to.not.equal(null);
    await settled(el);
    expect(el.getAttribute('status')).to.equal('error');
    expect(part(el, 'skeleton')).to.equal(null);
    expect(part(el, 'error')!.hidden).to.equal(false);
    expect(eventsOf('clinic-error', el)[0]!.detail.message).to.equal('the content server did not answer within 0.1 s');
  });
});
