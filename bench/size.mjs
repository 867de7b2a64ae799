// What a page downloads, measured in Chromium on the built dist/ (run `npm run build` first):
// the JavaScript fetched for a page with only the publisher block and related posts, and what a
// full article with its Markdown body adds. Sizes are gzip -9 of each file as served.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './lib/browser.mjs';
import { ROOT, serve } from './lib/server.mjs';

const DOC = '/demo/data/ketamine-infusion-therapy.json';
const page = (body) => `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script type="module" src="/dist/clinic-widgets.js"></script></head><body>${body}</body></html>`;

const pages = {
  '/publisher-and-related.html': page(
    `<clinic-publisher src="${DOC}"></clinic-publisher><clinic-related-posts src="${DOC}"></clinic-related-posts>`,
  ),
  '/card.html': page(`<clinic-article-card src="${DOC}"></clinic-article-card>`),
  '/full-article.html': page(
    `<clinic-article-card src="${DOC}" variant="full"></clinic-article-card><clinic-publisher src="${DOC}"></clinic-publisher><clinic-related-posts src="${DOC}"></clinic-related-posts>`,
  ),
};

async function gzipBytes(path) {
  const body = await readFile(join(ROOT, path));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

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
    const sizes = await Promise.all(scripts.map(gzipBytes));
    results[path] = {
      files: scripts,
      raw: sizes.reduce((sum, s) => sum + s.raw, 0),
      gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
    };
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const base = results['/publisher-and-related.html'];
const full = results['/full-article.html'];
console.log('JavaScript a page downloads (dist/, gzip -9):');
for (const [path, r] of Object.entries(results)) {
  console.log(`  ${path.padEnd(28)} ${String(r.gzip).padStart(6)} B gzip  ${String(r.raw).padStart(7)} B raw  ${r.files.join(', ')}`);
}
console.log(`  Markdown body adds          ${String(full.gzip - base.gzip).padStart(6)} B gzip`);
const iife = await gzipBytes('/dist/clinic-widgets.iife.js');
console.log(`  IIFE (one classic script)   ${String(iife.gzip).padStart(6)} B gzip  ${String(iife.raw).padStart(7)} B raw`);
