/**
 * `npm run bench [name…]`: runs every benchmark in order (or those whose name contains one of the arguments),
 * prints each one's tables, then one summary of every target with PASS or MISS. A missed target is a measurement,
 * not a failure: the exit code is 0 unless a benchmark could not run at all.
 *
 * To add a benchmark: write `bench/<name>.bench.ts` exporting `run(): Promise<BenchReport>`, and add one line below.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type BenchModule, type BenchReport, formatTable, mebibytes, targetRows } from './support/report.js';

const BENCHMARKS: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'slash-commands', load: () => import('./slash-commands.bench.js') },
  { name: 'production-rss', load: () => import('./production-rss.bench.js') },
  { name: 'standup-digest', load: () => import('./standup-digest.bench.js') },
  { name: 'standup-burst', load: () => import('./standup-burst.bench.js') },
  { name: 'session-reminders', load: () => import('./session-reminders.bench.js') },
  { name: 'mattermost-commands', load: () => import('./mattermost-commands.bench.js') },
  { name: 'bulle-matching', load: () => import('./bulle-matching.bench.js') },
  { name: 'announcement-fanout', load: () => import('./announcement-fanout.bench.js') },
  { name: 'announcement-failover', load: () => import('./announcement-failover.bench.js') },
  { name: 'announcement-kills', load: () => import('./announcement-kills.bench.js') },
  { name: 'scale-out', load: () => import('./scale-out.bench.js') },
  { name: 'matrix', load: () => import('./matrix.bench.js') },
  { name: 'pages-tableau', load: () => import('./pages-tableau.bench.js') },
];

const out = (text = '') => process.stdout.write(`${text}\n`);

function print(report: BenchReport, seconds: number): void {
  out(`## ${report.title} (${seconds.toFixed(0)} s)`);
  for (const table of report.tables) {
    out();
    out(`${table.title}:`);
    out(formatTable(table));
  }
  out();
  out('Targets:');
  out(formatTable({ columns: ['target', 'measured', 'limit', 'verdict'], rows: targetRows(report.targets) }));
  if (report.notes.length) out();
  for (const note of report.notes) out(`- ${note}`);
  out();
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = BENCHMARKS.filter((b) => !filters.length || filters.some((f) => b.name.includes(f)));
  out(
    `Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${mebibytes(totalmem()).toFixed(0)} MiB RAM, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ` +
      new Date().toISOString(),
  );
  out();
  const summary: string[][] = [];
  let crashed = 0;
  for (const bench of selected) {
    process.stderr.write(`running ${bench.name}…\n`);
    const started = performance.now();
    try {
      const report = await (await bench.load()).run();
      print(report, (performance.now() - started) / 1000);
      summary.push(...targetRows(report.targets).map((row) => [bench.name, ...row]));
    } catch (error) {
      crashed += 1;
      out(`## ${bench.name}: could not run`);
      out(error instanceof Error ? (error.stack ?? error.message) : String(error));
      out();
      summary.push([bench.name, '(benchmark failed to run)', '', '', 'ERROR']);
    }
  }
  out('## Summary');
  out(formatTable({ columns: ['benchmark', 'target', 'measured', 'limit', 'verdict'], rows: summary }));
  const missed = summary.filter((row) => row[4] === 'MISS').length;
  out();
  out(`${summary.length - missed - crashed} PASS, ${missed} MISS, ${crashed} ERROR`);
  // Misses are results to read, not failures; a benchmark that could not run is one.
  process.exitCode = crashed ? 1 : 0;
}

await main();
