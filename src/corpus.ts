/** Loads the data folder into a Corpus: parse every file, extract quotes and facts, merge speakers across articles. */
import { loadArticles } from './articles/index.ts';
import { extract } from './extract/index.ts';
import { buildSpeakers } from './extract/speakers.ts';
import type { Article, Corpus, CorpusArticle, Extraction, LoadProblem } from './types.ts';

/**
 * Builds a corpus from already-parsed articles (tests, benchmarks). An article the extractor fails on is
 * reported as a problem and skipped, like a broken file: one bad article never keeps the rest from loading.
 */
export function buildCorpus(
  articles: Article[],
  problems: LoadProblem[] = [],
  dataDir = '',
  extractor: (article: Article) => Extraction = extract,
): Corpus {
  const withExtraction: CorpusArticle[] = [];
  const allProblems = [...problems];
  for (const article of articles) {
    try {
      withExtraction.push({ ...article, ...extractor(article) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      allProblems.push({ file: article.source, reason: `could not extract quotes and facts: ${reason}` });
    }
  }
  const speakers = buildSpeakers(withExtraction);
  return { dataDir, articles: withExtraction, speakers, problems: allProblems, loadedAt: new Date() };
}

/** Reads every article under dataDir. Broken files are listed in `problems`, never fatal. */
export async function loadCorpus(dataDir: string): Promise<Corpus> {
  const { articles, problems } = await loadArticles(dataDir);
  return buildCorpus(articles, problems, dataDir);
}
