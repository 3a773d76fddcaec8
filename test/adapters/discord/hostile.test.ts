/**
 * Issue 15 for Discord's HTTP interactions: signed but malformed payloads answer 400 at once and the process keeps
 * answering; replays of an interaction are refused; bodies are bounded; an interaction that waited in a blocked
 * event loop is deferred by its age (or shed with "busy"), never answered late inline; fast-check fuzz over
 * every interaction type.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../../adapters/discord/http.ts';
import type { DiscordMessage } from '../../../adapters/discord/render.ts';
import { ACK_FIRST_AFTER_MS, BUSY_TEXT, SHED_AFTER_MS } from '../../../src/deadline.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type HttpHarness,
  nowSeconds,
  pingInteraction,
  postInteraction,
  seedEngine,
  signBody,
  startHttpHarness,
} from './helpers.ts';
import { APPLICATION_ID, type DiscordStandIn, startDiscordStandIn } from './standin.ts';

let discord: DiscordStandIn;
let h: HttpHarness;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  h = await startHttpHarness(await seedEngine(), discord.apiUrl);
});
afterAll(async () => {
  await h?.close();
  await discord?.close();
});

const editOf = (token: string) =>
  discord.waitFor(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${token}/messages/@original`,
  );

function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin: the server shares this thread
  }
}

/** Sends a signed interaction on a raw socket and blocks the event loop before the server can read it. */
function sendAfterBlocking(payload: unknown, blockMs: number): Promise<{ status: number; json: unknown }> {
  const { hostname, port } = new URL(h.url);
  const body = JSON.stringify(payload);
  // Just after a second starts, so the signed timestamp (whole seconds) adds little to the measured wait.
  while (Date.now() % 1000 > 100) {
    // spin until then
  }
  const ts = nowSeconds();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        [
          'POST /discord/interactions HTTP/1.0',
          `host: ${hostname}:${port}`,
          'content-type: application/json',
          `content-length: ${Buffer.byteLength(body)}`,
          `x-signature-timestamp: ${ts}`,
          `x-signature-ed25519: ${signBody(h.keys, ts, body)}`,
          '',
          body,
        ].join('\r\n'),
      );
      blockFor(blockMs);
    });
    let raw = '';
    socket.on('data', (c: Buffer) => {
      raw += c.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1]),
        json: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown,
      }),
    );
  });
}

describe('Discord: hostile signed interactions', () => {
  it('answers 400 at once to malformed interactions, and keeps answering', async () => {
    const command = commandInteraction('quote', { query: 'putin' });
    const cases: [string, unknown][] = [
      ['null', null],
      ['"x"', 'x'],
      ['[]', []],
      ['{}', {}],
      ['type as a string', { ...pingInteraction(), type: '1' }],
      [
        'autocomplete options as an object',
        {
          ...autocompleteInteraction('quote', 'speaker', 'pu'),
          data: { name: 'quote', options: { name: 'speaker', focused: true } },
        },
      ],
      ['options [null]', { ...command, data: { ...command.data, options: [null] } }],
      ['user: null', { ...command, member: undefined, user: null }],
      ['member.user: null', { ...command, member: { user: null } }],
      ['data: "x"', { ...command, data: 'x' }],
      [
        'custom_id as a number',
        { ...buttonInteraction('newsroom:more:x'), data: { custom_id: 5, component_type: 2 } },
      ],
      ['id not a snowflake', { ...command, id: { $gt: '' } }],
    ];
    for (const [name, payload] of cases) {
      const res = await postInteraction(h.url, h.keys, payload);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(JSON.stringify(res.json)).not.toMatch(/TypeError|at \w+ \(/);
    }
    const alive = await postInteraction(h.url, h.keys, pingInteraction());
    expect(alive).toEqual({ status: 200, json: { type: 1 } });
  });

  it('answers an interaction once: a replay of the same id is refused with 409, even re-signed', async () => {
    const payload = commandInteraction('sources');
    expect((await postInteraction(h.url, h.keys, payload)).status).toBe(200);
    expect((await postInteraction(h.url, h.keys, payload)).status).toBe(409);
    const later = String(Number(nowSeconds()) + 2);
    expect((await postInteraction(h.url, h.keys, payload, { timestamp: later })).status).toBe(409);
  });

  it('refuses timestamps that are not whole seconds: Infinity, 1e400, 1.5', async () => {
    for (const timestamp of ['Infinity', '1e400', `${nowSeconds()}.5`, '-1']) {
      const res = await postInteraction(h.url, h.keys, pingInteraction(), { timestamp });
      expect({ timestamp, status: res.status }).toEqual({ timestamp, status: 401 });
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await postInteraction(h.url, h.keys, null, { body: `"${'x'.repeat(BODY_LIMIT_BYTES)}"` });
    expect(res.status).toBe(413);
  });

  it('an interaction that waited in a blocked loop is deferred (type 5) and edited in', async () => {
    const payload = commandInteraction('quote', { query: 'putin working group' });
    const res = await sendAfterBlocking(payload, ACK_FIRST_AFTER_MS + 400);
    expect(res).toEqual({ status: 200, json: { type: 5, data: { flags: 64 } } });
    const edit = await editOf(payload.token);
    expect((edit.body as DiscordMessage).embeds[0]?.author?.name).toBe('Vladimir Putin, Russian President');
  });

  it('past the shedding point it answers "busy" at once (ephemeral) and does no work', async () => {
    const payload = commandInteraction('quote', { query: 'putin working group' });
    const res = await sendAfterBlocking(payload, SHED_AFTER_MS + 400);
    expect(res.status).toBe(200);
    const body = res.json as { type: number; data: DiscordMessage };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body.data)).toContain(BUSY_TEXT);
    // A later interaction is answered normally, and nothing was edited in for the shed one.
    const next = await postInteraction(h.url, h.keys, commandInteraction('sources'));
    expect((next.json as { type: number }).type).toBe(4);
    expect(discord.requests.some((r) => r.path.includes(payload.token))).toBe(false);
  });
});

