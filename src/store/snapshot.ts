/**
 * The corpus and its search index, built from the store (never re-extracting) and kept as a snapshot file: a v8
 * serialization of `{ corpus, index }` under a key naming everything it was built from (each article's content
 * hash and extraction version, the problems, the search code and Node). A restart over an unchanged corpus reads
 * the snapshot instead of building; any difference in the key builds afresh. A snapshot that cannot be read is
 * rebuilt, never trusted.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildIndex, type SearchIndex } from '../search/build.ts';
import { engineOver } from '../search/index.ts';
import type { SearchEngine } from '../search/types.ts';
import { Vocabulary } from '../search/vocabulary.ts';
import type { Corpus, CorpusArticle, LoadProblem } from '../types.ts';
import { fingerprints, sha256 } from './fingerprint.ts';
import { pairKey, type StoreBackend, type StoreState } from './types.ts';

const MAGIC = 'newsroom-snapshot-1';

export interface SnapshotResult {
  /** `{ corpus, index }`, v8-serialized: what engineFromSnapshot reads. Transferable between threads. */
  bytes: Uint8Array;
  /** True when read from the snapshot file rather than built. */
  reused: boolean;
  /** Articles answering with an extraction of an older extractor version (being redone in the background). */
  stale: number;
  articles: number;
}

/**
 * Builds (or reads) the snapshot for what the store holds now. `problems` are added to the corpus's own (the data
 * folder missing, say). `file` is where the snapshot lives; null keeps none.
 */
export async function snapshotFromStore(
  store: StoreBackend,
  options: {
    dataDir: string;
    file: string | null;
    problems?: LoadProblem[];
    version?: string;
    /** The store's files and versions when the caller has just read them. */
    state?: StoreState;
  },
): Promise<SnapshotResult> {
  const fp = fingerprints();
  const version = options.version ?? fp.extractor;
  // Path order, as the loader reads a folder (byte order: a database's collation may sort otherwise).
  const files = [...(options.state?.files ?? (await store.files()))].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0,
  );
  const versions = options.state?.versions ?? (await store.extractionVersions());
  const entries: { id: string; source: string; hash: string; version: string }[] = [];
  const problems: LoadProblem[] = [...(options.problems ?? [])];
  let stale = 0;
  for (const f of files) {
    if (f.problem) problems.push(...(JSON.parse(f.problem) as LoadProblem[]));
    for (const a of f.articles) {
      const have = versions.get(a.hash) ?? [];
      const v = have.includes(version) ? version : have[0];
      if (v === undefined) continue;
      if (v !== version) stale++;
      entries.push({ ...a, version: v });
    }
  }
  const key = sha256(
    MAGIC,
    fp.search,
    fp.extractor,
    options.dataDir,
    JSON.stringify(entries),
    JSON.stringify(problems),
  );
  if (options.file) {
    try {
      const buf = readFileSync(options.file);
      const nl = buf.indexOf(10);
      if (nl > 0 && buf.subarray(0, nl).toString('latin1') === key) {
        return { bytes: buf.subarray(nl + 1), reused: true, stale, articles: entries.length };
      }
    } catch {
      // No snapshot yet, or unreadable: build one.
    }
  }
  const bodies = await store.articleBodies([...new Set(entries.map((e) => e.hash))]);
  const extractions = await store.extractions(entries.map((e) => ({ hash: e.hash, version: e.version })));
  const articles: CorpusArticle[] = [];
  for (const e of entries) {
    const body = bodies.get(e.hash);
    const ex = extractions.get(pairKey(e.hash, e.version));
    if (!body || !ex) continue;
    articles.push({ id: e.id, source: e.source, ...body, quotes: ex.quotes, facts: ex.facts });
  }
  const { buildSpeakers } = await import('../extract/speakers.ts');
  const corpus: Corpus = {
    dataDir: options.dataDir,
    articles,
    speakers: buildSpeakers(articles),
    problems,
    loadedAt: new Date(),
  };
  const index = buildIndex(corpus);
  const bytes = serialize({ corpus, index });
  if (options.file) {
    try {
      mkdirSync(dirname(options.file), { recursive: true });
      const tmp = `${options.file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), bytes]));
      renameSync(tmp, options.file);
    } catch {
      // A read-only cache folder only costs the next start a rebuild.
    }
  }
  return { bytes, reused: false, stale, articles: articles.length };
}

/**
 * The search engine over a snapshot: the same parts createSearchEngine (src/search/index.ts) assembles, over an
 * index read back instead of built. test/store/snapshot.test.ts checks both answer alike.
 */
export function engineFromSnapshot(bytes: Uint8Array): SearchEngine {
  const { corpus, index } = deserialize(bytes) as { corpus: Corpus; index: SearchIndex };
  // Serialization keeps data, not classes: give the vocabulary its methods back.
  Object.setPrototypeOf(index.vocab, Vocabulary.prototype);
  corpus.loadedAt = new Date();
  return engineOver(corpus, index);
}
