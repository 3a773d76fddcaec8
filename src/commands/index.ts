/** The command registry and the one entry point adapters call (`executeCommand`, `executeAction`). */
import { addCommand } from './add.ts';
import { citeCommand } from './cite.ts';
import { createExecutor } from './execute.ts';
import { factCommand } from './fact.ts';
import { createHelpCommand, commandHelp as helpFor } from './help.ts';
import { quoteCommand } from './quote.ts';
import { sourcesCommand } from './sources.ts';
import { speakerCommand } from './speaker.ts';
import type { CommandDefinition } from './types.ts';
import { verifyCommand } from './verify.ts';

export { ActionStore, type StoredInvocation } from './actions.ts';
export { type ArticleAdder, setArticleLibrary } from './add.ts';
export { defineCommand, MAX_QUERY_LENGTH, MAX_VERIFY_LENGTH, PAGE_SIZE } from './define.ts';
export { UserError } from './errors.ts';
export type { ActionOutcome, CommandEnv, CommandInput, CommandLogger } from './execute.ts';
export type { CommandHelp } from './help.ts';
export { invocationName, namesOn, onPlatform, otherNames } from './names.ts';
export { ACTION_PREFIX } from './present.ts';
export { editDistance, nearSuggestions } from './suggest.ts';
export { cleanText, parseCommandText } from './text.ts';
export type * from './types.ts';

/** Every command, defined once. Slack's manifest and Discord's registration are generated from this list. */
export const commands: CommandDefinition[] = [
  quoteCommand,
  factCommand,
  citeCommand,
  verifyCommand,
  sourcesCommand,
  speakerCommand,
  addCommand,
  createHelpCommand(() => commands),
];

/** `quote`, `/quote`, ` QUOTE `, or an alias (`newsroom` -> help). */
export function findCommand(name: string): CommandDefinition | undefined {
  const key = String(name ?? '')
    .trim()
    .replace(/^\/+/, '')
    .toLowerCase();
  return commands.find((c) => c.name === key || (c.aliases ?? []).includes(key));
}

/** Name, aliases, usage, description and examples of every command. */
export function commandHelp() {
  return helpFor(commands);
}

export const { executeCommand, executeAction } = createExecutor({ commands, find: findCommand });
