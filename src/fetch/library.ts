/**
 * Articles added by link (/add, `newsroom add`, feeds): fetched through the guard, read like a saved page, and kept
 * as one JSON article file each under `DATA/added/`, which every loader (files and store alike) already reads. An
 * article is written whole or not at all (a hidden temporary file, flushed, then renamed over the old one), so a
 * `kill -9` mid-add leaves either the old file or the new one. The same article added again (same canonical URL, or
 * the same text from another link) rewrites its own file instead of adding a copy; the text it replaced is kept in
 * the file's `added.history`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { decodeText } from '../articles/files.ts';
import { parseArticleText } from '../articles/index.ts';
import type { ArticleMeta } from '../articles/types.ts';
import type { Article, ArticleFormat, Corpus, CorpusArticle, Extraction } from '../types.ts';
import { compareQuotes, type QuoteCorrection } from './corrections.ts';
import { type BodyKind, type FetchPolicy, FetchRefused, guardedFetch } from './guard.ts';

/** A temporary file older than this is a crash's leftover. */
const STALE_TMP_MS = 60 * 60 * 1000;

/** Folder under the data folder that holds added articles. */
export const ADDED_DIR = 'added';

/** Why an add did not happen, in words for the person who asked (a FetchRefused is the other kind). */
export class AddRefused extends Error {
  constructor(
    readonly reason: 'feed' | 'not-article' | 'several' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'AddRefused';
  }
}

/** What `added` records in an article file. */
export interface AddedRecord {
  /** The link as asked for. */
  requested: string;
  /** The link that answered, after redirects. */
  fetched: string;
  /** Identity of the article: its canonical URL when the page names one on its own host, else `fetched`. */
  canonical: string;
  /** sha256 of the text (paragraphs) and title: the same text from another link is the same article. */
  contentHash: string;
  addedAt: string;
  addedBy: string | null;
  updatedAt: string;
  /** Earlier versions, oldest first: what the text was until `until`. */
  history: { until: string; title: string | null; paragraphs: string[]; contentHash: string }[];
  /** Quotes that changed wording or vanished in an update, oldest first. */
  corrections: QuoteCorrection[];
}

/** An added article on disk: its metadata and text as read, and how it was added. */
type StoredFile = ArticleMeta & { paragraphs: string[]; added: AddedRecord };

/** A quote's earlier wording, from an added article's corrections, with where it was published. */
export interface EarlierWording extends QuoteCorrection {
  /** Article id: its path under the data folder. */
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
}

/** An added article as /sources and replies see it: when it was last updated and what changed. */
export interface AddedSummary {
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  updatedAt: string;
  /** Earlier versions kept (0: never changed). */
  versions: number;
  corrections: QuoteCorrection[];
}

export type AddStatus = 'added' | 'updated' | 'unchanged' | 'exists';

export interface AddOutcome {
  /** added: new; updated: an earlier add of it changed; unchanged: added before, same text; exists: in the corpus. */
  status: AddStatus;
  /** The article as the corpus will hold it, with its quotes and facts. */
  article: CorpusArticle;
  /** Path of its file relative to the data folder (for `exists`: the file that already holds it). */
  file: string;
  record: AddedRecord | null;
  /** What this add changed in the article's quotes (an update), else empty. */
  corrections: QuoteCorrection[];
}

export interface LibraryOptions {
  dataDir: string;
  policy?: FetchPolicy;
  /** Called after a file was written (the bot reloads its corpus, so the article is searchable when the reply goes). */
  afterWrite?: () => Promise<unknown>;
  extractor?: (article: Article) => Extraction;
  now?: () => Date;
  /** Test hook (the kill -9 test): runs once the new file is written and flushed, before it replaces the old one. */
  beforeCommit?: (path: string) => Promise<void>;
}

const sha256 = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

export function contentHash(article: Pick<Article, 'title' | 'paragraphs'>): string {
  return sha256(article.title ?? '', ...article.paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()));
}

