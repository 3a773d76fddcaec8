/**
 * The store of record on both engines: SQLite (a temporary file) and the real PostgreSQL server (a database of
 * its own). What the store gives back must be what reading the files gives, and nothing is extracted twice.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus.ts';
import { extract } from '../../src/extract/index.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { materialize } from '../../src/search/lazy-articles.ts';
import { PACK_LAYOUT } from '../../src/search/packed.ts';
import { runLoad, runReextract } from '../../src/store/jobs.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { engineFromSnapshot, snapshotFromStore } from '../../src/store/snapshot.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { syncFolder } from '../../src/store/sync.ts';
import type { StoreBackend } from '../../src/store/types.ts';
import type { Article, Corpus } from '../../src/types.ts';
import { createTestDatabase, type TestDatabase } from './pg.ts';

const ROOT = join(import.meta.dirname, '../..');

/** A data folder of every format (and a sidecar), plus the shipped seed articles. */
function makeFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-store-'));
  cpSync(join(ROOT, 'test/fixtures/formats'), dir, { recursive: true });
  cpSync(join(ROOT, 'data/articles'), join(dir, 'seeds'), { recursive: true });
  writeFileSync(join(dir, 'broken.json'), '{ not json');
  return dir;
}

/** Counts extractor calls. */
function countingExtractor() {
  const calls: string[] = [];
  return {
    calls,
    extractor: (a: Article) => {
      calls.push(a.id);
      return extract(a);
    },
  };
}

// (materialize: a snapshot's articles keep their bodies serialized until read; src/search/lazy-articles.ts.)
const plain = (c: Corpus) => ({
  articles: c.articles.map((a) => ({ ...materialize(a) })),
  speakers: c.speakers,
  problems: c.problems,
});

type Engine = { name: string; open: () => Promise<StoreBackend>; cleanup: () => Promise<void> };

const dirs: string[] = [];
let database: TestDatabase | null = null;
const backends: StoreBackend[] = [];

const engines: Engine[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsroom-sqlite-'));
      dirs.push(dir);
      const s = new SqliteStore(join(dir, 'store.sqlite'));
      backends.push(s);
      await s.migrate();
      return s;
    },
    cleanup: async () => {},
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      database ??= await createTestDatabase();
      const s = new PostgresStore(database.url, 'test');
      backends.push(s);
      await s.migrate();
      // Each test starts from an empty store in the same database.
      await s.pool.query(
        'TRUNCATE files, file_articles, articles, extractions, seen_requests; UPDATE corpus_state SET revision = 0',
      );
      return s;
    },
    cleanup: async () => {
      await database?.drop();
    },
  },
];

