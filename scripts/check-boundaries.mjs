// The project's module boundaries, checked on the source: only src/data/client.ts talks to the
// network, and only src/data/markdown.ts turns text into HTML (marked, DOMPurify, or any HTML
// sink). Exits 1 and names each line that crosses a boundary.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULES = [
  { only: 'src/data/client.ts', what: 'a network call', pattern: /(?<![.\w])fetch\(|XMLHttpRequest|navigator\.sendBeacon|new WebSocket|new EventSource/ },
  {
    only: 'src/data/markdown.ts',
    what: 'HTML built from a string',
    pattern: /\b(innerHTML|outerHTML|insertAdjacentHTML|unsafeHTML|unsafeSVG|document\.write|createContextualFragment|DOMParser)\b|from 'marked'|from 'dompurify'/,
  },
];
// The command and the server renderer (src/cli/, src/ssr/) may use Node and import the browser
// code; nothing the browser bundles contain may import them, or Node, or their dependencies.
const NODE_FLOOR = ['src/cli/', 'src/ssr/'];
const NODE_IMPORT = /from '(node:[^']+|yaml|ajv[^']*|@lit-labs\/ssr[^']*)'|from '[^']*\/(cli|ssr)\/[^']*'|import\('(node:|[^']*\/(cli|ssr)\/)/;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const problems = [];
for (const file of sources(join(ROOT, 'src'))) {
  const name = relative(ROOT, file);
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      if (!NODE_FLOOR.some((floor) => name.startsWith(floor)) && NODE_IMPORT.test(line)) {
        problems.push(`${name}:${i + 1}: Node, the command or the server renderer imported from browser code (only ${NODE_FLOOR.join(' and ')} may)\n    ${line.trim()}`);
      }
      for (const rule of RULES) {
        if (name !== rule.only && rule.pattern.test(line)) {
          problems.push(`${name}:${i + 1}: ${rule.what} belongs in ${rule.only} only\n    ${line.trim()}`);
        }
      }
    });
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('boundaries: the network only in src/data/client.ts, HTML only in src/data/markdown.ts, Node only in src/cli and src/ssr');
