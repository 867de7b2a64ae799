// The demo site's static server: the repository as files, the demo under /demo/ and the built
// bundles under /dist/, exactly as a static host would serve them (no transform, no dev mode).
// `npm start` runs it after building; the screenshots and the demo pages' tests start it on a free
// port. Build first (`vite build`, `node scripts/build-docs.mjs`).
//   node scripts/demo-server.mjs            serves on PORT, else 5173 (or the next free port)
//   const server = await startDemoServer(); ... server.url ... await server.close();
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file for a URL path under `root`, or null when it leaves the root. Directories get index.html. */
async function resolveFile(root, pathname) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(pathname)));
  } catch {
    return null;
  }
  if (path !== root.replace(/[/\\]$/, '') && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return resolveFile(root, join(pathname, 'index.html'));
    return path;
  } catch {
    return null;
  }
}

/**
 * Starts the server on `port` of `host` (0: any free port); resolves to `{ url, close() }`. With
 * `tryNext`, a port in use moves it to the next one.
 */
export async function startDemoServer({ root = ROOT, port = 0, host = '127.0.0.1', tryNext = false } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      res.writeHead(302, { Location: '/demo/' }).end();
      return;
    }
    // /demo/docs -> /demo/docs/, so that relative links inside the folder resolve.
    if (!extname(pathname) && !pathname.endsWith('/')) {
      const file = await resolveFile(root, pathname);
      if (file && file.endsWith(`${sep}index.html`)) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
    }
    const file = await resolveFile(root, pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  for (let wanted = port; ; wanted++) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(wanted, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      break;
    } catch (error) {
      if (!tryNext || error.code !== 'EADDRINUSE' || wanted === 0) throw error;
    }
  }
  const { port: bound } = server.address();
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startDemoServer({ port: Number(process.env.PORT ?? 5173), host: 'localhost', tryNext: true });
  console.log(`clinic-widgets demo: ${server.url}/demo/  (Ctrl+C stops it)`);
}
