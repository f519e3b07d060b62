/**
 * The folders that hold product code, read from the tree: every top-level folder with TypeScript in
 * it, except the ones named here (tests, measurement and tooling). A new folder is product code,
 * and so covered by the architecture tests, without anyone remembering to list it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Top-level folders that are not product code, each with the reason. */
export const NOT_PRODUCT: Record<string, string> = {
  test: 'the tests themselves (they build hostile DOMs on purpose)',
  bench: 'the benchmark harness, run from Node against a built extension',
  scripts: 'developer tools (bench comparisons, CI summary)',
  docs: 'prose',
  public: 'static files copied into the build',
  node_modules: 'dependencies',
};

const isSource = (name: string) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

function hasSource(dir: string): boolean {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && isSource(e.name)) return true;
    if (e.isDirectory() && hasSource(join(dir, e.name))) return true;
  }
  return false;
}

/** Product folders under `root` (the repository), sorted. */
export function productFolders(root = process.cwd()): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !(e.name in NOT_PRODUCT))
    .map((e) => e.name)
    .filter((name) => hasSource(join(root, name)))
    .sort();
}

/** Every TypeScript source file below the given folders, as paths relative to `root`. */
export function sourceFiles(folders: string[], root = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && isSource(e.name)) out.push(path);
    }
  };
  folders.forEach(walk);
  return out.sort();
}
