/** /help (also /newsroom): every command with an example; `/help quote` for one. */
import { z } from 'zod';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import { defineCommand } from './define.ts';
import { invocationName, onPlatform, otherNames } from './names.ts';
import type { CommandDefinition } from './types.ts';

/** What an adapter or the console needs to show help without running a command. */
export interface CommandHelp {
  name: string;
  aliases: readonly string[];
  usage: string;
  description: string;
  examples: readonly string[];
}

export function commandHelp(commands: readonly CommandDefinition[]): CommandHelp[] {
  return commands.map((c) => ({
    name: c.name,
    aliases: c.aliases ?? [],
    usage: c.usage,
    description: c.description,
    examples: c.examples,
  }));
}

/** The registry imports help and help lists the registry: the list is passed in lazily to break the cycle. */
export function createHelpCommand(list: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: 'help',
    aliases: ['newsroom'],
    description: 'Show every command with an example.',
    usage: '/help [COMMAND]',
    examples: ['/help', '/help cite'],
    options: [{ name: 'command', description: 'Show help for one command', required: false, maxLength: 50 }],
    rest: 'command',
    schema: z.object({ command: z.string().trim().max(50).default('') }),
    run(ctx) {
      const wanted = ctx.args.command.replace(/^\//, '').toLowerCase();
      const defs = list();
      const here = (text: string) => onPlatform(text, defs, ctx.platform);
      const all = commandHelp(defs).map((c) => {
        const def = defs.find((d) => d.name === c.name);
        return {
          ...c,
          name: def ? invocationName(def, ctx.platform) : c.name,
          aliases: def ? otherNames(def, ctx.platform) : c.aliases,
          usage: here(c.usage),
          examples: c.examples.map(here),
        };
      });
      const chosen = wanted
        ? all.filter((c) => {
            const def = defs.find((d) => d.name === c.name || invocationName(d, ctx.platform) === c.name);
            return c.name === wanted || c.aliases.includes(wanted) || def?.name === wanted;
          })
        : all;
      const blocks: ReplyBlock[] = [];
      if (wanted && chosen.length === 0)
        blocks.push(r.text(`There is no /${wanted} command. These are the commands:`));
      for (const c of chosen.length > 0 ? chosen : all) {
        blocks.push(
          r.fields([
            {
              label: `${c.usage}${c.aliases.length > 0 ? ` (also ${c.aliases.map((a) => `/${a}`).join(', ')})` : ''}`,
              value: c.description,
            },
            { label: 'Example', value: c.examples.join('  ·  ') },
          ]),
        );
      }
      blocks.push(r.context('Missing details (outlet, date, link) are shown as unknown, never guessed.'));
      return r.card({ title: 'Newsroom bot: commands', blocks });
    },
  });
}
