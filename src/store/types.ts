/** The store of record's shapes, shared by the embedded (SQLite) and PostgreSQL backends. */
import type { Article, Extraction } from '../types.ts';

/** An article as stored: everything but its path-derived id and source, which belong to the file that holds it. */
export type ArticleBody = Omit<Article, 'id' | 'source'>;

/** One article file under a data folder, as last seen. */
export interface FileRow {
  /** Which bot's data folder it lives in (host and absolute path): a folder scan removes only its own files. */
  origin: string;
  /** Path relative to the data folder, with `/`. */
  path: string;
  /** Size and modification time of the file and its sidecar, and the parser fingerprint: unchanged means skip. */
  signature: string;
  /** sha256 of the parser fingerprint, the file's bytes and its sidecar's bytes. */
  hash: string;
  /** Why the file gave no (or not every) article, as JSON LoadProblem[], or null. */
  problem: string | null;
  /** The articles it holds, in order: Article.id and Article.source, and the content hash of the article. */
  articles: { id: string; source: string; hash: string }[];
  firstSeen?: string;
  changedAt?: string;
}

export interface ArticleWrite {
  hash: string;
  body: ArticleBody;
  /** Null when the stored extraction for the current version is already there. */
  extraction: Extraction | null;
}

export interface FileWrite {
  file: FileRow;
  articles: ArticleWrite[];
}

export interface StoreStatus {
  /** Bumped by every write that changes what the corpus holds. */
  revision: number;
  lastChange: string | null;
  articles: number;
}

/** What both backends do. Every write is one transaction: stored whole or not at all. */
export interface StoreBackend {
  readonly mode: 'sqlite' | 'postgres';
  /** File path, or the database URL without its password. */
  readonly location: string;
  /** Runs pending schema migrations; returns the schema version. */
  migrate(): Promise<number>;
  /** Every file (of one origin, or of all). */
  files(origin?: string): Promise<FileRow[]>;
  /** Content hash -> extractor versions stored for it, newest first. */
  extractionVersions(): Promise<Map<string, string[]>>;
  articleBodies(hashes: string[]): Promise<Map<string, ArticleBody>>;
  /** The extraction of each (hash, version) pair asked for. */
  extractions(pairs: { hash: string; version: string }[]): Promise<Map<string, Extraction>>;
  /** Stores files with their articles and extractions and removes files, in one transaction. */
  write(version: string, files: FileWrite[], removed: { origin: string; path: string }[]): Promise<void>;
  /** Stores extractions of existing articles under `version`, dropping those articles' other versions. */
  putExtractions(version: string, items: { hash: string; extraction: Extraction }[]): Promise<void>;
  status(): Promise<StoreStatus>;
  /**
   * The revision and last change alone: what a reload reads, on the main thread. Without status()'s count of the
   * articles, a scan of the whole table (up to a quarter of a second at 100,000 articles on a cold cache).
   */
  revision(): Promise<Omit<StoreStatus, 'articles'>>;
  /** Shared de-duplication: true when `id` was seen within ttlMs, else remembers it. */
  seen(id: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** What a snapshot is keyed by: every file and the extraction versions stored for each article. */
export interface StoreState {
  files: FileRow[];
  versions: Map<string, string[]>;
}

/** Key of a (hash, version) pair in StoreBackend.extractions' answer. */
export const pairKey = (hash: string, version: string): string => `${hash} ${version}`;

/** File rows as both backends read them: `files` columns, and each file's articles in order. */
export function fileRowsFrom(
  rows: Record<string, string | null>[],
  arts: Record<string, string>[],
): FileRow[] {
  const byFile = new Map<string, FileRow['articles']>();
  for (const a of arts) {
    const key = `${a.origin}\0${a.path}`;
    let list = byFile.get(key);
    if (!list) {
      list = [];
      byFile.set(key, list);
    }
    list.push({ id: a.id as string, source: a.source as string, hash: a.article_hash as string });
  }
  return rows.map((r) => ({
    origin: r.origin as string,
    path: r.path as string,
    signature: r.signature as string,
    hash: r.hash as string,
    problem: r.problem ?? null,
    firstSeen: r.first_seen as string,
    changedAt: r.changed_at as string,
    articles: byFile.get(`${r.origin}\0${r.path}`) ?? [],
  }));
}

/** The extractor versions stored per article hash, newest first, from rows read newest first. */
export function versionsByHash(rows: { article_hash: string; version: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.article_hash);
    if (list) list.push(r.version);
    else out.set(r.article_hash, [r.version]);
  }
  return out;
}
