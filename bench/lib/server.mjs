// A tiny static server for benchmarks, on 127.0.0.1 only. Serves the repository root, records
// every path requested, and lets a benchmark add its own routes (a slow endpoint, say).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Starts the server. `routes` maps a path to `(req, res) => void` or to a page's HTML text.
 * `headers` are added to every answer (a Content-Security-Policy, say). It is bounded: after
 * `maxRequests` requests it answers 503, and after `lifetime` milliseconds it closes itself
 * (open connections included, so a route that never answers cannot keep it alive).
 */
export async function serve({ routes = {}, headers = {}, maxRequests = 5000, lifetime = 300_000 } = {}) {
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
    if (typeof route === 'string') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] });
      return res.end(route);
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
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
