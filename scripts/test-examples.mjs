// npm run test:examples: the framework apps in examples/ use the package as a user would.
// 1. packs the package (building dist/ first when it is incomplete) into examples/.pack/clinic-widgets.tgz;
// 2. installs the examples' own dependencies (one npm workspace, its own lockfile, kept out of
//    the root install) and builds each app with its framework's tools, which also type-check it
//    (tsc, vue-tsc, svelte-check, ng build);
// 3. serves each build on 127.0.0.1 and loads it in headless Chromium: the three elements must
//    reach status="ready" with the content they were given (src, the data property, attributes)
//    and the app must have received a clinic-load event from each, and nothing may be logged as
//    an error.
// Ends with "N passed, N failed"; exits 1 on any failure. `--only react,vue` limits the apps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChromium } from './find-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const ALL = ['react', 'vue', 'svelte', 'angular'];
const onlyArg = process.argv.indexOf('--only');
const apps = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : ALL;
/** Where each app's build lands. */
const OUT = { react: 'dist', vue: 'dist', svelte: 'dist', angular: 'dist/browser' };

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
}

// `npm test` rebuilds only the bundles, so build the whole package unless it is all there.
if (!['dist/clinic-widgets.js', 'dist/types/index.d.ts', 'dist/frameworks/jsx.d.ts'].every((file) => existsSync(join(ROOT, file)))) {
  run('npm', ['run', 'build', '--silent'], ROOT);
}

// Angular serves assets only from inside its own folder, so it keeps a copy of the document.
if (!readFileSync(join(EXAMPLES, 'public/ketamine-infusion-therapy.json')).equals(readFileSync(join(EXAMPLES, 'angular/public/ketamine-infusion-therapy.json')))) {
  console.error('examples: angular/public/ketamine-infusion-therapy.json differs from public/; copy it over.');
  process.exit(1);
}

const browserPath = findChromium();
const timings = {};
let start = performance.now();
const pack = join(EXAMPLES, '.pack');
rmSync(pack, { recursive: true, force: true });
mkdirSync(pack);
run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', pack], ROOT);
const [tarball] = readdirSync(pack).filter((name) => name.endsWith('.tgz'));
renameSync(join(pack, tarball), join(pack, 'clinic-widgets.tgz'));
// The tarball changes with every build, so the lockfile records it without an integrity hash, and
// `npm install` (not `npm ci`) takes a tarball whose own dependencies changed; everything else
// installs at its locked version. The old copy goes first, or npm would keep it.
rmSync(join(EXAMPLES, 'node_modules/clinic-widgets'), { recursive: true, force: true });
run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], EXAMPLES);
const lockPath = join(EXAMPLES, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
delete lock.packages['node_modules/clinic-widgets'].integrity;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
timings.install = seconds(start);
console.log(`examples: packed ${tarball} and installed the examples' dependencies in ${timings.install} s`);

/**
 * svelte-check has no expect-error comment for markup, so examples/svelte/type-errors/ marks each
 * line that must be a type error with an "expect-error" comment above it; any other error, or a
 * marked line without one, is a problem.
 */
function svelteTypeErrors() {
  const dir = join(EXAMPLES, 'svelte', 'type-errors');
  const file = 'WrongValues.svelte';
  const expected = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (line.includes('<!-- expect-error') ? [index + 2] : []));
  let output;
  try {
    output = execFileSync('npx', ['svelte-check', '--workspace', dir, '--tsconfig', join(dir, 'tsconfig.json'), '--output', 'machine'], { cwd: join(EXAMPLES, 'svelte'), encoding: 'utf8' });
  } catch (error) {
    output = error.stdout ?? ''; // exits 1 when it finds errors, as it should here
  }
  const found = [...output.matchAll(/ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, name, line, message]) => ({ name, line: Number(line), message }));
  if (!output.includes('COMPLETED')) return [`svelte-check did not run: ${output.slice(-300)}`];
  const problems = [];
  for (const line of expected) {
    if (!found.some((error) => error.name === file && error.line === line)) problems.push(`svelte-check: no type error on ${file}:${line}`);
  }
  for (const error of found) {
    if (error.name !== file || !expected.includes(error.line)) problems.push(`svelte-check: unexpected error ${error.name}:${error.line} ${error.message}`);
  }
  if (!problems.length) console.log(`examples: svelte-check finds the ${expected.length} wrong values in svelte/type-errors/${file}`);
  return problems;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ico': 'image/x-icon', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp' };
