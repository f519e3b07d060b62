import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../build/lazy-module';
import { TINYLD_LIGHT } from '../../wxt.config';

/** What the plugin serves for `specifier` when the module is `code`. */
function served(code: string | null, file = join(mkdtempSync(join(tmpdir(), 'lazy-module-')), 'm.js')): string {
  if (code !== null) writeFileSync(file, code);
  const plugin = lazyModule('some-lib', file);
  const id = (plugin.resolveId as (s: string) => string | null)('some-lib')!;
  return (plugin.load as (id: string) => string)(id);
}

describe('lazyModule (a bundled library runs on first use, not when the background starts)', () => {
  it('runs the module body on the first call of an export, once', async () => {
    const code = served(
      'globalThis.__lazyRuns = (globalThis.__lazyRuns ?? 0) + 1; function d(t){return "lang:" + t} export{d as detect};',
    );
    const g = globalThis as { __lazyRuns?: number };
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { detect(t: string): string };
    expect(g.__lazyRuns).toBeUndefined();
    expect(mod.detect('nl')).toBe('lang:nl');
    expect(mod.detect('en')).toBe('lang:en');
    expect(g.__lazyRuns).toBe(1);
  });

  it('refuses a module that imports or does not end in one export list', () => {
    expect(() => served('import x from "y"; function d(){} export{d};')).toThrow(/must import nothing/);
    expect(() => served('export function d(){}')).toThrow(/must import nothing/);
  });

  it('serves the tinyld file the background build uses, which still detects a language', async () => {
    const code = served(null, TINYLD_LIGHT);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { detect(t: string): string };
    expect(mod.detect('Al drie weken heb ik geen internet en niemand van de klantenservice belt terug.')).toBe('nl');
  });

  it('leaves every other specifier alone', () => {
    const plugin = lazyModule('some-lib', '/nowhere.js');
    expect((plugin.resolveId as (s: string) => string | null)('other-lib')).toBeNull();
  });
});
