/**
 * The packed layout (src/search/packed.ts): an index packed into buffers, moved (as between threads) and unpacked
 * answers exactly as the index built from the corpus, and holds the same data.
 */
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../bench/synth.ts';
import {
  buildIndex,
  clusterAt,
  clusterCount,
  itemAt,
  itemCount,
  type SearchIndex,
} from '../../src/search/build.ts';
import { preparePhraseText, readyPhraseText } from '../../src/search/engine.ts';
import { backgroundWork, createSearchEngine, engineOver } from '../../src/search/index.ts';
import {
  ArticleBodies,
  articleSizes,
  chunkHeads,
  LazyArticle,
  materialize,
  packArticles,
} from '../../src/search/lazy-articles.ts';
import {
  ARRAY_NAMES,
  type PackedIndex,
  pack,
  packedBytes,
  transferList,
  unpack,
  unpackAsync,
  withPhraseText,
} from '../../src/search/packed.ts';
import type { Corpus, Quote, Speaker } from '../../src/types.ts';
import { sampleCorpus } from './fixtures.ts';

/** A packed index as another thread receives it: its buffers transferred through a message port. */
async function moved<T>(value: T, transfer: ArrayBuffer[]): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  const got = new Promise<T>((resolve) => port2.once('message', (m: T) => resolve(m)));
  port1.postMessage(value, transfer);
  const out = await got;
  port1.close();
  port2.close();
  return out;
}

/** The sample corpus, a dated sentence and a fact in it, and an article that is reprinted (grouped results). */
function withDatedAndRepeats(): Corpus {
  const c = sampleCorpus();
  const first = c.articles[0];
  if (first) {
    c.articles.push({
      ...first,
      id: 'reprint.txt',
      source: 'reprint.txt',
      published: '2030-01-02',
      paragraphs: [
        ...first.paragraphs,
        'The council met on Tuesday to discuss the harbour budget for next year.',
      ],
    });
  }
  return c;
}

/** Every byte a packed index would write to a snapshot file, in order. */
function bytesOf(p: PackedIndex): Buffer {
  return Buffer.concat([
    ...p.meta,
    ...p.chunks,
    ...ARRAY_NAMES.map((name) => new Uint8Array(p.arrays[name].buffer, 0, p.arrays[name].byteLength)),
  ]);
}

/**
 * A copy of an array that V8 keeps as "holey" (made by `new Array(n)`, as optimized code makes the result of
 * `map`), though it has no holes: V8 serializes such an array element by element with each one's index.
 */
function holey<T>(a: readonly T[]): T[] {
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] as T;
  return out;
}

const QUERIES = [
  'putin working group',
  'trmp',
  'speaker:coats',
  'warning lights blinking red',
  'council tuesday harbour',
  'type:fact',
  'zzzz',
  '',
];

