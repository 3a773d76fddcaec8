/**
 * Buttons ("Share to channel", "More results") carry a short key, not the query: Discord's custom_id allows
 * 100 characters and a query can be longer. The key maps to the command invocation here, in memory; an expired
 * key gets a friendly "run the command again" from the adapter.
 */
import { randomBytes } from 'node:crypto';

export interface StoredInvocation {
  command: string;
  args: Record<string, unknown>;
  page: number;
  /** A per-result Share: the 0-based index of the result on that page. */
  result?: number;
}

export class ActionStore {
  private readonly entries = new Map<string, { value: StoredInvocation; expires: number }>();

  constructor(
    private readonly maxEntries = 5000,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores an invocation and returns its key (16 url-safe characters). */
  put(value: StoredInvocation): string {
    const key = randomBytes(12).toString('base64url');
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    // Map keeps insertion order: the first keys are the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return key;
  }

  get(key: string): StoredInvocation | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires < this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}
