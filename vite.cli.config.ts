import { defineConfig } from 'vite';
import minifyTemplates from './scripts/minify-templates.mjs';

// The `clinic-widgets` command (src/cli/) for Node 20+, with the server renderer (src/ssr/). The
// elements' templates go through the same minifier as the browser bundles, so the server renders
// exactly what the browser will. Dependencies (lit, @lit-labs/ssr, yaml, ajv) stay external and
// load from node_modules; Lit's Node build brings the DOM shim the server render needs.
export default defineConfig({
  plugins: [minifyTemplates()],
  build: {
    ssr: 'src/cli/index.ts',
    target: 'node20',
    outDir: 'dist/cli',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'clinic-widgets.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
