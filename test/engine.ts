/**
 * The browser engine running the tests. The suite runs in Chromium, Firefox and WebKit; a test
 * that needs something only some engines (or their drivers) can do skips elsewhere, saying why.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

function detect(agent: string): Engine {
  if (/\bFirefox\//.test(agent)) return 'firefox';
  if (/\b(Headless)?Chrome\//.test(agent)) return 'chromium';
  return 'webkit';
}

export const ENGINE: Engine = detect(navigator.userAgent);

/**
 * Skips the running test in `engines`, with the reason in its title, so that the report lists
 * every skip with its reason: `it('…', async function () { skipIn(this, ['webkit'], 'why'); … })`.
 */
export function skipIn(context: Mocha.Context, engines: readonly Engine[], reason: string): void {
  if (engines.includes(ENGINE)) skipBecause(context, `in ${ENGINE}: ${reason}`);
}

/** Skips the running test with `why` in its title, so that the report lists the skip with its reason. */
export function skipBecause(context: Mocha.Context, why: string): void {
  const test = context.currentTest ?? context.test;
  if (test) test.title += ` (skipped ${why})`;
  context.skip();
}
