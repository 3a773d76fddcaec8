/**
 * Load and fault run (issue 15): `npm run loadtest -- [options]` (also `npm run bench:load`).
 *
 * Starts the real bot (`bin/newsroom.mjs start`) as a child process with Slack (HTTP mode) and Discord (HTTP
 * interactions) configured against a loopback stand-in for Slack's Web API, response_url endpoints and Discord's
 * webhook routes, then sends signed slash commands and interactions at a fixed rate (open loop: a slow answer
 * never slows the sending), only to 127.0.0.1, for a bounded time. Optionally makes the machine busy first with
 * CPU hogs (`--hog N`: N processes spinning). Counts, per platform, every request by how it was acknowledged
 * (inline answer, deferred then delivered, busy, error, none), ack latency percentiles from the moment the
 * request was due to be sent, time to the final answer, and the bot's peak RSS and CPU.
 *
 *   --rate N        requests a second per platform (default 200)
 *   --duration S    seconds of traffic (default 60; at most 300)
 *   --platforms L   slack,discord (default both)
 *   --hog N         CPU hog processes during the run (default 0)
 *   --data DIR      data folder for the bot (default data)
 *   --json          one JSON object on stdout instead of the table
 *   --bot-log FILE  the bot's log (JSON lines) into FILE (default: discarded)
 *   --fair-sender   keep the load generator at the bot's priority (default: it raises its own, see below)
 *
 * Slack's and Discord's senders do not share the bot's machine; here they do, and with the cores busy the
 * generator is starved like the bot: it sends late and reads acknowledgements late, which counts against the
 * bot. So once the bot is started, the generator raises its own scheduling priority (nice -10; root only,
 * otherwise it says so), and hogs are started at the bot's priority (nice 0).
 *
 * Exits 1 if any request was not acknowledged within 3 s or never got its answer (inline, deferred or busy).
 * Clients are spread over several loopback source addresses (127.0.0.2-127.0.0.9), as Slack's and Discord's
 * many senders are, so the bot's per-client connection cap applies as it would in production.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, sign as edSign, generateKeyPairSync } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPriority, loadavg, setPriority } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const DEADLINE_MS = 3000;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}
const rate = Math.max(1, Number(arg('rate', '200')));
const durationS = Math.min(300, Math.max(1, Number(arg('duration', '60'))));
const platforms = arg('platforms', 'slack,discord').split(',') as ('slack' | 'discord')[];
const hogs = Math.max(0, Number(arg('hog', '0')));
const dataDir = resolve(arg('data', 'data'));
const asJson = process.argv.includes('--json');
const fairSender = process.argv.includes('--fair-sender');
const botLog = process.argv.includes('--bot-log') ? resolve(arg('bot-log', 'bot.log')) : null;

const SECRET = 'loadtest-signing-secret-0123456789';
const APP_ID = '900000000000000002';
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const spki = publicKey.export({ format: 'der', type: 'spki' });
const PUBLIC_KEY_HEX = spki.subarray(spki.length - 32).toString('hex');

const QUERIES: [string, string][] = [
  ['quote', 'putin working group'],
  ['quote', 'trump on election interference'],
  ['fact', 'indicted russian intelligence officers'],
  ['cite', 'putin working group'],
  ['verify', 'we are ready to analyze together'],
  ['quote', 'speaker:putin cyber security'],
  ['sources', ''],
  ['quote', 'helsinki summit press conference'],
];

type Outcome = 'inline' | 'deferred' | 'busy' | 'error' | 'none';
interface Sent {
  platform: 'slack' | 'discord';
  due: number;
  ackAt: number | null;
  status: number | null;
  outcome: Outcome;
  /** When the final answer was known (ack for inline/busy, the response_url/webhook call for deferred). */
  answeredAt: number | null;
  /**
   * When the answer came through response_url / the webhook. Kept whatever the ack's state: on a busy machine
   * the deferred answer can reach the stand-in before this process has read the acknowledgement.
   */
  deliveredAt?: number;
  /** When the request was fully handed to the kernel (late here means the load generator, not the bot, lagged). */
  writtenAt?: number;
  /** When the request got a connection, and when that connection was established (new ones only). */
  socketAt?: number;
  connectedAt?: number;
  /** From the bot's server-timing header (epoch ms, converted to this process's performance clock). */
  acceptedAt?: number;
  /** When the bot read the request, and when its handler started (after waiting its turn). */
  readAt?: number;
  handlerAt?: number;
  /** Which request this was on its connection (1: the connection's first). */
  nth?: number;
}

