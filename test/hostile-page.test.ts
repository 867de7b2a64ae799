import { expect, fixture, html } from '@open-wc/testing';
import { sampleDocument } from './fixtures.js';
import { pageStyles, part, settled } from './helpers.js';

/** The page CSS of a partner site that styles everything, as some partner themes do. */
const HOSTILE = `
  .hostile * { font-family: cursive; color: rgb(255, 0, 0); text-transform: uppercase; letter-spacing: 3px;
               line-height: 4; font-size: 30px; font-style: italic; text-align: center; }
  .hostile a { color: rgb(255, 105, 180); }
  .hostile p { margin: 5em 0; }
  .hostile { --padding: 40px; --color: red; --radius: 0; }
`;

describe('a partner page whose CSS styles every element', () => {
  it('leaves the widgets with their own typography and colours', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card .data=${sampleDocument().article}></clinic-article-card>
      <clinic-publisher .data=${sampleDocument().publisher}></clinic-publisher>
    </div>`);
    const [card, publisher] = [...wrapper.children] as HTMLElement[];
    await settled(card!);
    await settled(publisher!);
    const looks = () =>
      [part(card!, 'summary')!, part(card!, 'title')!, part(publisher!, 'description')!, part(publisher!, 'website')!].map((node) => {
        const style = getComputedStyle(node);
        return [style.fontFamily, style.color, style.textTransform, style.letterSpacing, style.lineHeight, style.fontSize, style.fontStyle, style.textAlign, style.marginTop];
      });
    const before = looks();
    pageStyles(HOSTILE);
    wrapper.classList.add('hostile');
    const after = looks();
    expect(after).to.deep.equal(before);
    expect(getComputedStyle(card!).fontFamily, 'the page does style the host itself').to.equal('cursive');
  });
});
