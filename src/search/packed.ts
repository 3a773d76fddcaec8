/**
 * The corpus and its search index as a few large buffers, so they can be built on a worker thread, moved to the
 * main thread without copying (the buffers are transferred) and written to, or read from, a snapshot file raw.
 *
 * - The index is typed arrays (postings, per-item and per-cluster tables, clusters' items in CSR form): they travel
 *   as they are and the query code reads them as they arrive, so nothing is made per item or per cluster.
 * - The articles travel in chunks of ARTICLES_PER_CHUNK (src/search/lazy-articles.ts): each article's small fields
 *   are read on arrival, a chunk a step of the event loop (unpackAsync), and its body (paragraphs, quotes, facts)
 *   stays serialized until a reply reads it.
 * - The rest (speakers, the vocabulary's terms, dated sentences, problems) is V8-serialized as a small head and
 *   pieces of at most a few thousand entries each, read one per step: as one part (1.3 MB at a million quotes, 7 ms
 *   of work) it was one step, which a collection landing inside it stretched to 56-78 ms.
 *
 * unpack(pack(corpus, buildIndex(corpus))) answers every query as the index built from the corpus does
 * (test/search/packed.test.ts).
 */
import { deserialize, serialize } from 'node:v8';
import type { Corpus, CorpusArticle, Fact, LoadProblem, Speaker } from '../types.ts';
import { ITEM_DATED, ITEM_QUOTE, type SearchIndex, type SpeakerEntry } from './build.ts';
import { adoptPhraseText, PHRASE_CHUNK, type PhraseText, phraseChunk } from './engine.ts';
import { ArticleBodies, chunkHeads, LazyArticle, materialize, packArticles } from './lazy-articles.ts';
import { Vocabulary } from './vocabulary.ts';

/** Bumped whenever the layout changes (snapshot files of another layout are rebuilt). */
export const PACK_LAYOUT = 4;
/** Articles per serialized chunk: about 250 KB and 3-5 ms to read back for news articles. */
export const ARTICLES_PER_CHUNK = 50;

const ITEM_ARRAYS = ['itemKind', 'itemRef', 'itemCluster', 'itemSpeaker'] as const;
const CLUSTER_ARRAYS = ['clusterType', 'clusterSpeaker', 'clusterMinDate', 'clusterMaxDate'] as const;

/** Vocabulary terms added per step on arrival. */
const TERMS_PER_STEP = 20_000;
/**
 * Entries per serialized piece of the meta part's long lists: about 100 KB and 2-4 ms each to read back (speaker
 * entries carry their keys and word sets: some 200 bytes each).
 */
const TERMS_PER_PIECE = 8_000;
const SPEAKERS_PER_PIECE = 400;
const DATED_PER_PIECE = 2_000;

/** The typed arrays of a packed index, by name (the index's own, as SearchIndex declares them). */
export type PackedArrays = Pick<
  SearchIndex,
  | 'postStart'
  | 'postItems'
  | 'postFlags'
  | 'itemCluster'
  | 'itemSpeaker'
  | 'articleDate'
  | 'itemArticle'
  | 'itemKind'
  | 'itemRef'
  | 'clusterType'
  | 'clusterSpeaker'
  | 'clusterMinDate'
  | 'clusterMaxDate'
  | 'clusterStart'
  | 'clusterItems'
>;

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
  /** V8 serializations of the small parts: the head (Meta), then its lists in pieces (Meta.pieces). */
  meta: Uint8Array[];
  /** The articles, ARTICLES_PER_CHUNK each, in order (the layout of src/search/lazy-articles.ts). */
  chunks: Uint8Array[];
  arrays: PackedArrays;
  /**
   * The phrase text (src/search/engine.ts), made by the thread that packed or read the index (withPhraseText), so
   * the answering thread does not make it. Not part of a snapshot file.
   */
  phrase?: PackedPhrase;
}

/** The phrase text's chunks as bytes: chunk k at layout[3k] (byte offset) of layout[3k + 1] bytes, Latin-1 when
 * layout[3k + 2] is 1, else UTF-16LE; each item's line offset in its chunk in starts. */
export interface PackedPhrase {
  bytes: Uint8Array;
  layout: Int32Array;
  starts: Int32Array;
}

interface Meta {
  dataDir: string;
  problems: LoadProblem[];
  corpusSpeakers: Speaker[];
  speakersByNameWord: Map<string, number[]>;
  /** The vocabulary's sortedIds(): sealing it again on arrival needs no sort. */
  sorted: Int32Array;
  articles: number;
  /** How many pieces follow the head, list by list, in this order. */
  pieces: { speakers: number; terms: number; surface: number; dated: number };
}

