/**
 * Attribution patterns met in real news (measured on PolNeAR's train split with `npm run eval -- --brat DIR`),
 * each written here as our own sentences. A wrong name is worse than none: several cases assert that the
 * speaker stays unknown or is shown only with low confidence.
 */
import { describe, expect, it } from 'vitest';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';
import type { Quote } from '../../src/types.ts';
import { run } from './helpers.ts';

const quoteWith = (quotes: Quote[], needle: string): Quote => {
  const q = quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote with ${needle}: ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
};
const shown = (q: Quote): string | null => (q.confidence >= SPEAKER_SHOWN_MIN ? q.speaker : null);

describe('party and state tags', () => {
  it.each([
    ['"We will not back down on this bill," said Rep. Ann Kowalski (R-Fla.), a member of the panel.', 'Ann Kowalski', 'R-Fla.'],
    ['"The vote is a disgrace to the chamber," Sen. Dale Pruitt, D-N.C., said Tuesday.', 'Dale Pruitt', 'D-N.C.'],
    ['Rep. Tom Arliss (D-Ohio) said: "Nobody in my district asked for this."', 'Tom Arliss', 'D-Ohio'],
    ['"It is the beginning of cracks in the wall," said Sen. Mara Lindqvist (I-Vt.).', 'Mara Lindqvist', 'I-Vt.'],
    ['Rep. Peter Hale, Republican of New York, said: "The station gave that voice a home."', 'Peter Hale', 'Republican of New York'],
  ])('%s', (text, speaker, tag) => {
    const q = run(text).quotes.find((x) => x.kind === 'direct') as Quote;
    expect(q.speaker).toBe(speaker);
    expect(q.role).toContain(tag);
    expect(shown(q)).toBe(speaker);
  });
});
