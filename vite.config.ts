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

// Library mode: one ES module (with the Markdown chunk beside it, loaded on demand) and one
// classic IIFE script, both from src/embed.ts.
export default defineConfig({
  plugins: [minifyTemplates(), demoHome, iifeOnce],
  build: {
    target: 'es2021',
    outDir: 'dist',
    sourcemap: true,
    lib: {
      entry: 'src/embed.ts',
      name: 'ClinicWidgets',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'clinic-widgets.js' : 'clinic-widgets.iife.js'),
    },
    rolldownOptions: {
      // Modules that the entry and the Markdown chunk share stay in the entry (no third file).
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  server: { port: 5173, open: false },
});
