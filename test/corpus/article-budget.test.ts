/**
 * Issue 15: each article is read and extracted within a time budget (src/budget.ts). An article over it is
 * skipped and reported like a broken file; the others load. The long article here is ordinary news copy, only
 * long: 20,000 quoted paragraphs (about 5 MB), seconds of extraction on any machine.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  articleBudgetMs,
  checkBudget,
  DEFAULT_ARTICLE_BUDGET_MS,
  OverBudget,
  withinBudget,
} from '../../src/budget.ts';
import { buildCorpus, loadCorpus } from '../../src/corpus.ts';
import { extract } from '../../src/extract/index.ts';
import { SEEDS } from '../cli/spawn.ts';
import { longArticle } from './long-article.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const saved = process.env.NEWSROOM_ARTICLE_BUDGET_MS;
afterEach(() => {
  if (saved === undefined) delete process.env.NEWSROOM_ARTICLE_BUDGET_MS;
  else process.env.NEWSROOM_ARTICLE_BUDGET_MS = saved;
});

describe('the per-article time budget', () => {
  it('skips and reports an article over it; the others load with their quotes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-budget-'));
    dirs.push(dir);
    cpSync(SEEDS, dir, { recursive: true });
    writeFileSync(join(dir, 'long.txt'), longArticle());
    process.env.NEWSROOM_ARTICLE_BUDGET_MS = '1000';
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.source).sort()).toEqual(
      ['000_de0ae4620e306012.txt', '003_fdfb5187be79e5d3.txt'].map((f) => join(dir, f)),
    );
    expect(corpus.articles.every((a) => a.quotes.length > 0)).toBe(true);
    expect(corpus.problems).toHaveLength(1);
    expect(corpus.problems[0]?.file).toMatch(/long\.txt$/);
    expect(corpus.problems[0]?.reason).toMatch(/over its time budget \(1000 ms\): skipped$/);
  });

  it('is what skipped it: with a budget long enough the same article is extracted', () => {
    const [article] = buildCorpus(
      [
        {
          id: 'long.txt',
          source: 'long.txt',
          format: 'txt',
          title: 'Harbour plan',
          outlet: null,
          url: null,
          published: null,
          author: null,
          paragraphs: longArticle(3_000).split('\n\n').slice(2),
        },
      ],
      [],
      '',
      (a) => extract(a, 10 * 60 * 1000),
    ).articles;
    expect(article?.quotes.length).toBeGreaterThanOrEqual(6_000);
    expect(() => extract(article as never, 1)).toThrow(OverBudget);
  });

  it('never extends an outer budget, and costs nothing outside one', () => {
    expect(() => checkBudget(true)).not.toThrow();
    expect(() =>
      withinBudget(1, () =>
        withinBudget(60_000, () => {
          const until = performance.now() + 20;
          while (performance.now() < until) checkBudget();
        }),
      ),
    ).toThrow(/over its time budget \(1 ms\)/);
    expect(() => checkBudget(true)).not.toThrow();
  });

  it('reads NEWSROOM_ARTICLE_BUDGET_MS, falling back to the default for anything but a positive whole number', () => {
    expect(articleBudgetMs({ NEWSROOM_ARTICLE_BUDGET_MS: '2500' })).toBe(2500);
    for (const raw of ['', '0', '-5', '1.5', 'ten', '1e9'])
      expect(articleBudgetMs({ NEWSROOM_ARTICLE_BUDGET_MS: raw })).toBe(DEFAULT_ARTICLE_BUDGET_MS);
    expect(articleBudgetMs({})).toBe(DEFAULT_ARTICLE_BUDGET_MS);
  });
});
