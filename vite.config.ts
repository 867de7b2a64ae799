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

// Library mode: one ES module (with the Markdown chunk beside it, loaded on demand) and one
// classic IIFE script, both from src/embed.ts.
export default defineConfig({
  plugins: [minifyTemplates(), demoHome],
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
