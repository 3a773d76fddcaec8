/**
 * Facts: claim sentences worth citing. A sentence qualifies when it carries something checkable (a number, an
 * amount, a percentage, a date, a count) and is the reporter's own statement, not a quote.
 */

import { checkBudget } from '../budget.ts';
import type { Fact } from '../types.ts';
import type { ArticleContext } from './context.ts';
import type { Sentence } from './sentences.ts';

/** Magnitudes are claims on their own; small number words only when they count something (`three goals`). */
const MAGNITUDES =
  /\b(hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|percent|per cent)\b/i;
const COUNTS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|half)\s+(?!(?:that|of|who|which|another|and|or|is|was|in|on|at|to|by|for)\b)[a-z]/i;
const MONTHS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+\d/;
const DIGITS = /\d/;
const MONEY = /[$€£¥]\s?\d/;

/** The sentence carries a checkable figure or date. */
export function isClaim(text: string): boolean {
  return (
    DIGITS.test(text) || MONEY.test(text) || MONTHS.test(text) || MAGNITUDES.test(text) || COUNTS.test(text)
  );
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Claim sentences outside quotes, in document order. */
export function findFacts(
  ctx: ArticleContext,
  covered: (para: number, start: number, end: number) => boolean,
): Fact[] {
  const out: Fact[] = [];
  ctx.paras.forEach((para, p) => {
    for (const s of para.sentences as Sentence[]) {
      checkBudget();
      const n = wordCount(s.text);
      if (n < 6 || n > 90 || /\?["”’]?$/.test(s.text)) continue;
      // Quote sentences are quotes, not facts; a scare quote or a quoted title does not make one.
      if (covered(p, s.start, s.end)) continue;
      if (!isClaim(s.text)) continue;
      let start = s.start;
      // Summary bullets (`- Putin said ...`) keep their sentence, not the bullet.
      while (start < s.end && /[-–—•*\s]/.test(para.text[start] as string)) start++;
      out.push({ text: para.text.slice(start, s.end), paragraph: p, start, end: s.end });
    }
  });
  return out;
}