/**
 * A speaker table entry as a piece carries it: its speaker as its place in corpus.speakers (the same object there
 * and here, so a piece read on its own must not copy it), or the speaker itself when the corpus has no such entry.
 */
type PackedSpeakerEntry = Omit<SpeakerEntry, 'speaker'> & { speaker: Speaker | number };

/** `list` in pieces of `per`, each serialized. */
function pieces<T>(list: readonly T[], per: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < list.length; at += per) out.push(serialize(canonical(list.slice(at, at + per))));
  return out;
}

/**
 * `value` with every array in it remade element by element (objects, Maps and Sets around them copied; one copy per
 * object, so what is shared stays shared). V8 keeps an array either "packed" or "holey" (optimized code makes
 * `map`'s result holey, the interpreter does not) and serializes a holey array in another, longer form, each element
 * with its index: the same data would give other bytes depending on which code made it, and that depends on timing
 * (a compilation finishing on a background thread, sooner or later under load). Pushed arrays are always packed. An
 * array with real holes keeps them (and its serialized form: that is its data).
 */
function canonical<T>(value: T, copies = new Map<object, unknown>()): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const have = copies.get(value);
  if (have !== undefined) return have as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    copies.set(value, out);
    for (let i = 0; i < value.length; i++) {
      if (i in value) out.push(canonical(value[i], copies));
      else out.length = i + 1;
    }
    return out as T;
  }
  if (value instanceof Map) {
    const out = new Map();
    copies.set(value, out);
    for (const [k, v] of value) out.set(canonical(k, copies), canonical(v, copies));
    return out as T;
  }
  if (value instanceof Set) {
    const out = new Set();
    copies.set(value, out);
    for (const v of value) out.add(canonical(v, copies));
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  copies.set(value, out);
  for (const k of Object.keys(value)) out[k] = canonical((value as Record<string, unknown>)[k], copies);
  return out as T;
}

/**
 * Packs a corpus and the index built over it. The corpus and index are read, not modified. The same corpus and index
 * give the same bytes, however V8 made their arrays (canonical(); test/store/snapshot-bytes.test.ts): the
 * snapshot file is these bytes. The articles are the store's JSON read back (never arrays made by optimized code).
 */
export function pack(corpus: Corpus, index: SearchIndex): PackedIndex {
  const place = new Map<Speaker, number>();
  for (let k = 0; k < corpus.speakers.length; k++) place.set(corpus.speakers[k] as Speaker, k);
  const entries: PackedSpeakerEntry[] = index.speakers.map((e) => ({
    ...e,
    speaker: place.get(e.speaker) ?? e.speaker,
  }));
  const lists = [
    pieces(entries, SPEAKERS_PER_PIECE),
    pieces(index.vocab.list, TERMS_PER_PIECE),
    pieces(index.surface, TERMS_PER_PIECE),
    pieces(index.dated, DATED_PER_PIECE),
  ] as const;
  const meta: Meta = {
    dataDir: corpus.dataDir,
    problems: corpus.problems,
    corpusSpeakers: corpus.speakers,
    speakersByNameWord: index.speakersByNameWord,
    sorted: index.vocab.sortedIds(),
    articles: corpus.articles.length,
    pieces: {
      speakers: lists[0].length,
      terms: lists[1].length,
      surface: lists[2].length,
      dated: lists[3].length,
    },
  };
  const metaParts = [serialize(canonical(meta)), ...lists.flat()];
  const serialized: Uint8Array[] = [...metaParts];
  for (let a = 0; a < corpus.articles.length; a += ARTICLES_PER_CHUNK) {
    serialized.push(packArticles(corpus.articles.slice(a, a + ARTICLES_PER_CHUNK).map(materialize)));
  }
  const laid = inOneBuffer(serialized);
  const metaPart = laid.slice(0, metaParts.length);
  const chunks = laid.slice(metaParts.length);
  const arrays = arraysOver(
    inOneBuffer(
      ARRAY_NAMES.map(
        (name) => new Uint8Array(index[name].buffer, index[name].byteOffset, index[name].byteLength),
      ),
    ),
  );
  return { layout: PACK_LAYOUT, meta: metaPart, chunks, arrays };
}

