import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus.ts';
import { loadCorpusInWorker } from '../../src/corpus-thread.ts';
import { reloadEngine } from '../../src/main.ts';

describe('loading the corpus on a worker thread (reloads)', () => {
  it('gives the same corpus as loading it here', async () => {
    const [here, there] = await Promise.all([
      loadCorpus('data/articles'),
      loadCorpusInWorker('data/articles'),
    ]);
    expect(there.articles.map((a) => a.id)).toEqual(here.articles.map((a) => a.id));
    expect(there.articles.flatMap((a) => a.quotes)).toEqual(here.articles.flatMap((a) => a.quotes));
    expect(there.speakers).toEqual(here.speakers);
    expect(there.loadedAt).toBeInstanceOf(Date);
  });

  it('reports problems from the worker like the main thread does', async () => {
    const corpus = await loadCorpusInWorker('no/such/folder');
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems[0]?.file).toBe('no/such/folder');
  });

  it('builds a searchable engine from the worker corpus', async () => {
    const engine = await reloadEngine('data/articles');
    const top = engine.search('putin working group').results[0];
    expect(top?.speaker).toBe('Vladimir Putin');
  });
});
