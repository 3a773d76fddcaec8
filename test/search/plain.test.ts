/**
 * Questions in plain words, speaker lists, roles, near names and date questions (issue 10, items 2, 3 and 5).
 * Every sentence here is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.ts';
import { article, corpus } from './helpers.ts';

const arts = [
  article({
    id: 'council-1',
    title: 'Council debates the tram line',
    published: '2025-02-01',
    paragraphs: [
      '"The tram line will carry twenty thousand riders a day," said Hana Berg, the transport councillor.',
      'Critics quoted Berg at length. "Berg promised us a tram and delivered a bus," said Otto Lind.',
    ],
    quotes: [
      {
        text: 'The tram line will carry twenty thousand riders a day,',
        speaker: 'Hana Berg',
        role: 'transport councillor',
      },
      { text: 'Berg promised us a tram and delivered a bus,', speaker: 'Otto Lind' },
    ],
  }),
  article({
    id: 'council-2',
    title: 'Tram budget approved',
    published: '2025-03-05',
    paragraphs: [
      '"We found the money for the tram without raising fares," Berg said.',
      '"Hope is not a plan for the tram depot," said Sam Hope, a hospital spokesperson.',
      'The council approved the tram budget at its meeting in Linden on Tuesday, after a four-hour debate.',
    ],
    quotes: [
      { text: 'We found the money for the tram without raising fares,', speaker: 'Hana Berg' },
      {
        text: 'Hope is not a plan for the tram depot,',
        speaker: 'Sam Hope',
        role: 'hospital spokesperson',
      },
    ],
  }),
  article({
    id: 'council-3',
    published: '2025-01-10',
    paragraphs: ['"Every hope we had for the depot is gone," said Otto Lind.'],
    quotes: [{ text: 'Every hope we had for the depot is gone,', speaker: 'Otto Lind' }],
  }),
  article({
    id: 'council-4',
    published: '2025-01-05',
    paragraphs: [
      '"Ask Berg on the tram and you get a speech," said Ivo Sand.',
      '"Nobody will say Berg is wrong about the fares," Sand added.',
    ],
    quotes: [
      { text: 'Ask Berg on the tram and you get a speech,', speaker: 'Ivo Sand' },
      { text: 'Nobody will say Berg is wrong about the fares,', speaker: 'Ivo Sand' },
    ],
  }),
];
const speakers = [
  { name: 'Hana Berg', role: 'transport councillor', aliases: ['Berg', 'Councillor Berg'], quoteCount: 2 },
  { name: 'Otto Lind', role: null, aliases: ['Lind'], quoteCount: 2 },
  { name: 'Sam Hope', role: 'hospital spokesperson', aliases: ['Hope'], quoteCount: 1 },
  { name: 'Ivo Sand', role: null, aliases: ['Sand'], quoteCount: 1 },
  { name: 'Hana Lind', role: 'councillor', aliases: ['Councillor Lind'], quoteCount: 0 },
];
const engine = createSearchEngine(corpus(arts, speakers));
const speakersOf = (q: string, type: 'quote' | 'all' = 'quote') =>
  engine.search(q, { type }).results.map((r) => r.speaker);

describe('plain-language questions', () => {
  it('a question about what someone said lists their quotes, newest first', () => {
    for (const q of [
      'what did berg say',
      'berg',
      "berg's comments",
      'quotes from berg',
      'what did hana berg say about',
    ])
      expect(speakersOf(q), q).toEqual(['Hana Berg', 'Hana Berg']);
    expect(engine.search('berg').results[0]?.text).toContain('without raising fares');
  });

  it('a speaker named beside other words favours their quotes over quotes mentioning them', () => {
    expect(speakersOf('berg on the tram')[0]).toBe('Hana Berg');
    // Otto Lind's quote says "Berg" and "tram" in its own words; Berg saying "tram" still comes first.
    expect(speakersOf('berg tram')[0]).toBe('Hana Berg');
    // Even when another quote holds the very words typed: the name picks the speaker, it is not quote text.
    expect(speakersOf('berg on the tram')[0]).toBe('Hana Berg');
  });

  it('words pasted from a quote keep a name as the quote’s own words, even with a word of saying', () => {
    expect(engine.search('nobody will say berg is wrong').results[0]?.text).toBe(
      'Nobody will say Berg is wrong about the fares,',
    );
  });

  it('saying words are never required', () => {
    expect(engine.search('what did berg say about fares').results[0]?.text).toContain('raising fares');
    expect(engine.search('comments on the tram depot').total).toBeGreaterThan(0);
  });

  it('a name that is also a common word does not turn a phrase into a speaker list', () => {
    // "hope" names Sam Hope, but these words are a quote's own.
    expect(engine.search('every hope we had').results[0]?.text).toBe(
      'Every hope we had for the depot is gone,',
    );
  });
});

describe('speaker: filters', () => {
  it('speaker: alone lists that speaker, newest first, paged', () => {
    const all = engine.search('speaker:lind');
    expect(all.results.map((r) => r.article.id)).toEqual(['council-1', 'council-3']);
    const page2 = engine.search('speaker:lind', { limit: 1, offset: 1 });
    expect(page2.total).toBe(2);
    expect(page2.results[0]?.article.id).toBe('council-3');
  });

  it('multi-word values resolve through aliases, quoted or not', () => {
    for (const q of ['speaker:"councillor berg"', 'speaker:councillor berg', 'speaker:hana berg'])
      expect(speakersOf(q), q).toEqual(['Hana Berg', 'Hana Berg']);
    // `speaker:otto lind tram`: the name's words narrow the speaker, the rest searches.
    expect(engine.search('speaker:otto lind tram').results.map((r) => r.text)).toEqual([
      'Berg promised us a tram and delivered a bus,',
    ]);
  });

  it('roles are searchable, as words and as speaker:', () => {
    expect(speakersOf('hospital spokesperson')[0]).toBe('Sam Hope');
    expect(speakersOf('speaker:spokesperson')).toEqual(['Sam Hope']);
  });

  it('a misspelt speaker gets the near name, in the response and in autocomplete', () => {
    const res = engine.search('speaker:bregg');
    expect(res.suggestions).toContain('Hana Berg');
    expect(engine.speakers('brg').map((s) => s.name)).toContain('Hana Berg');
  });
});

describe('date and event questions', () => {
  it('finds the sentence that dates the event', () => {
    for (const q of ['when was the tram budget approved', 'tram budget tuesday']) {
      const top = engine.search(q, { type: 'fact' }).results[0];
      expect(top?.text, q).toBe(
        'The council approved the tram budget at its meeting in Linden on Tuesday, after a four-hour debate.',
      );
    }
  });
});
