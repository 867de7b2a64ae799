// The browsers the test suite runs in: Chromium, Firefox and WebKit, all system installs.
//
// BROWSERS (comma-separated: chromium, firefox, webkit, or `all`) picks them; unset means
// DEFAULT_ENGINES. CI runs all three (.ci/run).
// Chromium and Firefox are driven by puppeteer (Firefox through WebDriver BiDi); WebKit is
// WebKitGTK's MiniBrowser, driven through WebKitWebDriver (WebDriver classic) on an Xvfb display
// that this module starts on a free display number and port, and stops when the run ends.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROME_ARGS, findChromium, findFirefox, findWebKit } from './find-chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const DEFAULT_ENGINES = ['chromium'];

/** The engines named by BROWSERS, in the order of ENGINES; exits with a message on an unknown name. */
export function selectedEngines(value = process.env.BROWSERS) {
  if (!value || !value.trim()) return [...DEFAULT_ENGINES];
  if (value.trim().toLowerCase() === 'all') return [...ENGINES];
  const wanted = value.split(/[\s,]+/).filter(Boolean).map((name) => name.toLowerCase());
  const unknown = wanted.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) {
    console.error(`\nBROWSERS names ${unknown.join(', ')}; the suite runs in ${ENGINES.join(', ')} (any of them, comma-separated, or all).\n`);
    process.exit(1);
  }
  return ENGINES.filter((name) => wanted.includes(name));
}

/**
 * The test runner's launchers for `engines`; every browser is looked up first, so a missing one
 * stops the run at once. The runner drives two browsers at a time (concurrentBrowsers) and starts
 * them in this order: WebKit, which runs one file at a time and takes longest, goes first, so that
 * Chromium and then Firefox run beside it rather than before it.
 */
export function launchers(engines = selectedEngines()) {
  const make = { chromium, firefox, webkit };
  const first = ['webkit', 'chromium', 'firefox'];
  return [...engines].sort((a, b) => first.indexOf(a) - first.indexOf(b)).map((engine) => make[engine]());
}

function named(launcher, name) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = name;
  };
  launcher.name = name;
  return launcher;
}

function chromium() {
  return named(
    chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: CHROME_ARGS } }),
    'Chromium',
  );
}

function firefox() {
  return named(
    chromeLauncher({ launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true } }),
    'Firefox',
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display number it picks itself (-displayfd), and resolves with that number. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, display: `:${out.trim()}` });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display: ${err.trim()}`)));
  });
}

/** Resolves once WebKitWebDriver answers on `port` (it takes a moment to listen). */
async function driverReady(port, child) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) at start`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}

/**
 * Starts Xvfb and WebKitWebDriver (on a free display and port) for MiniBrowser; resolves with
 * what WebdriverIO's remote() needs, and `stop()`, which ends both (so does the process's exit).
 */
export async function startWebKitDriver({ miniBrowser, driver, xvfb } = findWebKit()) {
  const children = [];
  const stop = () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  try {
    const screen = await startXvfb(xvfb);
    children.push(screen.child);
    const port = await freePort();
    const child = spawn(driver, [`--port=${port}`], { env: { ...process.env, DISPLAY: screen.display }, stdio: 'ignore' });
    children.push(child);
    await driverReady(port, child);
    return {
      stop,
      options: {
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          // WebKitWebDriver refuses the session that WebdriverIO asks for by default (WebDriver BiDi).
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
        },
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

function webkit() {
  const found = findWebKit();
  let stopDriver = () => {};
  const launcher = webdriverLauncher({ hostname: '127.0.0.1', port: 4444, capabilities: { browserName: 'MiniBrowser' } });
  // One test file at a time, in the top-level window: the launcher's other mode runs files in
  // iframes, where focus, viewport and history behave unlike a page.
  launcher.concurrency = 1;
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    const started = await startWebKitDriver(found);
    stopDriver = started.stop;
    Object.assign(launcher.options, started.options);
    await initialize({ ...config, concurrency: 1 }, testFiles);
    launcher.name = 'WebKit';
  };
  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    try {
      await stop();
    } finally {
      stopDriver();
    }
  };
  launcher.name = 'WebKit';
  return launcher;
}
