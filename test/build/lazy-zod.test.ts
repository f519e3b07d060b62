import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { z as realZ } from 'zod';
import { isUnbuilt, z } from '../../build/lazy-zod';
import { productFolders, sourceFiles } from '../architecture/product-folders';
import { mention, review } from '../helpers';

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } };
/** What zod makes of `value`: the data, or the issues (messages and paths included). */
const outcome = (schema: unknown, value: unknown) => {
  const r = (schema as Schema).safeParse(value);
  return r.success ? { data: r.data } : { issues: r.error!.issues };
};

describe('lazy zod (the background builds a schema on first use, not at start)', () => {
  it('builds nothing until a schema is used, and each schema once', () => {
    let refines = 0;
    const Name = z.string().trim().min(1).max(5);
    const Item = z.object({ name: Name, n: z.number().int().nonnegative().optional() });
    const List = z
      .array(Item)
      .max(2)
      .refine(() => ++refines > 0, 'never');
    expect([Name, Item, List].every(isUnbuilt)).toBe(true);
    expect(List.parse([{ name: ' ab ' }])).toEqual([{ name: 'ab' }]);
    expect([Name, Item, List].some(isUnbuilt)).toBe(false);
    expect(refines).toBe(1);
    expect(List.safeParse([{ name: 'abcdef' }]).success).toBe(false);
  });

  it('gives what zod gives: shapes spread into other schemas, unions, enums, records, defaults', () => {
    const build = (zz: typeof z) => {
      const Extras = zz.object({ also: zz.array(zz.string()).max(2).optional() });
      const Kind = zz.enum(['a', 'b']);
      return zz
        .object({ kind: Kind, at: zz.string().regex(/^\d{4}$/), tags: zz.record(zz.string(), zz.number()) })
        .extend(Extras.shape)
        .extend({
          outcome: zz.discriminatedUnion('ok', [
            zz.object({ ok: zz.literal(true), value: zz.unknown() }),
            zz.object({ ok: zz.literal(false), error: zz.string().default('none') }),
          ]),
          on: zz.boolean().nullable(),
        });
    };
    const lazy = build(z);
    const real = build(realZ);
    const values = [
      { kind: 'a', at: '2026', tags: { x: 1 }, outcome: { ok: false }, on: null, also: ['p'] },
      { kind: 'c', at: '26', tags: { x: '1' }, outcome: { ok: 'maybe' }, on: 1, also: ['p', 'q', 'r'] },
      { kind: 'b', at: '2026', tags: {}, outcome: { ok: true, value: [1] }, on: true },
      null,
      'text',
    ];
    for (const v of values) expect(outcome(lazy, v)).toEqual(outcome(real, v));
    expect(Object.keys(lazy.shape)).toEqual(Object.keys(real.shape));
  });

  it('answers every protocol message as zod does', async () => {
    const real = await import('../../messaging/protocol');
    vi.resetModules();
    vi.doMock('zod', () => import('../../build/lazy-zod'));
    try {
      const lazy = await import('../../messaging/protocol');
      // The mocked zod is this fresh instance of the module (its own record of stand-ins).
      const fresh = await import('../../build/lazy-zod');
      expect(fresh.isUnbuilt(lazy.protocol['capture/save'].request)).toBe(true);
      const samples: unknown[] = [
        {},
        null,
        { mention: mention(), review },
        { mention: { ...mention(), url: 'javascript:alert(1)' }, review },
        { tabId: 3, fresh: true },
        { caseId: 'c1', kind: 'note', text: 'called back' },
        { caseId: 'c1', status: 'closed', owner: null },
        { days: 30 },
      ];
      for (const map of ['protocol', 'markerProtocol'] as const) {
        const types = Object.keys(real[map]);
        expect(Object.keys(lazy[map])).toEqual(types);
        for (const type of types) {
          const [r, l] = [real, lazy].map((m) => (m[map] as Record<string, { request: unknown }>)[type]!.request);
          for (const s of samples) expect(outcome(l, s), `${map} ${type}`).toEqual(outcome(r, s));
        }
      }
      expect(outcome(lazy.EnvelopeSchema, { type: 'retention/get', payload: {} })).toEqual(
        outcome(real.EnvelopeSchema, { type: 'retention/get', payload: {} }),
      );
    } finally {
      vi.doUnmock('zod');
      vi.resetModules();
    }
  });

  it('holds every builder the product code calls at run time', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(productFolders())) {
      // Type positions (z.infer, z.ZodType …) are erased; a runtime call is `z.name(`, or
      // `z.name<T>(` with a type argument (z.custom<Blob>(…) once got past this check).
      for (const m of readFileSync(file, 'utf8').matchAll(/\bz\.([A-Za-z]+)\s*(?:<[^()]*>)?\s*\(/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(Object.keys(z), `z.${name} is used; add it to build/lazy-zod.ts`).toContain(name);
  });
});
