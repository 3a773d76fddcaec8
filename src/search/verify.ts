/**
 * The quote check: is this wording, as a reporter wrote it, in the corpus?
 *
 * - `exact`: after folding case, quote marks, dashes, white space and punctuation, the reporter's words appear
 *   contiguously in a published quote (equal to it, or a part of it).
 * - `close`: the same quote with words changed, dropped or added. Measured on the words in order (a word diff):
 *   Dice similarity 2E / (R + W) >= CLOSE_SIMILARITY over all words AND over content words, where E = words in
 *   common in order, R = the reporter's words, W = the published words between the first and last common word
 *   (so quoting only part of a long quote is not penalised, but words changed inside the span are).
 *   0.6 keeps a quote with two or three words swapped out of ten as `close`, while an invented sentence that
 *   borrows stock words (`we are ready to ... together`) fails on the content-word side. A reordered quote passes
 *   when >= 75% of its content words are in the published quote (see isClose).
 * - `not_found` otherwise.
 */
import { diffArrays } from 'diff';
import type { CorpusArticle, Quote } from '../types.ts';
import { CLUSTER_QUOTE, type Cluster, clusterAt, type Item, itemAt, type SearchIndex } from './build.ts';
import {
  articleRef,
  type Candidate,
  candidates,
  itemWords,
  phraseItems,
  type Scratch,
  termGroups,
} from './engine.ts';
import { STOP_WORDS, stem, words } from './normalize.ts';
import { stripMarkup } from './query.ts';
import type { DiffPart, VerifyMatch, VerifyResult } from './types.ts';

/** Minimum Dice similarity (all words and content words) for `close`. */
export const CLOSE_SIMILARITY = 0.6;
/** Share of the reporter's content words a reordered quote must contain. */
export const REORDERED_CONTENT = 0.75;
/** Fewest words in common for `close`: two shared words prove nothing. */
const MIN_COMMON_WORDS = 3;
/** Longest text checked; a quote check is a sentence or a paragraph, not an article. */
export const MAX_VERIFY_CHARS = 5000;
const CANDIDATES = 30;
const MAX_MATCHES = 5;

interface Scored {
  similarity: number;
  exact: boolean;
  item: Item;
  /** The item's index, for its own speaker. */
  at: number;
  cluster: Cluster;
}

/** Joins adjacent words when the other side writes them as one (`cyber security` vs `cybersecurity`). */
function joinCompounds(a: readonly string[], other: ReadonlySet<string>): string[] {
  // Lengths of the other side's words: two words whose lengths add up to none of them cannot be one of them, and
  // that test spares a concatenation per word of a long published wording (issue 16).
  const lengths = new Set<number>();
  for (const x of other) lengths.add(x.length);
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const w = a[i] as string;
    const next = a[i + 1];
    if (next !== undefined && lengths.has(w.length + next.length) && !other.has(w) && other.has(w + next)) {
      out.push(w + next);
      i++;
    } else out.push(w);
  }
  return out;
}

/**
 * Similarity of the reporter's words to the published ones, restricted to the published span they cover. The span
 * runs from the first to the last word in common, widened by as many published words as the reporter has unmatched
 * words before/after it (a changed last word is a substitution, not a shorter excerpt).
 */
export function similarity(reporter: readonly string[], published: readonly string[]): Similarity {
  return measure(reporter, published, false) as Similarity;
}

/** What similarity() measures. */
export interface Similarity {
  all: number;
  content: number;
  bag: number;
  common: number;
}

/**
 * similarity(), or null when it cannot be `close` (isClose() false): the words in common in order are at most the
 * longest common subsequence of the two word lists (what the diff would be given), and the span measured holds at
 * least that many words, so all-word Dice <= 2 L / (R + L). Found by a bit-parallel pass, it spares the diff of
 * most candidates: in news copy a long speech shares many stop words with any sentence, enough to pass
 * cannotBeClose()'s count in any order, but few in order (the diffs were half of a slow quote check; issue 16).
 */
export function closeSimilarity(
  reporter: readonly string[],
  published: readonly string[],
  /** No compounds to join on either side (closeCheck() said MAY_BE_CLOSE_PLAIN). */
  plain = false,
): Similarity | null {
  return measure(reporter, published, true, plain);
}

