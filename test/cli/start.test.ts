/** `newsroom start` with chat credentials: the shared HTTP server, /healthz counts, reload, clean stop. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, SEEDS } from './spawn.ts';

interface LogLine {
  msg: string;
  url?: string;
  articles?: number;
}

/** Starts the bot and hands back a way to wait for log lines (pino JSON on stderr). */
function startBot(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { test: (l: LogLine) => boolean; done: (l: LogLine) => void }[] = [];
  let buffer = '';
  let stdout = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    let nl = buffer.indexOf('\n');
    while (nl !== -1) {
      const raw = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        line = { msg: raw };
      }
      lines.push(line);
      for (const w of [...waiters])
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.done(line);
        }
    }
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitFor = (test: (l: LogLine) => boolean) =>
    new Promise<LogLine>((done, fail) => {
      const seen = lines.find(test);
      if (seen) return done(seen);
      waiters.push({ test, done });
      void exited.then(() => fail(new Error(`exited before the log line; stderr: ${JSON.stringify(lines)}`)));
    });
  return { child, waitFor, exited, stdout: () => stdout };
}

const discordHttpEnv = (dataDir: string) =>
  cleanEnv({
    NEWSROOM_DATA: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    DISCORD_APPLICATION_ID: '123456789012345678',
  });

let running: ChildProcess | null = null;
afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
  running = null;
});

describe('newsroom start with Discord (HTTP interactions)', () => {
  it('serves /healthz with the counts, reloads on SIGHUP and a new file, stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-start-'));
    cpSync(SEEDS, dir, { recursive: true });
    // The data folder doubles as the working directory, so no developer .env is read.
    const bot = startBot(discordHttpEnv(dir), dir);
    running = bot.child;
    const ready = await bot.waitFor((l) => l.msg.startsWith('running discord (http)'));
    expect(ready.msg).toMatch(/2 articles, \d+ quotes, \d+ facts/);
    const url = ready.url ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const health = (await (await fetch(`${url}/healthz`)).json()) as Record<string, number | string>;
    expect(health.status).toBe('ok');
    expect(health.articles).toBe(2);
    expect(health.quotes).toBeGreaterThan(0);
    expect(health.facts).toBeGreaterThan(0);
    expect(health).toHaveProperty('speakers');
    expect((await fetch(`${url}/nope`)).status).toBe(404);

    bot.child.kill('SIGHUP');
    await bot.waitFor((l) => l.msg === 'corpus reloaded');

    writeFileSync(
      join(dir, 'budget.md'),
      '---\ntitle: Council passes budget\noutlet: Daily Planet\npublished: 2024-03-01\n---\n\n"We will balance the books," Mayor Ana Ruiz said.\n',
    );
    await bot.waitFor((l) => l.msg === 'corpus reloaded' && l.articles === 3);
    const after = (await (await fetch(`${url}/healthz`)).json()) as Record<string, number>;
    expect(after.articles).toBe(3);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toBe('');
  });
});