/** A URL as an identity: no fragment, no tracking parameters, lower-case host, no trailing slash. */
export function urlKey(value: string | null): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()])
    if (/^(utm_|fbclid$|gclid$|mc_|cmpid$|ocid$|smid$)/i.test(name)) url.searchParams.delete(name);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}

function sameSite(a: string, b: string): boolean {
  try {
    const ha = new URL(a).hostname.toLowerCase().replace(/^www\./, '');
    const hb = new URL(b).hostname.toLowerCase().replace(/^www\./, '');
    return ha === hb || ha.endsWith(`.${hb}`) || hb.endsWith(`.${ha}`);
  } catch {
    return false;
  }
}

function slugFor(canonical: string): string {
  let words = canonical;
  try {
    const u = new URL(canonical);
    words = `${u.hostname.replace(/^www\./, '')} ${u.pathname}`;
  } catch {
    // A file given to `newsroom add`: its name.
    words = canonical.slice(Math.max(canonical.lastIndexOf('/'), canonical.lastIndexOf('\\')) + 1);
  }
  const slug = words
    .toLowerCase()
    .replace(/\.(html?|php|aspx?|txt|md|markdown|json)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'article'}-${sha256(canonical).slice(0, 8)}`;
}

/** Decodes fetched bytes with the charset the server named, else as files are decoded (UTF-8, or a page's meta). */
export function decodeBody(body: Buffer, charset: string | null, html: boolean): string {
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      const text = new TextDecoder(charset).decode(body);
      if (text.trim() !== '') return text;
    } catch {
      // Unknown label: fall back to the file rules.
    }
  }
  return decodeText(body, { html });
}

const FORMAT_OF: Record<BodyKind, ArticleFormat | null> = {
  html: 'html',
  text: 'txt',
  json: 'json',
  rss: null,
  atom: null,
  xml: null,
};

async function writeWhole(
  path: string,
  content: string,
  beforeCommit?: (path: string) => Promise<void>,
): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/'));
  // Hidden: the folder walk skips it, so a half-written file is never read as an article.
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await beforeCommit?.(path);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

export class ArticleLibrary {
  private queue: Promise<unknown> = Promise.resolve();
  private records: { stamp: string; list: AddedSummary[] } | null = null;
  private swept = false;
  private readonly extractor: Promise<(article: Article) => Extraction>;

  constructor(private readonly options: LibraryOptions) {
    this.extractor = options.extractor
      ? Promise.resolve(options.extractor)
      : import('../extract/index.ts').then((m) => m.extract);
  }

  get folder(): string {
    return join(this.options.dataDir, ADDED_DIR);
  }

  /** Adds one at a time: two adds of the same link never race to two files. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  /**
   * Fetches `url` through the guard and adds the article it holds. Throws FetchRefused (the guard said no, or the
   * site failed) or AddRefused (a feed, not an article; no article text).
   */
  async addUrl(
    url: string,
    by: string | null,
    corpus: Corpus | null = null,
    /** False: skip afterWrite (a feed poll reloads once for all its items). */
    notify = true,
  ): Promise<AddOutcome> {
    const got = await guardedFetch(url, this.options.policy ?? {});
    const format = got.kind ? FORMAT_OF[got.kind] : null;
    if (!format)
      throw new AddRefused(
        'feed',
        `${got.url} is a feed (${got.mediaType}), not an article: list it in NEWSROOM_FEEDS to follow it.`,
      );
    let text: string;
    try {
      text = decodeBody(got.body, got.charset, format === 'html');
    } catch (error) {
      throw new AddRefused(
        'unreadable',
        `${got.url} could not be read as text (${(error as Error).message}).`,
      );
    }
    if (format === 'json' && /"version"\s*:\s*"https:\/\/jsonfeed\.org\//.test(text.slice(0, 2000)))
      throw new AddRefused(
        'feed',
        `${got.url} is a JSON Feed, not an article: list it in NEWSROOM_FEEDS to follow it.`,
      );
    return this.addText(text, format, { requested: got.requested, fetched: got.url }, by, corpus, notify);
  }

  /** Adds article content already in hand (a file given to `newsroom add`, a feed item's page). */
  addText(
    text: string,
    format: ArticleFormat,
    from: { requested: string; fetched: string | null },
    by: string | null,
    corpus: Corpus | null = null,
    notify = true,
  ): Promise<AddOutcome> {
    return this.serial(() => this.store(text, format, from, by, corpus, notify));
  }

  private async store(
    text: string,
    format: ArticleFormat,
    from: { requested: string; fetched: string | null },
    by: string | null,
    corpus: Corpus | null,
    notify: boolean,
  ): Promise<AddOutcome> {
    let parsed: Article[];
    try {
      parsed = parseArticleText(text, format, from.fetched ?? from.requested);
    } catch (error) {
      throw new AddRefused(
        'not-article',
        `No article text found at ${from.fetched ?? from.requested} (${(error as Error).message}).`,
      );
    }
    if (parsed.length !== 1)
      throw new AddRefused(
        'several',
        `${from.fetched ?? from.requested} holds ${parsed.length} articles; add one at a time.`,
      );
    const page = parsed[0] as Article;
    // A page may name any canonical address; one on another site could pass this text off as that site's article,
    // so only a canonical on the fetched site is taken as the article's identity and link.
    const fetched = from.fetched;
    const stated = page.url && (!fetched || sameSite(page.url, fetched)) ? page.url : null;
    const canonical = stated ?? fetched ?? from.requested;
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const hash = contentHash(page);
    const body = {
      title: page.title,
      outlet: page.outlet,
      url: stated ?? fetched ?? page.url,
      published: page.published,
      author: page.author,
      paragraphs: page.paragraphs,
    };

    const mine = await this.findAdded(urlKey(canonical), hash);
    if (!mine && corpus) {
      const key = urlKey(canonical);
      const held = corpus.articles.find(
        (a) =>
          !a.id.startsWith(`${ADDED_DIR}/`) &&
          ((key !== null && urlKey(a.url) === key) || contentHash(a) === hash),
      );
      if (held) return { status: 'exists', article: held, file: held.id, record: null, corrections: [] };
    }
    const name = mine?.name ?? `${slugFor(canonical)}.json`;
    const rel = `${ADDED_DIR}/${name}`;
    const status: AddStatus = !mine
      ? 'added'
      : mine.stored.added.contentHash === hash
        ? 'unchanged'
        : 'updated';
    // Read back exactly as the loader will read the file (its `added` record is not article text), so the reply
    // shows what search will find.
    const extract = await this.extractor;
    const readBack = (stored: Omit<StoredFile, 'added'>): CorpusArticle | null => {
      const [a] = parseArticleText(JSON.stringify(stored), 'json', join(this.options.dataDir, rel));
      return a ? { ...a, id: rel, ...extract(a) } : null;
    };
    const withExtraction = readBack(body);
    if (!withExtraction) throw new AddRefused('not-article', 'The article could not be read back.');
    let corrections: QuoteCorrection[] = [];
    if (mine && status === 'updated') {
      const { added: _added, ...earlier } = mine.stored;
      const before = readBack(earlier);
      corrections = before ? compareQuotes(before.quotes, withExtraction.quotes, now) : [];
    }
    const record: AddedRecord = mine
      ? {
          ...mine.stored.added,
          requested: from.requested,
          fetched: fetched ?? mine.stored.added.fetched,
          updatedAt: now,
          contentHash: hash,
          history:
            mine.stored.added.contentHash === hash
              ? mine.stored.added.history
              : [
                  ...mine.stored.added.history,
                  {
                    until: now,
                    title: mine.stored.title,
                    paragraphs: mine.stored.paragraphs,
                    contentHash: mine.stored.added.contentHash,
                  },
                ],
          corrections: [...mine.stored.added.corrections, ...corrections],
        }
      : {
          requested: from.requested,
          fetched: fetched ?? from.requested,
          canonical,
          contentHash: hash,
          addedAt: now,
          addedBy: by,
          updatedAt: now,
          history: [],
          corrections: [],
        };
    const file: StoredFile = { ...body, added: record };
    const content = `${JSON.stringify(file, null, 2)}\n`;
    // The same text again changes nothing on disk (and needs no reload).
    if (status !== 'unchanged') {
      await mkdir(this.folder, { recursive: true });
      await this.sweep();
      await writeWhole(join(this.folder, name), content, this.options.beforeCommit);
      if (notify) await this.options.afterWrite?.();
    } else if (notify && corpus && !corpus.articles.some((a) => a.id === rel)) {
      // Kept already (a feed poll, another bot) but not yet in the corpus answering: reload before the reply.
      await this.options.afterWrite?.();
    }
    return { status, article: withExtraction, file: rel, record, corrections };
  }

  /**
   * Removes temporary files a killed process left (hidden, so never read as articles), once per library. Only those
   * older than STALE_TMP_MS: a write in flight in another process is never taken away.
   */
  private async sweep(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    try {
      for (const name of await readdir(this.folder)) {
        if (!/^\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
        const path = join(this.folder, name);
        if (Date.now() - (await stat(path)).mtimeMs > STALE_TMP_MS) await unlink(path);
      }
    } catch {
      // Best effort: a left-over temporary file costs only its disk space.
    }
  }

  /** Every added article's record (read again only when the folder changed). */
  async addedRecords(): Promise<AddedSummary[]> {
    let stamp: string;
    try {
      const s = await stat(this.folder);
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      return [];
    }
    if (this.records?.stamp === stamp) return this.records.list;
    let names: string[] = [];
    try {
      names = (await readdir(this.folder)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch {
      return [];
    }
    const list: AddedSummary[] = [];
    for (const name of names.sort()) {
      try {
        const stored = JSON.parse(await readFile(join(this.folder, name), 'utf8')) as StoredFile;
        if (!stored.added || typeof stored.added !== 'object') continue;
        list.push({
          articleId: `${ADDED_DIR}/${name}`,
          title: stored.title,
          outlet: stored.outlet,
          url: stored.url,
          updatedAt: stored.added.updatedAt,
          versions: Array.isArray(stored.added.history) ? stored.added.history.length : 0,
          corrections: Array.isArray(stored.added.corrections) ? stored.added.corrections : [],
        });
      } catch {
        // Not one of ours, or being replaced: the loader reports broken files.
      }
    }
    this.records = { stamp, list };
    return list;
  }

  /** Every earlier wording recorded in added articles. */
  async earlierWordings(): Promise<EarlierWording[]> {
    return (await this.addedRecords()).flatMap((a) =>
      a.corrections.map((c) => ({
        ...c,
        articleId: a.articleId,
        title: a.title,
        outlet: a.outlet,
        url: a.url,
      })),
    );
  }

  /** An earlier add of the same canonical URL or the same text. */
  private async findAdded(
    key: string | null,
    hash: string,
  ): Promise<{ name: string; stored: StoredFile } | null> {
    let names: string[];
    try {
      names = (await readdir(this.folder)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch {
      return null;
    }
    let sameText: { name: string; stored: StoredFile } | null = null;
    for (const name of names.sort()) {
      let stored: StoredFile;
      try {
        stored = JSON.parse(await readFile(join(this.folder, name), 'utf8')) as StoredFile;
      } catch {
        continue;
      }
      const added = stored?.added;
      if (!added || typeof added !== 'object' || !Array.isArray(stored.paragraphs)) continue;
      if (!Array.isArray(added.history)) added.history = [];
      if (!Array.isArray(added.corrections)) added.corrections = [];
      if (key !== null && (urlKey(added.canonical) === key || urlKey(added.fetched) === key))
        return { name, stored };
      if (!sameText && added.contentHash === hash) sameText = { name, stored };
    }
    return sameText;
  }
}

export { FetchRefused };
