// Plain JavaScript, so the worker entries (src/corpus-worker.mjs, src/store/worker.mjs) can use it before they
// register tsx.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than the answering thread a reload's worker runs (Unix niceness; 19 is the lowest). */
export const WORKER_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread only (not the process), so that on a busy machine the
 * main thread, which answers, gets a core before a reload's worker does: a reload worker reading, extracting,
 * packing and finally tearing down a heap of a gigabyte had held both cores of a 2-core machine and starved the
 * main thread for 100 ms and more (issue 15). Linux only: there a thread's id, read from /proc/thread-self, is a
 * pid to setpriority(2). Elsewhere, or when it fails, nothing changes. Returns the thread's niceness after, or null.
 */
export function lowerThisThread(niceness = WORKER_NICENESS) {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    // Only ever lower: a thread already nicer than asked keeps its niceness.
    if (getPriority(tid) < niceness) setPriority(tid, niceness);
    return getPriority(tid);
  } catch {
    return null;
  }
}
