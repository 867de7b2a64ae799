// dist/THIRD_PARTY_NOTICES.md (scripts/third-party-notices.mjs, run by `npm run build` and before
// `npm test`) reproduces the licence of every package bundled into dist/.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NOTICES, bundledPackages } from '../../scripts/third-party-notices.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('third-party notices', () => {
  const notices = readFileSync(NOTICES, 'utf8');
  const bundled = bundledPackages();

  it('finds the packages the bundles are known to hold', () => {
    for (const name of ['lit-html', 'lit-element', '@lit/reactive-element', 'marked', 'dompurify']) {
      assert.ok(bundled.has(name), `${name} is bundled into dist/`);
    }
    assert.ok([...bundled.get('lit-html')].includes('clinic-widgets.iife.js'), 'Lit is in the classic script');
    assert.ok([...bundled.get('marked')].includes('clinic-widgets.markdown.js'), 'marked is in the Markdown module');
  });

  it('names each bundled package, its version and licence, and reproduces its licence text', () => {
    for (const name of bundled.keys()) {
      const dir = join(ROOT, 'node_modules', name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      assert.ok(notices.includes(`## ${name} ${pkg.version}\n`), `a section for ${name} ${pkg.version}`);
      assert.ok(notices.includes(`Licence: ${pkg.license}.`), `the licence of ${name}`);
      for (const file of readdirSync(dir).filter((f) => /^licen[cs]e/i.test(f))) {
        assert.ok(notices.includes(readFileSync(join(dir, file), 'utf8').trimEnd()), `${name}/${file} reproduced`);
      }
    }
  });

  it('ships with the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.files.includes('dist'), 'package.json "files" includes dist/');
  });
});
