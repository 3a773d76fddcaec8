/**
 * The re-rank's fuse.js score, computed without fuse.js: the same numbers as
 * `new Fuse(docs, { keys, includeScore, ignoreLocation: true, ignoreFieldNorm: true, useTokenSearch: true,
 * threshold, shouldSort: false }).search(query)` (fuse.js 7.5), checked against fuse.js itself in
 * test/search/tokenscore.test.ts.
 *
 * Why: fuse.js was half of a query's CPU (issue 16). Per query it built an index of the 20 candidates (record
 * objects, token maps), lower-cased every field once per query word, and ran its bitap search once per allowed
 * error with a fresh array the length of the text each time. Here each field is lower-cased once, a query word
 * found as it is (`indexOf`) scores at once, and otherwise one bit-parallel pass (Myers 1999) gives the fewest
 * edits of any stretch of the field, which is what fuse's bitap loop settles on with `ignoreLocation`: it runs with
 * 0, 1, 2 ... errors while errors / word length <= threshold and stops at the first count that matches.
 *
 * What fuse.js does with these options, per document:
 * - every non-blank field value (an array key gives one value per element) is searched for every query token
 *   (the query lower-cased, tokens /[\p{L}\p{M}\p{N}_]+/gu, repeats kept);
 * - a token matches a value when some stretch of it is within k edits (Levenshtein) with k / token length <=
 *   threshold; its score is max(0.001, k / length), or 0 when the value is exactly the token;
 * - a value matches when any token does; its score is max(0.001, 1 - sum(idf * (1 - score)) / sum(idf)) over the
 *   matching tokens and all tokens respectively, idf = ln(1 + (F - df + 0.5) / (df + 0.5)), F the number of field
 *   values holding a token, df the number holding this token (as a whole token);
 * - a document matches when any value does; its score is the product of value score ^ (key weight / sum of key
 *   weights) over its matching values (a score of 0 counts as Number.EPSILON).
 * A query token longer than 32 characters (fuse.js splits it into chunks) is outside what this reproduces: the
 * caller then uses fuse.js.
 */

/** One key of the documents: a string or an array of strings, and its weight. */
export interface ScoreKey<D> {
  get(doc: D): string | readonly string[];
  weight: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
const TOKEN_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** Longest token this reproduces (fuse.js's bitap works on at most 32 characters at a time). */
export const MAX_TOKEN = 32;

/** The query tokens as fuse.js reads them, or null when one is too long to be scored here. */
export function queryTokens(query: string): string[] | null {
  const tokens = query.toLowerCase().match(TOKEN) ?? [];
  for (const t of tokens) if (t.length > MAX_TOKEN) return null;
  return tokens;
}

/** A query token's bit masks for Myers' algorithm: one per character code it holds. */
class Pattern {
  readonly text: string;
  readonly high: number;
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  constructor(text: string) {
    this.text = text;
    this.high = 1 << (text.length - 1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) this.ascii[c] = (this.ascii[c] as number) | (1 << i);
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }
  eq(c: number): number {
    return c < 128 ? (this.ascii[c] as number) : (this.other.get(c) ?? 0);
  }
}

/**
 * Fewest edits (insertions, deletions, substitutions) turning `p` into some stretch of `text` (an empty stretch:
 * p's length), stopping early once it is 0. Myers' bit-vector algorithm, one pass over the text; p has 1..32
 * characters.
 */
export function fewestEdits(p: Pattern, text: string): number {
  const m = p.text.length;
  const high = p.high;
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = p.eq(text.charCodeAt(j));
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) {
      score--;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return best;
}

/** A token's score against one value (lower-cased), or -1 when it does not match. */
function tokenScore(p: Pattern, value: string, threshold: number): number {
  if (p.text === value) return 0;
  const m = p.text.length;
  let k: number;
  if (value.includes(p.text)) k = 0;
  else {
    // Edits past what the threshold allows never match: fuse.js runs its passes only while k / m <= threshold.
    k = fewestEdits(p, value);
    if (k >= m || k / m > threshold) return -1;
  }
  return Math.max(0.001, k / m);
}

/** Whether `token` (token characters only) occurs in `value` as a whole token. */
function hasWholeToken(value: string, token: string): boolean {
  let at = value.indexOf(token);
  while (at >= 0) {
    const end = at + token.length;
    const before = at > 0 ? charBefore(value, at) : '';
    const after = end < value.length ? String.fromCodePoint(value.codePointAt(end) as number) : '';
    if (!(before && TOKEN_CHAR.test(before)) && !(after && TOKEN_CHAR.test(after))) return true;
    at = value.indexOf(token, at + 1);
  }
  return false;
}

function charBefore(s: string, at: number): string {
  const c = s.charCodeAt(at - 1);
  // A low surrogate: the character is the pair before it.
  if (c >= 0xdc00 && c <= 0xdfff && at >= 2) return s.slice(at - 2, at);
  return s[at - 1] as string;
}

/**
 * fuse.js's score of each document that matches (0 best, 1 worst), by document index; documents matching nothing
 * are left out. `tokens` from queryTokens().
 */
export function tokenSearchScores<D>(
  docs: readonly D[],
  keys: readonly ScoreKey<D>[],
  tokens: readonly string[],
  threshold: number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (tokens.length === 0 || docs.length === 0) return out;
  let totalWeight = 0;
  for (const k of keys) totalWeight += k.weight;
  // Every non-blank field value, lower-cased once, in fuse.js's order (document, key, array element).
  const values: string[][][] = docs.map((doc) =>
    keys.map((key) => {
      const v = key.get(doc);
      const list = typeof v === 'string' ? [v] : v;
      const kept: string[] = [];
      for (const s of list) if (s.trim().length > 0) kept.push(s.toLowerCase());
      return kept;
    }),
  );
  // Document frequencies over field values, for the query tokens only.
  const distinct = [...new Set(tokens)];
  const df = new Map<string, number>(distinct.map((t) => [t, 0]));
  let fieldCount = 0;
  for (const perKey of values)
    for (const list of perKey)
      for (const v of list) {
        if (!TOKEN_CHAR.test(v)) continue;
        fieldCount++;
        for (const t of distinct) if (hasWholeToken(v, t)) df.set(t, (df.get(t) as number) + 1);
      }
  const patterns = tokens.map((t) => new Pattern(t));
  const idf = tokens.map((t) => {
    const d = df.get(t) as number;
    return Math.log(1 + (fieldCount - d + 0.5) / (d + 0.5));
  });
  let maxPossible = 0;
  for (const w of idf) maxPossible += w;
  for (let d = 0; d < docs.length; d++) {
    let total = 1;
    let matched = false;
    const perKey = values[d] as string[][];
    for (let k = 0; k < keys.length; k++) {
      const weight = (keys[k] as ScoreKey<D>).weight / totalWeight;
      for (const v of perKey[k] as string[]) {
        let weighted = 0;
        let any = false;
        for (let t = 0; t < patterns.length; t++) {
          const s = tokenScore(patterns[t] as Pattern, v, threshold);
          if (s < 0) continue;
          any = true;
          weighted += (idf[t] as number) * (1 - s);
        }
        if (!any) continue;
        matched = true;
        const score = Math.max(0.001, maxPossible > 0 ? 1 - weighted / maxPossible : 0);
        total *= score ** weight;
      }
    }
    if (matched) out.set(d, total);
  }
  return out;
}

export { Pattern };
