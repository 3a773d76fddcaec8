/**
 * Corpora for the Discord adapter tests, run through the real search engine (src/search).
 * `hostileCorpus` holds text built to break a renderer: markdown, masked links, mentions, a 10,000-character quote,
 * and enough quotes to need paging.
 */
import type { Corpus, CorpusArticle, Quote, Speaker } from '../../../src/types.ts';

/** A quote placed at the start of paragraph `paragraph` (offsets cover the whole paragraph). */
function quoteIn(paragraphs: string[], text: string, speaker: string | null, role: string | null): Quote {
  const paragraph = paragraphs.length;
  paragraphs.push(`"${text}," ${speaker ?? 'someone'} said.`);
  return {
    text,
    speaker,
    role,
    kind: 'direct',
    verb: 'said',
    paragraph,
    start: 1,
    end: 1 + text.length,
    confidence: 0.9,
  };
}

function article(
  id: string,
  meta: Pick<CorpusArticle, 'title' | 'outlet' | 'url' | 'published'>,
  quotes: { text: string; speaker: string | null; role: string | null }[],
): CorpusArticle {
  const paragraphs: string[] = ['An introduction without quotes.'];
  const built = quotes.map((q) => quoteIn(paragraphs, q.text, q.speaker, q.role));
  return {
    id,
    source: id,
    format: 'txt',
    author: null,
    paragraphs,
    quotes: built,
    facts: [],
    ...meta,
  };
}

function speakers(articles: CorpusArticle[]): Speaker[] {
  const byName = new Map<string, Speaker>();
  for (const a of articles)
    for (const q of a.quotes) {
      if (!q.speaker) continue;
      const s = byName.get(q.speaker) ?? {
        name: q.speaker,
        role: q.role,
        aliases: [q.speaker],
        quoteCount: 0,
      };
      s.quoteCount += 1;
      byName.set(q.speaker, s);
    }
  return [...byName.values()];
}

function corpusOf(articles: CorpusArticle[]): Corpus {
  return { dataDir: 'test', articles, speakers: speakers(articles), problems: [], loadedAt: new Date(0) };
}

/** A plain corpus: the seed's Helsinki quote plus a few more. */
export function plainCorpus(): Corpus {
  return corpusOf([
    article(
      'helsinki.txt',
      {
        title: 'Trump and Putin could be reigniting talks to create a cybersecurity task force',
        outlet: 'TechCrunch',
        url: 'https://techcrunch.com/2018/07/16/trump-putin-cybersecurity/',
        published: '2018-07-16',
      },
      [
        {
          text: 'For instance, we can analyze them through a working group on cybersecurity',
          speaker: 'Vladimir Putin',
          role: 'Russian President',
        },
        { text: 'He has an interesting idea', speaker: 'Donald Trump', role: 'President' },
      ],
    ),
  ]);
}

export const HOSTILE_TITLE =
  '**Bold** [click me](https://evil.example/x) @everyone <@123456789012345678> # heading';
export const HOSTILE_QUOTE =
  'Ping <@&222222222222222222> and @here, see [docs](https://evil.example) ~~gone~~ `code` > quoted || spoiler || _it_ \\ end';
export const HUGE_QUOTE = `${'zebra crossing '.repeat(600)}`.trim().slice(0, 10_000);

/** Hostile text, a 10,000-character quote, many paging results, and missing metadata. */
export function hostileCorpus(): Corpus {
  const many = Array.from({ length: 30 }, (_, i) => ({
    text: `Paging works for the harbour bridge plan number ${i + 1} ${'and it goes on at length '.repeat(12)}`,
    speaker: `Speaker ${String.fromCharCode(65 + (i % 26))}${i}`,
    role: 'Harbour Master',
  }));
  return corpusOf([
    article(
      'hostile.txt',
      { title: HOSTILE_TITLE, outlet: '@everyone Daily', url: 'javascript:alert(1)', published: null },
      [{ text: HOSTILE_QUOTE, speaker: '<@333333333333333333> @everyone', role: null }],
    ),
    article('huge.txt', { title: null, outlet: null, url: null, published: '2020-02-02' }, [
      { text: HUGE_QUOTE, speaker: 'Long Talker', role: null },
    ]),
    article(
      'harbour.txt',
      {
        title: 'Harbour bridge',
        outlet: 'Harbour News',
        url: 'https://harbour.example/bridge',
        published: '2021-05-01',
      },
      many,
    ),
  ]);
}
