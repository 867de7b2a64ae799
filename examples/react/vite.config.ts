import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// ../public holds the content document the widgets load (served at /ketamine-infusion-therapy.json).
export default defineConfig({ plugins: [react()], publicDir: '../public' });
