// The demo site as a visitor opens it: every page under demo/ and the documentation pages that
// scripts/build-docs.mjs renders into demo/docs/, served as files over the production build, in
// Chromium; the demo pages in the light and the dark scheme, the documentation pages (which share
// their stylesheet) in the light one. Each page has no axe violation (WCAG and best practices,
// inside the widgets' shadow roots too), nothing in the console (no error, no warning, no "Lit is
// in dev mode"), no page error and no failed request; its widgets all show their content; at
// 360 px wide it does not scroll sideways; every same-origin link and file it names is there. The
// one exception is the page that fails on purpose (demo/errors.html): exactly the failures it
// announces, and every widget in its error state.
// Needs `vite build` and `node scripts/build-docs.mjs` first (npm test's pretest runs both).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { launchBrowser, openPage } from '../../scripts/screenshot.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// axe-core as @open-wc/testing's accessible() uses it (through chai-a11y-axe).
const requireFromAxeUser = createRequire(createRequire(import.meta.url).resolve('chai-a11y-axe'));
const AXE = await readFile(requireFromAxeUser.resolve('axe-core/axe.min.js'), 'utf8');

/** Pages that fail on purpose: the console lines and failed requests they are allowed, and no more. */
const DELIBERATE = {
  '/demo/errors.html': {
    expected: [
      /^console\.error: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/,
      /^HTTP 404: .*\/demo\/data\/missing\.json$/,
    ],
    required: [/^HTTP 404: .*\/demo\/data\/missing\.json$/],
    status: 'error',
  },
};

const demoPages = (await readdir(`${ROOT}demo`)).filter((name) => name.endsWith('.html')).sort().map((name) => `/demo/${name}`);
const docsPages = existsSync(`${ROOT}demo/docs`)
  ? (await readdir(`${ROOT}demo/docs`)).filter((name) => name.endsWith('.html')).sort().map((name) => `/demo/docs/${name}`)
  : [];

/**
 * axe rules a page may break on purpose, with the reason. The gallery shows the same clinic's block
 * in seven themes; each block is a region named after the clinic, so the names repeat there, as
 * they never do on a partner's page (one block per clinic).
 */
const RULES_OFF = {
  '/demo/gallery.html': ['landmark-unique'],
};

/** axe's violations on the page, one readable line each. */
async function violations(page, path) {
  await page.evaluate(AXE);
  const rules = Object.fromEntries((RULES_OFF[path] ?? []).map((id) => [id, { enabled: false }]));
  const found = await page.evaluate(async (rules) => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 5).map((n) => n.target.join(' >>> ')).join('\n      ')}`);
  }, rules);
  return found;
}

describe('the demo site', () => {
  let server;
  let browser;
  before(async () => {
    assert.ok(existsSync(`${ROOT}dist/clinic-widgets.js`), 'build first: vite build');
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has the pages the overview links to, and the documentation rendered', () => {
    for (const page of ['index', 'partner', 'gallery', 'builder', 'errors', 'csp']) assert.ok(demoPages.includes(`/demo/${page}.html`), page);
    assert.ok(docsPages.includes('/demo/docs/index.html'), 'node scripts/build-docs.mjs renders demo/docs/');
    assert.ok(docsPages.includes('/demo/docs/readme.html'));
  });

  // The demo pages in both schemes; the documentation pages share their stylesheet, so one is enough.
  const runs = [...demoPages.flatMap((path) => [[path, 'light'], [path, 'dark']]), ...docsPages.map((path) => [path, 'light'])];
  /** Same-origin addresses the pages link to or load (without #fragment), and a page that names each. */
  const linked = new Map();
  for (const [path, scheme] of runs) {
    {
      it(`${path} (${scheme}): no axe violation, a quiet console, widgets shown`, async () => {
        const problems = [];
        const page = await openPage(browser, `${server.url}${path}`, { width: 1280, scheme, fullHeight: false, report: (text) => problems.push(text) });
        try {
          const statuses = await page.evaluate(() =>
            [...document.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')].map((el) => el.getAttribute('status')),
          );
          const deliberate = DELIBERATE[path];
          if (deliberate) {
            assert.ok(statuses.length > 0);
            assert.deepEqual(statuses, statuses.map(() => deliberate.status), 'every widget fails, on purpose');
            const unexpected = problems.filter((text) => !deliberate.expected.some((pattern) => pattern.test(text)));
            assert.deepEqual(unexpected, [], 'only the failures the page announces');
            for (const pattern of deliberate.required) assert.ok(problems.some((text) => pattern.test(text)), `${pattern} happened`);
            assert.match(await page.evaluate(() => document.body.innerText), /fails on purpose/);
          } else {
            assert.deepEqual(problems, [], 'console errors or warnings, page errors, failed requests');
            assert.deepEqual(statuses, statuses.map(() => 'ready'), 'every widget shows its content');
          }
          for (const url of await page.evaluate(() =>
            [...document.querySelectorAll('a[href], img[src], link[href], script[src]')].map((el) => el.href || el.src),
          )) {
            const target = new URL(url);
            target.hash = '';
            if (target.origin === server.url && !linked.has(target.href)) linked.set(target.href, path);
          }
          assert.deepEqual(await violations(page, path), [], 'axe violations');
          // On a phone nothing makes the page scroll sideways (wide code and tables scroll in their box).
          await page.setViewport({ width: 360, height: 800 });
          assert.deepEqual(
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(document.documentElement.scrollWidth)))),
            360,
            'page width at 360 px',
          );
        } finally {
          await page.close();
        }
      });
    }
  }

  it('every same-origin link and file the pages name is there', async () => {
    assert.ok(linked.size > 20, `${linked.size} addresses`);
    const missing = [];
    for (const [url, from] of linked) {
      const response = await fetch(url, { redirect: 'follow' });
      await response.arrayBuffer();
      if (!response.ok) missing.push(`${new URL(url).pathname} (${response.status}, named in ${from})`);
    }
    // The failure page names its missing document on purpose.
    assert.deepEqual(missing.filter((text) => !text.startsWith('/demo/data/missing.json')), []);
  });
});
