/**
 * How long the bot stops answering while it reloads the corpus. A 5 ms timer measures the longest gap between its
 * ticks (the longest time a query would have waited) while a reload runs.
 *
 *   node --import tsx bench/reload.bench.ts [COPIES]
 *   node --max-old-space-size=8192 --import tsx bench/reload.bench.ts --synthetic N [--rounds 2] [--before ROOT]
 *   node --max-old-space-size=8192 --import tsx bench/reload.bench.ts --dir DIR [--rounds 2] [--before ROOT]
 *
 * COPIES (default 100): a data folder of COPIES copies of the annotated fixture articles in a temp dir, reloaded
 * twice each way: everything on the main thread (loadEngine) and the reload path without a store (reloadEngine:
 * files read and extracted, index built, on a worker thread).
 *
 * --synthetic N: N synthetic articles (10 quotes each, bench/synth-store.ts) in an SQLite store, reloaded as the
 * bot reloads with its default store (CorpusStore.load: the folder synced and the index built or read on a worker
 * thread, the engine made here). --dir reuses such a folder (one kept by `store-restart.bench.ts --keep`).
 * --before ROOT runs another checkout's CorpusStore (`--before /work/main`) interleaved with this one's, round by
 * round, over the same store: each with its own snapshot file, so each round after the first reads its snapshot.
 * --rebuild keeps no snapshot file: every reload builds the index on the worker (as after a change to the corpus).
 * A store reload is measured as the bot has it: the engine of the start-up load is held (answering) until the
 * reload's engine replaces it, and the timer runs on for --after MS (default 3000) after that swap, while the old
 * engine is collected: longest_pause_ms is the reload's own, longest_pause_incl_after_ms includes those 3 s.
 * NO_PREWARM=1 skips the empty worker the bot makes at start-up (src/corpus-thread.ts, prewarmWorkers).
 * GC_LOG_MIN=MS sets GC_LOG's threshold (default 20).
 * GAP_AT=1 adds where the longest gap was (µs on a --cpu-prof clock); GC_LOG=1 adds every collection over 20 ms on
 * this thread (ms from the reload's start + duration, then V8's kind: 1 minor, 2 major, 4 incremental, 8 weak
 * callbacks) and the longest gap (ms from the start, length).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { prewarmWorkers } from '../src/corpus-thread.ts';
import { createLogger } from '../src/log.ts';
import { loadEngine, reloadEngine } from '../src/main.ts';
import type { SearchEngine } from '../src/search/types.ts';
import { synthStore } from './synth-store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    synthetic: { type: 'string' },
    dir: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    before: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    after: { type: 'string', default: '3000' },
  },
});

/**
 * The longest gaps of a 5 ms timer while `load` runs and, when `afterMs` is given, for that long after it resolved
 * (the previous engine, let go at the swap, is collected then: a pause there stops answers as well).
 */
async function measure(load: () => Promise<SearchEngine>, afterMs = 0) {
  // Garbage collections on this thread during the reload: the longest one, to tell a collection's pause from ours.
  let gcLongest = 0;
  let gcTotal = 0;
  const gcLog: string[] = [];
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (process.env.GC_LOG && e.duration > Number(process.env.GC_LOG_MIN ?? 20))
        gcLog.push(
          `${Math.round(e.startTime - start)}+${Math.round(e.duration)} ${(e as unknown as { detail?: { kind?: number } }).detail?.kind}`,
        );
      gcLongest = Math.max(gcLongest, e.duration);
      gcTotal += e.duration;
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let longest = 0;
  // Where the longest gap was, on the monotonic clock in µs (as a --cpu-prof profile's timestamps): GAP_AT.
  let gapAt: [bigint, bigint] = [0n, 0n];
  let lastNs = process.hrtime.bigint();
  const timer = setInterval(() => {
    const now = performance.now();
    const ns = process.hrtime.bigint();
    if (now - last > longest) gapAt = [lastNs / 1000n, ns / 1000n];
    longest = Math.max(longest, now - last);
    last = now;
    lastNs = ns;
  }, 5);
  const start = performance.now();
  const startNs = Number(process.hrtime.bigint() / 1000000n);
  const engine = await load();
  const swapped = performance.now();
  longest = Math.max(longest, swapped - last);
  const during = longest;
  const gcDuring = gcLongest;
  if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs));
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  gcs.disconnect();
  const quotes = engine.corpus.articles.reduce((n, a) => n + a.quotes.length, 0);
  return {
    articles: engine.corpus.articles.length,
    quotes,
    total_ms: Math.round(swapped - start),
    longest_pause_ms: Math.round(during),
    longest_gc_ms: Math.round(gcDuring),
    ...(afterMs > 0
      ? { longest_pause_incl_after_ms: Math.round(longest), longest_gc_incl_after_ms: Math.round(gcLongest) }
      : {}),
    gc_total_ms: Math.round(gcTotal),
    ...(process.env.GAP_AT ? { gap_at_us: gapAt.map(String) } : {}),
    ...(process.env.GC_LOG
      ? {
          gc_over_20ms: gcLog.join(' '),
          gap: [
            Math.round(Number(gapAt[0]) / 1000 - startNs),
            Math.round(Number(gapAt[1] - gapAt[0]) / 1000),
          ],
        }
      : {}),
    load: (await import('node:os')).loadavg().map((x) => x.toFixed(1)),
  };
}

/** How long the timer keeps measuring after a store reload's swap. */
const AFTER_MS = Number(values.after);

if (values.synthetic || values.dir) {
  let dir = values.dir ? resolve(values.dir) : '';
  if (!dir) {
    const made = await synthStore(Number(values.synthetic));
    dir = made.dir;
    console.log(`${made.corpus.articles.length} synthetic articles stored in ${made.seconds.toFixed(1)} s`);
  }
  const roots: [string, string][] = [['this checkout', resolve(import.meta.dirname, '..')]];
  if (values.before) roots.unshift(['before', resolve(values.before)]);
  const logger = createLogger('silent');
  // As the bot does at start-up (src/main.ts): the first worker made once the heap is large paused answers.
  if (!process.env.NO_PREWARM) await prewarmWorkers();
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [label, root] of roots) {
        const { CorpusStore } = (await import(
          join(root, 'src/store/index.ts')
        )) as typeof import('../src/store/index.ts');
        const store = new CorpusStore(
          {
            where: { mode: 'sqlite', file: join(dir, '.cache', 'store.sqlite') },
            snapshotFile: values.rebuild
              ? null
              : join(dir, `.cache-reload-${label.replace(/\W/g, '')}`, 'index.snapshot'),
          },
          dir,
          logger,
          false,
        );
        // The engine the bot answers with while the reload runs: held until the new one is swapped in.
        let current = await store.start();
        global.gc?.();
        const result = await measure(async () => {
          const next = await store.load();
          current = next;
          return next;
        }, AFTER_MS);
        console.log(`${label.padEnd(14)} round ${round}`, result);
        if (!current) throw new Error('no engine');
        await store.close();
        global.gc?.();
      }
    }
  } finally {
    if (!values.dir) rmSync(dir, { recursive: true, force: true });
  }
} else {
  const copies = Number(positionals[0] ?? 100);
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-reload-'));
  for (let i = 0; i < copies; i++)
    cpSync('test/fixtures/eval/articles', join(dir, `copy${i}`), { recursive: true });
  try {
    for (let round = 0; round < 2; round++) {
      console.log('main thread', await measure(() => loadEngine(dir)));
      console.log('worker     ', await measure(() => reloadEngine(dir)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