/** The typed arrays over their bytes (ARRAY_NAMES order, each at an 8-byte boundary of its buffer). */
export function arraysOver(bytes: readonly Uint8Array[]): PackedArrays {
  const arrays = {} as Record<ArrayName, Int32Array | Uint8Array>;
  ARRAY_NAMES.forEach((name, k) => {
    const b = bytes[k] as Uint8Array;
    arrays[name] = ARRAY_TYPES[name] === 'i32' ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : b;
  });
  return arrays as unknown as PackedArrays;
}

/** `n` rounded up to a multiple of 8. */
export const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/**
 * Where each of parts of these lengths starts when they are laid one after another, each at an 8-byte boundary (as
 * in a snapshot file, src/store/snapshot.ts), and the length of the whole.
 */
export function layOut(lengths: readonly number[]): { starts: number[]; length: number } {
  const starts: number[] = [];
  let at = 0;
  for (const n of lengths) {
    at = align8(at);
    starts.push(at);
    at += n;
  }
  return { starts, length: at };
}

/**
 * `parts` copied into one new buffer (layOut()), as views of it. The meta part and the article chunks travel this
 * way, and the arrays in a second one (both live as long as the index: the chunks hold the articles' bodies), not as
 * a buffer each: every buffer a thread receives is external memory V8 accounts for as it arrives, and
 * past a limit each one drives the receiving heap's collector a step on. At a million quotes the 2,000 chunks of a
 * reload ran a whole major collection of the main thread's heap (the old corpus held as well) inside the one
 * message, before any answer could run: a pause of 0.3–0.9 s (issue 15). As one buffer they are one step.
 */
export function inOneBuffer(parts: readonly Uint8Array[]): Uint8Array[] {
  const { starts, length } = layOut(parts.map((p) => p.byteLength));
  const whole = new Uint8Array(length);
  return parts.map((p, k) => {
    const at = starts[k] as number;
    whole.set(p, at);
    return whole.subarray(at, at + p.byteLength);
  });
}

/** The buffers to list as transferred when posting a packed index to another thread. */
export function transferList(p: PackedIndex): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const m of p.meta) out.add(m.buffer as ArrayBuffer);
  for (const c of p.chunks) out.add(c.buffer as ArrayBuffer);
  for (const name of ARRAY_NAMES) out.add(p.arrays[name].buffer as ArrayBuffer);
  if (p.phrase) {
    out.add(p.phrase.bytes.buffer as ArrayBuffer);
    out.add(p.phrase.layout.buffer as ArrayBuffer);
    out.add(p.phrase.starts.buffer as ArrayBuffer);
  }
  return [...out];
}

/** Bytes a packed index holds. */
export function packedBytes(p: PackedIndex): number {
  let n = 0;
  for (const m of p.meta) n += m.byteLength;
  for (const c of p.chunks) n += c.byteLength;
  for (const name of ARRAY_NAMES) n += p.arrays[name].byteLength;
  if (p.phrase) n += p.phrase.bytes.byteLength + p.phrase.layout.byteLength + p.phrase.starts.byteLength;
  return n;
}

/**
 * One string per distinct value of the fields that repeat across a corpus. Deserializing makes a string for every
 * field of every article: at a hundred thousand articles, copies of a few hundred outlets, authors and dates, each an
 * object the heap's collector walks for as long as the corpus lives. (The quotes' repeated fields were shared the
 * same way while quotes were made into objects on arrival; their bodies now stay serialized until read.)
 */
class SharedStrings {
  private readonly strings = new Map<string, string>();
  get(s: string): string {
    if (s.length > MAX_SHARED_LENGTH) return s;
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    if (this.strings.size < MAX_SHARED) this.strings.set(s, s);
    return s;
  }
}
/** Longer strings rarely repeat. */
const MAX_SHARED_LENGTH = 80;
/** Bounded: a corpus of all-different values must not keep a map as large as itself. */
const MAX_SHARED = 200_000;

/** Replaces an article head's repeated field values (format, outlet, date, author) by shared copies. */
function shareRepeated(head: object, shared: SharedStrings): void {
  const fields = head as Record<string, unknown>;
  for (const k of ARTICLE_SHARED) if (typeof fields[k] === 'string') fields[k] = shared.get(fields[k]);
  const roles = fields.quoteRoles;
  if (Array.isArray(roles))
    for (let r = 0; r < roles.length; r++) if (typeof roles[r] === 'string') roles[r] = shared.get(roles[r]);
}
const ARTICLE_SHARED = ['format', 'outlet', 'published', 'author'] as const;

