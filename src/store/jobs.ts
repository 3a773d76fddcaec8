/**
 * The store's units of work, each opening its own connection: run on the main thread at start-up (nothing to answer
 * yet) and on a worker thread (src/store/worker.mjs) for every reload, so answering never waits for them.
 */

import type { PackedIndex } from '../search/packed.ts';
import type { Article, Extraction, LoadProblem } from '../types.ts';
import { fingerprints } from './fingerprint.ts';
import { PostgresStore } from './postgres.ts';
import { snapshotFromStore } from './snapshot.ts';
import { SqliteStore } from './sqlite.ts';
import { type SyncResult, syncFolder } from './sync.ts';
import type { StoreBackend } from './types.ts';

/** Where the store lives: an SQLite file (the default) or a PostgreSQL database. */
export type StoreLocation = { mode: 'sqlite'; file: string } | { mode: 'postgres'; url: string };

export function openBackend(
  where: StoreLocation,
  instance: string,
  onError?: (error: Error) => void,
): StoreBackend {
  return where.mode === 'sqlite'
    ? new SqliteStore(where.file)
    : new PostgresStore(where.url, instance, onError);
}

export interface LoadJob {
  where: StoreLocation;
  instance: string;
  dataDir: string;
  /** Scan the data folder into the store first. */
  sync: boolean;
  snapshotFile: string | null;
}

export interface LoadOutcome {
  packed: PackedIndex;
  reused: boolean;
  stale: number;
  articles: number;
  sync: SyncResult | null;
}

/** Syncs the folder (when asked) and returns the corpus+index snapshot for what the store then holds. */
export async function runLoad(job: LoadJob, backend?: StoreBackend): Promise<LoadOutcome> {
  const store = backend ?? openBackend(job.where, job.instance);
  try {
    if (!backend) await store.migrate();
    const sync = job.sync ? await syncFolder(store, job.dataDir) : null;
    const problems: LoadProblem[] = sync?.folderProblem
      ? [{ file: job.dataDir, reason: sync.folderProblem }]
      : [];
    const snap = await snapshotFromStore(store, {
      dataDir: job.dataDir,
      file: job.snapshotFile,
      problems,
      ...(sync?.state ? { state: sync.state } : {}),
    });
    // The caller (often another thread) needs the counts, not the rows.
    if (sync) delete sync.state;
    return { ...snap, sync };
  } finally {
    if (!backend) await store.close();
  }
}

/**
 * Extracts again, under the current extractor version, every stored article whose extraction is of another
 * version; `batch` articles per transaction, so a stop loses little and the rest keeps answering meanwhile.
 */
export async function runReextract(
  job: { where: StoreLocation; instance: string; batch?: number; version?: string },
  backend?: StoreBackend,
  extractor?: (article: Article) => Extraction,
): Promise<number> {
  const store = backend ?? openBackend(job.where, job.instance);
  const version = job.version ?? fingerprints().extractor;
  let done = 0;
  let release: (() => Promise<void>) | null = null;
  try {
    if (store instanceof PostgresStore) {
      // Another bot is already at it; its NOTIFY will bring the results here.
      release = await store.tryLock('newsroom-reextract');
      if (!release) return 0;
    }
    const versions = await store.extractionVersions();
    const used = new Set((await store.files()).flatMap((f) => f.articles.map((a) => a.hash)));
    const stale = [...used].filter((h) => !(versions.get(h) ?? []).includes(version));
    if (stale.length === 0) return 0;
    const extract = extractor ?? (await import('../extract/index.ts')).extract;
    const size = job.batch ?? 50;
    for (let i = 0; i < stale.length; i += size) {
      const hashes = stale.slice(i, i + size);
      const bodies = await store.articleBodies(hashes);
      const items = [];
      for (const [hash, body] of bodies) {
        try {
          items.push({ hash, extraction: extract({ id: hash, source: hash, ...body }) });
        } catch {
          // The old extraction keeps answering for an article the new extractor fails on.
        }
      }
      await store.putExtractions(version, items);
      done += items.length;
    }
    return done;
  } finally {
    await release?.();
    if (!backend) await store.close();
  }
}
