// The README and the pages in docs/ against the code they describe. Run by `npm test` with
// node:test, after `pretest` has built dist/custom-elements.json.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUDGETS, figures } from '../../bench/lib/bundles.mjs';
import { EMBED_STYLE } from '../../bench/lib/embed.mjs';
import { elements, MANIFEST, REFERENCE, reference } from '../../scripts/docs-reference.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
/** The hand-written pages: everything but the generated reference. */
const GUIDES = DOCS.filter((path) => path !== 'docs/reference.md');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const ELEMENTS = elements(manifest);
const byTag = new Map(ELEMENTS.map((element) => [element.tagName, element]));
const names = (list) => (list ?? []).map((item) => item.name);

/** The rows of every Markdown table in `text`, as arrays of trimmed cells. */
const rows = (text) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
/** The `code` spans of a table cell. */
const codes = (cell) => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
/** The text of a page between `## heading` and the next heading of that level. */
function section(text, heading) {
  const from = text.indexOf(`\n## ${heading}\n`);
  assert.notEqual(from, -1, `no "## ${heading}" section`);
  const to = text.indexOf('\n## ', from + 1);
  return text.slice(from, to === -1 ? undefined : to);
}
/** GitHub's anchor for a heading. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
function anchors(text) {
  const seen = new Map();
  const out = new Set();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count ? `${base}-${count}` : base);
  }
  return out;
}
/** A constant's value in a source file: `NAME = 200_000` or `name: 200_000`. */
function constant(path, name) {
  const match = new RegExp(`\\b${name}(?:\\s*=|:)\\s*([\\d_]+)\\s*[,;]`).exec(read(path));
  assert.ok(match, `${name} is a number in ${path}`);
  return Number(match[1].replaceAll('_', ''));
}
const thousands = (n) => n.toLocaleString('en-US');

