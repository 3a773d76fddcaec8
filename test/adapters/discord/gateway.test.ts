/**
 * Gateway mode through discord.js itself: the Client logs in against the loopback stand-in (GET /gateway/bot,
 * then a WebSocket: HELLO, IDENTIFY, READY), receives documented INTERACTION_CREATE dispatches, and answers with
 * REST calls that the stand-in records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/discord/index.ts';
import type { DiscordMessage } from '../../../adapters/discord/render.ts';
import type { Adapter } from '../../../src/adapter.ts';
import { ActionStore } from '../../../src/commands/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { hostileCorpus } from './corpus.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  engineFor,
  seedEngine,
  startGatewayAdapter,
  USER_ID,
} from './helpers.ts';
import {
  APPLICATION_ID,
  BOT_TOKEN,
  type DiscordStandIn,
  type RecordedRequest,
  startDiscordStandIn,
} from './standin.ts';

interface Callback {
  type: number;
  data?: DiscordMessage & { choices?: { name: string; value: string }[] };
}

let discord: DiscordStandIn;
let adapter: Adapter;
let actions: ActionStore;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  ({ adapter, actions } = await startGatewayAdapter(engineFor(hostileCorpus()), discord.apiUrl));
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.close();
});

/** Dispatches an interaction over the gateway and returns the callback discord.js posts for it. */
async function roundTrip(payload: {
  id: string;
  token: string;
}): Promise<{ request: RecordedRequest; body: Callback }> {
  discord.dispatch('INTERACTION_CREATE', payload);
  const request = await discord.waitFor(
    (r) => r.method === 'POST' && r.path === `/interactions/${payload.id}/${payload.token}/callback`,
  );
  return { request, body: request.body as Callback };
}

function customId(m: DiscordMessage | undefined, kind: string): string {
  const id = m?.components
    .flatMap((r) => r.components)
    .find((b) => b.custom_id.startsWith(`newsroom:${kind}:`))?.custom_id;
  if (!id) throw new Error(`no ${kind} button`);
  return id;
}

describe('gateway mode', () => {
  it('logs in with the token, fetches /gateway/bot from DISCORD_API_URL and identifies with only the Guilds intent', async () => {
    expect(adapter.name).toBe('discord (gateway)');
    const gatewayBot = discord.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    const identify = discord.gatewayFrames.find((f) => f.op === 2)?.d as { token: string; intents: number };
    expect(identify.token).toBe(BOT_TOKEN);
    expect(identify.intents).toBe(1);
  });

  it('answers a slash command with an interaction callback (type 4) carrying our embeds, ephemeral', async () => {
    const { request, body } = await roundTrip(commandInteraction('quote', { query: 'harbour bridge plan' }));
    expect(request.headers.authorization).toBeUndefined();
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.content).toBe('**Quote: harbour bridge plan**');
    expect(body.data?.embeds[0]?.author?.name).toMatch(/^Speaker .*, Harbour Master$/);
    expect(body.data?.embeds[0]?.title).toBe('Harbour bridge');
    expect(body.data?.embeds[0]?.url).toBe('https://harbour.example/bridge');
    expect(customId(body.data, 'share')).toMatch(/^newsroom:share:/);
    expect(customId(body.data, 'more')).toMatch(/^newsroom:more:/);
  });

  it('pages with More (type 7 update) and posts publicly with Post to channel', async () => {
    const first = await roundTrip(commandInteraction('quote', { query: 'harbour bridge plan' }));
    const more = await roundTrip(buttonInteraction(customId(first.body.data, 'more')));
    expect(more.body.type).toBe(7);
    expect(more.body.data?.flags).toBeUndefined();
    expect(more.body.data?.embeds.at(-1)?.footer?.text).toContain('page 2 of');
    const share = await roundTrip(buttonInteraction(customId(first.body.data, 'share')));
    expect(share.body.type).toBe(4);
    expect(share.body.data?.flags ?? 0).toBe(0);
    expect(share.body.data?.content?.startsWith(`Posted by <@${USER_ID}>`)).toBe(true);
    expect(share.body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(share.body.data?.components).toEqual([]);
    expect(actions.size).toBeGreaterThan(0);
  });

  it('answers speaker autocomplete with at most 25 choices (type 8)', async () => {
    const { body } = await roundTrip(autocompleteInteraction('quote', 'speaker', 'speaker'));
    expect(body.type).toBe(8);
    expect(body.data?.choices).toHaveLength(25);
    for (const c of body.data?.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('an expired button gets an ephemeral note', async () => {
    const { body } = await roundTrip(buttonInteraction('newsroom:more:expiredkey'));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(JSON.stringify(body.data)).toMatch(/expired/i);
  });
});

describe('gateway mode, deferred', () => {
  let slowDiscord: DiscordStandIn;
  let slow: Adapter;
  beforeAll(async () => {
    slowDiscord = await startDiscordStandIn();
    ({ adapter: slow } = await startGatewayAdapter(await seedEngine(), slowDiscord.apiUrl, {
      deferAfterMs: 0,
    }));
    await slow.start();
  });
  afterAll(async () => {
    await slow?.stop();
    await slowDiscord?.close();
  });

  it('defers (type 5, ephemeral) and edits @original through the webhook route', async () => {
    const payload = commandInteraction('quote', { query: 'putin working group' });
    slowDiscord.dispatch('INTERACTION_CREATE', payload);
    const callback = await slowDiscord.waitFor(
      (r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`,
    );
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await slowDiscord.waitFor(
      (r) =>
        r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
    );
    const body = edit.body as DiscordMessage;
    expect(body.embeds[0]?.author?.name).toBe('Vladimir Putin, Russian President');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.headers.authorization).toBeUndefined();
  });
});

describe('gateway login failures name what happened and the variable', () => {
  it('a token Discord rejects: "Discord rejected DISCORD_TOKEN"', async () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'not-the-token',
      DISCORD_API_URL: discord.apiUrl,
      LOG_LEVEL: 'silent',
    });
    const bad = await createDiscordAdapter({
      config,
      logger: createLogger('silent'),
      engine: () => engineFor(hostileCorpus()),
      actions: new ActionStore(),
    });
    await expect(bad.start()).rejects.toThrow('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
  });

  it('Discord out of reach is not called a rejected token', async () => {
    const gone = await startDiscordStandIn();
    const apiUrl = gone.apiUrl;
    await gone.close();
    const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: apiUrl, LOG_LEVEL: 'silent' });
    const adapter = await createDiscordAdapter({
      config,
      logger: createLogger('silent'),
      engine: () => engineFor(hostileCorpus()),
      actions: new ActionStore(),
    });
    const failure = adapter.start();
    await expect(failure).rejects.toThrow(
      /^Discord could not be reached at http:\/\/127\.0\.0\.1:\d+\S* \(ECONNREFUSED\)/,
    );
    await expect(failure).rejects.toThrow(
      /DISCORD_TOKEN was not checked: check the network and DISCORD_API_URL/,
    );
  });
});
