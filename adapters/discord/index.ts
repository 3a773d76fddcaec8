/**
 * The Discord adapter. HTTP interactions mode when DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID are set (a route
 * on the shared server); otherwise gateway mode with DISCORD_TOKEN. When both are configured HTTP wins: once an
 * Interactions Endpoint URL is set in the Developer Portal, Discord stops sending interactions over the gateway.
 */
import { REST } from 'discord.js';
import type { Adapter, AdapterDeps } from '../../src/adapter.ts';
import { createDispatch, DEFAULT_DEFER_AFTER_MS } from './dispatch.ts';
import { createGatewayClient } from './gateway.ts';
import { interactionsRoute } from './http.ts';

export { slashCommands } from './commands.ts';
export { deployCommands } from './deploy.ts';
export { INTERACTIONS_PATH } from './http.ts';
export { type DiscordMessage, toDiscordMessage } from './render.ts';

export interface DiscordAdapterOptions {
  /**
   * Answer inline when the reply is ready within this many ms, else defer (type 5/6) and edit the original.
   * 0 always defers. Default 2,000 (Discord allows 3 s).
   */
  deferAfterMs?: number;
}

/** `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_CONNECT_TIMEOUT`: fetch hides the system error code in `cause`. */
function networkCode(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

/**
 * What went wrong at login, naming the variable to fix: Discord out of reach (DISCORD_API_URL, the network),
 * the token rejected (DISCORD_TOKEN), or intents the application is not allowed.
 */
export function loginError(error: unknown, apiUrl: string | null): Error {
  const e = error as { code?: unknown; status?: unknown; message?: string };
  const unreachable = networkCode(error);
  if (unreachable)
    return new Error(
      `Discord could not be reached at ${apiUrl ?? 'https://discord.com/api'} (${unreachable}), so DISCORD_TOKEN was not checked: check the network${apiUrl ? ' and DISCORD_API_URL' : ''}`,
      { cause: error },
    );
  if (e.code === 'TokenInvalid' || e.status === 401)
    return new Error('Discord rejected DISCORD_TOKEN (401 Unauthorized): check the bot token', {
      cause: error,
    });
  if (e.code === 'DisallowedIntents' || e.code === 4014)
    return new Error(
      "Discord refused the gateway intents for DISCORD_TOKEN's application (it needs only Guilds, which is never privileged): check the application in the developer portal",
      { cause: error },
    );
  return new Error(`Discord login with DISCORD_TOKEN failed: ${e.message ?? String(error)}`, {
    cause: error,
  });
}

/** Builds the adapter for whichever mode the configuration enables. */
export async function createDiscordAdapter(
  deps: AdapterDeps,
  options: DiscordAdapterOptions = {},
): Promise<Adapter> {
  const config = deps.config.discord;
  if (!config)
    throw new Error(
      'Discord is not configured: set DISCORD_TOKEN, or DISCORD_PUBLIC_KEY with DISCORD_APPLICATION_ID',
    );
  const dispatch = createDispatch(deps);
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const inFlight = new Set<Promise<unknown>>();
  const settle = async () => {
    await Promise.allSettled([...inFlight]);
  };

  if (config.publicKey && config.applicationId) {
    // This REST client only edits interaction replies through webhook routes, which Discord exempts from the
    // bot's global limit of 50 a second; discord.js would otherwise queue deferred answers behind it.
    const rest = new REST({
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      globalRequestsPerSecond: Infinity,
    });
    if (config.token) rest.setToken(config.token);
    const route = interactionsRoute({
      publicKey: config.publicKey,
      applicationId: config.applicationId,
      dispatch,
      rest,
      logger: deps.logger,
      deferAfterMs,
      inFlight,
      ...(deps.sharedReplays ? { sharedReplays: deps.sharedReplays } : {}),
    });
    return {
      name: 'discord (http)',
      routes: [route],
      start: async () => {},
      stop: settle,
    };
  }

  const token = config.token;
  if (!token) throw new Error('DISCORD_TOKEN is missing: gateway mode needs the bot token');
  const client = createGatewayClient({
    apiUrl: config.apiUrl,
    dispatch,
    logger: deps.logger,
    deferAfterMs,
    inFlight,
  });
  return {
    name: 'discord (gateway)',
    routes: [],
    start: async () => {
      try {
        await client.login(token);
      } catch (error) {
        await client.destroy().catch(() => {});
        throw loginError(error, config.apiUrl);
      }
    },
    stop: async () => {
      await settle();
      await client.destroy();
    },
  };
}
