// Fake content endpoints for the loading and layout-shift benchmarks, as routes for serve().
// Each records how many requests it answered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

/** The seed content document, as the endpoints serve it. */
export const SEED = readFileSync(join(ROOT, 'test/fixtures/ketamine-infusion-therapy.json'), 'utf8');

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** Answers `body` after `delay` milliseconds. */
export function slow(body, delay) {
  const route = (req, res) => {
    route.count++;
    const timer = setTimeout(() => {
      res.writeHead(200, JSON_HEADERS);
      res.end(body);
    }, delay);
    req.on('close', () => clearTimeout(timer));
  };
  route.count = 0;
  return route;
}

/** Never answers; the server's lifetime bounds the open connection. */
export function hang() {
  const route = () => {
    route.count++;
  };
  route.count = 0;
  return route;
}

/** Streams `total` bytes of JSON-looking filler without Content-Length, and stops when the client leaves. */
export function huge(total) {
  const route = (req, res) => {
    route.count++;
    route.sent = 0;
    res.writeHead(200, JSON_HEADERS);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let stopped = false;
    req.on('close', () => (stopped = true));
    res.on('close', () => (stopped = true));
    const write = () => {
      while (!stopped && route.sent < total) {
        const part = route.sent === 0 ? Buffer.concat([Buffer.from('['), chunk.subarray(1)]) : chunk;
        route.sent += part.length;
        if (!res.write(part)) return res.once('drain', write);
      }
      if (!stopped) res.end(']');
    };
    write();
  };
  route.count = 0;
  route.sent = 0;
  return route;
}

/**
 * A page that loads the built ES bundle, with `body` in it. `blocking: true` makes the module
 * render-blocking (`blocking="render"`), so that the first frame already has the elements
 * defined; without it the browser may paint the page before the widgets exist.
 */
export function page(body, { head = '', script = '', blocking = false } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">${head}
${blocking ? '<script type="module" blocking="render" src="/dist/clinic-widgets.js"></script>' : ''}
<script type="module">import '/dist/clinic-widgets.js';${script}</script></head><body>${body}</body></html>`;
}
