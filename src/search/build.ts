/**
 * Builds the search index for one corpus, once, synchronously: every quote and fact becomes an item; items that
 * carry the same quote or fact (several articles, other translations) are clustered into one result; an inverted
 * index maps each normalised term to the items using it, with a flag for the field it came from.
 *
 * Build cost is linear in the corpus: two passes over the items' words plus one pass over rare-term postings for
 * clustering. Measured by `npm run bench` (about 1 s per 100k quotes on a 2-core machine).
 */
import type { Corpus, CorpusArticle, Fact, Quote, Speaker } from '../types.ts';
import { datedSentences } from './dated.ts';
import { fold, STOP_WORDS, stem, terms, words } from './normalize.ts';
import { Vocabulary } from './vocabulary.ts';
import { WordIds } from './wordids.ts';

/** Field flags in postings: where in an item a term occurs. */
export const FIELD_TEXT = 1;
export const FIELD_SPEAKER = 2;
export const FIELD_META = 4;

/** One quote or fact of one article (made on demand by itemAt: the index holds items as typed arrays). */
export interface Item {
  article: number;
  type: 'quote' | 'fact';
  ref: Quote | Fact;
}

/** Item kinds in `itemKind`: where an item's quote or fact lives. */
export const ITEM_QUOTE = 0;
export const ITEM_FACT = 1;
/** A dating sentence found by the index (src/search/dated.ts): SearchIndex.dated[itemRef]. */
export const ITEM_DATED = 2;
/** Cluster types in `clusterType`. */
export const CLUSTER_QUOTE = 0;
export const CLUSTER_FACT = 1;

/** One search result in the making: every item carrying the same quote or fact (made on demand by clusterAt). */
export interface Cluster {
  type: 'quote' | 'fact';
  /**
   * Item indexes: the representative (the text shown and cited: the earliest wording that names its speaker, else
   * the earliest), then one per further article, earliest first.
   */
  items: number[];
  /** Speaker-table index, or -1. */
  speaker: number;
  /** Earliest and latest published date as YYYYMMDD (0 when no source has a date). */
  minDate: number;
  maxDate: number;
}

/** A speaker known to the index: a corpus Speaker, or a quote's name that no corpus speaker covers. */
export interface SpeakerEntry {
  speaker: Speaker;
  /** Folded name and aliases. */
  keys: string[];
  /** Folded words of the name and aliases. */
  words: Set<string>;
  /** Folded words that name this person on their own: the name's words and each alias's last word (not titles). */
  nameWords: Set<string>;
  /** Folded words of the roles seen (`hospital spokesperson`), for role searches and speaker lookup. */
  roleWords: Set<string>;
}

/**
 * Everything a query needs; immutable once built. Items and clusters are typed arrays, not a million objects each:
 * the main thread's heap then holds few objects beyond the corpus, so its collections stay short (issue 15), and a
 * snapshot arrives ready to use. itemAt and clusterAt make the objects for the few a query looks at.
 */
export interface SearchIndex {
  corpus: Corpus;
  /** Per item: its article, its kind (ITEM_QUOTE, ITEM_FACT, ITEM_DATED) and its place in that list. */
  itemArticle: Int32Array;
  itemKind: Uint8Array;
  itemRef: Int32Array;
  /** The dating sentences made facts (items of kind ITEM_DATED). */
  dated: Fact[];
  itemCluster: Int32Array;
  /** Speaker-table index of each item's own speaker, or -1. */
  itemSpeaker: Int32Array;
  /** Per cluster: CLUSTER_QUOTE or CLUSTER_FACT, speaker-table index or -1, dates as in Cluster. */
  clusterType: Uint8Array;
  clusterSpeaker: Int32Array;
  clusterMinDate: Int32Array;
  clusterMaxDate: Int32Array;
  /** Items of cluster c, in Cluster.items order: clusterItems[clusterStart[c] .. clusterStart[c+1]). */
  clusterStart: Int32Array;
  clusterItems: Int32Array;
  speakers: SpeakerEntry[];
  /** Folded name word -> speaker-table indexes it names (`putin` -> Vladimir Putin). */
  speakersByNameWord: Map<string, number[]>;
  vocab: Vocabulary;
  /** The most common surface word for each term id (for suggestions). */
  surface: string[];
  /** CSR postings: items of term t are postItems[postStart[t] .. postStart[t+1]). */
  postStart: Int32Array;
  postItems: Int32Array;
  postFlags: Uint8Array;
  /** Article published date as YYYYMMDD, 0 when unknown. */
  articleDate: Int32Array;
}

/** Number of items of an index. */
export function itemCount(index: SearchIndex): number {
  return index.itemArticle.length;
}

/** Number of clusters of an index. */
export function clusterCount(index: SearchIndex): number {
  return index.clusterType.length;
}

