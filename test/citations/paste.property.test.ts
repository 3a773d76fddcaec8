/**
 * Issue 11 item 4: credit lines and references a reporter can paste as they are, for every combination of
 * known and unknown outlet, date, speaker (and how sure we are of it), setting and kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditLine, formatDateLong } from '../../src/citations/credit.ts';
import { CITATION_STYLES, formatArticleCitation } from '../../src/citations/csl.ts';
import type { CslStyleName } from '../../src/citations/styles.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';

const outlet = fc.option(fc.constantFrom('TechCrunch', 'The Daily', 'Reuters', 'Le Monde'), { nil: null });
const published = fc.option(fc.constantFrom('2018-07-16', '2024-05-02', '2021-13-40', 'July 2018'), {
  nil: null,
});
const speaker = fc.option(fc.constantFrom('Vladimir Putin', 'Jane Roe', 'the city council'), { nil: null });
const setting = fc.option(fc.constantFrom('in Helsinki', 'in a tweet', 'at a news conference in Oslo'), {
  nil: null,
});
const article = fc.record({
  id: fc.constant('a'),
  source: fc.constant('a.txt'),
  title: fc.option(fc.constantFrom('Harbour works begin', 'Putin proposes a joint cybersecurity group'), {
    nil: null,
  }),
  outlet,
  url: fc.option(fc.constantFrom('https://example.com/a', 'https://techcrunch.com/2018/07/16/x/'), {
    nil: null,
  }),
  published,
});

describe('creditLine: pasteable for every combination', () => {
  it('is one complete sentence naming only what is known, and nothing as unknown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('quote', 'fact') as fc.Arbitrary<'quote' | 'fact'>,
        fc.constantFrom('direct', 'indirect') as fc.Arbitrary<'direct' | 'indirect'>,
        speaker,
        fc.double({ min: 0, max: 1, noNaN: true }),
        setting,
        article,
        (type, kind, who, confidence, where, ref) => {
          const line = creditLine({ type, kind, speaker: who, confidence, setting: where }, ref);
          // Pasteable: a capital first, one full stop at the very end, no placeholders or remarks.
          expect(line).toMatch(/^[A-Z]/);
          expect(line).toMatch(/[^.]\.$/);
          expect(line.slice(0, -1)).not.toContain('.');
          for (const bad of ['unknown', 'null', 'undefined', '(', ')', '  ', ' ,', ',,', ' .', ', .'])
            expect(line).not.toContain(bad);
          // What is known is there; what is not is simply absent.
          if (ref.outlet) expect(line).toContain(ref.outlet);
          const date = formatDateLong(ref.published);
          if (date) expect(line).toContain(date);
          const named = type === 'quote' && who !== null && confidence >= SPEAKER_SHOWN_MIN;
          // (A speaker in lower case, `the city council`, is capitalised when it opens the line.)
          const lower = line.toLowerCase();
          if (who) expect(lower.includes(who.toLowerCase())).toBe(named);
          if (named) expect(lower).toContain(`${who} said${where ? ` ${where}` : ''},`.toLowerCase());
          else if (where) expect(line).not.toContain(where);
          // A paraphrase says so first; nothing else mentions paraphrase.
          expect(line.startsWith('Paraphrase, not a direct quote: ')).toBe(
            type === 'quote' && kind === 'indirect',
          );
          if (!(type === 'quote' && kind === 'indirect')) expect(line).not.toContain('Paraphrase');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads naturally in each case (examples)', () => {
    const ref = { id: 'a', source: 'a', title: 't', url: null };
    const at = (o: string | null, p: string | null) => ({ ...ref, outlet: o, published: p });
    expect(creditLine({ type: 'quote', speaker: 'Donald Trump' }, at(null, null))).toBe(
      'Donald Trump said, according to a published report.',
    );
    expect(creditLine({ type: 'quote', speaker: 'Donald Trump' }, at(null, '2018-07-16'))).toBe(
      'Donald Trump said, according to a report published July 16, 2018.',
    );
    expect(creditLine({ type: 'quote', speaker: 'Donald Trump' }, at('TechCrunch', null))).toBe(
      'Donald Trump said, TechCrunch reported.',
    );
    expect(creditLine({ type: 'quote', speaker: null }, at(null, null))).toBe(
      'As quoted in a published report.',
    );
    expect(creditLine({ type: 'fact', speaker: null }, at('TechCrunch', '2018-07-16'))).toBe(
      'TechCrunch reported July 16, 2018.',
    );
  });
});

describe('CSL references: pasteable for every combination of known and unknown fields', () => {
  it('never prints a placeholder, and MLA always sets the title off in quotation marks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(CITATION_STYLES.filter((s) => s !== 'ap') as CslStyleName[])),
        article,
        async (style, ref) => {
          const { text } = await formatArticleCitation(ref, style);
          expect(text.trim()).toBe(text);
          for (const bad of ['undefined', 'null', 'NaN', '[object', '..', ' ,', '“”', '()'])
            expect(text).not.toContain(bad);
          if (ref.url) expect(text).toContain(ref.url);
          if (ref.outlet) expect(text).toContain(ref.outlet);
          if (style === 'mla' && ref.title) expect(text).toMatch(/“[^”]+[.,]?”/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
