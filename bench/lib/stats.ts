/** Median and spread of samples, budgets (absolute, or a ratio to a floor of the same run), and the table `npm run bench` prints. */

/**
 * A budget: an absolute limit, or at most `factor` times the median of another figure of the same
 * run (its floor: the least the same work can cost on this machine at this moment).
 */
export type Budget = { limit: number; atMost: boolean } | { factor: number; floorKey: string };

export interface Figure {
  /** Key in the JSON output. */
  key: string;
  median: number | null;
  /** min and max of the timed runs (after warm-up). */
  min: number | null;
  max: number | null;
  runs: number;
  unit: 'ms' | 'cases/s' | 'bytes';
  /** Budget and which side of it passes; absent when the metric is informational. */
  budget?: Budget;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function figure(
  key: string,
  samples: number[] | null,
  unit: Figure['unit'],
  budget?: Budget,
  note?: string,
): Figure {
  if (!samples || samples.length === 0) return { key, median: null, min: null, max: null, runs: 0, unit, budget, note };
  return {
    key,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
    unit,
    budget,
    note,
  };
}

/** The floor figure a ratio budget is measured against, if it has one. */
export function floorOf(f: Figure, all: Figure[]): Figure | undefined {
  const b = f.budget;
  return b && 'floorKey' in b ? all.find((x) => x.key === b.floorKey) : undefined;
}

/** The budget's limit in the figure's unit (for a ratio: factor × the floor's median), or null. */
export function limitOf(f: Figure, all: Figure[]): number | null {
  if (!f.budget) return null;
  if ('limit' in f.budget) return f.budget.limit;
  const floor = floorOf(f, all)?.median;
  return floor === undefined || floor === null ? null : f.budget.factor * floor;
}

/** median ÷ floor median, for figures with a ratio budget. */
export function ratioOf(f: Figure, all: Figure[]): number | null {
  const floor = floorOf(f, all)?.median;
  return f.median === null || !floor ? null : f.median / floor;
}

export function verdict(f: Figure, all: Figure[]): 'ok' | 'missed' | 'n/a' | '' {
  if (!f.budget) return '';
  const limit = limitOf(f, all);
  if (f.median === null || limit === null) return 'n/a';
  const atMost = 'atMost' in f.budget ? f.budget.atMost : true;
  return (atMost ? f.median <= limit : f.median >= limit) ? 'ok' : 'missed';
}

/** How the budget reads in the table: "≤ 30.00 ms", "≥ 200 cases/s", "≤ 1.25 × popupFloorMs". */
export function budgetText(f: Figure): string {
  if (!f.budget) return '';
  if ('factor' in f.budget) return `≤ ${f.budget.factor} × ${f.budget.floorKey}`;
  return `${f.budget.atMost ? '≤' : '≥'} ${fmt(f.budget.limit, f.unit)} ${f.unit}`;
}

const fmt = (v: number | null, unit: Figure['unit']) =>
  v === null ? '–' : unit === 'bytes' ? `${Math.round(v)}` : v >= 100 ? v.toFixed(0) : v.toFixed(2);

export function table(figures: Figure[]): string {
  const rows = [
    ['metric', 'median', 'spread (min–max)', 'runs', 'floor (same run)', 'ratio', 'budget', 'limit', 'result'],
  ];
  for (const f of figures) {
    const floor = floorOf(f, figures);
    const ratio = ratioOf(f, figures);
    const limit = limitOf(f, figures);
    rows.push([
      f.key,
      `${fmt(f.median, f.unit)} ${f.unit}`,
      f.runs > 1 ? `${fmt(f.min, f.unit)}–${fmt(f.max, f.unit)}` : '',
      String(f.runs),
      floor ? `${fmt(floor.median, floor.unit)} ${floor.unit}` : '',
      ratio === null ? '' : `${ratio.toFixed(2)}×`,
      budgetText(f),
      f.budget && limit !== null ? `${fmt(limit, f.unit)} ${f.unit}` : '',
      verdict(f, figures),
    ]);
  }
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i]!))
      .join(' | ')
      .trimEnd();
  return [line(rows[0]!), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}