/** The quote or fact of item i. */
export function itemRefOf(index: SearchIndex, i: number): Quote | Fact {
  const kind = index.itemKind[i] as number;
  const r = index.itemRef[i] as number;
  if (kind === ITEM_DATED) return index.dated[r] as Fact;
  const art = index.corpus.articles[index.itemArticle[i] as number] as CorpusArticle;
  return (kind === ITEM_QUOTE ? art.quotes[r] : art.facts[r]) as Quote | Fact;
}

/** Item i as an object. */
export function itemAt(index: SearchIndex, i: number): Item {
  return {
    article: index.itemArticle[i] as number,
    type: index.itemKind[i] === ITEM_QUOTE ? 'quote' : 'fact',
    ref: itemRefOf(index, i),
  };
}

/** The type of cluster c. */
export function clusterTypeOf(index: SearchIndex, c: number): 'quote' | 'fact' {
  return index.clusterType[c] === CLUSTER_QUOTE ? 'quote' : 'fact';
}

/** The items of cluster c (a view: no copy). */
export function clusterMembers(index: SearchIndex, c: number): Int32Array {
  return index.clusterItems.subarray(index.clusterStart[c] as number, index.clusterStart[c + 1] as number);
}

/** Cluster c as an object. */
export function clusterAt(index: SearchIndex, c: number): Cluster {
  return {
    type: clusterTypeOf(index, c),
    items: Array.from(clusterMembers(index, c)),
    speaker: index.clusterSpeaker[c] as number,
    minDate: index.clusterMinDate[c] as number,
    maxDate: index.clusterMaxDate[c] as number,
  };
}

/** The items of a corpus while the index is built: each one's quote or fact, article and kind. */
interface BuildItems {
  length: number;
  ref: (Quote | Fact)[];
  article: Int32Array;
  /** 1 for a quote. */
  quote: Uint8Array;
}

/** Growable Int32 buffer: builds at a million items without per-entry objects. */
class IntBuf {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function dateNum(published: string | null): number {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return 0;
  return Number(published.replaceAll('-', ''));
}

/** Sort key that puts unknown dates last. */
function dateKey(d: number): number {
  return d === 0 ? 99_999_999 : d;
}

/** Growable byte buffer (field flags of the postings: one byte each, not four). */
class ByteBuf {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Builds the speaker table: corpus speakers plus any quote speaker they do not cover. */
function buildSpeakers(corpus: Corpus): { table: SpeakerEntry[]; byKey: Map<string, number> } {
  const table: SpeakerEntry[] = [];
  const byKey = new Map<string, number>();
  const addEntry = (speaker: Speaker): void => {
    const idx = table.length;
    const names = [speaker.name, ...speaker.aliases];
    const keys = [...new Set(names.map((n) => words(n).join(' ')).filter(Boolean))];
    const ws = new Set<string>();
    for (const n of names) for (const w of words(n)) ws.add(w);
    const nameWords = new Set(words(speaker.name));
    for (const alias of speaker.aliases) {
      const last = words(alias).pop();
      if (last) nameWords.add(last);
    }
    for (const w of nameWords) if (w.length < 2 || STOP_WORDS.has(w)) nameWords.delete(w);
    table.push({ speaker, keys, words: ws, nameWords, roleWords: new Set(words(speaker.role ?? '')) });
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, idx);
  };
  for (const s of corpus.speakers ?? []) addEntry(s);
  // A speaker's name is written the same way in thousands of quotes: folded once per spelling.
  const keyCache = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keyCache.get(name);
    if (k === undefined) {
      k = words(name).join(' ');
      keyCache.set(name, k);
    }
    return k;
  };
  const extra = new Map<string, Speaker>();
  for (const a of corpus.articles) {
    for (const q of a.quotes) {
      if (!q.speaker) continue;
      const key = keyOf(q.speaker);
      if (!key || byKey.has(key)) continue;
      let s = extra.get(key);
      if (!s) {
        s = { name: q.speaker, role: q.role, aliases: [], quoteCount: 0 };
        extra.set(key, s);
        addEntry(s);
      }
      s.quoteCount++;
    }
  }
  // Roles as quoted (a speaker's most common role is already in); bounded so one speaker cannot grow without end.
  const roleWordCache = new Map<string, string[]>();
  for (const a of corpus.articles) {
    for (const q of a.quotes) {
      if (!q.speaker || !q.role) continue;
      const entry = table[byKey.get(keyOf(q.speaker)) ?? -1];
      if (!entry || entry.roleWords.size >= 40) continue;
      let ws = roleWordCache.get(q.role);
      if (!ws) {
        ws = words(q.role);
        if (roleWordCache.size < 100_000) roleWordCache.set(q.role, ws);
      }
      for (const w of ws) entry.roleWords.add(w);
    }
  }
  return { table, byKey };
}

