/**
 * Replay protection shared by the chat adapters (no platform code). A signed request is valid while its
 * timestamp is inside the platform's window (5 minutes either side of now), so a captured request could be sent
 * again until then; each one is therefore remembered for the whole window and a second delivery is refused.
 */

/** Slack and Discord requests are accepted up to 5 minutes either side of now. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** A request timestamp that is a plain integer of seconds (not "Infinity", "1e400", "-0" or "12.5"). */
export function parseTimestamp(raw: string | string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^\d{1,12}$/.test(raw)) return null;
  return Number(raw);
}

/** True when `seconds` is inside the window around `nowMs`. */
export function withinWindow(seconds: number, nowMs = Date.now()): boolean {
  return Math.abs(nowMs / 1000 - seconds) <= TIMESTAMP_WINDOW_SECONDS;
}

/**
 * Ids seen recently, each kept for `ttlMs`. Insertion order is time order, so expired ids are dropped from the
 * front as new ones come, and memory follows the traffic of one window. `maxEntries` is a last resort against
 * floods far past capacity (1,500 requests a second for 10 minutes); only then are unexpired ids forgotten.
 */
export class SeenSet {
  private readonly seen = new Map<string, number>();
  private overflowed = false;

  constructor(
    private readonly maxEntries = 1_000_000,
    /** A request stays replayable for the whole window on both sides of its timestamp, plus a minute. */
    private readonly ttlMs = (2 * TIMESTAMP_WINDOW_SECONDS + 60) * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `id` was seen within the ttl (a replay); otherwise remembers it and returns false. */
  checkAndRemember(id: string): boolean {
    const now = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at <= this.ttlMs) return true;
    this.seen.delete(id);
    for (const [oldest, time] of this.seen) {
      if (now - time <= this.ttlMs && this.seen.size < this.maxEntries) break;
      if (now - time <= this.ttlMs) this.overflowed = true;
      this.seen.delete(oldest);
    }
    this.seen.set(id, now);
    return false;
  }

  /** True once an unexpired id had to be forgotten to stay within maxEntries. */
  get hasOverflowed(): boolean {
    return this.overflowed;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** A memory of ids shared by several bots (the store's, src/store/index.ts): true when `id` was seen before. */
export interface SharedSeen {
  checkAndRemember(id: string): boolean | Promise<boolean>;
}

/**
 * How long a request waits for the shared memory before going on with this bot's own (a database that stops
 * answering must not hold acknowledgements past their deadline; the store logs its own failures).
 */
export const SHARED_SEEN_WAIT_MS = 500;

/**
 * Replay memory of one adapter: this bot's own SeenSet, and with several bots on one PostgreSQL store the
 * store's too, so a signed request or interaction replayed to another replica is refused there as well. The
 * local set answers replays to this bot without a round trip; the shared one is asked only about new ids (one
 * INSERT ... ON CONFLICT: of two bots receiving the same id at once, exactly one wins).
 */
export class ReplayGuard {
  private warnedSlow = false;

  constructor(
    private readonly shared: SharedSeen | undefined,
    readonly local = new SeenSet(),
    private readonly onSlow: (error: unknown) => void = () => {},
  ) {}

  /** True when `id` was seen before, here or (with a shared store) by another bot; otherwise remembers it. */
  async seen(id: string): Promise<boolean> {
    if (this.local.checkAndRemember(id)) return true;
    if (!this.shared) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        Promise.resolve(this.shared.checkAndRemember(id)),
        new Promise<boolean>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`shared replay memory slower than ${SHARED_SEEN_WAIT_MS} ms`)),
            SHARED_SEEN_WAIT_MS,
          );
        }),
      ]);
    } catch (error) {
      if (!this.warnedSlow) {
        this.warnedSlow = true;
        this.onSlow(error);
      }
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  get hasOverflowed(): boolean {
    return this.local.hasOverflowed;
  }
}
