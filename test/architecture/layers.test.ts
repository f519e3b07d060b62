/**
 * The layers imports may run along. domain/ is the bottom: it imports nothing from the rest of
 * the product except the platform descriptors, which are plain data kept beside their extractors
 * (extract/README.md says why) and import nothing at all but each other: no zod, no DOM code, no
 * package, so the injected capture script and the schemas can both read them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importGraph, specifiersOf } from './import-graph';
import { productFolders, sourceFiles } from './product-folders';

const DESCRIPTORS = /^extract\/platforms\/(descriptor|platforms|[\w-]+\.descriptor)\.ts$/;

describe('layers', () => {
  const files = sourceFiles(productFolders());
  const graph = importGraph(files);

  it('domain/ imports only domain/ and the platform descriptors', () => {
    const upward = files
      .filter((f) => f.startsWith('domain/'))
      .flatMap((f) =>
        (graph.get(f) ?? []).filter((d) => !d.startsWith('domain/') && !DESCRIPTORS.test(d)).map((d) => `${f} → ${d}`),
      );
    expect(upward).toEqual([]);
  });

  it('the platform descriptors import only each other (no package, no other module)', () => {
    const descriptors = files.filter((f) => DESCRIPTORS.test(f));
    expect(descriptors.length).toBeGreaterThan(2);
    const outside = descriptors.flatMap((f) => {
      const specs = specifiersOf(readFileSync(f, 'utf8'));
      const local = graph.get(f) ?? [];
      return [
        ...specs.filter((s) => !s.startsWith('.')).map((s) => `${f} → package ${s}`),
        ...local.filter((d) => !DESCRIPTORS.test(d)).map((d) => `${f} → ${d}`),
      ];
    });
    expect(outside).toEqual([]);
  });
});
