// Build-time plugin: the bundler's runtime helper that builds a module namespace object (used in
// the classic script, where the Markdown module is inlined instead of loaded as a chunk) walks its
// export table with `for…in`. That also visits enumerable properties a page added to
// `Object.prototype` (old libraries do), and `Object.prototype.x = 1` then makes the helper throw
// "Getter must be a function" before any element is defined. This rewrites the loop to walk the
// table's own keys only, and fails the build if the helper changes shape, so that a bundler upgrade
// cannot quietly bring the loop back.

const HELPER = /(var __exportAll = \(all(?:, no_symbols)?\) => \{\s*let target = \{\};\s*)for \(var name in all\)/g;

export default function ownKeysRuntime() {
  return {
    name: 'clinic-own-keys-runtime',
    renderChunk(code, chunk) {
      if (!code.includes('__exportAll')) return null;
      let replaced = 0;
      const out = code.replace(HELPER, (_, head) => {
        replaced++;
        return `${head}for (var name of Object.keys(all))`;
      });
      if (/for \(var \w+ in all\)/.test(out) || (replaced === 0 && /var __exportAll\b/.test(code))) {
        throw new Error(
          `${chunk.fileName}: the bundler's __exportAll helper changed shape; update scripts/own-keys-runtime.mjs`,
        );
      }
      return replaced ? { code: out, map: null } : null;
    },
  };
}
