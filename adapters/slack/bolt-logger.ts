/**
 * Bolt (and its WebClient and Socket Mode client) log through @slack/logger's interface; this routes them to the
 * app's pino logger, at `warn` by default, so Bolt's chatter does not drown the app's own lines.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Bolt passes several arguments (strings, errors, objects); pino takes one message and one object. */
function toPino(args: unknown[]): [Record<string, unknown>, string] {
  const err = args.find((a): a is Error => a instanceof Error);
  const message = args
    .filter((a) => !(a instanceof Error))
    .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
  return [err ? { err } : {}, message || err?.message || ''];
}

/** Wraps a pino logger as a Bolt logger. Messages below `level` are dropped before they reach pino. */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.WARN): BoltLogger {
  let current = level;
  let child = logger.child({ component: 'bolt' });
  const enabled = (l: LogLevel): boolean => ORDER.indexOf(l) >= ORDER.indexOf(current);
  return {
    debug: (...args: unknown[]) => {
      if (enabled(LogLevel.DEBUG)) child.debug(...toPino(args));
    },
    info: (...args: unknown[]) => {
      if (enabled(LogLevel.INFO)) child.info(...toPino(args));
    },
    warn: (...args: unknown[]) => {
      if (enabled(LogLevel.WARN)) child.warn(...toPino(args));
    },
    error: (...args: unknown[]) => {
      if (enabled(LogLevel.ERROR)) child.error(...toPino(args));
    },
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
