/**
 * Follows the newsroom's feeds (NEWSROOM_FEEDS): every NEWSROOM_FEED_MINUTES each feed is fetched through the
 * guarded fetch with its ETag and Last-Modified (a 304 costs nothing), and its new items are fetched and added like
 * /add does. Feeds are polled one after another and each on its own: one failing feed (or item) is recorded in its
 * status and never stops the others. What was seen survives a restart in DATA/added/.feeds.json (hidden: the loader
 * skips it), so a restart does not fetch every item again.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type FetchPolicy, FetchRefused, guardedFetch } from '../fetch/guard.ts';
import { ADDED_DIR, type ArticleLibrary, decodeBody } from '../fetch/library.ts';
import type { Logger } from '../log.ts';
import type { Corpus } from '../types.ts';
import { FeedError, parseFeedText } from './parse.ts';

/** New items fetched per feed and poll; the rest wait for the next poll. */
export const MAX_NEW_ITEMS = 25;
/** Item ids remembered per feed (a feed lists its latest items; this is many times that). */
const SEEN_LIMIT = 2000;

/** One feed as `/sources feeds` shows it. */
export interface FeedStatus {
  url: string;
  title: string | null;
  /** When it was last polled (ISO), and whether the answer was a 304. */
  lastPoll: string | null;
  notModified: boolean;
  /** Items in the feed at the last poll that changed. */
  items: number;
  /** Articles added from it since the bot started following it. */
  added: number;
  /** The last poll's error (the feed itself, or the last item that failed), or null. */
  lastError: string | null;
  lastErrorAt: string | null;
}

interface FeedState extends FeedStatus {
  etag: string | null;
  lastModified: string | null;
  seen: string[];
}

export interface PollerOptions {
  urls: readonly string[];
  minutes: number;
  library: Pick<ArticleLibrary, 'addUrl'>;
  policy?: FetchPolicy;
  /** Where what was seen is kept between runs (default DATA/added/.feeds.json); null keeps nothing. */
  stateFile: string | null;
  /** The corpus now (an item already held from another file is not added again). */
  corpus?: () => Corpus | null;
  /** Called once after a poll that added or changed articles (the bot reloads). */
  onAdded?: () => Promise<unknown>;
  logger?: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
}

export function defaultStateFile(dataDir: string): string {
  return join(dataDir, ADDED_DIR, '.feeds.json');
}

export class FeedPoller {
  private readonly feeds: FeedState[];
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private loaded = false;
  private stopped = false;

  constructor(private readonly options: PollerOptions) {
    this.feeds = options.urls.map((url) => ({
      url,
      title: null,
      lastPoll: null,
      notModified: false,
      items: 0,
      added: 0,
      lastError: null,
      lastErrorAt: null,
      etag: null,
      lastModified: null,
      seen: [],
    }));
  }

  /** Each feed's state, in the order configured. */
  status(): FeedStatus[] {
    return this.feeds.map(({ etag: _e, lastModified: _l, seen: _s, ...status }) => ({ ...status }));
  }

  get minutes(): number {
    return this.options.minutes;
  }