/**
 * The packed index with its phrase text made (PackedIndex.phrase), from the packed parts themselves: each item's text
 * read from its article's body (or the dated sentences), in item order. Run where the index was packed or read (the
 * reload's worker), so the answering thread only turns the bytes back into strings: made there, it read every
 * article's body, tokenised a million texts and collected what that left, seconds of work at a million quotes
 * (issue 15).
 */
export function withPhraseText(p: PackedIndex): PackedIndex {
  const head = deserialize(p.meta[0] as Uint8Array) as Meta;
  const np = head.pieces;
  const dated: Fact[] = [];
  const firstDated = 1 + np.speakers + np.terms + np.surface;
  for (let k = 0; k < np.dated; k++)
    for (const f of deserialize(p.meta[firstDated + k] as Uint8Array) as Fact[]) dated.push(f);
  const bodies = new ArticleBodies(p.chunks, ARTICLES_PER_CHUNK, 4);
  const A = p.arrays;
  const n = A.itemArticle.length;
  const textOf = (i: number): string => {
    const r = A.itemRef[i] as number;
    if (A.itemKind[i] === ITEM_DATED) return (dated[r] as Fact).text;
    const body = bodies.body(A.itemArticle[i] as number);
    return ((A.itemKind[i] === ITEM_QUOTE ? body.quotes : body.facts)[r] as { text: string }).text;
  };
  const starts = new Int32Array(n);
  const parts: Buffer[] = [];
  const chunks = Math.ceil(n / PHRASE_CHUNK);
  const layout = new Int32Array(3 * chunks);
  let at = 0;
  for (let k = 0; k < chunks; k++) {
    const texts: string[] = [];
    for (let i = k * PHRASE_CHUNK; i < Math.min(n, (k + 1) * PHRASE_CHUNK); i++) texts.push(textOf(i));
    const chunk = phraseChunk(texts, starts, k * PHRASE_CHUNK);
    const latin1 = !BEYOND_LATIN1.test(chunk);
    const bytes = Buffer.from(chunk, latin1 ? 'latin1' : 'utf16le');
    layout[3 * k] = at;
    layout[3 * k + 1] = bytes.byteLength;
    layout[3 * k + 2] = latin1 ? 1 : 0;
    parts.push(bytes);
    at += bytes.byteLength;
  }
  const bytes = new Uint8Array(at);
  for (let k = 0; k < chunks; k++) bytes.set(parts[k] as Buffer, layout[3 * k] as number);
  return { ...p, phrase: { bytes, layout, starts } };
}
/** Any character past Latin-1 (the chunk then travels as UTF-16). */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
/** Bytes of phrase text turned into strings per step on arrival (a few milliseconds of copying). */
const PHRASE_BYTES_PER_STEP = 4 << 20;

/**
 * Unpacking as steps: each `yield` is a point where the caller may let other work run. The packed index is emptied
 * of its chunks as they are read (the corpus's ArticleBodies holds them now); the meta part's pieces likewise.
 */
