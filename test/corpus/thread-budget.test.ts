/** The reload worker cannot run forever: a worker past its time is terminated, and the next reload still works. */
import { describe, expect, it } from 'vitest';
import { loadPackedInWorker, stopCorpusWorkers } from '../../src/corpus-thread.ts';
import { unpack } from '../../src/search/packed.ts';

describe('the corpus worker has a time budget', () => {
  it('terminates a worker that runs past its timeout, and a fresh worker loads afterwards', async () => {
    await expect(loadPackedInWorker('data/articles', { timeoutMs: 1 })).rejects.toThrow(
      /took longer than 1 ms: terminated/,
    );
    const packed = await loadPackedInWorker('data/articles');
    expect(unpack(packed).corpus.articles.length).toBeGreaterThan(0);
  });

  it('stopCorpusWorkers ends a running reload (shutdown), which then fails', async () => {
    const loading = loadPackedInWorker('data/articles');
    // The expectation is attached before the worker is stopped: the reload may fail while stopCorpusWorkers() is
    // still being awaited, and a rejection nobody listens to yet is reported as unhandled.
    const fails = expect(loading).rejects.toThrow(/exited .* without a corpus/);
    await new Promise((done) => setTimeout(done, 50));
    await stopCorpusWorkers();
    await fails;
  });
});
