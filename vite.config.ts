import { defineConfig, type Plugin } from 'vite';
import minifyTemplates from './scripts/minify-templates.mjs';

/** `npm start` serves the repository root; the demo lives under /demo/, so send "/" there. */
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

// Three builds into dist/, one after another (`vite build` runs them all):
// - client:   clinic-widgets.js, the ES module, with its Markdown chunk beside it (chunks/),
//             imported on demand; bundlers that re-bundle it follow that import;
// - classic:  clinic-widgets.iife.js, the classic script, without the Markdown renderer;
// - markdown: clinic-widgets.markdown.js, a self-contained ES module with the Markdown renderer,
//             which the classic script import()s from beside itself when a body is shown.
export default defineConfig({
  plugins: [minifyTemplates(), demoHome, iifeOnce],
  build: { target: 'es2021', outDir: 'dist', sourcemap: true },
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
  },
  builder: {
    async buildApp(builder) {
      for (const name of ['client', 'classic', 'markdown']) await builder.build(builder.environments[name]!);
    },
  },
  server: { port: 5173, open: false },
});
