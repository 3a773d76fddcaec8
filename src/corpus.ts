/** Loads the data folder into a Corpus: parse every file, extract quotes and facts, merge speakers across articles. */
import { loadArticles } from './articles/index.ts';
import { extract } from './extract/index.ts';
import { buildSpeakers } from './extract/speakers.ts';
import type { Article, Corpus, CorpusArticle, LoadProblem } from './types.ts';

/** Builds a corpus from already-parsed articles (tests, benchmarks). */
export function buildCorpus(articles: Article[], problems: LoadProblem[] = [], dataDir = ''): Corpus {
  const withExtraction: CorpusArticle[] = articles.map((article) => ({ ...article, ...extract(article) }));
  const speakers = buildSpeakers(withExtraction);
  return { dataDir, articles: withExtraction, speakers, problems, loadedAt: new Date() };
}

/** Reads every article under dataDir. Broken files are listed in `problems`, never fatal. */
export async function loadCorpus(dataDir: string): Promise<Corpus> {
  const { articles, problems } = await loadArticles(dataDir);
  return buildCorpus(articles, problems, dataDir);
}
