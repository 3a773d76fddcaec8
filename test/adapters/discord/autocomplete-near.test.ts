/** Discord autocomplete offers near names for a misspelt speaker, in /quote and in /speaker (issue 10, item 3). */
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../adapters/discord/dispatch.ts';
import { ActionStore } from '../../../src/commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { createSearchEngine } from '../../../src/search/index.ts';
import { article, corpus } from '../../search/helpers.ts';

const engine = createSearchEngine(
  corpus(
    [
      article({
        id: 'a',
        paragraphs: ['"The ferry timetable changes in May," said Greta Lund, the harbour master.'],
        quotes: [
          { text: 'The ferry timetable changes in May,', speaker: 'Greta Lund', role: 'harbour master' },
        ],
      }),
    ],
    [{ name: 'Greta Lund', role: 'harbour master', aliases: ['Lund'], quoteCount: 1 }],
  ),
);
const dispatch = createDispatch({
  config: loadConfig({}),
  logger: createLogger('silent'),
  engine: () => engine,
  actions: new ActionStore(),
});

describe('speaker autocomplete with a typo', () => {
  it('offers the near name in /quote and /speaker', () => {
    for (const command of ['quote', 'speaker'])
      expect(
        dispatch.autocomplete(command, [{ name: 'speaker', type: 3, value: 'lnud', focused: true }]),
      ).toEqual([{ name: 'Greta Lund (harbour master)', value: 'Greta Lund' }]);
  });

  it('offers nothing for a name nowhere near', () => {
    expect(
      dispatch.autocomplete('speaker', [{ name: 'speaker', type: 3, value: 'zzzzz', focused: true }]),
    ).toEqual([]);
  });
});