afterAll(async () => {
  for (const b of backends) await b.close().catch(() => {});
  for (const e of engines) await e.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(engines)('the corpus store on $name', (engine) => {
  let folder: string;
  beforeAll(() => {
    folder = makeFolder();
    dirs.push(folder);
  });

  it('gives back the corpus reading the files gives, and extracts nothing twice', async () => {
    const store = await engine.open();
    const first = countingExtractor();
    const r1 = await syncFolder(store, folder, { extractor: first.extractor });
    expect(r1.parsed).toBeGreaterThan(10);
    expect(first.calls.length).toBeGreaterThan(10);

    const fromFiles = await loadCorpus(folder);
    const snap = await snapshotFromStore(store, { dataDir: folder, file: null });
    const fromStore = engineFromSnapshot(snap.packed);
    expect(plain(fromStore.corpus)).toEqual(plain(fromFiles));
    expect(snap.stale).toBe(0);

    const again = countingExtractor();
    const r2 = await syncFolder(store, folder, { extractor: again.extractor });
    expect(again.calls).toEqual([]);
    expect(r2).toMatchObject({ parsed: 0, removed: 0, changed: false });
    expect(r2.unchanged).toBe(r1.parsed);

    // Touched but the same bytes: read and hashed, not parsed or extracted.
    const seed = join(folder, 'seeds/000_de0ae4620e306012.txt');
    utimesSync(seed, new Date(), new Date(Date.now() + 5000));
    const r3 = await syncFolder(store, folder, { extractor: again.extractor });
    expect(r3).toMatchObject({ parsed: 0, touched: 1, changed: false });
    expect(again.calls).toEqual([]);
  });

  it('re-extracts only a changed article; a removed file leaves the corpus; the same text at two paths is extracted once', async () => {
    const store = await engine.open();
    await syncFolder(store, folder);
    const seed = join(folder, 'seeds/003_fdfb5187be79e5d3.txt');
    writeFileSync(
      join(folder, 'new-story.txt'),
      'Council approves tram line\n\n"We will build the tram by 2030," said Mayor Ada Lindqvist on Tuesday.\n',
    );
    cpSync(seed, join(folder, 'copy-of-003.txt'));
    unlinkSync(join(folder, 'og-only.htm'));
    const counter = countingExtractor();
    const r = await syncFolder(store, folder, { extractor: counter.extractor });
    expect(counter.calls).toEqual(['new-story.txt']);
    expect(r).toMatchObject({ parsed: 2, removed: 1, changed: true });

    const corpus = engineFromSnapshot(
      (await snapshotFromStore(store, { dataDir: folder, file: null })).packed,
    );
    const ids = corpus.corpus.articles.map((a) => a.id);
    expect(ids).toContain('copy-of-003.txt');
    expect(ids).not.toContain('og-only.htm');
    expect(corpus.search('tram by 2030').results[0]?.speaker).toBe('Ada Lindqvist');
    const status = await store.status();
    expect(status.articles).toBe(ids.length);
    expect(status.revision).toBeGreaterThan(0);
    // What a reload reads: the same revision and last change, without the count.
    expect(await store.revision()).toEqual({ revision: status.revision, lastChange: status.lastChange });
  });

  it('after an extractor change the stored extractions keep answering until redone in the background', async () => {
    const store = await engine.open();
    await syncFolder(store, folder, { version: 'old' });
    const before = await snapshotFromStore(store, { dataDir: folder, file: null, version: 'new' });
    expect(before.stale).toBe(before.articles);
    expect(engineFromSnapshot(before.packed).search('putin working group').results.length).toBeGreaterThan(0);

    const counter = countingExtractor();
    const redone = await runReextract(
      { where: { mode: 'sqlite', file: '' }, instance: 't', version: 'new', batch: 3 },
      store,
      counter.extractor,
    );
    expect(redone).toBe(counter.calls.length);
    const after = await snapshotFromStore(store, { dataDir: folder, file: null, version: 'new' });
    expect(after.stale).toBe(0);
    expect(after.articles).toBe(before.articles);
    // Old versions are dropped once redone; a second pass has nothing to do.
    expect(
      [...(await store.extractionVersions()).values()].every((v) => v.length === 1 && v[0] === 'new'),
    ).toBe(true);
    expect(
      await runReextract({ where: { mode: 'sqlite', file: '' }, instance: 't', version: 'new' }, store),
    ).toBe(0);
  });

  it('a snapshot is read back when nothing changed, rebuilt when something did, and answers as a fresh build does', async () => {
    const store = await engine.open();
    const cache = mkdtempSync(join(tmpdir(), 'newsroom-snap-'));
    dirs.push(cache);
    const file = join(cache, 'index.snapshot');
    const job = { where: { mode: 'sqlite' as const, file: '' }, instance: 't', dataDir: folder, sync: true };
    const built = await runLoad({ ...job, snapshotFile: file }, store);
    expect(built.reused).toBe(false);
    const reread = await runLoad({ ...job, snapshotFile: file }, store);
    expect(reread.reused).toBe(true);

    const fresh = createSearchEngine(await loadCorpus(folder));
    const fromSnapshot = engineFromSnapshot(reread.packed);
    for (const q of ['putin working group', 'trmp', 'speaker:coats', 'warning lights blinking red', 'zzzz']) {
      expect(fromSnapshot.search(q)).toEqual(fresh.search(q));
    }
    expect(fromSnapshot.verify('we are ready to analyse together')).toEqual(
      fresh.verify('we are ready to analyse together'),
    );
    expect(fromSnapshot.speakers('pu', 5)).toEqual(fresh.speakers('pu', 5));

    writeFileSync(join(folder, 'another.txt'), 'Budget passes\n\n"It is done," said Senator Lee Park.\n');
    const rebuilt = await runLoad({ ...job, snapshotFile: file }, store);
    expect(rebuilt.reused).toBe(false);
    expect(engineFromSnapshot(rebuilt.packed).search('it is done').results[0]?.speaker).toBe('Lee Park');

    // A damaged snapshot is rebuilt, never trusted: cut short (its header still matching), or garbage.
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.byteLength * 0.9)));
    expect((await runLoad({ ...job, snapshotFile: file }, store)).reused).toBe(false);
    expect(readFileSync(file).byteLength).toBe(whole.byteLength);
    expect((await runLoad({ ...job, snapshotFile: file }, store)).reused).toBe(true);
    writeFileSync(file, 'garbage');
    expect((await runLoad({ ...job, snapshotFile: file }, store)).reused).toBe(false);
    // A snapshot of another layout (an older version's) is rebuilt, not misread.
    const current = readFileSync(file);
    const header = Buffer.from(`"layout":${PACK_LAYOUT}`);
    const at = current.indexOf(header);
    expect(at).toBeGreaterThan(0);
    Buffer.from(`"layout":${PACK_LAYOUT - 1}`).copy(current, at);
    writeFileSync(file, current);
    expect((await runLoad({ ...job, snapshotFile: file }, store)).reused).toBe(false);
    expect((await runLoad({ ...job, snapshotFile: file }, store)).reused).toBe(true);
  });

  it('migrations run once, also when run again; de-duplication is shared by every connection', async () => {
    const store = await engine.open();
    expect(await store.migrate()).toBe(1);
    const other = await engine.open();
    expect(await store.seen('trigger:1', 60_000)).toBe(false);
    if (engine.name === 'PostgreSQL') expect(await other.seen('trigger:1', 60_000)).toBe(true);
    expect(await store.seen('trigger:1', 60_000)).toBe(true);
    expect(await store.seen('trigger:2', 60_000)).toBe(false);
  });
});

