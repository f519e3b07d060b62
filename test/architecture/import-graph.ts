/**
 * The import graph of the TypeScript sources, and the cycles in it. Type-only imports count: a
 * cycle of types says a type lives in the wrong file, even though the bundler drops it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/** File → the project files it imports (relative specifiers only; packages are not edges). */
export type ImportGraph = Map<string, string[]>;

/** The module specifiers a source text imports or re-exports, `import type` and `import()` included. */
export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** A relative specifier resolved against the importing file, or null when it names no source file. */
export function resolve(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = normalize(join(dirname(from), specifier));
  for (const ext of CANDIDATES) {
    const path = base + ext;
    if (/\.tsx?$/.test(path) && exists(path)) return path;
  }
  return null;
}

/** The graph of `files` (paths relative to `root`), read from disk. */
export function importGraph(files: string[], root = process.cwd()): ImportGraph {
  const known = new Set(files);
  const exists = (p: string) => known.has(p) || existsSync(join(root, p));
  return graphOf(new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')])), exists);
}

/** The graph of in-memory sources (file → text); used by the tests of this walker. */
export function graphOf(
  sources: Map<string, string>,
  exists: (p: string) => boolean = (p) => sources.has(p),
): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [file, text] of sources) {
    const deps = specifiersOf(text)
      .map((s) => resolve(file, s, exists))
      .filter((p): p is string => p !== null && sources.has(p));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/**
 * Every cycle, as the files of one strongly connected component (Tarjan's algorithm), each
 * listed in a stable order; a file importing itself is a cycle of one.
 */
export function cycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
