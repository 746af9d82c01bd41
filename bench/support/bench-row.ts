// One line of the benchmark table: a figure, the baseline measured in the same run (where one exists), their
// ratio, the target and whether it was met. Every benchmark returns these; the report prints and writes them.
export type Verdict = 'met' | 'missed' | '—';

export interface BenchRow {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: Verdict;
}

export function row(r: Partial<BenchRow> & Pick<BenchRow, 'benchmark' | 'figure'>): BenchRow {
  return { baseline: '—', ratio: '—', target: '—', verdict: '—', ...r };
}

export function verdict(met: boolean): Verdict {
  return met ? 'met' : 'missed';
}

/** 12,345 */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 1.23 ms (two decimals below 10 ms, one below 100, none above). */
export function ms(value: number): string {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ms`;
}

/** 123.4 MB (10^6 bytes). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The value at quantile q (0..1) of a list, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
