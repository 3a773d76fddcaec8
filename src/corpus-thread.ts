/**
 * Reading and extracting a whole archive takes seconds of CPU (about 2 s for 2,000 articles on this machine's
 * cores), and a chat platform gives 3 s to answer. A reload therefore builds the corpus on a worker thread; the
 * main thread keeps answering with the old one and receives plain data (a structured clone) when it is ready.
 */
import { Worker } from 'node:worker_threads';
import type { Corpus } from './types.ts';

/** loadCorpus(dataDir), run on a worker thread. Rejects if the worker fails or exits without an answer. */
export function loadCorpusInWorker(dataDir: string): Promise<Corpus> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./corpus-worker.mjs', import.meta.url), { workerData: { dataDir } });
    let settled = false;
    worker.once('message', (corpus: Corpus) => {
      settled = true;
      resolve(corpus);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the corpus worker exited (code ${code}) without a corpus`));
    });
  });
}
