// Launches the system Chromium, headless, for benchmarks.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

export async function launch() {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROME_ARGS });
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
