// The Markdown body: what it costs and what it survives. Runs on the built dist/ (`npx vite build`
// first, or `npm run bench -- markdown`, which builds), in the system Chromium.
//
//   1. gzip bytes of the lazy Markdown chunk (dist/chunks/markdown-*.js): what a full article adds;
//   2. time to render the seed article's body and a 100 KB article in <clinic-article-card
//      variant="full">, against marked alone (parse + innerHTML, no sanitizing) in the same page;
//      the first render (the chunk is fetched and compiled) and the median of warm renders, each
//      up to a forced layout; and the long tasks the first seed render causes;
//   3. pathological bodies: outcome, time and the longest task in the card (the render is done in
//      slices; no task should pass 50 ms), and in marked alone where it finishes.
//
// Results are printed and written to bench/results/markdown.json.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, median } from './lib/browser.mjs';
import { ROOT, serve } from './lib/server.mjs';

const WARM_ROUNDS = { seed: 30, large: 12 };

// 1. The chunk
const chunks = (await readdir(join(ROOT, 'dist/chunks')).catch(() => [])).filter((name) => /^markdown-.*\.js$/.test(name));
if (chunks.length !== 1) {
  console.error(`Expected one dist/chunks/markdown-*.js, found ${chunks.length}. Run \`npx vite build\` first.`);
  process.exit(1);
}
const chunkBytes = await readFile(join(ROOT, 'dist/chunks', chunks[0]));
const chunk = { file: `dist/chunks/${chunks[0]}`, raw: chunkBytes.length, gzip: gzipSync(chunkBytes, { level: 9 }).length };

// The seed article's body, and a 100 KB article made from it: headings, lists, links, emphasis,
// a table and code, the mix an article has.
const seed = JSON.parse(await readFile(join(ROOT, 'test/fixtures/ketamine-infusion-therapy.json'), 'utf8'));
const seedBody = seed.article.body;
function largeArticle(size) {
  const paragraphs = seedBody.split(/\n\n+/);
  let out = '';
  for (let i = 0; out.length < size; i++) {
    out += `## Part ${i + 1}: ${paragraphs[i % paragraphs.length].split(' ').slice(0, 6).join(' ')}\n\n`;
    out += `${paragraphs[i % paragraphs.length]}\n\n`;
    out += `Read *more* in [the study ${i}](https://clinic.example/studies/${i}) or **ask** us at \`care@clinic.example\`.\n\n`;
    out += `- First point of part ${i + 1}\n- Second point, with [a link](/notes/${i})\n- Third point\n\n`;
    if (i % 5 === 0) out += `| Measure | Before | After |\n|:--|--:|--:|\n| Score ${i} | ${20 + i} | ${10 + i} |\n| Days | 7 | 14 |\n\n`;
    if (i % 7 === 0) out += '```\ndose = weight * 0.5 // mg\n```\n\n';
    out += `> ${paragraphs[(i + 3) % paragraphs.length].slice(0, 200)}\n\n`;
  }
  return out.slice(0, size);
}
const largeBody = largeArticle(100_000);

