import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SEED_URL } from '../fixtures.js';
import { settled } from '../helpers.js';
import type { Report } from './pages/strict-csp.js';
import { calls, exercise, findUnsafe, installDetector, pageCsp, resetDetector, violations } from './detector.js';

/**
 * Opens a page in an iframe and waits for the report of pages/strict-csp.ts, and then for
 * `violationCount` violations to have been reported, if given.
 */
async function reportOf(path: string, violationCount?: number): Promise<Report> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  try {
    const win = () => frame.contentWindow as unknown as { report?: Promise<Report>; violations: string[] } | null;
    await waitUntil(() => win()?.report, 'the page did not start', { timeout: 5000 });
    const report = await win()!.report!;
    if (violationCount !== undefined) {
      await waitUntil(() => win()!.violations.length >= violationCount, 'no violation was reported', { timeout: 2000 });
      report.violations = [...win()!.violations];
    }
    return report;
  } finally {
    frame.remove();
  }
}

describe('the strict Content-Security-Policy', () => {
  it('renders every widget, Markdown body included, under the strict policy and the Trusted Types names docs/security.md lists, without a violation', async () => {
    const report = await reportOf('/test/security/pages/strict-csp.html');
    expect(report.trustedTypesEnforced, 'Trusted Types are enforced on the page').to.equal(true);
    expect(report.violations).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(report.statuses).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'ready']);
    // The fifth is a body full of inline code that DOMPurify removes: rendered, and not even reported.
    expect(report.bodyParagraphs).to.deep.equal([8, 0, 0, 0, 4, 0]);
  });

  it('says which policy is missing when the page does not allow the Markdown one, and shows the rest', async () => {
    const report = await reportOf('/test/security/pages/missing-policy.html', 1);
    expect(report.trustedTypesEnforced).to.equal(true);
    expect(report.statuses).to.deep.equal(['error', 'ready', 'ready', 'ready', 'error', 'ready']);
    expect(report.messages).to.deep.equal([
      'the page\'s Content-Security-Policy does not allow the Trusted Types policy "clinic-widgets"',
      'the page\'s Content-Security-Policy does not allow the Trusted Types policy "clinic-widgets"',
    ]);
    expect(report.violations, JSON.stringify(report.violations)).to.have.length(1);
    expect(report.violations[0]).to.match(/^trusted-types: /);
    expect(report.errors).to.deep.equal([]);
  });

  it('causes no violation on this test page while every widget renders and is used', async () => {
    installDetector();
    resetDetector();
    const strict = await pageCsp();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card src=${SEED_URL} variant="full"></clinic-article-card>
      <clinic-article-card src=${SEED_URL}></clinic-article-card>
      <clinic-publisher src=${SEED_URL}></clinic-publisher>
      <clinic-related-posts src=${SEED_URL} layout="grid"></clinic-related-posts>
      <clinic-article-card headline="Attributes" href="/a" image="/test/fixtures/photo.png" image-alt="A photo"></clinic-article-card>
      <clinic-article-card summary="no title: the error state"></clinic-article-card>
    </div>`);
    for (const el of wrapper.children) await settled(el);
    expect([...wrapper.children].map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'error']);
    expect(await exercise(wrapper)).to.be.greaterThan(5);
    expect(findUnsafe(wrapper)).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
    // Meaningful under `npm run test:csp`, where this page is served with the strict policy.
    expect(violations, strict ?? 'no policy on this page').to.deep.equal([]);
  });
});
