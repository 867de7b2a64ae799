import type { Plugin } from 'vite';
export default function ownKeysRuntime(): Plugin;
