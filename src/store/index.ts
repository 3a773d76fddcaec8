/**
 * The corpus store as the running bot sees it: the first load at start-up, reloads on a worker thread, background
 * re-extraction after an extractor change, change notifications from other bots (PostgreSQL LISTEN), shared Slack
 * de-duplication, and the state /healthz reports. When PostgreSQL goes away the bot keeps answering from the
 * corpus in memory, reconnects with backoff, and says so.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import pg from 'pg';
import { runWorker } from '../corpus-thread.ts';
import type { Logger } from '../log.ts';
import type { SearchEngine } from '../search/types.ts';
import {
  type LoadJob,
  type LoadOutcome,
  openBackend,
  runLoad,
  runReextract,
  type StoreLocation,
} from './jobs.ts';
import { CHANGE_CHANNEL, redactUrl } from './postgres.ts';
import { engineFromSnapshot, engineFromSnapshotAsync } from './snapshot.ts';
import type { StoreBackend } from './types.ts';

export type { StoreLocation } from './jobs.ts';

/** Store settings from the configuration (src/config.ts). */
export interface StoreConfig {
  where: StoreLocation;
  /** Snapshot file of the search index (null: keep none). */
  snapshotFile: string | null;
}

export type ConnectionState = 'embedded' | 'connected' | 'disconnected';

/** Reconnection waits double from the first to the last, then stay there. */
export const RECONNECT_FIRST_MS = 500;
export const RECONNECT_MAX_MS = 30_000;
/** Slack retries within minutes; an hour covers every retry schedule it documents. */
const SEEN_TTL_MS = 60 * 60 * 1000;

/** A store job taking longer than this is stuck: the worker is terminated and the reload fails. */
export const STORE_WORKER_TIMEOUT_MS = 10 * 60 * 1000;
/** Heap for one job; one needing more fails instead of taking the machine. */
export const STORE_WORKER_HEAP_MB = 4096;

const running = new Set<Worker>();

/** Terminates every running store worker (shutdown); their jobs fail. */
export async function stopStoreWorkers(): Promise<void> {
  await Promise.allSettled([...running].map((w) => w.terminate()));
}

function runInWorker<T>(kind: 'load' | 'reextract', job: unknown): Promise<T> {
  return runWorker<T>(new URL('./worker.mjs', import.meta.url), { kind, job }, running, {
    heapMb: STORE_WORKER_HEAP_MB,
    timeoutMs: STORE_WORKER_TIMEOUT_MS,
    name: 'the store worker',
    answer: 'an answer',
  });
}

/**
 * The default cache holds one store per data folder, named by a hash of its path. Each store gets a `.folder` note
 * of that path, and the stores of folders that no longer exist (temporary ones, tests') are deleted, so the cache
 * does not grow without end. Best effort: a failure here only leaves files behind.
 */
