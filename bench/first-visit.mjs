// A reader's first visit: each run opens the page in a new browser (no cache, no compiled code),
// after letting the browser settle for two seconds, as a reader's browser has long started. The
// page is the README's embed code (the script, the stylesheet line, the elements) with the
// classic script or the ES module, and one of four contents:
// - three: the seed document, a card, a publisher block and related posts sharing one `src`;
// - article: a full card (`variant="full"`) with a 100 KB Markdown body;
// - feed-related, feed-card: the JSON Feed of bench/lib/feed.mjs (about 900 kB), as a related
//   list and as a card.
// Reports every main-thread task over 50 ms (the longtask entries of the page, from navigation
// until the widgets have settled and half a second more) and the scripts the browser names for
// the animation frame of the longest one. Runs on the built dist/ (`npm run bench -- first-visit` builds).
// A run whose widgets have not settled (ready or error) 30 s after the page loaded is printed with
// what the page had, and its long tasks up to then are counted.
// RUNS=n sets the runs per case (5); ONLY=module,three runs only the scripts and cases named
// (ONLY=floor, the floor below alone).
//
// Last, the same page with no widget and a script of its own that does a fixed amount of work in
// slices of 8 ms (parsing a little HTML and putting it in the page, about as long as the
// Markdown's slices), giving the page the main thread between two as the widgets do, for as long
// as the article case takes. No task of that script can last 50 ms: the runs where a task does
// are what this machine adds to any page (its other processes, the collector), the floor under
// the figures above.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, median } from './lib/browser.mjs';
import { EMBED_STYLE } from './lib/embed.mjs';
import { feedText } from './lib/feed.mjs';
import { ROOT, serve } from './lib/server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const seedText = await readFile(join(ROOT, 'test/fixtures/ketamine-infusion-therapy.json'), 'utf8');
const seed = JSON.parse(seedText);

// A 100 KB body made of the seed article's paragraphs, with headings, links and lists.
const paragraphs = seed.article.body.split(/\n\n+/);
let body = '';
for (let i = 0; body.length < 100_000; i++) {
  body += `## Part ${i}\n\n${paragraphs[i % paragraphs.length]}\n\nRead *more* in [the study ${i}](https://clinic.example/s/${i}).\n\n- a\n- b [l](/n/${i})\n\n`;
}
const articleText = JSON.stringify({ ...seed, article: { ...seed.article, body: body.slice(0, 100_000) } });


const answer = (text) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(text);
};
const server = await serve({
  routes: { '/visit/seed.json': answer(seedText), '/visit/article.json': answer(articleText), '/visit/feed.json': answer(feedText) },
  gzip: true,
});

const CASES = {
  three: '<clinic-article-card src="/visit/seed.json"></clinic-article-card><clinic-publisher src="/visit/seed.json"></clinic-publisher><clinic-related-posts src="/visit/seed.json" limit="3"></clinic-related-posts>',
  article: '<clinic-article-card variant="full" src="/visit/article.json"></clinic-article-card>',
  'feed-related': '<clinic-related-posts src="/visit/feed.json"></clinic-related-posts>',
  'feed-card': '<clinic-article-card src="/visit/feed.json"></clinic-article-card>',
};
const SCRIPTS = {
  classic: '<script src="/dist/clinic-widgets.iife.js"></script>',
  module: '<script type="module" src="/dist/clinic-widgets.js"></script>',
};
// Long tasks and long animation frames from the start of the page, before any script of ours.
const OBSERVE = `<script>window.__tasks=[];window.__frames=[];
new PerformanceObserver((l)=>window.__tasks.push(...l.getEntries().map((e)=>[Math.round(e.startTime),Math.round(e.duration)]))).observe({type:'longtask',buffered:true});
new PerformanceObserver((l)=>window.__frames.push(...l.getEntries().map((e)=>({start:Math.round(e.startTime),duration:Math.round(e.duration),scripts:e.scripts.map((s)=>\`\${s.invokerType} \${s.invoker.replace(location.origin,'').slice(0,60)} \${Math.round(s.duration)} ms\`)})))).observe({type:'long-animation-frame',buffered:true});</script>`;

// The floor: 150 slices of 8 ms, then a status as the widgets set theirs.
const FLOOR = `<output status="loading"></output><script>(async () => {
  const out = document.createElement('div'); document.body.append(out);
  const html = '<p>Some <em>text</em> and <a href="/x">a link</a>.</p>'.repeat(40);
  const pause = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => { channel.port1.close(); resolve(); }; channel.port2.postMessage(null); });
  for (let i = 0; i < 150; i++) {
    await pause();
    for (const start = performance.now(); performance.now() - start < 8; ) {
      out.replaceChildren(document.importNode(new DOMParser().parseFromString(html, 'text/html').body, true));
    }
  }
  document.querySelector('output').setAttribute('status', 'ready');
})();</script>`;

