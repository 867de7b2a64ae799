import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// ../public holds the content document the widgets load (served at /ketamine-infusion-therapy.json).
export default defineConfig({ plugins: [svelte()], publicDir: '../public' });
