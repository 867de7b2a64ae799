import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROME_ARGS } from './scripts/find-chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** Shared by every test config: TypeScript through esbuild, system Chromium, headless. */
export function baseConfig() {
  return {
    files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    nodeResolve: true,
    plugins: [esbuildPlugin({ ts: true, tsconfig })],
    browsers: [
      chromeLauncher({
        launchOptions: { executablePath: findChromium(), headless: true, args: CHROME_ARGS },
      }),
    ],
    reporters: [defaultReporter(), summaryReporter()],
    testFramework: { config: { timeout: 10000 } },
    filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  };
}

export default baseConfig();
