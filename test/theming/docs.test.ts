import { expect, fixture, html } from '@open-wc/testing';
import { ELEMENTS } from '../../src/define.js';
import { sampleDocument } from '../fixtures.js';
import { settled, shadow } from '../helpers.js';
import { declarations, references } from './css.js';
import { build, TAGS } from './states.js';

/** The text of a page under docs/, as the repository serves it. */
async function page(name: string): Promise<string> {
  const response = await fetch(`/docs/${name}`);
  expect(response.ok, `docs/${name} exists`).to.equal(true);
  return response.text();
}

const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('|')).map((line) => line.split('|').map((cell) => cell.trim()));

describe('docs/theming.md documents the theming contract', () => {
  it('lists every public custom property the styles read, with a default', async () => {
    const table = rows(await page('theming.md'));
    for (const [tag, element] of Object.entries(ELEMENTS)) {
      const names = new Set(declarations(element.elementStyles).flatMap((d) => references(d.value, '--clinic-')));
      for (const name of names) {
        const row = table.find((cells) => cells.includes(`\`${name}\``));
        expect(row, `${name} (read by <${tag}>)`).to.not.equal(undefined);
        const defaultCell = row![row!.indexOf(`\`${name}\``) + 1];
        expect(defaultCell, `${name} has a default`).to.match(/\S/);
        if (row!.length > 5) expect(row![1], `${name} is listed for its element`).to.equal(`\`${tag}\``);
      }
    }
  });

  it('lists every part each element renders, with that element', async () => {
    const table = rows(await page('theming.md'));
    const documented = (tag: string, name: string) =>
      table.some((cells) => (cells[1] === `\`${tag}\`` || cells[1] === 'all three') && cells[2] === `\`${name}\``);
    const full = await fixture(html`<clinic-article-card variant="full" .data=${sampleDocument().article}></clinic-article-card>`);
    const empty = await fixture(html`<clinic-related-posts items="[]"></clinic-related-posts>`);
    const noDial = await fixture(html`<clinic-publisher name="P" phone="at the desk"></clinic-publisher>`);
    await Promise.all([full, empty, noDial].map((el) => settled(el)));
    const elements: Element[] = [full, empty, noDial];
    for (const tag of TAGS) for (const state of ['ready', 'loading', 'error'] as const) elements.push(await build(tag, state));
    const missing = new Set<string>();
    for (const el of elements) {
      for (const node of shadow(el).querySelectorAll('[part]')) {
        for (const name of node.getAttribute('part')!.split(/\s+/)) {
          if (!documented(el.localName, name)) missing.add(`${el.localName} ${name}`);
        }
      }
    }
    expect([...missing]).to.deep.equal([]);
  });

  it('names each label attribute in docs/languages-and-accessibility.md', async () => {
    const text = await page('languages-and-accessibility.md');
    for (const attribute of ['heading', 'call-label', 'website-label', 'read-more-label', 'by-label', 'empty-label', 'error-label', 'loading-label']) {
      expect(text, attribute).to.contain(`\`${attribute}\``);
    }
  });
});
