/**
 * Slack retries an event it thinks we missed (`X-Slack-Retry-Num`), and a network hiccup can deliver an
 * interaction twice. Each request names itself (`event_id` for events, `trigger_id` for slash commands and
 * button clicks); a request id seen recently is acknowledged and dropped, so nothing is ever answered twice.
 */

/** The id Slack gives one delivery's subject: the same across retries of it. */
export function requestId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.event_id === 'string' && b.event_id !== '') return `event:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && b.trigger_id !== '') return `trigger:${b.trigger_id}`;
  return null;
}

/** A small bounded set of recently seen ids (insertion-ordered Map: the oldest go first). */
export class SeenRequests {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 2000,
    /** Slack retries within minutes; an hour covers every retry schedule it documents. */
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `id` was already seen (a duplicate); otherwise remembers it and returns false. */
  checkAndRemember(id: string): boolean {
    const at = this.seen.get(id);
    const now = this.now();
    if (at !== undefined && now - at <= this.ttlMs) return true;
    this.seen.delete(id);
    this.seen.set(id, now);
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return false;
  }

  get size(): number {
    return this.seen.size;
  }
}
