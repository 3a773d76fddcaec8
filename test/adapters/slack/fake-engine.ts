/**
 * Slack's hand-made corpus over the shared fake engine (test/commands/fake-engine.ts).
 * The adapter tests use the real engine over the seed articles; this one serves cases the seeds cannot give
 * (markup inside an article, dozens of results, a crash) and wrappers that slow or break the engine.
 */
import type { SearchEngine } from '../../../src/search/types.ts';
import type { CorpusArticle } from '../../../src/types.ts';
import { fakeEngine, makeArticle } from '../../commands/fake-engine.ts';

export function article(
  id: string,
  meta: Partial<Pick<CorpusArticle, 'title' | 'outlet' | 'url' | 'published'>>,
  quotes: {
    text: string;
    speaker: string | null;
    role?: string | null;
    kind?: 'direct' | 'indirect';
    confidence?: number;
  }[],
  facts: string[] = [],
): CorpusArticle {
  const paragraphs = [...quotes.map((q) => `“${q.text}” ${q.speaker ?? 'someone'} said.`), ...facts];
  return makeArticle({
    id,
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    url: meta.url ?? null,
    published: meta.published ?? null,
    paragraphs,
    quotes: quotes.map((q, i) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role ?? null,
      kind: q.kind ?? 'direct',
      verb: 'said',
      paragraph: i,
      start: 1,
      end: 1 + q.text.length,
      confidence: q.confidence ?? 0.9,
    })),
    facts: facts.map((f, i) => ({ text: f, paragraph: quotes.length + i, start: 0, end: f.length })),
  });
}

/** An article whose every field carries Slack markup: none of it may come out live. */
export const INJECTION = '<!channel> <@U123> <http://evil|click> & *bold*';

/** A quote whose speaker the extractor is unsure of (below SPEAKER_SHOWN_MIN), and a paraphrase. */
export const UNCLEAR_QUOTE = 'The harbour wall will hold this winter';
export const HARBOUR_PARAPHRASE = 'the flood gates would be replaced by spring';

/**
 * Hand-made corpus: an injection article, enough "working group" quotes for three pages, and a harbour article
 * with an unsure speaker and a paraphrase.
 */
export function fixtureEngine(): SearchEngine {
  return fakeEngine(
    [
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
      article(
        'harbour.txt',
        {
          title: 'Harbour works',
          outlet: 'The Daily',
          url: 'https://example.com/harbour',
          published: '2021-03-04',
        },
        [
          { text: UNCLEAR_QUOTE, speaker: 'Jane Roe', role: 'City engineer', confidence: 0.3 },
          { text: HARBOUR_PARAPHRASE, speaker: 'Jane Roe', role: 'City engineer', kind: 'indirect' },
        ],
      ),
    ],
    // The Slack tests render "no results" without a did-you-mean line.
    { suggestions: [] },
  );
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
