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
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {});
    if (config.token) rest.setToken(config.token);
    const route = interactionsRoute({
      publicKey: config.publicKey,
      applicationId: config.applicationId,
      dispatch,
      rest,
      logger: deps.logger,
      deferAfterMs,
      inFlight,
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
      await client.login(token);
    },
    stop: async () => {
      await settle();
      await client.destroy();
    },
  };
}