// Bodies built to crash or freeze a Markdown parser (the four of issue 3, then the worst shapes
// found for marked 18). marked alone runs only where it finishes in reasonable time.
const quadratic = (unit, paragraph) => `${unit.repeat(Math.floor(paragraph / unit.length))}\n\n`;
const PATHOLOGICAL = [
  ['2,000 nested >', `${'>'.repeat(2000)} deep`, true],
  ['5,000 nested *', `${'*'.repeat(5000)}deep${'*'.repeat(5000)}`, true],
  ['1 MB nested list', 'nestedList', true],
  ['1 MB body', 'Lorem ipsum dolor sit amet. '.repeat(36_000), true],
  ['5,000 nested - on one line', `${'- '.repeat(5000)}deep`, true],
  ['list item, 99,000 lazy lines', `- first\n${'b\n'.repeat(99_000)}`, false],
  ['list item, 1,999 lines x 24', `- a\n${'  b\n'.repeat(1_999)}\n`.repeat(24), false],
  ['list nested 440 deep', 'deepList', false],
  ['400 nested levels, blank lines between', 'deepListBlank', false],
  ['40,000 tiny list items', '- a\n\n'.repeat(40_000), false],
  ['150,000 spaces in a tag with onclick', `<div${' '.repeat(150_000)}a onclick=x>text</div>`, false],
  ['2,000 x (list of 2 + paragraph)', '- a\n- b\n\nSome *text* here.\n\n'.repeat(2_000), true],
  ['5,000 one-letter paragraphs', 'a\n\n'.repeat(5_000), true],
  ['66,000 one-letter paragraphs', 'a\n\n'.repeat(66_000), false],
  ['190 paragraphs of 1,000 characters', `${'Ketamine infusion therapy is studied for depression that did not respond to other care. '.repeat(11)}\n\n`.repeat(190), true],
  ['table of 1,990 rows', `| a | b | c |\n|--|--|--|\n${'| one | two *three* | four |\n'.repeat(1_990)}`, true],
  ['`*a_` x 200 KB in 10 KB paragraphs', quadratic('*a_', 9_990).repeat(19), false],
  ['`[*a ` x 200 KB in 10 KB paragraphs', quadratic('[*a ', 9_990).repeat(19), false],
  ['`_a_` x 200 KB, one paragraph', '_a_'.repeat(66_000), false],
  ['`_a_` x 20 KB, one paragraph', '_a_'.repeat(6_666), false],
  ['`*a_` x 8 KB, one paragraph', '*a_'.repeat(2_666), true],
];

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0; width: 900px; } .host { width: 860px; }</style>
<script type="module">
  import '/dist/clinic-widgets.js';
  import { marked } from '/node_modules/marked/lib/marked.esm.js';

  const bodies = {};
  window.setBodies = (map) => Object.assign(bodies, map);

  function nestedList(length) {
    const lines = [];
    let size = 0;
    for (let i = 0; size < length; i++) {
      const line = ' '.repeat((i % 40) * 2) + '- item ' + i;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\\n');
  }
  function deepList(length) {
    let out = '';
    for (let i = 0; out.length < length; i++) out += ' '.repeat(i * 2) + '- i\\n';
    return out;
  }
  function deepListBlank(levels) {
    return Array.from({ length: levels }, (_, i) => ' '.repeat(i * 2) + '- level ' + i).join('\\n\\n');
  }
  const body = (name) => bodies[name] === 'nestedList' ? nestedList(1e6) : bodies[name] === 'deepList' ? deepList(199000)
    : bodies[name] === 'deepListBlank' ? deepListBlank(400) : bodies[name];

  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

  // The widget: a full article card, from data, up to its clinic-load (or clinic-error) and a layout.
  window.widget = async (name) => {
    const host = document.createElement('div');
    host.className = 'host';
    document.body.append(host);
    const el = document.createElement('clinic-article-card');
    el.variant = 'full';
    const text = body(name);
    await new Promise((resolve) => setTimeout(resolve));
    const tasksBefore = longTasks.length;
    const start = performance.now();
    const done = new Promise((resolve) => {
      el.addEventListener('clinic-load', () => resolve(null), { once: true });
      el.addEventListener('clinic-error', (e) => resolve(e.detail.message), { once: true });
    });
    el.data = { title: 'Article', body: text };
    host.append(el);
    const error = await done;
    await el.updateComplete;
    host.offsetHeight;
    const time = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 60));
    const tasks = longTasks.slice(tasksBefore).filter((t) => t.startTime >= start - 1).map((t) => Math.round(t.duration));
    const paragraphs = el.shadowRoot.querySelectorAll('[part~="body"] p').length;
    host.remove();
    return { time, error, paragraphs, longTasks: tasks };
  };

  // marked alone: parse and insert, no sanitizing, up to a layout.
  window.markedAlone = async (name) => {
    const host = document.createElement('div');
    host.className = 'host';
    document.body.append(host);
    const text = body(name);
    await new Promise((resolve) => setTimeout(resolve));
    const start = performance.now();
    let error = null;
    try {
      host.innerHTML = marked.parse(text);
      host.offsetHeight;
    } catch (e) {
      error = String(e.message).split('\\n')[0];
    }
    const time = performance.now() - start;
    const paragraphs = host.querySelectorAll('p').length;
    host.remove();
    return { time, error, paragraphs };
  };
