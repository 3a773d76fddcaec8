/**
 * Extraction quality on the annotated fixtures (test/fixtures/eval): direct-quote precision/recall/F1, speaker
 * accuracy over found quotes, indirect-quote precision/recall, metadata accuracy, and fact recall (informational).
 *
 * Matching follows the Gender Gap Tracker's evaluation: a predicted quote counts when >= 30% of its words lie in a
 * true quote; a true quote is found when >= 30% of its words are covered by predictions. Words are located by
 * position in the article text (paragraphs joined by one space), so a common word elsewhere never counts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/articles/index.ts';
import { extract } from '../../src/extract/index.ts';
import { buildSpeakers } from '../../src/extract/speakers.ts';
import type { Article, CorpusArticle, Quote, QuoteKind } from '../../src/types.ts';

/** One annotated quote. */
export interface AnnotatedQuote {
  text: string;
  speaker: string | null;
  kind: QuoteKind;
}

/** One annotated article; `file` is the article id (`name.ext`, or `name.json#N` for the Nth of a JSON array). */
export interface AnnotatedArticle {
  file: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  quotes: AnnotatedQuote[];
  facts: string[];
}

/** The measured figures. */
export interface ExtractionScores {
  articles: number;
  direct: {
    predicted: number;
    correct: number;
    truth: number;
    found: number;
    precision: number;
    recall: number;
    f1: number;
  };
  speaker: { right: number; of: number; accuracy: number };
  indirect: {
    predicted: number;
    correct: number;
    truth: number;
    found: number;
    precision: number;
    recall: number;
  };
  metadata: { right: number; of: number; accuracy: number };
  facts: { truth: number; found: number; recall: number };
  /** Short per-article notes on what went wrong. */
  misses: string[];
}

/** Targets from issue 2. */
export const TARGETS = { directF1: 0.9, speaker: 0.9, metadata: 0.9 } as const;

const EVAL_DIR = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const MATCH = 0.3;

interface Span {
  from: number;
  to: number;
}

/** Word positions (start offsets) of the joined article text, for mapping character ranges to word sets. */
function wordStarts(text: string): number[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index ?? 0);
}

function wordsIn(starts: number[], span: Span): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as number;
    if (s >= span.from && s < span.to) out.add(i);
  }
  return out;
}

/** Normalises typography (quotes, dashes, spaces, case) one character for one, so offsets stay valid. */
function normalise(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch;
    if (c === '‘' || c === '’') c = "'";
    else if (c === '“' || c === '”') c = '"';
    else if (c === '–' || c === '—') c = '-';
    else if (/\s/.test(c)) c = ' ';
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

/** Where an annotated text sits in the joined article, or null; punctuation and spacing between words may differ. */
function locate(joinedNorm: string, text: string, used: Set<number>): Span | null {
  const words = normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const re = new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'),
    'gu',
  );
  let first: Span | null = null;
  for (const m of joinedNorm.matchAll(re)) {
    const span = { from: m.index ?? 0, to: (m.index ?? 0) + m[0].length };
    first ??= span;
    // The same words may appear twice (a summary bullet repeats a quote): take the first occurrence not used yet.
    if (!used.has(span.from)) {
      used.add(span.from);
      return span;
    }
  }
  return first;
}

const norm = (s: string | null | undefined): string | null =>
  s == null ? null : normalise(s).replace(/\/+$/, '').trim();

interface Scored {
  words: Set<number>;
  kind: QuoteKind;
  speaker: string | null;
  text: string;
}

