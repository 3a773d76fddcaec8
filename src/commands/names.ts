/**
 * The names commands go by on each platform, so help, usage lines and hints name only commands that exist there.
 * Slack registers help as `/newsroom` (a bare `/help` is Slack's own and too generic to claim) and no aliases;
 * Discord registers every name and alias (adapters/discord/commands.ts); the console takes them all.
 */
import type { CommandDefinition, Platform } from './types.ts';

/** The slash name (without the slash) a command is registered under on the platform. */
export function invocationName(def: Pick<CommandDefinition, 'name' | 'aliases'>, platform: Platform): string {
  if (platform === 'slack' && def.name === 'help' && def.aliases?.[0]) return def.aliases[0];
  return def.name;
}

/** Other names that also run the command on the platform (none on Slack: only one name is registered). */
export function otherNames(def: Pick<CommandDefinition, 'name' | 'aliases'>, platform: Platform): string[] {
  if (platform === 'slack') return [];
  return [...(def.aliases ?? [])];
}

/** Every slash name the platform answers, for checks and hints. */
export function namesOn(defs: readonly CommandDefinition[], platform: Platform): string[] {
  return defs.flatMap((d) => [invocationName(d, platform), ...otherNames(d, platform)]);
}

/**
 * Rewrites `/help` in a usage line or example to the name the platform knows (`/newsroom cite` on Slack).
 * Only a leading command name is rewritten; the rest of the text is the command's own.
 */
export function onPlatform(text: string, defs: readonly CommandDefinition[], platform: Platform): string {
  return text.replace(/(^|\s)\/([a-z]+)\b/g, (all, lead: string, name: string) => {
    const def = defs.find((d) => d.name === name);
    return def ? `${lead}/${invocationName(def, platform)}` : all;
  });
}
