/**
 * Brings the store in line with a data folder. A file whose size and modification time (and its sidecar's) are
 * unchanged is not even read; a changed file is read and hashed, and parsed only when its bytes changed; an
 * article is extracted only when the store has no extraction of its exact content under the current extractor.
 * Files are written in batches, each one transaction: a crash loses at most the batch in flight, never half a file.
 */
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { ArticleMeta } from '../articles/types.ts';
import type { Article, Extraction, LoadProblem } from '../types.ts';
import { fingerprints, sha256 } from './fingerprint.ts';
import type { ArticleBody, FileRow, FileWrite, StoreBackend, StoreState } from './types.ts';

/** Which data folder files come from: a folder scan adds, changes and removes only its own origin's files. */
export function originOf(dataDir: string): string {
  return `${hostname()}:${resolve(dataDir)}`;
}

/** The content hash of an article: its text and metadata, not the path it was found at. */
export function articleHash(body: ArticleBody): string {
  return sha256(JSON.stringify(body));
}

export function bodyOf(article: Article): ArticleBody {
  const { id: _id, source: _source, ...body } = article;
  return body;
}

export interface SyncResult {
  /** Files read and parsed because they are new or their bytes changed. */
  parsed: number;
  /** Files whose signature changed but whose bytes did not. */
  touched: number;
  unchanged: number;
  removed: number;
  /** Articles extracted now. */
  extracted: number;
  /** True when the store changed in a way the corpus shows. */
  changed: boolean;
  /** The data folder itself could not be read. */
  folderProblem: string | null;
  /** Problems of the folder as a whole, reported on every load (a sidecar with no article beside it). */
  problems: LoadProblem[];
  /** When the sync wrote nothing: every file and extraction version it read (snapshotFromStore's input). */
  state?: StoreState;
}

export interface SyncOptions {
  /** Extraction function (tests and benchmarks pass their own). */
  extractor?: (article: Article) => Extraction;
  /** Extractor version stored with new extractions; default the extractor fingerprint. */
  version?: string;
  /** Files per transaction. */
  batchSize?: number;
  /** Called after each committed batch with the paths it stored (the acknowledgement). */
  onStored?: (paths: string[]) => void;
}

async function statSig(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return null;
  }
}

