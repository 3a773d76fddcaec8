/** The reload worker cannot run forever: a worker past its time is terminated, and the next reload still works. */
import { describe, expect, it } from 'vitest';
import { loadCorpusInWorker, stopCorpusWorkers } from '../../src/corpus-thread.ts';

describe('the corpus worker has a time budget', () => {
  it('terminates a worker that runs past its timeout, and a fresh worker loads afterwards', async () => {
    await expect(loadCorpusInWorker('data/articles', { timeoutMs: 1 })).rejects.toThrow(
      /took longer than 1 ms: terminated/,
    );
    const corpus = await loadCorpusInWorker('data/articles');
    expect(corpus.articles.length).toBeGreaterThan(0);
  });

  it('stopCorpusWorkers ends a running reload (shutdown), which then fails', async () => {
    const loading = loadCorpusInWorker('data/articles');
    await new Promise((done) => setTimeout(done, 50));
    await stopCorpusWorkers();
    await expect(loading).rejects.toThrow(/exited .* without a corpus/);
  });
});
