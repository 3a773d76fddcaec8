/**
 * Grouping of the same quote across articles, and findability of every quote by its own words (issue 10, item 1).
 * Every sentence here is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, clusterAt, itemAt, itemCount } from '../../src/search/build.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { words } from '../../src/search/normalize.ts';
import { article, corpus } from './helpers.ts';

/** Share of a text's distinct words found in another. */
function share(member: string, shown: string): number {
  const own = [...new Set(words(member))];
  const other = new Set(words(shown));
  return own.filter((w) => other.has(w)).length / own.length;
}

describe('grouping: one result only for the same quote', () => {
  // A chain of look-alikes: each neighbour shares most words with the next, the ends share few.
  const chain = [
    'The harbour bridge will reopen to lorries in the spring after the repairs are finished',
    'The harbour bridge will reopen to cyclists in the spring after the repairs are finished and inspected',
    'The harbour bridge will reopen to cyclists and walkers after the painting and lighting are finished and inspected',
    'The old ferry pier will reopen to cyclists and walkers after the painting and lighting are finished and inspected by engineers',
  ];
  const arts = chain.map((text, k) =>
    article({
      id: `port-${k}`,
      published: `2025-03-0${k + 1}`,
      paragraphs: [`"${text}," said Ida Brandt, the port director.`],
      quotes: [{ text, speaker: 'Ida Brandt' }],
    }),
  );
  const c = corpus(arts, [{ name: 'Ida Brandt', role: 'port director', aliases: ['Brandt'], quoteCount: 4 }]);
  const index = buildIndex(c);
  const engine = createSearchEngine(c);

  it('never gathers a chain of look-alikes: every member shares >= 60% of its words with the text shown', () => {
    for (let i = 0; i < itemCount(index); i++) {
      const cl = clusterAt(index, index.itemCluster[i] as number);
      const shown = itemAt(index, cl.items[0] as number).ref.text;
      expect(share(itemAt(index, i).ref.text, shown)).toBeGreaterThanOrEqual(0.6);
    }
    // The first and the last wording are not one quote.
    expect(index.itemCluster[0]).not.toBe(index.itemCluster[3]);
  });

  it('finds every wording first by its own words', () => {
    for (const [k, text] of chain.entries()) {
      const top = engine.search(text, { type: 'quote' }).results[0];
      expect(
        top?.sources.some((s) => s.id === `port-${k}` && s.text === text),
        text,
      ).toBe(true);
      expect(engine.verify(text).verdict, text).toBe('exact');
    }
  });

  it('keeps two different quotes of one article apart, however many words they share', () => {
    const one = 'We will build four hundred new homes on the old rail yard before the winter';
    const two = 'We will not build four hundred new homes on the old rail yard before the election';
    const a = article({
      id: 'housing',
      paragraphs: [`"${one}," the mayor said. Later she added: "${two}."`],
      quotes: [
        { text: one, speaker: 'Rosa Quint' },
        { text: two, speaker: 'Rosa Quint' },
      ],
    });
    const e = createSearchEngine(corpus([a]));
    const res = e.search('build four hundred new homes rail yard');
    expect(res.total).toBe(2);
    expect(e.verify(one).verdict).toBe('exact');
    expect(e.verify(two).verdict).toBe('exact');
    expect(e.verify(two).matches[0]?.text).toBe(two);
  });

  it('groups the same quote across articles, each version with its own article and speaker, earliest first', () => {
    const early = 'Our clinics will stay open on Sundays until the flu season is over';
    const late = 'Our clinics will stay open on Sundays until the flu season is finally over';
    const e = createSearchEngine(
      corpus(
        [
          article({
            id: 'late',
            published: '2025-01-09',
            paragraphs: [`"${late}," a spokesperson said.`],
            quotes: [{ text: late, speaker: null }],
          }),
          article({
            id: 'early',
            published: '2025-01-08',
            paragraphs: [`"${early}," said Noor Haddad.`],
            quotes: [{ text: early, speaker: 'Noor Haddad' }],
          }),
        ],
        [{ name: 'Noor Haddad', role: 'health minister', aliases: ['Haddad'], quoteCount: 1 }],
      ),
    );
    const res = e.search('clinics open sundays flu season');
    expect(res.total).toBe(1);
    const top = res.results[0];
    expect(top?.sources.map((s) => [s.id, s.speaker, s.text])).toEqual([
      ['early', 'Noor Haddad', early],
      ['late', null, late],
    ]);
    expect(e.verify(late).verdict).toBe('exact');
  });

  it('cites the version that names the speaker, never an article that did not say who spoke', () => {
    const unnamed = 'The night buses will run every twenty minutes from the first of March';
    const named = 'The night buses will run every twenty minutes from the first of March onwards';
    const e = createSearchEngine(
      corpus(
        [
          article({
            id: 'first-unnamed',
            outlet: 'Morning Post',
            published: '2025-02-01',
            paragraphs: [`"${unnamed}," the transit office said.`],
            quotes: [{ text: unnamed, speaker: null }],
          }),
          article({
            id: 'later-named',
            outlet: 'Evening Star',
            published: '2025-02-03',
            paragraphs: [`"${named}," said Tove Dahl.`],
            quotes: [{ text: named, speaker: 'Tove Dahl' }],
          }),
        ],
        [{ name: 'Tove Dahl', role: 'transit director', aliases: ['Dahl'], quoteCount: 1 }],
      ),
    );
    const res = e.search('night buses every twenty minutes');
    expect(res.total).toBe(1);
    const top = res.results[0];
    expect(top?.speaker).toBe('Tove Dahl');
    expect(top?.article.id).toBe('later-named');
    expect(top?.text).toBe(named);
    expect(top?.sources.map((s) => [s.id, s.speaker])).toEqual([
      ['later-named', 'Tove Dahl'],
      ['first-unnamed', null],
    ]);
    // The check of the unnamed wording reports that article's own attribution: nobody.
    const check = e.verify(unnamed);
    expect(check.verdict).toBe('exact');
    const match = check.matches.find((m) => m.article.id === 'first-unnamed');
    expect(match?.speaker).toBeNull();
  });

  it('never merges the same words said by two different people', () => {
    const text = 'This budget is a betrayal of every family in the northern valleys';
    const e = createSearchEngine(
      corpus(
        [
          article({
            id: 'a',
            paragraphs: [`"${text}," said Olga Vance.`],
            quotes: [{ text, speaker: 'Olga Vance' }],
          }),
          article({
            id: 'b',
            paragraphs: [`"${text}," said Piet Mol.`],
            quotes: [{ text, speaker: 'Piet Mol' }],
          }),
        ],
        [],
      ),
    );
    expect(
      e
        .search('budget betrayal northern valleys')
        .results.map((r) => r.speaker)
        .sort(),
    ).toEqual(['Olga Vance', 'Piet Mol']);
  });
});

