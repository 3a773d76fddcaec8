/** Small parts of the Slack adapter: the retry memory and Bolt's logger on pino. */
import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.ts';
import { requestId, SeenRequests } from '../../../adapters/slack/dedupe.ts';

describe('requestId', () => {
  it('names events by event_id and interactions by trigger_id', () => {
    expect(requestId({ event_id: 'Ev1', trigger_id: 't' })).toBe('event:Ev1');
    expect(requestId({ trigger_id: '1.2.3' })).toBe('trigger:1.2.3');
    expect(requestId({ command: '/quote' })).toBeNull();
    expect(requestId(null)).toBeNull();
    expect(requestId({ trigger_id: '' })).toBeNull();
  });
});

describe('SeenRequests', () => {
  it('reports a second sighting within the window, forgets after it', () => {
    let now = 0;
    const seen = new SeenRequests(10, 1000, () => now);
    expect(seen.checkAndRemember('a')).toBe(false);
    expect(seen.checkAndRemember('a')).toBe(true);
    now = 1001;
    expect(seen.checkAndRemember('a')).toBe(false);
  });

  it('stays bounded, dropping the oldest', () => {
    const seen = new SeenRequests(3);
    for (const id of ['a', 'b', 'c', 'd']) seen.checkAndRemember(id);
    expect(seen.size).toBe(3);
    expect(seen.checkAndRemember('d')).toBe(true);
    expect(seen.checkAndRemember('a')).toBe(false);
  });
});

describe('boltLogger', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    return { logger: pino({ level: 'trace' }, sink), lines };
  }

  it('passes warn and error to pino, drops info and debug by default', () => {
    const { logger, lines } = capture();
    const bolt = boltLogger(logger);
    bolt.debug('noise');
    bolt.info('chatter');
    bolt.warn('Request verification failed', { code: 1 });
    bolt.error('boom', new Error('cause here'));
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    expect(lines.map((l) => l.msg)).toEqual(['Request verification failed {"code":1}', 'boom']);
    expect(lines.every((l) => l.component === 'bolt')).toBe(true);
    expect((lines[1]?.err as { message?: string } | undefined)?.message).toBe('cause here');
  });

  it('honours setLevel and setName', () => {
    const { logger, lines } = capture();
    const bolt = boltLogger(logger);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.setName('socket-mode');
    bolt.debug('now visible');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.component).toBe('socket-mode');
  });
});
