/**
 * Query side of the search core. A query costs: postings of its words (plus typo, prefix and synonym variants)
 * accumulated into per-item scores with BM25-style idf and field weights -> the best CANDIDATE_LIMIT clusters ->
 * fuse.js re-ranks only those (token search, ignoreLocation, ignoreFieldNorm so a match deep in a long quote
 * counts like one at its start) -> final score mixes both, plus the longest run of the query's words found in order
 * (stop words included) and a bonus for quotes by a speaker the question names.
 *
 * Before that, the words are read as a reporter means them: words of saying and asking are dropped, a name alone
 * lists that person's quotes, a name beside other words picks the speaker (in a short question; in words pasted
 * from a quote a name is quote text), and words that hold common words only are looked up as a phrase.
 */
import Fuse from 'fuse.js';
import type { CorpusArticle, Fact, Quote, Speaker } from '../types.ts';
import {
  CLUSTER_QUOTE,
  type Cluster,
  clusterAt,
  clusterCount,
  clusterMembers,
  clusterTypeOf,
  FIELD_SPEAKER,
  FIELD_TEXT,
  ITEM_DATED,
  ITEM_QUOTE,
  type Item,
  itemAt,
  itemCount,
  itemRefOf,
  paddedWords,
  type SearchIndex,
  type SpeakerEntry,
} from './build.ts';
import { contextOf } from './context.ts';
import { bodyForScan, quoteRoleOf } from './lazy-articles.ts';
import { fold, STOP_WORDS, stem, words } from './normalize.ts';
import { type ParsedQuery, parseQuery } from './query.ts';
import { SYNONYMS } from './synonyms.ts';
import { queryTokens, type ScoreKey, tokenSearchScores } from './tokenscore.ts';
import type {
  ArticleRef,
  ItemType,
  SearchOptions,
  SearchResponse,
  SearchResult,
  SourceRef,
  SpeakerLookup,
} from './types.ts';
import { damerau, type NearTerm } from './vocabulary.ts';

/** How many clusters fuse.js re-ranks per query: enough for paging, small enough to stay fast. */
export const CANDIDATE_LIMIT = 200;
/**
 * How many of the candidates fuse.js re-ranks; the rest (paging past four pages) keep their index score. fuse.js
 * was half of a query's CPU at 100; measured at 20, 40 and 100: the same found-first share over PolNeAR train
 * (99.2%), the same eval, and the same hits on the bench's reporter questions (issue 16).
 */
const FUSE_LIMIT = 20;
/** Share of the query's idf mass a result must cover (typo/synonym hits count at their lower weight). */
const MIN_COVERAGE = 0.34;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Field weights of the cheap score: own words, then speaker, then title/outlet. */
const W_TEXT = 1;
const W_SPEAKER = 0.6;
const W_META = 0.3;
/** Variant weights: a typo or synonym is evidence, but less than the word itself. */
const W_TYPO1 = 0.75;
const W_TYPO2 = 0.55;
const W_PREFIX = 0.6;
const W_SYNONYM = 0.7;
/**
 * Final score = MIX_INDEX * coverage + MIX_FUSE * fuse similarity + MIX_NEAR * proximity (query words found next to
 * each other, in order: a half-remembered phrase is usually remembered in one piece).
 */
const MIX_INDEX = 0.45;
const MIX_FUSE = 0.45;
const MIX_NEAR = 0.1;
/** Two query words count as together when the second follows the first within this many words. */
const NEAR_WINDOW = 3;
/** A query word used by at least this many items is not expanded to typo or prefix variants. */
const TRUSTED_DF = 3;
/** Cap on words sent to fuse.js (its bitap cost grows with each query word). */
const MAX_FUSE_WORDS = 12;
/**
 * Share of the final score given to the longest run of query words found in order, stop words included, in a
 * wording: six words pasted from a quote find that quote even when they are mostly `i`, `it`, `do` and `will`.
 */
const MIX_PHRASE = 0.3;
/** A run shorter than this many words is no evidence of a phrase (two stop words in a row are everywhere). */
const MIN_PHRASE_RUN = 3;
/** A query of this many words or more found verbatim in a quote is that quote's words, not a question. */
const PASTED_MIN_WORDS = 5;
/** A query of at most this many words (saying words aside) that names someone asks about them. */
const QUESTION_MAX_WORDS = 4;
/** Extra score for a wording that is exactly the query's words: a short quote typed whole beats longer ones. */
const WHOLE_QUOTE_BONUS = 0.05;
/** Extra score for a quote by a speaker the query names (`putin on cyber security`) over quotes mentioning them. */
const NAMED_SPEAKER_BONUS = 0.15;
/** Text weight of a query word that names a known speaker: a mention counts, but less than being the speaker. */
const W_MENTION = 0.5;
/** Phrase lookups through one content word's postings stop being cheap past this many items; then a scan. */
const PHRASE_DF_CAP = 5000;
/** A query word names a speaker when they are quoted at least this often, or this share of the word's uses. */
const NAME_MIN_QUOTES = 25;
const NAME_QUOTE_SHARE = 0.05;
/** Most items a phrase lookup collects. */
const MAX_PHRASE_HITS = 500;

/**
 * Words of saying and asking: a reporter writes `what did putin say about the summit`; these are never required
 * (they would only match quotes that happen to say "said"). They still count in the phrase score.
 */
const SAYING_WORDS: ReadonlySet<string> = new Set(
  'say said says saying quote quotes quoted quoting comment comments commented remark remarks statement statements tell told talk talked talking word words'.split(
    ' ',
  ),
);

interface Variant {
  id: number;
  weight: number;
}

/** One query word with the vocabulary terms that may stand for it. */
export interface TermGroup {
  word: string;
  variants: Variant[];
  idf: number;
  /** Phrase words must all be present. */
  required: boolean;
  /** The word names a known speaker: quotes by them weigh more than quotes mentioning them. */
  speakerWord?: boolean;
}

/** Per-engine scratch arrays, reused by every query (JS runs one query at a time). */
export class Scratch {
  /**
   * One bit per item touched by the current query (cleared per query: an eighth of a megabyte at a million items,
   * so it stays in cache while the postings of common words hit items all over the index).
   */
  readonly bits: Uint32Array;
  /**
   * Per item touched by the current query: its place in the touched list (valid only where its bit is set). A new
   * item costs a write here, not a read; everything else about it lives at its place in the dense arrays below,
   * which stay small and are read in order at the end (issue 16: the per-item arrays were most of a query at 1e6).
   */
  readonly slots: Int32Array;
  /** Items touched by the current query, in the order first touched. */
  readonly touched: Int32Array;
  /** Per touched item (by place): its score, the last word group that scored it and that group's best weight. */
  readonly tScore: Float32Array;
  readonly tGroup: Int32Array;
  readonly tBest: Float32Array;
  readonly tReq: Uint8Array;
  readonly clusterStamp: Int32Array;
  readonly clusterBest: Float32Array;
  /** Weight of a posting by its field flags (0..7), for the term being walked. */
  readonly byFlag = new Float64Array(8);
  gid = 0;
  /** Stamps for clusterStamp (the final pass and the top-k bound each take one). */
  cid = 0;
  /** How many items the last candidates() call touched (for tests of its pruning). */
  lastTouched = 0;
  constructor(nItems: number, nClusters: number) {
    this.slots = new Int32Array(nItems);
    this.bits = new Uint32Array((nItems >>> 5) + 1);
    this.touched = new Int32Array(nItems);
    this.tScore = new Float32Array(nItems);
    this.tGroup = new Int32Array(nItems);
    this.tBest = new Float32Array(nItems);
    this.tReq = new Uint8Array(nItems);
    this.clusterStamp = new Int32Array(nClusters);
    this.clusterBest = new Float32Array(nClusters);
  }
}

function dfOf(index: SearchIndex, id: number): number {
  return (index.postStart[id + 1] as number) - (index.postStart[id] as number);
}

