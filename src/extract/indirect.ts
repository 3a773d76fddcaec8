/**
 * Indirect (reported) speech: `Putin said Russia favors ...`, `Coats cautioned that ...`, `..., adding that ...`.
 * The quote's text is the reported clause. Only kept when the speaker resolves: an anonymous claim is no quote.
 */

import { checkBudget } from '../budget.ts';
import { type Attribution, mainSubject, speakerPhrase, tokenRange } from './attribution.ts';
import type { ArticleContext, Para } from './context.ts';
import { REPORTING_VERBS, SENTENCE_OPENERS } from './lexicon.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';
import { finalAttribution } from './unmarked.ts';

/** A reported clause: a character range of one paragraph and who reported it. */
export interface IndirectQuote {
  para: number;
  start: number;
  end: number;
  attribution: Attribution;
}

/** Words that cannot open a reported clause without `that` (`said on Monday`, `said in a statement`). */
const NOT_CLAUSE_START = new Set(
  (
    'in on at during after before last this next with to from by for of about earlier later yesterday today ' +
    'monday tuesday wednesday thursday friday saturday sunday when while as'
  ).split(' '),
);

const ADVERBS = new Set(
  'also later then again once previously repeatedly recently has had have would'.split(' '),
);

/** The reported clause after the verb at `v`, as a token index, or -1. */
function clauseStart(toks: Token[], v: number, b: number): number {
  const verb = (toks[v] as Token).lower;
  let k = v + 1;
  if (verb === 'told' || verb === 'tells') {
    // `told reporters`, `told the council`, `told Reuters`: skip the listener.
    let n = 0;
    while (k < b && n < 4 && (toks[k] as Token).lower !== 'that') {
      const t = toks[k] as Token;
      k++;
      n++;
      if (t.trail !== '') break;
    }
  }
  for (let i = k; i < b && i < k + 9; i++) {
    const t = toks[i] as Token;
    if (t.lower === 'that' && t.trail === '') return i + 1;
    if (t.trail !== '' && t.trail !== ',') break;
  }
  // `said on Tuesday it would ...`, `said last week the plan ...`: step over a short time phrase.
  const time = /^(on|last|this|next|early|late)$/.test(toks[k]?.lower ?? '') ? k : -1;
  if (time >= 0) {
    const unit = toks[k + 1];
    if (
      unit &&
      unit.trail === '' &&
      /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night)$/.test(
        unit.lower,
      )
    )
      k += 2;
  } else if (/^(yesterday|today|tonight)$/.test(toks[k]?.lower ?? '') && toks[k]?.trail === '') k += 1;
  const first = toks[k];
  if (!first || (toks[k - 1] as Token).trail !== '' || NOT_CLAUSE_START.has(first.lower)) return -1;
  if (
    !['said', 'says', 'told', 'tells', 'added', 'adds', 'argued', 'claimed', 'warned', 'insisted'].includes(
      verb,
    )
  )
    return -1;
  return k;
}

/** Finds indirect quotes in sentences not already covered by direct ones. */
export function indirectQuotes(
  ctx: ArticleContext,
  covered: (para: number, start: number, end: number) => boolean,
): IndirectQuote[] {
  const out: IndirectQuote[] = [];
  ctx.paras.forEach((para: Para, p) => {
    for (const s of para.sentences as Sentence[]) {
      checkBudget();
      if (covered(p, s.start, s.end) || /[?]$/.test(s.text)) continue;
      const hit = reported(ctx, para, s);
      if (hit) out.push({ para: p, ...hit });
    }
  });
  return out;
}

