/** Logs on a terminal: readable lines, secrets still redacted, and a hook the console uses to keep its prompt. */
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, TerminalLog } from '../../src/log.ts';

describe('TerminalLog', () => {
  it('turns pino JSON into "HH:MM:SS LEVEL message key=value", secrets redacted', () => {
    const written: string[] = [];
    const logger = createLogger('info', new TerminalLog({ write: (t) => written.push(t) }));
    logger.info({ articles: 2, dataDir: 'my data', botToken: 'xoxb-secret' }, 'corpus reloaded');
    logger.error({ err: new Error('disk gone') }, 'reload failed');
    expect(written[0]).toMatch(
      /^\d\d:\d\d:\d\d INFO corpus reloaded articles=2 dataDir="my data" botToken=\[redacted\]\n$/,
    );
    expect(written.join('')).not.toContain('xoxb-secret');
    expect(written[1]).toMatch(/ ERROR reload failed err=disk gone\n$/);
  });

  it('runs every write through `around`, so the console can clear and redraw its prompt', () => {
    const events: string[] = [];
    const sink = new TerminalLog({ write: (t) => events.push(`write ${t.trim()}`) });
    sink.around = (print) => {
      events.push('clear prompt');
      print();
      events.push('redraw prompt');
    };
    sink.write(JSON.stringify({ level: 40, time: 0, msg: 'slow reload' }));
    expect(events).toEqual([
      'clear prompt',
      expect.stringMatching(/^write \d\d:\d\d:\d\d WARN slow reload$/),
      'redraw prompt',
    ]);
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLogLine('plain words')).toBe('plain words\n');
  });
});
