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

/** Logs go to stderr so that stdout stays clean for command output (`--json`). */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
}
