// Finds the system browsers that the tests and benchmarks drive: Chromium (or Chrome), Firefox and
// WebKit (WebKitGTK's MiniBrowser, driven through WebKitWebDriver on a virtual X display).
// No browser is downloaded: an environment variable wins, then the usual install locations.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first of `candidates` that exists; exits with `help` when an override names no file or none exists. */
function find(what, override, candidates, help) {
  const wanted = process.env[override];
  if (wanted && !existsSync(wanted)) {
    console.error(`\n${override} is set to ${wanted}, but there is no file there.\n`);
    process.exit(1);
  }
  const found = [wanted, ...candidates].find((path) => path && existsSync(path));
  if (found) return found;
  const looked = [wanted, ...candidates].filter(Boolean).join(', ');
  console.error(
    `\nNo ${what} was found (looked at: ${looked}).\n` +
      'The tests run in the system browsers; none is downloaded.\n' +
      `${help}\nor point ${override} at an existing ${what}.\n`,
  );
  process.exit(1);
}

/** `name` in each directory of PATH (and the usual system directories). */
function inPath(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin', '/usr/bin', '/usr/sbin'];
  return [...new Set(dirs.filter(Boolean))].map((dir) => join(dir, name));
}

/** `/usr/lib/<multiarch>/<sub>` for each multiarch directory present, e.g. x86_64-linux-gnu. */
function underLibs(sub) {
  const paths = [];
  for (const lib of ['/usr/lib', '/usr/lib64', '/usr/libexec']) {
    paths.push(join(lib, sub));
    try {
      for (const entry of readdirSync(lib)) if (entry.includes('-linux-')) paths.push(join(lib, entry, sub));
    } catch {
      // no such directory
    }
  }
  return paths;
}

const NARROW = 'To run the suite in the other browsers only, set BROWSERS, e.g. BROWSERS=chromium,firefox npm test.';

export function findChromium() {
  return find(
    'Chromium or Chrome executable',
    'CHROME_PATH',
    [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    'Install one, for example as root: apt-get install -y chromium',
  );
}

export function findFirefox() {
  return find(
    'Firefox executable',
    'FIREFOX_PATH',
    [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/usr/lib/firefox-esr/firefox-esr',
      '/usr/lib/firefox/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
    `Install one, for example as root: apt-get install -y firefox-esr\n${NARROW}`,
  );
}

/**
 * WebKit: WebKitGTK's MiniBrowser, the WebKitWebDriver that drives it, and Xvfb for a display
 * (MiniBrowser has no headless mode). All three come with Debian's webkit2gtk-driver and xvfb.
 */
export function findWebKit() {
  const help = `Install them, for example as root: apt-get install -y webkit2gtk-driver xvfb\n${NARROW}`;
  return {
    miniBrowser: find(
      'WebKitGTK MiniBrowser',
      'WEBKIT_MINIBROWSER_PATH',
      [...underLibs('webkit2gtk-4.1/MiniBrowser'), ...underLibs('webkitgtk-6.0/MiniBrowser'), ...underLibs('webkit2gtk-4.0/MiniBrowser')],
      help,
    ),
    driver: find('WebKitWebDriver', 'WEBKIT_WEBDRIVER_PATH', inPath('WebKitWebDriver'), help),
    xvfb: find('Xvfb (virtual X display)', 'XVFB_PATH', inPath('Xvfb'), help),
  };
}

// Chrome's sandbox is unavailable to root and in most containers; the tests load localhost pages only.
// The network flags keep a closed network from stalling the browser at start.
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
