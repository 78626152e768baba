/** A table of figures, already formatted: one string per cell. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

/** How a measured figure is compared with its limit. */
export type Comparison = '>=' | '<=' | '<';

/** One performance target of a feature, e.g. "throughput ratio ≥ 0.5". */
export interface Target {
  name: string;
  measured: number;
  comparison: Comparison;
  limit: number;
  /** Shown after the numbers, e.g. `MB` or `×`. */
  unit: string;
  /** Decimals shown (default 2): a ratio near its limit needs three. */
  decimals?: number;
}

/** A target: a ratio (`×`) shows three decimals to say which side of its limit it is on, a count none. */
export const target = (
  name: string,
  measured: number,
  comparison: Comparison,
  limit: number,
  unit = '',
): Target => ({ name, measured, comparison, limit, unit, decimals: unit === '×' ? 3 : unit ? 1 : 0 });

/** What a benchmark's `run()` returns: its tables, its targets and a few notes worth printing. */
export interface BenchReport {
  title: string;
  tables: Table[];
  targets: Target[];
  notes: string[];
}

/** A benchmark module, as `bench/run.ts` loads it. */
export interface BenchModule {
  run(): Promise<BenchReport>;
}

/** Whether a target is met: the comparison holds (NaN never meets anything). */
export function met(target: Target): boolean {
  const { measured, limit } = target;
  if (Number.isNaN(measured)) return false;
  if (target.comparison === '>=') return measured >= limit;
  if (target.comparison === '<=') return measured <= limit;
  return measured < limit;
}

/** A number with a fixed count of decimals, or `n/a` for NaN and infinities. */
export function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
}

/** Bytes as mebibytes with one decimal. */
export const mebibytes = (bytes: number) => bytes / (1024 * 1024);

/** Renders a table as aligned plain text (first column left-aligned, the others right-aligned). */
export function formatTable(table: Omit<Table, 'title'>): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

/** The rows of a targets table: name, measured, limit, PASS or MISS. */
export function targetRows(targets: Target[]): string[][] {
  return targets.map((t) => [
    t.name,
    `${fixed(t.measured, t.decimals ?? 2)} ${t.unit}`.trim(),
    `${t.comparison} ${fixed(t.limit, t.decimals ?? 2)} ${t.unit}`.trim(),
    met(t) ? 'PASS' : 'MISS',
  ]);
}
