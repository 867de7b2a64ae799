// Accessibility figures for the built bundle (dist/clinic-widgets.js) in Chromium: axe-core's
// violations for each element in its ready, loading and error states, light and dark, and the
// WCAG contrast ratio of every run of text those states show.
//   npm run bench -- a11y      (builds dist/ first)
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { hang } from './lib/endpoint.mjs';
import { serve } from './lib/server.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const TAGS = ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts'];
const STATES = ['ready', 'loading', 'error'];
const THEMES = ['light', 'dark'];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>a11y bench</title>
<link rel="icon" href="data:,"><script type="module" src="/dist/clinic-widgets.js"></script></head>
<body><main></main></body></html>`;

const server = await serve({ routes: { '/a11y.html': PAGE, '/hang.json': hang() } });
const browser = await launch();
const rows = [];
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1000, height: 900 });
  await tab.goto(`${server.url}/a11y.html`, { waitUntil: 'load' });
  await tab.addScriptTag({ path: AXE });
  await tab.waitForFunction(() => customElements.get('clinic-publisher'));
  for (const tag of TAGS) {
    for (const theme of THEMES) {
      for (const state of STATES) {
        rows.push(await tab.evaluate(measure, tag, theme, state));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log('axe-core violations and text contrast (ratio: lowest / median of every text run; AA needs 4.5):');
console.log(`  ${'element'.padEnd(22)} ${'theme'.padEnd(6)} ${'state'.padEnd(8)} ${'axe'.padEnd(33)} runs  lowest  median  lowest run`);
for (const r of rows) {
  const axe = r.violations.length ? r.violations.join(', ') : `0 violations (${r.passes} rules pass)`;
  const low = r.runs.length ? r.runs[0] : undefined;
  const median = r.runs.length ? r.runs[r.runs.length >> 1].ratio.toFixed(2) : '–';
  console.log(
    `  ${r.tag.padEnd(22)} ${r.theme.padEnd(6)} ${r.state.padEnd(8)} ${axe.padEnd(33)} ${String(r.runs.length).padStart(4)}  ${low ? low.ratio.toFixed(2).padStart(6) : '     –'}  ${median.padStart(6)}  ${low ? `${low.where}: "${low.text.slice(0, 28)}"` : ''}`,
  );
}
console.log('\nContrast of each text role (lowest ratio where it appears):');
const roles = {};
for (const r of rows) {
  for (const run of r.runs) {
    const key = `${run.where} (${r.theme})`;
    roles[key] = Math.min(roles[key] ?? Infinity, run.ratio);
  }
}
for (const [role, ratio] of Object.entries(roles).sort()) console.log(`  ${role.padEnd(36)} ${ratio.toFixed(2)}`);
if (rows.some((r) => r.violations.length)) process.exitCode = 1;

/** Runs in the page: builds one element in a state and theme, then measures it. */
async function measure(tag, theme, state) {
  const main = document.querySelector('main');
  main.replaceChildren();
  const photo = '/test/fixtures/photo.png';
  const ready = {
    'clinic-article-card': { title: 'Sample article', url: 'https://clinic.example/a', category: 'News', summary: 'A short summary of the article.', author: 'Dr. Sample', published: '2024-05-01', image: { src: photo, alt: 'A photo', width: 16, height: 9 } },
    'clinic-publisher': { name: 'Sample Clinic', headline: 'A clinic for samples', url: 'https://clinic.example/', phone: '916-915-9215', description: 'We look after samples.', address: { street: '1 Main St', city: 'Sacramento', region: 'CA', postalCode: '95825', country: 'US' }, logo: { src: photo, alt: 'Sample Clinic' } },
    'clinic-related-posts': [{ title: 'First post', url: 'https://clinic.example/1', author: 'Ann', published: '2024-01-02', image: { src: photo, alt: '' } }, { title: 'Second post', url: 'https://clinic.example/2', author: 'Bob' }],
  };
  const broken = { 'clinic-article-card': { summary: 'x' }, 'clinic-publisher': { phone: '1' }, 'clinic-related-posts': [{ title: 'x' }] };
  const el = document.createElement(tag);
  el.setAttribute('theme', theme);
  if (state === 'loading') el.setAttribute('src', '/hang.json');
  else el.data = state === 'ready' ? ready[tag] : broken[tag];
  main.append(el);
  while (el.getAttribute('status') !== state) await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
  await Promise.all([...el.shadowRoot.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));

  const result = await window.axe.run(el, { resultTypes: ['violations'] });
  const violations = result.violations.map((v) => `${v.id} (${v.nodes.length})`);

  // WCAG 2 contrast of each visible text run against the background painted behind it.
  const parse = (value) => {
    const m = value.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/);
    return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const parentOf = (node) => node.assignedSlot ?? node.parentElement ?? node.getRootNode().host ?? null;
  const background = (node) => {
    const layers = [];
    for (let n = node; n; n = parentOf(n)) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const runs = [];
  const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (!range.getClientRects().length) continue;
    const bg = background(parent);
    const where = parent.closest('[part]')?.getAttribute('part') ?? parent.localName;
    runs.push({ text, where, ratio: ratio(over(parse(getComputedStyle(parent).color), bg), bg) });
  }
  runs.sort((a, b) => a.ratio - b.ratio);
  el.remove();
  return { tag, theme, state, violations, passes: result.passes?.length ?? 0, runs };
}
