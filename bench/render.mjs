// Time to render 50 related posts (the most a list shows) with <clinic-related-posts>, against a
// hand-written DOM baseline that builds the same markup in the same page. Runs on the built dist/ (run
// `npm run build` first). Each round renders, forces layout, then removes; medians are reported,
// split into building the DOM (script) and the forced style and layout. The widget lays out posts
// after the tenth only near the viewport (content-visibility); the baseline lays out all of them.
// bench/related.mjs measures a list far longer than what is shown.
import { launch, median } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const COUNT = 50;
const ROUNDS = 25;

const page = `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script type="module">
  import '/dist/clinic-widgets.js';
  const posts = Array.from({ length: ${COUNT} }, (_, i) => ({
    title: 'Related post number ' + i,
    url: 'https://clinic.example/posts/' + i,
    author: 'Author ' + (i % 7),
    published: '2024-05-' + String((i % 28) + 1).padStart(2, '0'),
  }));
  const format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

  // The baseline: the same heading, list, links and meta lines, built by hand.
  function handWritten(host) {
    const section = document.createElement('section');
    const h2 = document.createElement('h2');
    h2.textContent = 'Related posts';
    const ul = document.createElement('ul');
    for (const post of posts) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = post.url;
      a.textContent = post.title;
      const meta = document.createElement('p');
      const time = document.createElement('time');
      time.dateTime = post.published;
      time.textContent = format.format(Date.parse(post.published));
      meta.append(post.author, ' · ', time);
      li.append(a, meta);
      ul.append(li);
    }
    section.append(h2, ul);
    host.append(section);
  }

  async function widget(host) {
    const el = document.createElement('clinic-related-posts');
    el.data = posts;
    host.append(el);
    await el.updateComplete;
  }

  window.measure = async (kind) => {
    const host = document.createElement('div');
    document.body.append(host);
    const start = performance.now();
    if (kind === 'widget') await widget(host);
    else handWritten(host);
    const built = performance.now();
    host.offsetHeight;
    const laidOut = performance.now();
    host.remove();
    return [built - start, laidOut - built];
  };
</script></head><body></body></html>`;

const server = await serve({ routes: { '/render.html': page } });
const browser = await launch();
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/render.html`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => customElements.get('clinic-related-posts') && window.measure);
  const times = { widget: [], baseline: [] };
  for (let round = 0; round < ROUNDS + 3; round++) {
    for (const kind of round % 2 ? ['widget', 'baseline'] : ['baseline', 'widget']) {
      const split = await tab.evaluate((k) => window.measure(k), kind);
      if (round >= 3) times[kind].push(split); // the first rounds warm up the JIT
    }
  }
  const total = (kind) => median(times[kind].map(([build, layout]) => build + layout));
  const part = (kind, i) => median(times[kind].map((split) => split[i])).toFixed(1);
  const widget = total('widget');
  const baseline = total('baseline');
  console.log(`Rendering ${COUNT} related posts (median of ${ROUNDS}; building the DOM + forced style and layout):`);
  console.log(`  <clinic-related-posts>   ${widget.toFixed(1)} ms  (${part('widget', 0)} + ${part('widget', 1)})`);
  console.log(`  hand-written DOM         ${baseline.toFixed(1)} ms  (${part('baseline', 0)} + ${part('baseline', 1)})`);
  console.log(`  ratio                    ${(widget / baseline).toFixed(2)}x`);
} finally {
  await browser.close();
  await server.close();
}