const results = [];
const only = process.env.ONLY?.split(',');
const chosen = (entries) => Object.entries(entries).filter(([name]) => !only || only.includes(name));
const pages = [];
if (!only || only.some((name) => name in SCRIPTS || name in CASES)) for (const [script, tag] of only?.some((name) => name in SCRIPTS) ? chosen(SCRIPTS) : Object.entries(SCRIPTS)) {
  for (const [name, elements] of only?.some((name) => name in CASES) ? chosen(CASES) : Object.entries(CASES)) pages.push([script, tag, name, elements]);
}
if (!only || only.includes('floor')) pages.push(['none', '', 'floor', FLOOR]);
{
  for (const [script, tag, name, elements] of pages) {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${OBSERVE}</head><body><h1>Partner page</h1>${tag}<style>${EMBED_STYLE}</style>${elements}<p>Partner text below.</p></body></html>`;
    const url = `${server.url}/visit/${script}-${name}.html`;
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const browser = await launch();
      try {
        await (await browser.newPage()).goto('about:blank');
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const tab = await browser.newPage();
        await tab.setRequestInterception(true);
        tab.on('request', (request) => (request.url() === url ? request.respond({ status: 200, contentType: 'text/html', body: page }) : request.continue()));
        await tab.goto(url, { waitUntil: 'load' });
        const settled = await tab
          .waitForFunction(() => [...document.querySelectorAll('[status]')].every((el) => ['ready', 'error'].includes(el.getAttribute('status'))) && document.querySelector('[status]'), { timeout: 30_000 })
          .then(() => true, () => false);
        if (!settled) {
          // Not settled in 30 s: what the page had, for the report, and on to the next run.
          const state = await tab.evaluate(() => ({
            defined: Boolean(customElements.get('clinic-article-card')),
            statuses: [...document.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')].map((el) => el.getAttribute('status')),
            loaded: performance.getEntriesByType('resource').map((entry) => entry.name.replace(location.origin, '')),
            tasks: window.__tasks,
          }));
          console.log(`${script} ${name} run ${run + 1}: not settled in 30 s: ${JSON.stringify(state)}`);
          runs.push({ longest: Math.max(0, ...state.tasks.map(([, duration]) => duration)), tasks: state.tasks, statuses: state.statuses, timedOut: true });
          continue;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        const seen = await tab.evaluate(() => ({
          tasks: window.__tasks,
          frames: window.__frames,
          statuses: [...document.querySelectorAll('[status]')].map((el) => el.getAttribute('status')),
        }));
        const longest = Math.max(0, ...seen.tasks.map(([, duration]) => duration));
        // The animation frame the longest task ran in, with the scripts the browser names for it.
        const [start] = seen.tasks.find(([, duration]) => duration === longest) ?? [];
        const frame = seen.frames.find((f) => start !== undefined && f.start <= start && start < f.start + f.duration);
        runs.push({ longest, tasks: seen.tasks, statuses: seen.statuses, frame });
      } finally {
        await browser.close();
      }
    }
    const timedOut = runs.filter((run) => run.timedOut).length;
    if (timedOut) console.log(`${' '.repeat(23)}${timedOut} of ${RUNS} runs did not settle in 30 s (their long tasks up to then are counted)`);
    const withLong = runs.filter((run) => run.longest > 50).length;
    const longest = Math.max(...runs.map((run) => run.longest));
    const top = runs.find((run) => run.longest === longest)?.frame;
    console.log(
      `${script.padEnd(8)} ${name.padEnd(13)} a task over 50 ms in ${withLong}/${RUNS} runs; longest ${longest} ms (median of runs ${median(runs.map((run) => run.longest))} ms)` +
        (longest > 50 && top ? `\n${' '.repeat(23)}its frame: ${top.scripts.join('; ') || 'no script named'}` : ''),
    );
    if (runs.some((run) => run.statuses.some((status) => status !== 'ready'))) console.log(`${' '.repeat(23)}not every widget was ready: ${JSON.stringify(runs.map((run) => run.statuses))}`);
    results.push({ script, case: name, runs });
  }
}
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/first-visit.json'), `${JSON.stringify(results, null, 2)}\n`);
await server.close?.();
process.exit(0);