  /** Polls now, then every `minutes`. The timer never keeps the process alive. */
  start(): void {
    if (this.timer || this.feeds.length === 0) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.minutes * 60_000);
    this.timer.unref();
  }

  /** No more polls; a poll under way stops before its next feed or item (a stopping bot never waits for it). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Polls every feed once; a poll already running is joined, not doubled. */
  poll(): Promise<void> {
    this.polling ??= this.pollAll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  private async pollAll(): Promise<void> {
    await this.loadState();
    let changed = 0;
    for (const feed of this.feeds) {
      if (this.stopped) break;
      try {
        changed += await this.pollOne(feed);
      } catch (error) {
        // pollOne records its own failures; this is a bug, and still only this feed's.
        feed.lastError = error instanceof Error ? error.message : String(error);
        feed.lastErrorAt = this.now();
        this.options.logger?.warn({ err: error, feed: feed.url }, 'feed poll failed');
      }
    }
    await this.saveState();
    if (changed > 0) await this.options.onAdded?.();
  }

  /** Returns how many articles were added or updated. */
  private async pollOne(feed: FeedState): Promise<number> {
    feed.lastPoll = this.now();
    let text: string;
    let base: string;
    let json: boolean;
    try {
      const got = await guardedFetch(feed.url, {
        ...(this.options.policy ?? {}),
        etag: feed.etag,
        lastModified: feed.lastModified,
      });
      feed.notModified = got.notModified;
      feed.etag = got.etag;
      feed.lastModified = got.lastModified;
      if (got.notModified) {
        feed.lastError = null;
        return 0;
      }
      if (got.kind === 'html') throw new FeedError(`not a feed: ${got.mediaType}`);
      text = decodeBody(got.body, got.charset, false);
      base = got.url;
      json = got.kind === 'json';
    } catch (error) {
      feed.lastError =
        error instanceof FetchRefused || error instanceof FeedError ? error.message : String(error);
      feed.lastErrorAt = feed.lastPoll;
      return 0;
    }
    let parsed: ReturnType<typeof parseFeedText>;
    try {
      parsed = parseFeedText(text, base, json);
    } catch (error) {
      feed.lastError = (error as Error).message;
      feed.lastErrorAt = feed.lastPoll;
      // Next time, fetch it whole again rather than be told it has not changed.
      feed.etag = null;
      feed.lastModified = null;
      return 0;
    }
    feed.title = parsed.title;
    feed.items = parsed.entries.length;
    feed.lastError = null;
    const seen = new Set(feed.seen);
    const fresh = parsed.entries.filter((e) => !seen.has(e.id)).slice(0, MAX_NEW_ITEMS);
    let changed = 0;
    for (const entry of fresh) {
      if (this.stopped) break;
      try {
        const out = await this.options.library.addUrl(
          entry.url,
          `feed:${feed.url}`,
          this.options.corpus?.() ?? null,
          false,
        );
        if (out.status === 'added' || out.status === 'updated') {
          changed++;
          feed.added++;
        }
        feed.seen.push(entry.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        feed.lastError = `item ${entry.url}: ${message}`;
        feed.lastErrorAt = feed.lastPoll;
        // A network hiccup or a timeout is tried again next poll; a refusal or a page with no article is final.
        const retry =
          error instanceof FetchRefused && ['network', 'timeout', 'status'].includes(error.reason);
        if (!retry) feed.seen.push(entry.id);
      }
    }
    if (feed.seen.length > SEEN_LIMIT) feed.seen.splice(0, feed.seen.length - SEEN_LIMIT);
    return changed;
  }

  private async loadState(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.options.stateFile) return;
    let saved: Record<string, Partial<FeedState>>;
    try {
      saved = JSON.parse(await readFile(this.options.stateFile, 'utf8')) as Record<
        string,
        Partial<FeedState>
      >;
    } catch {
      return;
    }
    for (const feed of this.feeds) {
      const s = saved[feed.url];
      if (!s || typeof s !== 'object') continue;
      feed.etag = typeof s.etag === 'string' ? s.etag : null;
      feed.lastModified = typeof s.lastModified === 'string' ? s.lastModified : null;
      feed.seen = Array.isArray(s.seen) ? s.seen.filter((x): x is string => typeof x === 'string') : [];
      feed.title = typeof s.title === 'string' ? s.title : null;
    }
  }

  private async saveState(): Promise<void> {
    const file = this.options.stateFile;
    if (!file) return;
    const data: Record<string, unknown> = {};
    for (const f of this.feeds)
      data[f.url] = { title: f.title, etag: f.etag, lastModified: f.lastModified, seen: f.seen };
    try {
      await mkdir(dirname(file), { recursive: true });
      const tmp = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(`${JSON.stringify(data)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
    } catch (error) {
      this.options.logger?.warn(
        { err: error, file },
        'could not keep the feeds state; the next start fetches items again',
      );
    }
  }
}
