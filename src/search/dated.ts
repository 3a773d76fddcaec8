/**
 * Sentences that say when something happened, for date and event questions (`when was the helsinki summit`,
 * `helsinki monday`). The extractor's facts are sentences with a figure or a full date (`July 16`); a news
 * sentence often dates an event by its weekday alone (`During their press conference in Helsinki on Monday, ...`).
 * Such sentences are indexed as facts too, so the question finds the sentence that answers it. Only the
 * reporter's own sentences qualify: nothing inside or overlapping a quote, nothing already a fact.
 */
import { splitSentences } from '../extract/sentences.ts';
import type { CorpusArticle, Fact } from '../types.ts';

/** A weekday (`Monday`, and `Mondays` / `Monday's` with the apostrophe lost in a print-out) or a month name. */
const WHEN =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)(?:['’]?s)?\b/;
/** Quote marks: a sentence holding one is (partly) someone's words, not the reporter's dating of an event. */
const QUOTE_MARK = /["“”«»]/;
const MIN_WORDS = 6;
const MAX_WORDS = 90;

/** The article's dating sentences that are neither facts nor quotes already. */
export function datedSentences(article: CorpusArticle): Fact[] {
  const out: Fact[] = [];
  const paragraphs = article.paragraphs ?? [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p] as string;
    // Cheap test first: most paragraphs name no day or month.
    if (!WHEN.test(para)) continue;
    const taken = [...(article.quotes ?? []), ...(article.facts ?? [])].filter((x) => x.paragraph === p);
    for (const s of splitSentences(para)) {
      if (!WHEN.test(s.text) || QUOTE_MARK.test(s.text)) continue;
      const n = s.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (n < MIN_WORDS || n > MAX_WORDS) continue;
      if (taken.some((x) => x.start < s.end && x.end > s.start)) continue;
      let start = s.start;
      // Summary bullets (`- During ...`) keep their sentence, not the bullet.
      while (start < s.end && /[-–—•*\s]/.test(para[start] as string)) start++;
      out.push({ text: para.slice(start, s.end), paragraph: p, start, end: s.end });
    }
  }
  return out;
}
