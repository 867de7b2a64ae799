// Writes dist/THIRD_PARTY_NOTICES.md: the name, version, licence and licence text of every
// package whose code is bundled into a file in dist/ (read from the files' source maps). The
// minified bundles do not carry those notices themselves; this file, shipped beside them in
// the package and on a CDN, does.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
export const NOTICES = join(DIST, 'THIRD_PARTY_NOTICES.md');

/** Every source map under `dir`. */
function* maps(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* maps(path);
    else if (entry.name.endsWith('.js.map')) yield path;
  }
}

/** The packages (node_modules/<name>) whose code the built files in dist/ hold, by name, each with the files that hold it. */
export function bundledPackages() {
  const packages = new Map();
  for (const map of maps(DIST)) {
    const { sources = [] } = JSON.parse(readFileSync(map, 'utf8'));
    for (const source of sources) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (!name) continue;
      if (!packages.has(name)) packages.set(name, new Set());
      packages.get(name).add(relative(DIST, map).replace(/\.map$/, ''));
    }
  }
  return new Map([...packages].sort(([a], [b]) => a.localeCompare(b)));
}

/** The licence files of an installed package, in a stable order. */
function licenceFiles(dir) {
  return readdirSync(dir).filter((file) => /^(licen[cs]e|copying|notice)/i.test(file)).sort();
}

export function writeNotices() {
  const out = [
    '# Third-party notices',
    '',
    'The files in this folder bundle code from the packages below, each under its own licence, whose',
    'text follows. clinic-widgets itself is licensed as its package.json says.',
  ];
  for (const [name, files] of bundledPackages()) {
    const dir = join(ROOT, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const texts = licenceFiles(dir);
    if (!texts.length) throw new Error(`${name} has no licence file to reproduce`);
    out.push('', `## ${name} ${pkg.version}`, '', `Licence: ${pkg.license}. In: ${[...files].sort().join(', ')}.`);
    for (const file of texts) out.push('', '```text', readFileSync(join(dir, file), 'utf8').trimEnd(), '```');
  }
  writeFileSync(NOTICES, `${out.join('\n')}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && existsSync(DIST)) writeNotices();
