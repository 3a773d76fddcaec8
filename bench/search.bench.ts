/**
 * `npm run bench`: this search engine against the libraries a user would pick instead (FlexSearch, MiniSearch;
 * set-up in bench/peers.ts) and plain fuse.js, over the same items and queries, in one process.
 *
 *   npm run bench                                  table + ratios: synthetic 1e4 1e5 1e6, then the news workload
 *   npm run --silent bench -- --json               only {"runs":[...]} on stdout
 *   npm run bench -- --sizes 1e4,1e5 --queries 100 --baseline-max 1e4 --baseline-queries 20
 *   npm run bench -- --news 1e5 --checks 200       size of the generated news corpus (0: skip), quote checks
 *   npm run bench -- --real DIR                    the news workload over a real folder too (never committed)
 *   npm run bench -- --engines newsroom,flexsearch only these engines
 *   npm run bench -- --settle none                 no young-generation collection before each timed query
 *   npm run bench -- --in-process                  every workload in this one process (by default each synthetic
 *                                                  size, the news corpus and a real folder get a fresh process)
 *
 * Engines are interleaved query by query (the first engine rotates with the query), so the machine's noise hits
 * all alike; the ratios printed are each peer's figure over this engine's. They share one heap, as no bot would: a
 * query would pay for collecting the garbage the engine before it left (MiniSearch leaves megabytes a query). So,
 * for every engine alike, the young generation is collected before each timed query, outside its time (--settle
 * minor, the default; `--settle none` leaves it, as runs before this option did).
 *
 * For each engine and size: build_ms (index build, corpus already in memory), p50_ms / p99_ms (one query; for
 * this engine results included: context sentences, sources), heap_mb (growth of the JS heap plus external memory
 * such as typed-array buffers, after gc, from that engine's build), recall_at_1 / recall_at_3 (the target quote,
 * or the same words printed elsewhere, first / among the first three). Needs `--expose-gc` (the npm script passes it).
 *
 * Plain fuse.js costs seconds per query here (bitap over every quote, title and speaker), so to fit the 15-minute
 * budget it runs the first clamp(3e5 / size, 10, queries) queries of the same set (30 at 1e4, 10 at 1e5); the
 * footer prints this engine's recall on exactly that subset.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus.ts';
import { buildIndex } from '../src/search/build.ts';
import { type BackgroundWork, backgroundWork, engineOver } from '../src/search/index.ts';
import type { SearchEngine } from '../src/search/types.ts';
import type { Corpus } from '../src/types.ts';
import { heapNow, percentile } from './measure.ts';
import { newsCorpus } from './news.ts';
import { buildFlex, buildFuse, buildMini, type FlatItem, type FlexEncoder, flatItems } from './peers.ts';
import { synthCorpus, synthQueries } from './synth.ts';
import { quoteChecks, reporterQueries } from './workload.ts';

interface Run {
  engine: string;
  quotes: number;
  build_ms: number;
  p50_ms: number;
  p99_ms: number;
  heap_mb: number;
  recall_at_3: number;
  recall_at_1: number;
  /** synthetic (the original query set), news (generated news corpus) or real (a folder). */
  workload: string;
  queries: number;
  /**
   * This engine: milliseconds of work in the background after build_ms (not in it): the phrase text, then the
   * warm-up questions (src/search/index.ts). The queries start once it is done.
   */
  background_ms?: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
const sizes = (arg('sizes') ?? '1e4,1e5,1e6')
  .split(',')
  .filter(Boolean)
  .map((s) => Math.round(Number(s)));
const nQueries = Number(arg('queries') ?? 200);
const nChecks = Number(arg('checks') ?? 200);
const newsSize = Math.round(Number(arg('news') ?? 1e5));
const realDir = arg('real');
const baselineMax = Number(arg('baseline-max') ?? 1e5);
const flexEncoder = (arg('flex-encoder') ?? 'LatinBalance') as FlexEncoder;
const only = arg('engines')?.split(',');
const settle = arg('settle') ?? 'minor';
if (settle !== 'minor' && settle !== 'none') throw new Error('--settle is minor or none');
const baselineQueries = (size: number): number =>
  Number(arg('baseline-queries') ?? Math.max(10, Math.min(nQueries, Math.floor(3e5 / size))));