// ------------------------------------------------------------------------------------------------------------
// Stand-in for Slack's and Discord's servers

const byKey = new Map<string, Sent>();
const standIn = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const path = req.url ?? '';
    const now = performance.now();
    const response = /^\/response\/(\w+)/.exec(path);
    const webhook = /\/webhooks\/\d+\/(\w+)\/messages\/@original/.exec(path);
    const key = response ? `slack:${response[1]}` : webhook ? `discord:${webhook[1]}` : null;
    const sent = key ? byKey.get(key) : undefined;
    if (sent && sent.deliveredAt === undefined && sent.outcome !== 'inline' && sent.outcome !== 'busy') {
      const text = Buffer.concat(chunks).toString('utf8');
      // "Searching…" is not the answer: Slack's deferred answers come as the second post, with blocks or text.
      if (!text.includes('Searching')) {
        sent.deliveredAt = now;
        if (sent.outcome === 'deferred') sent.answeredAt = now;
      }
    }
    if (path.startsWith('/api/auth.test')) {
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'commands,chat:write' });
      res.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0', url: 'x' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(path.startsWith('/response/') ? 'ok' : JSON.stringify({ ok: true, id: '1' }));
  });
});
await new Promise<void>((done) => standIn.listen(0, '127.0.0.1', done));
const standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;

// ------------------------------------------------------------------------------------------------------------
// The bot

const bot: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'bin/newsroom.mjs'), 'start'], {
  cwd: ROOT,
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NEWSROOM_DATA: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NEWSROOM_SERVER_TIMING: '1',
    SLACK_BOT_TOKEN: 'xoxb-load-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${standInUrl}/api/`,
    DISCORD_PUBLIC_KEY: PUBLIC_KEY_HEX,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: `${standInUrl}/api`,
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
const botUrl = await new Promise<string>((done, fail) => {
  let buffer = '';
  const timer = setTimeout(() => fail(new Error(`the bot did not start: ${buffer.slice(-2000)}`)), 120_000);
  bot.stderr?.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    const m =
      /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(buffer) ??
      /running .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffer);
    if (m?.[1]) {
      clearTimeout(timer);
      done(m[1]);
    }
  });
  bot.once('exit', (code) => fail(new Error(`the bot exited (${code}): ${buffer.slice(-2000)}`)));
});
// From here on the log only needs draining (it never fills the pipe), or keeping with --bot-log.
bot.stderr?.removeAllListeners('data');
const botNice = getPriority(bot.pid ?? 0);
let senderNice = getPriority();
if (!fairSender) {
  try {
    setPriority(botNice - 10);
    senderNice = getPriority();
  } catch {
    console.error('the load generator could not raise its priority (not root): it competes with the bot');
  }
}
if (botLog) bot.stderr?.pipe(createWriteStream(botLog));
else bot.stderr?.resume();

function procStats(pid: number): { rssMb: number; cpuS: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(stat[11] ?? 0) + Number(stat[12] ?? 0);
    return { rssMb: rss, cpuS: ticks / 100 };
  } catch {
    return { rssMb: 0, cpuS: 0 };
  }
}

// ------------------------------------------------------------------------------------------------------------
// Traffic

