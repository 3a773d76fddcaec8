/**
 * Two bot processes on two ports sharing one PostgreSQL database (the real server, a database of this test's
 * own), each with its own data folder: an article added through one is answered by the other, a removed one is
 * gone from both, and a Slack retry reaching the other replica is still a duplicate.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { allStrings, newTriggerId, SIGNING_SECRET, sign } from '../adapters/slack/harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../adapters/slack/stand-in.ts';
import { SEEDS, slackBotEnv, startBotProcess } from '../cli/spawn.ts';
import { createTestDatabase } from './pg.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface Bot {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
}

async function startBot(env: Record<string, string>, cwd: string): Promise<Bot> {
  return startBotProcess(env, cwd, (child) =>
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    }),
  );
}

let responses = 0;

/** A signed slash command to one bot; resolves with the answer's strings ([] when it was dropped). */
async function slash(
  bot: Bot,
  standIn: SlackStandIn,
  text: string,
  opts: { triggerId?: string; retry?: boolean } = {},
): Promise<{ status: number; answered: boolean; strings: () => Promise<string[]>; responseId: string }> {
  const responseId = `replica-${++responses}`;
  const form = new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: 'T0TEAM',
    team_domain: 'newsroom-test',
    channel_id: 'C0NEWSROOM',
    channel_name: 'newsroom',
    user_id: 'U0REPORTER',
    user_name: 'jdoe',
    command: '/quote',
    text,
    api_app_id: 'A0APP',
    response_url: standIn.responseUrl(responseId),
    trigger_id: opts.triggerId ?? newTriggerId(),
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${bot.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(form, ts, SIGNING_SECRET),
      ...(opts.retry ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body: form,
  });
  const body = await res.text();
  const json = body ? (JSON.parse(body) as Record<string, unknown>) : null;
  const inAck = json !== null && Array.isArray(json.blocks);
  return {
    status: res.status,
    answered: inAck,
    responseId,
    strings: async () => allStrings(inAck ? json : (await standIn.waitFor(`response/${responseId}`)).body),
  };
}

async function health(bot: Bot): Promise<Record<string, unknown>> {
  return (await (await fetch(`${bot.url}/healthz`)).json()) as Record<string, unknown>;
}

async function until(check: () => Promise<boolean>, what: string, ms = 25_000): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - start;
}

it('an article added through one bot is answered by the other; removed, by neither; a retry is answered once', {
  timeout: 120_000,
}, async () => {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const standIn = await startSlackStandIn();
  cleanups.push(() => standIn.close());
  const folders = ['a', 'b'].map((name) => {
    const dir = mkdtempSync(join(tmpdir(), `newsroom-replica-${name}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }) as [string, string];
  cpSync(SEEDS, folders[0], { recursive: true });
  const env = (dataDir: string) =>
    slackBotEnv(dataDir, { apiUrl: standIn.apiUrl, signingSecret: SIGNING_SECRET }, { DATABASE_URL: db.url });
  // Each data folder doubles as the working directory: no developer .env, and the snapshot cache stays inside.
  const a = await startBot(env(folders[0]), folders[0]);
  const b = await startBot(env(folders[1]), folders[1]);

  // B has no files of its own: it answers from what A stored.
  expect(await health(b)).toMatchObject({
    articles: 2,
    store: { mode: 'postgres', connection: 'connected', schemaVersion: 1 },
  });

  writeFileSync(
    join(folders[0], 'tram.md'),
    '---\ntitle: Council backs tram line\noutlet: Harbour Gazette\npublished: 2024-05-02\n---\n\n"We will have trams running across the harbour bridge by 2031," Mayor Ada Lindqvist said on Thursday.\n',
  );
  const added = await until(async () => (await health(b)).articles === 3, 'B to see the new article');
  const answer = await slash(b, standIn, 'trams across the harbour bridge');
  const strings = (await answer.strings()).join('\n');
  expect(strings).toContain('trams running across the harbour bridge by 2031');
  expect(strings).toContain('Ada Lindqvist');
  console.log(`replica B answered an article added through A after ${added} ms`);

  unlinkSync(join(folders[0], 'tram.md'));
  await until(async () => (await health(b)).articles === 2, 'B to drop the removed article');
  expect(
    (await (await slash(b, standIn, 'trams across the harbour bridge')).strings()).join('\n'),
  ).not.toContain('by 2031');

  // Slack retries a slash command that reached A; the retry lands on B: acknowledged, not answered again.
  const triggerId = newTriggerId();
  const first = await slash(a, standIn, 'putin working group', { triggerId });
  expect((await first.strings()).join('\n')).toContain('working group');
  const retry = await slash(b, standIn, 'putin working group', { triggerId, retry: true });
  expect(retry.status).toBe(200);
  expect(retry.answered).toBe(false);
  await until(
    async () => b.logs.some((l) => l.msg === 'duplicate delivery acknowledged and ignored'),
    'B to drop the retry',
  );
  expect(standIn.named(`response/${retry.responseId}`)).toEqual([]);

  // /metrics in Prometheus text format: B ran commands and reloaded when A's changes arrived.
  const metrics = await (await fetch(`${b.url}/metrics`)).text();
  expect(metrics).toMatch(/^newsroom_commands_total\{command="quote",platform="slack",outcome="ok"\} [2-9]/m);
  expect(metrics).toMatch(/^newsroom_reloads_total\{result="ok"\} [1-9]/m);
  expect(metrics).toContain('newsroom_command_duration_seconds_bucket');
});
