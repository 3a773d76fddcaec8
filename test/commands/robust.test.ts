/** Bad input gets a friendly reply and never a crash: any text, to any command, on the real engine. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionStore, commands, executeCommand } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('data/articles'));
});

const names = [...commands.map((c) => c.name), 'newsroom', '/QUOTE', 'nope'];
const oddText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '<@U123ABC> putin',
    '<#C123|general> working group',
    '*bold* _it_ ~strike~ `code`',
    '@everyone putin',
    'speaker:"unterminated',
    'style:',
    '\u202Eevil\u202C putin',
    'пу́тин рабочая группа',
    '普京 工作组',
    '🤖🤖🤖 putin',
    '"""""',
    'a'.repeat(5000),
    'speaker:putin speaker:trump',
  ),
);

describe('executeCommand on odd input', () => {
  it('always resolves to a Reply with a fallback, never the crash reply', async () => {
    const failures: string[] = [];
    const logger = {
      error: (obj: object) => failures.push(String((obj as { err?: Error }).err?.stack)),
      warn: () => {},
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), oddText, async (command, text) => {
        const reply = await executeCommand(
          { command, text },
          { engine, actions: new ActionStore(), platform: 'slack', user: null, logger },
        );
        expect(reply.fallback.length).toBeGreaterThan(0);
        expect(reply.fallback).toBe(reply.fallback.trim());
        expect(reply.title).not.toBe('Something went wrong');
        expect(['ok', 'empty', 'usage', 'error']).toContain(reply.status);
      }),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
  });
});