function intersect(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const short = (s: string): string => (s.length > 48 ? `${s.slice(0, 45)}...` : s);
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Scores the extractor on the annotated fixtures. */
export async function scoreExtraction(dir = EVAL_DIR): Promise<ExtractionScores> {
  const annotations = JSON.parse(await readFile(`${dir}/annotations.json`, 'utf8')) as AnnotatedArticle[];
  const { articles, problems } = await loadArticles(`${dir}/articles`);
  const byId = new Map<string, Article>(articles.map((a) => [a.id, a]));
  const corpus: CorpusArticle[] = articles.map((a) => ({ ...a, ...extract(a) }));
  buildSpeakers(corpus);
  const extracted = new Map(corpus.map((a) => [a.id, a]));
  const misses: string[] = problems.map((p) => `load problem: ${p.file}: ${p.reason}`);

  const d = { predicted: 0, correct: 0, truth: 0, found: 0 };
  const ind = { predicted: 0, correct: 0, truth: 0, found: 0 };
  const spk = { right: 0, of: 0 };
  const meta = { right: 0, of: 0 };
  const facts = { truth: 0, found: 0 };

  for (const ann of annotations) {
    const article = byId.get(ann.file);
    const ex = extracted.get(ann.file);
    const notes: string[] = [];
    meta.of += 4;
    if (!article || !ex) {
      for (const q of ann.quotes) (q.kind === 'direct' ? d : ind).truth++;
      facts.truth += ann.facts.length;
      misses.push(`${ann.file}: not loaded`);
      continue;
    }
    for (const field of ['title', 'outlet', 'url', 'published'] as const) {
      if (norm(article[field]) === norm(ann[field])) meta.right++;
      else notes.push(`${field} ${JSON.stringify(article[field])} (want ${JSON.stringify(ann[field])})`);
    }
    // Paragraphs joined with one space: a multi-paragraph quote's text (parts joined by a space) stays findable.
    const bases: number[] = [];
    let joined = '';
    for (const p of article.paragraphs) {
      bases.push(joined.length);
      joined += `${p} `;
    }
    const joinedNorm = normalise(joined);
    const starts = wordStarts(joined);
    const predicted: Scored[] = ex.quotes.map((q: Quote) => {
      const from = (bases[q.paragraph] ?? 0) + q.start;
      return {
        words: wordsIn(starts, { from, to: from + q.text.length }),
        kind: q.kind,
        speaker: q.speaker,
        text: q.text,
      };
    });
    const used = new Set<number>();
    const truth: Scored[] = [];
    for (const q of ann.quotes) {
      const span = locate(joinedNorm, q.text, used);
      if (!span) notes.push(`annotation not in text: "${short(q.text)}"`);
      truth.push({
        words: span ? wordsIn(starts, span) : new Set(),
        kind: q.kind,
        speaker: q.speaker,
        text: q.text,
      });
    }
    for (const kind of ['direct', 'indirect'] as const) {
      const tally = kind === 'direct' ? d : ind;
      const preds = predicted.filter((p) => p.kind === kind);
      const trues = truth.filter((t) => t.kind === kind);
      tally.predicted += preds.length;
      tally.truth += trues.length;
      for (const p of preds) {
        const ok = p.words.size > 0 && trues.some((t) => intersect(p.words, t.words) / p.words.size >= MATCH);
        if (ok) tally.correct++;
        else notes.push(`spurious ${kind} "${short(p.text)}"`);
      }
      for (const t of trues) {
        const covered = new Set<number>();
        let best: Scored | null = null;
        let bestOverlap = 0;
        for (const p of preds) {
          const n = intersect(p.words, t.words);
          for (const w of p.words) if (t.words.has(w)) covered.add(w);
          if (n > bestOverlap) {
            bestOverlap = n;
            best = p;
          }
        }
        if (t.words.size === 0 || covered.size / t.words.size < MATCH) {
          notes.push(`missed ${kind} "${short(t.text)}"`);
          continue;
        }
        tally.found++;
        if (kind !== 'direct') continue;
        spk.of++;
        if ((best?.speaker ?? '').toLowerCase() === (t.speaker ?? '').toLowerCase()) spk.right++;
        else
          notes.push(
            `speaker ${JSON.stringify(best?.speaker ?? null)} for "${short(t.text)}" (want ${JSON.stringify(t.speaker)})`,
          );
      }
    }
    for (const f of ann.facts) {
      facts.truth++;
      const span = locate(joinedNorm, f, new Set());
      const words = span ? wordsIn(starts, span) : new Set<number>();
      const hit = ex.facts.some((x) => {
        const from = (bases[x.paragraph] ?? 0) + x.start;
        const fw = wordsIn(starts, { from, to: (bases[x.paragraph] ?? 0) + x.end });
        return words.size > 0 && intersect(fw, words) / words.size >= 0.5;
      });
      if (hit) facts.found++;
      else notes.push(`missed fact "${short(f)}"`);
    }
    if (notes.length > 0) misses.push(`${ann.file}: ${notes.join('; ')}`);
  }

  const precision = ratio(d.correct, d.predicted);
  const recall = ratio(d.found, d.truth);
  return {
    articles: annotations.length,
    direct: {
      ...d,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    },
    speaker: { ...spk, accuracy: ratio(spk.right, spk.of) },
    indirect: { ...ind, precision: ratio(ind.correct, ind.predicted), recall: ratio(ind.found, ind.truth) },
    metadata: { ...meta, accuracy: ratio(meta.right, meta.of) },
    facts: { ...facts, recall: ratio(facts.found, facts.truth) },
    misses,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** `npm run eval` section: the figures, the targets, and per-article misses. */
export async function runExtractionEval(): Promise<{ title: string; lines: string[]; ok: boolean }> {
  const s = await scoreExtraction();
  const ok =
    s.direct.f1 >= TARGETS.directF1 &&
    s.speaker.accuracy >= TARGETS.speaker &&
    s.metadata.accuracy >= TARGETS.metadata;
  const lines = [
    `${s.articles} annotated articles, ${s.direct.truth} direct and ${s.indirect.truth} indirect quotes`,
    `direct quotes: P ${s.direct.precision.toFixed(3)} (${s.direct.correct}/${s.direct.predicted})  R ${s.direct.recall.toFixed(3)} (${s.direct.found}/${s.direct.truth})  F1 ${s.direct.f1.toFixed(3)}  (target >= ${TARGETS.directF1})`,
    `speaker accuracy: ${pct(s.speaker.accuracy)} (${s.speaker.right}/${s.speaker.of} found direct quotes)  (target >= ${pct(TARGETS.speaker)})`,
    `indirect quotes: P ${s.indirect.precision.toFixed(3)} (${s.indirect.correct}/${s.indirect.predicted})  R ${s.indirect.recall.toFixed(3)} (${s.indirect.found}/${s.indirect.truth})`,
    `metadata (title, outlet, url, date): ${pct(s.metadata.accuracy)} (${s.metadata.right}/${s.metadata.of} fields)  (target >= ${pct(TARGETS.metadata)})`,
    `facts: recall ${pct(s.facts.recall)} (${s.facts.found}/${s.facts.truth}), informational`,
    ...s.misses.map((m) => `- ${m}`),
  ];
  return { title: 'Extraction (test/fixtures/eval)', lines, ok };
}
