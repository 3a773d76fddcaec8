/**
 * Slack app manifest generated from the shared command definitions, so the slash commands Slack shows and the
 * ones the bot answers cannot drift apart.
 *
 *   npm run slack:manifest -- --url https://HOST            writes ./manifest.json (HTTP mode)
 *   npm run slack:manifest -- --url https://HOST --out -    prints it to stdout
 *   npm run slack:manifest -- --socket [--out FILE]         Socket Mode: no URLs at all
 *
 * Paste the JSON at https://api.slack.com/apps -> Create New App -> From a manifest.
 * Manifest reference: https://docs.slack.dev/reference/app-manifest
 */
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { commands as allCommands, invocationName } from '../../src/commands/index.ts';
import type { CommandDefinition } from '../../src/commands/types.ts';
import { SLACK_EVENTS_PATH } from './paths.ts';

/**
 * `commands` runs the slash commands; `chat:write` posts a shared result with chat.postMessage. Not
 * `chat:write.public`: where the bot is not a member, sharing goes through the interaction's response_url,
 * which needs no scope, so the bot never gains the right to post in every public channel.
 */
export const BOT_SCOPES = ['commands', 'chat:write'] as const;

/** Slack's limits on manifest strings. */
const MAX_APP_NAME = 35;
const MAX_APP_DESCRIPTION = 140;
const MAX_COMMAND_NAME = 32;
const MAX_COMMAND_DESCRIPTION = 2000;
const MAX_USAGE_HINT = 1000;

export interface ManifestSlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}

/** The part of Slack's manifest schema this app uses. */
export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: {
    name: string;
    description: string;
    long_description?: string;
    background_color: string;
  };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: ManifestSlashCommand[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

export interface ManifestOptions {
  /** Public base URL (`https://HOST`, optionally with a path prefix). Required unless `socketMode`. */
  url?: string;
  socketMode?: boolean;
  /** App name shown in Slack (at most 35 characters). */
  name?: string;
  commands?: readonly CommandDefinition[];
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** `https://host` or `https://host/prefix` -> `https://host[/prefix]/slack/events`. Slack requires https. */
export function requestUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ManifestError(`--url must be a full URL such as https://bot.example.org, got "${base}"`);
  }
  if (url.protocol !== 'https:')
    throw new ManifestError(`--url must use https (Slack refuses other request URLs), got "${base}"`);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(SLACK_EVENTS_PATH) ? path : `${path}${SLACK_EVENTS_PATH}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * The slash name a command is registered under: its own name, except `help`, which is registered as its first
 * alias (`/newsroom`), because a bare `/help` is too generic to claim in a shared workspace. The adapter still
 * answers `/help` if a workspace adds it.
 */
export function slashName(def: CommandDefinition): string {
  return `/${invocationName(def, 'slack')}`.slice(0, MAX_COMMAND_NAME);
}

/** `/quote QUERY [speaker:NAME]` -> `QUERY [speaker:NAME]`. */
function usageHint(def: CommandDefinition): string | undefined {
  const hint = def.usage.replace(/^\/\S+\s*/, '').trim();
  return hint ? clip(hint, MAX_USAGE_HINT) : undefined;
}

/** Pure: the manifest for the given commands and URL. */
export function buildManifest(options: ManifestOptions): SlackManifest {
  const socketMode = options.socketMode ?? false;
  if (!socketMode && !options.url)
    throw new ManifestError('--url https://HOST is required (or --socket for Socket Mode)');
  const endpoint = socketMode ? undefined : requestUrl(options.url ?? '');
  const defs = options.commands ?? allCommands;
  const slash: ManifestSlashCommand[] = defs.map((def) => {
    const hint = usageHint(def);
    return {
      command: slashName(def),
      description: clip(def.description, MAX_COMMAND_DESCRIPTION),
      ...(hint ? { usage_hint: hint } : {}),
      ...(endpoint ? { url: endpoint } : {}),
      // The bot searches what the reporter typed; Slack's escaping would turn names into <@U…> ids.
      should_escape: false,
    };
  });
  return {
    _metadata: { major_version: 2, minor_version: 1 },
    display_information: {
      name: clip(options.name ?? 'Newsroom bot', MAX_APP_NAME),
      description: clip('Quotes, facts and citations from your newsroom’s articles.', MAX_APP_DESCRIPTION),
      long_description: [
        'Type a slash command and get the quote, who said it, and a citation of the article it came from.',
        ...defs.map((d) => {
          // Examples name the command by its own name; show the name it has in Slack.
          const example = (d.examples[0] ?? d.usage).replace(/^\/\S+/, slashName(d));
          return `${slashName(d)} — ${d.description} Example: ${example}`;
        }),
        'Answers are private to you; “Share this quote” under a result posts that one result to the channel.',
      ].join('\n'),
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'newsroom', always_online: false },
      slash_commands: slash,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: endpoint ? { is_enabled: true, request_url: endpoint } : { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

const USAGE = `Usage: npm run slack:manifest -- --url https://HOST [--out FILE|-] [--name NAME]
       npm run slack:manifest -- --socket [--out FILE|-] [--name NAME]
Writes the Slack app manifest (JSON) to ./manifest.json, or FILE, or stdout with --out -.`;

/** The CLI. Returns the exit code (0 ok, 2 bad arguments). */
export async function main(
  argv: string[],
  out: { write(s: string): unknown } = process.stdout,
  err: { write(s: string): unknown } = process.stderr,
): Promise<number> {
  let values: { url?: string; out?: string; socket?: boolean; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        out: { type: 'string' },
        socket: { type: 'boolean' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  let manifest: SlackManifest;
  try {
    manifest = buildManifest({ url: values.url, socketMode: values.socket ?? false, name: values.name });
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    err.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out === '-') {
    out.write(json);
    return 0;
  }
  const file = resolve(values.out ?? 'manifest.json');
  // Write then rename, so a half-written manifest never replaces a good one.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, json, 'utf8');
  await rename(tmp, file);
  err.write(`Wrote ${file} (${manifest.features.slash_commands.map((c) => c.command).join(' ')}).\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
