/** Median and spread of samples, and the table `npm run bench` prints. */

export interface Figure {
  /** Key in the JSON output (issue 6 names them). */
  key: string;
  median: number | null;
  /** min and max of the timed runs (after warm-up). */
  min: number | null;
  max: number | null;
  runs: number;
  unit: 'ms' | 'cases/s' | 'bytes';
  /** Budget and which side of it passes; absent when the metric is informational. */
  budget?: { limit: number; atMost: boolean };
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
  budget?: Figure['budget'],
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

export function verdict(f: Figure): 'ok' | 'MISSED' | 'n/a' | '' {
  if (!f.budget) return '';
  if (f.median === null) return 'n/a';
  return (f.budget.atMost ? f.median <= f.budget.limit : f.median >= f.budget.limit) ? 'ok' : 'MISSED';
}

const fmt = (v: number | null, unit: Figure['unit']) =>
  v === null ? '–' : unit === 'bytes' ? `${Math.round(v)}` : v >= 100 ? v.toFixed(0) : v.toFixed(2);

export function table(figures: Figure[]): string {
  const rows = [['metric', 'median', 'spread (min–max)', 'runs', 'budget', 'result']];
  for (const f of figures) {
    const b = f.budget ? `${f.budget.atMost ? '≤' : '≥'} ${fmt(f.budget.limit, f.unit)} ${f.unit}` : '';
    rows.push([
      f.key,
      `${fmt(f.median, f.unit)} ${f.unit}`,
      f.runs > 1 ? `${fmt(f.min, f.unit)}–${fmt(f.max, f.unit)}` : '',
      String(f.runs),
      b,
      verdict(f),
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
