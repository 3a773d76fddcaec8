/**
 * Articles held as objects (a corpus built in this process) against articles whose bodies stay serialized until
 * read (a corpus that arrived by reload or snapshot: src/search/lazy-articles.ts), over the same index: the heap each
 * takes, and reporters' questions and quote checks on both, interleaved one by one (the first engine alternating),
 * the young generation collected before each timed call, outside its time.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/lazy.bench.ts [--news 100000] [--queries 400]
 *     [--checks 400] [--real DIR]
 *
 * --news N: the generated news-shaped corpus of about N quotes (bench/news.ts); --real DIR: a folder of articles
 * instead (read and extracted here; never committed).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus.ts';
import { buildIndex, type SearchIndex } from '../src/search/build.ts';
import { backgroundWork, engineOver } from '../src/search/index.ts';
import { ArticleBodies, chunkHeads, LazyArticle } from '../src/search/lazy-articles.ts';
import { ARTICLES_PER_CHUNK, pack, unpack } from '../src/search/packed.ts';
import type { SearchEngine } from '../src/search/types.ts';
import type { Corpus } from '../src/types.ts';
import { heapNow, percentile } from './measure.ts';
import { newsCorpus } from './news.ts';
import { quoteChecks, reporterQueries } from './workload.ts';

const { values } = parseArgs({
  options: {
    news: { type: 'string', default: '100000' },
    real: { type: 'string' },
    queries: { type: 'string', default: '400' },
    checks: { type: 'string', default: '400' },
  },
});

const gc = (globalThis as { gc?: (o?: { type: string; execution: string }) => void }).gc;
if (!gc) {
  console.error('needs --expose-gc');
  process.exit(2);
}

async function settled(index: SearchIndex, engine: SearchEngine): Promise<SearchEngine> {
  const alive = setInterval(() => {}, 1000);
  await backgroundWork(index);
  clearInterval(alive);
  return engine;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

const t0 = performance.now();
const source: Corpus = values.real
  ? await loadCorpus(values.real)
  : newsCorpus({ quotes: Number(values.news) });
const quotes = source.articles.reduce((n, a) => n + a.quotes.length, 0);
const built = buildIndex(source);
const packed = pack(source, built);
const queries = reporterQueries(source, Number(values.queries));
const checks = quoteChecks(source, Number(values.checks));
console.log(
  `${source.articles.length} articles, ${quotes} quotes; built and packed in ${round((performance.now() - t0) / 1000, 1)} s`,
);

// The memory each way's articles take: the source corpus and the index are held throughout; a copy of the articles
// as objects, let go after, then the same articles from copies of the packed chunks (small fields as objects, bodies
// serialized), let go after.
const base = await heapNow();
let held: unknown = structuredClone(source.articles);
const withObjects = await heapNow();
held = null;
const afterCopy = await heapNow();
const chunks = packed.chunks.map((c) => c.slice());
const bodies = new ArticleBodies(chunks, ARTICLES_PER_CHUNK);
held = chunks.flatMap(chunkHeads).map((h, k) => new LazyArticle(h, bodies, k));
const withLazy = await heapNow();
held = null;
const objectsMb = (withObjects - base) / 2 ** 20;
const lazyMb = (withLazy - afterCopy) / 2 ** 20;
if (held !== null) throw new Error('unreachable');
const lazyCorpus = unpack(packed);

// Speaker profiles (`/speaker NAME` reads every quote of the speaker): the most quoted, down the list.
const profiled = [...source.speakers]
  .sort((a, b) => b.quoteCount - a.quoteCount)
  .slice(0, 40)
  .map((sp) => sp.name);
const engines: Array<{
  name: string;
  engine: SearchEngine;
  q: number[];
  c: number[];
  s: number[];
  right: number;
}> = [
  {
    name: 'objects',
    engine: await settled(built, engineOver(source, built)),
    q: [],
    c: [],
    s: [],
    right: 0,
  },
  {
    name: 'serialized',
    engine: await settled(lazyCorpus.index, engineOver(lazyCorpus.corpus, lazyCorpus.index)),
    q: [],
    c: [],
    s: [],
    right: 0,
  },
];
const n = Math.max(queries.length, checks.length);
for (let k = 0; k < n; k++) {
  const order = k % 2 === 0 ? engines : [...engines].reverse();
  for (const e of order) {
    const q = queries[k];
    if (q) {
      gc?.({ type: 'minor', execution: 'sync' });
      const s = performance.now();
      e.engine.search(q.query, { limit: 3 });
      e.q.push(performance.now() - s);
    }
    const c = checks[k];
    if (c) {
      gc?.({ type: 'minor', execution: 'sync' });
      const s = performance.now();
      const v = e.engine.verify(c.text).verdict;
      e.c.push(performance.now() - s);
      if (v === c.expect || (c.kind === 'changed' && v === 'exact')) e.right++;
    }
    const name = profiled[k];
    if (name) {
      gc?.({ type: 'minor', execution: 'sync' });
      const s = performance.now();
      e.engine.speaker?.(name);
      e.s.push(performance.now() - s);
    }
  }
}
const rows = engines.map((e) => {
  e.q.sort((a, b) => a - b);
  e.c.sort((a, b) => a - b);
  e.s.sort((a, b) => a - b);
  return {
    articles: e.name,
    heap_mb: round(e.name === 'objects' ? objectsMb : lazyMb, 1),
    query_p50_ms: round(percentile(e.q, 50)),
    query_p99_ms: round(percentile(e.q, 99)),
    check_p50_ms: round(percentile(e.c, 50)),
    check_p99_ms: round(percentile(e.c, 99)),
    checks_right: round(e.right / Math.max(1, checks.length), 3),
    speaker_p50_ms: round(percentile(e.s, 50)),
    speaker_max_ms: round(e.s.at(-1) ?? 0),
  };
});
console.table(rows);
const [a, b] = rows as [(typeof rows)[number], (typeof rows)[number]];
console.log(
  `serialized / objects: heap ${round(b.heap_mb / a.heap_mb)}, query p50 ${round(b.query_p50_ms / a.query_p50_ms)}, ` +
    `p99 ${round(b.query_p99_ms / a.query_p99_ms)}, check p50 ${round(b.check_p50_ms / a.check_p50_ms)}, ` +
    `p99 ${round(b.check_p99_ms / a.check_p99_ms)}, speaker p50 ${round(b.speaker_p50_ms / a.speaker_p50_ms)}, ` +
    `max ${round(b.speaker_max_ms / a.speaker_max_ms)}`,
);
