/** Hand-built corpora for search tests: no dependency on the article loader or the extractor. */
import type { Corpus, CorpusArticle, Fact, Quote, Speaker } from '../../src/types.ts';

export interface QuoteSpec {
  text: string;
  speaker: string | null;
  role?: string | null;
  kind?: 'direct' | 'indirect';
}

export interface ArticleSpec {
  id: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
  paragraphs: string[];
  quotes?: QuoteSpec[];
  facts?: string[];
}

/** Where `text` sits in the paragraphs; throws so a typo in a fixture fails loudly. */
function locate(paragraphs: string[], text: string): { paragraph: number; start: number; end: number } {
  for (let p = 0; p < paragraphs.length; p++) {
    const start = (paragraphs[p] as string).indexOf(text);
    if (start >= 0) return { paragraph: p, start, end: start + text.length };
  }
  throw new Error(`fixture text not in paragraphs: ${text}`);
}

/** A CorpusArticle whose quotes and facts carry real offsets into its paragraphs. */
export function article(spec: ArticleSpec): CorpusArticle {
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => ({
    text: q.text,
    speaker: q.speaker,
    role: q.role ?? null,
    kind: q.kind ?? 'direct',
    verb: 'said',
    confidence: 0.9,
    ...locate(spec.paragraphs, q.text),
  }));
  const facts: Fact[] = (spec.facts ?? []).map((text) => ({ text, ...locate(spec.paragraphs, text) }));
  return {
    id: spec.id,
    source: `${spec.id}.txt`,
    format: 'txt',
    title: spec.title ?? null,
    outlet: spec.outlet ?? null,
    url: spec.url ?? null,
    published: spec.published ?? null,
    author: null,
    paragraphs: spec.paragraphs,
    quotes,
    facts,
  };
}

/** A corpus from articles, with speakers given explicitly (aliases as the corpus builder would merge them). */
export function corpus(articles: CorpusArticle[], speakers: Speaker[] = []): Corpus {
  return { dataDir: 'test', articles, speakers, problems: [], loadedAt: new Date(0) };
}
