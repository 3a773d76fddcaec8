/**
 * Direct quotes from quote marks: attribution after or before the marks, split quotes sharing one attribution,
 * multi-paragraph quotes, and the filter that drops scare quotes and quoted titles.
 */

import { checkBudget } from '../budget.ts';
import {
  type Attribution,
  attributionAfter,
  attributionBefore,
  attributionDash,
  attributionNextSentence,
  attributionPreviousSentence,
  mainSubject,
  tokenRange,
} from './attribution.ts';
import { type ArticleContext, sentenceAt } from './context.ts';
import { NAMING_CUES, PERSONS_BODY, SPEECH_VERBS, TITLE_NOUNS } from './lexicon.ts';
import { readsAsPerson } from './names.ts';
import type { Span } from './spans.ts';
import type { Token } from './tokens.ts';
import { finalAttribution } from './unmarked.ts';

/** A direct quote before it becomes a `Quote`: the spans it covers and how it was attributed. */
export interface DirectCandidate {
  parts: Span[];
  attribution: Attribution | undefined;
  /** Attribution borrowed from a neighbouring quote by the same speaker. */
  inherited: boolean;
  /** The attribution sits right next to the marks (`," she said`), as opposed to a verb earlier in the sentence. */
  adjacent: boolean;
  /** The speech verb opens the next sentence (`"..." The senator then said`). */
  nextSentence: boolean;
  /** The sentence before reports the speaker's words (`Lynch announced the suit. "We are seeking ..."`). */
  previousSentence: boolean;
  /** No verb of saying: the sentence's subject, a named person, is taken as the speaker. */
  subjectOnly: boolean;
}

/** A stretch in quotation marks, marks included. */
const QUOTED = /["“”«»][^"“”«»]*["“”«»]/g;

const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;

/** The quoted words look like a title (`The Last Harbor`, `Deep State`): every content word capitalised. */
function looksLikeTitle(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8 || /[.!?,;:]$/.test(text)) return false;
  const small = /^(a|an|the|of|and|or|in|on|at|to|for|with|from|by|de|la)$/;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && small.test(w)));
}

/** A naming cue right before the opening mark: `so-called "X"`, `the film "X"`, `a group called "X"`. */
function namedBefore(tokens: Token[], openIdx: number, capitalised: boolean): boolean {
  for (let i = openIdx - 1; i >= 0 && i >= openIdx - 3; i--) {
    const t = tokens[i] as Token;
    // A cue in the previous sentence (`who led the study. 'When ...`) names nothing here.
    if (/[.!?;:]/.test(t.trail)) break;
    // `a group called "X"` names; `what he called "X"` quotes him.
    const callerSpeaks = /^(he|she|they|we|i|it|what)$/.test(tokens[i - 1]?.lower ?? '');
    if (NAMING_CUES.has(t.lower) || (t.lower === 'called' && i === openIdx - 1 && !callerSpeaks)) return true;
    // `the film "The Long Tide"` names a title; `called the film "patient, furious"` quotes a judgement.
    if (capitalised && TITLE_NOUNS.has(t.lower) && i >= openIdx - 2) return true;
    if (t.lower === 'known' && tokens[i + 1]?.lower === 'as') return true;
    if (t.lower === 'called' && tokens[i - 1]?.lower === 'so') return true;
    if (t.trail !== '' && i < openIdx - 1) break;
  }
  return false;
}

