/**
 * Search quality on reporter-style questions (test/fixtures/search/questions.json) over the annotated fixture
 * articles (test/fixtures/eval/articles), loaded end to end: the real article loader and extractor, then this
 * search engine. Targets: top-1 >= 85%, top-3 >= 95%, quote-check verdicts >= 90% right.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { words } from '../../src/search/normalize.ts';
import type { SearchEngine, SearchResult, Verdict } from '../../src/search/types.ts';

export const ARTICLES_DIR = fileURLToPath(new URL('../fixtures/eval/articles', import.meta.url));
const QUESTIONS = fileURLToPath(new URL('../fixtures/search/questions.json', import.meta.url));

export const TARGET_TOP1 = 0.85;
export const TARGET_TOP3 = 0.95;
export const TARGET_VERDICTS = 0.9;

interface Question {
  q: string;
  expect: string;
  kind: string;
}
interface Check {
  text: string;
  verdict: Verdict;
}

/** Figures of one run, with the misses spelled out so a regression is easy to read. */
export interface SearchEvalFigures {
  questions: number;
  top1: number;
  top3: number;
  checks: number;
  verdicts: number;
  misses: string[];
}

/** Folded words, space-joined and padded, so `"Polls don’t vote"` matches `polls dont vote`. */
function key(text: string): string {
  return ` ${words(text).join(' ')} `;
}

function answers(result: SearchResult | undefined, expected: string): boolean {
  if (!result) return false;
  const want = key(expected);
  return [result.text, ...result.sources.map((s) => s.text)].some((t) => key(t).includes(want));
}

/** Runs every question and check against an engine. */
export async function measureSearch(engine: SearchEngine): Promise<SearchEvalFigures> {
  const data = JSON.parse(await readFile(QUESTIONS, 'utf8')) as { questions: Question[]; checks: Check[] };
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const q of data.questions) {
    const results = engine.search(q.q, { limit: 3 }).results;
    const rank = results.findIndex((r) => answers(r, q.expect));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank !== 0) {
      misses.push(
        `search ${JSON.stringify(q.q)} (${q.kind}): wanted "${q.expect}" at 1, got ${rank < 0 ? 'none in top 3' : `rank ${rank + 1}`}; top: ${JSON.stringify(results[0]?.text.slice(0, 70) ?? null)}`,
      );
    }
  }
  let right = 0;
  for (const c of data.checks) {
    const got = engine.verify(c.text).verdict;
    if (got === c.verdict) right++;
    else misses.push(`verify ${JSON.stringify(c.text)}: wanted ${c.verdict}, got ${got}`);
  }
  return {
    questions: data.questions.length,
    top1: top1 / data.questions.length,
    top3: top3 / data.questions.length,
    checks: data.checks.length,
    verdicts: right / data.checks.length,
    misses,
  };
}

/** True when every target is met. */
export function targetsMet(f: SearchEvalFigures): boolean {
  return f.top1 >= TARGET_TOP1 && f.top3 >= TARGET_TOP3 && f.verdicts >= TARGET_VERDICTS;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The search section of `npm run eval`. */
export async function runSearchEval(): Promise<{ title: string; lines: string[]; ok: boolean }> {
  const corpus = await loadCorpus(ARTICLES_DIR);
  const engine = createSearchEngine(corpus);
  const f = await measureSearch(engine);
  const lines = [
    `corpus: ${corpus.articles.length} fixture articles (test/fixtures/eval/articles), loaded and extracted end to end`,
    `questions: ${f.questions} (test/fixtures/search/questions.json)`,
    `top-1: ${pct(f.top1)} (target >= ${pct(TARGET_TOP1)})`,
    `top-3: ${pct(f.top3)} (target >= ${pct(TARGET_TOP3)})`,
    `quote check: ${pct(f.verdicts)} of ${f.checks} verdicts right (exact, reworded, invented; target >= ${pct(TARGET_VERDICTS)})`,
    ...f.misses.map((m) => `miss: ${m}`),
  ];
  return { title: 'Search (npm run eval)', lines, ok: targetsMet(f) };
}
