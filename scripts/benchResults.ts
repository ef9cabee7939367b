import { mkdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A target a figure is held to: at most, or at least, this value. */
export interface Target {
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** One row of the benchmark table. */
export interface Figure {
  readonly bench: string;
  readonly figure: string;
  readonly value: number;
  readonly unit: 'ms' | 'req/s' | 'cases/s' | 'MB' | 'KB' | '×';
  readonly target?: Target;
  /** The peer or baseline measured in the same run, and its value in the same unit. */
  readonly baseline?: { readonly label: string; readonly value: number };
}

const figures: Figure[] = [];
let current = '';

/** The benchmark whose figures are being recorded. */
export function benchmark(name: string): void {
  current = name;
}

export function record(figure: Omit<Figure, 'bench'>): void {
  figures.push({ bench: current, ...figure });
}

export function recorded(): readonly Figure[] {
  return figures;
}

/** Whether a figure met its target; undefined for a figure without one. */
export function met(figure: Figure): boolean | undefined {
  const { target, value } = figure;
  if (!target) {
    return undefined;
  }
  return (
    (target.atMost === undefined || value <= target.atMost) && (target.atLeast === undefined || value >= target.atLeast)
  );
}

function amount(value: number, unit: Figure['unit']): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function targetText(figure: Figure): string {
  const { target, unit } = figure;
  if (!target) {
    return '';
  }
  return [
    target.atMost !== undefined ? `≤ ${amount(target.atMost, unit)}` : '',
    target.atLeast !== undefined ? `≥ ${amount(target.atLeast, unit)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The table as Markdown, for the terminal and the README alike: figure, value, target, baseline, ratio. */
export function table(rows: readonly Figure[]): string {
  const lines = [
    '| benchmark | figure | value | target | baseline (same run) | ratio |',
    '| --- | --- | ---: | --- | --- | ---: |',
  ];
  for (const f of rows) {
    const verdict = met(f);
    const value = `${amount(f.value, f.unit)}${verdict === false ? ' (missed)' : ''}`;
    const baseline = f.baseline ? `${f.baseline.label}: ${amount(f.baseline.value, f.unit)}` : '';
    const r = f.baseline && f.baseline.value > 0 ? f.value / f.baseline.value : undefined;
    // Two significant digits below 0.01, so that a ratio never reads as nothing.
    const ratio = r === undefined ? '' : `${r >= 0.01 ? r.toFixed(2) : r.toPrecision(2)}×`;
    lines.push(`| ${f.bench} | ${f.figure} | ${value} | ${targetText(f)} | ${baseline} | ${ratio} |`);
  }
  return lines.join('\n');
}

/** The machine a run was made on: a figure means little without it. */
export function machine(): { cores: number; cpu: string; memoryGB: number; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Writes bench/results.json: the machine, when, and every figure. */
export function writeResults(root: string, rows: readonly Figure[]): string {
  const file = path.join(root, 'bench', 'results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), figures: rows.map((f) => ({ ...f, met: met(f) })) }, null, 2)}\n`,
  );
  return file;
}
