/**
 * A data folder of N synthetic articles (bench/synth.ts, 10 quotes each) and an SQLite store holding them, as a
 * first start would leave it, with the synthetic quotes as the extraction (the real extractor would take most of an
 * hour at 100,000 articles; restarts and reloads over an unchanged store do not run it either way). Used by
 * bench/store-restart.bench.ts and bench/reload.bench.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite.ts';
import { syncFolder } from '../src/store/sync.ts';
import type { Corpus, Extraction } from '../src/types.ts';
import { synthCorpus } from './synth.ts';

export interface SynthStore {
  /** The data folder. */
  dir: string;
  /** The SQLite store, in DIR/.cache. */
  storeFile: string;
  corpus: Corpus;
  /** Seconds it took to write the files and store them. */
  seconds: number;
}

export async function synthStore(articles: number): Promise<SynthStore> {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-synth-'));
  const corpus = synthCorpus({ quotes: articles * 10, quotesPerArticle: 10 });
  const t0 = performance.now();
  const byRel = new Map<string, Extraction>();
  for (const [i, a] of corpus.articles.entries()) {
    const rel = `${String(Math.floor(i / 1000)).padStart(3, '0')}/${i}.txt`;
    if (i % 1000 === 0) mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`);
    byRel.set(rel, { quotes: a.quotes, facts: a.facts });
  }
  const storeFile = join(dir, '.cache', 'store.sqlite');
  const store = new SqliteStore(storeFile);
  await store.migrate();
  await syncFolder(store, dir, {
    batchSize: 500,
    extractor: (a) => byRel.get(a.id) ?? { quotes: [], facts: [] },
  });
  await store.close();
  return { dir, storeFile, corpus, seconds: (performance.now() - t0) / 1000 };
}
