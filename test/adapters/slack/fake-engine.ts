/**
 * A small honest SearchEngine (word-overlap ranking, paging, verify by word sequence) over hand-made articles.
 * The adapter tests use the real engine over the seed articles; this one serves cases the seeds cannot give
 * (markup inside an article, dozens of results, a crash) and wrappers that slow or break the engine.
 */
import { creditLine } from '../../../src/citations/credit.ts';
import type { SearchEngine, SearchResult, VerifyResult } from '../../../src/search/types.ts';
import type { Corpus, CorpusArticle } from '../../../src/types.ts';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function article(
  id: string,
  meta: Partial<Pick<CorpusArticle, 'title' | 'outlet' | 'url' | 'published'>>,
  quotes: { text: string; speaker: string | null; role?: string | null }[],
  facts: string[] = [],
): CorpusArticle {
  const paragraphs = [...quotes.map((q) => `“${q.text}” ${q.speaker ?? 'someone'} said.`), ...facts];
  return {
    id,
    source: `data/${id}`,
    format: 'txt',
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    url: meta.url ?? null,
    published: meta.published ?? null,
    author: null,
    paragraphs,
    quotes: quotes.map((q, i) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role ?? null,
      kind: 'direct' as const,
      verb: 'said',
      paragraph: i,
      start: 1,
      end: 1 + q.text.length,
      confidence: 0.9,
    })),
    facts: facts.map((f, i) => ({ text: f, paragraph: quotes.length + i, start: 0, end: f.length })),
  };
}

export function fakeEngine(articles: CorpusArticle[]): SearchEngine {
  const corpus: Corpus = { dataDir: 'fake', articles, speakers: [], problems: [], loadedAt: new Date(0) };
  const items: SearchResult[] = articles.flatMap((a) => {
    const ref = {
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
      source: a.source,
    };
    const make = (
      type: 'quote' | 'fact',
      text: string,
      speaker: string | null,
      role: string | null,
      paragraph: number,
    ) =>
      ({
        type,
        text,
        speaker,
        role,
        kind: type === 'quote' ? 'direct' : null,
        verb: type === 'quote' ? 'said' : null,
        score: 0,
        article: ref,
        context: '',
        citation: creditLine({ type, speaker }, ref),
        sources: [{ ...ref, text, paragraph }],
      }) satisfies SearchResult;
    return [
      ...a.quotes.map((q) => make('quote', q.text, q.speaker, q.role, q.paragraph)),
      ...a.facts.map((f) => make('fact', f.text, null, null, f.paragraph)),
    ];
  });
  return {
    corpus,
    search(query, options = {}) {
      const q = words(query);
      const scored = items
        .filter((i) => !options.type || options.type === 'all' || i.type === options.type)
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
        suggestions: [],
      };
    },
    verify(text): VerifyResult {
      const t = words(text).join(' ');
      const hit = items.find((i) => i.type === 'quote' && words(i.text).join(' ') === t);
      if (!hit) return { verdict: 'not_found', matches: [] };
      return {
        verdict: 'exact',
        matches: [
          {
            text: hit.text,
            speaker: hit.speaker,
            role: hit.role,
            article: hit.article,
            diff: [{ op: 'equal', text: hit.text }],
            similarity: 1,
          },
        ],
      };
    },
    speakers: () => [],
  };
}

/** An article whose every field carries Slack markup: none of it may come out live. */
export const INJECTION = '<!channel> <@U123> <http://evil|click> & *bold*';

/** Hand-made corpus: an injection article and enough "working group" quotes for three pages. */
export function fixtureEngine(): SearchEngine {
  return fakeEngine([
    article(
      'evil.txt',
      {
        title: `Title ${INJECTION}`,
        outlet: `Outlet <!here>`,
        url: 'https://example.com/a?x=1&y=<2>|z',
        published: '2020-01-02',
      },
      [{ text: `zebra crossing ${INJECTION}`, speaker: 'Mallory <@U999>', role: 'Role <!everyone>' }],
    ),
    article(
      'group.txt',
      {
        title: 'Working groups',
        outlet: 'The Daily',
        url: 'https://example.com/group',
        published: '2018-07-16',
      },
      Array.from({ length: 12 }, (_, i) => ({
        text: `The working group number ${i + 1} will meet soon`,
        speaker: 'Vladimir Putin',
        role: 'President',
      })),
      ['The group met 12 times in 2018.'],
    ),
  ]);
}

/** Busy-waits inside `search` (the engine is synchronous, so this is what a slow index looks like). */
export function slowEngine(engine: SearchEngine, ms: number): SearchEngine {
  return {
    get corpus() {
      return engine.corpus;
    },
    search(query, options) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // spin: a slow synchronous index blocks the event loop exactly like this
      }
      return engine.search(query, options);
    },
    verify: (text) => engine.verify(text),
    speakers: (prefix, limit) => engine.speakers(prefix, limit),
  };
}

/** An engine whose search throws, standing in for a bug. */
export function brokenEngine(engine: SearchEngine): SearchEngine {
  return {
    get corpus() {
      return engine.corpus;
    },
    search() {
      throw new Error('index exploded at /srv/secret/path');
    },
    verify: (text) => engine.verify(text),
    speakers: (prefix, limit) => engine.speakers(prefix, limit),
  };
}
