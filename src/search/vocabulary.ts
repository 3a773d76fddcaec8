/**
 * The corpus vocabulary with a character-trigram index over it, for typo tolerance. Trigrams are indexed per
 * distinct term, not per document: a million quotes share a vocabulary of tens of thousands of terms, so the n-gram
 * index stays small and a misspelt query word (`turbulance`) is mapped to real terms (`turbulenc`) before the
 * document index is touched.
 */

/** A vocabulary term close to a query term, with how far it is. */
export interface NearTerm {
  id: number;
  term: string;
  /** Edit distance (0 = same, 1 = one typo...), or -1 for a prefix completion. */
  distance: number;
}

/** Terms sealed per step of sealSteps(). */
const SEAL_STEP = 4000;

/** Most near terms returned per query word: bounds the postings a typo can pull in. */
const MAX_NEAR = 6;

export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  private trigramIndex: Map<string, number[]> | null = null;
  private sorted: string[] | null = null;
  /** Scratch for near(): trigram hits per term id, and the ids hit (queries run one at a time). */
  private hitCount: Uint8Array | null = null;
  private hitIds: Int32Array | null = null;

  /** Id of a term, adding it when new. */
  add(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(term, id);
      this.list.push(term);
    }
    return id;
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  /**
   * Builds the trigram and prefix structures; call once after the last `add`. `sortedIds` (sortedIds() of a
   * vocabulary holding the same terms) spares sorting them again.
   */
  seal(sortedIds?: ArrayLike<number>): void {
    const steps = this.sealSteps(sortedIds);
    while (!steps.next().done) {}
  }

  /**
   * seal() in steps of SEAL_STEP terms: a reload seals the vocabulary on the main thread, between answers (at tens
   * of thousands of terms, sealing at once held answers up for a quarter of a second; issue 15).
   */
  *sealSteps(sortedIds?: ArrayLike<number>): Generator<void, void> {
    const index = new Map<string, number[]>();
    for (let id = 0; id < this.list.length; id++) {
      const term = this.list[id] as string;
      if (id % SEAL_STEP === SEAL_STEP - 1) yield;
      if (term.length < 3 || /\d/.test(term)) continue;
      for (const g of new Set(trigrams(term))) {
        let arr = index.get(g);
        if (!arr) {
          arr = [];
          index.set(g, arr);
        }
        arr.push(id);
      }
    }
    yield;
    if (sortedIds) {
      const sorted: string[] = new Array(sortedIds.length);
      for (let k = 0; k < sortedIds.length; k++) sorted[k] = this.list[sortedIds[k] as number] as string;
      this.sorted = sorted;
    } else this.sorted = this.list.filter((t) => t.length >= 4 && !/\d/.test(t)).sort();
    this.trigramIndex = index;
  }

  /** Ids of the terms prefix completions look through, in sorted order (for seal() of a copy). */
  sortedIds(): Int32Array {
    const sorted = this.sorted ?? [];
    const out = new Int32Array(sorted.length);
    for (let k = 0; k < sorted.length; k++) out[k] = this.ids.get(sorted[k] as string) as number;
    return out;
  }

  /**
   * Terms within a small edit distance of `term` (1 when the typed word has 4–5 letters, 2 for longer; none under
   * 4 letters, where a typo usually makes another real word), best first, at most MAX_NEAR. The term itself is not
   * included.
   */
  near(term: string, typedLength = term.length, max = MAX_NEAR): NearTerm[] {
    const index = this.trigramIndex;
    if (!index || term.length < 3 || typedLength < 4 || term.length > 32 || /\d/.test(term)) return [];
    // Edits are budgeted on the word as typed: stemming can turn one typo into two (`raates` -> `raat` vs `rate`).
    const maxEdits = typedLength >= 6 ? 2 : 1;
    const grams = [...new Set(trigrams(term))];
    // q-gram lemma: each edit destroys at most 3 trigrams.
    const need = Math.max(1, grams.length - 3 * maxEdits);
    // Trigrams in common per term, counted in a reused array (a Map here was most of a typo's lookup cost).
    if (!this.hitCount || this.hitCount.length < this.list.length) {
      this.hitCount = new Uint8Array(this.list.length);
      this.hitIds = new Int32Array(this.list.length);
    }
    const count = this.hitCount;
    const seen = this.hitIds as Int32Array;
    let nSeen = 0;
    for (const g of grams) {
      const ids = index.get(g);
      if (!ids || ids.length > 50_000) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        const n = count[id] as number;
        if (n === 0) seen[nSeen++] = id;
        // A term has at most 34 distinct trigrams: no overflow of a byte.
        count[id] = n + 1;
      }
    }
    const out: NearTerm[] = [];
    // In first-seen order, as the Map iterated.
    for (let k = 0; k < nSeen; k++) {
      const id = seen[k] as number;
      const n = count[id] as number;
      count[id] = 0;
      if (n < need) continue;
      const cand = this.list[id] as string;
      if (cand === term || Math.abs(cand.length - term.length) > maxEdits) continue;
      const d = damerau(term, cand, maxEdits);
      if (d <= maxEdits) out.push({ id, term: cand, distance: d });
    }
    out.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
    return out.slice(0, max);
  }

  /** Longer terms that start with `prefix` (half-typed words: `cyber` -> `cybersecurity`), at most `max`. */
  completions(prefix: string, max = 4): NearTerm[] {
    const sorted = this.sorted;
    if (!sorted || prefix.length < 4) return [];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: NearTerm[] = [];
    for (let i = lo; i < sorted.length && out.length < max; i++) {
      const t = sorted[i] as string;
      if (!t.startsWith(prefix)) break;
      if (t === prefix) continue;
      const id = this.ids.get(t);
      if (id !== undefined) out.push({ id, term: t, distance: -1 });
    }
    return out;
  }
}

/** Trigrams of `$term$` (padded so first and last letters count). */
export function trigrams(term: string): string[] {
  const s = `$${term}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

/** Rows of damerau(), reused (grown as needed): it runs for every near term of every misspelt query word. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance (transpositions count as one edit), stopping early past `max`. */
export function damerau(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (rowA.length < m + 1) {
    rowA = new Int32Array(2 * (m + 1));
    rowB = new Int32Array(2 * (m + 1));
    rowC = new Int32Array(2 * (m + 1));
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && ai1 === bj) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] as number;
}
