// Loading under failure, in Chromium on the built dist/ (`npx vite build` first):
//   1. time until an element gives up on an endpoint that never answers (default settings);
//   2. requests made by five widgets on one src, on a first visit and on a reload that finds the
//      stored copy, with the time until all five show content (600 ms endpoint);
//   3. a 24 MB answer: time until it is refused and the longest main-thread task meanwhile.
import { launch } from './lib/browser.mjs';
import { hang, huge, page, SEED, slow } from './lib/endpoint.mjs';
import { serve } from './lib/server.mjs';

const FIVE = ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts', 'clinic-article-card', 'clinic-publisher'];

// Each page records, in window.result, when its widgets settled (ms since the bundle ran).
const track = (count) => `
  const t0 = performance.now();
  const result = (window.result = { loads: [], errors: [], firstContent: null, longestTask: 0 });
  new PerformanceObserver((list) => {
    // Only tasks after the bundle ran: its own evaluation is not the widgets' loading.
    for (const entry of list.getEntries()) {
      if (entry.startTime + entry.duration > t0) result.longestTask = Math.max(result.longestTask, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const ready = () => [...document.querySelectorAll('[src]')].filter((el) => el.status === 'ready').length;
  document.addEventListener('clinic-load', (e) => {
    result.loads.push({ at: performance.now() - t0, stale: e.detail.stale });
    if (result.firstContent === null && ready() === ${count}) result.firstContent = performance.now() - t0;
  });
  document.addEventListener('clinic-error', (e) => result.errors.push({ at: performance.now() - t0, message: e.detail.message }));
  requestAnimationFrame(() => { if (ready() === ${count}) result.firstContent = performance.now() - t0; });
`;

const routes = {
  doc: slow(SEED, 600),
  hang: hang(),
  big: huge(24_000_000),
};
const server = await serve({
  routes: {
    '/api/doc.json': routes.doc,
    '/api/hang.json': routes.hang,
    '/api/big.json': routes.big,
    '/five.html': page(FIVE.map((tag) => `<${tag} src="/api/doc.json"></${tag}>`).join('\n'), { script: track(5) }),
    '/hang.html': page('<clinic-article-card src="/api/hang.json"></clinic-article-card>', { script: track(1) }),
    '/big.html': page('<clinic-article-card src="/api/big.json"></clinic-article-card>', { script: track(1) }),
  },
  maxRequests: 200,
  lifetime: 120_000,
});

const browser = await launch();
try {
  // 1. A hanging endpoint, default settings.
  {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.goto(`${server.url}/hang.html`);
    await tab.waitForFunction(() => window.result?.errors.length === 1, { timeout: 60_000, polling: 100 });
    const { errors } = await tab.evaluate(() => window.result);
    console.log('Hanging endpoint, default settings:');
    console.log(`  error state after        ${(errors[0].at / 1000).toFixed(2)} s  ("${errors[0].message}")`);
    console.log(`  requests                 ${routes.hang.count}`);
    await context.close();
  }

  // 2. Five widgets on one src: first visit, then a reload with the stored copy.
  {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    console.log('\nFive widgets on one src (endpoint answers in 600 ms):');
    for (const visit of ['first visit (nothing stored)', 'reload (stored copy)']) {
      const before = routes.doc.count;
      if (visit.startsWith('first')) await tab.goto(`${server.url}/five.html`);
      else await tab.reload();
      await tab.waitForFunction(() => window.result?.firstContent !== null && window.result.loads.length >= 5, { polling: 50 });
      await new Promise((resolve) => setTimeout(resolve, 900)); // let a background revalidation finish
      const result = await tab.evaluate(() => window.result);
      const stored = await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('clinic-widgets:')).length);
      console.log(`  ${visit.padEnd(30)} requests ${routes.doc.count - before}, all five showing content at ${result.firstContent.toFixed(0)} ms, clinic-load events ${result.loads.length}, documents stored ${stored}`);
    }
    await context.close();
  }

  // 3. A 24 MB answer, three times.
  {
    const runs = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.goto(`${server.url}/big.html`);
      await tab.waitForFunction(() => window.result?.errors.length === 1, { timeout: 30_000, polling: 50 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { errors, longestTask } = await tab.evaluate(() => window.result);
      runs.push({ at: errors[0].at, message: errors[0].message, longestTask, sent: routes.big.sent });
      await context.close();
    }
    console.log('\n24 MB answer (no Content-Length), 3 runs:');
    console.log(`  refused after            ${runs.map((r) => `${r.at.toFixed(0)} ms`).join(', ')}  ("${runs[0].message}")`);
    console.log(`  sent before the hang-up  ${runs.map((r) => `${(r.sent / 1e6).toFixed(1)} MB`).join(', ')} (socket buffers; the widget reads about 1 MB)`);
    console.log(`  longest main-thread task ${runs.map((r) => (r.longestTask ? `${r.longestTask.toFixed(0)} ms` : 'none over 50 ms')).join(', ')} (after the bundle ran)`);
  }
} finally {
  await browser.close();
  await server.close();
}
