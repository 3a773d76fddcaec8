import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.ts';
import { sampleCorpus } from './fixtures.ts';
import { article, corpus } from './helpers.ts';

const engine = createSearchEngine(sampleCorpus());

describe('search: words and ranking', () => {
  it('finds the working-group remark as one result carrying both wordings, earliest first', () => {
    const res = engine.search('putin working group');
    const top = res.results[0];
    expect(top?.speaker).toBe('Vladimir Putin');
    expect(top?.text).toContain('joint working group on cyber security');
    expect(top?.sources.map((s) => s.id)).toEqual(['techcrunch-putin', 'cnbc-putin']);
    expect(top?.sources[1]?.text).toContain('working group on cybersecurity');
    expect(top?.article.id).toBe('techcrunch-putin');
    // One result, not one per article.
    expect(res.results.filter((r) => r.text.includes('working group')).length).toBe(1);
  });

  it('takes words in any order', () => {
    const a = engine.search('group working putin').results[0]?.text;
    expect(a).toBe(engine.search('putin working group').results[0]?.text);
  });

  it('tolerates typos and suggests the corrected word', () => {
    const res = engine.search('turbulance atlantic');
    expect(res.results[0]?.speaker).toBe('Maria Lopez');
    expect(res.results[0]?.text).toContain('turbulence we saw over the Atlantic');
    expect(engine.search('turbulance xyzzy qqq').suggestions).toContain('turbulence');
  });

  it('counts a match deep inside a long quote like one at its start', () => {
    const res = engine.search('turbulence');
    const texts = res.results.map((r) => r.text);
    expect(texts[0]).toContain('turbulence we saw over the Atlantic');
    // The long quote's own words beat a short title that also says "turbulence".
    expect(res.results[0]?.score).toBeGreaterThan(0.5);
  });

  it("weighs the item's own words above its speaker and its article title", () => {
    // "pilots" is in the long Lopez quote text, and in the title of Tom Reed's article.
    const res = engine.search('pilots');
    expect(res.results[0]?.speaker).toBe('Maria Lopez');
    // "putin" is Trump's speech subject only in the title; Putin's own quote comes first.
    expect(engine.search('putin').results[0]?.speaker).toBe('Vladimir Putin');
  });

  it('finds compounds typed apart and half-typed words', () => {
    expect(engine.search('cyber security previous meeting').results[0]?.speaker).toBe('Vladimir Putin');
    expect(engine.search('negotia safety').results[0]?.text).toBe('Safety is not negotiable,');
  });

  it('returns result fields with context from the article', () => {
    const r = engine.search('thrown against the ceiling').results[0];
    expect(r?.type).toBe('quote');
    expect(r?.role).toBe('pilot');
    expect(r?.kind).toBe('direct');
    expect(r?.context).toContain('Passengers were thrown');
    expect(r?.context).toContain('The flight landed safely in Dublin');
    expect(r?.score).toBeGreaterThan(0);
    expect(r?.score).toBeLessThanOrEqual(1);
  });

  it('finds facts with numbers', () => {
    const r = engine.search('how many jobs cut 1,200').results[0];
    expect(r?.type).toBe('fact');
    expect(r?.text).toContain('1,200 jobs');
    expect(r?.speaker).toBeNull();
  });
});

describe('search: filters', () => {
  it('speaker: matches every alias and the full name in quotes', () => {
    for (const q of ['speaker:putin', 'speaker:"Vladimir Putin"', 'speaker:Putin', 'speaker:vladimir']) {
      const res = engine.search(q);
      expect(res.total, q).toBe(1);
      expect(res.results[0]?.speaker).toBe('Vladimir Putin');
    }
    expect(engine.search('', { speaker: 'lopez' }).total).toBe(2);
    expect(engine.search('safety', { speaker: 'putin' }).total).toBe(0);
  });

  it('speaker: with a typo still resolves, and an unknown speaker suggests near names', () => {
    expect(engine.search('speaker:puttin').results[0]?.speaker).toBe('Vladimir Putin');
    const none = engine.search('speaker:zzzz safety');
    expect(none.total).toBe(0);
    // Two typos in a short name do not resolve, but the near name is offered.
    const near = engine.search('speaker:lpoes safety');
    expect(near.total).toBe(0);
    expect(near.suggestions).toContain('Maria Lopez');
  });

  it('type: quote|fact and the type option', () => {
    expect(engine.search('type:fact').results.every((r) => r.type === 'fact')).toBe(true);
    expect(engine.search('type:fact').total).toBe(3);
    expect(engine.search('jobs', { type: 'quote' }).results.every((r) => r.type === 'quote')).toBe(true);
    expect(engine.search('type:quote pilots', { type: 'fact' }).total).toBe(0);
  });

  it('outlet:, after: and before:', () => {
    const tc = engine.search('outlet:techcrunch');
    expect(tc.results.map((r) => r.type).sort()).toEqual(['fact', 'quote']);
    // The Putin remark is also carried by CNBC: an outlet filter matches any of a result's sources.
    expect(
      engine
        .search('outlet:cnbc')
        .results.map((r) => r.speaker)
        .sort(),
    ).toEqual(['Donald Trump', 'Vladimir Putin']);
    const ledger = engine.search('outlet:"daily ledger"');
    expect(ledger.total).toBe(5);
    // Ana Silva's article has no date: date filters leave it out.
    expect(
      engine
        .search('after:2024-01-01 type:quote')
        .results.map((r) => r.speaker)
        .sort(),
    ).toEqual(['Maria Lopez', 'Maria Lopez', 'Tom Reed']);
    expect(
      engine.search('before:2018-12-31').results.every((r) => r.article.published?.startsWith('2018')),
    ).toBe(true);
    expect(engine.search('before:2018-12-31').total).toBe(3);
    // A bad date is ignored, not an error.
    expect(engine.search('after:yesterday safety').results[0]?.text).toBe('Safety is not negotiable,');
  });

  it('"exact phrase" requires the words in that order', () => {
    expect(engine.search('"not negotiable"').results.map((r) => r.text)).toEqual([
      'Safety is not negotiable,',
    ]);
    expect(engine.search('"negotiable not"').total).toBe(0);
  });

  it('filters with only stop words beside them still list matches; stop words alone list nothing', () => {
    expect(engine.search('speaker:putin the of').total).toBe(1);
    expect(engine.search('the of and').total).toBe(0);
  });

  it('an empty corpus answers every query with nothing', () => {
    const empty = createSearchEngine(corpus([]));
    expect(empty.search('putin').results).toEqual([]);
    expect(empty.search('type:quote').total).toBe(0);
    expect(empty.verify('we are ready').verdict).toBe('not_found');
    expect(empty.speakers('p')).toEqual([]);
  });

  it('unknown foo:bar tokens are plain words', () => {
    expect(engine.search('foo:safety negotiable').results[0]?.text).toBe('Safety is not negotiable,');
  });
});