function measure(
  reporter: readonly string[],
  published: readonly string[],
  orNull: boolean,
  plain = false,
): Similarity | null {
  const r = plain ? reporter : joinCompounds(reporter, new Set(published));
  const p = plain ? published : joinCompounds(published, new Set(r));
  // The word diff costs (R + W) x edits: against a long speech (a thousand words) that is most of a quote check.
  // Only the stretch of the published words that holds the reporter's can be the span measured, so a long wording
  // is cut to the best-overlapping stretch (with a margin) before diffing.
  const target = p.length > 3 * r.length + 24 ? bestStretch(r, p) : p;
  if (orNull) {
    const most = lcsLength(r, target);
    if (most < MIN_COMMON_WORDS || (2 * most) / (r.length + most) < CLOSE_SIMILARITY) return null;
  }
  // (diffArrays() copies its arguments; it never changes them.)
  const parts = diffArrays(r as string[], target as string[]);
  let common = 0;
  let commonContent = 0;
  let firstEq = -1;
  let lastEq = -1;
  let pos = 0;
  let leadingDeleted = 0;
  let trailingDeleted = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (!part.added && !part.removed) {
      common += n;
      commonContent += part.value.filter((w) => !STOP_WORDS.has(w)).length;
      if (firstEq < 0) firstEq = pos;
      lastEq = pos + n;
      trailingDeleted = 0;
    } else if (part.removed) {
      if (firstEq < 0) leadingDeleted += n;
      else trailingDeleted += n;
    }
    if (!part.removed) pos += n;
  }
  if (common === 0) return { all: 0, content: 0, bag: 0, common: 0 };
  // (Positions count in `target`, the stretch diffed, not in the whole wording.)
  const from = Math.max(0, firstEq - leadingDeleted);
  const to = Math.min(target.length, lastEq + trailingDeleted);
  const window = target.slice(from, to);
  const rContent = r.filter((w) => !STOP_WORDS.has(w));
  const wContent = window.filter((w) => !STOP_WORDS.has(w)).length;
  // Word order aside: how many of the reporter's content words the published quote has at all (catches reordering).
  const bag = rContent.length ? bagShare(rContent, p) : 0;
  return {
    all: (2 * common) / (r.length + window.length),
    content: rContent.length + wContent ? (2 * commonContent) / (rContent.length + wContent) : 0,
    bag,
    common,
  };
}

