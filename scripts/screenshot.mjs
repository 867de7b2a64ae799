// Screenshots of pages in the system Chromium. As a command, a full-page screenshot of a URL:
//   node scripts/screenshot.mjs <url> <out.png> [width=1200] [light|dark]
// As a module, the pieces that scripts/screenshots.mjs (the README's pictures) uses.
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChromium } from './find-chromium.mjs';

export function launchBrowser() {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROME_ARGS });
}

/**
 * Opens `url` in a new page `width` CSS pixels wide and waits until every widget has finished
 * (ready or error). With `fullHeight`, the viewport then grows as tall as the page and every image on
 * the page and in the widgets loads, lazy ones far down too. Console errors and warnings, page
 * errors and failed requests go to `report` (by default printed, prefixed with `page:`).
 */
export async function openPage(
  browser,
  url,
  { width = 1200, scheme = 'light', report = (text) => console.error('page:', text), fullHeight = true } = {},
) {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    const type = msg.type();
    if (type === 'error' || type === 'warn' || type === 'warning' || type === 'assert') report(`console.${type}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => report(`page error: ${error.message}`));
  // A request the page itself gave up (net::ERR_ABORTED) is no failure the reader sees.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') report(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => response.status() >= 400 && report(`HTTP ${response.status()}: ${response.url()}`));
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: scheme },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')].every((el) =>
      ['ready', 'error'].includes(el.getAttribute('status') ?? ''),
    ),
  );
  if (!fullHeight) return page;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ width, height });
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) images.push(...el.shadowRoot.querySelectorAll('img'));
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  return page;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [url, out, width = '1200', scheme = 'light'] = process.argv.slice(2);
  if (!url || !out) {
    console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [light|dark]');
    process.exit(2);
  }
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, url, { width: Number(width), scheme });
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
}
