/** What the benches measure alike: memory after collection, and percentiles. */

const exposedGc = (globalThis as { gc?: () => void }).gc;

/**
 * JS heap plus memory outside it (typed-array buffers hold the postings): what an index really costs. Collected
 * three times with pauses between (when run with --expose-gc): a freed buffer's memory is given back after the
 * collection that finds it, so a single gc() right after a build still counted the build's scratch buffers (up to a
 * third more at 1e6).
 */
export async function heapNow(): Promise<number> {
  for (let k = 0; k < 3; k++) {
    exposedGc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** The p-th percentile of ascending `sorted` (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
