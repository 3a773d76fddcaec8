/**
 * The corpus and its search index as a few large buffers, so they can be built on a worker thread, moved to the
 * main thread without copying (the buffers are transferred) and written to, or read from, a snapshot file raw.
 *
 * - The index's big parts are typed arrays already (postings, per-item tables); items and clusters, a million
 *   small objects each at a million quotes, travel as typed arrays too (article, kind and position of each item;
 *   clusters in CSR form) and are made into the objects the query code reads on arrival.
 * - The articles travel as V8-serialized chunks of ARTICLES_PER_CHUNK, so arrival can be spread over many short
 *   slices of the event loop (unpackAsync): a reload never stops answers for the time a whole corpus takes to read.
 * - The rest (speakers, the vocabulary's terms, dated sentences, problems) is one small V8-serialized part.
 *
 * unpack(pack(corpus, buildIndex(corpus))) answers every query as the index built from the corpus does
 * (test/search/packed.test.ts).
 */
import { deserialize, serialize } from 'node:v8';
import type { Corpus, CorpusArticle, Fact, LoadProblem, Quote, Speaker } from '../types.ts';
import type { Cluster, Item, SearchIndex, SpeakerEntry } from './build.ts';
import { Vocabulary } from './vocabulary.ts';

/** Bumped whenever the layout changes (snapshot files of another layout are rebuilt). */
export const PACK_LAYOUT = 1;
/** Articles per serialized chunk: about 1 MB and 10-20 ms to read back for news articles. */
export const ARTICLES_PER_CHUNK = 200;

/** Item kinds in `itemKind`: where an item's quote or fact lives. */
const KIND_QUOTE = 0;
const KIND_FACT = 1;
/** A dated sentence (src/search/dated.ts): made by the index, kept in the meta part. */
const KIND_DATED = 2;

/** The typed arrays of a packed index, by name. */
export interface PackedArrays {
  postStart: Int32Array;
  postItems: Int32Array;
  postFlags: Uint8Array;
  itemCluster: Int32Array;
  itemSpeaker: Int32Array;
  articleDate: Int32Array;
  itemArticle: Int32Array;
  itemKind: Uint8Array;
  itemRef: Int32Array;
  clusterType: Uint8Array;
  clusterSpeaker: Int32Array;
  clusterMinDate: Int32Array;
  clusterMaxDate: Int32Array;
  /** Items of cluster c: clusterItems[clusterStart[c] .. clusterStart[c+1]). */
  clusterStart: Int32Array;
  clusterItems: Int32Array;
}

export type ArrayName = keyof PackedArrays;

/** Element type of each array (the snapshot file names it, and checks it on reading). */
export const ARRAY_TYPES: Record<ArrayName, 'i32' | 'u8'> = {
  postStart: 'i32',
  postItems: 'i32',
  postFlags: 'u8',
  itemCluster: 'i32',
  itemSpeaker: 'i32',
  articleDate: 'i32',
  itemArticle: 'i32',
  itemKind: 'u8',
  itemRef: 'i32',
  clusterType: 'u8',
  clusterSpeaker: 'i32',
  clusterMinDate: 'i32',
  clusterMaxDate: 'i32',
  clusterStart: 'i32',
  clusterItems: 'i32',
};

export const ARRAY_NAMES = Object.keys(ARRAY_TYPES) as ArrayName[];

/** A corpus and its index in transferable buffers. */
export interface PackedIndex {
  layout: number;
  /** V8 serialization of the small parts (Meta). */
  meta: Uint8Array;
  /** V8 serializations of the articles, ARTICLES_PER_CHUNK each, in order. */
  chunks: Uint8Array[];
  arrays: PackedArrays;
}

interface Meta {
  dataDir: string;
  problems: LoadProblem[];
  /** corpus.speakers and the index's speaker table, serialized together so shared speakers stay shared. */
  corpusSpeakers: Speaker[];
  speakers: SpeakerEntry[];
  speakersByNameWord: Map<string, number[]>;
  terms: string[];
  surface: string[];
  dated: Fact[];
  articles: number;
}

