/** One logger for the process. Secrets are redacted by key wherever they appear in logged objects. */
import { type Logger, pino } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'publicKey',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  'req.headers.authorization',
];

/** Where log lines go instead of stderr's JSON: see TerminalLog. */
export interface LogSink {
  write(line: string): void;
}

/**
 * Logs go to stderr so that stdout stays clean for command output (`--json`): JSON lines for pipes and servers,
 * or through `sink` (a terminal's human-readable lines).
 */
export function createLogger(level: LogLevel = 'info', sink?: LogSink): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, sink ?? pino.destination(2));
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
/** pino's own fields, shown in the line's head rather than as key=value. */
const OWN_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

function valueText(value: unknown): string {
  if (value && typeof value === 'object' && 'message' in value) return String((value as Error).message);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) && typeof value === 'string' ? JSON.stringify(text) : text;
}

/** One pino JSON line as a line a person reads: `12:04:31 INFO corpus reloaded articles=2 quotes=17`. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[Number(entry.level)] ?? String(entry.level ?? '');
  const fields = Object.entries(entry)
    .filter(([k]) => !OWN_KEYS.has(k))
    .map(([k, v]) => `${k}=${valueText(v)}`);
  return `${[time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ')}\n`;
}

/**
 * Human-readable logs for a terminal. `around` wraps each write: the interactive console sets it to clear its
 * prompt line first and draw the prompt again after, so a log line never lands on top of what is being typed.
 */
export class TerminalLog implements LogSink {
  around: (print: () => void) => void = (print) => print();

  constructor(private readonly out: { write(text: string): unknown }) {}

  write(line: string): void {
    const text = formatLogLine(line);
    this.around(() => this.out.write(text));
  }
}
