import { describe, expect, it } from 'vitest';
import { newsCorpus } from '../../bench/news.ts';
import { buildIndex } from '../../src/search/build.ts';
import { backgroundWork, engineOver, warmQuestions } from '../../src/search/index.ts';

describe('engine background work', () => {
  const news = newsCorpus({ quotes: 1500 });

  it('warms up with questions and quote checks of every kind, then answers as an engine that did not', async () => {
    const index = buildIndex(news);
    const questions = warmQuestions(index);
    expect(questions.filter((q) => q.search?.includes('type:quote')).length).toBeGreaterThan(3);
    expect(questions.filter((q) => q.verify).length).toBeGreaterThan(6);
    expect(questions.filter((q) => q.search).length).toBeGreaterThan(25);
    expect(questions.filter((q) => q.search?.includes(' speaker:')).length).toBeGreaterThan(3);
    // Answered first, before any background step of its engine has run.
    const cold = engineOver(news, buildIndex(news));
    const asked = [...questions.map((q) => q.search ?? ''), 'the people', 'it is what it is', 'sanctions'];
    const checked = questions.flatMap((q) => (q.verify ? [q.verify, `${q.verify} indeed`] : []));
    const before = { search: asked.map((q) => cold.search(q)), verify: checked.map((t) => cold.verify(t)) };

    const warm = engineOver(news, index);
    const work = await backgroundWork(index);
    expect(work?.phraseMs).toBeGreaterThan(0);
    expect(work?.warmMs).toBeGreaterThan(0);
    expect(asked.map((q) => warm.search(q))).toEqual(before.search);
    expect(checked.map((t) => warm.verify(t))).toEqual(before.verify);
  });

  it('is none for an index no engine answers from', () => {
    expect(backgroundWork(buildIndex(news))).toBeUndefined();
  });
});