function pruneCache(storeFile: string, dataDir: string): void {
  const m = /^(store-[0-9a-f]{12})\.sqlite$/.exec(basename(storeFile));
  if (!m) return;
  const dir = dirname(storeFile);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${m[1]}.folder`), resolve(dataDir));
    for (const name of readdirSync(dir)) {
      const note = /^(store-[0-9a-f]{12})\.folder$/.exec(name);
      if (!note || note[1] === m[1]) continue;
      const folder = readFileSync(join(dir, name), 'utf8');
      if (existsSync(folder)) continue;
      for (const suffix of ['.sqlite', '.sqlite-wal', '.sqlite-shm', '.snapshot', '.folder']) {
        rmSync(join(dir, `${note[1]}${suffix}`), { force: true });
      }
    }
  } catch {
    // Leaving a stale file is harmless.
  }
}

export class CorpusStore {
  /** Names this process in change notifications. */
  readonly instance = randomUUID();
  private backend: StoreBackend | null = null;
  private listener: pg.Client | null = null;
  private state: ConnectionState;
  private lastError: string | null = null;
  private downSince: string | null = null;
  private retryMs = RECONNECT_FIRST_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private reextracting: Promise<void> | null = null;
  private lastChange: string | null = null;
  private revision = 0;
  private stale = 0;
  private schema = 0;
  private readonly memorySeen = new Map<string, number>();
  /** Called when the store changed under us (another bot, background re-extraction, a reconnect). */
  onChange: () => void = () => {};

  constructor(
    readonly config: StoreConfig,
    private readonly dataDir: string,
    private readonly logger: Logger,
    /** Redo stale extractions after loading (a running bot; not a one-shot CLI call). */
    private readonly background = true,
  ) {
    this.state = config.where.mode === 'sqlite' ? 'embedded' : 'disconnected';
  }

  private job(sync: boolean): LoadJob {
    return {
      where: this.config.where,
      instance: this.instance,
      dataDir: this.dataDir,
      sync,
      snapshotFile: this.config.snapshotFile,
    };
  }

  private async connect(): Promise<void> {
    const backend = openBackend(this.config.where, this.instance, (error) => this.lost(error));
    try {
      this.schema = await backend.migrate();
    } catch (error) {
      await backend.close().catch(() => {});
      throw error;
    }
    this.backend = backend;
    if (this.config.where.mode === 'postgres') {
      const client = new pg.Client({ connectionString: this.config.where.url });
      client.on('error', (error) => this.lost(error));
      client.on('end', () => this.lost(new Error('the connection to PostgreSQL ended')));
      client.on('notification', (msg) => {
        if (msg.channel !== CHANGE_CHANNEL) return;
        try {
          const { from } = JSON.parse(msg.payload ?? '{}') as { from?: string };
          if (from === this.instance) return;
        } catch {
          // Not ours to read: reload anyway.
        }
        this.onChange();
      });
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      this.listener = client;
      this.state = 'connected';
      this.downSince = null;
      this.lastError = null;
      this.retryMs = RECONNECT_FIRST_MS;
    }
  }

  /** The connection failed: keep answering from memory and try again later. */
  private lost(error: Error): void {
    if (this.closed || this.state !== 'connected') return;
    this.logger.warn({ err: error }, 'lost the PostgreSQL store; answering from memory and reconnecting');
    this.markDown(error);
  }

  private markDown(error: unknown): void {
    this.state = 'disconnected';
    this.downSince ??= new Date().toISOString();
    this.lastError = error instanceof Error ? error.message : String(error);
    const listener = this.listener;
    const backend = this.backend;
    this.listener = null;
    this.backend = null;
    listener?.removeAllListeners('end');
    void listener?.end().catch(() => {});
    void backend?.close().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          this.logger.info('reconnected to the PostgreSQL store');
          this.onChange();
        },
        (error: unknown) => {
          this.lastError = error instanceof Error ? error.message : String(error);
          this.logger.debug({ err: error, retryInMs: this.retryMs }, 'PostgreSQL still out of reach');
          this.scheduleReconnect();
        },
      );
    }, wait);
    this.retryTimer.unref();
  }

  private adopt(out: LoadOutcome, engine: SearchEngine): SearchEngine {
    this.stale = out.stale;
    if (out.stale > 0 && this.background) void this.reextract();
    return engine;
  }

  /**
   * The first load, on this thread: sync the data folder into the store and read (or build) the snapshot. Null when
   * PostgreSQL cannot be reached: the caller loads from the files alone while this keeps trying to reconnect.
   */
  async start(): Promise<SearchEngine | null> {
    if (this.config.where.mode === 'sqlite') pruneCache(this.config.where.file, this.dataDir);
    try {
      await this.connect();
    } catch (error) {
      if (this.config.where.mode === 'sqlite') throw error;
      this.logger.warn(
        { err: error },
        'PostgreSQL store out of reach at start; reading the files and retrying',
      );
      this.markDown(error);
      return null;
    }
    let out = await runLoad(this.job(true), this.backend ?? undefined);
    if (out.stale > 0 && !this.background && this.backend) {
      // A one-shot call (the CLI) has no background to wait for: bring the extractions up to date first, so it
      // never answers with an older extractor's results.
      await runReextract({ where: this.config.where, instance: this.instance }, this.backend);
      out = await runLoad(this.job(false), this.backend);
    }
    await this.refreshStatus();
    // Nothing is answered yet: the engine is made in one go.
    return this.adopt(out, engineFromSnapshot(out.packed));
  }

  /** A reload on a worker thread: sync the data folder (unless `storeOnly`), then snapshot. */
  async load(storeOnly = false): Promise<SearchEngine> {
    if (this.state === 'disconnected') throw new Error(`the store is out of reach (${this.lastError})`);
    try {
      const out = await runInWorker<LoadOutcome>('load', this.job(!storeOnly));
      await this.refreshStatus();
      // The current engine keeps answering while the new one is made, in slices of a few milliseconds.
      return this.adopt(out, await engineFromSnapshotAsync(out.packed));
    } catch (error) {
      if (this.config.where.mode === 'postgres' && this.state === 'connected') await this.probe();
      throw error;
    }
  }

  /** After a failed job: is the database still there? */
  private async probe(): Promise<void> {
    try {
      await this.backend?.revision();
    } catch (error) {
      this.markDown(error);
    }
  }

  private async refreshStatus(): Promise<void> {
    try {
      const s = await this.backend?.revision();
      if (s) {
        this.revision = s.revision;
        this.lastChange = s.lastChange;
      }
    } catch {
      // Reported by the connection state.
    }
  }

  /** Redoes stale extractions on a worker thread, then asks for a reload. One at a time. */
  reextract(): Promise<void> {
    this.reextracting ??= (async () => {
      try {
        const { reextracted } = await runInWorker<{ reextracted: number }>('reextract', {
          where: this.config.where,
          instance: this.instance,
        });
        this.logger.info({ reextracted }, 'stored extractions brought to the current extractor version');
        if (reextracted > 0) this.onChange();
      } catch (error) {
        this.logger.warn({ err: error }, 're-extraction stopped; the stored extractions keep answering');
      } finally {
        this.reextracting = null;
      }
    })();
    return this.reextracting;
  }

  /**
   * Slack's retry de-duplication, shared by every bot on the store. With the database out of reach each bot
   * remembers on its own until it is back.
   */
  readonly seenRequests = {
    checkAndRemember: async (id: string): Promise<boolean> => {
      if (this.backend) {
        try {
          return await this.backend.seen(id, SEEN_TTL_MS);
        } catch (error) {
          this.logger.warn({ err: error }, 'shared de-duplication unavailable; remembering locally');
        }
      }
      const now = Date.now();
      const at = this.memorySeen.get(id);
      if (at !== undefined && now - at <= SEEN_TTL_MS) return true;
      this.memorySeen.set(id, now);
      if (this.memorySeen.size > 2000) {
        const oldest = this.memorySeen.keys().next().value;
        if (oldest !== undefined) this.memorySeen.delete(oldest);
      }
      return false;
    },
  };

  /** The store's part of GET /healthz. */
  health(): Record<string, unknown> {
    const where = this.config.where;
    return {
      mode: where.mode,
      location: where.mode === 'sqlite' ? where.file : redactUrl(where.url),
      connection: this.state,
      schemaVersion: this.schema,
      revision: this.revision,
      lastChange: this.lastChange,
      staleExtractions: this.stale,
      ...(this.state === 'disconnected'
        ? { since: this.downSince, error: this.lastError, answering: 'from memory' }
        : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.reextracting;
    const listener = this.listener;
    this.listener = null;
    listener?.removeAllListeners('end');
    await listener?.end().catch(() => {});
    await this.backend?.close().catch(() => {});
    this.backend = null;
  }
}
