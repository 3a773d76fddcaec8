/**
 * Nothing acknowledged is lost and nothing is half-written: a process writing many articles is killed with SIGKILL
 * part-way; afterwards every article it reported stored is there whole (text, metadata, extraction), nothing is
 * there in part, and a restart stores the rest. On SQLite and on the real PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres.ts';
import { engineFromSnapshot, snapshotFromStore } from '../../src/store/snapshot.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { syncFolder } from '../../src/store/sync.ts';
import { pairKey, type StoreBackend } from '../../src/store/types.ts';
import { createTestDatabase, type TestDatabase } from './pg.ts';

const ROOT = join(import.meta.dirname, '../..');
const ARTICLES = 240;
const PARAGRAPHS = 12;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function articleText(i: number): string {
  const paras = [`Story number ${i} about the harbour`];
  for (let p = 0; p < PARAGRAPHS; p++) {
    paras.push(
      `"Paragraph ${p} of story ${i} says the harbour will reopen in ${2030 + (p % 5)}," said Mayor Quinn Number${i} on Monday. ` +
        `The council approved ${p + 3} million dollars for the work, officials said.`,
    );
  }
  return `${paras.join('\n\n')}\n`;
}

function makeFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'wire'));
  for (let i = 0; i < ARTICLES; i++) {
    writeFileSync(join(dir, 'wire', `story-${String(i).padStart(4, '0')}.txt`), articleText(i));
  }
  return dir;
}

/** Runs the writer and kills it with SIGKILL once `after` articles are acknowledged; returns those. */
function writeAndKill(
  dataDir: string,
  where: string,
  after: number,
): Promise<{ acked: string[]; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/store/writer.ts'), dataDir, where],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acked: string[] = [];
    let finished = false;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('stored ')) acked.push(line.slice('stored '.length));
        if (line === 'done') finished = true;
        nl = buffer.indexOf('\n');
      }
      if (acked.length >= after && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ acked, finished }));
  });
}

/** Every stored file whole: its articles' text and an extraction of each; and the acknowledged ones among them. */
async function checkWhole(store: StoreBackend, acked: string[]): Promise<number> {
  const files = await store.files();
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const path of acked) expect(byPath.has(path), `${path} was acknowledged`).toBe(true);
  const hashes = files.flatMap((f) => f.articles.map((a) => a.hash));
  const bodies = await store.articleBodies(hashes);
  // Whatever version wrote it (the writer is another process; a source edited meanwhile changes the version).
  const versions = await store.extractionVersions();
  const versionOf = (hash: string) => versions.get(hash)?.[0] ?? 'none';
  const extractions = await store.extractions(hashes.map((hash) => ({ hash, version: versionOf(hash) })));
  for (const f of files) {
    expect(f.problem).toBeNull();
    expect(f.articles).toHaveLength(1);
    const a = f.articles[0] as { hash: string };
    const body = bodies.get(a.hash);
    expect(body?.paragraphs).toHaveLength(PARAGRAPHS);
    const ex = extractions.get(pairKey(a.hash, versionOf(a.hash)));
    expect(ex?.quotes.length).toBeGreaterThanOrEqual(PARAGRAPHS);
  }
  return files.length;
}

describe.each([
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsroom-crash-db-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'store.sqlite');
      return { where: `sqlite:${file}`, open: () => new SqliteStore(file) };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db: TestDatabase = await createTestDatabase();
      cleanups.push(() => db.drop());
      return { where: `postgres:${db.url}`, open: () => new PostgresStore(db.url, 'check') };
    },
  },
])('kill -9 during a write of many articles ($name)', ({ open }) => {
  it('keeps every acknowledged article whole, none half-written, and a restart stores the rest', async () => {
    const dataDir = makeFolder();
    const target = await open();
    const { acked, finished } = await writeAndKill(dataDir, target.where, 30);
    expect(finished).toBe(false);
    expect(acked.length).toBeGreaterThanOrEqual(30);
    expect(acked.length).toBeLessThan(ARTICLES);

    const store = target.open();
    try {
      await store.migrate();
      const kept = await checkWhole(store, acked);
      expect(kept).toBeLessThan(ARTICLES);

      // The restart: what was stored is not extracted again; the rest is stored now.
      const r = await syncFolder(store, dataDir);
      expect(r.unchanged).toBe(kept);
      expect(await checkWhole(store, acked)).toBe(ARTICLES);
      const engine = engineFromSnapshot((await snapshotFromStore(store, { dataDir, file: null })).packed);
      expect(engine.search('paragraph 3 of story 7 harbour').results[0]?.text).toContain('of story 7 says');
    } finally {
      await store.close();
    }
  });
});
