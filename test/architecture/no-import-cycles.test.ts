/**
 * No import cycles in product code, type-only imports included: a cycle of types means a type
 * lives in the wrong file (move it to the module both sides depend on).
 */
import { describe, expect, it } from 'vitest';
import { cycles, graphOf, importGraph, specifiersOf } from './import-graph';
import { productFolders, sourceFiles } from './product-folders';

describe('the import-graph walker', () => {
  it('reads value, type-only, re-export and dynamic imports', () => {
    const src = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "const e = await import('./e');",
      "import 'zod';",
    ].join('\n');
    expect(specifiersOf(src)).toEqual(['./a', '../b', './c', './d', './e', 'zod']);
  });

  it('finds a type-only cycle through three files, and a file importing itself', () => {
    const graph = graphOf(
      new Map([
        ['x/a.ts', "import type { B } from './b';"],
        ['x/b.ts', "import { c } from '../y/c';"],
        ['y/c.ts', "export type { A } from '../x/a';"],
        ['y/d.ts', "import { c } from './c';\nimport { d } from './d';"],
        ['y/index.ts', "import { d } from './d';"],
        ['z.ts', "import { d } from './y';"],
      ]),
    );
    expect(graph.get('z.ts')).toEqual(['y/index.ts']);
    expect(cycles(graph)).toEqual([['x/a.ts', 'x/b.ts', 'y/c.ts'], ['y/d.ts']]);
  });

  it('finds none in an acyclic graph', () => {
    const graph = graphOf(
      new Map([
        ['a.ts', "import { b } from './b';\nimport { c } from './c';"],
        ['b.ts', "import { c } from './c';"],
        ['c.ts', "import { z } from 'zod';"],
      ]),
    );
    expect(cycles(graph)).toEqual([]);
  });
});

describe('product code', () => {
  it('has no import cycle', () => {
    const files = sourceFiles(productFolders());
    expect(files.length).toBeGreaterThan(100);
    expect(cycles(importGraph(files))).toEqual([]);
  });
});
