/**
 * The tests' own Trusted Types policy, for what a test's setup writes through a sink that the
 * page's Trusted Types guard: an iframe's `srcdoc`, a script's `src`, test markup. Under the strict
 * Content-Security-Policy of `npm run test:csp` (web-test-runner.csp.config.mjs) it is allowed by
 * name, beside the widgets' own policies; the widgets never use it, so everything they write still
 * goes through `lit-html`, `clinic-widgets` and `clinic-widgets-json-ld` alone. Where the browser
 * has no Trusted Types, the values are the plain strings.
 */
export const TEST_POLICY = 'clinic-widgets-test';

interface TestPolicy {
  createHTML(text: string): unknown;
  createScriptURL(text: string): unknown;
}

type PolicyFactory = {
  createPolicy(name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }): TestPolicy;
};

const policies = new WeakMap<Window, TestPolicy | null>();

/** The test policy of `win` (each frame has its own Trusted Types), created on first use. */
function policyOf(win: Window): TestPolicy | null {
  let policy = policies.get(win);
  if (policy === undefined) {
    const factory = (win as unknown as { trustedTypes?: PolicyFactory }).trustedTypes;
    const same = (text: string) => text;
    policy = factory ? factory.createPolicy(TEST_POLICY, { createHTML: same, createScriptURL: same }) : null;
    policies.set(win, policy);
  }
  return policy;
}

/** The test policy itself (null without Trusted Types), for a library a test calls directly (DOMPurify's TRUSTED_TYPES_POLICY). */
export function testPolicy(win: Window = window): TestPolicy | null {
  return policyOf(win);
}

/** `markup` as TrustedHTML of `win`, for a test's own `srcdoc` or `innerHTML`. */
export function trustedHTML(markup: string, win: Window = window): string {
  const policy = policyOf(win);
  return (policy ? policy.createHTML(markup) : markup) as string;
}

/** `url` as a TrustedScriptURL of `win`, for a script element the test adds itself. */
export function trustedScriptURL(url: string, win: Window = window): string {
  const policy = policyOf(win);
  return (policy ? policy.createScriptURL(url) : url) as string;
}
