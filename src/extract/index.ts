/**
 * Extraction for one article: direct quotes (marked, split, partial, multi-paragraph, and marks lost), indirect
 * quotes, speakers resolved within the article, and facts. Pure: the same article always gives the same result.
 *
 * Choices worth knowing:
 * - Marks lost: a clause before a sentence-final attribution (`..., Putin said.`) is a direct quote when it is in
 *   the first person, or, in an article with no quote marks at all, when its speaker is known; first-person
 *   sentences around it join it. Partial quotes whose marks were lost inside reported speech (seed 003: Coats
 *   "cautioned that warning lights are blinking red again") cannot be told from paraphrase, so they come out as
 *   indirect quotes with the right speaker rather than as invented direct ones.
 * - A split quote (`"A," she said. "B."`) gives two quotes with the same speaker; a multi-paragraph quote is one.
 * - Indirect quotes are kept only when their speaker is known; direct quotes keep a null speaker.
 */

import { articleBudgetMs, checkBudget, withinBudget } from '../budget.ts';
import { SPEAKER_SHOWN_MIN } from '../trust.ts';
import type { Article, Extraction, Fact, Quote, QuoteEvidence } from '../types.ts';
import type { Attribution } from './attribution.ts';
import { calibrated } from './calibration.ts';
import { buildContext } from './context.ts';
import { directQuotes } from './direct.ts';
import { findFacts } from './facts.ts';
import { indirectQuotes } from './indirect.ts';
import { pluralPeopleNoun } from './lexicon.ts';
import { findSpans, hasNoQuoteMarks } from './spans.ts';
import { findTurns } from './transcript.ts';
import { unmarkedQuotes } from './unmarked.ts';

