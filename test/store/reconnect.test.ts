/**
 * PostgreSQL going away: the bot keeps answering from memory, /healthz's store part says so, and it reconnects with
 * backoff when the database is back, then reloads. The database "goes away" behind a TCP relay this test owns (the
 * real server is shared with other tests), which drops every connection and refuses new ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { CorpusStore } from '../../src/store/index.ts';
import { createTestDatabase } from './pg.ts';

const ROOT = join(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A TCP relay to the real server that can be cut and restored on the same port. */
async function relay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      const listening = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const close = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
      });
      server = listening;
      listening.listen(port, '127.0.0.1', () => {
        port = (listening.address() as { port: number }).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  await up();
  return { port: () => port, up, down };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('answers from memory while PostgreSQL is away, says so, and reconnects when it is back', async () => {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const real = new URL(db.url);
  const cut = await relay({ host: real.hostname, port: Number(real.port || 5432) });
  cleanups.push(() => cut.down());
  const viaRelay = new URL(db.url);
  viaRelay.port = String(cut.port());
  const cache = mkdtempSync(join(tmpdir(), 'newsroom-reconnect-'));
  cleanups.push(() => rmSync(cache, { recursive: true, force: true }));

  const store = new CorpusStore(
    { where: { mode: 'postgres', url: viaRelay.toString() }, snapshotFile: join(cache, 'snap') },
    join(ROOT, 'data/articles'),
    createLogger('silent'),
  );
  cleanups.push(() => store.close());
  let changes = 0;
  store.onChange = () => {
    changes++;
  };
  const engine = await store.start();
  expect(engine).not.toBeNull();
  expect(store.health()).toMatchObject({ mode: 'postgres', connection: 'connected', schemaVersion: 1 });
  expect(String(store.health().location)).toContain(`:${cut.port()}/`);

  await cut.down();
  await until(() => store.health().connection === 'disconnected', 'the store to notice');
  expect(store.health()).toMatchObject({ answering: 'from memory' });
  expect(typeof store.health().since).toBe('string');
  // The corpus in memory still answers; a reload fails and keeps it.
  expect(engine?.search('putin working group').results.length).toBeGreaterThan(0);
  await expect(store.load()).rejects.toThrow(/out of reach/);
  // De-duplication falls back to this process's memory.
  expect(await store.seenRequests.checkAndRemember('trigger:away')).toBe(false);
  expect(await store.seenRequests.checkAndRemember('trigger:away')).toBe(true);

  await cut.up();
  await until(() => store.health().connection === 'connected', 'the reconnection');
  await until(() => changes > 0, 'a reload after reconnecting');
  const reloaded = await store.load(true);
  expect(reloaded.search('putin working group').results.length).toBeGreaterThan(0);
});
