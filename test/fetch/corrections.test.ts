import { describe, expect, it } from 'vitest';
import { compareQuotes, overlap } from '../../src/fetch/corrections.ts';
import type { Quote } from '../../src/types.ts';

const q = (text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote => ({
  text,
  speaker,
  role: null,
  kind,
  verb: 'said',
  paragraph: 0,
  start: 0,
  end: text.length,
  confidence: 0.9,
});

describe('compareQuotes', () => {
  it('lists reworded and removed quotes, not the ones kept word for word', () => {
    const before = [
      q('We will open the bridge in May after the last inspection', 'Ana Silva'),
      q('The budget is fine', 'Ana Silva'),
      q('Nobody expected the delay at all this year', 'Tom Baker'),
    ];
    const after = [
      q('We will open the bridge in June after the last inspection', 'Ana Silva'),
      q('The budget is fine', 'Ana Silva'),
    ];
    expect(compareQuotes(before, after, '2026-01-02T00:00:00.000Z')).toEqual([
      {
        kind: 'changed',
        at: '2026-01-02T00:00:00.000Z',
        speaker: 'Ana Silva',
        quoteKind: 'direct',
        confidence: 0.9,
        earlier: 'We will open the bridge in May after the last inspection',
        now: 'We will open the bridge in June after the last inspection',
      },
      {
        kind: 'removed',
        at: '2026-01-02T00:00:00.000Z',
        speaker: 'Tom Baker',
        quoteKind: 'direct',
        confidence: 0.9,
        earlier: 'Nobody expected the delay at all this year',
        now: null,
      },
    ]);
  });

  it('never matches a quote to another speaker’s, and keeps a paraphrase a paraphrase', () => {
    const out = compareQuotes(
      [q('the city will open the bridge in May', 'Ana Silva', 'indirect')],
      [q('the city will open the bridge in June', 'Tom Baker')],
      'T',
    );
    expect(out).toEqual([
      {
        kind: 'removed',
        at: 'T',
        speaker: 'Ana Silva',
        quoteKind: 'indirect',
        confidence: 0.9,
        earlier: 'the city will open the bridge in May',
        now: null,
      },
    ]);
    expect(overlap('a b c d', 'a b c e')).toBe(0.75);
  });
});