function idfOf(index: SearchIndex, id: number): number {
  const n = itemCount(index);
  const df = dfOf(index, id);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Typo variants kept per query word. */
const MAX_TYPO_VARIANTS = 6;

/**
 * The likeliest intended words for a word the corpus barely knows: nearest first, where the distance is the smaller
 * of stem-to-stem and typed-word-to-spelling (stemming can double a typo), then the most used (a reporter more
 * likely mistyped a common word than a rare one).
 */
function nearTerms(index: SearchIndex, stemmed: string, typed: string): NearTerm[] {
  const found = index.vocab.near(stemmed, typed.length, Number.POSITIVE_INFINITY);
  for (const n of found) {
    const spelled = index.surface[n.id];
    if (spelled && n.distance > 0) n.distance = Math.min(n.distance, damerau(typed, spelled, n.distance));
  }
  found.sort((a, b) => a.distance - b.distance || dfOf(index, b.id) - dfOf(index, a.id));
  return found.slice(0, MAX_TYPO_VARIANTS);
}

/**
 * Turns query words into term groups: the word's own term, near misspellings from the trigram vocabulary, prefix
 * completions, synonyms, and compounds typed apart (`cyber security` also looks for `cybersecurity`).
 */
export function termGroups(
  index: SearchIndex,
  freeWords: string[],
  phraseWords: string[],
  speakerWords: ReadonlySet<string> = new Set(),
): TermGroup[] {
  const { vocab } = index;
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  const add = (list: string[], required: boolean): void => {
    const content = list.filter((w) => !STOP_WORDS.has(w));
    for (let k = 0; k < content.length; k++) {
      const w = content[k] as string;
      const t = stem(w);
      if (seen.has(t)) continue;
      seen.add(t);
      const variants = new Map<number, number>();
      const put = (id: number | undefined, weight: number): void => {
        if (id !== undefined && (variants.get(id) ?? 0) < weight) variants.set(id, weight);
      };
      const exact = vocab.get(t);
      put(exact, 1);
      if (!required) {
        // A word the corpus uses several times is taken as meant; typo and prefix variants are for words it
        // barely knows. This also keeps common words from dragging in the postings of their neighbours.
        const trusted = exact !== undefined && dfOf(index, exact) >= TRUSTED_DF;
        if (!trusted) {
          for (const near of nearTerms(index, t, w)) put(near.id, near.distance <= 1 ? W_TYPO1 : W_TYPO2);
          for (const c of vocab.completions(t)) put(c.id, W_PREFIX);
        }
        for (const s of SYNONYMS.get(t) ?? []) put(vocab.get(s), W_SYNONYM);
      }
      const prev = content[k - 1];
      const next = content[k + 1];
      if (prev) put(vocab.get(stem(`${prev}${w}`)), 1);
      if (next) put(vocab.get(stem(`${w}${next}`)), 1);
      let idf = 0;
      let bestW = 0;
      for (const [id, weight] of variants) {
        if (weight > bestW || (weight === bestW && idfOf(index, id) > idf)) {
          bestW = weight;
          idf = idfOf(index, id);
        }
      }
      // An unknown word still counts in the query's mass (a result should cover what was asked) at half weight.
      if (variants.size === 0) idf = 0.5 * Math.log(1 + itemCount(index));
      groups.push({
        word: w,
        variants: [...variants].map(([id, weight]) => ({ id, weight })).sort((a, b) => b.weight - a.weight),
        idf,
        required,
        // Always set: one shape of group for the query paths' compiled code (a new shape deoptimised them).
        speakerWord: speakerWords.has(w),
      });
    }
  };
  add(phraseWords, true);
  add(freeWords, false);
  return groups;
}

/** A candidate cluster with its cheap score (0..1 coverage of the query). */
export interface Candidate {
  cluster: number;
  coverage: number;
}

/**
 * Scores items through the postings and returns the best clusters passing `accept`, best first.
 * Cost: the postings of the query's terms and their variants, plus a partial sort of the matches.
 */
export function candidates(
  index: SearchIndex,
  scratch: Scratch,
  groups: TermGroup[],
  accept: (cluster: number) => boolean,
  limit: number,
  minCoverage = MIN_COVERAGE,
  /** Words with this many postings first bound the scores (tests set 0 to bound before every word). */
  boundMinPostings = BOUND_MIN_POSTINGS,
): Candidate[] {
  const { postStart, postItems, postFlags, itemCluster } = index;
  const s = scratch;
  const { slots, bits, touched, tScore, tGroup, tBest, tReq, byFlag } = s;
  bits.fill(0);
  let nTouched = 0;
  let mass = 0;
  let required = 0;
  for (const g of groups) {
    mass += g.idf;
    if (g.required) required++;
  }
  const floor = minCoverage * mass;
  // Rarest words first (required ones before all): once the words left could not lift an unseen item to the
  // floor on their own, common words only add to items already seen (max-score pruning).
  const ordered = [...groups].sort((a, b) => Number(b.required) - Number(a.required) || b.idf - a.idf);
  // A lower bound on the score of the limit-th best cluster (0: not known). An unseen item scores at most the
  // idf mass of the words left (every weight is at most 1); below this bound it cannot reach the first `limit`.
  let bound = 0;
  let remaining = mass;
  for (const g of ordered) {
    let admitNew = remaining >= floor || g.required;
    if (admitNew && !g.required && nTouched >= limit) {
      let postings = 0;
      for (const v of g.variants) postings += dfOf(index, v.id);
      // Worth a pass over the touched items only before a word with many postings.
      if (postings >= boundMinPostings)
        bound = Math.max(bound, kthClusterScore(index, s, nTouched, floor, required, accept, limit));
      if (remaining * (1 + 1e-6) < bound) admitNew = false;
    }
    remaining -= g.idf;
    const gid = ++s.gid;
    const wText = g.speakerWord ? W_MENTION : W_TEXT;
    const wSpeaker = g.speakerWord ? W_TEXT : W_SPEAKER;
    // One term (no variants): an item has one posting per term, so its score just grows by that posting.
    const single = g.variants.length === 1;
    for (const v of g.variants) {
      const base = g.idf * v.weight;
      for (let f = 0; f < 8; f++)
        byFlag[f] =
          base *
          (g.speakerWord
            ? f & FIELD_SPEAKER
              ? wSpeaker
              : f & FIELD_TEXT
                ? wText
                : W_META
            : f & FIELD_TEXT
              ? wText
              : f & FIELD_SPEAKER
                ? wSpeaker
                : W_META);
      const end = postStart[v.id + 1] as number;
      for (let p = postStart[v.id] as number; p < end; p++) {
        const i = postItems[p] as number;
        let k: number;
        const word = bits[i >>> 5] as number;
        const bit = 1 << (i & 31);
        if ((word & bit) !== 0) k = slots[i] as number;
        else if (!admitNew) continue;
        else {
          bits[i >>> 5] = word | bit;
          k = nTouched++;
          slots[i] = k;
          touched[k] = i;
          tScore[k] = 0;
          tReq[k] = 0;
          tGroup[k] = 0;
        }
        const w = byFlag[postFlags[p] as number] as number;
        if (single) {
          tScore[k] = (tScore[k] as number) + w;
          if (g.required) tReq[k] = (tReq[k] as number) + 1;
        } else if (tGroup[k] !== gid) {
          tGroup[k] = gid;
          tBest[k] = w;
          tScore[k] = (tScore[k] as number) + w;
          if (g.required) tReq[k] = (tReq[k] as number) + 1;
        } else if (w > (tBest[k] as number)) {
          tScore[k] = (tScore[k] as number) + w - (tBest[k] as number);
          tBest[k] = w;
        }
      }
    }
  }
  s.lastTouched = nTouched;
  if (mass <= 0) return [];
  const found: number[] = [];
  const cid = ++s.cid;
  for (let k = 0; k < nTouched; k++) {
    const sc = tScore[k] as number;
    if (sc < floor || (tReq[k] as number) < required) continue;
    const c = itemCluster[touched[k] as number] as number;
    if (s.clusterStamp[c] !== cid) {
      s.clusterStamp[c] = cid;
      s.clusterBest[c] = sc;
      found.push(c);
    } else if (sc > (s.clusterBest[c] as number)) s.clusterBest[c] = sc;
  }
  const best = topAccepted(found, (c) => s.clusterBest[c] as number, accept, limit);
  return best.map((c) => ({ cluster: c, coverage: Math.min(1, (s.clusterBest[c] as number) / mass) }));
}

/** A word with at least this many postings first bounds the scores (kthClusterScore) to admit fewer items. */
const BOUND_MIN_POSTINGS = 20_000;

/**
 * The score of the `limit`-th best accepted cluster so far, over touched items already at the floor and holding
 * every required word (0 when fewer clusters than that). Scores only grow, so at the end at least `limit`
 * clusters score this much or more: a lower bound on what the limit-th candidate will score.
 */
function kthClusterScore(
  index: SearchIndex,
  s: Scratch,
  nTouched: number,
  floor: number,
  required: number,
  accept: (cluster: number) => boolean,
  limit: number,
): number {
  const cid = ++s.cid;
  const { touched, tScore, tReq, clusterStamp, clusterBest } = s;
  const clusters: number[] = [];
  for (let k = 0; k < nTouched; k++) {
    const sc = tScore[k] as number;
    if (sc < floor || (tReq[k] as number) < required) continue;
    const c = index.itemCluster[touched[k] as number] as number;
    if (clusterStamp[c] !== cid) {
      clusterStamp[c] = cid;
      clusterBest[c] = sc;
      clusters.push(c);
    } else if (sc > (clusterBest[c] as number)) clusterBest[c] = sc;
  }
  if (clusters.length < limit) return 0;
  // The limit-th best accepted score, or a lower bound of it: the cut, when at least `limit` accepted clusters
  // reach it (accept() is called on those only); else 0 (no bound, nothing pruned).
  const key = (c: number): number => clusterBest[c] as number;
  const cut = sampleCut(clusters, key, limit) ?? 0;
  let reached = 0;
  for (const c of clusters) if (key(c) >= cut && accept(c) && ++reached >= limit) return cut;
  return 0;
}

/**
 * topK(list.filter(accept), key, k), calling `accept` on few clusters: a filter reads each cluster's record, and
 * tens of thousands of clusters pass the floor in a million quotes. When the list is long, a score cut from a
 * sample leaves about 2k clusters; if at least k of those are accepted, every other accepted cluster scores below
 * all of them, so the first k are the same. Otherwise the whole list is filtered.
 */
function topAccepted(
  list: number[],
  key: (x: number) => number,
  accept: (cluster: number) => boolean,
  k: number,
): number[] {
  const cut = sampleCut(list, key, k);
  if (cut !== null) {
    const survivors = list.filter((x) => key(x) >= cut && accept(x));
    if (survivors.length >= k) return survivors.sort((a, b) => key(b) - key(a)).slice(0, k);
  }
  return topK(list.filter(accept), key, k);
}

/** A score about 2k of the list reach, from a sample (null for a list short enough to sort). */
function sampleCut(list: number[], key: (x: number) => number, k: number): number | null {
  if (list.length <= 4 * k) return null;
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(list.length / 2000));
  for (let i = 0; i < list.length; i += step) sample.push(key(list[i] as number));
  sample.sort((a, b) => b - a);
  return sample[Math.min(sample.length - 1, Math.ceil((k * 2 * sample.length) / list.length))] ?? 0;
}

