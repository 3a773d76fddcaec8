/**
 * Deadlines and load shedding for chat requests, shared by the Slack and Discord adapters (no platform code).
 *
 * Slack and Discord drop a request not acknowledged within 3 s of sending it. When the machine is busy, a request
 * can wait in the event loop for seconds before any handler sees it, so every decision here is measured from the
 * request's arrival (src/server.ts records it, corrected for how late the event loop was running), never from a
 * fixed timer started in the handler:
 *
 * - an answer ready within INLINE_BUDGET_MS of arrival goes in the acknowledgement;
 * - past that, or when the request already waited ACK_FIRST_AFTER_MS before we could start, it is acknowledged
 *   (deferred) first and the answer follows through response_url / the interaction webhook;
 * - past SHED_AFTER_MS of waiting, or when the deferred work already queued would take longer than
 *   MAX_QUEUED_WORK_MS to finish, the request gets an immediate short "busy, try again shortly" instead.
 */
import { performance } from 'node:perf_hooks';

/** What Slack and Discord allow for the first response. */
export const PLATFORM_DEADLINE_MS = 3000;
/** An answer later than this after arrival never goes in the acknowledgement (network and clock margin). */
export const INLINE_BUDGET_MS = 2000;
/** A request that waited this long before we could start acknowledges first, then works. */
export const ACK_FIRST_AFTER_MS = 800;
/** A request that waited this long gets "busy": doing the work would only add to the backlog. */
export const SHED_AFTER_MS = 2000;
/** Deferred work queued beyond this much estimated time is refused with "busy" (a reporter's patience). */
export const MAX_QUEUED_WORK_MS = 10_000;
/** The reply a shed request gets. */
export const BUSY_TEXT = 'The bot is very busy right now. Please try again in a moment.';

/** Milliseconds since the request arrived (performance.now() clock). */
export function ageOf(arrivedAt: number, now = performance.now()): number {
  return Math.max(0, now - arrivedAt);
}

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

  constructor(private readonly maxQueuedMs = MAX_QUEUED_WORK_MS) {}

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
      const next = this.items.shift();
      if (!next) {
        this.running = false;
        return;
      }
      const started = performance.now();
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
  if (age >= ACK_FIRST_AFTER_MS || queue.length > 0) return queue.full ? 'busy' : 'defer';
  return 'inline';
}
