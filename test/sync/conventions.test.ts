import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../sync/adapters/index';

const FILES: Record<string, string> = { http: 'http-contract', zendesk: 'zendesk', freshdesk: 'freshdesk' };

describe('adapter conventions', () => {
  it('every adapter file is registered and has a contract test', () => {
    const files = readdirSync(new URL('../../sync/adapters/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'ticket-text.ts',
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(
      Object.keys(ADAPTERS)
        .map((k) => FILES[k])
        .sort(),
    );
    const tests = readdirSync(new URL('./', import.meta.url));
    for (const f of Object.values(FILES))
      expect(tests, `add test/sync/adapter-${f}.test.ts`).toContain(`adapter-${f}.test.ts`);
  });
});
