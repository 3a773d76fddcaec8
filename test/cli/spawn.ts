/** Runs the real `newsroom` bin as a child process, as a user or a script would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'bin/newsroom.mjs');
export const SEEDS = resolve(ROOT, 'data/articles');

/** Environment without chat credentials, a database URL or colour preferences from the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(SLACK_|DISCORD_|NEWSROOM_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$|NO_COLOR$|FORCE_COLOR$)/.test(k))
      continue;
    env[k] = v;
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

/** A bot on loopback talking to Slack's stand-in: `newsroom start` on a free port, logging at info, plus `extra`. */
export function slackBotEnv(
  dataDir: string,
  slack: { apiUrl: string; signingSecret: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return cleanEnv({
    NEWSROOM_DATA: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-1234-5678-test',
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    ...extra,
  });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A bot started by startBotProcess: the child, the Slack app's URL, and every log line so far (it keeps growing). */
export interface StartedBot {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
}

/**
 * Starts `newsroom start` with `env` in `cwd` and resolves once it logs that the Slack app is listening. `onChild`
 * gets the child at once, so the caller can register how to stop it even if start-up fails. Rejects, with the log,
 * if the bot exits first.
 */
export function startBotProcess(
  env: Record<string, string>,
  cwd: string,
  onChild: (child: ChildProcess) => void,
): Promise<StartedBot> {
  const child = spawn(process.execPath, [BIN, 'start'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  onChild(child);
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  return new Promise((done, fail) => {
    child.stderr?.on('data', (c: Buffer) => {
      buffer += c.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
        const raw = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const line = JSON.parse(raw) as Record<string, unknown>;
          logs.push(line);
          if (typeof line.msg === 'string' && line.msg.startsWith('running slack'))
            done({ child, url: String(line.url), logs });
        } catch {
          logs.push({ msg: raw });
        }
      }
    });
    child.on('exit', (code) => fail(new Error(`bot exited (${code}): ${JSON.stringify(logs).slice(-1500)}`)));
  });
}
