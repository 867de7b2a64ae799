// Runs inside the strict-CSP test pages: records every violation and error from the start, then
// defines the elements and reports, once every widget has settled, what a reader would see.

/** What a strict-CSP test page reports once its widgets have settled. */
export interface Report {
  statuses: Array<string | null>;
  bodyParagraphs: number[];
  errors: string[];
  violations: string[];
  messages: string[];
  trustedTypesEnforced: boolean;
}

const violations: string[] = [];
const errors: string[] = [];
const messages: string[] = [];
/** Marks the page's own check that Trusted Types are enforced (renderAndReport), whose violation is not the widgets'. */
const PROBE = 'csp-probe';
document.addEventListener('securitypolicyviolation', (event) => {
  // Reports arrive late, so the probe's can come while a test still waits for the widgets' own.
  if (event.sample.includes(PROBE)) return;
  violations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} ${event.sample}`.trim());
});
addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
document.addEventListener('clinic-error', (event) => messages.push((event as CustomEvent<{ message: string }>).detail.message));

async function renderAndReport(): Promise<Report> {
  const { defineAll } = await import('../../../src/define.js');
  defineAll();
  const widgets = [...document.querySelectorAll('clinic-article-card, clinic-publisher, clinic-related-posts')];
  await Promise.all(widgets.map((el) => customElements.whenDefined(el.localName)));
  const settled = () => widgets.every((el) => ['ready', 'error'].includes(el.getAttribute('status') ?? ''));
  while (!settled()) await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all(widgets.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  const report: Report = {
    statuses: widgets.map((el) => el.getAttribute('status')),
    bodyParagraphs: widgets.map((el) => el.shadowRoot?.querySelectorAll('[part~="body"] p').length ?? 0),
    errors: [...errors],
    violations: [...violations],
    messages: [...messages],
    trustedTypesEnforced: false,
  };
  // Last, and outside the report's violations: the policy is really in force on this page.
  try {
    document.createElement('div').innerHTML = `<b>${PROBE}</b>`;
  } catch {
    report.trustedTypesEnforced = true;
  }
  return report;
}

// Violation reports arrive as tasks of their own, possibly after the widgets settle: the live list
// lets a test wait for the one it expects.
(window as unknown as { violations: string[] }).violations = violations;
(window as unknown as { report: Promise<Report> }).report = renderAndReport();
