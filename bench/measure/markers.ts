/**
 * markerScanMsPer100Posts: the on-page markers' cost per 100 posts scanned. The markers (issue 5)
 * come from the workflow branch; until markers/ is in this tree the figure is null, with a note.
 */
import { existsSync } from 'node:fs';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/stats';

export async function measureMarkers(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync('markers/run-in-page.ts')) {
    ctx.notes.push('markers: not in this tree yet (markers/ comes with the workflow branch) — markerScanMsPer100Posts is null');
  }
  return [figure('markerScanMsPer100Posts', null, 'ms')];
}
