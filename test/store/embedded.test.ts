/** The embedded default: no setup, an SQLite file, and a restart over an unchanged folder reads the snapshot. */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { CorpusStore } from '../../src/store/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('needs no configuration: an SQLite file under the cache folder, one per data folder; memory turns it off', () => {
  const config = loadConfig({});
  expect(config.store?.where).toMatchObject({ mode: 'sqlite' });
  expect(config.store?.where.mode === 'sqlite' && config.store.where.file).toMatch(
    /^\.cache\/newsroom\/store-[0-9a-f]{12}\.sqlite$/,
  );
  expect(loadConfig({ NEWSROOM_DATA: 'other' }).store?.snapshotFile).not.toBe(config.store?.snapshotFile);
  expect(loadConfig({ NEWSROOM_STORE: 'memory' }).store).toBeNull();
  expect(loadConfig({ DATABASE_URL: 'postgres://bot@db:5432/news' }).store?.where).toEqual({
    mode: 'postgres',
    url: 'postgres://bot@db:5432/news',
  });
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
});

it('a restart over an unchanged folder reads the store and the snapshot, and reports the store in health', async () => {
  const data = mkdtempSync(join(tmpdir(), 'newsroom-embedded-'));
  const cache = mkdtempSync(join(tmpdir(), 'newsroom-embedded-cache-'));
  dirs.push(data, cache);
  cpSync(join(ROOT, 'data/articles'), data, { recursive: true });
  const config = loadConfig({ NEWSROOM_DATA: data, NEWSROOM_CACHE: cache });
  const open = async () => {
    const store = new CorpusStore(
      config.store as NonNullable<typeof config.store>,
      data,
      createLogger('silent'),
    );
    const engine = await store.start();
    return { store, engine };
  };
  const first = await open();
  expect(first.store.health()).toMatchObject({ mode: 'sqlite', connection: 'embedded', schemaVersion: 1 });
  expect(existsSync(config.store?.snapshotFile ?? '')).toBe(true);
  const answer = first.engine?.search('putin working group').results[0]?.text;
  await first.store.close();

  const second = await open();
  expect(second.engine?.search('putin working group').results[0]?.text).toBe(answer);
  expect(second.store.health()).toMatchObject({ revision: 1, staleExtractions: 0 });
  // A reload on the worker thread gives the same corpus.
  const reloaded = await second.store.load();
  expect(reloaded.corpus.articles.map((a) => a.id)).toEqual(second.engine?.corpus.articles.map((a) => a.id));
  await second.store.close();

  // Once its data folder is gone, the next start with the same cache deletes its store.
  const file = config.store?.where.mode === 'sqlite' ? config.store.where.file : '';
  rmSync(data, { recursive: true, force: true });
  const other = mkdtempSync(join(tmpdir(), 'newsroom-embedded-other-'));
  dirs.push(other);
  const otherConfig = loadConfig({ NEWSROOM_DATA: other, NEWSROOM_CACHE: cache });
  const third = new CorpusStore(
    otherConfig.store as NonNullable<typeof otherConfig.store>,
    other,
    createLogger('silent'),
  );
  await third.start();
  await third.close();
  expect(existsSync(file)).toBe(false);
  expect(existsSync(config.store?.snapshotFile ?? '')).toBe(false);
});

it('after an extractor change a bot answers from the stored extractions and redoes them in the background; a CLI call redoes them first', async () => {
  const data = mkdtempSync(join(tmpdir(), 'newsroom-stale-'));
  const cache = mkdtempSync(join(tmpdir(), 'newsroom-stale-cache-'));
  dirs.push(data, cache);
  cpSync(join(ROOT, 'data/articles'), data, { recursive: true });
  const config = loadConfig({ NEWSROOM_DATA: data, NEWSROOM_CACHE: cache });
  const storeConfig = config.store as NonNullable<typeof config.store>;
  const file = storeConfig.where.mode === 'sqlite' ? storeConfig.where.file : '';
  const ageExtractions = () => {
    const db = new Database(file);
    db.prepare("UPDATE extractions SET version = 'an older extractor'").run();
    db.close();
  };
  const first = new CorpusStore(storeConfig, data, createLogger('silent'));
  await first.start();
  await first.close();

  ageExtractions();
  const bot = new CorpusStore(storeConfig, data, createLogger('silent'));
  const redone = new Promise<void>((done) => {
    bot.onChange = done;
  });
  const engine = await bot.start();
  expect(bot.health().staleExtractions).toBe(2);
  expect(engine?.search('putin working group').results.length).toBeGreaterThan(0);
  await redone;
  await bot.load();
  expect(bot.health().staleExtractions).toBe(0);
  await bot.close();

  ageExtractions();
  const cli = new CorpusStore(storeConfig, data, createLogger('silent'), false);
  await cli.start();
  expect(cli.health().staleExtractions).toBe(0);
  await cli.close();
});