describe('findability: words pasted from a quote, stop words and all', () => {
  // Many quotes say "think"; the one asked for is mostly stop words.
  const fillers = Array.from({ length: 40 }, (_, k) => `I think the ${k}th district deserves a new library`);
  const target = 'I think she will do it';
  const arts = [
    ...fillers.map((text, k) =>
      article({
        id: `f${k}`,
        paragraphs: [`"${text}," said Lee Ames.`],
        quotes: [{ text, speaker: 'Lee Ames' }],
      }),
    ),
    article({
      id: 'target',
      paragraphs: [`"${target}," said Mo Adler.`],
      quotes: [{ text: target, speaker: 'Mo Adler' }],
    }),
    article({
      id: 'stop',
      paragraphs: ['"It is not about me, it is about us," said Mo Adler.'],
      quotes: [{ text: 'It is not about me, it is about us', speaker: 'Mo Adler' }],
    }),
  ];
  const e = createSearchEngine(corpus(arts));

  it('finds a quote of common words first, and verifies it as exact', () => {
    expect(e.search('i think she will do it').results[0]?.text).toBe(target);
    expect(e.verify(target).verdict).toBe('exact');
  });

  it('finds a quote made only of stop words', () => {
    expect(e.search('not about me it is about us').results[0]?.text).toBe(
      'It is not about me, it is about us',
    );
    expect(e.verify('it is not about me').verdict).toBe('exact');
  });

  it('a short quote typed whole comes before longer quotes holding the same words', () => {
    const quotes = [
      'The files were marked top secret and kept in a locked room',
      'Nothing in that box was top secret, nothing at all',
      'Top secret',
    ];
    const e2 = createSearchEngine(
      corpus(
        quotes.map((text, k) =>
          article({
            id: `ts${k}`,
            paragraphs: [`"${text}," said Lee Ames.`],
            quotes: [{ text, speaker: `Speaker ${k}` }],
          }),
        ),
      ),
    );
    expect(e2.search('top secret').results[0]?.text).toBe('Top secret');
  });

  it('a quote longer than the check limit is still exact (the cut falls between words)', () => {
    const long = Array.from({ length: 700 }, (_, k) => `word${k} follows`).join(' ');
    const e2 = createSearchEngine(
      corpus([
        article({
          id: 'long',
          paragraphs: [`"${long}," said Mo Adler.`],
          quotes: [{ text: long, speaker: 'Mo Adler' }],
        }),
      ]),
    );
    expect(long.length).toBeGreaterThan(5000);
    expect(e2.verify(long).verdict).toBe('exact');
  });

  it('two stop words alone are not a published quote, unless they are a whole one', () => {
    expect(e.verify('it is').verdict).toBe('not_found');
    const short = createSearchEngine(
      corpus([
        article({
          id: 's',
          paragraphs: ['"But why?" asked Mo Adler.'],
          quotes: [{ text: 'But why?', speaker: 'Mo Adler' }],
        }),
        article({
          id: 't',
          paragraphs: ['"But why not try it?" said Lee Ames.'],
          quotes: [{ text: 'But why not try it?', speaker: 'Lee Ames' }],
        }),
      ]),
    );
    expect(short.verify('But why?').verdict).toBe('exact');
    expect(short.verify('But why?').matches[0]?.speaker).toBe('Mo Adler');
    expect(short.search('but why').results.map((r) => r.text)).toEqual(['But why?']);
  });
});
