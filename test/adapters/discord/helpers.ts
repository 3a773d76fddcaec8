/**
 * Shared harness: the adapter on the real shared HTTP server, a test Ed25519 keypair, signed requests, and
 * interaction payloads in Discord's documented shapes.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { pino } from 'pino';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../../adapters/discord/index.ts';
import type { Adapter } from '../../../src/adapter.ts';
import { ActionStore } from '../../../src/commands/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { loadCorpus } from '../../../src/corpus.ts';
import { createLogger, type Logger } from '../../../src/log.ts';
import { createSearchEngine } from '../../../src/search/index.ts';
import type { SearchEngine } from '../../../src/search/types.ts';
import { type RunningServer, startHttpServer } from '../../../src/server.ts';
import type { Corpus } from '../../../src/types.ts';
import { APPLICATION_ID, BOT_TOKEN } from './standin.ts';

export const USER_ID = '800000000000000001';
export const GUILD_ID = '800000000000000002';
export const CHANNEL_ID = '800000000000000003';

export interface Keys {
  publicKeyHex: string;
  privateKey: KeyObject;
}

/** A fresh keypair; the public key as the 64 hex characters the Developer Portal shows. */
export function makeKeys(): Keys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

export function signBody(keys: Keys, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex');
}

export function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

export interface PostResult {
  status: number;
  json: unknown;
}

/** POSTs a signed interaction (or a tampered one, through `override`). */
export async function postInteraction(
  url: string,
  keys: Keys,
  payload: unknown,
  override: {
    timestamp?: string;
    signature?: string | null;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<PostResult> {
  const body = override.body ?? JSON.stringify(payload);
  const timestamp = override.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
    'x-signature-timestamp': timestamp,
    ...override.headers,
  };
  const signature = override.signature === undefined ? signBody(keys, timestamp, body) : override.signature;
  if (signature !== null) headers['x-signature-ed25519'] = signature;
  const res = await fetch(`${url}/discord/interactions`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const user = {
  id: USER_ID,
  username: 'reporter',
  discriminator: '0',
  global_name: 'Rita Reporter',
  avatar: null,
};

let counter = 0;
function nextId(): string {
  counter += 1;
  return `70000000000000${String(1000 + counter)}`;
}

/** Fields every interaction carries. */
function base(type: number) {
  const id = nextId();
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'newsroom' },
    member: {
      user,
      roles: [],
      joined_at: '2020-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: '2248473465835073',
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export function pingInteraction() {
  const { id, application_id, token, version } = base(1);
  return { id, application_id, type: 1, token, version };
}

/** APPLICATION_COMMAND (type 2), chat input (data.type 1), string options (type 3). */
export function commandInteraction(name: string, options: Record<string, string> = {}) {
  return {
    ...base(2),
    data: {
      id: '600000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([k, v]) => ({ name: k, type: 3, value: v })),
    },
  };
}

/** APPLICATION_COMMAND_AUTOCOMPLETE (type 4): the focused option carries `focused: true`. */
export function autocompleteInteraction(
  name: string,
  focused: string,
  value: string,
  others: Record<string, string> = {},
) {
  return {
    ...base(4),
    data: {
      id: '600000000000000001',
      name,
      type: 1,
      options: [
        ...Object.entries(others).map(([k, v]) => ({ name: k, type: 3, value: v })),
        { name: focused, type: 3, value, focused: true },
      ],
    },
  };
}

/** MESSAGE_COMPONENT (type 3), a button (component_type 2), on an ephemeral message of ours. */
export function buttonInteraction(customId: string) {
  return {
    ...base(3),
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: '700000000000000500',
      channel_id: CHANNEL_ID,
      type: 20,
      content: 'earlier reply',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: '2024-01-01T00:00:00.000Z',
      edited_timestamp: null,
      flags: 64,
      author: {
        id: '900000000000000001',
        username: 'newsroom',
        discriminator: '0000',
        avatar: null,
        bot: true,
      },
      webhook_id: APPLICATION_ID,
      application_id: APPLICATION_ID,
    },
  };
}

/** A logger whose records the test can read. */
export function captureLogger(): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => records.push(JSON.parse(line)) });
  return { logger, records };
}

/** The real engine over the seed articles in data/articles. */
export async function seedEngine(): Promise<SearchEngine> {
  return createSearchEngine(await loadCorpus('data/articles'));
}

/** The engine over a hand-built corpus (real search code). */
export function engineFor(corpus: Corpus): SearchEngine {
  return createSearchEngine(corpus);
}

/** Wraps an engine; `calls` records how it was used (autocomplete must hit `speakers`). */
export function spyEngine(engine: SearchEngine): { engine: SearchEngine; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    engine: {
      get corpus() {
        return engine.corpus;
      },
      search: (q, o) => {
        calls.push(`search:${q}`);
        return engine.search(q, o);
      },
      verify: (t) => {
        calls.push('verify');
        return engine.verify(t);
      },
      speakers: (p, l) => {
        calls.push(`speakers:${p}:${l}`);
        return engine.speakers(p, l);
      },
    },
  };
}

export interface HttpHarness {
  url: string;
  keys: Keys;
  adapter: Adapter;
  actions: ActionStore;
  server: RunningServer;
  close(): Promise<void>;
}

/** The adapter in HTTP interactions mode, mounted on the shared server (port 0), talking REST to `apiUrl`. */
export async function startHttpHarness(
  engine: SearchEngine,
  apiUrl: string,
  options: DiscordAdapterOptions = {},
  logger: Logger = createLogger('silent'),
): Promise<HttpHarness> {
  const keys = makeKeys();
  const config = loadConfig({
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: apiUrl,
    LOG_LEVEL: 'silent',
  });
  const actions = new ActionStore();
  const adapter = await createDiscordAdapter({ config, logger, engine: () => engine, actions }, options);
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: adapter.routes,
    health: () => ({}),
  });
  return {
    url: server.url,
    keys,
    adapter,
    actions,
    server,
    close: async () => {
      await adapter.stop();
      await server.close();
    },
  };
}

/** The adapter in gateway mode against the stand-in. */
export async function startGatewayAdapter(
  engine: SearchEngine,
  apiUrl: string,
  options: DiscordAdapterOptions = {},
) {
  const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: apiUrl, LOG_LEVEL: 'silent' });
  const actions = new ActionStore();
  const adapter = await createDiscordAdapter(
    { config, logger: createLogger('silent'), engine: () => engine, actions },
    options,
  );
  return { adapter, actions };
}
