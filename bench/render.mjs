// First, the three widgets (card, publisher block, related posts) rendered from `data` on a fresh
// page, against the same text and links built by hand (issue 10: at most 1.5x the main-thread
// time), with the time elapsed beside it. Then the time to render 50 related posts (the most a
// list shows) with <clinic-related-posts>, against a hand-written DOM baseline that builds the
// same markup in the same page: each round renders, forces layout, then removes; medians are
// reported, split into building the DOM (script) and the forced style and layout. The widget lays
// out posts after the tenth only near the viewport (content-visibility); the baseline lays out all
// of them. bench/related.mjs measures a list far longer than what is shown. Runs on the built
// dist/ (run `npm run build` first).
import { launch, median } from './lib/browser.mjs';
import { SEED } from './lib/endpoint.mjs';
import { serve } from './lib/server.mjs';

const COLD_ROUNDS = 15;
const seed = JSON.parse(SEED);
seed.article.published = '2024-05-01';
seed.article.author = 'Dr. Ana Reyes';
seed.related = seed.related.map((post, i) => ({ ...post, published: `2024-0${i + 2}-15` }));

// Each page loads the bundle, then waits for the benchmark to call window.run().
const coldPage = (kind) => `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script type="module">
  import '/dist/clinic-widgets.js';
  const doc = ${JSON.stringify(seed)};
  const format = (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(iso));
  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };
  // The same text and links, built by hand: card, publisher block, related posts.
  function handWritten(host) {
    const a = doc.article;
    const card = el('article');
    const title = el('h2');
    title.append(el('a', a.title, { href: a.url }));
    const meta = el('p', 'By ' + a.author + ' · ');
    meta.append(el('time', format(a.published), { datetime: a.published }));
    card.append(el('p', a.category), title, meta, el('p', a.summary), el('span', 'Read more'));
    const p = doc.publisher;
    const block = el('section');
    const address = el('address');
    address.append(p.address.street, el('br'), p.address.city + ', ' + p.address.region + ' ' + p.address.postalCode, el('br'), 'United States');
    const contact = el('p');
    contact.append(el('a', 'Call ' + p.phone, { href: 'tel:9169159215' }), el('a', 'Visit website', { href: p.url }));
    block.append(el('p', p.name), el('p', p.headline), el('p', p.description), address, contact);
    const list = el('section');
    const ul = el('ul');
    for (const post of doc.related) {
      const li = el('li');
      const m = el('p', post.author + ' · ');
      m.append(el('time', format(post.published), { datetime: post.published }));
      li.append(el('a', post.title, { href: post.url }), m);
      ul.append(li);
    }
    list.append(el('h2', 'Related posts'), ul);
    host.append(card, block, list);
  }
  async function widgets(host) {
    const made = [['clinic-article-card', doc.article], ['clinic-publisher', doc.publisher], ['clinic-related-posts', doc.related]].map(([tag, data]) => {
      const node = document.createElement(tag);
      node.data = data;
      host.append(node);
      return node;
    });
    await Promise.all(made.map((node) => node.updateComplete));
  }
  window.run = async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const start = performance.now();
    ${kind === 'widget' ? 'await widgets(host);' : 'handWritten(host);'}
    host.offsetHeight;
    return performance.now() - start;
  };
</script></head><body></body></html>`;

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

const taskTime = async (cdp) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
const server = await serve({ routes: { '/render.html': page, '/cold-widget.html': coldPage('widget'), '/cold-baseline.html': coldPage('baseline') } });
const browser = await launch();
try {
  const cold = { widget: [], baseline: [] };
  const wall = { widget: [], baseline: [] };
  for (let round = 0; round < COLD_ROUNDS; round++) {
    for (const kind of round % 2 ? ['widget', 'baseline'] : ['baseline', 'widget']) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.goto(`${server.url}/cold-${kind}.html`, { waitUntil: 'networkidle0' });
      await tab.waitForFunction(() => customElements.get('clinic-related-posts') && window.run);
      // Main-thread time is every task the renderer ran meanwhile (script, style, layout), from
      // Chromium's own counter: the widgets yield between steps, and the page is free then, which
      // the time elapsed counts and this does not.
      const cdp = await tab.createCDPSession();
      await cdp.send('Performance.enable');
      const before = await taskTime(cdp);
      wall[kind].push(await tab.evaluate(() => window.run()));
      cold[kind].push((await taskTime(cdp)) - before);
      await context.close();
    }
  }
  const row = (label, kind) => `  ${label.padEnd(24)} ${`${median(cold[kind]).toFixed(1)} ms`.padStart(9)}   ${`${median(wall[kind]).toFixed(1)} ms`.padStart(9)}`;
  console.log(`First render of the three widgets from \`data\` on a fresh page (median of ${COLD_ROUNDS}, up to laid out):`);
  console.log(`${' '.repeat(26)} main thread   elapsed`);
  console.log(row('three widgets', 'widget'));
  console.log(row('hand-written DOM', 'baseline'));
  const ratio = (of) => `${(median(of.widget) / median(of.baseline)).toFixed(2)}x`;
  console.log(`  ${'ratio'.padEnd(24)} ${ratio(cold).padStart(9)}   ${ratio(wall).padStart(9)}   (target: main thread at most 1.5x)`);

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
