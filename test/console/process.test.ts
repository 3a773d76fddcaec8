/** `newsroom start` with no chat credentials is the console bot: piped stdin and a real pseudo-terminal. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ROOT, runBin, SEEDS } from '../cli/spawn.ts';

// Run from an empty folder so a developer's own .env (read by dotenv from the working directory) stays out.
const CWD = mkdtempSync(join(tmpdir(), 'newsroom-cwd-'));

describe('console over piped stdin', () => {
  it('answers one command per line and exits 0 at end of input', async () => {
    const input = [
      '# reporters can comment scripts',
      '',
      '/quote putin working group',
      'sources',
      'more',
      '/help',
    ].join('\n');
    const { code, stdout, stderr } = await runBin(['start'], {
      env: cleanEnv({ NEWSROOM_DATA: SEEDS }),
      input,
      cwd: CWD,
    });
    expect(code).toBe(0);
    expect(stdout).not.toContain('newsroom>');
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('Quote: putin working group');
    expect(stdout).toContain('Vladimir Putin');
    expect(stdout).toContain('Sources\n\n2 articles,');
    expect(stdout).toContain('Newsroom bot: commands');
    // The startup line goes to stderr, with the counts.
    expect(stderr).toMatch(/console adapter, 2 articles, \d+ quotes, \d+ facts/);
  });

  it('refuses a bad configuration, naming each variable, exit 1', async () => {
    const { code, stderr, stdout } = await runBin(['start'], {
      env: cleanEnv({
        NEWSROOM_DATA: SEEDS,
        PORT: 'eighty',
        SLACK_BOT_TOKEN: 'xoxp-user',
        DISCORD_PUBLIC_KEY: 'abc',
      }),
      cwd: CWD,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('PORT must be a whole number');
    expect(stderr).toContain('SLACK_BOT_TOKEN must start with "xoxb-"');
    expect(stderr).toContain('DISCORD_PUBLIC_KEY must be the 64 hex characters');
    expect(stderr).toContain('DISCORD_APPLICATION_ID is missing');
  });
});

describe('console on a pseudo-terminal', () => {
  it('shows the prompt, help on start, and colour', async () => {
    const result = await new Promise<{ output: string; status: number }>((done, fail) => {
      const child = spawn(
        'python3',
        [
          resolve(ROOT, 'test/console/drive_tty.py'),
          process.execPath,
          BIN,
          '/quote putin working group',
          'quit',
        ],
        { cwd: CWD, env: cleanEnv({ NEWSROOM_DATA: SEEDS, TERM: 'xterm-256color' }) },
      );
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
      });
      child.on('error', fail);
      child.on('close', () => {
        try {
          done(JSON.parse(out) as { output: string; status: number });
        } catch (error) {
          fail(error);
        }
      });
    });
    expect(result.status).toBe(0);
    expect(result.output).toContain('newsroom> ');
    expect(result.output).toContain('Newsroom bot: commands');
    expect(result.output).toContain('Quote: putin working group');
    expect(result.output).toContain('\u001b[1m\u001b[36mQuote: putin working group\u001b[0m');
    expect(result.output).toContain('Vladimir Putin');
  });
});
