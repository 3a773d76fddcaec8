/**
 * A feed's items: RSS (0.9x, 1.0/RDF, 2.0) and Atom through @rowanmanning/feed-parser (lenient with real-world
 * feeds), JSON Feed 1.x by its own small schema. Item links are resolved against the feed's address.
 */
import { parseFeed } from '@rowanmanning/feed-parser';

export interface FeedEntry {
  /** The item's id (guid), else its link. */
  id: string;
  /** Absolute http(s) link of the article. */
  url: string;
  title: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
  /** Items without a usable http(s) link (skipped). */
  skipped: number;
}

export class FeedError extends Error {
  override name = 'FeedError';
}

function absolute(link: unknown, base: string): string | null {
  if (typeof link !== 'string' || link.trim() === '') return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function jsonFeed(data: Record<string, unknown>, base: string): ParsedFeed {
  const items = Array.isArray(data.items) ? data.items : [];
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const item of items) {
    const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const url = absolute(record.url, base) ?? absolute(record.external_url, base);
    if (!url) {
      skipped++;
      continue;
    }
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : url;
    entries.push({ id, url, title: typeof record.title === 'string' ? record.title : null });
  }
  return { title: typeof data.title === 'string' ? data.title : null, entries, skipped };
}

/** Parses a fetched feed. `json` is true when the server said JSON. Throws FeedError when it is not a feed. */
export function parseFeedText(text: string, base: string, json: boolean): ParsedFeed {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (json || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new FeedError(`not a feed: invalid JSON (${(error as Error).message})`);
    }
    const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    if (typeof record.version !== 'string' || !record.version.startsWith('https://jsonfeed.org/version/'))
      throw new FeedError('not a feed: JSON without a JSON Feed "version"');
    return jsonFeed(record, base);
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(trimmed);
  } catch (error) {
    throw new FeedError(`not an RSS or Atom feed (${(error as Error).message})`);
  }
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    const url = absolute(item.url, base);
    if (!url) {
      skipped++;
      continue;
    }
    entries.push({ id: item.id ?? url, url, title: item.title });
  }
  return { title: feed.title, entries, skipped };
}
