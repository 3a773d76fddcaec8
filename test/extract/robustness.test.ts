import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { article, direct, run } from './helpers.ts';

describe('bad input', () => {
  it('returns nothing for an article without text', () => {
    expect(extract(article())).toEqual({ quotes: [], facts: [] });
    expect(extract(article('', '   ', '\n'))).toEqual({ quotes: [], facts: [] });
  });

  it('copes with unbalanced marks and stray closers', () => {
    const ex = run(
      'He said ” and then “ nothing.',
      '"Unclosed quote that runs to the end of the paragraph',
      'Next.',
    );
    expect(ex.quotes.every((q) => q.kind === 'direct' || q.kind === 'indirect')).toBe(true);
  });

  it('copes with odd Unicode, markup and mentions', () => {
    const ex = run(
      '<@U123ABC> “We\u00a0will\u200b not move 🚍 an inch,” said Zoë Ångström-Nüñez, the union’s president. 🙂',
      '**Bold** claims: the strike cost €4\u202f200 000 in 2024 and ‏عربى‎ text.',
    );
    expect(direct(ex)).toEqual([['We\u00a0will\u200b not move 🚍 an inch', 'Zoë Ångström-Nüñez']]);
    expect(ex.facts).toHaveLength(1);
  });

  it('finishes a 1 MB paragraph and keeps every offset valid', () => {
    const unit =
      'Mayor Elena Ruiz said the city would spend $4.2 million. "We are ready," she said. We remain committed to the city, the mayor said. ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const ex = run(big);
    const n = Math.ceil(1_000_000 / unit.length);
    expect(ex.quotes.filter((q) => q.kind === 'direct')).toHaveLength(2 * n);
    expect(ex.quotes.filter((q) => q.kind === 'indirect')).toHaveLength(n);
    expect(ex.facts).toHaveLength(n);
  });

  it('starts a multi-paragraph quote at its first word when that part is one word and a comma', () => {
    // Found by the property below (seed 83903348): `" said,` then `" said said said said`.
    const [q] = extract(article('" said,', '" said said said said')).quotes;
    expect(q?.paragraph).toBe(0);
    expect(q?.start).toBe(2);
    expect(q?.text).toBe('said said said said said');
  });
  it('a paragraph of punctuation alone before `the company said` (found by the property below)', () => {
    expect(() => extract(article('?', 'the company said'))).not.toThrow();
  });

  it('never throws and keeps offsets inside the paragraph, whatever the words', () => {
    const word = fc.constantFrom(
      'said',
      'she',
      'he',
      'Mr.',
      'Ruiz',
      'Ana',
      'the',
      'company',
      'told',
      'that',
      'we',
      'I',
      'according',
      'to',
      '"',
      '“',
      '”',
      '‘',
      '’',
      ',',
      '.',
      ':',
      '?',
      '—',
      '12',
      'percent',
      'So-called',
      'Inc.',
      'U.S.',
    );
    const paragraph = fc.array(word, { maxLength: 40 }).map((w) => w.join(' ').replace(/ ([,.:?])/g, '$1'));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 5 }), (paragraphs) => {
        const ex = extract(article(...paragraphs));
        for (const q of ex.quotes) {
          const para = paragraphs[q.paragraph];
          expect(para).toBeDefined();
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.start).toBeLessThanOrEqual(para?.length ?? 0);
          if (para?.slice(q.start, q.end) !== q.text) {
            // A multi-paragraph quote: it starts here and ends inside a later paragraph.
            // (Its first word, at least: a part as short as `said,` loses its trailing comma in the joined text.)
            const head = (para ?? '').slice(q.start).split(/[\s,;:.!?]/)[0] ?? '';
            expect(q.text.startsWith(head)).toBe(true);
            expect(paragraphs.slice(q.paragraph + 1).some((later) => q.end <= later.length)).toBe(true);
          }
          expect(q.confidence).toBeGreaterThanOrEqual(0);
          expect(q.confidence).toBeLessThanOrEqual(1);
          expect(q.speaker === null || q.speaker.trim().length > 0).toBe(true);
        }
        for (const f of ex.facts) expect(paragraphs[f.paragraph]?.slice(f.start, f.end)).toBe(f.text);
      }),
      { numRuns: 300 },
    );
  });
});
