// Classic script for the test pages: records errors and policy violations from the start.
window.pageErrors = [];
addEventListener('error', (event) => pageErrors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => pageErrors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  pageErrors.push(`violation: ${event.effectiveDirective} ${event.sample}`),
);
