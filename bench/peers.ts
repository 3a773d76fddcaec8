/**
 * The search libraries a user would weigh against this engine, each set up as its documentation recommends for
 * typo-tolerant full-text search, over the same flat items (one per quote or fact: its text, speaker, article
 * title and outlet). Used by `npm run bench` only (devDependencies).
 *
 * - FlexSearch 0.8: a Document index over the four fields, `tokenize: 'forward'` (prefixes), the Latin encoder
 *   chosen by `--flex-encoder` (default LatinBalance: of the four Latin presets it measured the best recall on the
 *   bench's misspelt queries, 0.98 at rank 1 on the synthetic set and 0.77 on the news workload at 2e4 quotes,
 *   against 0.87 / 0.37 for the phonetic LatinSoundex), searched with `suggest: true` (a result need not hold
 *   every word) and `merge: true` (one entry per document over the fields).
 * - MiniSearch 7: the same four fields with the same weights as the engine's re-rank (boost), `fuzzy: 0.2`,
 *   `prefix: true`, `combineWith: 'OR'`.
 * - plain fuse.js 7: `keys` text 4, speaker 1.5, title 0.5, outlet 0.5, `ignoreLocation` and `ignoreFieldNorm`.
 */
import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Corpus } from '../src/types.ts';

/** One quote or fact as a general-purpose library indexes it. */
export interface FlatItem {
  id: number;
  articleId: string;
  text: string;
  speaker: string;
  title: string;
  outlet: string;
}

/** Every quote and fact of the corpus, in corpus order. */
export function flatItems(corpus: Corpus, withFacts = true): FlatItem[] {
  const items: FlatItem[] = [];
  for (const a of corpus.articles) {
    const base = { articleId: a.id, title: a.title ?? '', outlet: a.outlet ?? '' };
    for (const q of a.quotes)
      items.push({ id: items.length, ...base, text: q.text, speaker: q.speaker ?? '' });
    if (withFacts)
      for (const f of a.facts) items.push({ id: items.length, ...base, text: f.text, speaker: '' });
  }
  return items;
}

/** A built peer: ids of the best items for a query, best first. */
export interface Peer {
  search(query: string, limit: number): number[];
}

export type FlexEncoder = 'LatinBalance' | 'LatinAdvanced' | 'LatinExtra' | 'LatinSoundex';

export function buildFlex(items: FlatItem[], encoderName: FlexEncoder = 'LatinBalance'): Peer {
  const encoder = Charset[encoderName];
  const field = (name: string) => ({ field: name, tokenize: 'forward' as const, encoder });
  const doc = new Document({
    document: { id: 'id', index: [field('text'), field('speaker'), field('title'), field('outlet')] },
  });
  for (const it of items)
    doc.add({ id: it.id, text: it.text, speaker: it.speaker, title: it.title, outlet: it.outlet });
  return {
    search(query, limit) {
      const res = doc.search(query, { suggest: true, limit, merge: true }) as unknown as Array<{
        id: number;
      }>;
      return res.slice(0, limit).map((r) => r.id);
    },
  };
}

export function buildMini(items: FlatItem[]): Peer {
  const mini = new MiniSearch<FlatItem>({
    fields: ['text', 'speaker', 'title', 'outlet'],
    storeFields: [],
    searchOptions: {
      fuzzy: 0.2,
      prefix: true,
      combineWith: 'OR',
      boost: { text: 4, speaker: 1.5, title: 0.5, outlet: 0.5 },
    },
  });
  mini.addAll(items);
  return {
    search(query, limit) {
      return mini
        .search(query)
        .slice(0, limit)
        .map((r) => r.id as number);
    },
  };
}

export function buildFuse(items: FlatItem[]): Peer {
  const fuse = new Fuse(items, {
    keys: [
      { name: 'text', weight: 4 },
      { name: 'speaker', weight: 1.5 },
      { name: 'title', weight: 0.5 },
      { name: 'outlet', weight: 0.5 },
    ],
    ignoreLocation: true,
    ignoreFieldNorm: true,
    includeScore: true,
  });
  return {
    search(query, limit) {
      return fuse.search(query, { limit }).map((r) => r.item.id);
    },
  };
}