const log = (msg: string): void => {
  // Progress goes to stderr so `--json` keeps stdout machine-readable.
  process.stderr.write(`${msg}\n`);
};

const exposedGc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
if (!exposedGc) throw new Error('run with --expose-gc (npm run bench passes it)');
const gc = exposedGc;

function round(x: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** A query with the quote it looks for. */
interface Target {
  query: string;
  articleId: string;
  text: string;
}

/** One engine under test: answers a query with the rank of the target (-1: not in the first three). */
interface Contender {
  name: string;
  build_ms: number;
  heap_mb: number;
  /** How many of the queries it runs (plain fuse.js: a prefix). */
  budget: number;
  rank(t: Target): number;
  background_ms?: number;
}

/**
 * This engine over a corpus, once its background work is done (the phrase text for questions of common words
 * only, then warm-up questions, a few milliseconds at a time after the engine is returned, as a bot does it between
 * questions; its cost is reported apart from build_ms).
 */
async function newsroomEngine(
  corpus: Corpus,
): Promise<{ engine: SearchEngine; build: number; work: BackgroundWork }> {
  const t0 = performance.now();
  const index = buildIndex(corpus);
  const engine = engineOver(corpus, index);
  const build = performance.now() - t0;
  // Its timers keep nothing alive: this does, meanwhile.
  const alive = setInterval(() => {}, 1000);
  const work = (await backgroundWork(index)) ?? { phraseMs: 0, warmMs: 0 };
  clearInterval(alive);
  return { engine, build, work };
}

async function built(
  name: string,
  budget: number,
  make: () => Promise<{ rank: (t: Target) => number; build?: number; work?: BackgroundWork }>,
): Promise<Contender> {
  const before = await heapNow();
  const t0 = performance.now();
  const made = await make();
  const build = made.build ?? performance.now() - t0;
  const heap = ((await heapNow()) - before) / 1e6;
  const work = made.work;
  const then = work
    ? `, then in the background ${round(work.phraseMs, 0)} ms phrase text + ${round(work.warmMs, 0)} ms warm-up`
    : '';
  log(`  built ${name}: ${round(build, 0)} ms${then}, ${round(heap, 1)} MB`);
  return {
    name,
    build_ms: round(build, 0),
    heap_mb: round(heap, 1),
    budget,
    rank: made.rank,
    ...(work ? { background_ms: round(work.phraseMs + work.warmMs, 0) } : {}),
  };
}

async function contenders(corpus: Corpus, n: number, baseline: number): Promise<Contender[]> {
  const want = (name: string): boolean => !only || only.includes(name);
  const out: Contender[] = [];
  if (want('newsroom'))
    out.push(
      await built('newsroom', n, async () => {
        const { engine, build, work } = await newsroomEngine(corpus);
        const rank = (t: Target): number =>
          engine
            .search(t.query, { limit: 3 })
            .results.findIndex((r) => r.sources.some((s) => s.id === t.articleId && s.text === t.text));
        return { rank, build, work };
      }),
    );
  let items: FlatItem[] | null = null;
  const peer = async (
    name: string,
    budget: number,
    make: (items: FlatItem[]) => (q: string) => number[],
  ): Promise<void> => {
    if (!want(name) || budget <= 0) return;
    items ??= flatItems(corpus);
    const list = items;
    out.push(
      await built(name, budget, async () => {
        const search = make(list);
        // The same words printed in another article count: this engine shows them as one result.
        return {
          rank: (t: Target) => search(t.query).findIndex((id) => (list[id] as FlatItem).text === t.text),
        };
      }),
    );
  };
  await peer('flexsearch', n, (items) => {
    const p = buildFlex(items, flexEncoder);
    return (q) => p.search(q, 3);
  });
  await peer('minisearch', n, (items) => {
    const p = buildMini(items);
    return (q) => p.search(q, 3);
  });
  await peer('fuse-baseline', baseline, (items) => {
    const p = buildFuse(items);
    return (q) => p.search(q, 3);
  });
  return out;
}

/** Runs every query on every engine, interleaved; one Run per engine. */
/** Unmeasured questions every engine answers before the race (other questions of the same kinds). */
const WARM_UP = 50;

function race(
  engines: Contender[],
  targets: Target[],
  quotes: number,
  workload: string,
  warm: Target[],
): Run[] {
  const times = engines.map(() => [] as number[]);
  const ranks = engines.map(() => [] as number[]);
  // Warm-up so the JIT, not the first queries, is measured: every engine answers the same WARM_UP questions, not
  // among those measured (one only for plain fuse.js: seconds each). This engine has also warmed itself up in the
  // background (src/search/index.ts), as the bot does; the peers get these instead.
  for (const e of engines) for (const t of warm.slice(0, e.name === 'fuse-baseline' ? 1 : WARM_UP)) e.rank(t);
  for (let qi = 0; qi < targets.length; qi++) {
    const t = targets[qi] as Target;
    for (let k = 0; k < engines.length; k++) {
      const e = (qi + k) % engines.length;
      const engine = engines[e] as Contender;
      if (qi >= engine.budget) continue;
      if (settle === 'minor') gc({ type: 'minor' });
      const t0 = performance.now();
      const rank = engine.rank(t);
      (times[e] as number[]).push(performance.now() - t0);
      (ranks[e] as number[]).push(rank);
    }
    if (qi % 50 === 49) log(`    ${qi + 1} queries`);
  }
  return engines.map((e, k) => {
    const ts = (times[k] as number[]).sort((a, b) => a - b);
    const rs = ranks[k] as number[];
    return {
      engine: e.name,
      quotes,
      build_ms: e.build_ms,
      p50_ms: round(percentile(ts, 50)),
      p99_ms: round(percentile(ts, 99)),
      heap_mb: e.heap_mb,
      recall_at_3: round(rs.filter((r) => r >= 0 && r < 3).length / rs.length, 3),
      recall_at_1: round(rs.filter((r) => r === 0).length / rs.length, 3),
      workload,
      queries: rs.length,
      ...(e.background_ms === undefined ? {} : { background_ms: e.background_ms }),
    };
  });
}

/** This engine's recall@3 on the subset plain fuse.js ran, keyed by workload and size. */
const subsetRecall = new Map<string, { n: number; recall: number }>();
const runs: Run[] = [];
const started = performance.now();

/**
 * Each workload (a synthetic size, the news corpus, a real folder) runs in a fresh process of its own unless
 * `--in-process`: a million quotes leave a heap of gigabytes and a JIT shaped by them, which the news workload's
 * 20 ms tail should not inherit. The children print JSON; this process merges their runs in order.
 */
const parts: string[][] = [
  ...sizes.map((s) => ['--sizes', String(s), '--news', '0']),
  ...(newsSize > 0 ? [['--sizes', ',', '--news', String(newsSize)]] : []),
  ...(realDir ? [['--sizes', ',', '--news', '0', '--real', realDir]] : []),
];
const inProcess = process.argv.includes('--in-process') || parts.length <= 1;
if (!inProcess) {
  const own = ['sizes', 'news', 'real'];
  const passed: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (own.includes(a.replace(/^--/, ''))) i++;
    else if (a !== '--json') passed.push(a);
  }
  for (const part of parts) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, ...passed, ...part, '--json', '--in-process'],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`bench part ${part.join(' ')} failed (exit ${child.status})`);
    const out = JSON.parse(child.stdout) as {
      runs: Run[];
      subset?: [string, { n: number; recall: number }][];
    };
    runs.push(...out.runs);
    for (const [k, v] of out.subset ?? []) subsetRecall.set(k, v);
  }
}