/** Character ranges per paragraph already claimed by a quote, kept sorted so a lookup is a binary search. */
class Coverage {
  private readonly byPara = new Map<number, Array<[number, number]>>();
  add(para: number, start: number, end: number): void {
    let list = this.byPara.get(para);
    if (!list) {
      list = [];
      this.byPara.set(para, list);
    }
    const i = this.firstEndingAfter(list, start);
    list.splice(i, 0, [start, end]);
  }
  /** Index of the first range whose end is > pos (ranges never overlap, so ends are sorted too). */
  private firstEndingAfter(list: Array<[number, number]>, pos: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as [number, number])[1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** True when [start, end) overlaps a claimed range. */
  overlaps = (para: number, start: number, end: number): boolean => {
    const list = this.byPara.get(para);
    if (!list) return false;
    const r = list[this.firstEndingAfter(list, start)];
    return r !== undefined && r[0] < end;
  };
}

/**
 * A speaker name as shown: never with debris from the page (quote marks, markup, dashes, digits, an exclamation
 * glued to the next word). A name that cannot be cleaned is no name.
 */
export function cleanSpeaker(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = name.replace(/\s+/g, ' ').trim();
  if (/["“”«»„<>{}[\]|*_#@\\!?;:]|[—–]|\d|\s-|-\s|^-|-$/.test(n)) return null;
  if (!/^[\p{Lu}]|^(the|de|van|von|al|el|la|le|da|di|du|ibn|bin) /u.test(n)) return null;
  // `Qaeda-linked`, `House-era`: a capitalised word made into an adjective is no name.
  // (`Ban Ki-moon`, `Kim Jong-un` keep their hyphens; `Texas-based Matt Lowe` is Matt Lowe.)
  const adjective =
    /\p{L}-(linked|era|based|born|led|backed|style|like|ish|esque|funded|owned|affiliated|controlled|run|aligned)\b/u;
  const words = n.split(' ');
  // (`Aides`, `Advisers`: a plural common noun for people is never a speaker's name.)
  if (words.length === 1 && pluralPeopleNoun(n)) return null;
  while (words.length > 2 && adjective.test(words[0] as string)) words.shift();
  if (adjective.test(words.join(' '))) return null;
  return words.join(' ');
}

function speakerOf(att: Attribution | undefined): Pick<Quote, 'speaker' | 'role' | 'verb'> {
  if (!att) return { speaker: null, role: null, verb: null };
  const e = att.entity;
  const speaker = cleanSpeaker(e?.name);
  if (e && !speaker) return { speaker: null, role: null, verb: att.verb };
  return {
    speaker,
    role: e ? (e.type === 'org' ? null : (att.role ?? e.roles[0] ?? null)) : null,
    verb: att.verb,
  };
}

/** How the speaker was found. `near` is true when the attribution sits next to the quote (or its clause). */
function evidenceOf(
  att: Attribution | undefined,
  how: {
    near: boolean;
    inherited?: boolean;
    nextSentence?: boolean;
    previousSentence?: boolean;
    subjectOnly?: boolean;
    unmarked?: boolean;
  },
): QuoteEvidence {
  if (!att?.entity) return 'none';
  if (att.via === 'pronoun')
    return att.strength === 'continuity'
      ? 'pronoun-continuity'
      : att.strength === 'unique'
        ? 'pronoun-unique'
        : 'pronoun-ambiguous';
  if (att.via !== 'name') return 'role';
  if (how.subjectOnly) return 'subject';
  if (att.loneWord) return 'lone-word';
  if (how.nextSentence) return 'next-sentence';
  if (how.previousSentence) return 'previous-sentence';
  if (how.unmarked) return 'unmarked';
  if (how.inherited) return 'inherited';
  return how.near ? 'name' : 'name-sentence';
}

/** English words so common that a page in English is full of them (a sixth to a third of its words; under 7% in
 * the German, French and Japanese pages measured). */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is that for on with as was at by he it said from his her are be has have this but not they an who were their had she i we you'.split(
    ' ',
  ),
);
/** Below this share of English function words, an article is taken for another language. */
const ENGLISH_SHARE_MIN = 0.08;
/** The confidence of a name found in an article in another language: under SPEAKER_SHOWN_MIN. */
const NOT_ENGLISH_CONFIDENCE = 0.5;

/** Whether the article reads as English (checked on its first 2,000 words). */
export function readsAsEnglish(paragraphs: readonly string[]): boolean {
  let all = 0;
  let common = 0;
  for (const p of paragraphs) {
    for (const m of p.toLowerCase().matchAll(/\p{L}+/gu)) {
      all++;
      if (ENGLISH_FUNCTION_WORDS.has(m[0])) common++;
      if (all >= 2000) return common / all >= ENGLISH_SHARE_MIN;
    }
  }
  return all < 30 || common / all >= ENGLISH_SHARE_MIN;
}

/** Evidence and its calibrated confidence (a nameless quote keeps a low, non-zero confidence in being a quote). */
function trust(evidence: QuoteEvidence): Pick<Quote, 'evidence' | 'confidence'> {
  return { evidence, confidence: evidence === 'none' ? 0.5 : calibrated(evidence) };
}

/** A quote whose text is one span of one paragraph (unmarked and indirect quotes; direct ones may span several). */
function spanQuote(
  paragraphs: readonly string[],
  span: { para: number; start: number; end: number; attribution?: Attribution | undefined },
  kind: Quote['kind'],
  how: { unmarked?: boolean; inherited?: boolean },
): Quote {
  const who = speakerOf(span.attribution);
  return {
    text: paragraphs[span.para]?.slice(span.start, span.end) ?? '',
    ...who,
    kind,
    paragraph: span.para,
    start: span.start,
    end: span.end,
    ...trust(who.speaker ? evidenceOf(span.attribution, { near: true, ...how }) : 'none'),
  };
}

export { EXTRACTOR_VERSION } from './version.ts';

/** Extracts quotes and facts from one article. Offsets index into `article.paragraphs[paragraph]`. */
/**
 * Quotes and facts of one article, within its time budget (src/budget.ts): past it, throws OverBudget and the
 * caller reports the article instead of waiting on it.
 */
export function extract(article: Article, budgetMs = articleBudgetMs()): Extraction {
  return withinBudget(budgetMs, () => extractAll(article));
}

function extractAll(article: Article): Extraction {
  const paragraphs = article.paragraphs ?? [];
  const spans = findSpans(paragraphs);
  const bases: number[] = [];
  let base = 0;
  for (const p of paragraphs) {
    bases.push(base);
    base += p.length + 1;
  }
  const ranges = spans.map(
    (s) => [(bases[s.para] ?? 0) + s.open, (bases[s.para] ?? 0) + s.close + 1] as [number, number],
  );
  const ctx = buildContext(paragraphs, ranges);
  const coverage = new Coverage();
  const quotes: Quote[] = [];

  // Transcript turns first: a turn is one quote, whatever marks it holds.
  const turns = findTurns(ctx);
  const turnParas = new Set(turns.map((t) => t.para));
  for (const t of turns) {
    checkBudget();
    coverage.add(t.para, 0, paragraphs[t.para]?.length ?? 0);
    quotes.push({
      text: paragraphs[t.para]?.slice(t.start, t.end) ?? '',
      speaker: cleanSpeaker(t.entity?.name),
      role: t.entity && t.entity.type !== 'org' ? (t.entity.roles[0] ?? null) : null,
      kind: 'direct',
      verb: null,
      paragraph: t.para,
      start: t.start,
      end: t.end,
      ...trust(t.entity && cleanSpeaker(t.entity.name) ? (t.sure ? 'transcript' : 'interviewee') : 'none'),
    });
  }

  for (const d of directQuotes(
    ctx,
    spans.filter((s) => !turnParas.has(s.para)),
  )) {
    const first = d.parts[0];
    const last = d.parts.at(-1);
    if (!first || !last) continue;
    const text = d.parts.map((p) => paragraphs[p.para]?.slice(p.innerStart, p.innerEnd) ?? '').join(' ');
    for (const p of d.parts) coverage.add(p.para, p.open, p.close + 1);
    const who = speakerOf(d.attribution);
    const evidence = who.speaker
      ? evidenceOf(d.attribution, {
          near: d.adjacent,
          inherited: d.inherited,
          nextSentence: d.nextSentence,
          previousSentence: d.previousSentence,
          subjectOnly: d.subjectOnly,
        })
      : 'none';
    quotes.push({
      text,
      ...who,
      kind: 'direct',
      paragraph: first.para,
      start: first.innerStart,
      end: last.innerEnd,
      ...trust(evidence),
    });
  }

  const lostMarks = hasNoQuoteMarks(paragraphs);
  for (const u of unmarkedQuotes(ctx, lostMarks, coverage.overlaps)) {
    coverage.add(u.para, u.start, u.end);
    quotes.push(spanQuote(paragraphs, u, 'direct', { unmarked: true, inherited: u.continuation }));
  }

  const directCoverage = coverage.overlaps;
  for (const q of indirectQuotes(ctx, directCoverage)) {
    // A document's words are quoted from it; what a report "states" in paraphrase is a sourced fact, not speech.
    if (q.attribution.entity?.name.startsWith('the ')) continue;
    // A paraphrase cut inside a quoted fragment (`the mayor is also a “safe pair`) would show a stray mark.
    const marks = (paragraphs[q.para] ?? '').slice(q.start, q.end).match(/["“”]/g)?.length ?? 0;
    if (marks % 2 === 1) continue;
    quotes.push(spanQuote(paragraphs, q, 'indirect', {}));
  }

  quotes.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
  // The rules read English: in an article written in another language (`„…“, sagt die Sprecherin`), a capitalised
  // word they take for a name is as likely a noun. A name found there is only ever offered as "possibly".
  if (!readsAsEnglish(paragraphs))
    for (const q of quotes)
      if (q.speaker && q.confidence >= SPEAKER_SHOWN_MIN) q.confidence = NOT_ENGLISH_CONFIDENCE;
  const facts: Fact[] = findFacts(ctx, directCoverage);
  return { quotes, facts };
}
