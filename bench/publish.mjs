// The publishing kit, measured (run `npm run build` first; `npm run bench -- publish`):
// 1. `clinic-widgets build` on 1,000 and 10,000 generated posts: wall time of the command (Node
//    start, reading, related posts, documents, schema checks, server-rendered snippets, writing).
// 2. A snippet's size, raw and gzip.
// 3. A partner page with the snippet against one with the plain elements, both loading the same
//    document from an endpoint that answers in 600 ms: when content is first painted, when all
//    three elements are ready, and the layout shift (CLS). Median of 5 fresh visits each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, median } from './lib/browser.mjs';
import { slow } from './lib/endpoint.mjs';
import { ROOT, serve } from './lib/server.mjs';

const BIN = join(ROOT, 'bin/clinic-widgets.mjs');

/** A content folder of `count` posts with tags and categories drawn by a fixed-seed generator. */
function generate(dir, count) {
  let seed = 42;
  const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  writeFileSync(join(dir, 'publisher.yaml'), 'name: Riverside Clinic\nurl: https://clinic.example/\nphone: 916-555-0100\n');
  const paragraph = 'Ketamine infusion therapy is gaining recognition as a treatment for depression, anxiety and PTSD. '.repeat(4);
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `posts/${2000 + (i % 25)}/${i % 12}`);
    mkdirSync(folder, { recursive: true });
    const tags = [...new Set([random(60), random(60), random(60)])].map((t) => `topic-${t}`);
    const day = String(1 + random(28)).padStart(2, '0');
    const month = String(1 + random(12)).padStart(2, '0');
    const related = i > 10 && i % 7 === 0 ? `\nrelated: [post-${i - 3}, post-${i - 9}]` : '';
    writeFileSync(
      join(folder, `post-${i}.md`),
      `---\ntitle: Post number ${i} about ${tags[0]}\ndate: ${2000 + (i % 25)}-${month}-${day}\nauthor: Author ${random(40)}\ncategory: Category ${random(12)}\ntags: [${tags.join(', ')}]${related}\n---\n${paragraph}\n\n## A section\n\n${paragraph}\n`,
    );
  }
}

function timeBuild(count) {
  const dir = mkdtempSync(join(tmpdir(), `clinic-bench-${count}-`));
  try {
    generate(join(dir), count);
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [BIN, 'build', dir, '--out', join(dir, 'out'), '--site', 'https://clinic.example/blog/', '--cdn', 'https://cdn.example/clinic-widgets/'],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const wall = performance.now() - started;
    if (result.status !== 0) throw new Error(result.stderr);
    const embed = readdirSync(join(dir, 'out/embed'));
    return { count, wall, said: result.stdout.trim(), files: embed.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('clinic-widgets build (wall time, one run each):');
for (const count of [1000, 10000]) {
  const { wall, said } = timeBuild(count);
  console.log(`  ${String(count).padStart(6)} posts  ${(wall / 1000).toFixed(1)} s  (${(wall / count).toFixed(2)} ms/post)   ${said.replace(/ in \S+/, '')}`);
}

// The fixture site, built for this server.
const DELAY = 600;
const slug = 'the-science-behind-ketamine-infusion-therapy';
const out = join(ROOT, 'bench/results/site');
const routes = {};
const server = await serve({ routes });
const base = `${server.url}/bench/results/site/`;
const built = spawnSync(process.execPath, [BIN, 'build', join(ROOT, 'test/cli/fixtures/site'), '--out', out, '--site', 'https://clinic.example/blog/', '--base', base, '--cdn', `${server.url}/dist/`], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(built.stderr);
const snippet = readFileSync(join(out, `embed/${slug}.html`), 'utf8');
console.log(`\nsnippet embed/${slug}.html: ${Buffer.byteLength(snippet)} B raw, ${gzipSync(snippet, { level: 9 }).length} B gzip`);

const docPath = `/bench/results/site/articles/${slug}.json`;
const endpoint = slow(readFileSync(join(out, `articles/${slug}.json`), 'utf8'), DELAY);
routes[docPath] = endpoint;
const src = `${server.url}${docPath}`;
const head = `<meta charset="utf-8"><link rel="icon" href="data:,"><style>body { margin: 0 auto; max-width: 720px; padding: 24px; font: 17px/1.6 Georgia, serif; }</style>
<script>
  window.cls = 0; window.loads = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('clinic-load', () => { if (++window.loads === 3) window.readyAt = performance.now(); });
</script>`;
const text = '<p>The partner article goes on below the widgets. Any change in their height moves this text.</p>'.repeat(4);
routes['/snippet.html'] = `<!doctype html><html lang="en"><head>${head}</head><body><h1>Partner page</h1>${snippet}${text}</body></html>`;
routes['/plain.html'] = `<!doctype html><html lang="en"><head>${head}<script type="module" src="/dist/clinic-widgets.js"></script></head><body><h1>Partner page</h1>
<clinic-article-card src="${src}" lang="en"></clinic-article-card>
<clinic-publisher src="${src}" lang="en"></clinic-publisher>
<clinic-related-posts src="${src}" lang="en"></clinic-related-posts>${text}</body></html>`;

const browser = await launch();
const results = {};
try {
  for (const name of ['plain', 'snippet']) {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width: 800, height: 1600 });
      await tab.goto(`${server.url}/${name}.html`);
      await tab.waitForFunction(() => window.readyAt !== undefined, { timeout: 20000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      runs.push(
        await tab.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          ready: window.readyAt,
          cls: window.cls,
        })),
      );
      await context.close();
    }
    results[name] = {
      fcp: median(runs.map((r) => r.fcp)),
      ready: median(runs.map((r) => r.ready)),
      cls: Math.max(...runs.map((r) => r.cls)),
    };
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
console.log(`\npartner page, document endpoint answering in ${DELAY} ms (median of 5 fresh visits; CLS: worst of 5):`);
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name.padEnd(8)} first contentful paint ${r.fcp.toFixed(0).padStart(5)} ms   all three ready ${r.ready.toFixed(0).padStart(5)} ms   CLS ${r.cls.toFixed(3)}`);
}
console.log('  (the snippet shows its content at first paint, from the HTML; the plain elements show skeletons until the document arrives)');
