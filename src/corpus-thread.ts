/**
 * Reading and extracting a whole archive takes seconds of CPU (about 2 s for 2,000 articles on this machine's
 * cores), and a chat platform gives 3 s to answer. A reload therefore builds the corpus on a worker thread; the
 * main thread keeps answering with the old one. The search index is built there too, and corpus and index come
 * over as buffers that are moved, not copied (src/search/packed.ts).
 *
 * A worker that runs past its time or memory budget is terminated and the reload fails (the old corpus stays,
 * and the next change or SIGHUP starts a fresh worker). Workers never keep the process alive: SIGTERM exits
 * even mid-reload, and stopCorpusWorkers() ends any still running.
 */
import { Worker } from 'node:worker_threads';
import type { PackedIndex } from './search/packed.ts';

/** A reload taking longer than this is stuck (2,100 articles take about 5 s): the worker is terminated. */
export const CORPUS_WORKER_TIMEOUT_MS = 10 * 60 * 1000;
/** Heap for one reload; a reload needing more fails (ERR_WORKER_OUT_OF_MEMORY) instead of taking the machine. */
export const CORPUS_WORKER_HEAP_MB = 4096;

const running = new Set<Worker>();

/** Terminates every running corpus worker (shutdown); their reloads fail. */
export async function stopCorpusWorkers(): Promise<void> {
  await Promise.allSettled([...running].map((w) => w.terminate()));
}

/**
 * Starts and ends one empty worker thread. Call it at start-up, before the corpus is loaded: the first worker a
 * process makes cost the main thread 65-123 ms when it came with a million quotes in the heap (a reload's first
 * worker, measured with bench/reload.bench.ts), and 1 ms once one worker had been made before the heap grew. A
 * failure here only leaves that first reload slower.
 */
export async function prewarmWorkers(): Promise<void> {
  try {
    // (Not unref'd: it ends at once, and an unref'd one would leave nothing keeping this await alive.)
    const worker = new Worker('0', { eval: true });
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.once('error', () => resolve());
    });
  } catch {
    // Nothing is lost but the warm-up.
  }
}

/**
 * loadCorpus(dataDir) and the search index over it, both built on a worker thread and moved here as buffers
 * (src/search/packed.ts): the caller only unpacks them, in slices (unpackAsync), and swaps the engine in.
 */
export function loadPackedInWorker(
  dataDir: string,
  options: { timeoutMs?: number } = {},
): Promise<PackedIndex> {
  return runWorker<PackedIndex>(new URL('./corpus-worker.mjs', import.meta.url), { dataDir }, running, {
    heapMb: CORPUS_WORKER_HEAP_MB,
    timeoutMs: options.timeoutMs ?? CORPUS_WORKER_TIMEOUT_MS,
    name: 'the corpus worker',
    answer: 'a corpus',
  });
}

/** A worker's budget, and how its errors name it. */
export interface WorkerBudget {
  heapMb: number;
  timeoutMs: number;
  /** `the corpus worker` */
  name: string;
  /** What it answers with, for the error when it exits without one: `a corpus`. */
  answer: string;
}

/**
 * Runs one job on a worker thread and resolves with its first message. The worker is terminated once it has
 * answered, failed or run past its time; it never keeps the process alive, and sits in `running` (for shutdown)
 * until it exits.
 */
export function runWorker<T>(
  url: URL,
  workerData: unknown,
  running: Set<Worker>,
  budget: WorkerBudget,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: budget.heapMb },
    });
    worker.unref();
    running.add(worker);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() => reject(new Error(`${budget.name} took longer than ${budget.timeoutMs} ms: terminated`))),
      budget.timeoutMs,
    );
    timer.unref();
    worker.once('message', (out: T) => settle(() => resolve(out)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => {
      running.delete(worker);
      settle(() => reject(new Error(`${budget.name} exited (code ${code}) without ${budget.answer}`)));
    });
  });
}
