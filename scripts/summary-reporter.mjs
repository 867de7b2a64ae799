// Prints one closing line for the whole run, "tests: N passed, N failed[, N skipped]", after
// web-test-runner's own report, so that CI logs end with the count.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && session.errors?.length) totals.failed += session.errors.length;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // After the default reporter's final frame.
      setTimeout(() => console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`), 0);
    },
  };
}
