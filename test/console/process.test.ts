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

/** Runs the console on a pseudo-terminal (test/console/drive_tty.py), typing `commands` at its prompts. */
function onTty(
  commands: string[],
  env: Record<string, string> = {},
): Promise<{ output: string; status: number }> {
  return new Promise<{ output: string; status: number }>((done, fail) => {
    const child = spawn(
      'python3',
      [resolve(ROOT, 'test/console/drive_tty.py'), process.execPath, BIN, ...commands],
      {
        cwd: CWD,
        env: cleanEnv({ NEWSROOM_DATA: SEEDS, TERM: 'xterm-256color', ...env }),
      },
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
}

/** What a terminal shows on each line: carriage returns and line clears applied, colours removed. */
const ESC = String.fromCharCode(27);
function screenLines(output: string): string[] {
  return output
    .replace(new RegExp(`${ESC}\\[[0-9;?]*[ -/]*[@-~]`, 'g'), (seq) => (seq === `${ESC}[2K` ? '\r' : ''))
    .split(/\r*\n/)
    .map((line) => line.split('\r').at(-1) ?? '');
}

describe('console on a pseudo-terminal', () => {
  it('logs as readable lines above the prompt, never on it, and wraps answers to the width', async () => {
    const result = await onTty(['!HUP', '/quote putin working group', 'quit'], {
      TTY_COLUMNS: '70',
      LOG_LEVEL: 'info',
    });
    expect(result.status).toBe(0);
    const lines = screenLines(result.output);
    const reloaded = lines.findIndex((l) => l.includes('corpus reloaded'));
    expect(reloaded, result.output).toBeGreaterThanOrEqual(0);
    // Human-readable (`12:04:31 INFO corpus reloaded articles=2 ...`), not a JSON line, and not on the prompt.
    expect(lines[reloaded]).toMatch(/^\d\d:\d\d:\d\d INFO corpus reloaded /);
    expect(result.output).not.toContain('{"level"');
    for (const line of lines.filter((l) => l.includes('INFO'))) expect(line).not.toContain('newsroom>');
    // The prompt is drawn again below the log, ready for the next command.
    expect(lines.slice(reloaded + 1).some((l) => l.startsWith('newsroom> '))).toBe(true);
    // The answer fits 70 columns; only a single unbreakable word (a URL) may run past.
    const answer = lines.slice(lines.findIndex((l) => l.startsWith('Quote: putin working group')));
    expect(answer.length).toBeGreaterThan(5);
    for (const line of answer) if (line.length > 70) expect(line.trim(), line).not.toContain(' ');
  }, 60_000);

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