</script></head><body></body></html>`;

const server = await serve({ routes: { '/markdown.html': page } });
const browser = await launch();
const results = { chunk, bodies: { seed: seedBody.length, large: largeBody.length } };
try {
  const open = async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/markdown.html`, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => customElements.get('clinic-article-card') && window.widget && window.markedAlone);
    await tab.evaluate(
      (map) => window.setBodies(map),
      Object.fromEntries([['seed', seedBody], ['large', largeBody], ...PATHOLOGICAL.map(([name, text]) => [name, text])]),
    );
    return tab;
  };

  // 2a. First renders, each in a fresh page: the chunk is fetched and compiled on the way.
  results.first = {};
  for (const name of ['seed', 'large']) {
    const tab = await open();
    results.first[name] = await tab.evaluate((n) => window.widget(n), name);
    await tab.close();
  }

  // 2b. Warm renders, widget and marked alone alternating in one page.
  const tab = await open();
  await tab.evaluate(() => window.widget('seed')); // load the chunk
  // Main-thread time (every task the renderer ran: script, style, layout, paint), from Chromium's
  // own counter: the body goes in one batch per frame, so time to clinic-load includes the waits
  // for frames, when the page is free.
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable');
  const taskTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  results.warm = {};
  for (const name of ['seed', 'large']) {
    const times = { widget: [], marked: [] };
    const busy = { widget: [], marked: [] };
    let paragraphs;
    let longestTask = 0;
    for (let round = 0; round < WARM_ROUNDS[name] + 3; round++) {
      for (const kind of round % 2 ? ['widget', 'marked'] : ['marked', 'widget']) {
        const before = await taskTime();
        const r = await tab.evaluate((k, n) => (k === 'widget' ? window.widget(n) : window.markedAlone(n)), kind, name);
        const spent = (await taskTime()) - before;
        if (r.error) throw new Error(`${kind} failed on ${name}: ${r.error}`);
        if (round >= 3) busy[kind].push(spent);
        paragraphs ??= {};
        paragraphs[kind] = r.paragraphs;
        if (round >= 3) times[kind].push(r.time);
        if (round >= 3 && kind === 'widget') longestTask = Math.max(longestTask, ...r.longTasks, 0);
      }
    }
    results.warm[name] = { widget: median(times.widget), marked: median(times.marked), busy: { widget: median(busy.widget), marked: median(busy.marked) }, rounds: WARM_ROUNDS[name], paragraphs, longestTask };
  }

  // 3. Pathological bodies.
  results.pathological = [];
  for (const [name, , runMarked] of PATHOLOGICAL) {
    const widget = await tab.evaluate((n) => window.widget(n), name);
    const alone = runMarked ? await tab.evaluate((n) => window.markedAlone(n), name) : null;
    results.pathological.push({ name, widget, marked: alone });
  }
  await tab.close();
} finally {
  await browser.close();
  await server.close();
}

await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/markdown.json'), JSON.stringify(results, null, 2));

const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);
console.log('Markdown chunk (loaded only for variant="full"):');
console.log(`  ${chunk.file}  ${chunk.gzip} B gzip -9  (${chunk.raw} B raw)`);
console.log('\nRendering a body in <clinic-article-card variant="full"> vs marked alone (parse + innerHTML, unsanitized), to a forced layout:');
for (const [name, label] of [['seed', `seed article body (${seedBody.length} chars)`], ['large', `100 KB article (${largeBody.length} chars)`]]) {
  const w = results.warm[name];
  const f = results.first[name];
  console.log(`  ${label}`);
  console.log(`    first render, chunk included  ${ms(f.time)}   long tasks: ${f.longTasks.length ? f.longTasks.map((t) => `${t} ms`).join(', ') : 'none'}`);
  console.log(`    widget, median of ${w.rounds}        ${ms(w.widget)} to clinic-load and layout   ${ms(w.busy.widget)} main-thread time`);
  console.log(`    marked alone, median          ${ms(w.marked)}                            ${ms(w.busy.marked)} main-thread time`);
  console.log(`    widget / marked: ${(w.busy.widget / w.busy.marked).toFixed(2)}x main-thread time, ${(w.widget / w.marked).toFixed(2)}x to done; paragraphs ${w.paragraphs.widget} / ${w.paragraphs.marked}`);
  console.log(`    longest task, warm renders    ${String(w.longestTask).padStart(7)} ms`);
}
console.log('\nPathological bodies (one run each):');
for (const { name, widget, marked } of results.pathological) {
  const outcome = widget.error ? `error: ${widget.error}` : `rendered (${widget.paragraphs} paragraphs)`;
  const longest = widget.longTasks.length ? Math.max(...widget.longTasks) : 0;
  console.log(`  ${name.padEnd(38)} widget ${ms(widget.time)}  longest task ${String(longest).padStart(5)} ms  ${outcome}`);
  if (marked) {
    console.log(`  ${''.padEnd(38)} marked ${ms(marked.time)}  ${marked.error ? `threw: ${marked.error}` : `rendered (${marked.paragraphs} paragraphs)`}`);
  }
}