for (const size of inProcess ? sizes : []) {
  log(`synthetic: generating ${size} quotes...`);
  const corpus = synthCorpus({ quotes: size, seed: 42 });
  const queries = synthQueries(corpus, nQueries, 7);
  const baseline = size <= baselineMax ? baselineQueries(size) : 0;
  const engines = await contenders(corpus, queries.length, baseline);
  const results = race(engines, queries, size, 'synthetic', synthQueries(corpus, WARM_UP, 8));
  runs.push(...results);
  if (baseline > 0) {
    const ours = engines.find((e) => e.name === 'newsroom');
    if (ours) {
      const sub = queries.slice(0, baseline);
      subsetRecall.set(`synthetic ${size}`, {
        n: sub.length,
        recall:
          sub.filter((t) => {
            const r = ours.rank(t);
            return r >= 0 && r < 3;
          }).length / sub.length,
      });
    }
  }
  for (const r of results) log(`  ${JSON.stringify(r)}`);
}

/** The real-text workload: reporters' questions (race of all engines) and quote checks (this engine). */
async function workload(name: string, corpus: Corpus): Promise<void> {
  const quotes = corpus.articles.reduce((n, a) => n + a.quotes.length, 0);
  const queries = reporterQueries(corpus, nQueries);
  const engines = await contenders(corpus, queries.length, 0);
  const results = race(engines, queries, quotes, name, reporterQueries(corpus, WARM_UP, 12));
  runs.push(...results);
  for (const r of results) log(`  ${JSON.stringify(r)}`);
  // The peers have no quote check: their indexes are let go before the checks (as between sizes), so the checks
  // do not pay for collecting them.
  engines.length = 0;
  await heapNow();
  if (nChecks <= 0 || (only && !only.includes('newsroom'))) return;
  const checks = quoteChecks(corpus, nChecks);
  const { engine } = await newsroomEngine(corpus);
  // The bot builds its index on a worker thread: the build's garbage is not the answering thread's to collect, so
  // it is collected here before the checks are timed (as between sizes), not in the middle of them.
  await heapNow();
  for (const c of checks.slice(0, 5)) engine.verify(c.text);
  const times: number[] = [];
  let right = 0;
  for (const c of checks) {
    const t0 = performance.now();
    const v = engine.verify(c.text).verdict;
    times.push(performance.now() - t0);
    if (v === c.expect || (c.kind === 'changed' && v === 'exact')) right++;
  }
  times.sort((a, b) => a - b);
  const run: Run = {
    engine: 'newsroom verify',
    quotes,
    build_ms: 0,
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    heap_mb: 0,
    // For quote checks: the share of right verdicts.
    recall_at_3: round(right / checks.length, 3),
    recall_at_1: round(right / checks.length, 3),
    workload: name,
    queries: checks.length,
  };
  runs.push(run);
  log(`  ${JSON.stringify(run)}`);
}

