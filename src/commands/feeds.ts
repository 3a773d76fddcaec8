/** `/sources feeds`: each followed feed's last poll, items and last error (src/feeds/poller.ts). */
import type { FeedStatus } from '../feeds/poller.ts';
import * as r from '../reply/build.ts';
import type { Reply } from '../reply/types.ts';

/** What /sources feeds reads: the poller's status and interval. */
export interface FeedStatusSource {
  status(): FeedStatus[];
  readonly minutes: number;
}

let source: FeedStatusSource | null = null;

/** main.ts sets the running poller (or null when no feeds are configured). */
export function setFeedPoller(next: FeedStatusSource | null): void {
  source = next;
}

/** `2026-11-27T12:58:03.120Z` -> `2026-11-27 12:58 UTC` */
function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'not yet';
}

export function feedsReply(): Reply {
  const feeds = source?.status() ?? [];
  if (!source || feeds.length === 0)
    return r.card({
      title: 'Feeds',
      status: 'empty',
      blocks: [
        r.text('No feeds are followed. List RSS, Atom or JSON Feed links in NEWSROOM_FEEDS to follow them.'),
      ],
    });
  const failing = feeds.filter((f) => f.lastError).length;
  return r.card({
    title: 'Feeds',
    status: 'ok',
    blocks: [
      r.text(
        `${feeds.length} feed${feeds.length === 1 ? '' : 's'}, polled every ${source.minutes} minutes` +
          (failing > 0 ? `; ${failing} with an error.` : '.'),
      ),
      r.list(
        feeds.map((f) =>
          [
            f.title ? `${f.title} (${f.url})` : f.url,
            `last poll ${when(f.lastPoll)}${f.notModified ? ' (not modified)' : ''}`,
            `${f.items} item${f.items === 1 ? '' : 's'}, ${f.added} added`,
            f.lastError ? `last error ${when(f.lastErrorAt)}: ${f.lastError}` : 'no error',
          ].join(' · '),
        ),
      ),
    ],
  });
}