/** Union-find over item indexes. */
function makeUnion(n: number): { find: (x: number) => number; union: (a: number, b: number) => void } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let c = x;
    while (parent[c] !== r) {
      const next = parent[c] as number;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  return {
    find,
    union: (a, b) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}

/** Containment threshold: share of the shorter item's distinct content terms found in the longer one. */
const QUOTE_CONTAINMENT = 0.6;
/** Facts need more: two facts on one topic share many words yet say different things. */
const FACT_CONTAINMENT = 0.7;
/** Items with fewer distinct content terms merge only when their words are identical. */
const MIN_TERMS_TO_MERGE = 3;
/** Terms used by more items than this are too common to find duplicates through (bounds build time). */
const DEDUPE_DF_CAP = 100;
/** Rarest terms probed per item; a duplicate must share two of them (one when only one is usable). */
const MAX_PROBES = 6;

/** Builds the index for a corpus. Pure: the corpus is not modified. */
export function buildIndex(corpus: Corpus): SearchIndex {
  const articles: CorpusArticle[] = corpus.articles;
  const { table: speakers, byKey: speakerByKey } = buildSpeakers(corpus);
  const speakersByNameWord = new Map<string, number[]>();
  speakers.forEach((e, idx) => {
    for (const w of e.nameWords) {
      const list = speakersByNameWord.get(w);
      if (list) list.push(idx);
      else speakersByNameWord.set(w, [idx]);
    }
  });
  const refs: (Quote | Fact)[] = [];
  const artOf = new IntBuf(1024);
  const kindOf = new ByteBuf(1024);
  const placeOf = new IntBuf(1024);
  const dated: Fact[] = [];
  const add = (ref: Quote | Fact, a: number, kind: number, place: number): void => {
    refs.push(ref);
    artOf.push(a);
    kindOf.push(kind);
    placeOf.push(place);
  };
  for (let a = 0; a < articles.length; a++) {
    const art = articles[a] as CorpusArticle;
    const quotes = art.quotes ?? [];
    for (let k = 0; k < quotes.length; k++) {
      const q = quotes[k];
      if (q?.text) add(q, a, ITEM_QUOTE, k);
    }
    const facts = art.facts ?? [];
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f?.text) add(f, a, ITEM_FACT, k);
    }
    for (const f of datedSentences(art)) {
      add(f, a, ITEM_DATED, dated.length);
      dated.push(f);
    }
  }
  const itemArticle = artOf.data.slice(0, artOf.length);
  const itemKind = kindOf.data.slice(0, kindOf.length);
  const itemRef = placeOf.data.slice(0, placeOf.length);
  const items: BuildItems = {
    length: refs.length,
    ref: refs,
    article: itemArticle,
    quote: itemKind.map((k) => (k === ITEM_QUOTE ? 1 : 0)),
  };
  const articleDate = new Int32Array(articles.length);
  for (let a = 0; a < articles.length; a++)
    articleDate[a] = dateNum((articles[a] as CorpusArticle).published);

  const vocab = new Vocabulary();
  // The first spelling seen for each term (for suggestions), and a word -> term id cache so each distinct word
  // is stemmed and looked up once, not once per occurrence.
  const surfaceOf: string[] = [];
  const idOfWord = new Map<string, number>();
  const termIdsOf = (text: string, ws = words(text)): number[] => {
    const ids: number[] = [];
    for (const w of ws) {
      let id = idOfWord.get(w);
      if (id === undefined) {
        id = STOP_WORDS.has(w) ? -1 : vocab.add(stem(w));
        if (id >= 0 && surfaceOf[id] === undefined) surfaceOf[id] = w;
        if (idOfWord.size < 2_000_000) idOfWord.set(w, id);
      }
      if (id >= 0) ids.push(id);
    }
    return ids;
  };

  // Per-item (term, field) pairs, flattened: pairStart[i] .. pairStart[i+1].
  // Sized for about 24 (term, field) pairs per item (a news quote's distinct words plus title and speaker), so a
  // million items grow the buffers once or twice rather than twenty times.
  const pairTerm = new IntBuf(items.length * 24);
  const pairFlag = new ByteBuf(items.length * 24);
  const pairStart = new Int32Array(items.length + 1);
  // Distinct text terms per item, sorted, for clustering: the first of the item's pairs, pairTerm.data[pairStart[i]
  // .. textEnd[i]) (no buffer of their own: at a million items it was grown and copied once more).
  const textEnd = new Int32Array(items.length);
  const itemSpeaker = new Int32Array(items.length).fill(-1);
  const itemWordHash = new Int32Array(items.length);

  // The term ids of the title and outlet of the article of the items being read (articles are visited in order),
  // duplicates included (mark() ignores a term seen again).
  let metaArticle = -1;
  let metaIds = new Int32Array(64);
  let metaCount = 0;
  // Term ids of each speaker-table entry's words, made on first use.
  const speakerCache: (number[] | null)[] = new Array<number[] | null>(speakers.length).fill(null);
  const speakerOfName = new Map<string, number>();
  // Per-term scratch, indexed by term id (grown with the vocabulary): which item last saw it, with which fields.
  let termStamp = new Int32Array(1 << 16).fill(-1);
  let termFlags = new Uint8Array(1 << 16);
  const order: number[] = [];
  const mark = (i: number, t: number, flag: number): void => {
    if (t >= termStamp.length) {
      const size = 2 * Math.max(t + 1, termStamp.length);
      const stamps = new Int32Array(size).fill(-1);
      stamps.set(termStamp);
      termStamp = stamps;
      const flags = new Uint8Array(size);
      flags.set(termFlags);
      termFlags = flags;
    }
    if (termStamp[t] !== i) {
      termStamp[t] = i;
      termFlags[t] = flag;
      order.push(t);
    } else termFlags[t] = (termFlags[t] as number) | flag;
  };
  // The words of each item's text, as term ids (no string per word: src/search/wordids.ts).
  const wordIds = new WordIds((w) => idOfWord.get(w) ?? termIdsOf(w, [w])[0] ?? -1);
  // Roles repeat across thousands of quotes (`minister`): their term ids are looked up once per spelling.
  const roleCache = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const ref = refs[i] as Quote | Fact;
    const article = itemArticle[i] as number;
    order.length = 0;
    wordIds.scan(ref.text);
    itemWordHash[i] = wordIds.hash;
    const ids = wordIds.ids;
    for (let k = 0; k < wordIds.count; k++) {
      const id = ids[k] as number;
      if (id >= 0) mark(i, id, FIELD_TEXT);
    }
    // The distinct text terms come first in `order` (the other fields are marked after): their count.
    const nText = order.length;

    if (items.quote[i]) {
      const name = (ref as Quote).speaker;
      let sp = -1;
      if (name) {
        const known = speakerOfName.get(name);
        sp = known ?? speakerByKey.get(words(name).join(' ')) ?? -1;
        if (known === undefined) speakerOfName.set(name, sp);
      }
      itemSpeaker[i] = sp;
      if (sp >= 0) {
        let ids = speakerCache[sp];
        if (!ids) {
          ids = [
            ...new Set(
              [...(speakers[sp] as SpeakerEntry).words].flatMap((w) => terms(w).map((t) => vocab.add(t))),
            ),
          ];
          speakerCache[sp] = ids;
        }
        for (const t of ids) mark(i, t, FIELD_SPEAKER);
      }
      // The quote's own role (`hospital spokesperson`) is searchable like the speaker's name.
      const role = (ref as Quote).role;
      if (role) {
        let ids = roleCache.get(role);
        if (!ids) {
          ids = termIdsOf(role);
          if (roleCache.size < 100_000) roleCache.set(role, ids);
        }
        for (const t of ids) mark(i, t, FIELD_SPEAKER);
      }
    }
    if (article !== metaArticle) {
      const art = articles[article] as CorpusArticle;
      // Read like a quote's text (the same words and term ids as termIdsOf, without a string per word).
      wordIds.scan(`${art.title ?? ''} ${art.outlet ?? ''}`);
      if (metaIds.length < wordIds.count) metaIds = new Int32Array(2 * wordIds.count);
      metaCount = 0;
      for (let k = 0; k < wordIds.count; k++) {
        const id = wordIds.ids[k] as number;
        if (id >= 0) metaIds[metaCount++] = id;
      }
      metaArticle = article;
    }
    for (let k = 0; k < metaCount; k++) mark(i, metaIds[k] as number, FIELD_META);
    // The item's pairs: its text terms sorted (in place in the buffer, no per-item array), then the others.
    const from = pairTerm.length;
    for (const t of order) pairTerm.push(t);
    sortRange(pairTerm.data, from, from + nText);
    textEnd[i] = from + nText;
    for (let p = from; p < pairTerm.length; p++)
      pairFlag.push(termFlags[pairTerm.data[p] as number] as number);
    pairStart[i + 1] = pairTerm.length;
  }
  vocab.seal();
  // Pushed, not map()ped: optimized code makes map()'s result a "holey" array, which V8 serializes in another form
  // (a snapshot's bytes then depended on whether this build ran optimized; pack() makes every array alike anyway).
  const surface: string[] = [];
  for (let id = 0; id < vocab.list.length; id++) surface.push(surfaceOf[id] ?? (vocab.list[id] as string));

  // CSR postings by counting sort over the pairs.
  const nTerms = vocab.list.length;
  const postStart = new Int32Array(nTerms + 1);
  for (let p = 0; p < pairTerm.length; p++) (postStart[(pairTerm.data[p] as number) + 1] as number)++;
  for (let t = 0; t < nTerms; t++) postStart[t + 1] = (postStart[t + 1] as number) + (postStart[t] as number);
  const fill = postStart.slice(0, nTerms);
  const postItems = new Int32Array(pairTerm.length);
  const postFlags = new Uint8Array(pairTerm.length);
  for (let i = 0; i < items.length; i++) {
    for (let p = pairStart[i] as number; p < (pairStart[i + 1] as number); p++) {
      const t = pairTerm.data[p] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      postItems[at] = i;
      postFlags[at] = pairFlag.data[p] as number;
    }
  }

  const { itemCluster, clusters } = clusterItems(
    items,
    itemWordHash,
    pairTerm.data,
    pairStart,
    textEnd,
    itemSpeaker,
    postStart,
    postItems,
    postFlags,
    articleDate,
  );
  return {
    corpus,
    itemArticle,
    itemKind,
    itemRef,
    dated,
    itemCluster,
    itemSpeaker,
    ...clusters,
    speakers,
    speakersByNameWord,
    vocab,
    surface,
    postStart,
    postItems,
    postFlags,
    articleDate,
  };
}

