// Hostile Markdown bodies in every engine: how long each blocks the page in Chromium, Firefox and
// WebKit. The engines differ where it matters most: a parser's deep recursion overflows the stack
// early in Chromium and Firefox, but runs for many seconds in WebKit, whose stack is far deeper.
//
// Runs on the built dist/ (`npx vite build` first, or `npm run bench -- engines`). Each body is
// shown by a <clinic-article-card variant="full"> (from `data`, the Markdown chunk already
// loaded) until its clinic-load or clinic-error and a layout. "Longest block" is the longest gap
// between two turns of a setTimeout heartbeat on the page: the longest task, in any engine
// (Firefox and WebKit have no Long Tasks API), give or take the timer's 4 ms clamp; a gap can also
// span several short tasks that the engine runs before the timer's turn. Where the engine has the
// Long Tasks API (Chromium), "longest task" is the longest single task over 50 ms (0: none); the
// others print no such column.
// BROWSERS=chromium,firefox,webkit (or all) picks engines; unset, all three.
//
// Results are printed and written to bench/results/engines.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChromium, findFirefox } from '../scripts/find-chromium.mjs';
import { selectedEngines, startWebKitDriver } from '../scripts/test-browsers.mjs';
import { ROOT, serve } from './lib/server.mjs';

// name -> the expression that builds the body in the page
const BODIES = {
  'seed-sized article (control)': "('Some *text* with a [link](https://clinic.example/a).\\n\\n- one\\n- two\\n\\n').repeat(60)",
  "'- '.repeat(5000) + 'x'": "'- '.repeat(5000) + 'x'",
  '24 list items of 2,000 lines': "`- a\\n${'  b\\n'.repeat(1999)}\\n`.repeat(24)",
};
const LIMIT = 10 * 60_000; // a body may block for minutes in a slow engine; the bench waits

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0; width: 900px; } .host { width: 860px; }</style>
<script type="module">
  import '/dist/clinic-widgets.js';
  const BODIES = { ${Object.entries(BODIES).map(([name, expr]) => `${JSON.stringify(name)}: () => ${expr}`).join(',\n    ')} };

  window.measure = async (name) => {
    const body = BODIES[name]();
    const host = document.createElement('div');
    host.className = 'host';
    document.body.append(host);
    const el = document.createElement('clinic-article-card');
    el.variant = 'full';
    await new Promise((resolve) => setTimeout(resolve));
    let longest = 0;
    let last = performance.now();
    let beating = true;
    const beat = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (beating) setTimeout(beat);
    };
    setTimeout(beat);
    const tasks = [];
    const observer = PerformanceObserver.supportedEntryTypes?.includes('longtask') ? new PerformanceObserver((list) => tasks.push(...list.getEntries())) : null;
    observer?.observe({ type: 'longtask' });
    const start = performance.now();
    const outcome = new Promise((resolve) => {
      el.addEventListener('clinic-load', () => resolve('rendered'), { once: true });
      el.addEventListener('clinic-error', (event) => resolve('error: ' + event.detail.message), { once: true });
    });
    el.data = { title: 'Article', body };
    host.append(el);
    const result = await outcome;
    await el.updateComplete;
    host.offsetHeight;
    const time = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20)); // one more turn: the last gap counts
    beating = false;
    tasks.push(...(observer?.takeRecords() ?? []));
    observer?.disconnect();
    host.remove();
    const longestTask = observer ? Math.round(Math.max(0, ...tasks.map((task) => task.duration))) : undefined;
    return { chars: body.length, outcome: result, time: Math.round(time), longest: Math.round(longest), longestTask };
  };
  window.ready = true;
