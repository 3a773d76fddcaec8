import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus.ts';
import { loadPackedInWorker } from '../../src/corpus-thread.ts';
import { reloadEngine } from '../../src/main.ts';
import { itemCount } from '../../src/search/build.ts';
import { readyPhraseText } from '../../src/search/engine.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { unpack } from '../../src/search/packed.ts';

describe('loading the corpus on a worker thread (reloads)', () => {
  it('gives the same corpus as loading it here', async () => {
    const [here, packed] = await Promise.all([
      loadCorpus('data/articles'),
      loadPackedInWorker('data/articles'),
    ]);
    // The worker made the phrase text too (the answering thread only turns it back into strings).
    expect(packed.phrase?.starts.length).toBeGreaterThan(0);
    const { corpus: there, index } = unpack(packed);
    expect(readyPhraseText(index)?.starts.length).toBe(itemCount(index));
    expect(there.articles.map((a) => a.id)).toEqual(here.articles.map((a) => a.id));
    expect(there.articles.flatMap((a) => a.quotes)).toEqual(here.articles.flatMap((a) => a.quotes));
    expect(there.speakers).toEqual(here.speakers);
    expect(there.loadedAt).toBeInstanceOf(Date);
  });

  it('reports problems from the worker like the main thread does', async () => {
    const corpus = unpack(await loadPackedInWorker('no/such/folder')).corpus;
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems[0]?.file).toBe('no/such/folder');
  });

  it('builds, on the worker, an engine answering as one built here', async () => {
    const [engine, here] = await Promise.all([reloadEngine('data/articles'), loadCorpus('data/articles')]);
    const fresh = createSearchEngine(here);
    expect(engine.search('putin working group').results[0]?.speaker).toBe('Vladimir Putin');
    for (const q of ['putin working group', 'speaker:trump', 'type:fact 2018', 'helsinki monday', 'zzzz']) {
      expect(engine.search(q)).toEqual(fresh.search(q));
    }
    expect(engine.verify('We are ready to work together')).toEqual(
      fresh.verify('We are ready to work together'),
    );
  });
});
