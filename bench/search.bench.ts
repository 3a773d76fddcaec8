/**
 * `npm run bench`: this search engine against plain fuse.js over the same synthetic quotes.
 *
 *   npm run bench                                  table, sizes 1e4 1e5 1e6 (baseline up to 1e5)
 *   npm run --silent bench -- --json               only {"runs":[...]} on stdout
 *   npm run bench -- --sizes 1e4,1e5 --queries 100 --baseline-max 1e4 --baseline-queries 20
 *
 * Plain fuse.js costs seconds per query here (bitap over every quote, title and speaker), so to fit the 15-minute
 * budget the baseline runs the first clamp(3e5 / size, 10, queries) queries of the same set (30 at 1e4, 10 at
 * 1e5); the table also prints this engine's recall on exactly that subset for a like-for-like comparison.
 *
 * For each size: build_ms (index build, corpus already in memory), p50_ms / p99_ms (one query, results included),
 * heap_mb (growth of the JS heap plus external memory such as typed-array buffers, after gc), recall_at_3 (the target quote among the first three results).
 * Needs `--expose-gc` (the npm script passes it) for heap figures.
 */
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { createSearchEngine } from '../src/search/index.ts';
import type { SearchEngine } from '../src/search/types.ts';
import type { Corpus } from '../src/types.ts';
import { type BenchQuery, synthCorpus, synthQueries } from './synth.ts';

interface Run {
  engine: 'newsroom' | 'fuse-baseline';
  quotes: number;
  build_ms: number;
  p50_ms: number;
  p99_ms: number;
  heap_mb: number;
  recall_at_3: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
const sizes = (arg('sizes') ?? '1e4,1e5,1e6').split(',').map((s) => Math.round(Number(s)));
const nQueries = Number(arg('queries') ?? 200);
const baselineMax = Number(arg('baseline-max') ?? 1e5);
const baselineQueries = (size: number): number =>
  Number(arg('baseline-queries') ?? Math.max(10, Math.min(nQueries, Math.floor(3e5 / size))));
const log = (msg: string): void => {
  // Progress goes to stderr so `--json` keeps stdout machine-readable.
  process.stderr.write(`${msg}\n`);
};

const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap plus memory outside it (typed-array buffers hold the postings): what the index really costs. */
function heapNow(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function round(x: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function measure(
  queries: BenchQuery[],
  run: (q: BenchQuery) => boolean,
  warmup = 5,
): { p50: number; p99: number; recall: number } {
  // Warm-up so the JIT, not the first query, is measured.
  for (const q of queries.slice(0, warmup)) run(q);
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const hit = run(q);
    times.push(performance.now() - t0);
    if (hit) hits++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), recall: hits / queries.length };
}

/** This engine's recall@3 on the subset the baseline ran, keyed by size. */
const subsetRecall = new Map<number, { n: number; recall: number }>();

function benchNewsroom(corpus: Corpus, quotes: number, queries: BenchQuery[]): Run {
  const before = heapNow();
  const t0 = performance.now();
  let engine: SearchEngine | null = createSearchEngine(corpus);
  const build = performance.now() - t0;
  const heap = (heapNow() - before) / 1e6;
  const e = engine;
  const hit = (q: BenchQuery): boolean =>
    e
      .search(q.query, { limit: 3 })
      .results.some((r) => r.sources.some((s) => s.id === q.articleId && s.text === q.text));
  const m = measure(queries, hit);
  const subset = queries.slice(0, baselineQueries(quotes));
  subsetRecall.set(quotes, { n: subset.length, recall: subset.filter(hit).length / subset.length });
  engine = null;
  return {
    engine: 'newsroom',
    quotes,
    build_ms: round(build, 0),
    p50_ms: round(m.p50),
    p99_ms: round(m.p99),
    heap_mb: round(heap, 1),
    recall_at_3: round(m.recall, 3),
  };
}

interface FlatQuote {
  articleId: string;
  text: string;
  speaker: string;
  title: string;
  outlet: string;
}

function benchFuse(corpus: Corpus, quotes: number, queries: BenchQuery[]): Run {
  const before = heapNow();
  const t0 = performance.now();
  const items: FlatQuote[] = [];
  for (const a of corpus.articles) {
    for (const q of a.quotes) {
      items.push({
        articleId: a.id,
        text: q.text,
        speaker: q.speaker ?? '',
        title: a.title ?? '',
        outlet: a.outlet ?? '',
      });
    }
  }
  // "Set up sensibly": same keys and weights as the engine's re-rank, match anywhere in the text.
  const fuse = new Fuse(items, {
    keys: [
      { name: 'text', weight: 4 },
      { name: 'speaker', weight: 1.5 },
      { name: 'title', weight: 0.5 },
      { name: 'outlet', weight: 0.5 },
    ],
    ignoreLocation: true,
    ignoreFieldNorm: true,
    includeScore: true,
  });
  const build = performance.now() - t0;
  const heap = (heapNow() - before) / 1e6;
  // One warm-up query only: each costs seconds at 1e5.
  const m = measure(
    queries,
    (q) =>
      fuse
        .search(q.query, { limit: 3 })
        .some((r) => r.item.articleId === q.articleId && r.item.text === q.text),
    1,
  );
  return {
    engine: 'fuse-baseline',
    quotes,
    build_ms: round(build, 0),
    p50_ms: round(m.p50),
    p99_ms: round(m.p99),
    heap_mb: round(heap, 1),
    recall_at_3: round(m.recall, 3),
  };
}

const runs: Run[] = [];
const started = performance.now();
for (const size of sizes) {
  log(`generating ${size} quotes...`);
  const corpus = synthCorpus({ quotes: size, seed: 42 });
  const queries = synthQueries(corpus, nQueries, 7);
  log(`  newsroom @ ${size}`);
  runs.push(benchNewsroom(corpus, size, queries));
  log(`  ${JSON.stringify(runs[runs.length - 1])}`);
  if (size <= baselineMax) {
    log(`  fuse-baseline @ ${size}`);
    runs.push(benchFuse(corpus, size, queries.slice(0, baselineQueries(size))));
    log(`  ${JSON.stringify(runs[runs.length - 1])}`);
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify({ runs })}\n`);
} else {
  const cols = ['engine', 'quotes', 'build_ms', 'p50_ms', 'p99_ms', 'heap_mb', 'recall_at_3'] as const;
  const rows = [cols.map(String), ...runs.map((r) => cols.map((c) => String(r[c])))];
  const widths = cols.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(rows[0] as string[]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  for (const size of sizes) {
    const ours = runs.find((r) => r.engine === 'newsroom' && r.quotes === size);
    const base = runs.find((r) => r.engine === 'fuse-baseline' && r.quotes === size);
    const sub = subsetRecall.get(size);
    if (ours && base && ours.p50_ms > 0 && sub) {
      console.log(
        `${size}: p50 ${round(base.p50_ms / ours.p50_ms, 1)}x lower than plain fuse.js; on the baseline's ` +
          `${sub.n} queries recall_at_3 is ${round(sub.recall, 3)} here vs ${base.recall_at_3} for fuse.js`,
      );
    }
  }
  console.log(`total ${round((performance.now() - started) / 1000, 1)} s`);
}
