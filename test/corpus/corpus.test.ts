import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus } from '../../src/corpus.ts';
import { extract } from '../../src/extract/index.ts';
import type { Article } from '../../src/types.ts';

function article(id: string, paragraphs: string[]): Article {
  return {
    id,
    source: `data/${id}`,
    format: 'txt',
    title: id,
    outlet: null,
    url: null,
    published: null,
    author: null,
    paragraphs,
  };
}

describe('corpus', () => {
  it('loads the seed articles with quotes, facts and merged speakers', async () => {
    const corpus = await loadCorpus('data/articles');
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(2);
    const quotes = corpus.articles.flatMap((a) => a.quotes);
    expect(quotes.length).toBeGreaterThan(5);
    const putin = corpus.speakers.find((s) => s.name === 'Vladimir Putin');
    expect(putin?.quoteCount).toBeGreaterThan(2);
    // Both articles' Putin quotes carry the one corpus-wide name.
    for (const a of corpus.articles) expect(a.quotes.some((q) => q.speaker === 'Vladimir Putin')).toBe(true);
  });

  it('reports an article the extractor cannot handle and keeps the others', () => {
    const good = article('good.txt', ['"We will build it," Jane Roe said.']);
    const bad = article('bad.txt', ['Anything.']);
    const failing = (a: Article) => {
      if (a.id === 'bad.txt') throw new Error('boom');
      return extract(a);
    };
    const corpus = buildCorpus([bad, good], [], 'data', failing);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good.txt']);
    expect(corpus.problems).toHaveLength(1);
    expect(corpus.problems[0]?.file).toBe('data/bad.txt');
    expect(corpus.problems[0]?.reason).toBe('could not extract quotes and facts: boom');
    expect(corpus.articles[0]?.quotes[0]?.speaker).toBe('Jane Roe');
  });
});
