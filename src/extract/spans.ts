/**
 * Quote marks paired into spans, per paragraph, with multi-paragraph quotes linked: a paragraph that opens a quote
 * without closing it continues in the next paragraph when that one opens with a quote mark (news convention).
 */

import { checkBudget } from '../budget.ts';

/** One quoted stretch inside one paragraph. */
export interface Span {
  para: number;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph length when the quote runs on. */
  close: number;
  closed: boolean;
  /** Offsets of the quoted words (whitespace and a trailing comma trimmed). */
  innerStart: number;
  innerEnd: number;
  /** This span carries on a quote left open at the end of the previous paragraph. */
  continues: boolean;
}

/** Double quotation marks: straight, curly, guillemets, low-high, and doubled apostrophes ('' … '' and `` … ''). */
const DOUBLE = /``|''|["“”«»„]/g;

function trimInner(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /[\s,]/.test(text[b - 1] as string)) b--;
  return [a, b];
}

/**
 * Spans of one paragraph marked with double quotes. A span's `close` is the last character of its closing mark, so
 * `close + 1` is always just after the mark, whether it is one character or two (`''`).
 */
function doubleSpans(text: string, para: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let openLen = 1;
  const re = new RegExp(DOUBLE.source, 'g');
  // `"In 1971, ... signed “in a season of doubt,” the charter ...`: a paragraph opened with a straight mark (a block
  // quote, the news convention) holds curly quotes of its own; they nest inside it and do not end it.
  let nested = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ch = m[0];
    let i = m.index;
    if (nested) {
      if (ch === '”') nested = false;
      continue;
    }
    if (ch === '“' && open >= 0 && text[open] === '"' && text.slice(0, open).trim() === '') {
      nested = true;
      continue;
    }
    // `'old-school,'''`: a single mark closing a nested quote, then the doubled one; the last two close.
    if (ch === "''" && open >= 0 && text[i + 2] === "'") {
      i++;
      re.lastIndex = i + 2;
    }
    // After a low opening mark („, German style) the high “ closes; elsewhere it opens.
    const lowOpen = open >= 0 && text[open] === '„';
    // `“It's rare,“ said Quill`: a high mark typed the wrong way round, glued to the words before it and followed by a
    // space, closes the quote that is open.
    const typoClose =
      ch === '“' &&
      open >= 0 &&
      /[^\s“]/.test(text[i - 1] ?? ' ') &&
      /^(\s|$)/.test(text.slice(i + 1, i + 2));
    const opener = (ch === '“' && !lowOpen && !typoClose) || ch === '«' || ch === '„' || ch === '``';
    const closer = ch === '”' || ch === '»' || (ch === '“' && (lowOpen || typoClose));
    if (open < 0) {
      if (closer) continue; // a stray closing mark opens nothing
      open = i;
      openLen = ch.length;
    } else if (opener) {
      // A second opener before any closer: the first was stray; restart here.
      open = i;
      openLen = ch.length;
    } else {
      const [s, e] = trimInner(text, open + openLen, i);
      if (e > s)
        out.push({
          para,
          open,
          close: i + ch.length - 1,
          closed: true,
          innerStart: s,
          innerEnd: e,
          continues: false,
        });
      open = -1;
    }
  }
  if (open >= 0) {
    const [s, e] = trimInner(text, open + openLen, text.length);
    if (e > s)
      out.push({
        para,
        open,
        close: text.length,
        closed: false,
        innerStart: s,
        innerEnd: e,
        continues: false,
      });
  }
  return out;
}

/** Spans marked with curly single quotes, used only where a paragraph has no double marks (British style). */
function singleSpans(text: string, para: number): Span[] {
  const out: Span[] = [];
  const re = /‘/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const open = m.index;
    if (open > 0 && !/[\s([—–-]/.test(text[open - 1] as string)) continue;
    // The closer is a ’ not followed by a letter (so not an apostrophe as in `it’s`).
    const closeRe = /’(?!\p{L})/gu;
    closeRe.lastIndex = open + 1;
    const c = closeRe.exec(text);
    if (!c) break;
    const [s, e] = trimInner(text, open + 1, c.index);
    if (e > s)
      out.push({ para, open, close: c.index, closed: true, innerStart: s, innerEnd: e, continues: false });
    re.lastIndex = c.index + 1;
  }
  return out;
}

/**
 * Spans marked with straight single quotes (`'We left it,' said Mr Hale`), British style typed on a plain keyboard,
 * where the same mark is also the apostrophe. An opener follows a space and precedes a letter; a closer follows a
 * letter or punctuation and precedes a space, punctuation or the end. `drivers' pay` could be either: such a
 * plural possessive closes a quote only when no clearer closer comes before the next opener.
 */
function straightSingleSpans(text: string, para: number): Span[] {
  const out: Span[] = [];
  type Mark = { i: number; open: boolean; close: boolean; weak: boolean };
  const marks: Mark[] = [];
  for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const open = /[\s([—–-]/.test(before) && /[\p{L}\p{N}]/u.test(after);
    const close = /[\p{L}\p{N}.,!?;:…]/u.test(before) && /[\s.,;:!?)\]—–-]/.test(after);
    if (open || close) marks.push({ i, open, close, weak: close && before === 's' && /\s/.test(after) });
  }
  let k = 0;
  while (k < marks.length) {
    const m = marks[k] as Mark;
    if (!m.open) {
      k++;
      continue;
    }
    let strong = -1;
    let weak = -1;
    for (let j = k + 1; j < marks.length; j++) {
      const c = marks[j] as Mark;
      if (c.open && !c.close) break;
      if (c.close && !c.weak) {
        strong = j;
        break;
      }
      if (c.close && weak < 0) weak = j;
    }
    const end = strong >= 0 ? strong : weak;
    if (end < 0) {
      k++;
      continue;
    }
    const close = (marks[end] as Mark).i;
    const [s, e] = trimInner(text, m.i + 1, close);
    if (e > s)
      out.push({ para, open: m.i, close, closed: true, innerStart: s, innerEnd: e, continues: false });
    k = end + 1;
  }
  return out;
}

/** All quote spans of an article, in document order, with continuations flagged. */
export function findSpans(paragraphs: string[]): Span[] {
  const out: Span[] = [];
  let openAtEnd = false;
  paragraphs.forEach((text, p) => {
    checkBudget();
    const spans = hasDouble(text)
      ? doubleSpans(text, p)
      : text.includes('‘')
        ? singleSpans(text, p)
        : straightSingleSpans(text, p);
    const first = spans[0];
    if (openAtEnd && first && text.slice(0, first.open).trim() === '') first.continues = true;
    openAtEnd = spans.length > 0 && !(spans.at(-1) as Span).closed;
    out.push(...spans);
  });
  return out;
}

/** True when the text has no double quote marks at all (a print-out that lost them). */
export function hasNoQuoteMarks(paragraphs: string[]): boolean {
  return !paragraphs.some(hasDouble);
}

/** True when the paragraph has a double quotation mark of any kind. */
function hasDouble(text: string): boolean {
  return /``|''|["“”«»„]/.test(text);
}