function reported(ctx: ArticleContext, para: Para, s: Sentence): Omit<IndirectQuote, 'para'> | null {
  const [a, b] = tokenRange(para, s.start, s.end);
  const toks = para.tokens;
  // Subject at the sentence start, or after a short introductory phrase (`On Monday, Ortega said ...`).
  const starts = [a];
  // A dateline (`SAN MATEO, Calif., Jan. 23 —`) is not part of the sentence's grammar.
  for (let i = a; i < b && i < a + 12; i++) {
    if (
      /^[—–]$|^--$/.test(
        para.text.slice((toks[i] as Token).start - (toks[i] as Token).lead.length, (toks[i] as Token).end),
      )
    ) {
      starts.push(i + 1);
      break;
    }
  }
  for (let i = a; i < b && i < a + 10; i++) {
    if ((toks[i] as Token).trail.startsWith(',')) {
      starts.push(i + 1);
      break;
    }
  }
  for (const s0 of starts) {
    for (let v = s0 + 1; v < b && v < s0 + 30; v++) {
      const vt = toks[v] as Token;
      if (!REPORTING_VERBS.has(vt.lower) || vt.lower.endsWith('ing') || vt.word !== vt.lower) {
        if (/[.;:!?]/.test(vt.trail)) break;
        continue;
      }
      let e = v;
      while (e > s0 && ADVERBS.has((toks[e - 1] as Token).lower)) e--;
      let attribution: Attribution | undefined;
      // `Mayor Elena Ruiz, who had threatened a veto, said ...`: the subject ends at the first comma.
      if ((toks[e - 1] as Token | undefined)?.trail.startsWith(',')) {
        for (let k = s0; k < e - 1; k++) {
          if ((toks[k] as Token).trail.startsWith(',')) {
            attribution = speakerPhrase(ctx, para, s0, k + 1, vt.lower);
            break;
          }
        }
      }
      // The subject opens the clause: only a connective (`But`, `Later`) may come before it.
      for (let x = s0; x < e && x <= s0 + 2 && !attribution; x++) {
        if (x > s0 && !SENTENCE_OPENERS.has((toks[x - 1] as Token).lower)) break;
        attribution = speakerPhrase(ctx, para, x, e, vt.lower);
      }
      if (!attribution?.entity) break;
      const c = clauseStart(toks, v, b);
      if (c < 0 || b - c < 4) break;
      return {
        start: (toks[c] as Token).start,
        end: clauseEnd(para, s),
        attribution,
      };
    }
  }
  // `Police arrested a man on Monday, the department said.`: a reporter's paraphrase with a final attribution
  // (first-person clauses were taken as lost-mark quotes before this pass runs).
  const final = finalAttribution(ctx, para, s);
  if (final?.attribution.entity) {
    let start = s.start;
    for (let i = a; i < b && i < a + 12; i++) {
      const t = toks[i] as Token;
      if (/^[—–]$|^--$/.test(t.word)) {
        start = (toks[i + 1] as Token | undefined)?.start ?? start;
        break;
      }
    }
    if (final.clauseEnd - start > 20) return { start, end: final.clauseEnd, attribution: final.attribution };
  }
  // `According to Osei, the overtime line will grow ...` / `..., according to Osei.`
  let accordingAt = -1;
  for (let i = a; i < b - 2; i++) {
    if ((toks[i] as Token).lower === 'according' && toks[i + 1]?.lower === 'to') {
      accordingAt = i;
      break;
    }
  }
  if (accordingAt === a) {
    for (let k = a + 2; k < b - 4 && k < a + 10; k++) {
      if (!(toks[k] as Token).trail.startsWith(',')) continue;
      const attribution = speakerPhrase(ctx, para, a + 2, k + 1, 'according to');
      if (attribution?.entity)
        return { start: (toks[k + 1] as Token).start, end: clauseEnd(para, s), attribution };
      break;
    }
  } else if (accordingAt > a + 3 && (toks[accordingAt - 1] as Token).trail.startsWith(',')) {
    const attribution = speakerPhrase(ctx, para, accordingAt + 2, b, 'according to');
    if (attribution?.entity)
      return { start: (toks[a] as Token).start, end: (toks[accordingAt - 1] as Token).end, attribution };
  }
  // `..., adding that Russia has been the most aggressive foreign actor`.
  for (let i = a + 2; i < b - 4; i++) {
    const t = toks[i] as Token;
    if (!/^(adding|saying|noting|warning|arguing|insisting|stressing)$/.test(t.lower)) continue;
    if (!(toks[i - 1] as Token).trail.startsWith(',') || (toks[i + 1] as Token).lower !== 'that') continue;
    const attribution = mainSubject(ctx, para, a, i, t.lower);
    if (!attribution?.entity) return null;
    return { start: (toks[i + 2] as Token).start, end: clauseEnd(para, s), attribution };
  }
  return null;
}

/** The sentence end without its final punctuation. */
function clauseEnd(para: Para, s: Sentence): number {
  let e = s.end;
  while (e > s.start && /[.!?;:,"”’\s]/.test(para.text[e - 1] as string)) e--;
  return e;
}
