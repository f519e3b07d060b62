import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../sync/adapters/index';

const FILES: Record<string, string> = { http: 'http-contract', zendesk: 'zendesk', freshdesk: 'freshdesk' };
/** Files of sync/adapters/ that serve several adapters. */
const SHARED = ['index.ts', 'ticket-text.ts', 'helpdesk-text.ts'];

describe('adapter conventions', () => {
  it('every adapter file is registered, its helpers carry its name, and it has a contract and a team test', () => {
    const files = readdirSync(new URL('../../sync/adapters/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !SHARED.includes(f),
    );
    const names = Object.keys(ADAPTERS).map((k) => FILES[k]!);
    expect(
      files
        .filter((f) => !f.includes('-') || names.includes(f.replace(/\.ts$/, '')))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort(),
    ).toEqual([...names].sort());
    for (const f of files)
      expect(
        names.some((n) => f === `${n}.ts` || f.startsWith(`${n}-`)),
        `${f}: name it after its adapter`,
      ).toBe(true);
    const tests = readdirSync(new URL('./', import.meta.url));
    for (const f of names) {
      expect(tests, `add test/sync/adapter-${f}.test.ts`).toContain(`adapter-${f}.test.ts`);
      expect(tests, `add test/sync/team-${f}.test.ts (its team reads)`).toContain(`team-${f}.test.ts`);
    }
  });
});