/** A Uint8Array owning its whole buffer (a transfer moves the buffer: no other data may share it). */
function own<T extends Int32Array | Uint8Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

/** Packs a corpus and the index built over it. The corpus and index are read, not modified. */
export function pack(corpus: Corpus, index: SearchIndex): PackedIndex {
  const { items, clusters } = index;
  const rest = index;
  const n = items.length;
  const itemArticle = new Int32Array(n);
  const itemKind = new Uint8Array(n);
  const itemRef = new Int32Array(n);
  const dated: Fact[] = [];
  // Positions of each article's quotes and facts, found once per article (items come article by article).
  let posArticle = -1;
  let pos = new Map<Quote | Fact, number>();
  for (let i = 0; i < n; i++) {
    const it = items[i] as Item;
    itemArticle[i] = it.article;
    if (it.article !== posArticle) {
      posArticle = it.article;
      const art = corpus.articles[it.article] as CorpusArticle;
      pos = new Map();
      for (const [k, q] of (art.quotes ?? []).entries()) pos.set(q, k);
      for (const [k, f] of (art.facts ?? []).entries()) pos.set(f, k);
    }
    const at = pos.get(it.ref);
    if (at === undefined) {
      itemKind[i] = KIND_DATED;
      itemRef[i] = dated.length;
      dated.push(it.ref as Fact);
    } else {
      itemKind[i] = it.type === 'quote' ? KIND_QUOTE : KIND_FACT;
      itemRef[i] = at;
    }
  }
  const nc = clusters.length;
  const clusterType = new Uint8Array(nc);
  const clusterSpeaker = new Int32Array(nc);
  const clusterMinDate = new Int32Array(nc);
  const clusterMaxDate = new Int32Array(nc);
  const clusterStart = new Int32Array(nc + 1);
  let total = 0;
  for (const c of clusters) total += c.items.length;
  const clusterItems = new Int32Array(total);
  let at = 0;
  for (let c = 0; c < nc; c++) {
    const cl = clusters[c] as Cluster;
    clusterType[c] = cl.type === 'quote' ? KIND_QUOTE : KIND_FACT;
    clusterSpeaker[c] = cl.speaker;
    clusterMinDate[c] = cl.minDate;
    clusterMaxDate[c] = cl.maxDate;
    for (const i of cl.items) clusterItems[at++] = i;
    clusterStart[c + 1] = at;
  }
  const meta: Meta = {
    dataDir: corpus.dataDir,
    problems: corpus.problems,
    corpusSpeakers: corpus.speakers,
    speakers: rest.speakers,
    speakersByNameWord: rest.speakersByNameWord,
    terms: rest.vocab.list,
    surface: rest.surface,
    dated,
    articles: corpus.articles.length,
  };
  const chunks: Uint8Array[] = [];
  for (let a = 0; a < corpus.articles.length; a += ARTICLES_PER_CHUNK) {
    chunks.push(new Uint8Array(serialize(corpus.articles.slice(a, a + ARTICLES_PER_CHUNK))));
  }
  return {
    layout: PACK_LAYOUT,
    meta: new Uint8Array(serialize(meta)),
    chunks,
    arrays: {
      postStart: own(rest.postStart),
      postItems: own(rest.postItems),
      postFlags: own(rest.postFlags),
      itemCluster: own(rest.itemCluster),
      itemSpeaker: own(rest.itemSpeaker),
      articleDate: own(rest.articleDate),
      itemArticle,
      itemKind,
      itemRef,
      clusterType,
      clusterSpeaker,
      clusterMinDate,
      clusterMaxDate,
      clusterStart,
      clusterItems,
    },
  };
}

/** The buffers to list as transferred when posting a packed index to another thread. */
export function transferList(p: PackedIndex): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  out.add(p.meta.buffer as ArrayBuffer);
  for (const c of p.chunks) out.add(c.buffer as ArrayBuffer);
  for (const name of ARRAY_NAMES) out.add(p.arrays[name].buffer as ArrayBuffer);
  return [...out];
}