/**
 * Length of the longest common subsequence of two word lists (bit-parallel, Hyyrö 2004: one bit per word of `a`,
 * a pass over `b` costing one add per 32 words of `a` for each word of `b` that is in `a`).
 */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  const nw = (m + 31) >>> 5;
  const masks = new Map<string, Uint32Array>();
  for (let i = 0; i < m; i++) {
    const w = a[i] as string;
    let mask = masks.get(w);
    if (!mask) {
      mask = new Uint32Array(nw);
      masks.set(w, mask);
    }
    mask[i >>> 5] = (mask[i >>> 5] as number) | (1 << (i & 31));
  }
  // V: a zero bit per word of `a` matched so far in the best alignment; V' = (V + (V & M)) | (V & ~M).
  const v = new Uint32Array(nw).fill(0xffffffff);
  for (const w of b) {
    const mask = masks.get(w);
    if (!mask) continue;
    let carry = 0;
    for (let k = 0; k < nw; k++) {
      const vk = v[k] as number;
      const mk = mask[k] as number;
      const sum = vk + ((vk & mk) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = sum | (vk & ~mk);
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if (((v[i >>> 5] as number) & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}

/**
 * The stretch of `p` (a long published wording) that shares the most words with `r`, widened by `r`'s length on
 * each side: a window of r.length words slides over `p`, counting the words it has in common with `r` (each word
 * of `r` counted at most as often as `r` has it).
 */
function bestStretch(r: readonly string[], p: readonly string[]): string[] {
  const need = new Map<string, number>();
  for (const w of r) need.set(w, (need.get(w) ?? 0) + 1);
  const win = r.length;
  const { end } = slidingShared(need, p, win);
  const from = Math.max(0, end - 2 * win);
  return p.slice(from, Math.min(p.length, end + win));
}

/**
 * Most words in common with the reporter's (each counted at most as often as `need` has it) in any `span`
 * consecutive words of `p`.
 */
function bestShared(need: ReadonlyMap<string, number>, p: readonly string[], span: number): number {
  return Math.max(0, slidingShared(need, p, span).best);
}

/** A window of `span` words slides over `p`: the most words it holds in common with `need`, and where it ends. */
function slidingShared(
  need: ReadonlyMap<string, number>,
  p: readonly string[],
  span: number,
): { best: number; end: number } {
  const have = new Map<string, number>();
  let shared = 0;
  let best = -1;
  let end = 0;
  for (let i = 0; i < p.length; i++) {
    const w = p[i] as string;
    const n = need.get(w);
    if (n !== undefined) {
      const h = (have.get(w) ?? 0) + 1;
      have.set(w, h);
      if (h <= n) shared++;
    }
    if (i >= span) {
      const out = p[i - span] as string;
      const k = need.get(out);
      if (k !== undefined) {
        const h = have.get(out) as number;
        have.set(out, h - 1);
        if (h <= k) shared--;
      }
    }
    if (shared > best) {
      best = shared;
      end = i + 1;
    }
  }
  return { best, end };
}

/**
 * Cheap test that a wording cannot be `close`: the words in common in order (E) are at most the words the two have
 * in common in any order (M), and the span measured holds at least E words, so Dice 2E / (R + W) <= 2M / (R + M).
 * Compounds are joined first, as similarity() does.
 *
 * The span W is one stretch of the published words, and Dice >= CLOSE_SIMILARITY needs W <= 2E / CLOSE_SIMILARITY
 * - R <= R (2 / CLOSE_SIMILARITY - 1). So M is counted in the best stretch of that many published words, not over
 * the whole wording: a long speech holds most of a sentence's words somewhere, but not within a few lines, and
 * its diff was most of a quote check's time on news-shaped text (issue 16).
 */
export function cannotBeClose(reporter: readonly string[], published: readonly string[]): boolean {
  return closeCheck(reporterWords(reporter), published) === CANNOT_BE_CLOSE;
}

/** What cannotBeClose() needs of the reporter's words, computed once per quote check. */
export interface ReporterWords {
  words: readonly string[];
  /**
   * Per string: bit 0, a reporter's word (its id in `need` is value >> 3); bit 1, two adjacent reporter's words
   * written as one; bit 2, the start of a reporter's word of more letters. One map for the three, so closeCheck()
   * looks each published word up once, not twice.
   */
  lookup: Map<string, number>;
  /** How often the reporter writes each distinct word, by id. */
  need: Int32Array;
  content: Uint8Array;
}

export function reporterWords(reporter: readonly string[]): ReporterWords {
  const lookup = new Map<string, number>();
  const counts: number[] = [];
  const content: number[] = [];
  for (const w of reporter) {
    const v = lookup.get(w) ?? 0;
    if (v & 1) counts[v >> 3] = (counts[v >> 3] as number) + 1;
    else {
      lookup.set(w, v | 1 | (counts.length << 3));
      counts.push(1);
      content.push(STOP_WORDS.has(w) ? 0 : 1);
    }
  }
  for (let i = 0; i + 1 < reporter.length; i++) {
    const joined = `${reporter[i]}${reporter[i + 1]}`;
    lookup.set(joined, (lookup.get(joined) ?? 0) | 2);
  }
  for (const w of reporter)
    for (let k = 1; k < w.length; k++) {
      const start = w.slice(0, k);
      lookup.set(start, (lookup.get(start) ?? 0) | 4);
    }
  return {
    words: reporter,
    lookup,
    need: Int32Array.from(counts),
    content: Uint8Array.from(content),
  };
}

/** closeCheck(): the wording cannot be `close`. */
export const CANNOT_BE_CLOSE = 0;
/** closeCheck(): it may be, and joinCompounds() leaves both sides as they are. */
export const MAY_BE_CLOSE_PLAIN = 1;
/** closeCheck(): it may be, and compounds may be joined on either side. */
export const MAY_BE_CLOSE_JOINED = 2;

/**
 * cannotBeClose() for a reporter's words prepared once, saying also whether compounds may be joined. Without
 * compounds to join on either side (the usual case) it reads each published word once, by a lookup in the
 * reporter's words; otherwise it joins them first. When none can be joined,
 * similarity() of the two is measured on the words as they are (closeSimilarity(..., true)), without building a set
 * of a long published wording's words twice to find out (issue 16).
 */
export function closeCheck(rw: ReporterWords, published: readonly string[]): number {
  const n = published.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const w = published[i] as string;
    const v = rw.lookup.get(w) ?? 0;
    // A reporter's two words written as one here: joinCompounds() may join them on the reporter's side (and then
    // anything on the published side). Else the reporter's words stay as they are, and a published word is joined
    // with the next only when the two make one of the reporter's words (bit 0): it starts that word.
    if (v & 2 || (v & 4 && i + 1 < n && ((rw.lookup.get(w + published[i + 1]) ?? 0) & 1) !== 0))
      return cannotBeCloseJoined(rw.words, published) ? CANNOT_BE_CLOSE : MAY_BE_CLOSE_JOINED;
    ids[i] = v & 1 ? v >> 3 : -1;
  }
  return cannotBeClosePlain(rw, published, ids) ? CANNOT_BE_CLOSE : MAY_BE_CLOSE_PLAIN;
}

/** cannotBeClose() of words with no compounds to join; `ids`: each published word's id among the reporter's, or -1. */
function cannotBeClosePlain(rw: ReporterWords, published: readonly string[], ids: Int32Array): boolean {
  const n = ids.length;
  const r = rw.words;
  const left = rw.need.slice();
  let m = 0;
  let mContent = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (id < 0) continue;
    const k = left[id] as number;
    if (k > 0) {
      m++;
      mContent += rw.content[id] as number;
      left[id] = k - 1;
    }
  }
  if (m < MIN_COMMON_WORDS || (2 * m) / (r.length + m) < CLOSE_SIMILARITY) return true;
  const span = Math.ceil(r.length * (2 / CLOSE_SIMILARITY - 1)) + 1;
  if (n > span) {
    // bestShared() over the ids.
    const have = new Int32Array(rw.need.length);
    let shared = 0;
    let best = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      if (id >= 0) {
        const h = (have[id] as number) + 1;
        have[id] = h;
        if (h <= (rw.need[id] as number)) shared++;
      }
      if (i >= span) {
        const out = ids[i - span] as number;
        if (out >= 0) {
          const h = have[out] as number;
          have[out] = h - 1;
          if (h <= (rw.need[out] as number)) shared--;
        }
      }
      if (shared > best) best = shared;
    }
    m = best;
    if (m < MIN_COMMON_WORDS || (2 * m) / (r.length + m) < CLOSE_SIMILARITY) return true;
  }
  const rContent = r.filter((w) => !STOP_WORDS.has(w));
  if (rContent.length && (2 * mContent) / (rContent.length + mContent) >= CLOSE_SIMILARITY) return false;
  if (!rContent.length) return false;
  return bagShare(rContent, published) < REORDERED_CONTENT;
}

/** cannotBeClose() joining compounds first, as similarity() does. */
function cannotBeCloseJoined(reporter: readonly string[], published: readonly string[]): boolean {
  const pubSet = new Set(published);
  const r = joinCompounds(reporter, pubSet);
  const rSet = new Set(r);
  const p = joinCompounds(published, rSet);
  const need = new Map<string, number>();
  for (const w of r) need.set(w, (need.get(w) ?? 0) + 1);
  let m = 0;
  let mContent = 0;
  const left = new Map(need);
  for (const w of p) {
    const n = left.get(w);
    if (n) {
      m++;
      if (!STOP_WORDS.has(w)) mContent++;
      left.set(w, n - 1);
    }
  }
  if (m < MIN_COMMON_WORDS || (2 * m) / (r.length + m) < CLOSE_SIMILARITY) return true;
  // The longest span that can still be close (one word more than the bound, against rounding).
  const span = Math.ceil(r.length * (2 / CLOSE_SIMILARITY - 1)) + 1;
  if (p.length > span) {
    m = bestShared(need, p, span);
    if (m < MIN_COMMON_WORDS || (2 * m) / (r.length + m) < CLOSE_SIMILARITY) return true;
  }
  // isClose also needs the content words to agree: in order (bounded the same way by the content words in
  // common) or, reordered, nearly all of the reporter's content words among the published stems (computed as
  // similarity() does). In news copy half the words are stop words, so the first bound alone lets most through.
  const rContent = r.filter((w) => !STOP_WORDS.has(w));
  if (rContent.length && (2 * mContent) / (rContent.length + mContent) >= CLOSE_SIMILARITY) return false;
  if (!rContent.length) return false;
  return bagShare(rContent, p) < REORDERED_CONTENT;
}

/** A word's first two UTF-16 units as one number: stem() never changes them. */
function headOf(w: string): number {
  return w.charCodeAt(0) * 65536 + (w.length > 1 ? w.charCodeAt(1) : 65535);
}

/**
 * Share of `rContent` whose stem is the stem of some word of `p`. Only words of `p` that start as one of
 * `rContent` does are stemmed (stemming keeps the first two letters): a long published wording was mostly
 * stemmed for nothing, a third of a quote check's time (issue 16).
 */
function bagShare(rContent: readonly string[], p: readonly string[]): number {
  const heads = new Set<number>();
  for (const w of rContent) heads.add(headOf(w));
  const pStems = new Set<string>();
  for (const w of p) if (heads.has(headOf(w))) pStems.add(stem(w));
  let n = 0;
  for (const w of rContent) if (pStems.has(stem(w))) n++;
  return n / rContent.length;
}

/**
 * `close` when the words in order are mostly the same (all-word Dice >= CLOSE_SIMILARITY) and the content words
 * agree: in order (content Dice >= CLOSE_SIMILARITY) or, for a reordered quote, nearly all of the reporter's content
 * words are in the published quote (>= REORDERED_CONTENT).
 */
function isClose(sim: Similarity): boolean {
  if (sim.common < MIN_COMMON_WORDS || sim.all < CLOSE_SIMILARITY) return false;
  return sim.content >= CLOSE_SIMILARITY || sim.bag >= REORDERED_CONTENT;
}

/** Word diff from the reporter's wording to the published one, on the original words, trimmed to the covered span. */
export function wordDiff(reporterText: string, publishedText: string): DiffPart[] {
  const key = (w: string): string => words(w).join(' ');
  const r = reporterText.split(/\s+/).filter(Boolean);
  const p = publishedText.split(/\s+/).filter(Boolean);
  // Compared by folded key, computed once per word (a comparator folding both words on every comparison cost
  // most of a long quote check); the parts are mapped back to the words as written.
  const parts = diffArrays(r.map(key), p.map(key));
  let ri = 0;
  let pi = 0;
  const out: Array<{ op: DiffPart['op']; words: string[] }> = parts.map((part) => {
    const n = part.value.length;
    if (part.removed) {
      ri += n;
      return { op: 'delete', words: r.slice(ri - n, ri) };
    }
    pi += n;
    if (!part.added) ri += n;
    // Equal words too are shown as published (jsdiff takes the new side's tokens).
    return { op: part.added ? 'insert' : 'equal', words: p.slice(pi - n, pi) };
  });
  // Published words before and after the reporter's span are context, not changes; but where the reporter has
  // words there too, as many published words stay, as the other side of a substitution.
  const first = out[0];
  if (out.length > 1 && first?.op === 'insert') {
    const del = out[1]?.op === 'delete' ? (out[1]?.words.length ?? 0) : 0;
    first.words = del ? first.words.slice(-del) : [];
  }
  const last = out[out.length - 1];
  if (out.length > 1 && last?.op === 'insert') {
    const before = out[out.length - 2];
    const del = before?.op === 'delete' ? before.words.length : 0;
    last.words = last.words.slice(0, del);
  }
  return out.filter((d) => d.words.length > 0).map((d) => ({ op: d.op, text: d.words.join(' ') }));
}

/** The first `max` characters, cut back to a word boundary: a word cut in half would make an exact quote close. */
function capAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : text.slice(0, max);
}