if (inProcess && newsSize > 0) {
  log(`news: generating ${newsSize} quotes...`);
  await workload('news', newsCorpus({ quotes: newsSize }));
}
if (inProcess && realDir) {
  log(`real: loading ${realDir}...`);
  await workload('real', await loadCorpus(realDir));
}

if (json) {
  // A child's runs go to its parent with the subset recall the parent's footer prints.
  const subset = process.argv.includes('--in-process') ? { subset: [...subsetRecall] } : {};
  process.stdout.write(`${JSON.stringify({ runs, ...subset })}\n`);
} else {
  const cols = [
    'workload',
    'engine',
    'quotes',
    'build_ms',
    'p50_ms',
    'p99_ms',
    'heap_mb',
    'recall_at_1',
    'recall_at_3',
    'queries',
  ] as const;
  const rows = [cols.map(String), ...runs.map((r) => cols.map((c) => String(r[c])))];
  const widths = cols.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(rows[0] as string[]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('\nRatios (peer / newsroom; above 1: newsroom faster or smaller):');
  for (const ours of runs.filter((r) => r.engine === 'newsroom')) {
    for (const peer of runs.filter(
      (r) =>
        r.workload === ours.workload && r.quotes === ours.quotes && r.engine !== 'newsroom' && r.build_ms,
    )) {
      const x = (a: number, b: number): string => (b > 0 ? `${round(a / b, 2)}x` : '-');
      console.log(
        `  ${ours.workload} ${ours.quotes} ${peer.engine}: p50 ${x(peer.p50_ms, ours.p50_ms)}, p99 ${x(peer.p99_ms, ours.p99_ms)}, ` +
          `build ${x(peer.build_ms, ours.build_ms)}, heap ${x(peer.heap_mb, ours.heap_mb)}; recall@1 ` +
          `${peer.recall_at_1} vs ${ours.recall_at_1}${peer.queries < ours.queries ? ` (first ${peer.queries} queries; newsroom recall@3 there ${round(subsetRecall.get(`${ours.workload} ${ours.quotes}`)?.recall ?? Number.NaN, 3)})` : ''}`,
      );
    }
  }
  console.log(`total ${round((performance.now() - started) / 1000, 1)} s`);
}
