// Prints the closing lines for the whole run, after web-test-runner's own report, so that CI logs
// end with the counts: one line per browser, "Firefox: N passed, N failed[, N skipped]", then
// each skipped test by name (a test that skips says why in its name), then the total line
// "tests: N passed, N failed[, N skipped]". With TEST_TIMES=1 it also lists, per browser, the test
// files whose tests took longest, to see where a run spends its time.
function count(suite, totals, path = []) {
  const here = suite?.name ? [...path, suite.name] : path;
  for (const test of suite?.tests ?? []) {
    totals.ms += test.duration ?? 0;
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
        if (!browsers.has(name)) browsers.set(name, { passed: 0, failed: 0, skipped: [], files: [] });
        const totals = browsers.get(name);
        const file = { path: session.testFile, ms: 0, skipped: [], passed: 0, failed: 0 };
        count(session.testResults, file);
        totals.passed += file.passed;
        totals.failed += file.failed;
        totals.skipped.push(...file.skipped);
        totals.files.push(file);
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
        if (process.env.TEST_TIMES) {
          const slowest = totals.files.sort((a, b) => b.ms - a.ms).slice(0, 12);
          const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
          lines.push(`  ${name}, time in tests: ${seconds(totals.files.reduce((sum, f) => sum + f.ms, 0))}; longest files:`);
          for (const file of slowest) lines.push(`    ${seconds(file.ms)}  ${file.path.replace(process.cwd() + '/', '')}`);
        }
      }
      lines.push(`tests: ${line(all)}`);
      // After the default reporter's final frame.
      setTimeout(() => console.log(`\n${lines.join('\n')}`), 0);
    },
  };
}
