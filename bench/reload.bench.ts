/**
 * How long the bot stops answering while it reloads the corpus: `node --import tsx bench/reload.bench.ts [COPIES]`.
 * Builds a data folder of COPIES copies (default 100) of the annotated fixture articles in a temp dir, then reloads
 * it twice each way: everything on the main thread (loadEngine) and the reload path (reloadEngine: files read and
 * extracted on a worker thread, index built here). A 5 ms timer measures the longest gap between its ticks.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine, reloadEngine } from '../src/main.ts';
import type { SearchEngine } from '../src/search/types.ts';

const copies = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'newsroom-reload-'));
for (let i = 0; i < copies; i++)
  cpSync('test/fixtures/eval/articles', join(dir, `copy${i}`), { recursive: true });

async function measure(load: (dir: string) => Promise<SearchEngine>) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const engine = await load(dir);
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  const quotes = engine.corpus.articles.reduce((n, a) => n + a.quotes.length, 0);
  return {
    articles: engine.corpus.articles.length,
    quotes,
    total_ms: Math.round(performance.now() - start),
    longest_pause_ms: Math.round(longest),
  };
}

try {
  for (let round = 0; round < 2; round++) {
    console.log('main thread', await measure(loadEngine));
    console.log('worker     ', await measure(reloadEngine));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
