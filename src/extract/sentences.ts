/**
 * Sentence splitting for news prose. One linear pass over the text: a boundary is a run of `.`, `!`, `?` or `…`,
 * optionally followed by closing quotes/brackets, then whitespace, then something that can open a sentence.
 * Abbreviations, initials, decimals and mid-sentence ellipses are not boundaries.
 */

/** One sentence and its character offsets in the input (end exclusive); `text === input.slice(start, end)`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that are (almost) always followed by more of the same sentence: titles and name parts. */
const NEVER_FINAL = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'mx',
    'dr',
    'prof',
    'st',
    'mt',
    'ft',
    'gen',
    'sen',
    'rep',
    'gov',
    'lt',
    'col',
    'sgt',
    'capt',
    'cmdr',
    'adm',
    'maj',
    'rev',
    'hon',
    'pres',
    'supt',
    'insp',
    'det',
    'atty',
    'messrs',
    'vs',
    'v',
    'no',
    'nos',
    'vol',
    'fig',
    'approx',
    'est',
    'dept',
    'univ',
    'e.g',
    'i.e',
    'cf',
    'etc',
  ].map((s) => s.toLowerCase()),
);

/** Month and weekday abbreviations: final only when the next token is not a number (`Jan. 5` continues). */
const DATE_ABBREV = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
]);

/** Abbreviations that end a sentence as often as not (`Inc.`, `U.S.`, `p.m.`): final only before a typical opener. */
const AMBIGUOUS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'jr', 'sr', 'bros', 'a.m', 'p.m']);

/** Words that usually open a sentence; after `U.S.` or `Inc.` they signal a boundary. */
const OPENERS = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our But And Or So Yet ' +
    'In On At For With As If When While After Before Since Although Though Still However Meanwhile ' +
    'There Here What Who Why How Some Many Most Officials One Two Three Last Next Earlier Later Now'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]}';
const OPENERS_CHARS = '"\'“‘«([{';

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** The word (letters and inner dots) that ends right before position `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  // Bounded look-back: no real abbreviation is longer than this, and it keeps the pass linear.
  const stop = Math.max(0, dot - 20);
  while (i > stop) {
    const ch = text[i - 1] as string;
    if (/[\p{L}.]/u.test(ch)) i--;
    else break;
  }
  return text.slice(i, dot);
}

/** The next word starting at `i` (bounded). */
function wordAt(text: string, i: number): string {
  const m = /^[\p{L}\p{N}'’]{1,30}/u.exec(text.slice(i, i + 32));
  return m ? m[0] : '';
}

/** Decides whether the terminator run ending at `termEnd` (exclusive) with next sentence starting at `next` is final. */
function isBoundary(text: string, termStart: number, termEnd: number, next: number): boolean {
  const nextCh = text[next] ?? '';
  let firstLetter = nextCh;
  let k = next;
  while (k < text.length && k < next + 3 && OPENERS_CHARS.includes(text[k] as string)) k++;
  firstLetter = text[k] ?? '';
  const opensSentence = isUpper(firstLetter) || isDigit(firstLetter) || OPENERS_CHARS.includes(nextCh);
  if (!opensSentence) return false;

  const term = text.slice(termStart, termEnd);
  // `!` or `?` (possibly with dots) is final whenever a sentence can start next.
  if (/[!?]/.test(term)) return true;
  // Ellipsis: a boundary only before a capitalised word (`in person ... spent` continues).
  if (term.length >= 3 || term.includes('…')) return isUpper(firstLetter);

  const word = wordBefore(text, termStart);
  const bare = word.replace(/^\.+/, '');
  const lower = bare.toLowerCase();
  if (lower === '') return true;
  if (NEVER_FINAL.has(lower)) return false;
  const nextWord = wordAt(text, k);
  if (DATE_ABBREV.has(lower)) return !isDigit(firstLetter);
  // Initials (`J. K. Rowling`) and dotted acronyms (`U.S.`, `U.K.`): final only before a typical opener.
  const isInitial = /^\p{Lu}$/u.test(bare);
  const isDotted = /^(\p{L}\.)+\p{L}$/u.test(bare);
  if (isInitial || isDotted || AMBIGUOUS.has(lower)) return OPENERS.has(nextWord);
  return true;
}

/**
 * Splits text into sentences with offsets. Robust to abbreviations (Mr., Dr., U.S., Jan., St.), initials, decimals,
 * quotes closing after the period (`."`), and ellipses. Blank lines always separate sentences.
 * Linear in the length of the input.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };

  let sentenceStart = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i] as string;
    if (ch === '\n') {
      // A blank line (paragraph break inside the input) always ends a sentence.
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (text[j] === '\n') {
        push(sentenceStart, i);
        while (j < n && /\s/.test(text[j] as string)) j++;
        sentenceStart = j;
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') {
      i++;
      continue;
    }
    const termStart = i;
    let j = i;
    // A run of terminators, allowing spaced ellipses (`. . .`).
    while (j < n) {
      const c = text[j] as string;
      if (c === '.' || c === '!' || c === '?' || c === '…') j++;
      else if (c === ' ' && text[j + 1] === '.' && text[j - 1] === '.' && text[j + 2] === ' ') j++;
      else break;
    }
    const termEnd = j;
    // Decimals and dotted tokens (`3.5`, `example.com`): no space after the dot, not a boundary.
    while (j < n && CLOSERS.includes(text[j] as string)) j++;
    const afterClose = j;
    if (j < n && !/\s/.test(text[j] as string)) {
      i = termEnd;
      continue;
    }
    while (j < n && /\s/.test(text[j] as string)) j++;
    if (j >= n) break;
    if (isBoundary(text, termStart, termEnd, j)) {
      push(sentenceStart, afterClose);
      sentenceStart = j;
    }
    i = j;
  }
  push(sentenceStart, n);
  return out;
}
