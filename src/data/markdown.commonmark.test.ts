import { expect } from '@open-wc/testing';
import { marked } from 'marked';
import { ENGINE } from '../../test/engine.js';
import { INLINE_LOOKAHEAD, renderMarkdown, sanitizeHtml, withoutInlineCode } from './markdown.js';

/**
 * How long the comparisons below may take. marked alone, the reference they compare against, runs
 * its regular expressions tens of times slower in WebKit's JavaScriptCore than in V8 or
 * SpiderMonkey (80 KB of prose: 5.7 s against 0.1 s), so there a comparison takes minutes.
 */
const COMPARISON_TIMEOUT = ENGINE === 'webkit' ? 300_000 : 60_000;

/**
 * The bounds in markdown.ts (the body cut into top-level blocks, windows for the inline rules,
 * HTML sanitized a few blocks at a time) must not change what a body says. Every example of the
 * CommonMark specification goes through the renderer and through marked alone; marked's output
 * is then cleaned and sanitized exactly as ours is, so that only a difference made by the bounds
 * can show.
 */

interface Example {
  markdown: string;
  number: number;
  section: string;
}

/** The examples of spec.txt, read the way the commonmark-spec package reads them. */
function examples(spec: string): Example[] {
  const found: Example[] = [];
  let section = '';
  const text = spec.replace(/\r\n?/g, '\n').replace(/^<!-- END TESTS -->(.|[\n])*/m, '');
  const pattern = /^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$/gm;
  for (let match; (match = pattern.exec(text)); ) {
    if (match[3]) section = match[3];
    else found.push({ markdown: match[1]!.replace(/→/g, '\t'), number: found.length + 1, section });
  }
  return found;
}

/** marked alone, then the same clean-up and sanitizer as the renderer, as HTML text. */
function markedAlone(markdown: string): string {
  const div = document.createElement('div');
  div.append(sanitizeHtml(withoutInlineCode(marked.parse(markdown, { async: false }))));
  return div.innerHTML;
}

async function ours(markdown: string): Promise<string> {
  const div = document.createElement('div');
  div.append(await renderMarkdown(markdown));
  return div.innerHTML;
}

/**
 * Examples allowed to differ, each with why. (None today: the sanitizer and the clean-up run on
 * both sides, so their policy makes no difference here; GFM task lists, which the renderer shows
 * as ☑/☐ rather than as form controls, are not in the CommonMark examples.)
 */
const ALLOWED_DIFFERENCES: ReadonlyMap<number, string> = new Map();

describe('markdown: the CommonMark specification examples', function () {
  this.timeout(COMPARISON_TIMEOUT);

  it('render as marked renders them, with no difference outside the listed ones', async () => {
    const spec = await (await fetch('/node_modules/commonmark-spec/spec.txt')).text();
    const all = examples(spec);
    expect(all.length, 'examples in commonmark-spec 0.31.2').to.equal(652);
    const differences: string[] = [];
    for (const { markdown, number, section } of all) {
      if (ALLOWED_DIFFERENCES.has(number)) continue;
      const [expected, actual] = [markedAlone(markdown), await ours(markdown)];
      if (actual !== expected) {
        differences.push(`#${number} (${section}) ${JSON.stringify(markdown)}\n  marked: ${expected}\n  ours:   ${actual}`);
      }
    }
    expect(differences, differences.join('\n')).to.deep.equal([]);
  });

  it('render the same when each example follows a long paragraph, across the cut of the inline window', async () => {
    // A paragraph longer than the window, then the example: the window and the cut into blocks
    // both come into play, and the example itself is read as it would be alone.
    const filler = 'Prose '.repeat(Math.ceil((INLINE_LOOKAHEAD * 1.5) / 6)) + '\n\n';
    const differences: string[] = [];
    const spec = await (await fetch('/node_modules/commonmark-spec/spec.txt')).text();
    for (const { markdown, number } of examples(spec)) {
      if (ALLOWED_DIFFERENCES.has(number)) continue;
      // Link reference definitions are global: keep them working, or not, on both sides alike.
      const body = filler + markdown;
      const [expected, actual] = [markedAlone(body), await ours(body)];
      if (actual !== expected) differences.push(`#${number} ${JSON.stringify(markdown)}\n  marked: ${expected}\n  ours:   ${actual}`);
    }
    expect(differences, differences.join('\n')).to.deep.equal([]);
  });
});

describe('markdown: long paragraphs read as marked reads them', () => {
  // Constructs that a cut in the middle would change: an e-mail address and bare links (which
  // would point elsewhere), a hard line break, code, emphasis and a link. Each is put at every
  // offset around the edges of the windows the inline rules read through.
  const constructs = [
    'contact@clinic.example.org',
    'www.clinic.example/page',
    'https://clinic.example/studies/42?x=1',
    'two spaces  \nthen a hard break',
    'a backslash\\\nhard break',
    '`inline code`',
    '*emphasis*',
    '**strong text**',
    '[a link](/to/somewhere "Title")',
    '~~struck~~',
  ];

  it('keeps every construct that straddles a window edge as marked reads it', async function () {
    this.timeout(COMPARISON_TIMEOUT);
    const prose = 'lorem ipsum dolor sit amet '.repeat(50);
    const differences: string[] = [];
    for (const construct of constructs) {
      // One paragraph per offset: plain prose of a growing length, then the construct, so that the
      // edges of the windows plain text is read through fall at every point inside it.
      let body = '';
      for (let k = 0; k < 300; k++) body += `${prose.slice(0, 100 + k)}${construct} and more.\n\n`;
      const [expected, actual] = [markedAlone(body), await ours(body)];
      if (actual !== expected) differences.push(`${JSON.stringify(construct)}: first difference at ${firstDifference(expected, actual)}`);
    }
    expect(differences).to.deep.equal([]);
  });

  it('keeps contact@clinic.example.org whole where the text before it is 1,000 characters long', async () => {
    for (let before = INLINE_LOOKAHEAD - 30; before <= INLINE_LOOKAHEAD + 5; before++) {
      const prose = `${'word '.repeat(Math.ceil(before / 5))}`.slice(0, before - 1) + ' ';
      const div = document.createElement('div');
      div.append(await renderMarkdown(`${prose}contact@clinic.example.org and more.`));
      expect(div.querySelector('a')!.getAttribute('href'), String(before)).to.equal('mailto:contact@clinic.example.org');
      expect(div.querySelector('a')!.textContent).to.equal('contact@clinic.example.org');
    }
  });
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: marked …${a.slice(Math.max(0, i - 40), i + 40)}… ours …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}