/** Text right after a closing mark that attributes the quote: `," a spokeswoman said`, `," said one analyst`. */
const ATTRIBUTION_TAIL =
  /^[\s,—–-]*(?:(?:[\p{L}'’.-]+\s+){0,6}(?:said|says|told|added|wrote|asked|explained|noted|replied|responded|countered|joked|(?:shot|fired) back)\b|(?:said|says|added)\s)/u;

/** Words that may follow a short partial quote without making it part of a noun phrase (`"paused" while ...`). */
const FOLLOWS_SPEECH =
  /^\s+(he|she|they|it|we|said|says|added|told|wrote|according|while|and|but|because|as|when|after|before|since|though|although|if|unless|or|so|then|to|in|on|at|for|from|by|with|until|despite)\b/u;

/** Groups spans into quotes (a multi-paragraph quote is one group) and attributes each. */
export function directQuotes(ctx: ArticleContext, spans: Span[]): DirectCandidate[] {
  const groups: Span[][] = [];
  for (const s of spans) {
    const last = groups.at(-1);
    if (s.continues && last && !(last.at(-1) as Span).closed) last.push(s);
    else groups.push([s]);
  }
  const out: Array<DirectCandidate & { keep: boolean; words: number }> = [];
  const prevClose = new Map<number, number>();
  for (const parts of groups) {
    checkBudget();
    const first = parts[0] as Span;
    const lastPart = parts.at(-1) as Span;
    const para = ctx.paras[first.para];
    if (!para) continue;
    const text = parts.map((p) => ctx.paras[p.para]?.text.slice(p.innerStart, p.innerEnd) ?? '').join(' ');
    const words = wordCount(text);
    const openSentence = sentenceAt(para.sentences, first.open);
    const sentenceStart = openSentence?.start ?? 0;
    const prevEnd = prevClose.get(first.para) ?? 0;
    const segStart = Math.max(sentenceStart, prevEnd);
    const before = attributionBefore(ctx, para, segStart, first.open, sentenceStart);
    let after: Attribution | undefined;
    // Attribution after the marks lives in the paragraph where the quote closes.
    const closePara = ctx.paras[lastPart.para];
    if (lastPart.closed && closePara) {
      const closeSentence = sentenceAt(closePara.sentences, lastPart.close);
      let sentenceEnd = Math.max(closeSentence?.end ?? closePara.text.length, lastPart.close + 1);
      // `"What do residents use every day?" Natarajan said.`: the splitter ends the sentence at `?"`, but a
      // question, an exclamation or a trailing-off (`"... before I pick…" Quill said.`) inside the marks does not
      // end the attribution's sentence.
      if (
        sentenceEnd === lastPart.close + 1 &&
        /(?:[?!]|…|\.\.\.)['"]?\s*$/.test(closePara.text.slice(lastPart.innerStart, lastPart.close))
      ) {
        const next = sentenceAt(closePara.sentences, lastPart.close + 2);
        if (next && next.start > lastPart.close) sentenceEnd = next.end;
      }
      after = attributionAfter(ctx, closePara, lastPart.close + 1, sentenceEnd);
    }
    // (The previous quote's end bounds this one's attribution search; set once this quote is known to be kept.)
    // A nameless attribution after the marks (`," an aide said`) yields to a named one before them.
    let attribution = after?.entity ? after : (before ?? after);
    let nextSentence = false;
    if (!attribution && lastPart.closed && closePara) {
      const tailText = closePara.text.slice(lastPart.close + 1);
      // `“...” — Maria Alvarez, 54, a nurse` / a line of its own below the quote: the vox-pop credit.
      attribution = attributionDash(ctx, closePara, lastPart.close + 1);
      const nextPara = ctx.paras[lastPart.para + 1];
      if (!attribution && tailText.trim() === '' && nextPara && nextPara.text.length < 160)
        attribution =
          attributionDash(ctx, nextPara, 0) ??
          // (A bare name, only below a paragraph that is the quote and nothing else.)
          (first.para === lastPart.para && para.text.slice(0, first.open).trim() === ''
            ? attributionDash(ctx, nextPara, 0, true)
            : undefined);
      // `"..." because she would widen her lead, he said.`: a clause after the marks, then the sentence's own final
      // attribution (`, he said.`, `, said Tom Fallow, an analyst.`), with no other quote between.
      if (!attribution && /^\s*\p{Ll}/u.test(tailText)) {
        const s = sentenceAt(closePara.sentences, lastPart.close + 1);
        const final = s ? finalAttribution(ctx, closePara, s) : null;
        // (A short fragment between, `and bring candidates the "ground-game muscle" they need, Tom Fallow said.`, is
        // part of the same reported sentence.)
        const between = final ? closePara.text.slice(lastPart.close + 1, final.clauseEnd) : '';
        const fragments = between.match(QUOTED) ?? [];
        if (
          final &&
          final.clauseEnd > lastPart.close &&
          fragments.every((f) => wordCount(f) <= 4) &&
          !/["“”«»]/.test(between.replace(QUOTED, ''))
        )
          attribution = final.attribution;
      }
      // `“It was rigged.” The senator then said ...`: a whole-sentence quote, the verb opening the next sentence.
      if (
        !attribution &&
        /[.!?]["”'’]*$/.test(closePara.text.slice(lastPart.innerStart, lastPart.close + 1))
      ) {
        const next = sentenceAt(closePara.sentences, lastPart.close + 2);
        if (next && next.start > lastPart.close) {
          attribution = attributionNextSentence(ctx, closePara, lastPart.close + 1, next.end);
          nextSentence = attribution !== undefined;
        }
      }
    }
    // `Lynch announced the suit on Monday. “We are seeking ...”`: the sentence before, when it reports speech.
    let previousSentence = false;
    if (!attribution && lastPart.closed && first.para === lastPart.para && words >= 3) {
      const opens = para.text.slice(sentenceStart, first.open).trim() === '';
      const prevSentence = opens ? sentenceAt(para.sentences, sentenceStart - 1) : null;
      if (prevSentence && prevSentence.start < sentenceStart && prevSentence.start >= prevEnd) {
        attribution = attributionPreviousSentence(ctx, para, prevSentence.start, prevSentence.end);
        previousSentence = attribution !== undefined;
      }
    }
    // A paragraph that is only a quote, after a paragraph whose last sentence reports its speaker's words
    // (`Clinton touted her record. She said she would fight.` / `"We need ..."`).
    const before1 = ctx.paras[first.para - 1];
    if (!attribution && before1 && startsParagraph(ctx, first) && lastPart.closed && words >= 3) {
      const closeText = ctx.paras[lastPart.para]?.text ?? '';
      const last = before1.sentences.at(-1);
      // (`“...”` / `“...”`: a paragraph of quotes alone, a line each, is theirs too.)
      const rest = closeText.slice(lastPart.close + 1).replace(/[“"][^“”"]*[”"]/g, '');
      if (rest.trim() === '' && last && !/["“”]/.test(before1.text.slice(last.start))) {
        attribution = attributionPreviousSentence(ctx, before1, last.start, last.end);
        previousSentence = attribution !== undefined;
      }
    }
    // `Bolton thought the buzz was a tribute to "the skills of her husband."`: a partial quote inside a sentence whose
    // subject is a named person and no verb of saying; weaker evidence, calibrated on its own.
    let subjectOnly = false;
    if (!attribution && lastPart.closed && first.para === lastPart.para && words >= 3) {
      const inside = para.text.slice(segStart, first.open).trim() !== '';
      const [s0] = tokenRange(para, segStart, segStart);
      const [o] = tokenRange(para, first.open, first.open);
      // (A short label running on into the sentence, `a pilot and "child of the harbor" who quit`, is no quote.)
      const rest = ctx.paras[lastPart.para]?.text.slice(lastPart.close + 1, lastPart.close + 4) ?? '';
      const endsSentence = /[.!?]["”’']*$/.test(text) || /^\s*[.!?]|^\s*$/.test(rest);
      const subject =
        inside && (words >= 5 || endsSentence) ? mainSubject(ctx, para, s0, o, 'said') : undefined;
      // Only a person the article names in full (`Global said` under a headline, `My`, `Worse` opening a
      // sentence are no one).
      const e = subject?.entity;
      if (
        e?.type === 'person' &&
        subject?.via === 'name' &&
        !subject.loneWord &&
        e.name.includes(' ') &&
        readsAsPerson(e)
      ) {
        attribution = subject;
        subjectOnly = true;
      } else if (
        // (Or a person's campaign a role stands for: `The ad targets a "..."` for the ad Quill runs.)
        (e?.type === 'person' ||
          (e?.type === 'org' && subject?.via === 'role' && PERSONS_BODY.test(e.name))) &&
        (subject?.via === 'pronoun' ||
          // (A title only with no verb of saying before the quote: in `one trustee said the commissioner is "..."`
          // the title is whom the words are about.)
          (subject?.via === 'role' &&
            !para.tokens
              .slice(s0, o)
              .some((t) => SPEECH_VERBS.has(t.lower) && !ctx.inQuote(para.base + t.start))))
      ) {
        // `She vows to "defend the fund" before ...`: a `he` or `she` for the subject is a weaker guess still;
        // whoever the pronoun means, never more than "possibly". So is a title for them (`the former harbor commissioner
        // spoke of the "gains ..."`).
        attribution = { ...subject, strength: 'ambiguous' };
        subjectOnly = true;
      }
    }
    // `It makes the work harder, he said. Facts can still win, but only when "the truth is more fun."`: a partial quote in
    // the sentence after one that ends in its speaker's attribution carries on that reported speech. Only "possibly".
    if (!attribution && lastPart.closed && first.para === lastPart.para && words >= 3 && sentenceStart > 0) {
      const prevSentence = sentenceAt(para.sentences, sentenceStart - 1);
      const final =
        prevSentence && prevSentence.start < sentenceStart && prevSentence.start >= prevEnd
          ? finalAttribution(ctx, para, prevSentence)
          : null;
      if (
        final?.attribution.entity?.type === 'person' &&
        prevSentence &&
        !/["“”«»]/.test(para.text.slice(prevSentence.start, first.open))
      ) {
        attribution = { ...final.attribution, strength: 'ambiguous' };
        subjectOnly = true;
      }
    }
    // `He then read from a prepared statement:` closing the previous paragraph introduces this one.
    const prevPara = ctx.paras[first.para - 1];
    if (!attribution && prevPara && startsParagraph(ctx, first) && /:\s*$/.test(prevPara.text)) {
      const last = prevPara.sentences.at(-1);
      if (last) attribution = attributionBefore(ctx, prevPara, last.start, prevPara.text.length, last.start);
    }
    const [openTok] = tokenRange(para, first.open + 1, first.open + 1);
    const named = namedBefore(para.tokens, openTok, /^\p{Lu}/u.test(text));
    const adjacent =
      (after !== undefined && after.via !== 'none') ||
      (before !== undefined && /[,:]\s*$/.test(para.text.slice(segStart, first.open)) && words >= 1);
    let keep = !named;
    const prevQuote = out.at(-1);
    // `"Polls don't vote," he said. "People vote."`: the second half of a split quote needs no attribution.
    const continuesSplit =
      prevQuote?.keep === true &&
      prevQuote.attribution !== undefined &&
      (prevQuote.parts.at(-1) as Span).para === first.para &&
      /^[^"“”]*$/.test(para.text.slice((prevQuote.parts.at(-1) as Span).close + 1, first.open)) &&
      para.text.slice((prevQuote.parts.at(-1) as Span).close + 1, first.open).length < 120;
    if (keep && attribution && !attribution.entity && attribution.via === 'none' && words < 3) {
      // `"outraged," one aide said`: a one- or two-word fragment with a nameless attribution is a label.
      keep = false;
    } else if (keep && !attribution) {
      // No attribution: only long stretches of speech count (a lone sentence in quotes between quoted paragraphs).
      keep = (words >= 5 || continuesSplit) && !looksLikeTitle(text);
    } else if (keep && !adjacent) {
      // A verb earlier in the sentence frames the quote; a one- or two-word span there is a scare quote.
      keep = words >= 3 || (words >= 2 && SPEECH_VERBS.has(attribution?.verb ?? ''));
      if (looksLikeTitle(text) && words <= 4) keep = false;
      // `its own "buy local" policy`: a short span that a noun phrase carries on after is a label, not speech.
      const after = lastPart.closed
        ? (ctx.paras[lastPart.para]?.text.slice(lastPart.close + 1, lastPart.close + 40) ?? '')
        : '';
      if (words <= 3 && /^\s+\p{Ll}/u.test(after) && !FOLLOWS_SPEECH.test(after)) keep = false;
    }
    // One or two quoted words inside a sentence (`called the plan "a joke."`, `the "billionaire class"`) are a
    // fragment, not a quote; they stand as speech only as a whole utterance with its own attribution after it
    // (`"Enough," she said.`, `"Really?" he asked.`).
    // (`"Polls don't vote," he said. "People vote."`: the second half of a split quote opens its own sentence.)
    if (keep && words <= 2) {
      const opens =
        para.text.slice(sentenceStart, first.open).trim() === '' ||
        /[.!?:]\s*$/.test(para.text.slice(segStart, first.open));
      keep = opens && (after !== undefined || continuesSplit);
    }
    // A dropped fragment (`“historic” because it would “change the whole harbor”`) does not cut the sentence's
    // attribution off from the next quote.
    if (keep) prevClose.set(lastPart.para, lastPart.close + 1);
    // The person just quoted is the likeliest antecedent of the next `he said`.
    // (A dropped fragment with a name right after it, `"strategic," said Jo Hale.`, still names who spoke.)
    // (So is a person an epithet stands for, `"...," the Republican candidate said`, though only "possibly" them.)
    const marked = keep
      ? (attribution?.strength !== 'ambiguous' ||
          (attribution.via === 'role' && attribution.entity?.type === 'person')) &&
        !subjectOnly
        ? attribution
        : undefined
      : attribution === after && after?.via === 'name'
        ? after
        : undefined;
    if (marked?.entity) {
      ctx.table.markSpeaker(marked.entity, marked.pos, marked.strength === 'ambiguous');
      if (marked.via === 'name' && marked.entity.type === 'person' && marked.entity.name.includes(' '))
        marked.entity.spoke = true;
    }
    out.push({
      parts,
      attribution,
      inherited: false,
      adjacent,
      nextSentence,
      previousSentence,
      subjectOnly,
      keep,
      words,
    });
  }
  // Split quotes and unattributed quoted paragraphs borrow the speaker of the nearest attributed neighbour.
  for (let i = 0; i < out.length; i++) {
    const q = out[i] as (typeof out)[number];
    if (!q.keep || q.attribution) continue;
    const para = (q.parts[0] as Span).para;
    // The nearest kept neighbours: a title or fragment dropped in between does not break a speaker's run.
    let pi = i - 1;
    while (pi >= 0 && !(out[pi] as (typeof out)[number]).keep) pi--;
    let ni = i + 1;
    while (ni < out.length && !(out[ni] as (typeof out)[number]).keep) ni++;
    const prev = out[pi];
    const next = out[ni];
    const prevPara = prev ? (prev.parts.at(-1) as Span).para : -1;
    // `a "change agent," Cole said. "..."`: a dropped fragment right before, with its own attribution after it,
    // still tells who speaks next.
    const before = out[i - 1];
    const beforeLast = before?.parts.at(-1) as Span | undefined;
    const gap =
      before && beforeLast && beforeLast.para === para
        ? (ctx.paras[para]?.text.slice(beforeLast.close + 1, (q.parts[0] as Span).open) ?? '')
        : null;
    const fragmentDonor =
      before &&
      !before.keep &&
      before.attribution?.entity &&
      gap !== null &&
      gap.length < 120 &&
      !/["“”]/.test(gap)
        ? before
        : undefined;
    const donor = fragmentDonor
      ? fragmentDonor
      : prev?.keep && prev.attribution && prevPara === para
        ? prev
        : next?.keep && next.attribution && (next.parts[0] as Span).para === para
          ? next
          : prev?.keep &&
              prev.attribution &&
              prevPara === para - 1 &&
              startsParagraph(ctx, q.parts[0] as Span)
            ? prev
            : sandwiched(ctx, q, prev, next)
              ? prev
              : undefined;
    // A quote followed by an attribution we could not resolve (`," a spokeswoman said`) has its own speaker.
    const last = q.parts.at(-1) as Span;
    const tail = ctx.paras[last.para]?.text.slice(last.close + 1, last.close + 80) ?? '';
    const ownAttribution = last.closed && ATTRIBUTION_TAIL.test(tail);
    if (donor && !ownAttribution) {
      q.attribution = donor.attribution;
      q.inherited = true;
      // Borrowed evidence is no stronger than the donor's.
      q.subjectOnly = donor.subjectOnly;
    }
  }
  return out.filter((q) => q.keep);
}

/**
 * A paragraph that is only a quote, between two paragraphs quoting the same named person a paragraph or two away
 * (`“...,” Fenwick notes.` / `Fenwick is hopeful ...` / `“...”` / `“...,” Fenwick notes.`): the run is theirs.
 */
function sandwiched(
  ctx: ArticleContext,
  q: DirectCandidate,
  prev: DirectCandidate | undefined,
  next: DirectCandidate | undefined,
): boolean {
  const first = q.parts[0] as Span;
  const last = q.parts.at(-1) as Span;
  const e = prev?.attribution?.entity;
  if (!prev || !next || !e || e.type !== 'person' || prev.attribution?.via !== 'name') return false;
  if (next.attribution?.entity !== e || next.attribution?.via !== 'name' || next.inherited) return false;
  const prevPara = (prev.parts.at(-1) as Span).para;
  const nextPara = (next.parts[0] as Span).para;
  if (
    first.para - prevPara > 2 ||
    first.para - prevPara < 1 ||
    nextPara - last.para > 2 ||
    nextPara <= last.para
  )
    return false;
  const rest = ctx.paras[last.para]?.text.slice(last.close + 1).trim() ?? 'x';
  return last.closed && startsParagraph(ctx, first) && rest === '';
}

/** The span opens its paragraph (nothing but whitespace before the mark). */
function startsParagraph(ctx: ArticleContext, span: Span): boolean {
  return (ctx.paras[span.para]?.text.slice(0, span.open).trim() ?? 'x') === '';
}
