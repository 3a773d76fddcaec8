import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole, splitCommandLine } from '../../adapters/console/index.ts';
import { ActionStore } from '../../src/commands/actions.ts';
import type { Quote } from '../../src/types.ts';
import { fakeEngine, makeArticle } from '../commands/fake-engine.ts';

const quotes: Quote[] = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
  text: `working group remark ${n}`,
  speaker: 'Vladimir Putin',
  role: null,
  kind: 'direct',
  verb: 'said',
  paragraph: 0,
  start: 0,
  end: 5,
  confidence: 1,
}));
const engine = fakeEngine([
  makeArticle({
    id: 'a',
    title: 'T',
    outlet: 'TechCrunch',
    published: '2018-07-16',
    paragraphs: ['p'],
    quotes,
  }),
]);

async function session(lines: string, interactive = false): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const done = runConsole({
    engine: () => engine,
    actions: new ActionStore(),
    input,
    output,
    color: false,
    interactive,
  });
  input.end(lines);
  await done;
  return text;
}

describe('splitCommandLine', () => {
  it('splits the command from its text; the slash is optional', () => {
    expect(splitCommandLine('/quote putin working group')).toEqual({
      command: 'quote',
      text: 'putin working group',
    });
    expect(splitCommandLine('  sources ')).toEqual({ command: 'sources', text: '' });
  });
});

describe('runConsole (piped)', () => {
  it('answers one command per line, skips blanks and comments, and pages with "more"', async () => {
    const out = await session('# a comment\n\n/quote working group\nmore\nmore\nsources\n');
    expect(out).not.toContain('newsroom>');
    expect(out).not.toContain('a comment');
    expect(out).toContain('Quote: working group\n\n  “working group remark');
    expect(out).toContain('Results 1–5 of 7 · page 1 of 2');
    expect(out).toContain('→ Type "more" for the next page.');
    expect(out).toContain('Results 6–7 of 7 · page 2 of 2');
    // After the last page, "more" says so: it does not claim no command was run.
    expect(out).toContain(
      'Nothing more to show: “/quote working group” fit on one page, or that was its last page.',
    );
    expect(out).not.toContain('run a command first');
    expect(out).toContain('Sources\n\n1 article, 7 quotes, 0 facts.');
  });

  it('"more" after a one-page answer names that answer; before any command it says what "more" does', async () => {
    const out = await session('more\n/quote 3\nmore\n');
    expect(out).toContain(
      'Nothing more to show yet: "more" pages through the results of a command such as /quote putin.',
    );
    expect(out).toContain('Nothing more to show: “/quote 3” fit on one page');
  });

  it('answers bad input kindly and keeps going', async () => {
    const out = await session(`/frobnicate\nquote\n/quote ${'x'.repeat(5000)}\nhelp\n`);
    expect(out).toContain('There is no /frobnicate command.');
    expect(out).toContain('Usage: /quote QUERY [speaker:NAME]');
    expect(out).toContain('keep it under 500 characters');
    expect(out).toContain('Newsroom bot: commands');
  });

  it('stops at quit', async () => {
    const out = await session('quit\nsources\n');
    expect(out).toBe('');
  });
});
