/**
 * The shared store: PostgreSQL through node-postgres (`pg`). Several bots use one database; every write bumps
 * corpus_state.revision and sends NOTIFY newsroom_corpus (delivered at commit) so the others reload.
 */
import pg from 'pg';
import type { Extraction } from '../types.ts';
import { MIGRATIONS } from './migrations.ts';
import {
  type ArticleBody,
  type FileRow,
  type FileWrite,
  fileRowsFrom,
  pairKey,
  type StoreBackend,
  type StoreStatus,
  versionsByHash,
} from './types.ts';

/** The channel every bot LISTENs on; the payload is `{"revision":N,"from":"INSTANCE"}`. */
export const CHANGE_CHANNEL = 'newsroom_corpus';

const now = () => new Date().toISOString();

/** The URL as shown in logs and /healthz: no password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export class PostgresStore implements StoreBackend {
  readonly mode = 'postgres' as const;
  readonly location: string;
  readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    /** Names this process in change notifications, so it can ignore its own. */
    private readonly instance: string,
    onError: (error: Error) => void = () => {},
  ) {
    this.location = redactUrl(url);
    this.pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
    // An idle client losing its server emits here; unhandled, it would end the process.
    this.pool.on('error', onError);
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<number> {
    return this.tx(async (c) => {
      // Bots starting together wait here for each other: each migration is applied once.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('newsroom-migrations'))");
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const done = new Set(
        (await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          now(),
        ]);
      }
      const r = await c.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
      return Number(r.rows[0]?.v ?? 0);
    });
  }

  async files(origin?: string): Promise<FileRow[]> {
    const where = origin === undefined ? '' : 'WHERE origin = $1';
    const args = origin === undefined ? [] : [origin];
    const rows = (
      await this.pool.query(
        `SELECT origin, path, signature, hash, problem, first_seen, changed_at FROM files ${where} ORDER BY path, origin`,
        args,
      )
    ).rows as Record<string, string | null>[];
    const arts = (
      await this.pool.query(
        `SELECT origin, path, id, source, article_hash FROM file_articles ${where} ORDER BY origin, path, seq`,
        args,
      )
    ).rows as Record<string, string>[];
    return fileRowsFrom(rows, arts);
  }

  async extractionVersions(): Promise<Map<string, string[]>> {
    const { rows } = await this.pool.query<{ article_hash: string; version: string }>(
      'SELECT article_hash, version FROM extractions ORDER BY created_at DESC',
    );
    return versionsByHash(rows);
  }

  async articleBodies(hashes: string[]): Promise<Map<string, ArticleBody>> {
    const { rows } = await this.pool.query<{ hash: string; body: string }>(
      'SELECT hash, body FROM articles WHERE hash = ANY($1::text[])',
      [hashes],
    );
    return new Map(rows.map((r) => [r.hash, JSON.parse(r.body) as ArticleBody]));
  }

  async extractions(pairs: { hash: string; version: string }[]): Promise<Map<string, Extraction>> {
    const { rows } = await this.pool.query<{ article_hash: string; version: string; body: string }>(
      `SELECT e.article_hash, e.version, e.body FROM extractions e
       JOIN unnest($1::text[], $2::text[]) AS p(h, v) ON e.article_hash = p.h AND e.version = p.v`,
      [pairs.map((p) => p.hash), pairs.map((p) => p.version)],
    );
    return new Map(rows.map((r) => [pairKey(r.article_hash, r.version), JSON.parse(r.body) as Extraction]));
  }

  private async bump(c: pg.PoolClient, at: string): Promise<void> {
    const r = await c.query<{ revision: string }>(
      'UPDATE corpus_state SET revision = revision + 1, last_change = $1 WHERE id = 1 RETURNING revision',
      [at],
    );
    const payload = JSON.stringify({ revision: Number(r.rows[0]?.revision ?? 0), from: this.instance });
    await c.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
  }

  async write(
    version: string,
    files: FileWrite[],
    removed: { origin: string; path: string }[],
  ): Promise<void> {
    const at = now();
    await this.tx(async (c) => {
      const touched = [...removed, ...files.map((f) => f.file)];
      const old = await c.query<{ article_hash: string }>(
        `SELECT DISTINCT article_hash FROM file_articles fa
         JOIN unnest($1::text[], $2::text[]) AS t(o, p) ON fa.origin = t.o AND fa.path = t.p`,
        [touched.map((t) => t.origin), touched.map((t) => t.path)],
      );
      for (const r of removed) {
        await c.query('DELETE FROM files WHERE origin = $1 AND path = $2', [r.origin, r.path]);
      }
      for (const { file, articles } of files) {
        await c.query(
          `INSERT INTO files (origin, path, signature, hash, problem, first_seen, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
           ON CONFLICT (origin, path) DO UPDATE SET signature = excluded.signature, hash = excluded.hash,
             problem = excluded.problem,
             changed_at = CASE WHEN files.hash = excluded.hash THEN files.changed_at ELSE excluded.changed_at END`,
          [file.origin, file.path, file.signature, file.hash, file.problem, at],
        );
        await c.query('DELETE FROM file_articles WHERE origin = $1 AND path = $2', [file.origin, file.path]);
        for (const a of articles) {
          await c.query(
            'INSERT INTO articles (hash, body, first_seen) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
            [a.hash, JSON.stringify(a.body), at],
          );
          if (a.extraction) {
            await c.query(
              `INSERT INTO extractions (article_hash, version, body, created_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (article_hash, version) DO UPDATE SET body = excluded.body, created_at = excluded.created_at`,
              [a.hash, version, JSON.stringify(a.extraction), at],
            );
          }
        }
        if (file.articles.length > 0) {
          await c.query(
            `INSERT INTO file_articles (origin, path, seq, id, source, article_hash)
             SELECT $1, $2, s - 1, i, src, h FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(i, src, h, s)`,
            [
              file.origin,
              file.path,
              file.articles.map((a) => a.id),
              file.articles.map((a) => a.source),
              file.articles.map((a) => a.hash),
            ],
          );
        }
      }
      const maybe = old.rows.map((r) => r.article_hash);
      if (maybe.length > 0) {
        await c.query(
          `DELETE FROM articles a WHERE a.hash = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM file_articles fa WHERE fa.article_hash = a.hash)`,
          [maybe],
        );
      }
      await this.bump(c, at);
    });
  }

  async putExtractions(version: string, items: { hash: string; extraction: Extraction }[]): Promise<void> {
    const at = now();
    await this.tx(async (c) => {
      for (const { hash, extraction } of items) {
        await c.query(
          `INSERT INTO extractions (article_hash, version, body, created_at)
           SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM articles WHERE hash = $1)
           ON CONFLICT (article_hash, version) DO UPDATE SET body = excluded.body, created_at = excluded.created_at`,
          [hash, version, JSON.stringify(extraction), at],
        );
        await c.query('DELETE FROM extractions WHERE article_hash = $1 AND version <> $2', [hash, version]);
      }
      await this.bump(c, at);
    });
  }

  async revision(): Promise<Omit<StoreStatus, 'articles'>> {
    const s = await this.pool.query<{ revision: string; last_change: string | null }>(
      'SELECT revision, last_change FROM corpus_state WHERE id = 1',
    );
    const row = s.rows[0];
    return { revision: Number(row?.revision ?? 0), lastChange: row?.last_change ?? null };
  }

  async status(): Promise<StoreStatus> {
    const s = await this.pool.query<{ revision: string; last_change: string | null; n: string }>(
      'SELECT revision, last_change, (SELECT count(*) FROM file_articles) AS n FROM corpus_state WHERE id = 1',
    );
    const row = s.rows[0];
    return {
      revision: Number(row?.revision ?? 0),
      lastChange: row?.last_change ?? null,
      articles: Number(row?.n ?? 0),
    };
  }

  async seen(id: string, ttlMs: number): Promise<boolean> {
    const t = Date.now();
    // One statement: of two bots receiving the same retry at once, exactly one inserts (or refreshes) the row.
    const r = await this.pool.query(
      `INSERT INTO seen_requests (id, seen_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_requests.seen_at < $3
       RETURNING id`,
      [id, t, t - ttlMs],
    );
    if (Math.random() < 0.01) {
      await this.pool.query('DELETE FROM seen_requests WHERE seen_at < $1', [t - ttlMs]).catch(() => {});
    }
    return r.rowCount === 0;
  }

  /**
   * Takes a session-level advisory lock if no other bot holds it: resolves with its release, or null. Several bots
   * seeing the same extractor change thereby redo the extractions once between them, not once each.
   */
  async tryLock(name: string): Promise<(() => Promise<void>) | null> {
    const client = await this.pool.connect();
    try {
      const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        name,
      ]);
      if (r.rows[0]?.ok !== true) {
        client.release();
        return null;
      }
    } catch (error) {
      client.release();
      throw error;
    }
    return async () => {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      } finally {
        client.release();
      }
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
