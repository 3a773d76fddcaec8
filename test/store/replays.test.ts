/**
 * Replays across replicas (issue 15): two bot processes on one PostgreSQL store (the real server, a database of
 * this file's own), each with Slack and Discord over HTTP. A signed request or an interaction answered by bot A and
 * sent again, byte for byte, to bot B is refused there (409), as it would be by A itself; fresh requests to B are
 * answered. Two bots with their own SQLite stores share nothing, so B answers the same replay: the memory that
 * refuses it on PostgreSQL is the store's, not B's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandInteraction, type Keys, makeKeys, signBody } from '../adapters/discord/helpers.ts';
import { APPLICATION_ID } from '../adapters/discord/standin.ts';
import { newTriggerId, SIGNING_SECRET, sign } from '../adapters/slack/harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../adapters/slack/stand-in.ts';
import { slackBotEnv, startBotProcess } from '../cli/spawn.ts';
import { createTestDatabase } from './pg.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function startBot(env: Record<string, string>, cwd: string): Promise<string> {
  const bot = await startBotProcess(env, cwd, (child) =>
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  return bot.url;
}

/**
 * Requests are signed this far ahead (inside the 5-minute window). A request whose timestamp is more than 2 s old
 * is answered "busy" before anything else is checked (src/deadline.ts), replay or not; on a loaded machine a
 * second post can come that late, and this test is about the replay memory, not the shedding.
 */
const AHEAD_S = 30;

/** One signed slash command, as Slack sends it: the same bytes and headers each time it is posted. */
function slackRequest(standIn: SlackStandIn) {
  const body = new URLSearchParams({
    team_id: 'T0TEAM',
    channel_id: 'C0NEWSROOM',
    user_id: 'U0REPORTER',
    user_name: 'jdoe',
    command: '/help',
    text: '',
    api_app_id: 'A0APP',
    response_url: standIn.responseUrl(`replay-${newTriggerId()}`),
    trigger_id: newTriggerId(),
  }).toString();
  const ts = Math.floor(Date.now() / 1000) + AHEAD_S;
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sign(body, ts, SIGNING_SECRET),
  };
  return (url: string) => fetch(`${url}/slack/events`, { method: 'POST', headers, body });
}

/** One interaction, signed afresh at each post (a replay need not reuse the first signature). */
function discordRequest(keys: Keys) {
  const body = JSON.stringify(commandInteraction('help'));
  return (url: string, timestamp = String(Math.floor(Date.now() / 1000) + AHEAD_S)) =>
    fetch(`${url}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-timestamp': timestamp,
        'x-signature-ed25519': signBody(keys, timestamp, body),
      },
      body,
    });
}

interface Pair {
  a: string;
  b: string;
}

let standIn: SlackStandIn;
const keys = makeKeys();

async function startPair(store: Record<string, string>): Promise<Pair> {
  const [a, b] = await Promise.all(
    ['a', 'b'].map((name) => {
      const dir = mkdtempSync(join(tmpdir(), `newsroom-replays-${name}-`));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return startBot(
        slackBotEnv(
          dir,
          { apiUrl: standIn.apiUrl, signingSecret: SIGNING_SECRET },
          {
            NEWSROOM_CACHE: join(dir, '.cache'),
            DISCORD_PUBLIC_KEY: keys.publicKeyHex,
            DISCORD_APPLICATION_ID: APPLICATION_ID,
            DISCORD_API_URL: `${standIn.url}/discord-api`,
            ...store,
          },
        ),
        dir,
      );
    }),
  );
  return { a: a as string, b: b as string };
}

beforeAll(async () => {
  standIn = await startSlackStandIn();
  cleanups.push(() => standIn.close());
});

describe('two bots on one PostgreSQL store', () => {
  let pair: Pair;
  beforeAll(async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    pair = await startPair({ DATABASE_URL: db.url });
  }, 120_000);

  it('a signed Slack request answered by one is refused by the other', async () => {
    const replay = slackRequest(standIn);
    expect((await replay(pair.a)).status).toBe(200);
    expect((await replay(pair.b)).status).toBe(409);
    expect((await replay(pair.a)).status).toBe(409);
    // B answers requests it has not seen.
    expect((await slackRequest(standIn)(pair.b)).status).toBe(200);
  });

  it('a Discord interaction answered by one is refused by the other, even signed again', async () => {
    const replay = discordRequest(keys);
    const first = await replay(pair.b);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { type: number }).type).toBe(4);
    expect((await replay(pair.a, String(Math.floor(Date.now() / 1000) + AHEAD_S + 1))).status).toBe(409);
    expect((await discordRequest(keys)(pair.a)).status).toBe(200);
  });
});

describe('two bots with stores of their own (SQLite)', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair({});
  }, 120_000);

  it('share no replay memory: each answers a request once, whichever saw it first', async () => {
    const slack = slackRequest(standIn);
    expect((await slack(pair.a)).status).toBe(200);
    expect((await slack(pair.b)).status).toBe(200);
    expect((await slack(pair.b)).status).toBe(409);
    const discord = discordRequest(keys);
    expect((await discord(pair.a)).status).toBe(200);
    expect((await discord(pair.b)).status).toBe(200);
    expect((await discord(pair.b)).status).toBe(409);
  });
});