/** Bytes a packed index holds. */
export function packedBytes(p: PackedIndex): number {
  let n = p.meta.byteLength;
  for (const c of p.chunks) n += c.byteLength;
  for (const name of ARRAY_NAMES) n += p.arrays[name].byteLength;
  return n;
}

/** Items (or clusters) made per step between two checks of the time slice. */
const STEP = 20_000;

/**
 * Unpacking as steps: each `yield` is a point where the caller may let other work run. Chunks are released as they
 * are read (the packed index is emptied), so the serialized corpus and the objects made from it are not both
 * held whole.
 */
function* unpackSteps(p: PackedIndex): Generator<void, { corpus: Corpus; index: SearchIndex }> {
  if (p.layout !== PACK_LAYOUT)
    throw new Error(`packed index of layout ${p.layout}, expected ${PACK_LAYOUT}`);
  const meta = deserialize(p.meta) as Meta;
  yield;
  const articles: CorpusArticle[] = [];
  for (let k = 0; k < p.chunks.length; k++) {
    for (const a of deserialize(p.chunks[k] as Uint8Array) as CorpusArticle[]) articles.push(a);
    p.chunks[k] = new Uint8Array(0);
    yield;
  }
  if (articles.length !== meta.articles) throw new Error('packed index: articles missing');
  const A = p.arrays;
  const n = A.itemArticle.length;
  const items: Item[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const art = articles[A.itemArticle[i] as number] as CorpusArticle;
    const kind = A.itemKind[i] as number;
    const r = A.itemRef[i] as number;
    const ref =
      kind === KIND_QUOTE
        ? (art.quotes[r] as Quote)
        : kind === KIND_FACT
          ? (art.facts[r] as Fact)
          : (meta.dated[r] as Fact);
    if (ref === undefined) throw new Error('packed index: an item is missing');
    items[i] = { article: A.itemArticle[i] as number, type: kind === KIND_QUOTE ? 'quote' : 'fact', ref };
    if (i % STEP === STEP - 1) yield;
  }
  const nc = A.clusterType.length;
  const clusters: Cluster[] = new Array(nc);
  for (let c = 0; c < nc; c++) {
    const from = A.clusterStart[c] as number;
    const to = A.clusterStart[c + 1] as number;
    const members: number[] = new Array(to - from);
    for (let k = from; k < to; k++) members[k - from] = A.clusterItems[k] as number;
    clusters[c] = {
      type: A.clusterType[c] === KIND_QUOTE ? 'quote' : 'fact',
      items: members,
      speaker: A.clusterSpeaker[c] as number,
      minDate: A.clusterMinDate[c] as number,
      maxDate: A.clusterMaxDate[c] as number,
    };
    if (c % STEP === STEP - 1) yield;
  }
  const vocab = new Vocabulary();
  for (const t of meta.terms) vocab.add(t);
  yield;
  vocab.seal();
  const corpus: Corpus = {
    dataDir: meta.dataDir,
    articles,
    speakers: meta.corpusSpeakers,
    problems: meta.problems,
    loadedAt: new Date(),
  };
  const index: SearchIndex = {
    corpus,
    items,
    itemCluster: A.itemCluster,
    itemSpeaker: A.itemSpeaker,
    clusters,
    speakers: meta.speakers,
    speakersByNameWord: meta.speakersByNameWord,
    vocab,
    surface: meta.surface,
    postStart: A.postStart,
    postItems: A.postItems,
    postFlags: A.postFlags,
    articleDate: A.articleDate,
  };
  return { corpus, index };
}

/** The corpus and index of a packed index, all at once (at start-up, when nothing is waiting to be answered). */
export function unpack(p: PackedIndex): { corpus: Corpus; index: SearchIndex } {
  const steps = unpackSteps(p);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The corpus and index of a packed index, made in slices of about `sliceMs` of the event loop, so answers keep
 * flowing while a reload arrives (issue 15: no pause over 100 ms up to a million quotes).
 */
export async function unpackAsync(
  p: PackedIndex,
  sliceMs = 15,
): Promise<{ corpus: Corpus; index: SearchIndex }> {
  const steps = unpackSteps(p);
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}
