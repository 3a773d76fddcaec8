import { describe, expect, it } from 'vitest';
import { ActionStore, executeAction, executeCommand, UserError } from '../../src/commands/index.ts';
import type { Quote } from '../../src/types.ts';
import { fakeEngine, makeArticle } from './fake-engine.ts';

function quoteOf(text: string, paragraph = 0): Quote {
  return {
    text,
    speaker: 'Vladimir Putin',
    role: 'Russian President',
    kind: 'direct',
    verb: 'said',
    paragraph,
    start: 1,
    end: 1 + text.length,
    confidence: 0.9,
  };
}

const article = makeArticle({
  id: 'a.txt',
  title: 'Putin proposes a joint cybersecurity group',
  outlet: 'TechCrunch',
  published: '2018-07-16',
  url: 'https://techcrunch.com/2018/07/16/putin',
  paragraphs: ['"We can analyze them through a working group," Putin said in Helsinki.'],
  quotes: [
    quoteOf('We can analyze them through a working group'),
    ...[1, 2, 3, 4, 5, 6].map((n) => quoteOf(`working group number ${n}`)),
  ],
  facts: [{ text: 'Mueller indicted 12 Russian intelligence officers.', paragraph: 0, start: 0, end: 10 }],
});

function env(overrides: Partial<Parameters<typeof executeCommand>[1]> = {}) {
  return {
    engine: fakeEngine([article]),
    actions: new ActionStore(),
    platform: 'console' as const,
    user: { id: 'U1', name: 'Ann Reporter' },
    ...overrides,
  };
}

describe('executeCommand', () => {
  it('answers /quote with the best quote in full, the others compact, and buttons', async () => {
    const reply = await executeCommand(
      { command: '/quote', text: 'analyze working group speaker:putin' },
      env(),
    );
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Quote: analyze working group (speaker: putin)');
    expect(reply.blocks[0]).toEqual({
      type: 'quote',
      text: 'We can analyze them through a working group',
      speaker: 'Vladimir Putin',
      role: 'Russian President',
      possibly: null,
      paraphrase: false,
    });
    const citation = reply.blocks.find((b) => b.type === 'citation');
    expect(citation).toMatchObject({
      source: { outlet: 'TechCrunch', url: 'https://techcrunch.com/2018/07/16/putin' },
      credit: 'Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.',
    });
    expect(reply.blocks.filter((b) => b.type === 'quote')).toHaveLength(5);
    // One Share per result, right under it; More for the page.
    expect(reply.actions.map((a) => [a.kind, a.label])).toEqual([['more', 'More results']]);
    const shares = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(shares.map((a) => [a.kind, a.label])).toEqual(Array(5).fill(['share', 'Share this quote']));
    expect(shares[0]?.detail).toBe('Vladimir Putin: We can analyze them through a working group');
    expect(reply.fallback).toContain('“We can analyze them through a working group”');
    expect(reply.fallback).toContain('Results 1–5 of 7 · page 1 of 2');
    // The four further results are compact: the quote and one source line each.
    expect(reply.fallback).toContain(
      '(Putin proposes a joint cybersecurity group · TechCrunch, July 16, 2018 · https://techcrunch.com/2018/07/16/putin)',
    );
  });

  it('takes typed args (Discord) as well as text', async () => {
    const reply = await executeCommand(
      { command: 'quote', args: { query: 'analyze', speaker: 'putin' } },
      env(),
    );
    expect(reply.blocks[0]).toMatchObject({
      type: 'quote',
      text: 'We can analyze them through a working group',
    });
  });

  it('turns an empty query into the usage', async () => {
    for (const text of ['', '   ', '\u200B', 'speaker:']) {
      const reply = await executeCommand({ command: 'quote', text }, env());
      expect(reply.status).toBe('usage');
      expect(reply.title).toBe('Usage: /quote QUERY [speaker:NAME]');
      expect(reply.fallback).toContain('/quote putin working group');
    }
    // A speaker alone is a question (issue 10): list what they said.
    const bySpeaker = await executeCommand({ command: 'quote', text: 'speaker:putin' }, env());
    expect(bySpeaker.status).not.toBe('usage');
    const noArgs = await executeCommand({ command: 'verify', args: {} }, env());
    expect(noArgs.status).toBe('usage');
  });

  it('names an unknown command and lists the real ones', async () => {
    const reply = await executeCommand({ command: '/qoute', text: 'x' }, env());
    expect(reply.status).toBe('usage');
    expect(reply.fallback).toContain('There is no /qoute command');
    expect(reply.fallback).toContain('/quote, /fact, /cite, /verify, /sources, /speaker, /add, /help');
  });

  it('refuses a too-long query and a bad style with a friendly error', async () => {
    const long = await executeCommand({ command: 'quote', text: 'word '.repeat(200) }, env());
    expect(long.status).toBe('error');
    expect(long.fallback).toContain('keep it under 500 characters');
    const style = await executeCommand({ command: 'cite', text: 'working group style:harvard' }, env());
    expect(style.status).toBe('error');
    expect(style.fallback).toContain('Style must be one of: ap, apa, mla, chicago.');
  });

  it('logs an unexpected failure and answers briefly, without throwing', async () => {
    const logged: { obj: object; msg?: string }[] = [];
    const logger = { error: (obj: object, msg?: string) => logged.push({ obj, msg }), warn: () => {} };
    const reply = await executeCommand(
      { command: 'quote', text: 'putin' },
      env({ engine: fakeEngine([article], { crash: true }), logger }),
    );
    expect(reply.status).toBe('error');
    expect(reply.fallback).not.toContain('index exploded');
    expect(logged).toHaveLength(1);
    const entry = logged[0]?.obj as { ref: string; err: Error } | undefined;
    expect(reply.fallback).toContain(`ref ${entry?.ref}`);
    expect(entry?.err.message).toBe('index exploded');
  });

  it('says nothing was found and offers the suggestions', async () => {
    const reply = await executeCommand({ command: 'quote', text: 'zebra crossing' }, env());
    expect(reply.status).toBe('empty');
    expect(reply.fallback).toContain('No quotes found for “zebra crossing”.');
    // "putin" is no small edit from "zebra" or "crossing": not offered.
    expect(reply.fallback).not.toContain('Did you mean');
    expect(reply.actions).toEqual([]);
    const typo = await executeCommand({ command: 'quote', text: 'putn zebra' }, env());
    expect(typo.fallback).toContain('Did you mean: putin?');
  });

  it('answers /fact from facts only', async () => {
    const reply = await executeCommand({ command: 'fact', text: 'indicted officers' }, env());
    expect(reply.blocks[0]).toEqual({
      type: 'fact',
      text: 'Mueller indicted 12 Russian intelligence officers.',
    });
    expect(reply.fallback).toContain('Credit: TechCrunch reported July 16, 2018.');
  });

  it('keeps UserError usable by commands', () => {
    const error = new UserError('x', 'msg', 'usage');
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('usage');
  });
});

