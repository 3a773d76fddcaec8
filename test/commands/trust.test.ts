/** Issue 9 at the command level: who is named, how a paraphrase is credited, and what /verify calls exact. */
import { describe, expect, it } from 'vitest';
import { creditLine } from '../../src/citations/credit.ts';
import { ActionStore, executeCommand } from '../../src/commands/index.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';
import type { Quote } from '../../src/types.ts';
import { fakeEngine, makeArticle } from './fake-engine.ts';

const quote = (text: string, over: Partial<Quote> = {}): Quote => ({
  text,
  speaker: 'Jane Roe',
  role: 'City engineer',
  kind: 'direct',
  verb: 'said',
  paragraph: 0,
  start: 1,
  end: 1 + text.length,
  confidence: 0.9,
  ...over,
});

const article = makeArticle({
  id: 'h.txt',
  title: 'Harbour works',
  outlet: 'The Daily',
  url: 'https://example.com/h',
  published: '2021-03-04',
  paragraphs: ['Roe said the flood gates would be replaced by spring.'],
  quotes: [
    quote('The harbour wall will hold this winter', { confidence: 0.3 }),
    quote('the flood gates would be replaced by spring', { kind: 'indirect' }),
  ],
});

const ask = (text: string, command = 'quote') =>
  executeCommand(
    { command, text },
    { engine: fakeEngine([article]), actions: new ActionStore(), platform: 'console', user: null },
  );

describe('trust rules in the commands', () => {
  it('/quote leaves an unsure speaker out of the quote block and the credit line', async () => {
    const reply = await ask('harbour wall hold winter');
    expect(reply.blocks[0]).toMatchObject({ type: 'quote', speaker: null, possibly: 'Jane Roe' });
    expect(reply.blocks.find((b) => b.type === 'citation')).toMatchObject({
      credit: 'As quoted by The Daily March 4, 2021.',
    });
  });

  it('/quote shows a paraphrase as one and credits it as one', async () => {
    const reply = await ask('flood gates replaced spring');
    expect(reply.blocks[0]).toMatchObject({ type: 'quote', paraphrase: true, speaker: 'Jane Roe' });
    expect(reply.blocks.find((b) => b.type === 'citation')).toMatchObject({
      credit: 'Paraphrase, not a direct quote: Jane Roe said, The Daily reported March 4, 2021.',
    });
    expect(reply.fallback).not.toMatch(/“the flood gates/);
  });

  it('/cite of a paraphrase labels the credit line', async () => {
    const reply = await ask('flood gates replaced spring', 'cite');
    expect(reply.fallback).toContain(
      'Paraphrase, not a direct quote: Jane Roe said, The Daily reported March 4, 2021.',
    );
  });

  it('/verify of a paraphrase is not exact and says the nearest text is a paraphrase', async () => {
    const reply = await ask('the flood gates would be replaced by spring', 'verify');
    expect(reply.blocks[0]).toEqual({
      type: 'heading',
      text: 'Not found as a quote: the nearest published text is a paraphrase (reported speech), not the speaker’s own words.',
    });
    expect(reply.fallback).not.toMatch(/exact/i);
    expect(reply.blocks.some((b) => b.type === 'quote' && b.paraphrase)).toBe(true);
    expect(reply.blocks.some((b) => b.type === 'diff')).toBe(false);
  });

  it('/verify of a direct quote with an unsure speaker is exact but names nobody', async () => {
    const reply = await ask('The harbour wall will hold this winter', 'verify');
    expect(reply.fallback).toContain('Exact');
    expect(reply.fallback).toContain('speaker unclear (possibly Jane Roe, check the article)');
    expect(reply.fallback).toContain('Credit: As quoted by The Daily March 4, 2021.');
  });
});

describe('creditLine with confidence and kind', () => {
  const ref = { id: 'h', title: 't', outlet: 'The Daily', url: null, published: '2021-03-04', source: 'h' };
  it('names the speaker only at or above the threshold', () => {
    expect(
      creditLine({ type: 'quote', speaker: 'Jane Roe', confidence: SPEAKER_SHOWN_MIN - 0.01 }, ref),
    ).toBe('As quoted by The Daily March 4, 2021.');
    expect(creditLine({ type: 'quote', speaker: 'Jane Roe', confidence: SPEAKER_SHOWN_MIN }, ref)).toBe(
      'Jane Roe said, The Daily reported March 4, 2021.',
    );
  });
  it('labels a paraphrase', () => {
    expect(creditLine({ type: 'quote', speaker: null, kind: 'indirect' }, ref)).toBe(
      'Paraphrase, not a direct quote: The Daily reported March 4, 2021.',
    );
  });
});