/** The k best by key, descending, without sorting everything (quickselect-free: sort is fine below 4k). */
function topK(list: number[], key: (x: number) => number, k: number): number[] {
  if (list.length <= 4 * k) return list.sort((a, b) => key(b) - key(a)).slice(0, k);
  // Threshold from a sample, then sort the survivors: linear on large lists.
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(list.length / 2000));
  for (let i = 0; i < list.length; i += step) sample.push(key(list[i] as number));
  sample.sort((a, b) => b - a);
  const cut = sample[Math.min(sample.length - 1, Math.ceil((k * 2 * sample.length) / list.length))] ?? 0;
  let survivors = list.filter((x) => key(x) >= cut);
  if (survivors.length < k) survivors = list;
  return survivors.sort((a, b) => key(b) - key(a)).slice(0, k);
}

/** Filters of one search, resolved against the index. */
interface Filters {
  type: ItemType | null;
  /** Allowed speaker-table indexes, or null for any speaker. */
  speakers: Set<number> | null;
  outlets: string[];
  after: number;
  before: number;
  phrases: string[];
}

/** Speakers matching a typed name: exact alias, then all typed words in a name, then one-typo names. */
export function resolveSpeaker(index: SearchIndex, typed: string): Set<number> {
  return resolveSpeakerHow(index, typed).found;
}

/**
 * resolveSpeaker, saying whether the match needed typo tolerance (the reply then names who was meant). Tiers:
 * an exact name or alias; every typed word in one speaker's names; every typed word in their names or roles
 * (`speaker:hospital spokesperson`); the same with one typo per word.
 */
export function resolveSpeakerHow(index: SearchIndex, typed: string): { found: Set<number>; fuzzy: boolean } {
  const key = words(typed).join(' ');
  const out = new Set<number>();
  if (!key) return { found: out, fuzzy: false };
  const typedWords = key.split(' ').filter((w) => !STOP_WORDS.has(w) || key.split(' ').length === 1);
  index.speakers.forEach((e, i) => {
    if (e.keys.includes(key)) out.add(i);
  });
  if (out.size) return { found: out, fuzzy: false };
  index.speakers.forEach((e, i) => {
    if (typedWords.every((w) => e.words.has(w))) out.add(i);
  });
  if (out.size) return { found: out, fuzzy: false };
  index.speakers.forEach((e, i) => {
    if (typedWords.every((w) => e.words.has(w) || e.roleWords.has(w))) out.add(i);
  });
  if (out.size) return { found: out, fuzzy: false };
  index.speakers.forEach((e, i) => {
    if (typedWords.every((w) => fuzzyHas(e, w))) out.add(i);
  });
  return { found: out, fuzzy: out.size > 0 };
}

function fuzzyHas(e: SpeakerEntry, w: string): boolean {
  if (w.length < 4) return e.words.has(w);
  const max = w.length >= 8 ? 2 : 1;
  for (const x of e.words) if (damerau(w, x, max) <= max) return true;
  return false;
}

function dateNum(s: string | null): number {
  return s ? Number(s.replaceAll('-', '')) : 0;
}

function makeAccept(index: SearchIndex, f: Filters): (c: number) => boolean {
  const { corpus } = index;
  const outletCache = new Map<number, string>();
  const outletOf = (a: number): string => {
    let s = outletCache.get(a);
    if (s === undefined) {
      const art = corpus.articles[a] as CorpusArticle;
      let host = '';
      try {
        host = art.url ? new URL(art.url).hostname : '';
      } catch {
        host = '';
      }
      s = ` ${words(`${art.outlet ?? ''} ${host}`).join(' ')} `;
      outletCache.set(a, s);
    }
    return s;
  };
  const outletKeys = f.outlets.map((o) => words(o).join(' '));
  const phraseKeys = f.phrases.map((p) => ` ${words(p).join(' ')} `).filter((p) => p.trim());
  return (c: number): boolean => {
    if (f.type && clusterTypeOf(index, c) !== f.type) return false;
    if (f.speakers && !f.speakers.has(index.clusterSpeaker[c] as number)) return false;
    const maxDate = index.clusterMaxDate[c] as number;
    const minDate = index.clusterMinDate[c] as number;
    if (f.after && (!maxDate || maxDate < f.after)) return false;
    if (f.before && (!minDate || minDate > f.before)) return false;
    for (const o of outletKeys) {
      if (!clusterMembers(index, c).some((i) => outletOf(index.itemArticle[i] as number).includes(o)))
        return false;
    }
    for (const p of phraseKeys) {
      if (!clusterMembers(index, c).some((i) => paddedWords(itemRefOf(index, i).text).includes(p)))
        return false;
    }
    return true;
  };
}

/** The citation fields of an article, as search results and verify matches carry them. */
export function articleRef(art: CorpusArticle): ArticleRef {
  return {
    id: art.id,
    title: art.title ?? null,
    outlet: art.outlet ?? null,
    url: art.url ?? null,
    published: art.published ?? null,
    source: art.source,
  };
}

/** The display speaker of a cluster: the corpus name (aliases merged), else the quote's own name. */
function speakerOf(index: SearchIndex, cl: Cluster): Speaker | null {
  return cl.speaker >= 0 ? ((index.speakers[cl.speaker] as SpeakerEntry).speaker ?? null) : null;
}