export async function syncFolder(
  store: StoreBackend,
  dataDir: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const fp = fingerprints();
  const version = options.version ?? fp.extractor;
  const batchSize = options.batchSize ?? 25;
  const origin = originOf(dataDir);
  const result: SyncResult = {
    parsed: 0,
    touched: 0,
    unchanged: 0,
    removed: 0,
    extracted: 0,
    changed: false,
    folderProblem: null,
    problems: [],
  };

  const { walk, readTextFile, mapInOrder } = await import('../articles/files.ts');
  const { formatOf } = await import('../articles/formats.ts');
  const { sidecarBase, articleBase } = await import('../articles/sidecar.ts');
  let found: { rel: string; path: string }[] = [];
  let folderProblem: string | null = null;
  try {
    if (!(await stat(dataDir)).isDirectory()) folderProblem = 'data folder is a file, not a folder';
    else found = (await walk(dataDir)).files;
  } catch {
    folderProblem = 'data folder not found';
  }
  const sidecars = new Set(found.filter((f) => sidecarBase(f.rel) !== null).map((f) => f.rel));
  const articleFiles = found.filter((f) => formatOf(f.rel) !== null);

  const allFiles = await store.files();
  const existing = new Map(allFiles.filter((f) => f.origin === origin).map((f) => [f.path, f]));
  const versions = await store.extractionVersions();
  let wrote = false;
  const hasCurrent = (hash: string) => versions.get(hash)?.includes(version) === true;

  let batch: FileWrite[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await store.write(version, batch, []);
    wrote = true;
    options.onStored?.(batch.map((b) => b.file.path));
    batch = [];
  };

  let extractFn = options.extractor;
  let articlesModule: typeof import('../articles/index.ts') | null = null;
  let sidecarModule: typeof import('../articles/sidecar.ts') | null = null;
  const { readFile } = await import('node:fs/promises');

  // Stat every file first, many at a time: an unchanged folder costs little more than listing it.
  const signatures = await mapInOrder(
    articleFiles,
    async (file) => {
      const sidecarRel = `${articleBase(file.rel)}.meta.json`;
      const sidecarPath = sidecars.has(sidecarRel) ? join(dataDir, sidecarRel) : null;
      const signature = [
        await statSig(file.path),
        sidecarPath ? await statSig(sidecarPath) : '-',
        fp.parser,
      ].join('|');
      return { sidecarPath, signature };
    },
    32,
  );
  for (const [i, file] of articleFiles.entries()) {
    const { sidecarPath, signature } = signatures[i] as { sidecarPath: string | null; signature: string };
    const before = existing.get(file.rel);
    if (before && before.signature === signature) {
      result.unchanged++;
      continue;
    }
    let hash: string;
    try {
      hash = sha256(fp.parser, await readFile(file.path), sidecarPath ? await readFile(sidecarPath) : '');
    } catch {
      hash = sha256(fp.parser, 'unreadable', signature);
    }
    const row: FileRow = { origin, path: file.rel, signature, hash, problem: null, articles: [] };
    if (before && before.hash === hash) {
      // Same bytes (a copy, a touch): keep its articles, remember the new signature.
      result.touched++;
      batch.push({ file: { ...row, problem: before.problem, articles: before.articles }, articles: [] });
    } else {
      result.parsed++;
      result.changed = true;
      articlesModule ??= await import('../articles/index.ts');
      sidecarModule ??= await import('../articles/sidecar.ts');
      const writes: FileWrite['articles'] = [];
      const problems: LoadProblem[] = [];
      // The sidecar as loadArticles treats it: a broken one is reported and the article read without it.
      let sidecar: Partial<ArticleMeta> | null = null;
      if (sidecarPath) {
        try {
          sidecar = sidecarModule.parseSidecar(await readTextFile(sidecarPath));
        } catch (error) {
          problems.push({ file: sidecarPath, reason: (error as Error).message });
        }
      }
      const read = await articlesModule.readArticleFile(file, dataDir, sidecar);
      problems.push(...read.problems);
      for (const article of read.articles) {
        const body = bodyOf(article);
        const h = articleHash(body);
        let extraction: Extraction | null = null;
        if (!hasCurrent(h) && !writes.some((w) => w.hash === h && w.extraction)) {
          extractFn ??= (await import('../extract/index.ts')).extract;
          try {
            extraction = extractFn(article);
            result.extracted++;
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            problems.push({ file: article.source, reason: `could not extract quotes and facts: ${reason}` });
            continue;
          }
        }
        writes.push({ hash: h, body, extraction });
        row.articles.push({ id: article.id, source: article.source, hash: h });
      }
      row.problem = problems.length > 0 ? JSON.stringify(problems) : null;
      batch.push({ file: row, articles: writes });
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const present = new Set(articleFiles.map((f) => f.rel));
  const removed = [...existing.keys()].filter((p) => !present.has(p)).map((path) => ({ origin, path }));
  if (removed.length > 0) {
    await store.write(version, [], removed);
    wrote = true;
    result.removed = removed.length;
    result.changed = true;
  }
  result.folderProblem = folderProblem;
  // Nothing written: what was read is what the store holds, and the snapshot need not read it again.
  if (!wrote) result.state = { files: allFiles, versions };
  const bases = new Set(articleFiles.map((f) => articleBase(f.rel)));
  for (const f of found) {
    const base = sidecarBase(f.rel);
    if (base !== null && !bases.has(base)) {
      result.problems.push({ file: f.path, reason: 'sidecar has no article file beside it' });
    }
  }
  return result;
}