describe('docs/reference.md', () => {
  it('is what scripts/docs-reference.mjs makes from dist/custom-elements.json', () => {
    assert.ok(
      readFileSync(REFERENCE, 'utf8') === reference(manifest),
      'docs/reference.md is out of date with the elements\u2019 JSDoc: run `npm run docs` and commit docs/reference.md',
    );
  });

  it('has a section for each element, with its parts and custom properties', () => {
    const text = readFileSync(REFERENCE, 'utf8');
    assert.deepEqual(ELEMENTS.map((element) => element.tagName), ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts']);
    for (const element of ELEMENTS) {
      const part = text.slice(text.indexOf(`## \`<${element.tagName}>\``));
      for (const name of [...names(element.attributes), ...names(element.cssParts), ...names(element.cssProperties), ...names(element.events)]) {
        assert.ok(part.includes(`\`${name}\``), `${element.tagName}: ${name}`);
      }
    }
  });
});

describe('links in the README and docs/', () => {
  for (const path of ['README.md', ...DOCS]) {
    it(`${path}: every relative link names a file that exists, and a heading that exists`, () => {
      const text = read(path);
      const broken = [];
      const prose = text.replace(/```[\s\S]*?```/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        // Made by `npm run screenshots`, which lands with the demo site.
        if (target.startsWith('docs/screenshots/') && !existsSync(join(ROOT, 'docs/screenshots'))) continue;
        const [file, hash] = target.split('#');
        const full = file ? join(ROOT, dirname(path), file) : join(ROOT, path);
        if (!existsSync(full)) {
          broken.push(`${target}: no file ${relative(ROOT, full)}`);
          continue;
        }
        if (hash !== undefined && full.endsWith('.md') && !anchors(readFileSync(full, 'utf8')).has(hash)) {
          broken.push(`${target}: no heading #${hash} in ${relative(ROOT, full)}`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }
});

describe('the hand-written pages against custom-elements.json', () => {
  const guides = GUIDES.map(read).join('\n');

  it('name every attribute, event, slot, part, custom property and state of every element', () => {
    const missing = [];
    for (const element of ELEMENTS) {
      for (const [kind, list] of Object.entries({
        attribute: element.attributes,
        event: element.events,
        slot: element.slots,
        part: element.cssParts,
        'custom property': element.cssProperties,
      })) {
        for (const name of names(list)) if (name && !guides.includes(`\`${name}\``) && !guides.includes(`\`${name}=`)) missing.push(`${element.tagName} ${kind} ${name}`);
      }
      for (const name of names(element.cssStates)) if (!guides.includes(`:state(${name})`)) missing.push(`${element.tagName} state ${name}`);
    }
    assert.deepEqual(missing, [], 'document these in a page under docs/ (their generated entry is in docs/reference.md)');
  });

  it('name every field of the content document\u2019s JSON Schema', () => {
    const schema = JSON.parse(read('schema/clinic-document.schema.json'));
    const missing = [];
    const seen = new Set();
    const walk = (node, path) => {
      if (node.$ref) {
        const name = node.$ref.split('/').pop();
        if (seen.has(name)) return;
        seen.add(name);
        node = schema.$defs[name];
      }
      for (const alternative of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) walk(alternative, path);
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        const here = path ? `${path}.${key}` : key;
        if (![`"${key}"`, `\`${key}\``, `.${key}\``, `${key}:`].some((form) => guides.includes(form))) missing.push(here);
        walk(value, here);
      }
      if (node.items) walk(node.items, `${path}[]`);
    };
    walk(schema, '');
    assert.deepEqual(missing, [], 'fields of schema/clinic-document.schema.json that no page under docs/ names');
  });

  it('docs/theming.md lists each part with the elements that have it, and no other', () => {
    const table = rows(section(read('docs/theming.md'), 'Parts')).filter((cells) => cells.length === 4 && cells[1] !== 'part');
    const documented = new Set();
    for (const [who, part] of table) {
      const tags = who === 'all three' ? [...byTag.keys()] : codes(who);
      for (const tag of tags) {
        for (const name of codes(part)) {
          assert.ok(byTag.has(tag), `docs/theming.md: ${tag} is not an element`);
          assert.ok(names(byTag.get(tag).cssParts).includes(name), `docs/theming.md lists part ${name} for ${tag}, which has none of that name`);
          documented.add(`${tag} ${name}`);
        }
      }
    }
    const declared = ELEMENTS.flatMap((element) => names(element.cssParts).map((name) => `${element.tagName} ${name}`));
    assert.deepEqual(declared.filter((entry) => !documented.has(entry)), [], 'parts missing from docs/theming.md');
  });

  it('docs/theming.md lists each custom property, under the elements that read it, with its default', () => {
    const text = section(read('docs/theming.md'), 'Custom properties');
    const listed = new Set();
    const defaultOf = (element, name) => element.cssProperties.find((property) => property.name === name)?.default;
    for (const cells of rows(text)) {
      if (cells.length === 3) {
        // The shared table: every element reads these.
        for (const name of codes(cells[0]).filter((name) => name.startsWith('--'))) {
          for (const element of ELEMENTS) {
            assert.ok(names(element.cssProperties).includes(name), `docs/theming.md: ${element.tagName} does not read ${name}`);
            assert.equal(codes(cells[1])[0], defaultOf(element, name), `docs/theming.md: the default of ${name} (@cssproperty in ${element.path})`);
            listed.add(`${element.tagName} ${name}`);
          }
        }
      } else if (cells.length === 4) {
        const [tag] = codes(cells[0]);
        for (const name of codes(cells[1]).filter((name) => name.startsWith('--'))) {
          assert.ok(names(byTag.get(tag)?.cssProperties).includes(name), `docs/theming.md lists ${name} for ${tag}, which does not declare it`);
          assert.equal(codes(cells[2])[0], defaultOf(byTag.get(tag), name), `docs/theming.md: the default of ${name} (@cssproperty in ${byTag.get(tag).path})`);
          listed.add(`${tag} ${name}`);
        }
      }
    }
    const declared = ELEMENTS.flatMap((element) => names(element.cssProperties).map((name) => `${element.tagName} ${name}`));
    assert.deepEqual(declared.filter((entry) => !listed.has(entry)), [], 'custom properties missing from docs/theming.md');
  });

  it('docs/elements.md names only attributes the elements have, and every event', () => {
    const text = read('docs/elements.md');
    const common = section(text, 'Attributes every element takes');
    for (const cells of rows(common)) {
      for (const name of codes(cells[0])) for (const element of ELEMENTS) assert.ok(names(element.attributes).includes(name), `${element.tagName} has no attribute ${name}`);
    }
    for (const element of ELEMENTS) {
      for (const cells of rows(section(text, `\`<${element.tagName}>\``))) {
        for (const name of codes(cells[0])) assert.ok(names(element.attributes).includes(name), `docs/elements.md: ${element.tagName} has no attribute ${name}`);
      }
    }
    const events = rows(section(text, 'Events')).flatMap((cells) => codes(cells[0]));
    for (const element of ELEMENTS) assert.deepEqual([...events].sort(), names(element.events).sort(), `docs/elements.md events of ${element.tagName}`);
  });
});

describe('figures the docs state, against the code', () => {
  it('the embed stylesheet in the README and docs/embedding.md is the one the tests and benchmarks use', () => {
    const css = read('test/pages/embed.css').replace(/\n/g, '');
    assert.equal(css, EMBED_STYLE, 'test/pages/embed.css and bench/lib/embed.mjs');
    for (const path of ['README.md', 'docs/embedding.md']) {
      const style = /<style>(.*?)<\/style>/.exec(read(path));
      assert.equal(style?.[1], EMBED_STYLE, `the <style> line of ${path}`);
    }
  });

  it('docs/embedding.md states the size budgets npm test enforces', () => {
    const table = rows(section(read('docs/embedding.md'), 'What a page downloads'));
    const budget = (label) => table.find((cells) => cells[0].startsWith(label))?.[2];
    const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
    assert.equal(budget('classic script page'), kB(BUDGETS.classic), 'classic script budget (bench/lib/bundles.mjs)');
    assert.equal(budget('ES module page'), kB(BUDGETS.module), 'ES module budget (bench/lib/bundles.mjs)');
    assert.equal(budget('a Markdown body adds'), kB(BUDGETS.markdown), 'Markdown budget (bench/lib/bundles.mjs)');
  });

  it('docs/embedding.md states the sizes of the files in dist/', () => {
    const table = rows(section(read('docs/embedding.md'), 'What a page downloads'));
    const now = (label) => table.find((cells) => cells[0].startsWith(label))?.[1];
    const kB = (bytes) => (bytes / 1000).toFixed(1);
    const f = figures();
    assert.equal(now('classic script page'), `${kB(f.classic)} kB`, 'classic script page (npm run bench -- size)');
    assert.equal(now('ES module page'), `${kB(f.module)} kB`, 'ES module page (npm run bench -- size)');
    assert.equal(now('a Markdown body adds'), `${kB(f.classicMarkdown)} / ${kB(f.moduleMarkdown)} kB`, 'Markdown body (npm run bench -- size)');
  });

  it('docs/loading.md states the limits the code applies', () => {
    const table = rows(section(read('docs/loading.md'), 'Limits'));
    const limitOf = (name) => {
      const row = table.find((cells) => codes(cells[2]).includes(name));
      assert.ok(row, `docs/loading.md has a limit set by \`${name}\``);
      return row[1];
    };
    const client = 'src/data/client.ts';
    const markdown = 'src/data/markdown.ts';
    const expected = {
      timeout: `${constant(client, 'timeout') / 1000} s`,
      maxBytes: `${constant(client, 'maxBytes') / 1_000_000} MB`,
      retries: `${constant(client, 'retries')}`,
      memoryDocuments: `${thousands(constant(client, 'memoryDocuments'))} documents`,
      memoryChars: `${thousands(constant(client, 'memoryChars'))} characters`,
      maxEntries: `${thousands(constant('src/data/store.ts', 'maxEntries'))} documents`,
      maxChars: `${thousands(constant('src/data/store.ts', 'maxChars'))} characters`,
      maxValues: thousands(constant('src/data/store.ts', 'maxValues')),
      JSON_SLICE: `${thousands(constant('src/data/parse.ts', 'JSON_SLICE'))} characters`,
      MAX_POSTS: `${constant('src/internal/limit.ts', 'MAX_POSTS')} when unset and at most`,
      CURATION_WINDOW: thousands(constant('src/data/parse.ts', 'CURATION_WINDOW')),
      MAX_BODY_LENGTH: `${thousands(constant(markdown, 'MAX_BODY_LENGTH'))} characters`,
      MAX_BLOCK_LINES: thousands(constant(markdown, 'MAX_BLOCK_LINES')),
      MAX_LIST_ITEMS: thousands(constant(markdown, 'MAX_LIST_ITEMS')),
      MAX_BLOCKS: thousands(constant(markdown, 'MAX_BLOCKS')),
      MAX_PARAGRAPH: `${thousands(constant(markdown, 'MAX_PARAGRAPH'))} characters`,
      MAX_NESTING: thousands(constant(markdown, 'MAX_NESTING')),
      MAX_BLOCK_WORK: thousands(constant(markdown, 'MAX_BLOCK_WORK')),
    };
    for (const [name, figure] of Object.entries(expected)) {
      assert.ok(new RegExp(`(^|[^\\d,])${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(limitOf(name)), `docs/loading.md: the \`${name}\` row should say ${figure}, it says "${limitOf(name)}"`);
    }
    const days = /DEFAULT_MAX_AGE = (\d+) \* 24 \* 60 \* 60 \* 1000;/.exec(read('src/data/store.ts'))?.[1];
    assert.ok(days, 'DEFAULT_MAX_AGE is a number of days in src/data/store.ts');
    assert.ok(limitOf('maxAge').includes(`${days} days`), `docs/loading.md: stored copies are kept ${days} days`);
  });

  it('the README states the main limits as the code applies them', () => {
    const limits = section(read('README.md'), 'Limits');
    const client = 'src/data/client.ts';
    const markdown = 'src/data/markdown.ts';
    const figures = [
      `${constant(client, 'maxBytes') / 1_000_000} MB`,
      `${constant(client, 'timeout') / 1000} s`,
      `${constant(client, 'retries')} retries`,
      `over ${thousands(constant('src/data/parse.ts', 'JSON_SLICE'))} characters`,
      `${thousands(constant(markdown, 'MAX_BODY_LENGTH'))} characters`,
      `${thousands(constant(markdown, 'MAX_BLOCK_LINES'))} lines without a blank line`,
      `${thousands(constant(markdown, 'MAX_LIST_ITEMS'))} list items`,
      `${thousands(constant(markdown, 'MAX_BLOCKS'))} paragraphs and other blocks`,
      `paragraphs or code blocks of ${thousands(constant(markdown, 'MAX_PARAGRAPH'))} characters`,
      `${constant(markdown, 'MAX_NESTING')} deep`,
      `over ${thousands(constant(markdown, 'MAX_INLINE_LENGTH'))} characters`,
      `${constant('src/internal/limit.ts', 'MAX_POSTS')} when unset`,
      `first ${thousands(constant('src/data/parse.ts', 'CURATION_WINDOW'))}`,
    ];
    for (const figure of figures) assert.ok(limits.replace(/\s+/g, ' ').includes(figure), `README.md, Limits: says "${figure}"`);
  });

  it('the README and docs/development.md give the Node.js range of package.json', () => {
    const { engines } = JSON.parse(read('package.json'));
    assert.ok(read('README.md').includes(`Node.js \`${engines.node}\``), `README.md states Node.js \`${engines.node}\``);
    assert.ok(read('docs/development.md').includes(`\`${engines.node}\``), `docs/development.md states \`${engines.node}\``);
  });

  it('docs/publishing.md lists the options and the files of `clinic-widgets build --help`', () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/clinic-widgets.mjs'), '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    const options = [...help.stdout.matchAll(/^ {2}(--[a-z-]+) [A-Z_]+ /gm)].map((match) => match[1]).sort();
    const files = [...help.stdout.matchAll(/^ {2}OUT_DIR\/(\S+)/gm)].map((match) => match[1]).sort();
    assert.ok(options.length >= 5 && files.length >= 5, 'the help lists options and files');
    const table = rows(section(read('docs/publishing.md'), 'Build'));
    const documented = table.flatMap((cells) => codes(cells[0]));
    assert.deepEqual(documented.filter((cell) => cell.startsWith('--')).map((cell) => cell.split(' ')[0]).sort(), options, 'options');
    assert.deepEqual(
      files.filter((file) => !documented.includes(file)),
      [],
      'files the command writes, missing from docs/publishing.md',
    );
  });

  it('docs/security.md names every Trusted Types policy the widgets create', () => {
    const policies = [
      'lit-html',
      /TRUSTED_TYPES_POLICY_NAME = '([^']+)'/.exec(read('src/data/markdown.ts'))?.[1],
      /JSON_LD_POLICY_NAME = '([^']+)'/.exec(read('src/internal/structured-data.ts'))?.[1],
    ];
    const directive = /trusted-types ([^\n']+)/.exec(section(read('docs/security.md'), 'Content-Security-Policy'))?.[1].trim().split(/\s+/);
    assert.deepEqual(directive, policies);
  });
});
