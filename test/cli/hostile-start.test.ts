/**
 * Issue 15: hostile pages in the data folder. A page nested 5,000 deep and a 20 MB page neither stop start-up
 * nor a reload; the one refused is reported with its reason; SIGTERM exits, also in the middle of a reload.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { longArticle } from '../corpus/long-article.ts';
import { BIN, cleanEnv, SEEDS } from './spawn.ts';

const QUOTE = '<p>"We will look at every option," the minister said on Tuesday.</p>';
const nestedPage = (depth: number) =>
  `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}${QUOTE}${'</div>'.repeat(depth)}</body></html>`;
const hugePage = () =>
  `<html><head><title>Huge page</title></head><body>${QUOTE.repeat(Math.ceil((19.5 * 1024 * 1024) / QUOTE.length))}</body></html>`;

interface Line {
  msg: string;
  url?: string;
  articles?: number;
  problems?: { file: string; reason: string }[];
}

function startBot(dir: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: cleanEnv({
      NEWSROOM_DATA: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_APPLICATION_ID: '123456789012345678',
      ...extra,
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Line[] = [];
  let buffer = '';
  const waiters: { test: (l: Line) => boolean; done: (l: Line) => void }[] = [];
  child.stderr?.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
      const raw = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
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
  const waitFor = (test: (l: Line) => boolean) =>
    new Promise<Line>((done, fail) => {
      const seen = lines.find(test);
      if (seen) return done(seen);
      waiters.push({ test, done });
      void exited.then(() => fail(new Error(`exited first; log: ${JSON.stringify(lines).slice(0, 2000)}`)));
    });
  return { child, waitFor, exited };
}

let running: ReturnType<typeof startBot> | null = null;
afterEach(() => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = null;
});

describe('hostile pages in the data folder', () => {
  it('starts with a 5,000-deep page and a 19.5 MB page (the file limit is 20 MB), reports the refused one, reloads, and exits on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-hostile-'));
    cpSync(SEEDS, dir, { recursive: true });
    writeFileSync(join(dir, 'deep.html'), nestedPage(5000));
    writeFileSync(join(dir, 'huge.html'), hugePage());
    const bot = startBot(dir);
    running = bot;
    const ready = await bot.waitFor((l) => l.msg.startsWith('running discord (http)'));
    // The deep page is read (its text kept); the huge one is named with its reason.
    expect(ready.msg).toMatch(/^running .*; 3 articles, /);
    expect(ready.msg).toMatch(/could not read: .*huge\.html \(page too large: 19\.5 MB of markup/);

    // A reload with both still there completes, and a later change is picked up too.
    writeFileSync(join(dir, 'deeper.html'), nestedPage(8000));
    await bot.waitFor((l) => l.msg === 'corpus reloaded' && l.articles === 4);
    bot.child.kill('SIGHUP');
    await new Promise((done) => setTimeout(done, 100));
    // SIGTERM in the middle of that reload still exits, with 0.
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('starts past an article over its time budget, reports it, reloads past it, and exits on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-budget-start-'));
    cpSync(SEEDS, dir, { recursive: true });
    writeFileSync(join(dir, 'long.txt'), longArticle());
    const bot = startBot(dir, { NEWSROOM_ARTICLE_BUDGET_MS: '1000' });
    running = bot;
    const ready = await bot.waitFor((l) => l.msg.startsWith('running discord (http)'));
    expect(ready.msg).toMatch(/^running .*; 2 articles, /);
    expect(ready.msg).toMatch(/could not read: .*long\.txt \(.*over its time budget \(1000 ms\): skipped/);

    // A change while it is still there: the reload skips it again and takes the new article.
    writeFileSync(join(dir, 'later.txt'), 'Port strike\n\n"It is over," said Tom Baker, a union official.\n');
    await bot.waitFor((l) => l.msg === 'corpus reloaded' && l.articles === 3);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
