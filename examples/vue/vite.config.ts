import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // Leave the clinic-* tags to the browser: they are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('clinic-') } },
    }),
  ],
  // ../public holds the content document the widgets load (served at /ketamine-infusion-therapy.json).
  publicDir: '../public',
});