</script></head><body></body></html>`;

/** Drives one engine: `open(url)` loads the page, `run(name)` measures one body there. */
async function chromiumLike(launchOptions) {
  const browser = await puppeteer.launch({ headless: true, protocolTimeout: LIMIT, ...launchOptions });
  const tab = await browser.newPage();
  return {
    version: await browser.version(),
    open: async (url) => {
      await tab.goto(url);
      await tab.waitForFunction(() => window.ready && customElements.get('clinic-article-card'));
    },
    run: (name) => tab.evaluate((n) => window.measure(n), name),
    close: () => browser.close(),
  };
}

/** WebKit through WebKitWebDriver, spoken to directly (WebDriver classic over HTTP). */
async function webkit() {
  const driver = await startWebKitDriver();
  const base = `http://${driver.options.hostname}:${driver.options.port}`;
  // node:http, not fetch: a WebKit blocked for minutes outlasts fetch's fixed 5-minute wait for headers.
  const call = (method, path, body) =>
    new Promise((resolve, reject) => {
      const request = httpRequest(base + path, { method, headers: { 'Content-Type': 'application/json' }, timeout: LIMIT + 60_000 }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const { value } = JSON.parse(text || '{}');
          if (response.statusCode >= 400) reject(new Error(`WebDriver ${method} ${path}: ${value?.message ?? response.statusCode}`));
          else resolve(value);
        });
      });
      request.on('timeout', () => request.destroy(new Error(`WebDriver ${method} ${path}: no answer`)));
      request.on('error', reject);
      request.end(body === undefined ? undefined : JSON.stringify(body));
    });
  try {
    const { sessionId, capabilities } = await call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': driver.options.capabilities['webkitgtk:browserOptions'] } },
    });
    const session = `/session/${sessionId}`;
    await call('POST', `${session}/timeouts`, { script: LIMIT, pageLoad: LIMIT });
    const execute = (script, args = []) => call('POST', `${session}/execute/sync`, { script, args });
    return {
      version: `MiniBrowser (WebKitGTK) ${capabilities.browserVersion ?? ''}`.trim(),
      open: async (url) => {
        await call('POST', `${session}/url`, { url });
        for (let i = 0; i < 600 && !(await execute("return Boolean(window.ready && customElements.get('clinic-article-card'))")); i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      run: (name) =>
        call('POST', `${session}/execute/async`, {
          script: 'const done = arguments[arguments.length - 1]; window.measure(arguments[0]).then(done, (e) => done({ outcome: "threw: " + e }));',
          args: [name],
        }),
      close: async () => {
        await call('DELETE', session).catch(() => {});
        driver.stop();
      },
    };
  } catch (error) {
    driver.stop();
    throw error;
  }
}

const ENGINE = {
  chromium: () => chromiumLike({ executablePath: findChromium(), args: CHROME_ARGS }),
  firefox: () => chromiumLike({ browser: 'firefox', executablePath: findFirefox() }),
  webkit,
};

// `node bench/engines.mjs 24 repeat` measures only the bodies whose names contain one of the words.
const picked = process.argv.slice(2);
const server = await serve({ routes: { '/engines.html': page }, lifetime: 60 * 60_000 });
const results = {};
try {
  for (const engine of selectedEngines(process.env.BROWSERS || 'all')) {
    const driver = await ENGINE[engine]();
    try {
      results[engine] = { version: driver.version, bodies: {} };
      for (const name of Object.keys(BODIES).filter((body) => picked.length === 0 || picked.some((word) => body.includes(word)))) {
        // A fresh page for each body, with the Markdown chunk loaded by a small body first.
        await driver.open(`${server.url}/engines.html`);
        await driver.run(Object.keys(BODIES)[0]);
        results[engine].bodies[name] = await driver.run(name);
        const r = results[engine].bodies[name];
        const task = r.longestTask == null ? '' : `   longest task ${String(r.longestTask).padStart(4)} ms`;
        console.log(`${engine.padEnd(9)} ${name.padEnd(32)} longest block ${String(r.longest).padStart(6)} ms${task}   total ${String(r.time).padStart(6)} ms   ${r.outcome}`);
      }
    } finally {
      await driver.close();
    }
  }
} finally {
  await server.close();
}

await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/engines.json'), JSON.stringify(results, null, 2));
