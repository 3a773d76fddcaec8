/**
 * Term ids of a text's words for the index build, without a string per word. At a million quotes the build reads
 * some twenty million words; making each a string (fold, slice) and looking it up in a Map was most of the build's
 * time and most of its garbage (issue 16). ASCII text (the bulk of a corpus) is scanned once: each word's
 * characters are folded (lower-cased), hashed and copied into a reused buffer, then found in an open-addressing
 * table of the words seen so far, compared with their characters kept side by side in one array (not with each
 * word's string: a cache miss each); a string is made only the first time a word is seen. Other text goes through
 * `words()`.
 *
 * The words are exactly those of `words(text)` (src/search/normalize.ts), in order, and `hash` is the FNV-1a hash
 * of the words each followed by a space, as `hashWords(words(text))` computes it (test/search/wordids.test.ts).
 */
import { words } from './normalize.ts';

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the words, each followed by a space, as a 32-bit int. */
export function hashWords(ws: string[]): number {
  let h = FNV_BASIS;
  for (const w of ws) {
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), FNV_PRIME);
    h = Math.imul(h ^ 32, FNV_PRIME);
  }
  return h | 0;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export class WordIds {
  /** Ids of the last scanned text's words, in order (-1 for a word without a term, a stop word): ids[0 .. count). */
  ids = new Int32Array(256);
  count = 0;
  /** hashWords(words(text)) of the last scanned text. */
  hash = 0;
  /** Open addressing: entry + 1, or 0 when free. */
  private slots = new Int32Array(1 << 16);
  private readonly keys: string[] = [];
  private keyIds = new Int32Array(1 << 15);
  private keyHashes = new Int32Array(1 << 15);
  /** Characters of the remembered words, one after the other: entry e's are pool[keyStart[e] .. keyStart[e+1]). */
  private pool = new Uint16Array(1 << 18);
  private keyStart = new Int32Array((1 << 15) + 1);
  /**
   * The last ASCII text's words as read: their kept characters (folded) one after the other, word k's from
   * chars[charStart[k]] to chars[charStart[k+1]], its hash, and where it was in the text.
   */
  private chars = new Uint16Array(256);
  private charStart = new Int32Array(257);
  private wordHash = new Int32Array(256);
  private wordFrom = new Int32Array(256);
  private wordTo = new Int32Array(256);

  constructor(
    /** The term id of a folded word (-1: none); called once per distinct word while the table has room. */
    private readonly idOf: (word: string) => number,
    /** Most distinct words remembered (a hostile corpus must not grow the table without end). */
    private readonly cap = 2_000_000,
  ) {}

  /** Reads the words of `text` into `ids`, `count` and `hash`. */
  scan(text: string): void {
    if (this.ids.length < text.length + 1) {
      const size = 2 * text.length + 1;
      this.ids = new Int32Array(size);
      this.chars = new Uint16Array(size);
      this.charStart = new Int32Array(size + 1);
      this.wordHash = new Int32Array(size);
      this.wordFrom = new Int32Array(size);
      this.wordTo = new Int32Array(size);
    }
    // Words are read first and looked up after: a text found not to be ASCII half-way must not have had its first
    // words looked up (a word the ASCII reading cuts short would reach the vocabulary).
    const count = this.read(text);
    if (count < 0) {
      const ws = words(text);
      for (let k = 0; k < ws.length; k++) this.ids[k] = this.lookup(ws[k] as string);
      this.count = ws.length;
      this.hash = hashWords(ws);
      return;
    }
    for (let k = 0; k < count; k++) this.ids[k] = this.find(text, k);
    this.count = count;
  }

  /** The words of an ASCII text into chars, charStart, wordHash, wordFrom, wordTo and `hash`: their number, or -1. */
  private read(text: string): number {
    const chars = this.chars;
    const n = text.length;
    let count = 0;
    let nc = 0;
    let all = FNV_BASIS;
    let i = 0;
    while (i < n) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c > 127) return -1;
        if (isAlnum(lower(c))) break;
        i++;
      }
      if (i >= n) break;
      const start = i;
      this.charStart[count] = nc;
      let h = FNV_BASIS;
      // The same word boundaries as words(): inner apostrophes and commas between digits are dropped, dots
      // between digits kept.
      while (i < n) {
        const raw = text.charCodeAt(i);
        if (raw > 127) return -1;
        const c = lower(raw);
        if (isAlnum(c)) {
          h = Math.imul(h ^ c, FNV_PRIME);
          all = Math.imul(all ^ c, FNV_PRIME);
          chars[nc++] = c;
          i++;
          continue;
        }
        const next = i + 1 < n ? lower(text.charCodeAt(i + 1)) : 0;
        if (c === 39 && isAlnum(next)) {
          i++;
          continue;
        }
        if ((c === 46 || c === 44) && isDigit(lower(text.charCodeAt(i - 1))) && isDigit(next)) {
          if (c === 46) {
            h = Math.imul(h ^ c, FNV_PRIME);
            all = Math.imul(all ^ c, FNV_PRIME);
            chars[nc++] = c;
          }
          i++;
          continue;
        }
        break;
      }
      all = Math.imul(all ^ 32, FNV_PRIME);
      this.wordHash[count] = h | 0;
      this.wordFrom[count] = start;
      this.wordTo[count] = i;
      count++;
    }
    this.charStart[count] = nc;
    this.hash = all | 0;
    return count;
  }

  /** The id of word k of the last read() of `text`. */
  private find(text: string, k: number): number {
    const h = this.wordHash[k] as number;
    const a = this.charStart[k] as number;
    const len = (this.charStart[k + 1] as number) - a;
    const chars = this.chars;
    const pool = this.pool;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = (this.slots[s] as number) - 1;
      if (e < 0) break;
      if (this.keyHashes[e] !== h) continue;
      const p = this.keyStart[e] as number;
      if ((this.keyStart[e + 1] as number) - p !== len) continue;
      let m = 0;
      while (m < len && pool[p + m] === chars[a + m]) m++;
      if (m === len) return this.keyIds[e] as number;
    }
    let word = text.slice(this.wordFrom[k], this.wordTo[k]).toLowerCase();
    if (word.length !== len) word = word.replace(/[',]/g, '');
    return this.remember(word, h);
  }

  /** The id of a word made by words() (text that is not ASCII). */
  private lookup(word: string): number {
    let h = FNV_BASIS;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
    h |= 0;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = (this.slots[s] as number) - 1;
      if (e < 0) break;
      if (this.keyHashes[e] === h && this.keys[e] === word) return this.keyIds[e] as number;
    }
    return this.remember(word, h);
  }

  private remember(word: string, h: number): number {
    const id = this.idOf(word);
    if (this.keys.length >= this.cap) return id;
    const e = this.keys.length;
    if (e === this.keyIds.length) {
      const ids = new Int32Array(2 * e);
      ids.set(this.keyIds);
      this.keyIds = ids;
      const hashes = new Int32Array(2 * e);
      hashes.set(this.keyHashes);
      this.keyHashes = hashes;
      const starts = new Int32Array(2 * e + 1);
      starts.set(this.keyStart);
      this.keyStart = starts;
    }
    const p = this.keyStart[e] as number;
    if (p + word.length > this.pool.length) {
      const pool = new Uint16Array(2 * (p + word.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < word.length; k++) this.pool[p + k] = word.charCodeAt(k);
    this.keyStart[e + 1] = p + word.length;
    this.keys.push(word);
    this.keyIds[e] = id;
    this.keyHashes[e] = h;
    if (2 * this.keys.length > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(e);
    return id;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = (this.keyHashes[e] as number) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.keys.length; e++) this.place(e);
  }
}
