// Takes a full-page screenshot of a URL in the system Chromium:
//   node scripts/screenshot.mjs <url> <out.png> [width=1200] [light|dark]
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChromium } from './find-chromium.mjs';

const [url, out, width = '1200', scheme = 'light'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [light|dark]');
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  page.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setViewport({ width: Number(width), height: 900 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
}
