// The built files in dist/: which ones a page downloads, their gzip size, their budgets, and where
// their bytes come from (read from the source maps). Shared by bench/size.mjs and the size check
// that `npm test` runs (scripts/check-size.mjs), so that both state the same numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './server.mjs';

export const DIST = join(ROOT, 'dist');

/**
 * Budgets, in bytes of gzip -9 (1 kB = 1000 B), for all the JavaScript a page downloads: `npm
 * test` fails when a build goes past one. docs/embedding.md states the same numbers
 * (test/cli/docs.test.mjs checks it).
 */
export const BUDGETS = {
  classic: 24_900, // classic script page without a Markdown body
  module: 25_100, // ES module page without a Markdown body
  markdown: 32_500, // what a Markdown body adds, either bundle
};

/** Where the budgets are headed (issue 10); bench/size.mjs reports each figure against them. */
export const TARGETS = {
  classic: 16_000,
  module: 15_000,
  markdown: 29_000,
};

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

const read = (file) => readFileSync(join(DIST, file));

/** Files an ES module in dist/ imports statically (its closure), itself first. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = read(file).toString();
  const out = [file];
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    out.push(...staticClosure(join(file, '..', match[1]), seen));
  }
  return out;
}

/** Modules an ES module in dist/ imports on demand, with `import("./…")`. */
function dynamicImports(file) {
  const code = read(file).toString();
  return [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => join(file, '..', m[1]));
}

/**
 * The files each kind of page downloads, from what dist/ holds: the classic script alone, or with
 * the Markdown module beside it; the ES module and what it imports statically, and its Markdown
 * chunk with what that imports and the page does not have yet.
 */
export function pageFiles() {
  const module = staticClosure('clinic-widgets.js');
  const chunk = dynamicImports('clinic-widgets.js').filter((file) => /markdown/.test(file));
  if (chunk.length !== 1) throw new Error(`expected one Markdown chunk imported by dist/clinic-widgets.js, found ${chunk.length}`);
  const moduleMarkdown = staticClosure(chunk[0]).filter((file) => !module.includes(file));
  return {
    classic: ['clinic-widgets.iife.js'],
    classicMarkdown: staticClosure('clinic-widgets.markdown.js'),
    module,
    moduleMarkdown,
  };
}

/** gzip -9 and raw bytes of files in dist/, summed. */
export function sizeOf(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = read(file);
    raw += bytes.length;
    gzip += gzipSize(bytes);
  }
  return { raw, gzip };
}

/** The four figures the budgets are about, in gzip bytes. */
export function figures() {
  const files = pageFiles();
  return {
    files,
    classic: sizeOf(files.classic).gzip,
    module: sizeOf(files.module).gzip,
    classicMarkdown: sizeOf(files.classicMarkdown).gzip,
    moduleMarkdown: sizeOf(files.moduleMarkdown).gzip,
  };
}

/** Each figure against its budget: a list of `{ name, bytes, budget, over }`. */
export function checkBudgets(f = figures()) {
  return [
    { name: 'classic script page, no Markdown body', bytes: f.classic, budget: BUDGETS.classic },
    { name: 'ES module page, no Markdown body', bytes: f.module, budget: BUDGETS.module },
    { name: 'Markdown body adds (classic script)', bytes: f.classicMarkdown, budget: BUDGETS.markdown },
    { name: 'Markdown body adds (ES module)', bytes: f.moduleMarkdown, budget: BUDGETS.markdown },
  ].map((row) => ({ ...row, over: row.bytes > row.budget }));
}

// --- Where the bytes come from -------------------------------------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of source-map mappings into [column, sourceIndex | -1] pairs. */
function* segments(mappings) {
  let source = 0;
  let line = 0;
  for (const text of mappings.split(';')) {
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      yield { line, column, source: values.length > 1 ? source : -1 };
    }
    line++;
  }
}

/** The group a source file belongs to in the breakdown. */
function groupOf(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1];
  return path.replace(/^src\//, '');
}

/**
 * Where the bytes of a dist/ file come from, by source (a package, or a file of src/): its
 * minified bytes, and the gzip bytes it adds (the file's gzip size, minus that of the file with
 * the source's bytes left out). Sorted by what it adds, largest first.
 */
export function breakdown(file) {
  const code = read(file).toString();
  const map = JSON.parse(read(`${file}.map`).toString());
  const lines = code.split('\n');
  const lineStart = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    lineStart.push(at);
    at += lines[i].length + 1;
  }
  // Owner of each character: the source of the segment it falls in.
  const owner = new Int32Array(code.length).fill(-1);
  let previous;
  const mark = (from, to, source) => owner.fill(source, from, to);
  for (const segment of segments(map.mappings)) {
    const at = lineStart[segment.line] + segment.column;
    if (previous) mark(previous.at, previous.line === segment.line ? at : lineStart[previous.line] + lines[previous.line].length, previous.source);
    previous = { at, line: segment.line, source: segment.source };
  }
  if (previous) mark(previous.at, lineStart[previous.line] + lines[previous.line].length, previous.source);

  const groups = new Map();
  for (let i = 0; i < code.length; i++) {
    const name = owner[i] === -1 ? '(bundler)' : groupOf(map.sources[owner[i]]);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, chars: [] }));
    group.chars.push(i);
  }
  const total = gzipSize(Buffer.from(code));
  const rows = [...groups.values()].map(({ name, chars }) => {
    const skip = new Uint8Array(code.length);
    for (const i of chars) skip[i] = 1;
    let rest = '';
    let from = -1;
    for (let i = 0; i <= code.length; i++) {
      if (i < code.length && !skip[i]) {
        if (from === -1) from = i;
      } else if (from !== -1) {
        rest += code.slice(from, i);
        from = -1;
      }
    }
    const own = chars.map((i) => code[i]).join('');
    return { name, minified: Buffer.byteLength(own), gzipAdded: total - gzipSize(Buffer.from(rest)) };
  });
  return { file, total, raw: Buffer.byteLength(code), rows: rows.sort((a, b) => b.gzipAdded - a.gzipAdded) };
}

/** The .js files in dist/ (not the chunks folder). */
export const distFiles = () => readdirSync(DIST).filter((name) => name.endsWith('.js'));
