/** /fact QUERY: claim sentences (numbers, dates, named events), best first, paged. */
import { z } from 'zod';
import { defineCommand, PAGE_SIZE } from './define.ts';
import { queryField } from './fields.ts';
import { resultsPage } from './present.ts';

export const factCommand = defineCommand({
  name: 'fact',
  description: 'Find a fact (numbers, dates, named events) and the article to cite.',
  usage: '/fact QUERY',
  examples: ['/fact indicted russian intelligence officers'],
  options: [
    { name: 'query', description: 'Words from the fact, in any order', required: true, maxLength: 500 },
  ],
  rest: 'query',
  schema: z.object({ query: queryField('some words from the fact, e.g. /fact indicted russian officers') }),
  run(ctx) {
    const { query } = ctx.args;
    const response = ctx.engine.search(query, {
      type: 'fact',
      limit: PAGE_SIZE,
      offset: (ctx.page - 1) * PAGE_SIZE,
    });
    return resultsPage(
      ctx,
      { command: 'fact', what: 'facts', title: `Fact: ${query}`, query, args: ctx.args, pageSize: PAGE_SIZE },
      response,
    );
  },
});