const agents = Array.from(
  { length: 8 },
  (_, i) =>
    new Agent({
      keepAlive: true,
      // Idle sockets closed before the bot's 5 s keep-alive timeout, so no request races a closing socket.
      timeout: 4000,
      maxSockets: Number(process.env.LOADTEST_SOCKETS ?? 128),
      localAddress: `127.0.0.${i + 2}`,
    }),
);
const { port: botPort } = new URL(botUrl);
let seq = 0;

function post(path: string, headers: Record<string, string>, body: string, sent: Sent, key: string): void {
  const agent = agents[seq % agents.length];
  const req = request(
    {
      host: '127.0.0.1',
      port: botPort,
      path,
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: 30_000,
    },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        sent.ackAt = performance.now();
        sent.status = res.statusCode ?? null;
        readTiming(sent, res.headers['server-timing']);
        const text = Buffer.concat(chunks).toString('utf8');
        sent.outcome = classify(sent.platform, sent.status, text);
        if (sent.outcome === 'inline' || sent.outcome === 'busy') sent.answeredAt = sent.ackAt;
        else if (sent.outcome === 'deferred' && sent.deliveredAt !== undefined)
          sent.answeredAt = sent.deliveredAt;
        byKey.set(key, sent);
      });
    },
  );
  req.on('error', () => {
    sent.outcome = 'error';
  });
  req.on('finish', () => {
    sent.writtenAt = performance.now();
  });
  req.on('socket', (socket) => {
    sent.socketAt = performance.now();
    if (socket.connecting)
      socket.once('connect', () => {
        sent.connectedAt = performance.now();
      });
  });
  req.on('timeout', () => req.destroy());
  req.end(body);
}

/** Epoch ms (the bot's clock, the same machine's) to this process's performance.now() clock. */
const fromEpoch = (ms: number) => ms - performance.timeOrigin;

function readTiming(sent: Sent, header: string | string[] | undefined): void {
  if (typeof header !== 'string') return;
  const value = (name: string) => {
    const m = new RegExp(`${name};desc="([\\d.]+)"`).exec(header);
    return m ? Number(m[1]) : undefined;
  };
  const accepted = value('accept');
  const read = value('read');
  const started = value('start');
  if (accepted) sent.acceptedAt = fromEpoch(accepted);
  if (read) sent.readAt = fromEpoch(read);
  if (started) sent.handlerAt = fromEpoch(started);
  sent.nth = value('nth');
}

