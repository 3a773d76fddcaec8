import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchEngine, parseQuery } from '../../src/search/index.ts';
import { stem, words } from '../../src/search/normalize.ts';
import { damerau, Vocabulary } from '../../src/search/vocabulary.ts';
import { sampleCorpus } from './fixtures.ts';

describe('parseQuery', () => {
  it('splits words, phrases and filters', () => {
    const q = parseQuery(
      'speaker:"Vladimir Putin" outlet:cnbc type:quote after:2018-01-01 before:2018-12-31 "working group" cyber',
    );
    expect(q.speakers).toEqual(['Vladimir Putin']);
    expect(q.outlets).toEqual(['cnbc']);
    expect(q.type).toBe('quote');
    expect(q.after).toBe('2018-01-01');
    expect(q.before).toBe('2018-12-31');
    expect(q.phrases).toEqual(['working group']);
    expect(q.words).toEqual(['cyber']);
    expect(q.empty).toBe(false);
  });

  it('keeps unknown key:value tokens as words and warns about bad filter values', () => {
    const q = parseQuery('foo:bar after:yesterday type:poem Speaker:Trump');
    expect(q.words).toEqual(['foo:bar']);
    expect(q.after).toBeNull();
    expect(q.type).toBeNull();
    expect(q.speakers).toEqual(['Trump']);
    expect(q.warnings).toHaveLength(2);
    expect(parseQuery('after:2018-02-30').after).toBeNull();
  });

  it('unwraps chat markup, curly quotes and caps size', () => {
    expect(parseQuery('<@U123> <#C1|general> <https://x.com|the link> hi').words).toEqual([
      'the',
      'link',
      'hi',
    ]);
    expect(parseQuery('“working group”').phrases).toEqual(['working group']);
    expect(parseQuery('a '.repeat(50_000)).words.length).toBe(32);
    expect(parseQuery('').empty).toBe(true);
  });
});

describe('normalisation', () => {
  it('folds diacritics, apostrophes, and keeps numbers whole', () => {
    expect(words('Déjà vu — Putin’s “1,200” jobs, 3.5%')).toEqual([
      'deja',
      'vu',
      'putins',
      '1200',
      'jobs',
      '3.5',
    ]);
    expect(words('café')).toEqual(words('cafe\u0301'));
  });
  it('stems word forms together', () => {
    expect(new Set(['analyze', 'analyzed', 'analyzing', 'analyzes'].map(stem)).size).toBe(1);
    expect(stem('committed')).toBe(stem('commit'));
    expect(stem('turbulance')).not.toBe(stem('turbulence'));
  });
  it('finds near terms by trigrams and edit distance', () => {
    const v = new Vocabulary();
    for (const t of ['turbulenc', 'tribunal', 'cybersecurity', 'cyber']) v.add(t);
    v.seal();
    expect(v.near('turbulanc').map((n) => n.term)).toEqual(['turbulenc']);
    expect(v.completions('cyberse').map((n) => n.term)).toEqual(['cybersecurity']);
    expect(damerau('form', 'from', 2)).toBe(1);
  });
  it('seals in steps, and a copy sealed with the sorted ids answers as the original', () => {
    // Letters only (terms with digits have no completions): the digits of a number spelled as letters.
    const spell = (n: number): string => [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');
    const terms = Array.from({ length: 9000 }, (_, i) => `${'bcdfg'[i % 5]}term${spell((i * 7919) % 9001)}x`);
    const v = new Vocabulary();
    for (const t of terms) v.add(t);
    v.seal();
    const copy = new Vocabulary();
    for (const t of terms) copy.add(t);
    const steps = copy.sealSteps(v.sortedIds());
    let yielded = 0;
    while (!steps.next().done) yielded++;
    expect(yielded).toBeGreaterThan(2);
    for (const q of ['btermbc', 'ctermd', 'dtermhh']) expect(copy.completions(q)).toEqual(v.completions(q));
    expect(copy.near('ftermbcdey')).toEqual(v.near('ftermbcdey'));
    expect(copy.completions('btermb')).not.toEqual([]);
    expect(copy.near('ftermbcdey')).not.toEqual([]);
  });
});

describe('search never throws', () => {
  const engine = createSearchEngine(sampleCorpus());
  it('on arbitrary strings and options', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer(), fc.integer(), (q, limit, offset) => {
        const r = engine.search(q, { limit, offset });
        expect(r.results.length).toBeLessThanOrEqual(100);
        for (const res of r.results) {
          expect(res.score).toBeGreaterThanOrEqual(0);
          expect(res.score).toBeLessThanOrEqual(1);
        }
        engine.verify(q);
      }),
      { numRuns: 300 },
    );
  });
});
