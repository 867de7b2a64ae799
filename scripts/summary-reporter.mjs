// Prints the closing lines for the whole run, after web-test-runner's own report, so that CI logs
// end with the counts: one line per browser, "Firefox: N passed, N failed[, N skipped]", then
// each skipped test by name (a test that skips says why in its name), then the total line
// "tests: N passed, N failed[, N skipped]".
function count(suite, totals, path = []) {
  const here = suite?.name ? [...path, suite.name] : path;
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped.push([...here, test.name].join(' > '));
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals, here);
}

const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`;

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const browsers = new Map();
      for (const session of sessions) {
        const name = session.browser?.name ?? 'browser';
        if (!browsers.has(name)) browsers.set(name, { passed: 0, failed: 0, skipped: [] });
        const totals = browsers.get(name);
        count(session.testResults, totals);
        if (!session.passed && session.errors?.length) totals.failed += session.errors.length;
      }
      const all = { passed: 0, failed: 0, skipped: [] };
      const lines = [];
      for (const [name, totals] of browsers) {
        all.passed += totals.passed;
        all.failed += totals.failed;
        all.skipped.push(...totals.skipped);
        if (browsers.size > 1) lines.push(`${name}: ${line(totals)}`);
        for (const test of totals.skipped) lines.push(`  skipped in ${name}: ${test}`);
      }
      lines.push(`tests: ${line(all)}`);
      // After the default reporter's final frame.
      setTimeout(() => console.log(`\n${lines.join('\n')}`), 0);
    },
  };
}