/**
 * Whether `run` appears in `ws` as consecutive words (what ` ${ws.join(' ')} `.includes(` ${run.join(' ')} `)
 * tells, words holding no spaces, without joining a long published wording into a new string per candidate).
 */
export function containsRun(ws: readonly string[], run: readonly string[]): boolean {
  const first = run[0];
  if (first === undefined) return true;
  for (let i = 0; i + run.length <= ws.length; i++) {
    if (ws[i] !== first) continue;
    let k = 1;
    while (k < run.length && ws[i + k] === run[k]) k++;
    if (k === run.length) return true;
  }
  return false;
}

/** Checks a reporter's wording against every quote in the index. */
export function runVerify(index: SearchIndex, scratch: Scratch, input: string): VerifyResult {
  const text = stripMarkup(typeof input === 'string' ? capAtWord(input, MAX_VERIFY_CHARS) : '')
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«»]+$/g, '')
    .trim();
  const reporter = words(text);
  if (reporter.length === 0) return { verdict: 'not_found', matches: [] };
  const groups = termGroups(index, reporter.slice(0, 64), []);
  const quoteOnly = (c: number): boolean => index.clusterType[c] === CLUSTER_QUOTE;
  // Quotes holding the reporter's words in one run come first, however common those words are (`I think he will
  // do it`): the postings alone rank them among every quote that says "think".
  const exactHits = new Set<number>();
  // (Two stop words prove nothing inside a longer quote, `we are` is in every other one: they are checked only
  // against whole quotes, `But why?`.)
  const runs =
    reporter.length >= 3 || groups.length > 0
      ? phraseItems(index, reporter.slice(0, 64))
      : phraseItems(index, reporter, true);
  for (const i of runs) {
    const c = index.itemCluster[i] as number;
    if (quoteOnly(c) && exactHits.size < CANDIDATES) exactHits.add(c);
  }
  const cands: Candidate[] = [...exactHits].map((cluster) => ({ cluster, coverage: 1 }));
  if (groups.length)
    for (const c of candidates(index, scratch, groups, quoteOnly, CANDIDATES, 0.2))
      if (!exactHits.has(c.cluster)) cands.push(c);
  const rw = reporterWords(reporter);
  const scored: Scored[] = [];
  for (const cand of cands) {
    const cluster = clusterAt(index, cand.cluster);
    for (const i of cluster.items) {
      // (The item's quote only for those kept: a reloaded corpus reads an article's body when first asked for,
      // src/search/lazy-articles.ts, and most candidates are rejected on their words alone.)
      const published = itemWords(index, i);
      if (containsRun(published, reporter)) {
        scored.push({ similarity: 1, exact: true, item: itemAt(index, i), at: i, cluster });
        continue;
      }
      const maybe = closeCheck(rw, published);
      if (maybe === CANNOT_BE_CLOSE) continue;
      const sim = closeSimilarity(reporter, published, maybe === MAY_BE_CLOSE_PLAIN);
      if (sim && isClose(sim)) {
        const item = itemAt(index, i);
        scored.push({ similarity: Math.min(sim.all, 0.999), exact: false, item, at: i, cluster });
      }
    }
  }
  // Only a direct quote is the speaker's own words: a paraphrase is never `exact` (nor `close`, which means
  // "the same quote, reworded"); when only paraphrases match, the verdict is not_found and they are the matches.
  const direct = (s: Scored) => (s.item.ref as Quote).kind !== 'indirect';
  scored.sort(
    (a, b) =>
      Number(b.exact && direct(b)) - Number(a.exact && direct(a)) ||
      Number(direct(b)) - Number(direct(a)) ||
      b.similarity - a.similarity,
  );
  const best = scored[0];
  const verdict = !best || !direct(best) ? 'not_found' : best.exact ? 'exact' : 'close';
  const matches: VerifyMatch[] = scored.slice(0, MAX_MATCHES).map((s) => toMatch(index, s, text));
  return { verdict, matches };
}

function toMatch(index: SearchIndex, s: Scored, reporterText: string): VerifyMatch {
  const art = index.corpus.articles[s.item.article] as CorpusArticle;
  const quote = s.item.ref as Quote;
  // This article's own speaker: another article naming who said the same words is not this article's attribution.
  const own = index.itemSpeaker[s.at] as number;
  const entry = own >= 0 ? index.speakers[own] : undefined;
  return {
    text: quote.text,
    speaker: entry?.speaker.name ?? quote.speaker ?? null,
    role: quote.role ?? entry?.speaker.role ?? null,
    kind: quote.kind,
    paraphrase: quote.kind === 'indirect',
    confidence: quote.confidence,
    article: articleRef(art),
    diff: wordDiff(reporterText, quote.text),
    similarity: Math.round(s.similarity * 1000) / 1000,
  };
}
