// The benchmark table: printed to the console and written to docs/BENCHMARKS.md with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { type BenchRow } from './bench-row';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  commit: string;
  /** One-minute load average when the run began: other work on the machine skews the figures. */
  load: number;
}

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
    if (changed) commit += ' with uncommitted changes';
  } catch {
    // Not a git checkout.
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    commit,
    load: loadavg()[0]!,
  };
}

export function printTable(rows: BenchRow[]): void {
  console.table(
    rows.map((r) => ({
      benchmark: r.benchmark,
      figure: r.figure,
      baseline: r.baseline,
      ratio: r.ratio,
      target: r.target,
      '': r.verdict,
    })),
  );
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function markdown(rows: BenchRow[], m: Machine, notes: string[]): string {
  const missed = rows.filter((r) => r.verdict === 'missed');
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; do not edit by hand. Each figure is measured in the run that wrote this file,',
    'with its baseline (where one exists) measured in the same run, on the same machine and broker.',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb.toFixed(1)} GiB memory, ${m.platform}, Node ${m.node}.`,
    `Run: ${m.date}, commit ${m.commit}, load average ${m.load.toFixed(2)} when it began.`,
    'Ratio: figure ÷ baseline.',
    '',
    '| benchmark | figure | baseline | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.benchmark)} | ${cell(r.figure)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${r.verdict} |`,
    ),
    '',
    missed.length === 0
      ? 'Every target was met.'
      : `Missed: ${missed.map((r) => `${r.benchmark} (${r.figure}; target ${r.target})`).join('; ')}.`,
    '',
    ...(notes.length ? ['## How each was measured', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

export function writeReport(file: string, rows: BenchRow[], m: Machine, notes: string[]): void {
  writeFileSync(file, markdown(rows, m, notes));
}
