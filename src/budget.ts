/**
 * A time budget for each article (issue 15): reading one file and extracting its quotes and facts must not take
 * the corpus hostage. Parsing and extraction are synchronous code on whichever thread runs them (the corpus
 * worker, the store's jobs, /add), so the budget is cooperative: `withinBudget` sets a deadline for the work it
 * runs, and the parsers' and extractors' loops call `checkBudget()`, which throws OverBudget once the deadline
 * has passed. The caller reports the article like a broken file ("over its time budget") and goes on with the
 * others. Third-party parsing (linkedom, Readability) cannot be interrupted; it is bounded by the page limits of
 * src/articles/html.ts and checked as soon as it returns.
 */
import { performance } from 'node:perf_hooks';

/** Default per-article budget: a 2.6 MB text article of 20,000 quotes takes about 2.3 s on a loaded core. */
export const DEFAULT_ARTICLE_BUDGET_MS = 10_000;

/** NEWSROOM_ARTICLE_BUDGET_MS (milliseconds, a whole number from 1), else the default. */
export function articleBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NEWSROOM_ARTICLE_BUDGET_MS;
  if (raw && /^\d{1,9}$/.test(raw.trim()) && Number(raw) > 0) return Number(raw);
  return DEFAULT_ARTICLE_BUDGET_MS;
}

export class OverBudget extends Error {
  constructor(readonly budgetMs: number) {
    super(`over its time budget (${budgetMs} ms): skipped`);
    this.name = 'OverBudget';
  }
}

let deadline = Number.POSITIVE_INFINITY;
let budget = 0;
let calls = 0;

/** Runs `work` with a deadline `ms` from now; checkBudget() inside it throws OverBudget past that. */
export function withinBudget<T>(ms: number, work: () => T): T {
  const outer = { deadline, budget };
  // A nested budget never extends the one around it.
  deadline = Math.min(deadline, performance.now() + ms);
  budget = deadline === outer.deadline ? outer.budget : ms;
  try {
    const out = work();
    checkBudget(true);
    return out;
  } finally {
    deadline = outer.deadline;
    budget = outer.budget;
  }
}

/**
 * Throws OverBudget when the current article's deadline has passed. Cheap enough for inner loops: the clock is
 * read every 32 calls (or at once with `now`).
 */
export function checkBudget(now = false): void {
  if (deadline === Number.POSITIVE_INFINITY) return;
  if (!now && (++calls & 31) !== 0) return;
  if (performance.now() > deadline) throw new OverBudget(budget);
}