describe('migrations on PostgreSQL', () => {
  it('bots starting together apply each migration once', async () => {
    const db = await createTestDatabase();
    const stores = [0, 1, 2].map(() => new PostgresStore(db.url, 'x'));
    try {
      expect(await Promise.all(stores.map((s) => s.migrate()))).toEqual([1, 1, 1]);
      const { rows } = await (stores[0] as PostgresStore).pool.query('SELECT version FROM schema_migrations');
      expect(rows).toEqual([{ version: 1 }]);
    } finally {
      for (const s of stores) await s.close();
      await db.drop();
    }
  });
});

describe('re-extraction on PostgreSQL', () => {
  it('is done by one bot at a time: a second one finds the lock taken and leaves it', async () => {
    const db = await createTestDatabase();
    const a = new PostgresStore(db.url, 'a');
    const b = new PostgresStore(db.url, 'b');
    const folder = makeFolder();
    dirs.push(folder);
    try {
      await a.migrate();
      await syncFolder(a, folder, { version: 'old' });
      const held = await b.tryLock('newsroom-reextract');
      expect(held).not.toBeNull();
      const job = { where: { mode: 'postgres' as const, url: db.url }, instance: 'a', version: 'new' };
      expect(await runReextract(job, a)).toBe(0);
      await held?.();
      expect(await runReextract(job, a)).toBeGreaterThan(10);
    } finally {
      await a.close();
      await b.close();
      await db.drop();
    }
  });
});
