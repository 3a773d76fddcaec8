/**
 * /add with PostgreSQL (the real server, a database of this test's own): two bot processes share the store, each
 * with its own data folder. A page served on loopback is added through bot A over Slack; bot B answers its quotes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { allStrings, newTriggerId, SIGNING_SECRET, sign } from '../adapters/slack/harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../adapters/slack/stand-in.ts';
import { slackBotEnv, startBotProcess } from '../cli/spawn.ts';
import { createTestDatabase } from '../store/pg.ts';
import { articleHtml, STRIKE } from './pages.ts';
import { page, serve } from './serve.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface Bot {
  url: string;
}

async function startBot(env: Record<string, string>, cwd: string): Promise<Bot> {
  const bot = await startBotProcess(env, cwd, (child) =>
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    }),
  );
  return { url: bot.url };
}

let responses = 0;

async function slash(bot: Bot, standIn: SlackStandIn, command: string, text: string): Promise<string> {
  const responseId = `add-replica-${++responses}`;
  const form = new URLSearchParams({
    team_id: 'T0TEAM',
    channel_id: 'C0NEWSROOM',
    user_id: 'U0REPORTER',
    user_name: 'jdoe',
    command,
    text,
    api_app_id: 'A0APP',
    response_url: standIn.responseUrl(responseId),
    trigger_id: newTriggerId(),
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${bot.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(form, ts, SIGNING_SECRET),
    },
    body: form,
  });
  const body = await res.text();
  const json = body ? (JSON.parse(body) as Record<string, unknown>) : null;
  const answer =
    json && Array.isArray(json.blocks) ? json : (await standIn.waitFor(`response/${responseId}`)).body;
  return allStrings(answer).join('\n');
}

async function until(check: () => Promise<boolean>, what: string, ms = 25_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('an article added with /add through one bot is answered by the other', { timeout: 120_000 }, async () => {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const standIn = await startSlackStandIn();
  cleanups.push(() => standIn.close());
  const site = await serve('127.0.0.1', {
    '/strike': page(articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE })),
  });
  cleanups.push(() => site.close());
  const folders = ['a', 'b'].map((name) => {
    const dir = mkdtempSync(join(tmpdir(), `newsroom-add-replica-${name}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }) as [string, string];
  const env = (dataDir: string) =>
    slackBotEnv(
      dataDir,
      { apiUrl: standIn.apiUrl, signingSecret: SIGNING_SECRET },
      { DATABASE_URL: db.url, NEWSROOM_FETCH_ALLOW: '127.0.0.1' },
    );
  const a = await startBot(env(folders[0]), folders[0]);
  const b = await startBot(env(folders[1]), folders[1]);

  const added = await slash(a, standIn, '/add', `<${site.origin}/strike>`);
  expect(added).toContain('Added: Port strike ends');
  expect(added).toContain('Maria Lopez');
  // Searchable at once on A; on B once A's change notification has reloaded it.
  expect(await slash(a, standIn, '/quote', 'nobody won this strike')).toContain('Tom Baker');
  await until(
    async () => (await slash(b, standIn, '/quote', 'nobody won this strike')).includes('Tom Baker'),
    'B to answer the added article',
  );
});
