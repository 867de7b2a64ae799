// A tiny static server for benchmarks, on 127.0.0.1 only. Serves the repository root, records
// every path requested, and lets a benchmark add its own routes (a slow endpoint, say).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Types a static host compresses (with `gzip`). */
const TEXT = /^(text\/|application\/json)/;

/**
 * Starts the server. `routes` maps a path to `(req, res) => void` or to a page's HTML text.
 * `headers` are added to every answer (a Content-Security-Policy, say). With `gzip`, files and
 * pages of text types are sent gzip-compressed (level 9, as the size figures count them) to
 * clients that accept it, as a static host or CDN does. It is bounded: after `maxRequests`
 * requests it answers 503, and after `lifetime` milliseconds it closes itself (open connections
 * included, so a route that never answers cannot keep it alive).
 */
export async function serve({ routes = {}, headers = {}, maxRequests = 5000, lifetime = 300_000, gzip = false } = {}) {
  const send = (req, res, type, body) => {
    const head = { 'Content-Type': type };
    if (gzip && TEXT.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      head['Content-Encoding'] = 'gzip';
      head['Vary'] = 'Accept-Encoding';
    }
    res.writeHead(200, head);
    res.end(body);
  };
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (requests.length > maxRequests) {
      res.writeHead(503).end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const route = routes[path];
    if (typeof route === 'function') return route(req, res);
    if (typeof route === 'string') return send(req, res, TYPES['.html'], Buffer.from(route));
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const close = () =>
    new Promise((resolve) => {
      clearTimeout(timer);
      server.close(resolve);
      server.closeAllConnections();
    });
  const timer = setTimeout(close, lifetime);
  timer.unref();
  return { url: `http://127.0.0.1:${port}`, requests, close };
}
