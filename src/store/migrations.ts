/**
 * Versioned schema migrations, run at start-up under a lock (several bots may start at once). Each entry is applied
 * once, in order, and recorded in schema_migrations; a shipped entry is never edited, only followed by a new one.
 * The SQL is written to run on both SQLite and PostgreSQL.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'files, articles, extractions, change counter, shared Slack de-duplication',
    sql: `
      CREATE TABLE files (
        origin TEXT NOT NULL,
        path TEXT NOT NULL,
        signature TEXT NOT NULL,
        hash TEXT NOT NULL,
        problem TEXT,
        first_seen TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (origin, path)
      );
      CREATE TABLE file_articles (
        origin TEXT NOT NULL,
        path TEXT NOT NULL,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        source TEXT NOT NULL,
        article_hash TEXT NOT NULL,
        PRIMARY KEY (origin, path, seq),
        FOREIGN KEY (origin, path) REFERENCES files (origin, path) ON DELETE CASCADE
      );
      CREATE INDEX file_articles_hash ON file_articles (article_hash);
      CREATE TABLE articles (
        hash TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        first_seen TEXT NOT NULL
      );
      CREATE TABLE extractions (
        article_hash TEXT NOT NULL REFERENCES articles (hash) ON DELETE CASCADE,
        version TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_hash, version)
      );
      CREATE TABLE corpus_state (
        id INTEGER PRIMARY KEY,
        revision BIGINT NOT NULL,
        last_change TEXT
      );
      INSERT INTO corpus_state (id, revision, last_change) VALUES (1, 0, NULL);
      CREATE TABLE seen_requests (
        id TEXT PRIMARY KEY,
        seen_at BIGINT NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
