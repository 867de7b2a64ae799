import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { launchers } from './scripts/test-browsers.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { testPages } from './test/pages/pages.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * Shared by every test config: TypeScript through esbuild; the system's Chromium, Firefox and
 * WebKit (BROWSERS=chromium,firefox,webkit picks some; see scripts/test-browsers.mjs); the HTML
 * pages the tests open in frames, from one template (test/pages/pages.mjs).
 */
export function baseConfig() {
  return {
    files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    nodeResolve: true,
    plugins: [esbuildPlugin({ ts: true, tsconfig }), testPages()],
    browsers: launchers(),
    reporters: [defaultReporter(), summaryReporter()],
    // Firefox and WebKit (WebDriver) are slower than Chromium, and the machine may be busy.
    testFramework: { config: { timeout: 20000 } },
    browserStartTimeout: 120_000,
    testsStartTimeout: 60_000,
    testsFinishTimeout: 300_000,
    filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  };
}

export default baseConfig();
