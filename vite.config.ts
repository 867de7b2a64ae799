import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import minifyTemplates from './scripts/minify-templates.mjs';
import ownKeysRuntime from './scripts/own-keys-runtime.mjs';

/** `npx vite` serves the repository root (`npm start` serves the built demo as files, scripts/demo-server.mjs); the demo lives under /demo/, so send "/" there. */
const demoHome: Plugin = {
  name: 'clinic-demo-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url !== '/') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/demo/');
      res.end();
    });
  },
};

/**
 * A second copy of the classic script on one page (a partner pasted the tag twice) stops at once,
 * before Lit asks for its Trusted Types policy again, and leaves `window.ClinicWidgets` as the
 * first copy set it. The first definition of each tag wins anyway; this also keeps a strict
 * `trusted-types lit-html clinic-widgets` policy from refusing the duplicate.
 */
const iifeOnce: Plugin = {
  name: 'clinic-iife-once',
  outputOptions(options) {
    if (options.format !== 'iife') return null;
    return {
      ...options,
      intro: 'if (typeof customElements !== "undefined" && customElements.get("clinic-article-card")) return window.ClinicWidgets;',
    };
  },
};

const minify = { minify: true };

/**
 * Parts of the library that load on demand (a dynamic `import()` in src/), each built as a
 * self-contained ES module beside the classic script. The ES module imports its own chunks
 * instead; the Markdown module is imported through src/internal/load-markdown.ts, which also
 * takes a URL from the page.
 */
const PARTS: Record<string, string> = {
  'src/data/adapters/index.ts': 'clinic-widgets.adapters.js',
  'src/data/slices.ts': 'clinic-widgets.slices.js',
  'src/internal/structured-data.ts': 'clinic-widgets.jsonld.js',
  'src/internal/hours.ts': 'clinic-widgets.hours.js',
};
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const CONFIG = fileURLToPath(new URL('./src/data/config.ts', import.meta.url));

/** In the classic script, `import('./adapters/index.js')` becomes an import of the part beside the script. */
const classicParts: Plugin = {
  name: 'clinic-classic-parts',
  applyToEnvironment: (environment) => environment.name === 'classic',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('import(')) return null;
    let changed = false;
    const out = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (whole, _quote, specifier: string) => {
      const target = relative(ROOT, resolve(dirname(id), specifier.replace(/\.js$/, '.ts'))).split(sep).join('/');
      const file = PARTS[target];
      if (!file) return whole;
      changed = true;
      return `import(/* @vite-ignore */ __clinicPartUrl(${JSON.stringify(file)}))`;
    });
    if (!changed) return null;
    return { code: `import { partUrl as __clinicPartUrl } from ${JSON.stringify(CONFIG)};\n${out}`, map: null };
  },
};

// Three builds into dist/, one after another (`vite build` runs them all):
// - client:   clinic-widgets.js, the ES module, with its Markdown chunk beside it (chunks/),
//             imported on demand; bundlers that re-bundle it follow that import;
// - classic:  clinic-widgets.iife.js, the classic script, without the Markdown renderer;
// - markdown: clinic-widgets.markdown.js, a self-contained ES module with the Markdown renderer,
//             which the classic script import()s from beside itself when a body is shown.
export default defineConfig({
  plugins: [minifyTemplates(), ownKeysRuntime(), demoHome, iifeOnce, classicParts],
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  environments: {
    client: {
      build: {
        lib: { entry: 'src/embed.ts', formats: ['es'], fileName: () => 'clinic-widgets.js' },
        rolldownOptions: {
          // Modules that the entry and the Markdown chunk share stay in the entry (no third file).
          preserveEntrySignatures: 'allow-extension',
          output: { ...minify, chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    },
    classic: {
      consumer: 'client',
      define: { __CLINIC_CLASSIC__: 'true' },
      build: {
        emptyOutDir: false,
        lib: { entry: 'src/embed.ts', name: 'ClinicWidgets', formats: ['iife'], fileName: () => 'clinic-widgets.iife.js' },
        rolldownOptions: { output: minify },
      },
    },
    markdown: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        lib: { entry: 'src/data/markdown.ts', formats: ['es'], fileName: () => 'clinic-widgets.markdown.js' },
        rolldownOptions: { output: minify },
      },
    },
    // One more self-contained module per part of the classic script.
    ...Object.fromEntries(
      Object.entries(PARTS).map(([entry, file]) => [
        file.replace(/^clinic-widgets\.|\.js$/g, ''),
        {
          consumer: 'client' as const,
          build: { emptyOutDir: false, lib: { entry, formats: ['es' as const], fileName: () => file }, rolldownOptions: { output: minify } },
        },
      ]),
    ),
  },
  builder: {
    async buildApp(builder) {
      for (const name of Object.keys(builder.environments)) await builder.build(builder.environments[name]!);
    },
  },
  server: { port: 5173, open: false },
});