describe('Discord: fuzzed signed interactions (fast-check)', () => {
  const value = fc.jsonValue({ maxDepth: 3 });
  const noLeak = (text: string) => {
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node:internal|TypeError|ReferenceError/);
    expect(text).not.toMatch(/@everyone|@here/);
  };
  const kinds = {
    command: () => commandInteraction('quote', { query: 'putin' }),
    autocomplete: () => autocompleteInteraction('quote', 'speaker', 'pu'),
    button: () => buttonInteraction('newsroom:more:nope'),
    ping: () => pingInteraction(),
  };
  const runs = Number(process.env.FUZZ_RUNS ?? 40);

  it('any value in any field of any interaction type: 200, 400 or 409, never 5xx, always a response', async () => {
    const kind = fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[]));
    const field = fc.constantFrom(
      'type',
      'data',
      'member',
      'user',
      'token',
      'application_id',
      'message',
      'channel',
    );
    await fc.assert(
      fc.asyncProperty(kind, field, value, async (k, f, v) => {
        const payload = { ...kinds[k](), [f]: v };
        const res = await postInteraction(h.url, h.keys, payload);
        expect([200, 400, 409]).toContain(res.status);
        noLeak(JSON.stringify(res.json));
        if (res.status === 200) expect(typeof (res.json as { type?: unknown }).type).toBe('number');
      }),
      { numRuns: runs },
    );
  });

  it('any options in commands and autocomplete: 200 with a message or choices, or 400', async () => {
    const option = fc.record(
      {
        name: fc.oneof(fc.constantFrom('query', 'speaker', 'style'), fc.string()),
        type: fc.integer(),
        value,
        focused: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const options = fc.oneof(fc.array(option, { maxLength: 4 }), value);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom('quote', 'fact', 'cite', 'verify', 'speaker', 'nope'),
        options,
        async (auto, name, opts) => {
          const base = auto ? autocompleteInteraction(name, 'speaker', 'pu') : commandInteraction(name);
          const payload = { ...base, data: { ...base.data, options: opts } };
          const res = await postInteraction(h.url, h.keys, payload);
          expect([200, 400]).toContain(res.status);
          noLeak(JSON.stringify(res.json));
          if (res.status !== 200) return;
          const body = res.json as { type: number; data?: { choices?: unknown[] } };
          if (auto) expect(Array.isArray(body.data?.choices)).toBe(true);
          else if (body.type === 5) noLeak(JSON.stringify((await editOf(payload.token)).body));
          else expect(body.type).toBe(4);
        },
      ),
      { numRuns: runs },
    );
  });
});
