/** /quote QUERY [speaker:NAME]: the best quote in full, four more compact, paged. */
import { z } from 'zod';
import { markCorrections } from './add.ts';
import { defineCommand, PAGE_SIZE } from './define.ts';
import { UserError } from './errors.ts';
import { queryField, speakerField } from './fields.ts';
import { resultsPage } from './present.ts';

const USAGE_HINT = 'some words from the quote, e.g. /quote putin working group';

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
    // Empty words are fine with a speaker: `/quote speaker:coats` lists what Coats said.
    query: queryField(USAGE_HINT).or(z.literal('').default('')),
    speaker: speakerField,
  }),
  async run(ctx) {
    const { query, speaker } = ctx.args;
    if (!query && !speaker)
      throw new UserError('missingArgument', `Tell me what to look for: ${USAGE_HINT}.`, 'usage');
    const response = ctx.engine.search(query, {
      type: 'quote',
      speaker,
      limit: PAGE_SIZE,
      offset: (ctx.page - 1) * PAGE_SIZE,
    });
    // A misspelt speaker (`trmp`) is matched to the nearest name: the title says whom.
    const who = response.speakerGuessed
      ? `${response.speakers?.slice(0, 3).join(', ')}, the nearest name to “${speaker}”`
      : speaker;
    const title = query
      ? `Quote: ${query}${speaker ? ` (speaker: ${who})` : ''}`
      : `Quotes by ${response.speakerGuessed ? who : response.speakers?.slice(0, 3).join(', ') || speaker}, newest first`;
    // Issue 14: a quote reworded by a correction says so, with its earlier wording.
    return markCorrections(
      resultsPage(
        ctx,
        { command: 'quote', what: 'quotes', title, query, args: ctx.args, pageSize: PAGE_SIZE },
        response,
      ),
    );
  },
});
