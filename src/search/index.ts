/**
 * The search core: one index over every quote and fact of a corpus. Build it once per corpus (synchronous; cost in
 * bench/search.bench.ts, about a second per 100k quotes); to reload, build a new engine and swap the reference,
 * so queries on the old engine are never blocked.
 */
import type { Corpus } from '../types.ts';
import { buildIndex, clusterCount, itemCount, type SearchIndex } from './build.ts';
import { findSpeakers, lookupSpeaker, preparePhraseText, runSearch, Scratch } from './engine.ts';
import type { SearchEngine } from './types.ts';
import { runVerify } from './verify.ts';

export type { ParsedQuery } from './query.ts';
export { parseQuery } from './query.ts';

/** Builds a search engine over a corpus. The corpus is read, never modified. */
export function createSearchEngine(corpus: Corpus): SearchEngine {
  return engineOver(corpus, buildIndex(corpus));
}

/**
 * The engine answering from an index already built over this corpus (fresh, or read back from a snapshot). The
 * text that questions of common words only are scanned in is built in the background, between other work.
 */
export function engineOver(corpus: Corpus, index: SearchIndex): SearchEngine {
  const scratch = new Scratch(itemCount(index), clusterCount(index));
  void preparePhraseText(index);
  return {
    corpus,
    search: (query, options) => runSearch(index, scratch, query, options),
    verify: (text) => runVerify(index, scratch, text),
    speakers: (prefix, limit) => findSpeakers(index, prefix, limit),
    speaker: (name) => lookupSpeaker(index, name),
  };
}
