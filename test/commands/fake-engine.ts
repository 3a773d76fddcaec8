/**
 * A small SearchEngine over a hand-made corpus, for testing commands without the real search core.
 * It implements the interface honestly (word overlap ranking, paging, verify by word sets), nothing more.
 */
import type { SearchEngine, SearchResponse, SearchResult, VerifyResult } from '../../src/search/types.ts';
import type { Corpus, CorpusArticle } from '../../src/types.ts';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function makeArticle(overrides: Partial<CorpusArticle> & { id: string }): CorpusArticle {
  return {
    source: `data/${overrides.id}`,
    format: 'txt',
    title: null,
    outlet: null,
    url: null,
    published: null,
    author: null,
    paragraphs: [],
    quotes: [],
    facts: [],
    ...overrides,
  };
}

/**
 * `crash` makes every search throw; `suggestions` is what a search with no hits suggests (default `['putin']`).
 */
export function fakeEngine(
  articles: CorpusArticle[],
  opts: { crash?: boolean; suggestions?: string[] } = {},
): SearchEngine {
  const corpus: Corpus = { dataDir: 'fake', articles, speakers: [], problems: [], loadedAt: new Date(0) };
  const items: SearchResult[] = [];
  for (const a of articles) {
    const ref = {
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
      source: a.source,
    };
    for (const q of a.quotes)
      items.push({
        type: 'quote',
        text: q.text,
        speaker: q.speaker,
        role: q.role,
        kind: q.kind,
        verb: q.verb,
        confidence: q.confidence,
        score: 0,
        article: ref,
        context: '',
        sources: [{ ...ref, text: q.text, paragraph: q.paragraph }],
      });
    for (const f of a.facts)
      items.push({
        type: 'fact',
        text: f.text,
        speaker: null,
        role: null,
        kind: null,
        verb: null,
        confidence: null,
        score: 0,
        article: ref,
        context: '',
        sources: [{ ...ref, text: f.text, paragraph: f.paragraph }],
      });
  }
  return {
    corpus,
    search(query, options = {}): SearchResponse {
      if (opts.crash) throw new Error('index exploded');
      const q = words(query);
      const scored = items
        .filter((i) => options.type === undefined || options.type === 'all' || i.type === options.type)
        .filter(
          (i) => !options.speaker || (i.speaker ?? '').toLowerCase().includes(options.speaker.toLowerCase()),
        )
        .map((i) => {
          const w = new Set(words(`${i.text} ${i.speaker ?? ''}`));
          return { ...i, score: q.filter((x) => w.has(x)).length / Math.max(1, q.length) };
        })
        .filter((i) => i.score > 0)
        .sort((a, b) => b.score - a.score);
      const offset = options.offset ?? 0;
      return {
        query,
        total: scored.length,
        results: scored.slice(offset, offset + (options.limit ?? 10)),
        suggestions: scored.length === 0 ? (opts.suggestions ?? ['putin']) : [],
      };
    },
    verify(text): VerifyResult {
      const t = words(text).join(' ');
      const quote = items.find((i) => i.type === 'quote' && words(i.text).join(' ') === t);
      if (quote)
        return {
          // As the real engine: a paraphrase is never verified as exact.
          verdict: quote.kind === 'indirect' ? 'not_found' : 'exact',
          matches: [
            {
              text: quote.text,
              speaker: quote.speaker,
              role: quote.role,
              kind: quote.kind ?? 'direct',
              paraphrase: quote.kind === 'indirect',
              confidence: quote.confidence ?? 0,
              article: quote.article,
              diff: [{ op: 'equal', text: quote.text }],
              similarity: 1,
            },
          ],
        };
      return { verdict: 'not_found', matches: [] };
    },
    speakers: () => [],
  };
}