/** Sorts a[from, to) ascending in place: by insertion for the short ranges of most items (no view, no call out). */
function sortRange(a: Int32Array, from: number, to: number): void {
  if (to - from > 48) {
    a.subarray(from, to).sort();
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const v = a[k] as number;
    let j = k - 1;
    while (j >= from && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Number of shared values of two sorted int ranges. */
function sharedCount(a: Int32Array, a0: number, a1: number, b0: number, b1: number): number {
  let n = 0;
  let i = a0;
  let j = b0;
  while (i < a1 && j < b1) {
    const x = a[i] as number;
    const y = a[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Share of a member's distinct words (folded, stop words included) that must appear in the text shown. */
const MEMBER_WORD_SHARE = 0.6;

/**
 * Groups items that carry the same quote or fact in different articles. Candidates are pairs of the same type with
 * compatible speakers (equal, or one unknown) whose shorter item's distinct content terms are mostly contained in
 * the longer's; they come from each item's rarest terms: if containment >= c, at least two of the shorter item's
 * floor((1-c)n)+2 rarest terms are shared (pigeonhole). Probes are capped (MAX_PROBES terms, each used by at most
 * DEDUPE_DF_CAP items) so the build stays linear; a very long quote whose rare words are all common may be missed as
 * a duplicate (it then stays its own result, which is safe).
 *
 * Candidate pairs are never chained: a group is led by its earliest wording (the text shown), and an item joins
 * only when it is a candidate of that leader itself, shares >= MEMBER_WORD_SHARE of its words with it, comes from an
 * article the group does not hold yet and has a compatible speaker. So a result never gathers quotes that merely
 * share a topic through a chain of look-alikes, and a second, different quote of one article is never hidden behind
 * the first. Identical wording (same words, same speaker) is one quote however often it is printed.
 */
function clusterItems(
  items: BuildItems,
  itemWordHash: Int32Array,
  textTerms: Int32Array,
  textStart: Int32Array,
  textEnd: Int32Array,
  itemSpeaker: Int32Array,
  postStart: Int32Array,
  postItems: Int32Array,
  postFlags: Uint8Array,
  articleDate: Int32Array,
): { itemCluster: Int32Array; clusters: ClusterArrays } {
  const n = items.length;
  const uf = makeUnion(n);
  // Each item's article and type in typed arrays: the candidate loop below reads them for items all over the
  // corpus.
  const itemArticle = items.article;
  const itemIsQuote = items.quote;
  const textOf = (i: number): string => (items.ref[i] as Quote | Fact).text;
  const df = (t: number): number => (postStart[t + 1] as number) - (postStart[t] as number);
  // Identical wording always merges, however short or common its words: grouped by a hash of the words, then
  // confirmed word for word (a hash collision must not merge two quotes).
  // Per hash: the first item of each distinct wording, chained through nextSame (no array per item).
  // (An open-addressing table of hash -> first item: a Map of a million numbers was a tenth of the build.)
  let slots = 1024;
  while (slots < 2 * n) slots *= 2;
  const mask = slots - 1;
  const slotHash = new Int32Array(slots);
  const slotHead = new Int32Array(slots).fill(-1);
  const nextSame = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const h = itemWordHash[i] as number;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 7) & mask;
    while (slotHead[slot] !== -1 && slotHash[slot] !== h) slot = (slot + 1) & mask;
    const head = slotHead[slot] as number;
    if (head === -1) {
      slotHash[slot] = h;
      slotHead[slot] = i;
      continue;
    }
    const key = words(textOf(i)).join(' ');
    let match = -1;
    let last = head;
    for (let j = head; j >= 0; j = nextSame[j] as number) {
      last = j;
      if (
        itemIsQuote[j] === itemIsQuote[i] &&
        itemSpeaker[j] === itemSpeaker[i] &&
        words(textOf(j)).join(' ') === key
      ) {
        match = j;
        break;
      }
    }
    if (match >= 0) uf.union(match, i);
    else nextSame[last] = i;
  }
  const numberCache = new Map<number, string[]>();
  const numbersOf = (i: number): string[] => {
    let nums = numberCache.get(i);
    if (!nums) {
      nums = words(textOf(i)).filter((w) => /\d/.test(w));
      numberCache.set(i, nums);
    }
    return nums;
  };
  // Candidate pairs between identical-wording groups (by root), each pair once.
  const adjacent = new Map<number, number[]>();
  const pairSeen = new Set<number>();
  const link = (a: number, b: number): void => {
    const key = a < b ? a * n + b : b * n + a;
    if (pairSeen.has(key)) return;
    pairSeen.add(key);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = adjacent.get(x);
      if (list) list.push(y);
      else adjacent.set(x, [y]);
    }
  };
  // What the candidate test reads of an item, side by side (one cache line, not one per array: the items a probe
  // finds are spread over the whole corpus): speaker, article * 2 + 1 for a quote, first text term, text terms.
  const rec = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    rec[4 * i] = itemSpeaker[i] as number;
    rec[4 * i + 1] = 2 * (itemArticle[i] as number) + (itemIsQuote[i] as number);
    rec[4 * i + 2] = textStart[i] as number;
    rec[4 * i + 3] = (textEnd[i] as number) - (textStart[i] as number);
  }
  // Items found by the probes: those in at least needHits of the probed postings.
  const found = new Int32Array(MAX_PROBES * DEDUPE_DF_CAP);
  const probe = new Int32Array(MAX_PROBES);
  const cursor = new Int32Array(MAX_PROBES);
  const end = new Int32Array(MAX_PROBES);
  let keys = new Float64Array(64);
  for (let i = 0; i < n; i++) {
    const s0 = textStart[i] as number;
    const s1 = textEnd[i] as number;
    const len = s1 - s0;
    if (len < MIN_TERMS_TO_MERGE) continue;
    const isQuote = itemIsQuote[i] === 1;
    const threshold = isQuote ? QUOTE_CONTAINMENT : FACT_CONTAINMENT;
    // The nProbe rarest terms (by df, ties by term id, through one numeric key: all keys differ), picked by
    // selection in a reused buffer: no array and no sort per item.
    if (keys.length < len) keys = new Float64Array(2 * len);
    for (let k = 0; k < len; k++) {
      const t = textTerms[s0 + k] as number;
      keys[k] = df(t) * 4_294_967_296 + t;
    }
    const nProbe = Math.min(len, MAX_PROBES, Math.floor((1 - threshold) * len) + 2);
    let nProbed = 0;
    for (let k = 0; k < nProbe; k++) {
      let min = k;
      for (let m = k + 1; m < len; m++) if ((keys[m] as number) < (keys[min] as number)) min = m;
      const key = keys[min] as number;
      keys[min] = keys[k] as number;
      keys[k] = key;
      const t = key % 4_294_967_296;
      if (df(t) > 1 && df(t) <= DEDUPE_DF_CAP) probe[nProbed++] = t;
    }
    if (nProbed === 0) continue;
    let nFound = 0;
    if (nProbed === 1) {
      // One probe: every other item using the term in its text.
      const t = probe[0] as number;
      for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) {
        const j = postItems[p] as number;
        if ((postFlags[p] as number) & FIELD_TEXT && j !== i) found[nFound++] = j;
      }
    } else {
      // Items in two or more of the probed postings: each posting list is in item order, so they are merged (no
      // per-item counters over the whole corpus, where each hit was a cache miss).
      for (let k = 0; k < nProbed; k++) {
        cursor[k] = postStart[probe[k] as number] as number;
        end[k] = postStart[(probe[k] as number) + 1] as number;
      }
      for (;;) {
        let j = n;
        for (let k = 0; k < nProbed; k++)
          if ((cursor[k] as number) < (end[k] as number) && (postItems[cursor[k] as number] as number) < j)
            j = postItems[cursor[k] as number] as number;
        if (j === n) break;
        let hits = 0;
        for (let k = 0; k < nProbed; k++) {
          const p = cursor[k] as number;
          if (p < (end[k] as number) && postItems[p] === j) {
            if ((postFlags[p] as number) & FIELD_TEXT) hits++;
            cursor[k] = p + 1;
          }
        }
        if (hits >= 2 && j !== i) found[nFound++] = j;
      }
    }
    const sa = itemSpeaker[i] as number;
    const ownArticle = itemArticle[i] as number;
    const quoteBit = itemIsQuote[i] as number;
    let ri = -1;
    for (let f = 0; f < nFound; f++) {
      const j = found[f] as number;
      const sb = rec[4 * j] as number;
      if (sa >= 0 && sb >= 0 && sa !== sb) continue;
      const aq = rec[4 * j + 1] as number;
      if ((aq & 1) !== quoteBit || aq >> 1 === ownArticle) continue;
      const t0 = rec[4 * j + 2] as number;
      const shorter = Math.min(len, rec[4 * j + 3] as number);
      if (shorter < MIN_TERMS_TO_MERGE) continue;
      // Exact copies are one group already: nothing to compare (an archive carrying the same wire story many
      // times would otherwise compare every copy with every other).
      if (ri < 0) ri = uf.find(i);
      const rj = uf.find(j);
      if (ri === rj) continue;
      const shared = sharedCount(textTerms, s0, s1, t0, t0 + (rec[4 * j + 3] as number));
      if (shared / shorter < threshold) continue;
      if (!isQuote && !sameNumbers(textOf, i, j, numbersOf)) continue;
      link(ri, rj);
    }
  }

  // Members of each identical-wording group, in display order: earliest article first, then the longer wording.
  const priority = (a: number, b: number): number => {
    const xa = itemArticle[a] as number;
    const ya = itemArticle[b] as number;
    return (
      dateKey(articleDate[xa] as number) - dateKey(articleDate[ya] as number) ||
      xa - ya ||
      textOf(b).length - textOf(a).length ||
      a - b
    );
  };
  // Identical-wording groups of two or more, members in display order (a singleton is its own root).
  const root = new Int32Array(n);
  const multi = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    root[i] = r;
    if (r === i) continue;
    const g = multi.get(r);
    if (g) g.push(i);
    else multi.set(r, [r, i]);
  }
  for (const g of multi.values()) g.sort(priority);
  const membersOf = (r: number): number[] => multi.get(r) ?? [r];
  const headOf = (r: number): number => membersOf(r)[0] as number;

  const wordCache = new Map<number, Set<string>>();
  const wordSet = (i: number): Set<string> => {
    let set = wordCache.get(i);
    if (!set) {
      set = new Set(words(textOf(i)));
      wordCache.set(i, set);
    }
    return set;
  };
  /** May `member` be shown under `leader`'s wording: its words mostly there, its content terms too. */
  const fits = (member: number, leader: number): boolean => {
    const own = wordSet(member);
    const shown = wordSet(leader);
    let common = 0;
    for (const w of own) if (shown.has(w)) common++;
    if (own.size === 0 || common / own.size < MEMBER_WORD_SHARE) return false;
    const m0 = textStart[member] as number;
    const m1 = textEnd[member] as number;
    const shared = sharedCount(textTerms, m0, m1, textStart[leader] as number, textEnd[leader] as number);
    const threshold = itemIsQuote[member] ? QUOTE_CONTAINMENT : FACT_CONTAINMENT;
    if (m1 > m0 && shared / (m1 - m0) < threshold) return false;
    return itemIsQuote[member] === 1 || sameNumbers(textOf, member, leader, numbersOf);
  };

  // Leaders: wordings that name their speaker first, then the earliest; only groups with candidate pairs need this
  // pass. A result is cited from its leader, so a version whose article does not say who spoke never lends its
  // outlet to a credit line naming the speaker another article gave.
  const leaderOf = new Int32Array(n).fill(-1);
  const clusterSpeaker = new Map<number, number>();
  const unnamed = (r: number): number => ((itemSpeaker[headOf(r)] as number) < 0 ? 1 : 0);
  const linked = [...adjacent.keys()].sort(
    (a, b) => unnamed(a) - unnamed(b) || priority(headOf(a), headOf(b)),
  );
  const assigned = new Set<number>();
  for (const leader of linked) {
    if (assigned.has(leader)) continue;
    assigned.add(leader);
    const head = headOf(leader);
    const articles = new Set(membersOf(leader).map((i) => itemArticle[i] as number));
    let speaker = itemSpeaker[head] as number;
    const neighbours = (adjacent.get(leader) ?? []).filter((r) => !assigned.has(r));
    neighbours.sort((a, b) => priority(headOf(a), headOf(b)));
    for (const r of neighbours) {
      const g = membersOf(r);
      const sp = itemSpeaker[headOf(r)] as number;
      if (speaker >= 0 && sp >= 0 && sp !== speaker) continue;
      if (g.some((i) => articles.has(itemArticle[i] as number))) continue;
      if (!fits(headOf(r), head)) continue;
      assigned.add(r);
      leaderOf[r] = leader;
      for (const i of g) articles.add(itemArticle[i] as number);
      if (speaker < 0) speaker = sp;
    }
    clusterSpeaker.set(leader, speaker);
  }

  // Clusters numbered in the order of their first item (as corpus order breaks ties), members in display order.
  const itemCluster = new Int32Array(n);
  const idOf = new Int32Array(n).fill(-1);
  const leadOf = new Int32Array(n);
  const size = new Int32Array(n + 1);
  let nc = 0;
  for (let i = 0; i < n; i++) {
    const r = root[i] as number;
    const lead = (leaderOf[r] as number) >= 0 ? (leaderOf[r] as number) : r;
    let id = idOf[lead] as number;
    if (id < 0) {
      id = nc++;
      idOf[lead] = id;
      leadOf[id] = lead;
    }
    (size[id + 1] as number)++;
    itemCluster[i] = id;
  }
  // Each cluster's items in item order (a counting sort: no array per cluster).
  const memberStart = new Int32Array(nc + 1);
  for (let id = 0; id < nc; id++)
    memberStart[id + 1] = (memberStart[id] as number) + (size[id + 1] as number);
  const fillAt = memberStart.slice(0, nc);
  const memberItems = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = itemCluster[i] as number;
    memberItems[fillAt[id] as number] = i;
    fillAt[id] = (fillAt[id] as number) + 1;
  }
  const clusters: ClusterArrays = {
    clusterType: new Uint8Array(nc),
    clusterSpeaker: new Int32Array(nc),
    clusterMinDate: new Int32Array(nc),
    clusterMaxDate: new Int32Array(nc),
    clusterStart: new Int32Array(nc + 1),
    clusterItems: new Int32Array(n),
  };
  let at = 0;
  for (let id = 0; id < nc; id++) {
    const m0 = memberStart[id] as number;
    const m1 = memberStart[id + 1] as number;
    const first = memberItems[m0] as number;
    clusters.clusterType[id] = itemIsQuote[first] ? CLUSTER_QUOTE : CLUSTER_FACT;
    if (m1 - m0 === 1) {
      const d = articleDate[itemArticle[first] as number] as number;
      clusters.clusterSpeaker[id] = itemSpeaker[first] as number;
      clusters.clusterMinDate[id] = d;
      clusters.clusterMaxDate[id] = d;
      clusters.clusterItems[at++] = first;
      clusters.clusterStart[id + 1] = at;
      continue;
    }
    const list = Array.from(memberItems.subarray(m0, m1));
    const lead = leadOf[id] as number;
    // The leader's wording first (the text shown and cited), then every other version, earliest first.
    const head = headOf(lead);
    list.sort((a, b) => Number(b === head) - Number(a === head) || priority(a, b));
    // One item per article: the same words printed twice in one article are one quote.
    const seenArticles = new Set<number>();
    let minDate = 0;
    let maxDate = 0;
    for (const m of list) {
      const art = itemArticle[m] as number;
      const d = articleDate[art] as number;
      if (d) {
        if (!minDate || d < minDate) minDate = d;
        if (d > maxDate) maxDate = d;
      }
      if (seenArticles.has(art)) continue;
      seenArticles.add(art);
      clusters.clusterItems[at++] = m;
    }
    clusters.clusterStart[id + 1] = at;
    clusters.clusterSpeaker[id] = clusterSpeaker.get(lead) ?? (itemSpeaker[head] as number);
    clusters.clusterMinDate[id] = minDate;
    clusters.clusterMaxDate[id] = maxDate;
  }
  clusters.clusterItems = clusters.clusterItems.slice(0, at);
  return { itemCluster, clusters };
}

/** The cluster arrays of a SearchIndex. */
type ClusterArrays = Pick<
  SearchIndex,
  'clusterType' | 'clusterSpeaker' | 'clusterMinDate' | 'clusterMaxDate' | 'clusterStart' | 'clusterItems'
>;

/** Facts about different amounts are different facts: the shorter's numbers must all appear in the longer. */
function sameNumbers(
  textOf: (i: number) => string,
  a: number,
  b: number,
  numbersOf: (i: number) => string[],
): boolean {
  const shorterFirst = textOf(a).length <= textOf(b).length;
  const [x, y] = shorterFirst ? [numbersOf(a), numbersOf(b)] : [numbersOf(b), numbersOf(a)];
  const ys = new Set(y);
  return x.every((w) => ys.has(w));
}

/** Folded text of an item's words, space-joined, padded: `" a b c "` (for phrase and containment checks). */
export function paddedWords(text: string): string {
  return ` ${words(text).join(' ')} `;
}

export { fold };
