// Finds the system Chromium (or Chrome) that the tests and benchmarks drive.
// No browser is downloaded: CHROME_PATH wins, then the usual install locations.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  const wanted = process.env.CHROME_PATH;
  if (wanted && !existsSync(wanted)) {
    console.error(`\nCHROME_PATH is set to ${wanted}, but there is no file there.\n`);
    process.exit(1);
  }
  const found = CANDIDATES.find((path) => path && existsSync(path));
  if (found) return found;
  const looked = CANDIDATES.filter(Boolean).join(', ');
  console.error(
    `\nNo Chromium or Chrome executable was found (looked at: ${looked}).\n` +
      'The tests run in the system browser; none is downloaded.\n' +
      'Install one, for example as root: apt-get install -y chromium\n' +
      'or point CHROME_PATH at an existing Chrome or Chromium binary.\n',
  );
  process.exit(1);
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
