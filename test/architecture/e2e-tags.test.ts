import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Playwright's projects pick end-to-end tests by their browser tags (runsIn() in test/e2e/driver):
// a test without one would run in no browser at all, silently. Every test must say where it runs.
const E2E = join(import.meta.dirname, '..', 'e2e');

/** The test(…) calls of a spec file that name no browser: their first line each. */
export function untaggedTests(source: string): string[] {
  const calls = [...source.matchAll(/^\s*test\(/gm)];
  return calls
    .map((m, i) => source.slice(m.index, calls[i + 1]?.index ?? source.length))
    .filter((call) => !/runsIn\(/.test(call.slice(0, call.indexOf('async'))))
    .map((call) => call.split('\n')[0]!.trim());
}

describe('end-to-end specs', () => {
  it('tag every test with the browsers it runs in', () => {
    const specs = readdirSync(E2E).filter((f) => f.endsWith('.spec.ts'));
    expect(specs.length).toBeGreaterThan(0);
    const untagged = specs.flatMap((f) => untaggedTests(readFileSync(join(E2E, f), 'utf8')).map((l) => `${f}: ${l}`));
    expect(untagged, 'add runsIn(…) to these tests, or no browser runs them').toEqual([]);
  });

  it('see a test without a tag', () => {
    const spec = "test('a', runsIn('chromium'), async () => {});\ntest('b', async () => {});\n";
    expect(untaggedTests(spec)).toEqual(["test('b', async () => {});"]);
  });
});
