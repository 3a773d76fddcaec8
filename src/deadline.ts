/**
 * Deadlines and load shedding for chat requests, shared by the Slack and Discord adapters (no platform code).
 *
 * Slack and Discord drop a request not acknowledged within 3 s of sending it. When the machine is busy, a request
 * can wait in the event loop for seconds before any handler sees it, so every decision here is measured from the
 * request's arrival (src/server.ts records it, corrected for how late the event loop was running), never from a
 * fixed timer started in the handler:
 *
 * - an answer ready within INLINE_BUDGET_MS of arrival goes in the acknowledgement;
 * - past that, or when the request's wait plus its expected work passes ACK_FIRST_AFTER_MS, it is acknowledged
 *   (deferred) first and the answer follows through response_url / the interaction webhook;
 * - past SHED_AFTER_MS of waiting, or when the deferred work already queued would take longer than
 *   MAX_QUEUED_WORK_MS to finish, the request gets an immediate short "busy, try again shortly" instead.
 */
import { performance } from 'node:perf_hooks';

/** What Slack and Discord allow for the first response. */
export const PLATFORM_DEADLINE_MS = 3000;
/** An answer later than this after arrival never goes in the acknowledgement (network and clock margin). */
export const INLINE_BUDGET_MS = 2000;
/**
 * A request whose wait plus the expected time of its work passes this acknowledges first, then works. Deferring
 * costs a second request (response_url, webhook edit), so quick work is still done inline when there is time.
 */
export const ACK_FIRST_AFTER_MS = 1200;
/** A request that waited this long gets "busy" at once: doing the work would only add to the backlog. */
export const SHED_AFTER_MS = 2000;
/** Deferred work queued beyond this much estimated time is refused with "busy" (a reporter's patience). */
export const MAX_QUEUED_WORK_MS = 10_000;
/** The reply a shed request gets. */
export const BUSY_TEXT = 'The bot is very busy right now. Please try again in a moment.';

/**
 * When the platform sent a request, as far as its signed timestamp (whole seconds) tells: the middle of that
 * second. The event loop's lag misses time a request spends queued in the kernel while the bot is busy with
 * others, or not scheduled at all on a loaded machine; the sender's clock does not. Slack and Discord refuse to
 * work with clocks more than minutes apart; this assumes the host's clock is NTP-synchronised (within ~0.5 s).
 */
export function sentAt(
  timestampSeconds: number | null,
  nowMs = Date.now(),
  nowPerf = performance.now(),
): number {
  // Outside the replay window the request is refused anyway (401): its timestamp says nothing about load.
  if (timestampSeconds === null || Math.abs(nowMs / 1000 - timestampSeconds) > 300) return nowPerf;
  return nowPerf - Math.max(0, nowMs - timestampSeconds * 1000 - 500);
}

/** Milliseconds since the request arrived (performance.now() clock). */
export function ageOf(arrivedAt: number, now = performance.now()): number {
  return Math.max(0, now - arrivedAt);
}

/** Requests read but not yet handled, kept by src/server.ts: deferred work yields to them. */
export const requestsWaiting = { count: 0 };
/** Turns deferred work gives up to waiting requests before it takes one. */
const YIELD_TURNS = 3;

/**
 * Deferred work, run one item at a time with a turn of the event loop between items, so acknowledgements of
 * new requests go out between searches. Keeps a running average of how long an item takes, which is what
 * "past capacity" is measured against.
 */
export class WorkQueue {
  private readonly items: (() => Promise<void>)[] = [];
  private running = false;
  /** Exponentially weighted average of one item's duration, ms. */
  private averageMs = 5;
  private yielded = 0;
  private waitingSince: number | null = null;

  constructor(private readonly maxQueuedMs = MAX_QUEUED_WORK_MS) {}

  /** The average time one item of work takes, ms. */
  get averageWorkMs(): number {
    return this.averageMs;
  }

  /** Estimated ms until a newly queued item would be done. */
  get expectedWaitMs(): number {
    return (this.items.length + (this.running ? 1 : 0) + 1) * this.averageMs;
  }

  get length(): number {
    return this.items.length;
  }

  /** True when new work would finish too late: the caller answers "busy" instead. */
  get full(): boolean {
    return this.expectedWaitMs > this.maxQueuedMs;
  }

  /** Queues work; it never rejects (errors are the caller's to catch inside `work`). */
  push(work: () => Promise<void>): void {
    this.items.push(work);
    if (!this.running) this.drain();
  }

  /** Records how long one piece of inline work took, so the estimate follows the machine's real speed. */
  observe(ms: number): void {
    this.averageMs = this.averageMs * 0.8 + Math.max(0.1, ms) * 0.2;
  }

  private drain(): void {
    this.running = true;
    setImmediate(async () => {
      // Acknowledgements first: while requests wait for their turn (src/server.ts), deferred work, whose answer
      // has minutes, takes one turn in YIELD_TURNS + 1.
      // The turns given up count as the item's time: the estimate is how fast the queue really drains.
      this.waitingSince ??= performance.now();
      if (requestsWaiting.count > 0 && this.yielded < YIELD_TURNS) {
        this.yielded++;
        this.drain();
        return;
      }
      this.yielded = 0;
      const next = this.items.shift();
      const started = this.waitingSince;
      this.waitingSince = null;
      if (!next) {
        this.running = false;
        return;
      }
      try {
        await next();
      } catch {
        // Work items catch their own errors; this keeps the queue alive if one does not.
      }
      this.observe(performance.now() - started);
      this.drain();
    });
  }
}

/** What to do with a request that has waited `age` ms, given the queue of deferred work. */
export type Plan = 'inline' | 'defer' | 'busy';

export function plan(age: number, queue: WorkQueue): Plan {
  if (age >= SHED_AFTER_MS) return 'busy';
  // Work already waiting goes first; a request that would finish too late for its ack defers.
  const expected = age + Math.max(50, 4 * queue.averageWorkMs);
  if (expected >= ACK_FIRST_AFTER_MS || queue.length > 0) return queue.full ? 'busy' : 'defer';
  return 'inline';
}
