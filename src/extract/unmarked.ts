/**
 * Quotes whose marks were lost (print-outs, plain-text copies): `We remain committed to the city, the chief
 * executive said.` A clause followed by a sentence-final attribution is speech. In an article that still has its
 * quote marks, only a first-person clause qualifies (a reporter's paraphrase is never in the first person); in an
 * article without any marks, any full clause does, and the first-person sentences around it join the quote.
 */

import { checkBudget } from '../budget.ts';
import { type Attribution, speakerPhrase, tokenRange } from './attribution.ts';
import type { ArticleContext, Para } from './context.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

/** A quote found without marks: a character range of one paragraph and its attribution. */
export interface UnmarkedQuote {
  para: number;
  start: number;
  end: number;
  attribution: Attribution;
  /** True for sentences that joined a neighbouring attributed quote (no attribution of their own). */
  continuation: boolean;
}

/** Verbs that close a sentence-final attribution. */
const FINAL_VERBS = new Set(
  (
    'said says added adds told wrote writes explained noted insisted argued warned stated continued recalled ' +
    'replied responded asked tweeted posted concluded acknowledged admitted'
  ).split(' '),
);

const FIRST_PERSON = /\b(I|I'm|I've|I'd|I'll|we|We|we're|We're|we've|our|Our|us|my|My|me|ours)\b/;

/** The sentence reads in the first person (so it cannot be the reporter's own words). */
export function firstPerson(text: string): boolean {
  return FIRST_PERSON.test(text);
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * Reads `CLAUSE, SPEAKER VERB [short tail].` or `CLAUSE, VERB SPEAKER.`; returns the clause end and attribution.
 */
export function finalAttribution(
  ctx: ArticleContext,
  para: Para,
  s: Sentence,
): { clauseEnd: number; attribution: Attribution } | null {
  const [a, b] = tokenRange(para, s.start, s.end);
  const toks = para.tokens;
  let commas = 0;
  for (let c = b - 2; c > a && commas < 3; c--) {
    const ct = toks[c] as Token;
    if (!ct.trail.startsWith(',')) continue;
    commas++;
    for (let v = c + 1; v < b && v <= c + 7; v++) {
      const vt = toks[v] as Token;
      if (!FINAL_VERBS.has(vt.lower)) {
        if (vt.trail !== '' && !vt.trail.startsWith(',')) break;
        continue;
      }
      let attribution: Attribution | undefined;
      if (v === c + 1) {
        // `..., said Luis Ortega, the union's president.` / `..., said Rosa Delgado, who called a meeting.`:
        // the speaker runs to the next comma; whatever follows describes them.
        let e = v + 1;
        while (e < b && e < v + 9 && !(toks[e] as Token).trail.startsWith(',')) e++;
        for (let x = Math.min(e + 1, b); x > v + 1 && !attribution; x--)
          attribution = speakerPhrase(ctx, para, v + 1, x, vt.lower);
      } else {
        const tail = toks.slice(v + 1, b);
        if (tail.length > 7 || tail.some((t) => t.lower === 'that' || t.lead !== '')) break;
        attribution = speakerPhrase(ctx, para, c + 1, v, vt.lower);
      }
      if (attribution) return { clauseEnd: ct.end, attribution };
      break;
    }
  }
  return null;
}

/** Finds unmarked quotes. `lostMarks`: the article has no quote marks at all. */
export function unmarkedQuotes(
  ctx: ArticleContext,
  lostMarks: boolean,
  covered: (para: number, start: number, end: number) => boolean,
): UnmarkedQuote[] {
  const out: UnmarkedQuote[] = [];
  ctx.paras.forEach((para, p) => {
    const sents = para.sentences;
    const used = new Set<number>();
    for (let i = 0; i < sents.length; i++) {
      checkBudget();
      const s = sents[i] as Sentence;
      if (covered(p, s.start, s.end)) continue;
      const hit = finalAttribution(ctx, para, s);
      if (!hit) continue;
      const clause = para.text.slice(s.start, hit.clauseEnd);
      // Without marks, only a first person or a known speaker tells speech from the reporter's paraphrase.
      const fp = firstPerson(clause);
      if (wordCount(clause) < 4 || !(fp || (lostMarks && hit.attribution.entity))) continue;
      out.push({
        para: p,
        start: s.start,
        end: hit.clauseEnd,
        attribution: hit.attribution,
        continuation: false,
      });
      used.add(i);
      // The first-person sentences right after (and, when every mark is lost, right before) belong to the same
      // speech: a reporter does not write `we` or `I`.
      let k = i - 1;
      while (lostMarks && k >= 0 && !used.has(k) && isSpeechLike(ctx, para, sents[k] as Sentence, p, covered))
        k--;
      // Sentences first..last (inclusive) continue the attributed one's speech.
      const continuation = (first: number, last: number) => {
        for (let x = first; x <= last; x++) used.add(x);
        out.push({
          para: p,
          start: (sents[first] as Sentence).start,
          end: (sents[last] as Sentence).end,
          attribution: hit.attribution,
          continuation: true,
        });
      };
      if (k < i - 1) continuation(k + 1, i - 1);
      let j = i + 1;
      let end = -1;
      while (j < sents.length) {
        const cur = sents[j] as Sentence;
        if (isSpeechLike(ctx, para, cur, p, covered)) {
          end = j;
          j++;
          continue;
        }
        // One sentence without a first-person word may bridge two that have one.
        const nxt = sents[j + 1];
        if (lostMarks && nxt && isNeutral(ctx, para, cur) && isSpeechLike(ctx, para, nxt, p, covered)) {
          end = j + 1;
          j += 2;
          continue;
        }
        break;
      }
      if (end > i) {
        continuation(i + 1, end);
        i = end;
      }
    }
  });
  return out;
}

/** First person, unattributed, not reported speech. */
function isSpeechLike(
  ctx: ArticleContext,
  para: Para,
  s: Sentence,
  p: number,
  covered: (para: number, start: number, end: number) => boolean,
): boolean {
  return (
    firstPerson(s.text) &&
    !covered(p, s.start, s.end) &&
    finalAttribution(ctx, para, s) === null &&
    !reports(s.text)
  );
}

/** The sentence reports someone's speech itself (`Putin added that ...`). */
function reports(text: string): boolean {
  return (
    /\b(said|says|added|told|according to|wrote|noted|argued|stated)\b/.test(text) &&
    !/^\s*(I|We)\b/.test(text)
  );
}

/** No first-person words, no reported speech, no attribution: could be a bridge inside a speech. */
function isNeutral(ctx: ArticleContext, para: Para, s: Sentence): boolean {
  return !reports(s.text) && finalAttribution(ctx, para, s) === null && wordCount(s.text) <= 40;
}