function* unpackSteps(p: PackedIndex): Generator<void, { corpus: Corpus; index: SearchIndex }> {
  if (p.layout !== PACK_LAYOUT)
    throw new Error(`packed index of layout ${p.layout}, expected ${PACK_LAYOUT}`);
  const head = p.meta[0];
  if (!head) throw new Error('packed index: no meta part');
  const meta = deserialize(head) as Meta;
  const np = meta.pieces;
  if (p.meta.length !== 1 + np.speakers + np.terms + np.surface + np.dated)
    throw new Error('packed index: meta pieces missing');
  yield;
  // Each list read piece by piece, a step each; the pieces' bytes are let go as they are read.
  let next = 1;
  function* list<T>(count: number): Generator<void, T[]> {
    const out: T[] = [];
    for (let k = 0; k < count; k++) {
      for (const x of deserialize(p.meta[next] as Uint8Array) as T[]) out.push(x);
      p.meta[next++] = new Uint8Array(0);
      yield;
    }
    return out;
  }
  const speakers: SpeakerEntry[] = [];
  for (const e of yield* list<PackedSpeakerEntry>(np.speakers)) {
    const speaker = typeof e.speaker === 'number' ? meta.corpusSpeakers[e.speaker] : e.speaker;
    if (!speaker) throw new Error('packed index: speaker entry of no speaker');
    speakers.push({ ...e, speaker });
  }
  const terms = yield* list<string>(np.terms);
  const surface = yield* list<string>(np.surface);
  const dated = yield* list<Fact>(np.dated);
  // Each article's small fields now, its body when a reply reads it (src/search/lazy-articles.ts): the chunks' bytes
  // stay as long as the corpus does.
  const articles: CorpusArticle[] = [];
  const shared = new SharedStrings();
  const bodies = new ArticleBodies([...p.chunks], ARTICLES_PER_CHUNK);
  for (let k = 0; k < p.chunks.length; k++) {
    const heads = chunkHeads(p.chunks[k] as Uint8Array);
    if (k < p.chunks.length - 1 && heads.length !== ARTICLES_PER_CHUNK)
      throw new Error('packed index: an article chunk is short');
    for (const head of heads) {
      shareRepeated(head, shared);
      articles.push(new LazyArticle(head, bodies, articles.length));
    }
    p.chunks[k] = new Uint8Array(0);
    yield;
  }
  if (articles.length !== meta.articles) throw new Error('packed index: articles missing');
  const A = p.arrays;
  const n = A.itemArticle.length;
  for (const name of ITEM_ARRAYS)
    if (A[name].length !== n) throw new Error(`packed index: ${name} is not one entry per item`);
  const nc = A.clusterType.length;
  for (const name of CLUSTER_ARRAYS)
    if (A[name].length !== nc) throw new Error(`packed index: ${name} is not one entry per cluster`);
  if (A.clusterStart.length !== nc + 1)
    throw new Error('packed index: clusterStart is not one entry per cluster');
  const vocab = new Vocabulary();
  for (let k = 0; k < terms.length; k++) {
    vocab.add(terms[k] as string);
    if (k % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
  }
  yield;
  yield* vocab.sealSteps(meta.sorted);
  // The phrase text the worker made, back into strings (a step per few megabytes), then let go of its bytes. A run
  // of chunks of one encoding becomes one string and each chunk a slice of it: a string of megabytes is made in the
  // large-object space, where no young-generation collection copies it, and a slice is a small object pointing into
  // it (as chunk strings of their own, 40 KB each, every collection during and after a reload copied them, 100-200 ms
  // pauses at a million quotes).
  let phrase: PhraseText | null = null;
  if (p.phrase) {
    const { bytes, layout, starts } = p.phrase;
    const chunks: string[] = [];
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = layout.length / 3;
    for (let k = 0; k < count; ) {
      const latin1 = layout[3 * k + 2] === 1;
      const from = layout[3 * k] as number;
      let end = k;
      let to = from;
      while (
        end < count &&
        (layout[3 * end + 2] === 1) === latin1 &&
        layout[3 * end] === to &&
        (end === k || to - from < PHRASE_BYTES_PER_STEP)
      ) {
        to += layout[3 * end + 1] as number;
        end++;
      }
      const run = buf.toString(latin1 ? 'latin1' : 'utf16le', from, to);
      for (let j = k; j < end; j++) {
        const at = ((layout[3 * j] as number) - from) / (latin1 ? 1 : 2);
        chunks.push(run.substring(at, at + (layout[3 * j + 1] as number) / (latin1 ? 1 : 2)));
      }
      k = end;
      yield;
    }
    phrase = { chunks, starts };
    p.phrase = undefined;
    yield;
  }
  const corpus: Corpus = {
    dataDir: meta.dataDir,
    articles,
    speakers: meta.corpusSpeakers,
    problems: meta.problems,
    loadedAt: new Date(),
  };
  const index: SearchIndex = {
    corpus,
    itemArticle: A.itemArticle,
    itemKind: A.itemKind,
    itemRef: A.itemRef,
    dated,
    itemCluster: A.itemCluster,
    itemSpeaker: A.itemSpeaker,
    clusterType: A.clusterType,
    clusterSpeaker: A.clusterSpeaker,
    clusterMinDate: A.clusterMinDate,
    clusterMaxDate: A.clusterMaxDate,
    clusterStart: A.clusterStart,
    clusterItems: A.clusterItems,
    speakers,
    speakersByNameWord: meta.speakersByNameWord,
    vocab,
    surface,
    postStart: A.postStart,
    postItems: A.postItems,
    postFlags: A.postFlags,
    articleDate: A.articleDate,
  };
  if (phrase && !adoptPhraseText(index, phrase))
    throw new Error('packed index: phrase text of another index');
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
  // Each yield is a timer, not setImmediate: called from the worker's message (the poll phase), a setImmediate
  // continuation runs in the same turn of the event loop, before any timer or new request, so the message's
  // arrival, the first step and the next slice made one pause (114-166 ms at a million quotes); with a timer
  // between them, each is its own (1 ms a yield, a few hundred yields at a million quotes).
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
}