/** A static server for one build folder; unknown paths get index.html (client routing). */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What the page shows, read in the page. */
function inspect() {
  const text = (el) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const card = document.querySelector('clinic-article-card');
  const publisher = document.querySelector('clinic-publisher');
  const related = document.querySelector('clinic-related-posts');
  return {
    status: [card, publisher, related].map((el) => el?.getAttribute('status') ?? 'missing'),
    defined: ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'].every((tag) => customElements.get(tag)),
    cardTitle: card?.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() ?? '',
    cardHeading: card?.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6')?.localName ?? '',
    publisher: text(publisher),
    relatedItems: related?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? -1,
    relatedLayout: related?.getAttribute('layout') ?? '',
    events: document.querySelector('#events')?.textContent ?? '',
  };
}

const results = [];
const browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: CHROME_ARGS });
try {
  for (const app of apps) {
    const problems = [];
    start = performance.now();
    try {
      run('npm', ['run', 'build', '--silent'], join(EXAMPLES, app));
    } catch {
      results.push({ app, problems: ['the build failed'] });
      continue;
    }
    timings[app] = seconds(start);
    if (app === 'svelte') problems.push(...svelteTypeErrors());
    const server = await serve(join(EXAMPLES, app, OUT[app]));
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
      // Wait on the outcome: every element ready and a clinic-load from each in the app's log.
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')].filter((el) => el.getAttribute('status') === 'ready').length === 3 &&
            ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'].every((tag) => document.querySelector('#events')?.textContent?.includes(`clinic-load ${tag}`)),
          { timeout: 60_000, polling: 100 },
        )
        .catch(() => problems.push('the elements did not all become ready with a clinic-load each within 60 s'));
      const seen = await page.evaluate(inspect);
      if (!seen.defined) problems.push('the elements are not defined');
      if (seen.status.join() !== 'ready,ready,ready') problems.push(`status is ${seen.status.join(', ')}`);
      if (seen.cardTitle !== 'The Science Behind Ketamine Infusion Therapy') problems.push(`card title from src: "${seen.cardTitle}"`);
      if (seen.cardHeading !== 'h2') problems.push(`heading-level="2" gave <${seen.cardHeading}>`);
      if (!seen.publisher.includes('Propel Therapeutics') || !seen.publisher.includes('916-915-9215')) problems.push(`publisher from the data property shows "${seen.publisher.slice(0, 80)}"`);
      if (seen.relatedItems !== 2) problems.push(`limit=2 showed ${seen.relatedItems} related posts`);
      if (seen.relatedLayout !== 'grid') problems.push(`layout is "${seen.relatedLayout}"`);
      if (!seen.events.includes('clinic-load clinic-article-card endpoint')) problems.push(`card's clinic-load: "${seen.events}"`);
      if (!seen.events.includes('clinic-load clinic-publisher property')) problems.push(`publisher's clinic-load: "${seen.events}"`);
      if (!seen.events.includes('clinic-load clinic-related-posts endpoint')) problems.push(`related posts' clinic-load: "${seen.events}"`);
      problems.push(...errors.map((error) => `console: ${error}`));
    } finally {
      await page.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    console.log(`examples: ${app} checked in Chromium${problems.length ? ` with ${problems.length} problem(s)` : ''}`);
    results.push({ app, problems });
  }
} finally {
  await browser.close();
}

for (const { app, problems } of results) {
  const time = timings[app] ? ` (build ${timings[app]} s)` : '';
  if (problems.length === 0) console.log(`  ✓ ${app}${time}: built, three elements ready, clinic-load from each`);
  else console.log(`  ✗ ${app}${time}:\n${problems.map((problem) => `      ${problem}`).join('\n')}`);
}
const failed = results.filter((result) => result.problems.length).length;
console.log(`examples: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
