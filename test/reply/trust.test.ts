/**
 * Issue 9 on the display side: a speaker below SPEAKER_SHOWN_MIN is never shown as the speaker, and a paraphrase
 * (an indirect quote) is never inside quotation marks, in the plain fallback and in every renderer.
 */
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../adapters/console/render.ts';
import { toDiscordMessage } from '../../adapters/discord/render.ts';
import { toBlockKit } from '../../adapters/slack/render.ts';
import * as r from '../../src/reply/index.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';

const source = {
  id: 'a',
  title: 'Putin proposes a joint cybersecurity group',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/x',
  published: '2018-07-16',
  source: 'data/a.txt',
};

const paraphrase = r.quoted({
  text: 'Russia favors continued cooperation in counter terrorism',
  speaker: 'Vladimir Putin',
  role: 'Russian President',
  kind: 'indirect',
  confidence: 0.9,
});
const unclear = r.quoted({
  text: 'We are ready to analyze together.',
  speaker: 'Vladimir Putin',
  role: 'Russian President',
  kind: 'direct',
  confidence: SPEAKER_SHOWN_MIN - 0.01,
});

const reply = (block: ReturnType<typeof r.quoted>) =>
  r.card({ title: 'Quote: test', blocks: [block, r.citation(source, 'credit')] });

/** Every string of a rendered message, for searching. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

describe('quoted(): the trust rules on a quote block', () => {
  it('names the speaker at or above the threshold, offers "possibly" below it', () => {
    expect(
      r.quoted({ text: 'x', speaker: 'A B', role: 'R', kind: 'direct', confidence: SPEAKER_SHOWN_MIN }),
    ).toEqual({ type: 'quote', text: 'x', speaker: 'A B', role: 'R', possibly: null, paraphrase: false });
    expect(unclear).toMatchObject({
      speaker: null,
      role: null,
      possibly: 'Vladimir Putin',
      paraphrase: false,
    });
    expect(r.quoted({ text: 'x', speaker: null, role: null, kind: 'direct', confidence: 0.9 })).toMatchObject(
      {
        speaker: null,
        possibly: null,
      },
    );
  });

  it('marks an indirect quote as a paraphrase', () => {
    expect(paraphrase).toMatchObject({ paraphrase: true, speaker: 'Vladimir Putin' });
  });
});

describe('plain text', () => {
  it('shows a paraphrase as labelled reported speech without quotation marks', () => {
    expect(r.toPlainText(reply(paraphrase))).toContain(
      'Paraphrase: Vladimir Putin, Russian President, said Russia favors continued cooperation in counter terrorism.',
    );
    expect(r.toPlainText(reply(paraphrase))).not.toMatch(/[“"]Russia/);
  });

  it('an unsure speaker reads "speaker unclear (possibly X, check the article)"', () => {
    expect(r.toPlainText(reply(unclear))).toContain(
      '“We are ready to analyze together.”\n— speaker unclear (possibly Vladimir Putin, check the article)',
    );
    const unclearParaphrase = r.quoted({
      ...paraphrase,
      speaker: 'Vladimir Putin',
      kind: 'indirect',
      confidence: 0.1,
    });
    expect(r.quoteToPlain(unclearParaphrase)).toBe(
      'Paraphrase (speaker unclear: possibly Vladimir Putin, check the article): Russia favors continued cooperation in counter terrorism.',
    );
    expect(
      r.quoteToPlain(r.quoted({ text: 'it rained.', speaker: null, role: null, kind: 'indirect' })),
    ).toBe('Paraphrase (speaker unknown): it rained.');
  });

  it('reported speech lowers a clause opener but not a name', () => {
    const block = r.quoted({
      text: 'The plan works',
      speaker: 'Ann Lee',
      role: null,
      kind: 'indirect',
      confidence: 1,
    });
    expect(r.quoteToPlain(block)).toBe('Paraphrase: Ann Lee said the plan works.');
  });
});

describe('renderers', () => {
  it('console: a paraphrase is labelled and unquoted; an unsure speaker is not named', () => {
    const p = renderConsole(reply(paraphrase), { color: false });
    expect(p).toContain('Paraphrase: Vladimir Putin, Russian President, said Russia favors');
    expect(p).not.toMatch(/[“"]Russia/);
    const u = renderConsole(reply(unclear), { color: false });
    expect(u).toContain('— speaker unclear (possibly Vladimir Putin, check the article)');
    expect(u).not.toContain('— Vladimir Putin');
  });

  it('Slack: a paraphrase is neither a block quote nor in quotation marks; an unsure speaker is not bold', () => {
    const p = toBlockKit(reply(paraphrase));
    const section = p.blocks.find((b) => b.type === 'section' && 'text' in b);
    expect(section).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: '*Paraphrase: Vladimir Putin, Russian President, said* Russia favors continued cooperation in counter terrorism.',
      },
    });
    expect(p.text).not.toMatch(/[“"]Russia/);
    const u = toBlockKit(reply(unclear));
    expect(strings(u.blocks).join('\n')).toContain(
      '>We are ready to analyze together.\n— _speaker unclear (possibly Vladimir Putin, check the article)_',
    );
    expect(strings(u.blocks).join('\n')).not.toContain('*Vladimir Putin*');
  });

  it('Discord: a paraphrase is labelled in the author line and the text, never in quotation marks', () => {
    const p = toDiscordMessage(reply(paraphrase), { ephemeral: true });
    expect(p.embeds[0]?.author?.name).toBe('Paraphrase · Vladimir Putin, Russian President');
    expect(p.embeds[0]?.description).toBe(
      '**Paraphrase: Vladimir Putin, Russian President, said** Russia favors continued cooperation in counter terrorism.',
    );
    const u = toDiscordMessage(reply(unclear), { ephemeral: true });
    expect(u.embeds[0]?.author?.name).toBe('Speaker unclear (possibly Vladimir Putin, check the article)');
  });
});