describe('search: paging and bad input', () => {
  it('pages with offset and limit, total stays the same', () => {
    const all = engine.search('outlet:"daily ledger"', { limit: 100 });
    const p1 = engine.search('outlet:"daily ledger"', { limit: 2, offset: 0 });
    const p2 = engine.search('outlet:"daily ledger"', { limit: 2, offset: 2 });
    const p3 = engine.search('outlet:"daily ledger"', { limit: 2, offset: 4 });
    expect(p1.total).toBe(all.total);
    expect([...p1.results, ...p2.results, ...p3.results].map((r) => r.text)).toEqual(
      all.results.map((r) => r.text),
    );
    expect(engine.search('outlet:"daily ledger"', { offset: 50 }).results).toEqual([]);
  });

  it('an empty query answers nothing; odd input never throws', () => {
    expect(engine.search('').results).toEqual([]);
    expect(engine.search('   ').total).toBe(0);
    const odd = [
      'x'.repeat(100_000),
      'putin '.repeat(20_000),
      '😀🔥 ‏שלום‎ مرحبا é́́́',
      '<@U123ABC> <#C42|general> putin',
      '"unclosed phrase',
      'speaker: type: after: before:',
      '\u0000\u202e\uFEFF',
      ':::"""\\\\',
    ];
    for (const q of odd) expect(() => engine.search(q)).not.toThrow();
    expect(engine.search('<@U123ABC> working group').results[0]?.speaker).toBe('Vladimir Putin');
    // @ts-expect-error: a caller passing garbage gets an empty answer, not an exception.
    expect(engine.search(undefined).results).toEqual([]);
    expect(engine.search('safety', { limit: -5, offset: Number.NaN }).results.length).toBe(1);
  });

  it('speakers() autocompletes by prefix, full names first', () => {
    expect(engine.speakers('pu').map((s) => s.name)).toEqual(['Vladimir Putin']);
    expect(engine.speakers('lo', 5)[0]?.name).toBe('Maria Lopez');
    expect(engine.speakers('').length).toBe(5);
    expect(engine.speakers('zzz')).toEqual([]);
  });

  it('keeps different quotes apart even when they share words', () => {
    const c = corpus([
      article({
        id: 'a',
        published: '2020-01-01',
        paragraphs: ['"We will build more homes for families this year," Ann Lee said.'],
        quotes: [{ text: 'We will build more homes for families this year,', speaker: 'Ann Lee' }],
      }),
      article({
        id: 'b',
        published: '2020-01-02',
        paragraphs: ['"We will cut taxes for families next year," Bo Park said.'],
        quotes: [{ text: 'We will cut taxes for families next year,', speaker: 'Bo Park' }],
      }),
      article({
        id: 'c',
        published: null,
        paragraphs: ['"We will build more homes for families this year," she said.'],
        quotes: [{ text: 'We will build more homes for families this year,', speaker: null }],
      }),
    ]);
    const e = createSearchEngine(c);
    const res = e.search('families');
    expect(res.total).toBe(2);
    const homes = res.results.find((r) => r.text.includes('homes'));
    // The unattributed copy joins Ann Lee's quote; the dated article comes first, the undated one last.
    expect(homes?.sources.map((s) => s.id)).toEqual(['a', 'c']);
    expect(homes?.speaker).toBe('Ann Lee');
  });
});
