/**
 * Text normalisation shared by the index, the query parser and the quote check, so that the three always agree on
 * what a "word" is: case, diacritics, curly quotes and dashes folded; light English stemming; stop words.
 */

/** Curly/straight quote marks, primes and guillemets: all folded away or to `'` so `don’t` and `don't` agree. */
const QUOTE_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTE_CHARS = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D]/g;
const DASH_CHARS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const ELLIPSIS = /\u2026/g;
const COMBINING_MARKS = /\p{M}+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the point
const ASCII = /^[\x00-\x7F]*$/;

/**
 * Folds text for comparison: Unicode compatibility form, lower case, no diacritics, straight quotes, ASCII dashes,
 * ellipsis as three dots. Length may change (NFKD), so never use folded offsets against the original string.
 */
export function fold(text: string): string {
  // Fast path: plain ASCII needs only lower-casing (most of a large corpus; NFKD is the costly step).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(QUOTE_CHARS, "'")
    .replace(DOUBLE_QUOTE_CHARS, '"')
    .replace(DASH_CHARS, '-')
    .replace(ELLIPSIS, '...');
}

/** A word: letters/digits, with inner apostrophes, dots in numbers (`3.5`) and commas in numbers (`1,200`) kept. */
const WORD = /[\p{L}\p{N}]+(?:(?:'|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** Folded words of a text, in order, apostrophes removed (`don't` -> `dont`, `Putin's` -> `putins`). */
export function words(text: string): string[] {
  const folded = fold(text);
  if (ASCII.test(folded)) return asciiWords(folded);
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    out.push(w.includes("'") || w.includes(',') ? w.replace(/'/g, '').replace(/(?<=\d),(?=\d)/g, '') : w);
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The same tokenisation as WORD for lower-cased ASCII text, as a plain scan (the bulk of index build time). */
function asciiWords(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isAlnum(s.charCodeAt(i))) i++;
    if (i >= n) break;
    let word = '';
    let segStart = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isAlnum(c)) {
        i++;
        continue;
      }
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      const prev = s.charCodeAt(i - 1);
      if (c === 39 && isAlnum(next)) {
        word += s.slice(segStart, i);
        segStart = i + 1;
        i++;
        continue;
      }
      if ((c === 46 || c === 44) && isDigitCode(prev) && isDigitCode(next)) {
        word += s.slice(segStart, c === 44 ? i : i + 1);
        segStart = i + 1;
        i++;
        continue;
      }
      break;
    }
    out.push(word + s.slice(segStart, i));
  }
  return out;
}

/**
 * A deliberately light stemmer (plurals, -ing, -ed, final -e) so that `analyze`, `analyzed`, `analyzing` and
 * `analyzes` meet at `analyz`. Porter would conflate more, but it also conflates words reporters keep apart
 * (`university`/`universe`), and a light stemmer is cheap at build time over a million quotes.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const out = stemUncached(word);
  // Bounded: a corpus's vocabulary repeats, but a hostile input should not grow the cache without end.
  if (stemCache.size < 500_000) stemCache.set(word, out);
  return out;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = word;
  if (/\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** `committ` -> `commit`, `runn` -> `run`; keeps `ll`, `ss`, `zz` which are usually part of the stem. */
function undouble(w: string): string {
  const a = w[w.length - 1];
  if (w.length >= 4 && a === w[w.length - 2] && a && !'lsz'.includes(a) && /[bcdfghjkmnpqrtvwx]/.test(a)) {
    return w.slice(0, -1);
  }
  return w;
}

/** Words that carry no meaning on their own: skipped by the index and by query scoring. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of in on at to for from by with ' +
    'as into onto about over under after before between through during without within upon per via ' +
    'is are was were be been being am do does did done have has had having will would shall should can could ' +
    'may might must it its itself he him his she her hers they them their theirs we us our ours you your yours ' +
    'i me my mine who whom whose which what when where why how not no all any each both either neither ' +
    'some such only own same too very just also s t dont im its ive weve theyre were youre thats'
  ).split(' '),
);

/** Index terms of a text: stemmed folded words minus stop words (duplicates kept, in order). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}
