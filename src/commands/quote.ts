/** /quote QUERY [speaker:NAME]: the best quote in full, four more compact, paged. */
import { z } from 'zod';
import { defineCommand, PAGE_SIZE } from './define.ts';
import { queryField, speakerField } from './fields.ts';
import { resultsPage } from './present.ts';

export const quoteCommand = defineCommand({
  name: 'quote',
  description: 'Find a quote: who said it, the words, and the article to cite.',
  usage: '/quote QUERY [speaker:NAME]',
  examples: ['/quote putin working group', '/quote cyber security unit speaker:trump'],
  options: [
    { name: 'query', description: 'Words from the quote, in any order', required: true, maxLength: 500 },
    {
      name: 'speaker',
      description: 'Only quotes by this speaker (any form of the name)',
      required: false,
      autocomplete: true,
      maxLength: 100,
    },
  ],
  rest: 'query',
  schema: z.object({
    query: queryField('some words from the quote, e.g. /quote putin working group'),
    speaker: speakerField,
  }),
  run(ctx) {
    const { query, speaker } = ctx.args;
    const response = ctx.engine.search(query, {
      type: 'quote',
      speaker,
      limit: PAGE_SIZE,
      offset: (ctx.page - 1) * PAGE_SIZE,
    });
    const title = `Quote: ${query}${speaker ? ` (speaker: ${speaker})` : ''}`;
    return resultsPage(
      ctx,
      { command: 'quote', what: 'quotes', title, query, args: ctx.args, pageSize: PAGE_SIZE },
      response,
    );
  },
});
