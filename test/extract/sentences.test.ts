import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.ts';

const texts = (s: string): string[] => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets exact', () => {
    const input = 'The council met on Monday. It voted 7-2!  Was that wise? Nobody knows.';
    const out = splitSentences(input);
    expect(out.map((s) => s.text)).toEqual([
      'The council met on Monday.',
      'It voted 7-2!',
      'Was that wise?',
      'Nobody knows.',
    ]);
    for (const s of out) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after titles and name abbreviations', () => {
    expect(texts('Mr. Smith met Dr. Jones on St. Mark Street. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones on St. Mark Street.',
      'They talked.',
    ]);
    expect(texts('Ms. Ortega and Prof. Lee spoke with Gov. Reyes.')).toHaveLength(1);
  });

  it('handles U.S. mid-sentence and at the end of a sentence', () => {
    expect(texts('The U.S. Justice Department said so. Then it left.')).toEqual([
      'The U.S. Justice Department said so.',
      'Then it left.',
    ]);
    expect(texts('He moved to the U.S. The move was hard.')).toEqual([
      'He moved to the U.S.',
      'The move was hard.',
    ]);
  });

  it('handles initials, dates and decimals', () => {
    expect(texts('J. K. Rowling wrote it on Jan. 5 at 3.5 times the rate. Sales rose 4.2%.')).toEqual([
      'J. K. Rowling wrote it on Jan. 5 at 3.5 times the rate.',
      'Sales rose 4.2%.',
    ]);
    expect(texts('The deal closed in Jan. Prices then rose.')).toEqual([
      'The deal closed in Jan.',
      'Prices then rose.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(texts('"We are ready." She left. "Are you?" he asked. ‘Yes.’ Done.')).toEqual([
      '"We are ready."',
      'She left.',
      '"Are you?" he asked.',
      '‘Yes.’',
      'Done.',
    ]);
    expect(texts('He said, “It is over.” Then he left.')).toEqual([
      'He said, “It is over.”',
      'Then he left.',
    ]);
  });

  it('treats a mid-sentence ellipsis as a pause, a capitalised continuation as a boundary', () => {
    expect(texts('I felt this was best delivered in person ... spent a great deal of time. Yes.')).toEqual([
      'I felt this was best delivered in person ... spent a great deal of time.',
      'Yes.',
    ]);
    expect(texts('We waited… Nothing happened.')).toEqual(['We waited…', 'Nothing happened.']);
  });

  it('splits at blank lines and copes with empty input', () => {
    expect(texts('First line without stop\n\nSecond one.')).toEqual([
      'First line without stop',
      'Second one.',
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('returns offsets that slice back to the text, in order, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', '.', ' ', '"', '?', '\n', '…', '1', 'Mr') }),
        (s) => {
          let last = 0;
          for (const sent of splitSentences(s)) {
            expect(s.slice(sent.start, sent.end)).toBe(sent.text);
            expect(sent.start).toBeGreaterThanOrEqual(last);
            expect(sent.text.trim()).toBe(sent.text);
            last = sent.end;
          }
        },
      ),
    );
  });

  it('handles a 1 MB paragraph', () => {
    const big = 'The U.S. economy grew 3.5% in Jan. and Mr. Lee said so. '.repeat(20_000);
    const out = splitSentences(big);
    expect(out.length).toBe(20_000);
  });
});
