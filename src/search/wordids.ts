/**
 * Term ids of a text's words for the index build, without a string per word. At a million quotes the build reads
 * some twenty million words; making each a string (fold, slice) and looking it up in a Map was most of the build's
 * time and most of its garbage (issue 16). ASCII text (the bulk of a corpus) is scanned once: each word's
 * characters are folded (lower-cased) and hashed in place and found in an open-addressing table of the words seen
 * so far; a string is made only the first time a word is seen. Other text goes through `words()`.
 *
 * The words are exactly those of `words(text)` (src/search/normalize.ts), in order, and `hash` is the FNV-1a hash
 * of the words each followed by a space, as `hashWords(words(text))` computes it (test/search/wordids.test.ts).
 */
import { words } from './normalize.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the point
const ASCII = /^[\x00-\x7F]*$/;
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

  constructor(
    /** The term id of a folded word (-1: none); called once per distinct word while the table has room. */
    private readonly idOf: (word: string) => number,
    /** Most distinct words remembered (a hostile corpus must not grow the table without end). */
    private readonly cap = 2_000_000,
  ) {}

  /** Reads the words of `text` into `ids`, `count` and `hash`. */
  scan(text: string): void {
    if (this.ids.length < text.length + 1) this.ids = new Int32Array(2 * text.length + 1);
    if (!ASCII.test(text)) {
      const ws = words(text);
      for (let k = 0; k < ws.length; k++) this.ids[k] = this.lookup(ws[k] as string);
      this.count = ws.length;
      this.hash = hashWords(ws);
      return;
    }
    const ids = this.ids;
    const n = text.length;
    let count = 0;
    let all = FNV_BASIS;
    let i = 0;
    while (i < n) {
      while (i < n && !isAlnum(lower(text.charCodeAt(i)))) i++;
      if (i >= n) break;
      const start = i;
      let h = FNV_BASIS;
      let len = 0;
      // The same word boundaries as words(): inner apostrophes and commas between digits are dropped, dots
      // between digits kept.
      while (i < n) {
        const c = lower(text.charCodeAt(i));
        if (isAlnum(c)) {
          h = Math.imul(h ^ c, FNV_PRIME);
          all = Math.imul(all ^ c, FNV_PRIME);
          len++;
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
            len++;
          }
          i++;
          continue;
        }
        break;
      }
      all = Math.imul(all ^ 32, FNV_PRIME);
      ids[count++] = this.find(text, start, i, len, h | 0);
    }
    this.count = count;
    this.hash = all | 0;
  }

  /** The id of the word in text[start, end) (`len` kept characters, hashed `h`). */
  private find(text: string, start: number, end: number, len: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = (this.slots[s] as number) - 1;
      if (e < 0) break;
      if (this.keyHashes[e] !== h) continue;
      const key = this.keys[e] as string;
      if (key.length === len && sameWord(key, text, start, end)) return this.keyIds[e] as number;
    }
    let word = text.slice(start, end).toLowerCase();
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
    }
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

/** Is `key` the folded word in text[start, end) (apostrophes and number commas inside a word are dropped)? */
function sameWord(key: string, text: string, start: number, end: number): boolean {
  let k = 0;
  for (let p = start; p < end; p++) {
    const c = lower(text.charCodeAt(p));
    if (c === 39 || c === 44) continue;
    if (key.charCodeAt(k++) !== c) return false;
  }
  return true;
}
