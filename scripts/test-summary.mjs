// Prints one line "tests: N passed, N failed" from the Vitest and Playwright JSON reports, so CI
// (which does not read either runner's own closing lines) sees the real totals.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const vitest = 'test-results/vitest.json';
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
const pw = 'test-results/playwright.json';
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0) + (s.skipped ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
