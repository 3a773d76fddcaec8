/**
 * /speaker NAME: who this is (name, roles and other names seen), how many quotes in how many articles, the first
 * and the latest quote with their citations, the outlets; then their quotes, newest first, paged.
 */
import { z } from 'zod';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import type { SearchResult } from '../search/types.ts';
import { markCorrections } from './add.ts';
import { defineCommand, MAX_NAME_LENGTH, PAGE_SIZE } from './define.ts';
import { UserError } from './errors.ts';
import { compactResultBlocks, creditFor, itemBlock, resultActions } from './present.ts';
import type { CommandContext } from './types.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function quoteWithCitation(ctx: CommandContext<unknown>, label: string, result: SearchResult): ReplyBlock[] {
  return [r.heading(label), itemBlock(result), r.citation(result.article, creditFor(ctx.engine, result))];
}

export const speakerCommand = defineCommand({
  name: 'speaker',
  description: 'Who said what: a speaker’s roles, quotes, first and latest quote with citations, outlets.',
  usage: '/speaker NAME',
  examples: ['/speaker putin', '/speaker dan coats'],
  options: [
    {
      // Named `speaker` so Discord's autocomplete offers speaker names here as it does in /quote.
      name: 'speaker',
      description: 'The speaker (any form of the name)',
      required: true,
      autocomplete: true,
      maxLength: MAX_NAME_LENGTH,
    },
  ],
  rest: 'speaker',
  schema: z.object({
    speaker: z
      .string({ error: 'Tell me who: a name, e.g. /speaker putin.' })
      .trim()
      .min(1, { error: 'Tell me who: a name, e.g. /speaker putin.' })
      .max(MAX_NAME_LENGTH, { error: `A speaker name is at most ${MAX_NAME_LENGTH} characters.` }),
  }),
  run(ctx) {
    // `/speaker speaker:putin` (the Discord habit, typed) means putin.
    const name = ctx.args.speaker.replace(/^speaker:\s*/i, '').trim() || ctx.args.speaker;
    if (!ctx.engine.speaker)
      throw new UserError('speakerUnavailable', 'Speaker profiles are not available on this engine.');
    const lookup = ctx.engine.speaker(name);
    const profile = lookup.profile;
    if (!profile) {
      const blocks: ReplyBlock[] = [r.text(`Nobody called “${name}” is quoted in the articles.`)];
      if (lookup.suggestions.length > 0)
        blocks.push(r.text(`Did you mean: ${lookup.suggestions.slice(0, 5).join(', ')}?`));
      blocks.push(r.context('/sources lists the articles searched.'));
      return r.card({ title: `Speaker: ${name}`, status: 'empty', blocks });
    }
    const list = ctx.engine.search('', {
      type: 'quote',
      speaker: profile.name,
      limit: PAGE_SIZE,
      offset: (ctx.page - 1) * PAGE_SIZE,
    });
    const title = `Speaker: ${profile.name}`;
    const blocks: ReplyBlock[] = [];
    if (ctx.page === 1) {
      blocks.push(
        r.fields([
          { label: 'Roles seen', value: profile.roles.join('; ') || 'none given' },
          { label: 'Also called', value: profile.aliases.join(', ') || 'no other names' },
          {
            label: 'Quoted',
            value: `${plural(profile.quotes, 'quote')} in ${plural(profile.articles, 'article')}`,
          },
          { label: 'Outlets', value: profile.outlets.join(', ') || 'outlet unknown' },
        ]),
      );
      if (lookup.others.length > 0)
        blocks.push(r.context(`The name also fits: ${lookup.others.slice(0, 5).join(', ')}.`));
      if (lookup.guessed) blocks.push(r.context(`Nobody is called “${name}”; this is the nearest name.`));
      if (profile.first)
        blocks.push(...quoteWithCitation(ctx, profile.latest ? 'First quote' : 'Quote', profile.first));
      if (profile.latest) blocks.push(...quoteWithCitation(ctx, 'Latest quote', profile.latest));
      if (list.total > 0) blocks.push(r.divider(), r.heading('All quotes, newest first'));
    }
    if (list.results.length === 0 && ctx.page > 1)
      blocks.push(r.text(`No more quotes: all ${list.total} were shown.`));
    list.results.forEach((result, k) => {
      if (k > 0) blocks.push(r.divider());
      blocks.push(...compactResultBlocks(result));
    });
    const firstShown = (ctx.page - 1) * PAGE_SIZE + 1;
    const lastShown = firstShown + list.results.length - 1;
    if (list.results.length > 0)
      blocks.push(
        r.pageLine(
          `Quotes ${firstShown}–${lastShown} of ${list.total} · page ${ctx.page} of ${Math.max(1, Math.ceil(list.total / PAGE_SIZE))}`,
        ),
      );
    // Issue 14: a quote reworded by a correction says so, with its earlier wording.
    return markCorrections(
      r.card({
        title,
        blocks,
        actions: resultActions(ctx, 'speaker', ctx.args, lastShown < list.total),
      }),
    );
  },
});