describe('executeAction', () => {
  it('"more" runs the next page, and "share" posts that one result alone, with who shared it', async () => {
    const e = env();
    const first = await executeCommand({ command: 'quote', text: 'working group' }, e);
    const moreId = first.actions.find((a) => a.kind === 'more')?.id ?? '';
    const shares = first.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    const shareId = shares[2]?.id ?? '';
    expect(moreId.length).toBeLessThanOrEqual(100);

    const more = await executeAction(moreId, e);
    expect(more.kind).toBe('more');
    expect(more.reply.fallback).toContain('Results 6–7 of 7 · page 2 of 2');
    expect(more.reply.actions.some((a) => a.kind === 'more')).toBe(false);

    const shared = await executeAction(shareId, e);
    expect(shared.kind).toBe('share');
    // The third result in full (quote, citation), and no page line promising more without a button.
    const third = first.blocks.filter((b) => b.type === 'quote')[2];
    expect(shared.reply.blocks.filter((b) => b.type === 'quote')).toEqual([third]);
    expect(shared.reply.blocks.some((b) => b.type === 'citation')).toBe(true);
    expect(shared.reply.fallback).not.toMatch(/Results|page \d/);
    expect(shared.reply.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(shared.reply.blocks.at(-1)).toEqual({ type: 'context', text: 'Shared by Ann Reporter' });
    expect(shared.reply.fallback.endsWith('(Shared by Ann Reporter)')).toBe(true);
    expect(shared.reply.actions).toEqual([]);
  });

  it('answers an unknown or expired key kindly', async () => {
    let now = 0;
    const actions = new ActionStore(10, 1000, () => now);
    const e = env({ actions });
    const reply = await executeCommand({ command: 'quote', text: 'working group' }, e);
    now = 5000;
    const outcome = await executeAction(reply.actions[0]?.id ?? '', e);
    expect(outcome.kind).toBe('expired');
    expect(outcome.reply.fallback).toContain('run the command again');
    expect((await executeAction('nonsense', e)).kind).toBe('expired');
  });
});
