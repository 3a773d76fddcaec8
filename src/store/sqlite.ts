/**
 * The embedded store: one SQLite file through better-sqlite3 (synchronous, in-process; no server to set up).
 * WAL journal so a CLI call can read while the bot writes; synchronous=FULL so a committed write survives a crash
 * of the process or the machine.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

const now = () => new Date().toISOString();

export class SqliteStore implements StoreBackend {
  readonly mode = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(readonly location: string) {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
  }

  async migrate(): Promise<number> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    // IMMEDIATE takes the write lock first, so two processes starting at once apply each migration once.
    const run = this.db.transaction(() => {
      const done = new Set(
        (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
          (r) => r.version,
        ),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, now());
      }
    });
    run.immediate();
    const row = this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number };
    return row.v;
  }

  async files(origin?: string): Promise<FileRow[]> {
    const where = origin === undefined ? '' : 'WHERE f.origin = ?';
    const args = origin === undefined ? [] : [origin];
    const rows = this.db
      .prepare(
        `SELECT origin, path, signature, hash, problem, first_seen, changed_at FROM files f ${where} ORDER BY path, origin`,
      )
      .all(...args) as Record<string, string | null>[];
    const arts = this.db
      .prepare(
        `SELECT origin, path, id, source, article_hash FROM file_articles f ${where} ORDER BY origin, path, seq`,
      )
      .all(...args) as Record<string, string>[];
    return fileRowsFrom(rows, arts);
  }

  async extractionVersions(): Promise<Map<string, string[]>> {
    const rows = this.db
      .prepare('SELECT article_hash, version FROM extractions ORDER BY created_at DESC')
      .all() as { article_hash: string; version: string }[];
    return versionsByHash(rows);
  }

  async articleBodies(hashes: string[]): Promise<Map<string, ArticleBody>> {
    const get = this.db.prepare('SELECT body FROM articles WHERE hash = ?').pluck();
    const out = new Map<string, ArticleBody>();
    for (const h of hashes) {
      const body = get.get(h) as string | undefined;
      if (body !== undefined) out.set(h, JSON.parse(body) as ArticleBody);
    }
    return out;
  }

  async extractions(pairs: { hash: string; version: string }[]): Promise<Map<string, Extraction>> {
    const get = this.db
      .prepare('SELECT body FROM extractions WHERE article_hash = ? AND version = ?')
      .pluck();
    const out = new Map<string, Extraction>();
    for (const { hash, version } of pairs) {
      const body = get.get(hash, version) as string | undefined;
      if (body !== undefined) out.set(pairKey(hash, version), JSON.parse(body) as Extraction);
    }
    return out;
  }

  async write(
    version: string,
    files: FileWrite[],
    removed: { origin: string; path: string }[],
  ): Promise<void> {
    const at = now();
    const db = this.db;
    const oldHashes = db
      .prepare('SELECT article_hash FROM file_articles WHERE origin = ? AND path = ?')
      .pluck();
    const delFile = db.prepare('DELETE FROM files WHERE origin = ? AND path = ?');
    const upFile = db.prepare(
      `INSERT INTO files (origin, path, signature, hash, problem, first_seen, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (origin, path) DO UPDATE SET signature = excluded.signature, hash = excluded.hash,
         problem = excluded.problem, changed_at = CASE WHEN files.hash = excluded.hash THEN files.changed_at ELSE excluded.changed_at END`,
    );
    const delLinks = db.prepare('DELETE FROM file_articles WHERE origin = ? AND path = ?');
    const link = db.prepare(
      'INSERT INTO file_articles (origin, path, seq, id, source, article_hash) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const art = db.prepare(
      'INSERT INTO articles (hash, body, first_seen) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING',
    );
    const ext = db.prepare(
      `INSERT INTO extractions (article_hash, version, body, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_hash, version) DO UPDATE SET body = excluded.body, created_at = excluded.created_at`,
    );
    const stillUsed = db.prepare('SELECT 1 FROM file_articles WHERE article_hash = ? LIMIT 1').pluck();
    const dropArticle = db.prepare('DELETE FROM articles WHERE hash = ?');
    db.transaction(() => {
      const maybeOrphans = new Set<string>();
      for (const r of removed) {
        for (const h of oldHashes.all(r.origin, r.path) as string[]) maybeOrphans.add(h);
        delFile.run(r.origin, r.path);
      }
      for (const { file, articles } of files) {
        for (const h of oldHashes.all(file.origin, file.path) as string[]) maybeOrphans.add(h);
        upFile.run(file.origin, file.path, file.signature, file.hash, file.problem, at, at);
        delLinks.run(file.origin, file.path);
        for (const a of articles) {
          art.run(a.hash, JSON.stringify(a.body), at);
          if (a.extraction) ext.run(a.hash, version, JSON.stringify(a.extraction), at);
        }
        for (const [seq, a] of file.articles.entries()) {
          link.run(file.origin, file.path, seq, a.id, a.source, a.hash);
        }
      }
      for (const h of maybeOrphans) if (stillUsed.get(h) === undefined) dropArticle.run(h);
      db.prepare('UPDATE corpus_state SET revision = revision + 1, last_change = ? WHERE id = 1').run(at);
    }).immediate();
  }

  async putExtractions(version: string, items: { hash: string; extraction: Extraction }[]): Promise<void> {
    const at = now();
    const ext = this.db.prepare(
      `INSERT INTO extractions (article_hash, version, body, created_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE hash = ?)
       ON CONFLICT (article_hash, version) DO UPDATE SET body = excluded.body, created_at = excluded.created_at`,
    );
    const others = this.db.prepare('DELETE FROM extractions WHERE article_hash = ? AND version <> ?');
    this.db
      .transaction(() => {
        for (const { hash, extraction } of items) {
          ext.run(hash, version, JSON.stringify(extraction), at, hash);
          others.run(hash, version);
        }
        this.db
          .prepare('UPDATE corpus_state SET revision = revision + 1, last_change = ? WHERE id = 1')
          .run(at);
      })
      .immediate();
  }

  async status(): Promise<StoreStatus> {
    const n = this.db.prepare('SELECT count(*) FROM file_articles').pluck().get() as number;
    return { ...(await this.revision()), articles: n };
  }

  async revision(): Promise<Omit<StoreStatus, 'articles'>> {
    const s = this.db.prepare('SELECT revision, last_change FROM corpus_state WHERE id = 1').get() as {
      revision: number;
      last_change: string | null;
    };
    return { revision: Number(s.revision), lastChange: s.last_change };
  }

  async seen(id: string, ttlMs: number): Promise<boolean> {
    const t = Date.now();
    return this.db
      .transaction(() => {
        const at = this.db.prepare('SELECT seen_at FROM seen_requests WHERE id = ?').pluck().get(id) as
          | number
          | undefined;
        if (at !== undefined && t - Number(at) <= ttlMs) return true;
        this.db
          .prepare(
            'INSERT INTO seen_requests (id, seen_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at',
          )
          .run(id, t);
        this.db.prepare('DELETE FROM seen_requests WHERE seen_at < ?').run(t - ttlMs);
        return false;
      })
      .immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
