/**
 * `npm run discord:deploy [-- --guild ID]`: registers the slash commands through discord.js's REST client.
 * Global commands (PUT /applications/{app}/commands) reach every server the bot is in; a guild's
 * (PUT /applications/{app}/guilds/{guild}/commands) update at once, handy while testing.
 * https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
import { pathToFileURL } from 'node:url';
import { REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import { type Config, ConfigError, loadConfig } from '../../src/config.ts';
import { slashCommands } from './commands.ts';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** REST base URL (DISCORD_API_URL); null or absent means Discord's. */
  apiUrl?: string | null;
  /** Register in this guild only; absent means global. */
  guildId?: string | null;
  /** Defaults to every shared command. */
  commands?: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export interface DeployResult {
  /** The API route written to, e.g. `/applications/123/commands`. */
  route: string;
  /** Names Discord now holds. */
  names: string[];
}

/** A setup mistake with the variable or flag to fix. */
export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}

/** Overwrites the application's commands with ours (a bulk PUT: commands we no longer define disappear). */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = options.commands ?? slashCommands();
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { route, names: Array.isArray(saved) ? saved.map((c) => c.name) : body.map((c) => c.name) };
}

/** What deploy needs from the configuration; each missing piece names its variable. */
export function deployOptionsFrom(config: Config, guildId: string | null): DeployOptions {
  const problems: string[] = [];
  const discord = config.discord;
  if (!discord?.token)
    problems.push(
      'DISCORD_TOKEN is missing: copy the bot token from the Developer Portal (Bot > Reset Token)',
    );
  if (!discord?.applicationId)
    problems.push('DISCORD_APPLICATION_ID is missing: copy "Application ID" from the Developer Portal');
  if (guildId !== null && !/^\d{17,20}$/.test(guildId))
    problems.push(`--guild must be a server id (17 to 20 digits), got "${guildId}"`);
  if (problems.length > 0 || !discord?.token || !discord.applicationId)
    throw new DeployError(problems.join('\n'));
  return { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl, guildId };
}

/** `--guild ID` or `--guild=ID`. */
export function parseDeployArgs(argv: readonly string[]): { guildId: string | null } {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--guild') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--'))
        throw new DeployError('--guild needs a server id: --guild 123...');
      return { guildId: value };
    }
    if (arg.startsWith('--guild=')) return { guildId: arg.slice('--guild='.length) };
  }
  return { guildId: null };
}

async function main(): Promise<void> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  try {
    const { guildId } = parseDeployArgs(process.argv.slice(2));
    const options = deployOptionsFrom(loadConfig(process.env), guildId);
    const result = await deployCommands(options);
    const where = options.guildId ? `in guild ${options.guildId}` : 'globally (may take a while to show)';
    console.log(
      `Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`,
    );
  } catch (error) {
    if (error instanceof DeployError || error instanceof ConfigError) console.error(error.message);
    else
      console.error(
        `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