/** Builds the public result for a cluster. */
export function toResult(index: SearchIndex, c: number, score: number): SearchResult {
  const cl = clusterAt(index, c);
  const rep = itemAt(index, cl.items[0] as number);
  const art = index.corpus.articles[rep.article] as CorpusArticle;
  const article = articleRef(art);
  const sp = speakerOf(index, cl);
  const quote = rep.type === 'quote' ? (rep.ref as Quote) : null;
  const speaker = sp?.name ?? quote?.speaker ?? null;
  const sources: SourceRef[] = cl.items.map((i) => {
    const it = itemAt(index, i);
    const own = index.itemSpeaker[i] as number;
    return {
      ...articleRef(index.corpus.articles[it.article] as CorpusArticle),
      text: it.ref.text,
      paragraph: it.ref.paragraph,
      speaker:
        it.type === 'quote'
          ? own >= 0
            ? (index.speakers[own] as SpeakerEntry).speaker.name
            : ((it.ref as Quote).speaker ?? null)
          : null,
    };
  });
  return {
    type: rep.type,
    text: rep.ref.text,
    speaker,
    role: quote?.role ?? sp?.role ?? null,
    kind: quote?.kind ?? null,
    verb: quote?.verb ?? null,
    confidence: quote?.confidence ?? null,
    score: Math.round(score * 1000) / 1000,
    article,
    context: contextOf(art, rep.ref.paragraph, rep.ref.start, rep.ref.end),
    sources,
  };
}

/** Fuse.js document for one candidate: folded strings, so fuse compares what the index compared. */
interface FuseDoc {
  c: number;
  text: string;
  alt: string[];
  speaker: string[];
  meta: string[];
}

function fuseDoc(index: SearchIndex, c: number): FuseDoc {
  const cl = clusterAt(index, c);
  const its = cl.items.map((i) => itemAt(index, i));
  const sp = cl.speaker >= 0 ? (index.speakers[cl.speaker] as SpeakerEntry) : null;
  const meta: string[] = [];
  for (const it of its) {
    const art = index.corpus.articles[it.article] as CorpusArticle;
    meta.push(fold(`${art.title ?? ''} ${art.outlet ?? ''}`));
  }
  return {
    c,
    text: fold((its[0] as Item).ref.text),
    alt: its.slice(1).map((it) => fold(it.ref.text)),
    speaker: sp ? sp.keys : [],
    meta,
  };
}

const FUSE_KEYS = [
  { name: 'text', weight: 4 },
  { name: 'alt', weight: 2.5 },
  { name: 'speaker', weight: 1.5 },
  { name: 'meta', weight: 0.5 },
];
const SCORE_KEYS: ScoreKey<FuseDoc>[] = [
  { get: (d) => d.text, weight: 4 },
  { get: (d) => d.alt, weight: 2.5 },
  { get: (d) => d.speaker, weight: 1.5 },
  { get: (d) => d.meta, weight: 0.5 },
];
/** Per query word: up to ~1 typo in 4 letters; looser only adds noise from long quotes. */
const FUSE_THRESHOLD = 0.3;

/** Re-ranks the best FUSE_LIMIT candidates with fuse.js; returns [cluster, final score] best first. */
/**
 * Share of consecutive query-word pairs found in order within NEAR_WINDOW words in any wording of the cluster
 * (typo and synonym variants count). 1 for one-word queries, so it never penalises them.
 */
function proximity(
  index: SearchIndex,
  c: number,
  sets: ReadonlyArray<ReadonlySet<string | undefined>>,
  heads: ReadonlySet<number>,
  wordsOf: (i: number) => readonly string[],
): number {
  if (sets.length < 2) return 1;
  let best = 0;
  for (const i of clusterMembers(index, c)) {
    // The item's index terms (terms(): stemmed words less stop words, in order), from its words computed once per
    // re-rank. Stemming keeps a word's first two letters, so a word starting otherwise than every variant cannot
    // be one: it keeps its place, unstemmed (most words of a long quote; stemming them was most of this cost).
    const ts: string[] = [];
    for (const w of wordsOf(i)) {
      if (STOP_WORDS.has(w)) continue;
      ts.push(heads.has(headOf(w)) ? stem(w) : '');
    }
    let found = 0;
    for (let k = 0; k + 1 < sets.length; k++) {
      const a = sets[k] as ReadonlySet<string | undefined>;
      const b = sets[k + 1] as ReadonlySet<string | undefined>;
      let ok = false;
      for (let p = 0; p < ts.length && !ok; p++) {
        if (!a.has(ts[p])) continue;
        for (let q = p + 1; q <= p + NEAR_WINDOW && q < ts.length; q++) {
          if (b.has(ts[q])) {
            ok = true;
            break;
          }
        }
      }
      if (ok) found++;
    }
    best = Math.max(best, found / (sets.length - 1));
  }
  return best;
}

/** A word's first two UTF-16 units as one number (stem() never changes them). */
function headOf(w: string): number {
  return w.charCodeAt(0) * 65536 + (w.length > 1 ? w.charCodeAt(1) : 65535);
}

/** The variant terms of each query word that has any, in query order (what proximity() looks for). */
function proximitySets(index: SearchIndex, groups: TermGroup[]): Array<Set<string | undefined>> {
  return groups
    .filter((g) => g.variants.length > 0)
    .map((g) => new Set(g.variants.map((v) => index.vocab.list[v.id])));
}