function classify(platform: 'slack' | 'discord', status: number | null, text: string): Outcome {
  if (status !== 200) return 'error';
  if (text.includes('very busy')) return 'busy';
  if (platform === 'slack') {
    if (text.includes('"blocks"')) return 'inline';
    return 'deferred';
  }
  if (/^\{"type":[56]\b/.test(text)) return 'deferred';
  return /^\{"type":4\b/.test(text) ? 'inline' : 'error';
}

const results: Sent[] = [];

function sendSlack(due: number): void {
  const n = ++seq;
  const [command, text] = QUERIES[n % QUERIES.length] as [string, string];
  const form = new URLSearchParams({
    token: 'x',
    team_id: 'T0',
    team_domain: 'load',
    channel_id: 'C0LOAD',
    channel_name: 'load',
    user_id: `U${n % 50}`,
    user_name: 'load',
    command: `/${command}`,
    text,
    api_app_id: 'A0',
    response_url: `${standInUrl}/response/r${n}`,
    trigger_id: `${n}.${Date.now()}.load`,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${form}`).digest('hex')}`;
  const sent: Sent = { platform: 'slack', due, ackAt: null, status: null, outcome: 'none', answeredAt: null };
  results.push(sent);
  byKey.set(`slack:r${n}`, sent);
  post(
    '/slack/events',
    {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signature,
    },
    form,
    sent,
    `slack:r${n}`,
  );
}

function sendDiscord(due: number): void {
  const n = ++seq;
  const [command, text] = QUERIES[n % QUERIES.length] as [string, string];
  const id = String(1_300_000_000_000_000_000n + BigInt(n));
  const token = `tok${n}`;
  const options = text ? [{ name: command === 'verify' ? 'quote' : 'query', type: 3, value: text }] : [];
  const body = JSON.stringify({
    id,
    application_id: APP_ID,
    type: 2,
    token,
    version: 1,
    channel_id: '800000000000000003',
    member: {
      user: { id: `8000000000000${String(n % 50).padStart(5, '0')}`, username: 'load', global_name: 'Load' },
    },
    data: { id: '600000000000000001', name: command, type: 1, options },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = edSign(null, Buffer.from(ts + body), privateKey).toString('hex');
  const sent: Sent = {
    platform: 'discord',
    due,
    ackAt: null,
    status: null,
    outcome: 'none',
    answeredAt: null,
  };
  results.push(sent);
  byKey.set(`discord:${token}`, sent);
  post(
    '/discord/interactions',
    { 'content-type': 'application/json', 'x-signature-timestamp': ts, 'x-signature-ed25519': signature },
    body,
    sent,
    `discord:${token}`,
  );
}

// Warm-up, not counted: a bot in service has loaded its citation styles and compiled its hot paths.
for (let i = 0; i < 3 * QUERIES.length; i++) {
  for (const p of platforms) (p === 'slack' ? sendSlack : sendDiscord)(performance.now());
  await new Promise((done) => setTimeout(done, 50));
}
// Open the senders' connections before the run, as Slack's and Discord's senders keep theirs open: a burst of
// hundreds of new connections at once while the bot is loaded is a different test (see bench/README.md).
const socketsPerAgent = Number(process.env.LOADTEST_SOCKETS ?? 128);
await Promise.all(
  agents.flatMap((agent) =>
    Array.from(
      { length: socketsPerAgent },
      () =>
        new Promise<void>((done) => {
          const r = request({ host: '127.0.0.1', port: botPort, path: '/healthz', agent }, (res) => {
            res.resume();
            res.on('end', () => done());
          });
          r.on('error', () => done());
          r.end();
        }),
    ),
  ),
);
await new Promise((done) => setTimeout(done, 2000));
results.length = 0;

const hogProcs: ChildProcess[] = Array.from({ length: hogs }, () => {
  const hog = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  // Children inherit the generator's raised priority: the hogs compete with the bot as equals.
  if (hog.pid) setPriority(hog.pid, botNice);
  return hog;
});

const pid = bot.pid ?? 0;
const before = procStats(pid);
let peakRss = before.rssMb;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, procStats(pid).rssMb);
}, 500);

// The load generator's own event-loop lag: on a busy machine it is starved too, and a request it sends late is
// its lateness, not the bot's.
let genLagMax = 0;
let genLagOver500 = 0;
let genExpected = performance.now() + 10;
const genLag = setInterval(() => {
  const lag = performance.now() - genExpected;
  genLagMax = Math.max(genLagMax, lag);
  if (lag > 500) genLagOver500++;
  genExpected = performance.now() + 10;
}, 10);

const loadBefore = loadavg().map((v) => Math.round(v * 100) / 100);
const start = performance.now();
const total = rate * durationS;
const interval = 1000 / rate;
let next = 0;
await new Promise<void>((done) => {
  const tick = () => {
    const now = performance.now();
    // Open loop: everything due by now goes out, however late this tick is.
    while (next < total && start + next * interval <= now) {
      const due = start + next * interval;
      for (const p of platforms) (p === 'slack' ? sendSlack : sendDiscord)(due);
      next++;
    }
    if (next >= total) return done();
    setTimeout(tick, Math.max(0, Math.min(5, start + next * interval - performance.now())));
  };
  tick();
});
const sendingMs = performance.now() - start;
const loadAfter = loadavg().map((v) => Math.round(v * 100) / 100);
for (const h of hogProcs) h.kill('SIGKILL');
// Deferred answers may still be on their way.
const settleUntil = performance.now() + 30_000;
while (performance.now() < settleUntil) {
  if (results.every((r) => r.outcome !== 'none' && (r.outcome !== 'deferred' || r.answeredAt !== null)))
    break;
  await new Promise((done) => setTimeout(done, 100));
}
clearInterval(sampler);
clearInterval(genLag);
const after = procStats(pid);
bot.kill('SIGTERM');
for (const a of agents) a.destroy();
standIn.close();

// ------------------------------------------------------------------------------------------------------------
// Report

const pct = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
};

const report = platforms.map((platform) => {
  const mine = results.filter((r) => r.platform === platform);
  const acks = mine.filter((r) => r.ackAt !== null).map((r) => (r.ackAt as number) - r.due);
  const answers = mine.filter((r) => r.answeredAt !== null).map((r) => (r.answeredAt as number) - r.due);
  const count = (o: Outcome) => mine.filter((r) => r.outcome === o).length;
  const lateAcks = mine.filter((r) => r.ackAt !== null && (r.ackAt as number) - r.due > DEADLINE_MS).length;
  const lost = mine.filter(
    (r) => r.ackAt === null || r.outcome === 'error' || r.outcome === 'none' || r.answeredAt === null,
  ).length;
  return {
    platform,
    sent: mine.length,
    inline: count('inline'),
    deferred: count('deferred'),
    deferred_answered: mine.filter((r) => r.outcome === 'deferred' && r.answeredAt !== null).length,
    busy: count('busy'),
    errors: count('error') + count('none'),
    acked_late: lateAcks,
    lost: lost + lateAcks,
    ack_p50_ms: pct(acks, 50),
    ack_p99_ms: pct(acks, 99),
    ack_max_ms: pct(acks, 100),
    answer_p50_ms: pct(answers, 50),
    answer_p99_ms: pct(answers, 99),
  };
});
/**
 * Where each request's time went, in stages on one clock (the bot's server-timing header gives its accept and
 * read and handler-start times): the load generator sending late; the connection being made (new connections
 * only); waiting to be accepted by the bot (new connections); waiting for the bot's event loop to read it; waiting
 * for its turn (src/server.ts handles one request per turn of the loop); the bot's handling and the answer's way
 * back.
 */
function stages(rows: Sent[]) {
  const fresh = rows.filter((r) => r.nth === 1 && r.connectedAt !== undefined && r.acceptedAt !== undefined);
  const timed = rows.filter(
    (r) => r.handlerAt !== undefined && r.readAt !== undefined && r.writtenAt !== undefined,
  );
  const stat = (values: number[]) => ({
    n: values.length,
    p50: pct(values, 50),
    p99: pct(values, 99),
    max: pct(values, 100),
  });
  return {
    requests: rows.length,
    on_new_connections: rows.filter((r) => r.nth === 1 || r.connectedAt !== undefined).length,
    sender_late_ms: stat(
      rows.filter((r) => r.writtenAt !== undefined).map((r) => (r.writtenAt as number) - r.due),
    ),
    connect_ms: stat(fresh.map((r) => (r.connectedAt as number) - (r.socketAt as number))),
    accept_wait_ms: stat(fresh.map((r) => (r.acceptedAt as number) - (r.connectedAt as number))),
    read_wait_ms: stat(
      timed.map(
        (r) => (r.readAt as number) - Math.max(r.writtenAt as number, r.nth === 1 ? (r.acceptedAt ?? 0) : 0),
      ),
    ),
    turn_wait_ms: stat(timed.map((r) => (r.handlerAt as number) - (r.readAt as number))),
    handler_to_ack_ms: stat(
      timed.filter((r) => r.ackAt !== null).map((r) => (r.ackAt as number) - (r.handlerAt as number)),
    ),
  };
}
const lateRows = results.filter((r) => r.ackAt === null || r.ackAt - r.due > DEADLINE_MS);

const summary = {
  rate_per_platform: rate,
  duration_s: durationS,
  sending_s: Math.round(sendingMs / 100) / 10,
  hogs,
  nice: { bot: botNice, load_generator: senderNice },
  load_average: { before: loadBefore, after: loadAfter },
  data: dataDir,
  bot_peak_rss_mb: Math.round(peakRss),
  bot_cpu_s: Math.round((after.cpuS - before.cpuS) * 10) / 10,
  platforms: report,
  load_generator_lag_ms: { max: Math.round(genLagMax), ticks_over_500ms: genLagOver500 },
  where_time_went: { all: stages(results), late: stages(lateRows) },
};
if (process.env.LOADTEST_TIMELINE) {
  // Late acknowledgements by the second their request was due (debugging the shape of a bad run).
  const bySecond = new Map<number, number>();
  for (const r of results)
    if (r.ackAt === null || r.ackAt - r.due > DEADLINE_MS) {
      const sec = Math.floor((r.due - start) / 1000);
      bySecond.set(sec, (bySecond.get(sec) ?? 0) + 1);
    }
  console.error('late by due second:', JSON.stringify([...bySecond]));
  const kinds = new Map<string, number>();
  for (const r of results)
    if (r.ackAt === null || r.ackAt - r.due > DEADLINE_MS)
      kinds.set(
        `${r.platform}:${r.outcome}:${r.status}`,
        (kinds.get(`${r.platform}:${r.outcome}:${r.status}`) ?? 0) + 1,
      );
  console.error('late by outcome:', JSON.stringify([...kinds]));
  const writeDelays = results
    .filter((r) => r.ackAt === null || r.ackAt - r.due > DEADLINE_MS)
    .map((r) => (r.writtenAt ?? Number.NaN) - r.due);
  console.error('late: write delay p50/max', pct(writeDelays, 50), pct(writeDelays, 100));
  const late = results.filter((r) => r.ackAt === null || r.ackAt - r.due > DEADLINE_MS);
  const socketDelays = late.map((r) => (r.socketAt ?? Number.NaN) - r.due);
  const fresh = late.filter((r) => r.connectedAt !== undefined);
  console.error(
    'late: socket delay p50/max',
    pct(socketDelays, 50),
    pct(socketDelays, 100),
    'on new connections',
    fresh.length,
    'connect delay max',
    pct(
      fresh.map((r) => (r.connectedAt ?? 0) - (r.socketAt ?? 0)),
      100,
    ),
  );
}
if (asJson) process.stdout.write(`${JSON.stringify(summary)}\n`);
else {
  console.log(
    `${rate} req/s per platform for ${durationS} s (sent in ${summary.sending_s} s), ${hogs} CPU hog(s); nice: bot ${botNice}, hogs ${botNice}, load generator ${senderNice}; bot peak RSS ${summary.bot_peak_rss_mb} MB, CPU ${summary.bot_cpu_s} s; load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} at the end of sending`,
  );
  const cols = Object.keys(report[0] ?? {});
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map(() => '---').join(' | ')} |`);
  for (const row of report)
    console.log(`| ${cols.map((c) => String((row as Record<string, unknown>)[c])).join(' | ')} |`);
  console.log(
    `load generator's own event-loop lag: max ${summary.load_generator_lag_ms.max} ms, ${genLagOver500} ticks over 500 ms`,
  );
  for (const [name, s] of Object.entries(summary.where_time_went)) {
    console.log(
      `where the time went (${name}: ${s.requests} requests, ${s.on_new_connections} on new connections), ms p50/p99/max:`,
    );
    for (const [stage, v] of Object.entries(s))
      if (typeof v === 'object') console.log(`  ${stage.padEnd(18)} n=${v.n} ${v.p50} / ${v.p99} / ${v.max}`);
  }
}
process.exit(report.some((r) => r.lost > 0) ? 1 : 0);
