/**
 * Discord slash command registration JSON, generated from the shared command definitions (src/commands), so a
 * command is described once for Slack, Discord and the console.
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
import { type RESTPostAPIChatInputApplicationCommandsJSONBody, SlashCommandBuilder } from 'discord.js';
import { type CommandDefinition, commands as sharedCommands } from '../../src/commands/index.ts';
import { truncate } from './markdown.ts';

/** Discord's limits for names and descriptions in the command picker. */
export const COMMAND_DESCRIPTION_MAX = 100;
export const OPTION_CHOICES_MAX = 25;
export const OPTION_STRING_MAX = 6000;

/** Discord wants required options before optional ones; the shared order is kept otherwise. */
function requiredFirst<T extends { required: boolean }>(options: readonly T[]): T[] {
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

function slashCommand(def: CommandDefinition, name: string): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(truncate(def.description, COMMAND_DESCRIPTION_MAX));
  for (const option of requiredFirst(def.options)) {
    builder.addStringOption((o) => {
      o.setName(option.name)
        .setDescription(truncate(option.description, COMMAND_DESCRIPTION_MAX))
        .setRequired(option.required);
      if (option.maxLength) o.setMaxLength(Math.min(option.maxLength, OPTION_STRING_MAX));
      // Discord refuses autocomplete together with fixed choices: choices win, they are the stricter contract.
      if (option.choices && option.choices.length > 0) {
        o.addChoices(
          ...option.choices.slice(0, OPTION_CHOICES_MAX).map((c) => ({ name: truncate(c, 100), value: c })),
        );
      } else if (option.autocomplete) {
        o.setAutocomplete(true);
      }
      return o;
    });
  }
  return builder.toJSON();
}

/**
 * One chat-input command per definition and per alias (`/newsroom` runs help), validated by discord.js's
 * builders (name pattern, lengths).
 */
export function slashCommandsFrom(
  defs: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return defs.flatMap((def) => [def.name, ...(def.aliases ?? [])].map((name) => slashCommand(def, name)));
}

/** The registration body for this bot's commands. */
export function slashCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return slashCommandsFrom(sharedCommands);
}
