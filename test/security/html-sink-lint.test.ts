import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { productFolders } from '../architecture/product-folders';

// The lint rule that keeps page text from ever becoming markup. Each snippet is linted as
// if it were product code, and must be refused; the safe form must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsIn(code: string, file = 'components/Probe.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('HTML sink lint rule', () => {
  it.each([
    ['innerHTML assignment', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }'],
    ['outerHTML assignment', 'export function f(el: HTMLElement, s: string) { el.outerHTML = s; }'],
    ['insertAdjacentHTML', "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }"],
    ['document.write', 'export function f(s: string) { document.write(s); }'],
    [
      'dangerouslySetInnerHTML',
      'export const C = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;',
    ],
    ['eval', 'export const f = (s: string) => eval(s);'],
    ['new Function', "export const f = (s: string) => new Function('x', s);"],
  ])('fails on %s', async (_name, code) => {
    // Refused by a sink rule, not by a parse error (a fatal error has no rule id).
    expect((await errorsIn(code)).some((e) => /^(no-restricted-syntax|no-unsanitized\/|no-implied-eval)/.test(e))).toBe(
      true,
    );
  });

  it('passes text rendered as a text node', async () => {
    expect(await errorsIn('export function f(el: HTMLElement, s: string) { el.textContent = s; }')).toEqual([]);
    expect(await errorsIn('export const C = (p: { s: string }) => <p>{p.s}</p>;')).toEqual([]);
  });

  it('finds no sink anywhere in the product code (every product folder, read from the tree)', async () => {
    const folders = productFolders();
    expect(folders).toEqual(expect.arrayContaining(['components', 'extract', 'markers', 'sync', 'entrypoints']));
    const results = await eslint.lintFiles(folders);
    expect(results.length).toBeGreaterThan(100);
    const sinks = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId?.startsWith('no-unsanitized'))
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(sinks).toEqual([]);
  });
});
