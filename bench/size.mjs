// What a page downloads, measured in Chromium on the built dist/ (run `npm run build` first, or
// `npm run bench -- size`): all the JavaScript fetched by a page with the three widgets and no
// Markdown body, and what a full article adds, for the classic script and for the ES module.
// Sizes are gzip -9 of each file as served (1 kB = 1000 B). Then the budgets that `npm test`
// checks (bench/lib/bundles.mjs), and where the bytes of each file come from, by source.
import { launch } from './lib/browser.mjs';
import { BUDGETS, TARGETS, breakdown, figures, gzipSize } from './lib/bundles.mjs';
import { ROOT, serve } from './lib/server.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const DOC = '/demo/data/ketamine-infusion-therapy.json';
const SCRIPTS = {
  classic: '<script src="/dist/clinic-widgets.iife.js"></script>',
  module: '<script type="module" src="/dist/clinic-widgets.js"></script>',
};
const page = (script, body) => `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
${script}</head><body>${body}</body></html>`;
const WIDGETS = `<clinic-article-card src="${DOC}"></clinic-article-card><clinic-publisher src="${DOC}"></clinic-publisher><clinic-related-posts src="${DOC}"></clinic-related-posts>`;
const FULL = `<clinic-article-card src="${DOC}" variant="full"></clinic-article-card><clinic-publisher src="${DOC}"></clinic-publisher><clinic-related-posts src="${DOC}"></clinic-related-posts>`;

const pages = {};
for (const [kind, script] of Object.entries(SCRIPTS)) {
  pages[`/${kind}.html`] = page(script, WIDGETS);
  pages[`/${kind}-full.html`] = page(script, FULL);
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const server = await serve({ routes: pages });
const browser = await launch();
const results = {};
try {
  for (const path of Object.keys(pages)) {
    const tab = await browser.newPage();
    const before = server.requests.length;
    await tab.goto(server.url + path, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(
      () => [...document.querySelectorAll('[status]')].every((el) => el.getAttribute('status') === 'ready'),
      { timeout: 10000 },
    );
    const scripts = server.requests.slice(before).filter((p) => p.endsWith('.js'));
    let gzip = 0;
    for (const script of scripts) gzip += gzipSize(await readFile(join(ROOT, script)));
    results[path] = { files: scripts, gzip };
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log('JavaScript a page downloads, measured in Chromium (gzip -9):');
for (const [path, r] of Object.entries(results)) {
  console.log(`  ${path.padEnd(20)} ${kB(r.gzip).padStart(8)}  ${r.files.join(', ')}`);
}
const rows = [
  ['classic script page, no Markdown body', results['/classic.html'].gzip, 'classic'],
  ['ES module page, no Markdown body', results['/module.html'].gzip, 'module'],
  ['Markdown body adds, classic script', results['/classic-full.html'].gzip - results['/classic.html'].gzip, 'markdown'],
  ['Markdown body adds, ES module', results['/module-full.html'].gzip - results['/module.html'].gzip, 'markdown'],
];
console.log('\nAgainst the budgets `npm test` checks, and the targets:');
for (const [name, bytes, key] of rows) {
  console.log(`  ${name.padEnd(40)} ${kB(bytes).padStart(8)}  budget ${kB(BUDGETS[key])}  target ${kB(TARGETS[key])}${bytes > TARGETS[key] ? '  (over target)' : ''}`);
}

// The same figures from dist/ alone, as the size check in `npm test` computes them.
const f = figures();
const same =
  f.classic === rows[0][1] && f.module === rows[1][1] && f.classicMarkdown === rows[2][1] && f.moduleMarkdown === rows[3][1];
if (!same) console.log(`  (the size check reads different files: ${JSON.stringify(f.files)})`);

console.log('\nWhere the bytes come from (minified bytes; gzip bytes each source adds to its file):');
for (const file of ['clinic-widgets.js', 'clinic-widgets.iife.js', 'clinic-widgets.markdown.js', ...f.files.moduleMarkdown]) {
  const { total, raw, rows: sources } = breakdown(file);
  console.log(`  dist/${file}: ${raw} B minified, ${total} B gzip`);
  for (const row of sources) {
    console.log(`    ${row.name.padEnd(48)} ${String(row.minified).padStart(7)} ${String(row.gzipAdded).padStart(7)}`);
  }
}
