import { expect, fixture, html } from '@open-wc/testing';
import { fakeFetch } from '../fake-client.js';
import { sampleDocument } from '../fixtures.js';
import { part, partText, setStyles, settled } from '../helpers.js';

const reviewed = () => ({
  ...sampleDocument().article,
  reviewedBy: { name: 'Dr. Ann Lee', credential: 'MD', url: 'https://clinic.example/team/ann' },
  lastReviewed: '2025-01-10',
  disclaimer: 'For information only; not medical advice.',
});

describe('medical review and disclaimer', () => {
  it('shows the review line under the title, and the disclaimer', async () => {
    const el = await fixture(html`<clinic-article-card .data=${reviewed()}></clinic-article-card>`);
    await settled(el);
    expect(partText(el, 'review')).to.equal('Medically reviewed by Dr. Ann Lee, MD · Last reviewed January 10, 2025');
    expect(partText(el, 'disclaimer')).to.equal('For information only; not medical advice.');
    // Under the title: the review line follows it in the card.
    const title = part(el, 'title')!;
    expect(title.compareDocumentPosition(part(el, 'review')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const el = await fixture(html`<clinic-article-card lang="es" .data=${reviewed()}></clinic-article-card>`);
    await settled(el);
    expect(partText(el, 'review')).to.equal('Revisión médica de Dr. Ann Lee, MD · Última revisión 10 de enero de 2025');
  });

  it('takes the attributes over the document fields', async () => {
    const el = await fixture(html`<clinic-article-card
      .data=${reviewed()}
      reviewed-by="Dr. Bo Chen"
      reviewer-credential="PsyD"
      last-reviewed="2025-03-02"
      disclaimer="Talk to your doctor."
    ></clinic-article-card>`);
    await settled(el);
    expect(partText(el, 'review')).to.equal('Medically reviewed by Dr. Bo Chen, PsyD · Last reviewed March 2, 2025');
    expect(partText(el, 'disclaimer')).to.equal('Talk to your doctor.');
  });

  it('takes markup for the disclaimer from the disclaimer slot', async () => {
    const el = await fixture(html`<clinic-article-card headline="A">
      <span slot="disclaimer">See <a href="https://clinic.example/terms">our terms</a>.</span>
    </clinic-article-card>`);
    await settled(el);
    const slot = part(el, 'disclaimer')!.querySelector('slot')!;
    expect(part(el, 'disclaimer')!.hidden).to.equal(false);
    expect(slot.assignedElements()[0]!.textContent).to.equal('See our terms.');
  });

  it('shows neither without a review or a disclaimer', async () => {
    const el = await fixture(html`<clinic-article-card .data=${sampleDocument().article}></clinic-article-card>`);
    await settled(el);
    expect(part(el, 'review')).to.equal(null);
    expect(part(el, 'disclaimer')!.hidden).to.equal(true);
  });

  it('fits in the space the skeleton holds for a card', async () => {
    fakeFetch({ '/slow.json': 'hang' });
    const wrapper = await fixture(html`<div>
      <clinic-article-card src="/slow.json"></clinic-article-card>
      <clinic-article-card></clinic-article-card>
    </div>`);
    setStyles(wrapper, { 'inline-size': '320px' });
    const [skeleton, card] = [...wrapper.children] as HTMLElement[];
    const summary = 'A summary long enough to fill every line the card shows of it. '.repeat(8);
    (card as unknown as { data: unknown }).data = { ...reviewed(), summary };
    await settled(card!);
    expect(skeleton!.getAttribute('status')).to.equal('loading');
    expect(card!.getBoundingClientRect().height).to.be.at.most(skeleton!.getBoundingClientRect().height);
  });
});
