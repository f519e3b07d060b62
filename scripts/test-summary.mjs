// Prints one line "tests: N passed, N failed" from the Vitest and Playwright JSON reports, so CI
// (which does not read either runner's own closing lines) sees the real totals: the unit tests and
// the end-to-end tests of both browsers. The lines before it give the counts per runner and browser.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const vitest = 'test-results/vitest.json';
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`unit tests (vitest) — ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}

/** Every test of a Playwright JSON report, with its project (the browser) and outcome. */
function* testsOf(suite) {
  for (const spec of suite.specs ?? []) yield* spec.tests ?? [];
  for (const child of suite.suites ?? []) yield* testsOf(child);
}

const pw = 'test-results/playwright.json';
if (existsSync(pw)) {
  const report = JSON.parse(readFileSync(pw, 'utf8'));
  const byBrowser = new Map();
  for (const suite of report.suites ?? []) {
    for (const t of testsOf(suite)) {
      const counts = byBrowser.get(t.projectName) ?? { passed: 0, failed: 0 };
      // Anything but a clean pass counts as failed: a flaky pass, a skip, a failure.
      if (t.status === 'expected') counts.passed++;
      else counts.failed++;
      byBrowser.set(t.projectName, counts);
    }
  }
  for (const [browser, c] of [...byBrowser].sort()) {
    console.log(`end-to-end in ${browser} — ${c.passed} passed, ${c.failed} failed`);
    passed += c.passed;
    failed += c.failed;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
