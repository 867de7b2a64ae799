import type { Plugin } from 'vite';
export function minifyTemplates(source: string): string;
export default function minifyTemplatesPlugin(): Plugin;
