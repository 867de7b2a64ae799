// A long `related` list: 30,000 posts given to <clinic-related-posts> through the `data` property,
// the `items` attribute and a fetched document (`src`); and a document of 50 posts followed by
// 330,000 empty objects, the shape that costs JSON.parse the most per byte; and a JSON Feed of about
// 900 kB, read through the feed adapter (its URLs resolved, kept as a document). For each: the longest
// main-thread task from handing the list over to clinic-load and a forced layout, the time to
// clinic-load, how many posts were rendered and how tall the element is. Runs on the built dist/
// (`npx vite build` first, or `npm run bench -- related`, which builds), in the system Chromium.
// One page per run, so each run starts cold; the median of the runs is printed, and every run is
// written to bench/results/related.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, median } from './lib/browser.mjs';
import { feedText, FEED_POSTS } from './lib/feed.mjs';
import { ROOT, serve } from './lib/server.mjs';

const COUNT = 30_000;
const RUNS = 3;

// The shortest posts there are (a title and a URL), so the document stays under the client's 1 MB
// answer limit.
const documentText = JSON.stringify({
  version: 1,
  related: Array.from({ length: COUNT }, (_, i) => ({ title: `${i}`, url: `/${i}` })),
});
// The shape JSON.parse takes longest over, just under the same limit: 50 posts, then 330,000 empty
// objects in a field the element does not read.
const denseText = JSON.stringify({
  version: 1,
  related: Array.from({ length: 50 }, (_, i) => ({ title: `${i}`, url: `/${i}` })),
  extra: Array.from({ length: 330_000 }, () => ({})),
});

const page = `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script type="module">
  import '/dist/clinic-widgets.js';
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

  window.run = async (how, count) => {
    const posts = Array.from({ length: count }, (_, i) => ({ title: 'Post ' + i, url: '/p/' + i, published: '2024-05-01' }));
    const items = how === 'items' ? JSON.stringify(posts) : '';
    const el = document.createElement('clinic-related-posts');
    // Let the tasks that made the list end before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const done = new Promise((resolve) => {
      el.addEventListener('clinic-load', () => resolve(null), { once: true });
      el.addEventListener('clinic-error', (e) => resolve(e.detail.message), { once: true });
    });
    const start = performance.now();
    if (how === 'data') el.data = posts;
    else if (how === 'items') el.setAttribute('items', items);
    else el.src = ({ dense: '/dense.json', feed: '/feed.json' }[how] ?? '/related.json') + '?run=' + Math.random();
    document.body.append(el);
    const error = await done;
    await el.updateComplete;
    const height = el.getBoundingClientRect().height;
    const time = performance.now() - start;
    // Long tasks are reported after they end; give the observer a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tasks = longTasks.filter((t) => t.startTime + t.duration >= start).map((t) => t.duration);
    const rendered = el.shadowRoot.querySelectorAll('[part~="item"]').length;
    return { time, error, height, rendered, longestTask: tasks.length ? Math.max(...tasks) : 0 };
  };
</script></head><body></body></html>`;

const server = await serve({
  lifetime: 3_600_000,
  routes: {
    '/related.html': page,
    '/related.json': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(documentText);
    },
    '/feed.json': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/feed+json' });
      res.end(feedText);
    },
    '/dense.json': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(denseText);
    },
  },
});
const browser = await launch();
const results = { count: COUNT, documentBytes: documentText.length, denseBytes: denseText.length, feedBytes: feedText.length, runs: {} };
try {
  for (const how of ['data', 'items', 'src', 'dense', 'feed']) {
    results.runs[how] = [];
    for (let run = 0; run < RUNS; run++) {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/related.html`, { waitUntil: 'networkidle0' });
      await tab.waitForFunction(() => customElements.get('clinic-related-posts') && window.run);
      results.runs[how].push(await tab.evaluate((h, n) => window.run(h, n), how, COUNT));
      process.stderr.write(".");
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/related.json'), JSON.stringify(results, null, 2));

const ms = (n) => `${n.toFixed(0)} ms`.padStart(8);
console.log(`${COUNT.toLocaleString('en')} related posts, a document of tiny values and a JSON Feed of ${FEED_POSTS} posts (median of ${RUNS} cold runs; longest task 0 = none over 50 ms):`);
for (const [how, runs] of Object.entries(results.runs)) {
  const label = {
    data: 'data property',
    items: 'items attribute',
    src: `document (${(documentText.length / 1000).toFixed(0)} kB)`,
    dense: `tiny values (${(denseText.length / 1000).toFixed(0)} kB)`,
    feed: `JSON Feed (${(feedText.length / 1000).toFixed(0)} kB)`,
  }[how];
  const errors = runs.filter((r) => r.error).map((r) => r.error);
  console.log(
    `  ${label.padEnd(22)} longest task ${ms(median(runs.map((r) => r.longestTask)))}  to clinic-load ${ms(median(runs.map((r) => r.time)))}` +
      `  ${median(runs.map((r) => r.rendered))} posts rendered, ${median(runs.map((r) => r.height)).toFixed(0)} px tall` +
      (errors.length ? `  errors: ${errors.join('; ')}` : ''),
  );
}
