import { defineConfig } from 'vite';
import minifyTemplates from './scripts/minify-templates.mjs';

// Library mode: one ES module (lazy Markdown chunk beside it) and one classic IIFE script.
// `vite` (dev) serves the repository root so the demo under /demo/ can load src/ and dist/.
export default defineConfig({
  plugins: [minifyTemplates()],
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
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  server: { port: 5173 },
});
