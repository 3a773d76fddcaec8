/** The pieces of a results reply: context without the item, near suggestions only, per-result share details. */
import { describe, expect, it } from 'vitest';
import { contextAround, ITEM_GAP } from '../../src/commands/present.ts';
import { editDistance, nearSuggestions } from '../../src/commands/suggest.ts';

describe('contextAround', () => {
  it('cuts the item and its quotation marks out of its context', () => {
    expect(
      contextAround(
        'Trump spoke first. “We are ready to talk,” Putin said. They left.',
        'We are ready to talk',
      ),
    ).toBe(`Trump spoke first. ${ITEM_GAP}, Putin said. They left.`);
    expect(
      contextAround('Putin added that Russia favors cooperation. The end.', 'Russia favors cooperation'),
    ).toBe(`Putin added that ${ITEM_GAP}. The end.`);
  });

  it('copes with white space and a final stop that differ, and empties a context that was only the item', () => {
    expect(contextAround('Before.  It is\n12 officers. After.', 'It is 12 officers.')).toBe(
      `Before. ${ITEM_GAP} After.`,
    );
    expect(contextAround('“It rained.”', 'It rained.')).toBe('');
    expect(contextAround('Nothing shared here.', 'Other words entirely')).toBe('Nothing shared here.');
  });

  it('cuts the opening of a quote whose end lies outside the context (next paragraph, cut context)', () => {
    expect(
      contextAround(
        'She paused. “We will rebuild the harbour wall before the winter storms come',
        'We will rebuild the harbour wall before the winter storms come back. Then the bridge.',
      ),
    ).toBe(`She paused. ${ITEM_GAP}`);
    // Five words are no proof: nothing is cut.
    expect(contextAround('He said we will do it now.', 'we will do it later')).toBe(
      'He said we will do it now.',
    );
  });
});

describe('contextAround with a long quote cut short', () => {
  it('cuts out the longest opening run that the context holds, for every cut point', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    for (const shown of [6, 7, 123, 399]) {
      const context = `Before it. “${words.slice(0, shown).join(' ')}`;
      expect(contextAround(context, words.join(' '))).toBe(`Before it. ${ITEM_GAP}`);
    }
    // Fewer than six words of it in the context: nothing is cut.
    expect(contextAround(`Before it. “${words.slice(0, 5).join(' ')}`, words.join(' '))).toBe(
      `Before it. “${words.slice(0, 5).join(' ')}`,
    );
  });
});

describe('nearSuggestions', () => {
  it('offers only suggestions a small edit from a typed word', () => {
    expect(nearSuggestions('zebra crossings', ['told', 'comes', 'morning', 'move'])).toEqual([]);
    expect(nearSuggestions('putn working group', ['putin', 'trump'])).toEqual(['putin']);
    expect(nearSuggestions('quote speaker:trmp', ['Donald Trump', 'Vladimir Putin'])).toEqual([
      'Donald Trump',
    ]);
    expect(nearSuggestions('cybersecurty', ['cybersecurity'])).toEqual(['cybersecurity']);
    // The word typed exactly is no correction.
    expect(nearSuggestions('putin zzz', ['putin'])).toEqual([]);
  });

  it('editDistance is Levenshtein, with an early stop', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