/** Longest run of `seq` found contiguously, in order, in `ws` (longest common substring of two word lists). */
export function longestRun(ws: readonly string[], seq: readonly string[]): number {
  if (seq.length === 0 || ws.length === 0) return 0;
  let best = 0;
  let prev = new Uint16Array(seq.length + 1);
  let cur = new Uint16Array(seq.length + 1);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    for (let j = 0; j < seq.length; j++) {
      const v = w === seq[j] ? (prev[j] as number) + 1 : 0;
      cur[j + 1] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/**
 * Share of the query's words found as one run in the cluster's best wording (0 below MIN_PHRASE_RUN words), and
 * whether one wording is exactly the query's words (a whole short quote typed in full: `top secret`).
 */
function phraseScore(
  index: SearchIndex,
  c: number,
  seq: readonly string[],
  wordsOf: (i: number) => readonly string[],
): { run: number; whole: boolean } {
  let best = 0;
  let whole = false;
  const joined = seq.join(' ');
  for (const i of clusterMembers(index, c)) {
    const ws = wordsOf(i);
    if (ws.length === seq.length && ws.join(' ') === joined) whole = true;
    if (seq.length >= MIN_PHRASE_RUN) best = Math.max(best, longestRun(ws, seq));
  }
  return { run: best >= MIN_PHRASE_RUN ? best / seq.length : 0, whole };
}

/** What the re-rank needs besides the candidates. */
interface RankContext {
  fuseQuery: string;
  groups: TermGroup[];
  /** Every query word in order, stop words included (for the phrase score). */
  sequence: string[];
  /** Speakers the query's words name (`putin` in `putin on cyber security`). */
  named: ReadonlySet<number>;
  /** The query asks about someone (short, or with words of saying) rather than pasting a quote's words. */
  question: boolean;
}

function rerank(index: SearchIndex, cands: Candidate[], rc: RankContext): Array<[number, number]> {
  const fuseScore = new Map<number, number>();
  if (rc.fuseQuery && cands.length) {
    const docs = cands.slice(0, FUSE_LIMIT).map((c) => fuseDoc(index, c.cluster));
    const tokens = queryTokens(rc.fuseQuery);
    if (tokens) {
      // fuse.js's own scores, computed without its per-query index (tokenscore.ts; the same numbers).
      for (const [d, score] of tokenSearchScores(docs, SCORE_KEYS, tokens, FUSE_THRESHOLD))
        fuseScore.set((docs[d] as FuseDoc).c, score);
    } else {
      // A query word over 32 characters: fuse.js splits it into chunks, which tokenscore.ts does not reproduce.
      const fuse = new Fuse(docs, {
        keys: FUSE_KEYS,
        includeScore: true,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        useTokenSearch: true,
        threshold: FUSE_THRESHOLD,
        shouldSort: false,
      });
      for (const r of fuse.search(rc.fuseQuery)) fuseScore.set(r.item.c, r.score ?? 1);
    }
  }
  // Each candidate item's words, computed once for the proximity and the phrase scores.
  const seen = new Map<number, readonly string[]>();
  const wordsOf = (i: number): readonly string[] => {
    let ws = seen.get(i);
    if (!ws) {
      ws = itemWords(index, i);
      seen.set(i, ws);
    }
    return ws;
  };
  const sets = proximitySets(index, rc.groups);
  const heads = new Set<number>();
  for (const set of sets) for (const t of set) if (t) heads.add(headOf(t));
  const usePhrase = rc.sequence.length >= MIN_PHRASE_RUN;
  const base = usePhrase ? 1 - MIX_PHRASE : 1;
  const out: Array<[number, number]> = cands.map((c, k) => {
    const fs = fuseScore.get(c.cluster) ?? 1;
    const near = k < FUSE_LIMIT ? proximity(index, c.cluster, sets, heads, wordsOf) : 0;
    let score = base * (MIX_INDEX * c.coverage + MIX_FUSE * (1 - fs) + MIX_NEAR * near);
    const byNamed = rc.named.has(index.clusterSpeaker[c.cluster] as number);
    if (k < FUSE_LIMIT && rc.sequence.length > 0) {
      const phrase = phraseScore(index, c.cluster, rc.sequence, wordsOf);
      // A query naming a speaker asks for their words: the run of the other words counts only in their quotes.
      if (usePhrase && (!rc.question || rc.named.size === 0 || byNamed)) score += MIX_PHRASE * phrase.run;
      if (phrase.whole) score += WHOLE_QUOTE_BONUS;
    }
    if (byNamed) score += NAMED_SPEAKER_BONUS;
    return [c.cluster, Math.min(1, score)];
  });
  out.sort((a, b) => b[1] - a[1] || compareClusters(index, a[0], b[0]));
  return out;
}

/** Values in both ascending lists. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** A phrase lookup's pool this small is checked item by item without intersecting further words. */
const PHRASE_POOL_SMALL = 256;

/** Whether item `i` has a text posting in postItems[from, to) (sorted by item). */
function hasTextPosting(index: SearchIndex, from: number, to: number, i: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.postItems[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && index.postItems[lo] === i && ((index.postFlags[lo] as number) & FIELD_TEXT) !== 0;
}

/**
 * An item's folded words (words() of its text; never modify the array), read from the phrase text once it is built.
 * Not cached: the long transcripts' words were kept in a cache of 128 (issue 16), but on news-shaped quote checks
 * the cache turned over, and every young-generation collection then copied the word arrays it had just filled
 * (17-26 ms each, the slowest checks). Without it the checks' median grew from 2.3 to 3.0 ms and their p99 fell from
 * 15-27 to 9-14 ms (bench/search.bench.ts news workload, alternating runs).
 */
export function itemWords(index: SearchIndex, i: number): readonly string[] {
  return wordsOfItem(index, i, itemRefOf(index, i).text);
}

/** Items per chunk of the phrase text. */
export const PHRASE_CHUNK = 256;

/**
 * Every item's folded words, one line per item (`\n w1 w2 ... `), for phrase lookups; per index. In chunks of
 * PHRASE_CHUNK items, each one string ending in a closing `\n` (so a whole-item needle, `\n w1 w2 \n`, matches a
 * chunk's last line too): one string for a million quotes cost a copy of 150 MB in a single step of the background
 * build.
 */
export interface PhraseText {
  chunks: string[];
  /** Offset of each item's line in its chunk. */
  starts: Int32Array;
}

/** A phrase text being built: the chunks of items [0, next). */
interface PhraseBuild {
  chunks: string[];
  starts: Int32Array;
  next: number;
  /** The finished text. */
  done: PhraseText | null;
  /** Milliseconds spent building it so far. */
  ms: number;
  /** Resolves with `ms` once done. */
  ready: Promise<number>;
  resolve: (ms: number) => void;
  /** A background build is under way (preparePhraseText). */
  scheduled: boolean;
}
const phraseBuilds = new WeakMap<SearchIndex, PhraseBuild>();

function phraseBuild(index: SearchIndex): PhraseBuild {
  let b = phraseBuilds.get(index);
  if (!b) {
    let resolve: (ms: number) => void = () => {};
    const ready = new Promise<number>((r) => {
      resolve = r;
    });
    b = {
      chunks: [],
      starts: new Int32Array(itemCount(index)),
      next: 0,
      done: null,
      ms: 0,
      ready,
      resolve,
      scheduled: false,
    };
    phraseBuilds.set(index, b);
  }
  return b;
}

/** Adds chunks to the build until `deadline` (performance.now()) or the last item; finishes it at the end. */
function extendPhraseText(index: SearchIndex, b: PhraseBuild, deadline: number): void {
  if (b.done) return;
  const t0 = performance.now();
  const n = itemCount(index);
  while (b.next < n) {
    const end = Math.min(n, b.next + PHRASE_CHUNK);
    const texts: string[] = [];
    // An article's items are consecutive: its body is read once for them, and not kept (bodyForScan).
    let article = -1;
    let body: Pick<CorpusArticle, 'quotes' | 'facts'> | null = null;
    for (let i = b.next; i < end; i++) {
      const kind = index.itemKind[i] as number;
      const r = index.itemRef[i] as number;
      if (kind === ITEM_DATED) {
        texts.push((index.dated[r] as Fact).text);
        continue;
      }
      const a = index.itemArticle[i] as number;
      if (a !== article || !body) {
        article = a;
        body = bodyForScan(index.corpus.articles[a] as CorpusArticle);
      }
      texts.push(((kind === ITEM_QUOTE ? body.quotes : body.facts)[r] as Quote | Fact).text);
    }
    b.chunks.push(phraseChunk(texts, b.starts, b.next));
    b.next = end;
    if (performance.now() >= deadline) break;
  }
  if (b.next >= n) b.done = { chunks: b.chunks, starts: b.starts };
  b.ms += performance.now() - t0;
  if (b.done) b.resolve(b.ms);
}

/**
 * One chunk of the phrase text: a line per item (`\n w1 w2 ... `, its words() joined), then a closing newline; each
 * line's offset in the chunk goes to starts[first + k]. Shared by the build here and the reload's worker
 * (src/search/packed.ts, withPhraseText), so both make the same text.
 */
export function phraseChunk(texts: readonly string[], starts: Int32Array, first: number): string {
  const lines: string[] = [];
  let at = 0;
  for (let k = 0; k < texts.length; k++) {
    const line = `\n ${words(texts[k] as string).join(' ')} `;
    starts[first + k] = at;
    at += line.length;
    lines.push(line);
  }
  return `${lines.join('')}\n`;
}

/**
 * Takes a phrase text made elsewhere for this index (the reload's worker made it: src/search/packed.ts), so no
 * background build runs on this thread. Ignored unless it is one line per item in chunks of PHRASE_CHUNK.
 */
export function adoptPhraseText(index: SearchIndex, pt: PhraseText): boolean {
  const n = itemCount(index);
  if (pt.starts.length !== n || pt.chunks.length !== Math.ceil(n / PHRASE_CHUNK)) return false;
  const b = phraseBuild(index);
  if (b.done) return true;
  b.chunks = pt.chunks;
  b.starts = pt.starts;
  b.next = n;
  b.done = pt;
  b.resolve(b.ms);
  return true;
}

/** The phrase text, built now if the background build (preparePhraseText) has not finished it. */
function phraseText(index: SearchIndex): PhraseText {
  const b = phraseBuild(index);
  extendPhraseText(index, b, Number.POSITIVE_INFINITY);
  return b.done as PhraseText;
}

/** The phrase text if it is built (never builds it). */
export function readyPhraseText(index: SearchIndex): PhraseText | null {
  return phraseBuilds.get(index)?.done ?? null;
}

/** The chunk holding item `i`'s line. */
function chunkOf(pt: PhraseText, i: number): string {
  return pt.chunks[(i / PHRASE_CHUNK) | 0] as string;
}

/** Where item `i`'s line ends in its chunk (the next line's newline, or the closing one). */
function lineEnd(pt: PhraseText, i: number, chunk: string): number {
  return (i + 1) % PHRASE_CHUNK !== 0 && i + 1 < pt.starts.length
    ? (pt.starts[i + 1] as number)
    : chunk.length - 1;
}

/**
 * words() of item `i` (its text `text`): read off its line of the phrase text once that is built (splitting a line
 * costs half of tokenising the text again), else tokenised.
 */
function wordsOfItem(index: SearchIndex, i: number, text: string): string[] {
  const pt = readyPhraseText(index);
  if (!pt) return words(text);
  const chunk = chunkOf(pt, i);
  // The line is `\n w1 w2 ... `: its words between the two leading characters and the trailing space.
  const joined = chunk.substring((pt.starts[i] as number) + 2, lineEnd(pt, i, chunk) - 1);
  return joined ? joined.split(' ') : [];
}

/** Longest slice of the background phrase-text build: a query arriving meanwhile waits at most this long. */
const PHRASE_SLICE_MS = 4;

/**
 * Builds the index's phrase text in the background, a few milliseconds at a time between other work, so the first
 * question of common words only does not pay for it (tokenising every item: 0.1 s on PolNeAR, half a second per
 * 1e5 news-shaped quotes, which landed in the p99 of questions and quote checks; issue 16). A question needing it
 * before then finishes it at once. Resolves with the milliseconds spent building it. The slices are timers that never
 * keep the process alive (a one-shot command exits without waiting for them; an unreferenced setImmediate would
 * instead wait for unrelated I/O to run at all).
 */
export function preparePhraseText(index: SearchIndex, sliceMs = PHRASE_SLICE_MS): Promise<number> {
  const b = phraseBuild(index);
  const step = (): void => {
    extendPhraseText(index, b, performance.now() + sliceMs);
    if (!b.done) setTimeout(step, 0).unref();
  };
  if (!b.done && !b.scheduled) {
    b.scheduled = true;
    setTimeout(step, 0).unref();
  }
  return b.ready;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the point
const ASCII_TEXT = /^[\x00-\x7F]*$/;

/**
 * A pattern that every ASCII text whose words() hold `seq` in one run matches, or null when a word is not plain
 * letters a-z. In lower-cased ASCII text with apostrophes removed, each such word is a stretch of its letters, and
 * two consecutive words are apart by characters that are not letters or digits only: so the words joined by
 * `[^a-z0-9]*`. Tested on an item before tokenising it (most items a phrase lookup checks hold the content words
 * but not the run, and tokenising them was the most of a slow query's time; issue 16).
 */
function looseRun(seq: readonly string[]): LooseRun | null {
  if (!seq.every((w) => /^[a-z]+$/.test(w))) return null;
  const source = seq.join('[^a-z0-9]*');
  return { lower: new RegExp(source), anyCase: new RegExp(source, 'i') };
}

/** The pattern of looseRun(), for lower-cased text and (case-insensitive) for text as written. */
interface LooseRun {
  lower: RegExp;
  anyCase: RegExp;
}

/** Whether `text` may hold the run `loose` was made for (false: it cannot; non-ASCII text: maybe). */
function mayHoldRun(text: string, loose: LooseRun): boolean {
  if (!ASCII_TEXT.test(text)) return true;
  // Without apostrophes, ignoring case is lower-casing (ASCII letters only), without a copy of the text.
  if (!text.includes("'")) return loose.anyCase.test(text);
  return loose.lower.test(text.toLowerCase().replaceAll("'", ''));
}

/**
 * Items whose words contain `seq` contiguously (or, `whole`, are exactly `seq`). Through the postings of the
 * query's rarest content words (intersected until few enough), each pooled item's line of the phrase text searched
 * (or, before that is built, the item checked); a query of stop words only, or of words so common that even
 * together they leave thousands of items before the phrase text is built, scans the phrase text (built in the
 * background after the engine, or now).
 */
export function phraseItems(index: SearchIndex, seq: readonly string[], whole = false): number[] {
  if (seq.length === 0) return [];
  // `whole`: the item's words are exactly these (a published quote of two stop words, `But why?`).
  const needle = whole ? `\n ${seq.join(' ')} \n` : ` ${seq.join(' ')} `;
  const content: number[] = [];
  for (const w of seq) {
    if (STOP_WORDS.has(w)) continue;
    const id = index.vocab.get(stem(w));
    if (id === undefined) return [];
    if (!content.includes(id)) content.push(id);
  }
  content.sort((a, b) => dfOf(index, a) - dfOf(index, b));
  const out: number[] = [];
  const loose = looseRun(seq);
  const check = (i: number): void => {
    const text = itemRefOf(index, i).text;
    if (loose && !mayHoldRun(text, loose)) return;
    const padded = ` ${itemWords(index, i).join(' ')} `;
    if (whole ? `\n${padded}\n` === needle : padded.includes(needle)) out.push(i);
  };
  if (content.length > 0) {
    // Items holding the content words in their text, rarest first (postings are in item order: a merge
    // intersection, or a binary search of each pooled item when the pool is much smaller than the word's
    // postings), until few enough are left to check one by one. Every item holding the words in one run holds
    // each of them, so the pool never loses a match; checking items costs their tokenisation, so a smaller pool
    // is cheaper than checking up to PHRASE_DF_CAP of them (issue 16).
    let pool: number[] | null = null;
    for (const t of content) {
      const from = index.postStart[t] as number;
      const to = index.postStart[t + 1] as number;
      if (pool !== null && pool.length * 16 < to - from)
        pool = pool.filter((i) => hasTextPosting(index, from, to, i));
      else {
        const here: number[] = [];
        for (let p = from; p < to; p++)
          if ((index.postFlags[p] as number) & FIELD_TEXT) here.push(index.postItems[p] as number);
        pool = pool === null ? here : intersectSorted(pool, here);
      }
      if (pool.length <= PHRASE_POOL_SMALL) break;
    }
    // Once the phrase text is built, each pooled item's line is searched (a fraction of a microsecond an item,
    // against tokenising its text, and against scanning every line when the pool is large).
    const pt = readyPhraseText(index);
    if (pool && pt) {
      for (const i of pool) {
        const chunk = chunkOf(pt, i);
        const start = pt.starts[i] as number;
        // A whole-item needle (`\n w1 w2 \n`) ends on the next line's newline.
        if (
          whole
            ? chunk.startsWith(needle, start)
            : chunk.substring(start, lineEnd(pt, i, chunk)).includes(needle)
        ) {
          out.push(i);
          if (out.length >= MAX_PHRASE_HITS) break;
        }
      }
      return out;
    }
    // Common words all (`people`, `country` in a million quotes) and still many items: the scan below is cheaper.
    if (pool && pool.length <= PHRASE_DF_CAP) {
      for (const i of pool) {
        check(i);
        if (out.length >= MAX_PHRASE_HITS) break;
      }
      return out;
    }
  }
  const { chunks, starts } = phraseText(index);
  for (let k = 0; k < chunks.length && out.length < MAX_PHRASE_HITS; k++) {
    const chunk = chunks[k] as string;
    const first = k * PHRASE_CHUNK;
    const last = Math.min(starts.length, first + PHRASE_CHUNK) - 1;
    let from = 0;
    while (out.length < MAX_PHRASE_HITS) {
      const at = chunk.indexOf(needle, from);
      if (at < 0) break;
      // The item whose line holds `at`: the last of the chunk's items starting at or before it.
      let lo = first;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((starts[mid] as number) <= at) lo = mid;
        else hi = mid - 1;
      }
      if (out[out.length - 1] !== lo) out.push(lo);
      from = at + 1;
    }
  }
  return out;
}

/** Tie-break: more sources first, then earlier, then corpus order (article, paragraph, offset). */
function compareClusters(index: SearchIndex, a: number, b: number): number {
  const sa = index.clusterStart[a] as number;
  const sb = index.clusterStart[b] as number;
  const na = (index.clusterStart[a + 1] as number) - sa;
  const nb = (index.clusterStart[b + 1] as number) - sb;
  if (nb !== na) return nb - na;
  const minA = index.clusterMinDate[a] as number;
  const minB = index.clusterMinDate[b] as number;
  if (minA !== minB) return (minA || 9e7) - (minB || 9e7);
  // Then where the shown wording stands: article order, then its place in the article (the article's body read only
  // then: a reloaded corpus reads a body when first asked for it, src/search/lazy-articles.ts).
  const xa = index.clusterItems[sa] as number;
  const xb = index.clusterItems[sb] as number;
  const byArticle = (index.itemArticle[xa] as number) - (index.itemArticle[xb] as number);
  if (byArticle !== 0) return byArticle;
  const ia = itemRefOf(index, xa);
  const ib = itemRefOf(index, xb);
  return ia.paragraph - ib.paragraph || ia.start - ib.start || a - b;
}

function clampInt(v: unknown, def: number, min: number, max: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : def;
  return Math.min(max, Math.max(min, n));
}

/** `putin's` and `putin’s` -> `putin`: a possessive asks about the person. */
function dropPossessive(word: string): string {
  return word.replace(/['\u2019]s$/i, '');
}

/**
 * Speakers named by a query word: the word is one of their name words (`putin`), or a plural/possessive typed
 * without the apostrophe (`putins`).
 */
function speakersNamedBy(index: SearchIndex, w: string): number[] {
  let name = w;
  let found = index.speakersByNameWord.get(w);
  if (!found && w.length > 3 && w.endsWith('s') && index.vocab.get(stem(w)) === undefined) {
    name = w.slice(0, -1);
    found = index.speakersByNameWord.get(name);
  }
  if (!found) return [];
  // A name that is also a common word (`hope` for Hope Hicks, `email` in a garbled speaker) names someone only
  // when that someone is quoted often enough next to how often the word is written.
  const id = index.vocab.get(stem(name));
  const used = id === undefined ? 0 : dfOf(index, id);
  return found.filter((s) => {
    const quoted = (index.speakers[s] as SpeakerEntry).speaker.quoteCount;
    return quoted >= NAME_MIN_QUOTES || quoted >= NAME_QUOTE_SHARE * used;
  });
}

/** Runs one search. Never throws on any query string or options. */
export function runSearch(
  index: SearchIndex,
  scratch: Scratch,
  query: string,
  options: SearchOptions = {},
): SearchResponse {
  const q: ParsedQuery = parseQuery(typeof query === 'string' ? query : '');
  const limit = clampInt(options.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = clampInt(options.offset, 0, 0, 10_000);
  const response: SearchResponse = {
    query: typeof query === 'string' ? query : '',
    total: 0,
    results: [],
    suggestions: [],
  };
  const optSpeaker = typeof options.speaker === 'string' && options.speaker.trim() ? options.speaker : null;
  // A type option alone is not a question: a completely empty query answers nothing (commands show usage).
  if (q.empty && !optSpeaker) return response;

  const optType = options.type === 'quote' || options.type === 'fact' ? options.type : null;
  if (optType && q.type && optType !== q.type) return response;
  const type = optType ?? q.type;
  let speakers: Set<number> | null = null;
  const unresolved: string[] = [];
  const guessed: string[] = [];
  for (const typed of [...q.speakers, ...(optSpeaker ? [optSpeaker] : [])]) {
    const { found, fuzzy } = resolveSpeakerHow(index, typed);
    if (found.size === 0) unresolved.push(typed);
    if (fuzzy) for (const s of found) guessed.push((index.speakers[s] as SpeakerEntry).speaker.name);
    const prev: Set<number> | null = speakers;
    speakers = prev ? new Set([...prev].filter((x: number) => found.has(x))) : found;
  }

  let freeWords = q.words.flatMap((w) => words(dropPossessive(w)));
  const sequence = [...freeWords];
  // With a speaker filter, a free word that is one of the filtered speakers' names narrows the filter instead of
  // searching the text: `speaker:president putin` (or `speaker:vladimir putin`) means Putin, not every president.
  if (speakers && speakers.size > 0) {
    freeWords = freeWords.filter((w) => {
      const naming = speakersNamedBy(index, w).filter((s) => (speakers as Set<number>).has(s));
      if (naming.length === 0) return true;
      speakers = new Set(naming);
      return false;
    });
  }
  // Words of saying and asking never have to match, unless they are all there is.
  const content = freeWords.filter((w) => !STOP_WORDS.has(w));
  const saying = content.some((w) => SAYING_WORDS.has(w));
  if (content.some((w) => !SAYING_WORDS.has(w))) freeWords = freeWords.filter((w) => !SAYING_WORDS.has(w));
  // A question about someone (`trump on immigration`, `what did putin say about ...`), as opposed to words pasted
  // from a quote (`she runs it the Ada Quill way`), where a name is part of the quote's own words.
  // Five words or more found as they are in a quote were pasted from it, whatever words they hold.
  // The items holding the query's whole run of words, looked up once: the tests below and the candidates share it.
  let sequenceHits: number[] | null = null;
  const sequenceItems = (): number[] => {
    sequenceHits ??= phraseItems(index, sequence);
    return sequenceHits;
  };
  const pasted = sequence.length >= PASTED_MIN_WORDS && sequenceItems().length > 0;
  const question = !pasted && (saying || freeWords.length <= QUESTION_MAX_WORDS);

  // Query words naming a known speaker; only in a question: in longer pasted words a name (or an organisation's
  // common-noun name, `drivers` of a drivers' union) is part of what was said.
  const named = new Set<number>();
  const speakerWords = new Set<string>();
  const nameMatches: number[][] = [];
  for (const w of question ? freeWords : []) {
    if (STOP_WORDS.has(w)) continue;
    const naming = speakersNamedBy(index, w);
    if (naming.length === 0) continue;
    speakerWords.add(w);
    nameMatches.push(naming);
    for (const s of naming) named.add(s);
  }
  const contentLeft = freeWords.filter((w) => !STOP_WORDS.has(w));
  // Only a speaker's name (`putin`, `what did putin say`, `quotes from trump`): list that speaker's quotes.
  let bySpeakerRank: Map<number, number> | null = null;
  if (
    type !== 'fact' &&
    q.phrases.length === 0 &&
    contentLeft.length > 0 &&
    contentLeft.every((w) => speakerWords.has(w)) &&
    // Words pasted from a quote (`i hope not`) are a quote search, even when one of them is also a name.
    !(sequence.length >= MIN_PHRASE_RUN && sequenceItems().length > 0)
  ) {
    let both = new Set(nameMatches[0] ?? []);
    for (const m of nameMatches.slice(1)) both = new Set(m.filter((s) => both.has(s)));
    const current: Set<number> | null = speakers;
    const chosen = [...both].filter((s) => !current || current.has(s));
    if (chosen.length > 0) {
      chosen.sort(
        (a, b) =>
          (index.speakers[b] as SpeakerEntry).speaker.quoteCount -
          (index.speakers[a] as SpeakerEntry).speaker.quoteCount,
      );
      bySpeakerRank = new Map(chosen.map((s, k) => [s, k]));
      speakers = new Set(chosen);
      freeWords = [];
    }
  }

  const filters: Filters = {
    type: bySpeakerRank && !type ? 'quote' : type,
    speakers,
    outlets: q.outlets,
    after: dateNum(q.after),
    before: dateNum(q.before),
    phrases: q.phrases,
  };
  const accept = makeAccept(index, filters);
  const phraseWords = q.phrases.flatMap((p) => words(p));
  const groups = termGroups(index, freeWords, phraseWords, speakerWords);

  let ranked: Array<[number, number]>;
  const hasFilter =
    filters.type !== null ||
    filters.speakers !== null ||
    filters.outlets.length > 0 ||
    filters.after > 0 ||
    filters.before > 0;
  // The words expected in the quote itself, in order: a name that picks the speaker is not one of them
  // (`trump on immigration` asks for Trump's words on immigration, not for a quote saying "Trump on immigration").
  const phraseSeq = question && named.size > 0 ? sequence.filter((w) => !speakerWords.has(w)) : sequence;
  const lookForPhrase = phraseSeq.length >= MIN_PHRASE_RUN && phraseSeq.some((w) => STOP_WORDS.has(w));

  // A whole quote of one or two common words (`But why?`) is found by its words, and only by all of them. (With a
  // filter, stop words beside it just list what the filter matches.)
  const lookForWhole =
    !hasFilter && groups.length === 0 && freeWords.length > 0 && freeWords.length < MIN_PHRASE_RUN;
  if (lookForWhole) {
    const seen = new Set<number>();
    ranked = [];
    for (const i of phraseItems(index, freeWords, true)) {
      const c = index.itemCluster[i] as number;
      if (seen.has(c) || !accept(c)) continue;
      seen.add(c);
      ranked.push([c, 1]);
    }
  } else if (groups.length === 0 && !(lookForPhrase && !bySpeakerRank)) {
    // Filters only (or only stop words beside them): list what the filters match, newest first; a speaker named
    // in the query lists the most quoted matching speaker first.
    if (!hasFilter || phraseWords.length) ranked = [];
    else {
      ranked = [];
      for (let c = 0; c < clusterCount(index); c++) if (accept(c)) ranked.push([c, 1]);
      const rank = (c: number): number => bySpeakerRank?.get(index.clusterSpeaker[c] as number) ?? 0;
      ranked.sort(
        (a, b) =>
          rank(a[0]) - rank(b[0]) ||
          (index.clusterMaxDate[b[0]] as number) - (index.clusterMaxDate[a[0]] as number) ||
          a[0] - b[0],
      );
    }
  } else {
    const cands = groups.length
      ? candidates(index, scratch, groups, accept, Math.max(CANDIDATE_LIMIT, offset + limit))
      : [];
    if (lookForPhrase) {
      // Words pasted from a quote, stop words and all: the quotes holding them in one run join the candidates,
      // first, so the re-rank sees them however common their content words are.
      const hit = new Set<number>();
      for (const i of phraseSeq === sequence ? sequenceItems() : phraseItems(index, phraseSeq)) {
        const c = index.itemCluster[i] as number;
        if (accept(c)) hit.add(c);
      }
      if (hit.size) {
        const rest = cands.filter((c) => !hit.has(c.cluster));
        cands.length = 0;
        for (const c of hit) cands.push({ cluster: c, coverage: 1 });
        cands.push(...rest);
      }
    }
    // In a question about someone, their name is matched against the speaker (the index's coverage and the
    // named-speaker bonus), not against the quote's text by fuse.js and the proximity score.
    const asName = (w: string): boolean => question && named.size > 0 && speakerWords.has(w);
    const textGroups = groups.filter((g) => !asName(g.word));
    const fuseQuery = [
      ...new Set([...phraseWords, ...freeWords].filter((w) => !STOP_WORDS.has(w) && !asName(w))),
    ]
      .slice(0, MAX_FUSE_WORDS)
      .join(' ');
    ranked = rerank(index, cands, { fuseQuery, groups: textGroups, sequence: phraseSeq, named, question });
  }
  response.total = ranked.length;
  response.results = ranked.slice(offset, offset + limit).map(([c, s]) => toResult(index, c, s));
  if (filters.speakers && filters.speakers.size > 0) {
    response.speakers = [...filters.speakers].map((s) => (index.speakers[s] as SpeakerEntry).speaker.name);
    if (guessed.length) response.speakerGuessed = true;
  }
  if (response.total < 3 || guessed.length)
    response.suggestions = suggest(index, groups, unresolved, guessed);
  return response;
}

/** "Did you mean": near vocabulary words for unknown query words, near speaker names for unknown speakers. */
function suggest(
  index: SearchIndex,
  groups: TermGroup[],
  unresolvedSpeakers: string[],
  guessed: string[] = [],
): string[] {
  const out = new Set<string>(guessed);
  for (const g of groups) {
    if (index.vocab.get(stem(g.word)) !== undefined) continue;
    for (const near of index.vocab.near(stem(g.word)).slice(0, 2))
      out.add(index.surface[near.id] ?? near.term);
  }
  for (const typed of unresolvedSpeakers) {
    const tw = words(typed);
    const scored: Array<[number, string]> = [];
    for (const e of index.speakers) {
      let best = 99;
      for (const w of tw) for (const x of e.words) best = Math.min(best, damerau(w, x, 3));
      if (best <= 3) scored.push([best, e.speaker.name]);
    }
    scored.sort((a, b) => a[0] - b[0]);
    scored.sort((a, b) => a[0] - b[0]);
    for (const [, name] of scored.slice(0, 3)) out.add(name);
  }
  return [...out].slice(0, 5);
}

/** Speakers whose name or alias contains the prefix: starts-with first, then by how often they are quoted. */
export function findSpeakers(index: SearchIndex, prefix: string, limit = 10): Speaker[] {
  const p = words(typeof prefix === 'string' ? prefix.slice(0, 200) : '').join(' ');
  const n = clampInt(limit, 10, 1, 100);
  const scored: Array<[number, SpeakerEntry]> = [];
  for (const e of index.speakers) {
    let rank = -1;
    if (!p) rank = 2;
    else if (e.keys.some((k) => k.startsWith(p))) rank = 0;
    else if (e.keys.some((k) => k.includes(` ${p}`))) rank = 1;
    else if (e.keys.some((k) => k.includes(p))) rank = 2;
    if (rank >= 0) scored.push([rank, e]);
  }
  // Too few by spelling: near names (`trmp` -> Donald Trump), ranked after every true match.
  if (scored.length < n && p.length >= 3) {
    const max = p.length >= 6 ? 2 : 1;
    const have = new Set(scored.map(([, e]) => e));
    for (const e of index.speakers) {
      if (have.has(e)) continue;
      let best = max + 1;
      for (const w of e.words)
        for (let len = p.length - 1; len <= p.length + 1; len++)
          best = Math.min(best, damerau(p, w.slice(0, len), max));
      if (best <= max) scored.push([3 + best, e]);
    }
  }
  scored.sort(
    (a, b) =>
      a[0] - b[0] ||
      b[1].speaker.quoteCount - a[1].speaker.quoteCount ||
      a[1].speaker.name.localeCompare(b[1].speaker.name),
  );
  return scored.slice(0, n).map(([, e]) => e.speaker);
}

/** `/speaker NAME`: the most quoted speaker the name fits, with what the corpus shows of them. Never throws. */
export function lookupSpeaker(index: SearchIndex, name: string): SpeakerLookup {
  const typed = typeof name === 'string' ? name.slice(0, 200) : '';
  const { found, fuzzy } = resolveSpeakerHow(index, typed);
  if (found.size === 0)
    return { profile: null, others: [], suggestions: suggest(index, [], [typed]), guessed: false };
  const quoted = new Map<number, number>();
  for (let c = 0; c < clusterCount(index); c++) {
    const sp = index.clusterSpeaker[c] as number;
    if (index.clusterType[c] === CLUSTER_QUOTE && found.has(sp)) quoted.set(sp, (quoted.get(sp) ?? 0) + 1);
  }
  const ranked = [...found].sort(
    (a, b) =>
      (quoted.get(b) ?? 0) - (quoted.get(a) ?? 0) ||
      (index.speakers[b] as SpeakerEntry).speaker.quoteCount -
        (index.speakers[a] as SpeakerEntry).speaker.quoteCount,
  );
  const s = ranked[0] as number;
  const entry = index.speakers[s] as SpeakerEntry;
  const roles = new Map<string, number>();
  const articles = new Set<number>();
  const outlets = new Map<string, number>();
  let quotes = 0;
  let first = -1;
  let latest = -1;
  const dateOf = (c: number, which: 'minDate' | 'maxDate'): number =>
    (which === 'minDate' ? index.clusterMinDate[c] : index.clusterMaxDate[c]) as number;
  for (let c = 0; c < clusterCount(index); c++) {
    if (index.clusterType[c] !== CLUSTER_QUOTE || index.clusterSpeaker[c] !== s) continue;
    quotes++;
    if (first < 0 || (dateOf(c, 'minDate') || 9e7) < (dateOf(first, 'minDate') || 9e7)) first = c;
    // Ties go to the later quote in the corpus, so the first and the latest differ when there are two.
    if (latest < 0 || dateOf(c, 'maxDate') >= dateOf(latest, 'maxDate')) latest = c;
    for (const i of clusterMembers(index, c)) {
      // (From the articles' small fields: a reloaded corpus keeps each body serialized until it is read.)
      const article = index.itemArticle[i] as number;
      const art = index.corpus.articles[article] as CorpusArticle;
      const role = quoteRoleOf(art, index.itemRef[i] as number);
      if (role && index.itemSpeaker[i] === s) roles.set(role, (roles.get(role) ?? 0) + 1);
      if (articles.has(article)) continue;
      articles.add(article);
      const outlet = art.outlet;
      if (outlet) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    }
  }
  if (entry.speaker.role && !roles.has(entry.speaker.role)) roles.set(entry.speaker.role, 0);
  const byCount = (m: Map<string, number>): string[] =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return {
    profile: {
      name: entry.speaker.name,
      roles: byCount(roles),
      aliases: entry.speaker.aliases.filter((a) => a !== entry.speaker.name),
      quotes,
      articles: articles.size,
      outlets: byCount(outlets),
      first: first >= 0 ? toResult(index, first, 1) : null,
      latest: latest >= 0 && latest !== first ? toResult(index, latest, 1) : null,
    },
    others: ranked.slice(1).map((o) => (index.speakers[o] as SpeakerEntry).speaker.name),
    suggestions: [],
    guessed: fuzzy,
  };
}