describe('packed index', () => {
  it('answers as the index built from the corpus, after moving between threads', async () => {
    const corpus = withDatedAndRepeats();
    const fresh = createSearchEngine(corpus);
    const packed = pack(corpus, buildIndex(corpus));
    expect(packedBytes(packed)).toBeGreaterThan(0);
    // The reprint's dating sentence is an item the index made (kind 2), not one of the corpus's facts.
    expect(packed.arrays.itemKind).toContain(2);
    const arrived = await moved(packed, transferList(packed));
    // Transferred, not copied: the sender's buffers are emptied.
    expect(packed.arrays.postItems.byteLength).toBe(0);
    const { corpus: c2, index } = await unpackAsync(arrived, 0);
    const engine = engineOver(c2, index);
    for (const q of QUERIES) expect(engine.search(q)).toEqual(fresh.search(q));
    for (const q of QUERIES)
      expect(engine.search(q, { limit: 50, offset: 1 })).toEqual(fresh.search(q, { limit: 50, offset: 1 }));
    expect(engine.verify('we are ready to analyse together')).toEqual(
      fresh.verify('we are ready to analyse together'),
    );
    expect(engine.speakers('pu', 5)).toEqual(fresh.speakers('pu', 5));
    expect(engine.speaker?.('putin')).toEqual(fresh.speaker?.('putin'));
    expect({ ...c2, articles: c2.articles.map(materialize), loadedAt: null }).toEqual({
      ...corpus,
      loadedAt: null,
    });
  });

  it('holds the same index: items, clusters, postings and vocabulary, the quote objects those of its corpus', () => {
    const corpus = synthCorpus({ quotes: 3000, quotesPerArticle: 10, seed: 5 });
    const built = buildIndex(corpus);
    const { corpus: c2, index } = unpack(pack(corpus, built));
    expect(itemCount(index)).toBe(itemCount(built));
    const items = (x: SearchIndex) => Array.from({ length: itemCount(x) }, (_, i) => itemAt(x, i));
    expect(items(index).map((x) => ({ ...x, ref: null }))).toEqual(
      items(built).map((x) => ({ ...x, ref: null })),
    );
    expect(items(index).map((x) => x.ref)).toEqual(items(built).map((x) => x.ref));
    // An item's quote is its article's own object, as in a fresh build.
    for (const it of items(index)) {
      if (it.type === 'quote') expect(c2.articles[it.article]?.quotes).toContain(it.ref);
    }
    const clusters = (x: SearchIndex) => Array.from({ length: clusterCount(x) }, (_, c) => clusterAt(x, c));
    expect(clusters(index)).toEqual(clusters(built));
    expect(index.dated).toEqual(built.dated);
    expect(index.postStart).toEqual(built.postStart);
    expect(index.postItems).toEqual(built.postItems);
    expect(index.postFlags).toEqual(built.postFlags);
    expect(index.itemCluster).toEqual(built.itemCluster);
    expect(index.itemSpeaker).toEqual(built.itemSpeaker);
    expect(index.vocab.list).toEqual(built.vocab.list);
    expect(index.vocab.near('goverment')).toEqual(built.vocab.near('goverment'));
    expect(index.vocab.completions('gover')).toEqual(built.vocab.completions('gover'));
    expect(index.surface).toEqual(built.surface);
    expect(index.speakers).toEqual(built.speakers);
    // The speaker table arrives in pieces (3,000 speakers here), each entry's speaker still the corpus's own object.
    for (const e of index.speakers) expect(c2.speakers.includes(e.speaker)).toBe(true);
    expect(index.speakersByNameWord).toEqual(built.speakersByNameWord);
    const fresh = createSearchEngine(corpus);
    const engine = engineOver(c2, index);
    for (const a of corpus.articles.slice(0, 40)) {
      const q = a.quotes[0]?.text.split(' ').slice(0, 5).join(' ') ?? '';
      expect(engine.search(q)).toEqual(fresh.search(q));
    }
  });

  it('takes the phrase text the packing thread made, the same text the engine makes, beyond Latin-1 too', async () => {
    const corpus = synthCorpus({ quotes: 3000, quotesPerArticle: 10, seed: 8 });
    const extra = withDatedAndRepeats().articles;
    // A quote in Greek: its chunk of the phrase text cannot travel as Latin-1.
    const greek = extra[0];
    if (greek)
      extra.push({
        ...greek,
        id: 'greek.txt',
        source: 'greek.txt',
        quotes: [{ ...(greek.quotes[0] as Quote), text: 'Η βουλή θα ψηφίσει τον προϋπολογισμό αύριο' }],
      });
    corpus.articles.push(...extra);
    const built = buildIndex(corpus);
    await preparePhraseText(built, 1000);
    const want = readyPhraseText(built);
    const packed = withPhraseText(pack(corpus, built));
    expect(packed.phrase?.layout.some((_, k) => k % 3 === 2 && packed.phrase?.layout[k] === 0)).toBe(true);
    expect(packed.phrase?.layout.some((_, k) => k % 3 === 2 && packed.phrase?.layout[k] === 1)).toBe(true);
    const arrived = await moved(packed, transferList(packed));
    expect(packed.phrase?.bytes.byteLength).toBe(0);
    const { corpus: c2, index } = await unpackAsync(arrived, 0);
    // Adopted as it arrived: no build of it here (a build takes some time; an adopted text took none).
    expect(readyPhraseText(index)).toEqual(want);
    const engine = engineOver(c2, index);
    expect(await backgroundWork(index)).toMatchObject({ phraseMs: 0 });
    const fresh = createSearchEngine(corpus);
    for (const q of ['to be', 'we are', 'βουλή θα ψηφίσει', ...QUERIES])
      expect(engine.search(q)).toEqual(fresh.search(q));
    expect(engine.verify('Η βουλή θα ψηφίσει τον προϋπολογισμό αύριο').verdict).toBe('exact');
  });

  it('reads each article body only when asked for it, and keeps a bounded number of them read', () => {
    const corpus = synthCorpus({ quotes: 600, quotesPerArticle: 10, seed: 3 });
    const perChunk = 7;
    const chunks: Uint8Array[] = [];
    for (let a = 0; a < corpus.articles.length; a += perChunk)
      chunks.push(packArticles(corpus.articles.slice(a, a + perChunk)));
    const bodies = new ArticleBodies(chunks, perChunk, 4);
    const lazy = chunks.flatMap((c) => chunkHeads(c)).map((h, n) => new LazyArticle(h, bodies, n));
    expect(lazy.length).toBe(corpus.articles.length);
    // The small fields and the sizes are there without reading a body.
    expect(lazy.map((a) => [a.id, a.title, a.url, a.published, articleSizes(a)])).toEqual(
      corpus.articles.map((a) => [a.id, a.title, a.url, a.published, articleSizes(a)]),
    );
    expect(bodies.reads).toBe(0);
    // Read on demand, each the same as the article packed.
    expect(lazy[12]?.quotes).toEqual(corpus.articles[12]?.quotes);
    expect(lazy[12]?.paragraphs).toEqual(corpus.articles[12]?.paragraphs);
    expect(bodies.reads).toBe(1);
    // Four kept: reading five others and the first again reads it again.
    for (const n of [13, 14, 15, 16, 17]) expect(lazy[n]?.facts).toEqual(corpus.articles[n]?.facts);
    expect(bodies.reads).toBe(6);
    expect(lazy[17]?.quotes.length).toBe(corpus.articles[17]?.quotes.length);
    expect(bodies.reads).toBe(6);
    expect(lazy[12]?.quotes).toEqual(corpus.articles[12]?.quotes);
    expect(bodies.reads).toBe(7);
    // A read for one pass is not kept (a scan of every article must not turn the cache over), unless it was there.
    expect(lazy[40]?.peekBody().quotes).toEqual(corpus.articles[40]?.quotes);
    expect(lazy[40]?.peekBody().facts).toEqual(corpus.articles[40]?.facts);
    expect(bodies.reads).toBe(9);
    lazy[12]?.peekBody();
    expect(bodies.reads).toBe(9);
    // Every article, through a cache of four, comes back whole.
    expect(lazy.map(materialize)).toEqual(corpus.articles);
  });

  it('refuses an article chunk that is cut short or of another layout', () => {
    const corpus = synthCorpus({ quotes: 40, quotesPerArticle: 10, seed: 4 });
    const chunk = packArticles(corpus.articles);
    expect(chunkHeads(chunk).length).toBe(corpus.articles.length);
    expect(() => chunkHeads(chunk.subarray(0, chunk.byteLength - 1))).toThrow(/wrong length/);
    expect(() => chunkHeads(chunk.subarray(0, 3))).toThrow(/too short/);
  });

  it('a reloaded corpus holds the bodies of its articles serialized, not as objects', () => {
    const corpus = synthCorpus({ quotes: 600, quotesPerArticle: 10, seed: 6 });
    const { corpus: c2 } = unpack(pack(corpus, buildIndex(corpus)));
    expect(c2.articles.every((a) => a instanceof LazyArticle)).toBe(true);
    // Own fields are the small ones only: the body is not made on arrival.
    expect(Object.keys(c2.articles[0] as object)).not.toContain('quotes');
    expect(Object.keys(c2.articles[0] as object)).not.toContain('paragraphs');
    expect(c2.articles.map(articleSizes)).toEqual(corpus.articles.map(articleSizes));
  });

  it('unpacking for a reload lets other work run between its slices', async () => {
    const corpus = synthCorpus({ quotes: 6000, quotesPerArticle: 10, seed: 9 });
    const packed = pack(corpus, buildIndex(corpus));
    // The meta part too is a head and pieces (speakers, terms, surface forms: 3,000 and some 20,000 here), read a
    // piece per step, so no one step reads a long list whole.
    expect(packed.meta.length).toBeGreaterThan(10);
    const chunks = packed.chunks.length + packed.meta.length;
    expect(packed.chunks.length).toBeGreaterThan(2);
    let ticks = 0;
    let done = false;
    const tick = (): void => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    // A slice of 0 ms: every step yields, so other callbacks run at least once per chunk of articles.
    const { corpus: c2 } = await unpackAsync(packed, 0);
    done = true;
    expect(c2.articles.length).toBe(corpus.articles.length);
    expect(ticks).toBeGreaterThanOrEqual(chunks);
    // The packed index is emptied of its chunks as they are read (the corpus holds them now).
    expect(packed.chunks.every((c) => c.byteLength === 0)).toBe(true);
    expect(packed.meta.slice(1).every((c) => c.byteLength === 0)).toBe(true);
  });

  it('packs the same corpus to the same bytes however V8 made the index arrays (holey or packed)', () => {
    const corpus = withDatedAndRepeats();
    const built = buildIndex(corpus);
    const expected = bytesOf(pack(corpus, built));
    const vocab = Object.assign(Object.create(Object.getPrototypeOf(built.vocab)), built.vocab, {
      list: holey(built.vocab.list),
    });
    // The same speakers, their lists holey (one copy each: the corpus's speakers are the index's too).
    const copies = new Map<Speaker, Speaker>();
    const copy = (s: Speaker): Speaker => {
      let c = copies.get(s);
      if (!c) {
        c = { ...s, aliases: holey(s.aliases) };
        copies.set(s, c);
      }
      return c;
    };
    const odd: SearchIndex = {
      ...built,
      vocab,
      surface: holey(built.surface),
      dated: holey(built.dated),
      speakers: holey(built.speakers.map((e) => ({ ...e, speaker: copy(e.speaker), keys: holey(e.keys) }))),
      speakersByNameWord: new Map([...built.speakersByNameWord].map(([w, list]) => [w, holey(list)])),
    };
    const oddCorpus: Corpus = {
      ...corpus,
      speakers: holey(corpus.speakers.map(copy)),
      problems: holey(corpus.problems),
    };
    expect(bytesOf(pack(oddCorpus, odd)).equals(expected)).toBe(true);
  });

  it('moves in two buffers: the meta part and every chunk of articles in one, the arrays in the other', async () => {
    const corpus = synthCorpus({ quotes: 6000, quotesPerArticle: 10, seed: 9 });
    const fresh = createSearchEngine(corpus);
    const packed = pack(corpus, buildIndex(corpus));
    expect(packed.chunks.length).toBeGreaterThan(2);
    const buffers = transferList(packed);
    expect(buffers.length).toBe(2);
    // (Compared as booleans: a failure printing buffers of this size would take minutes.)
    expect(buffers.includes(packed.meta[0]?.buffer as ArrayBuffer)).toBe(true);
    expect(packed.meta.every((m) => m.buffer === packed.meta[0]?.buffer)).toBe(true);
    expect(packed.chunks.every((c) => c.buffer === packed.meta[0]?.buffer)).toBe(true);
    const arrived = await moved(packed, buffers);
    const { corpus: c2, index } = await unpackAsync(arrived, 0);
    const engine = engineOver(c2, index);
    for (const a of corpus.articles.slice(0, 20)) {
      const q = a.quotes[0]?.text.split(' ').slice(0, 5).join(' ') ?? '';
      expect(engine.search(q)).toEqual(fresh.search(q));
    }
  });

  it('refuses a layout it does not know', () => {
    const corpus = sampleCorpus();
    const packed = pack(corpus, buildIndex(corpus));
    expect(() => unpack({ ...packed, layout: 999 })).toThrow(/layout/);
  });
});
