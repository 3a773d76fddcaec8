import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { fetchPolicy } from '../../src/fetch/index.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ NEWSROOM_STORE: 'memory', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('fetch and feed settings', () => {
  it('default to no allow-list', () => {
    const config = loadConfig({ NEWSROOM_STORE: 'memory' });
    expect(config.fetch.allow).toEqual([]);
    expect(fetchPolicy(config.fetch).allow).toBeUndefined();
  });

  it('read NEWSROOM_FETCH_ALLOW', () => {
    const config = loadConfig({
      NEWSROOM_STORE: 'memory',
      NEWSROOM_FETCH_ALLOW: '127.0.0.1, ::1 10.0.0.0/8',
    });
    expect(config.fetch.allow).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
    expect(fetchPolicy(config.fetch).allow?.size).toBe(3);
  });

  it('read NEWSROOM_FEEDS and NEWSROOM_FEED_MINUTES (default 15)', () => {
    expect(loadConfig({ NEWSROOM_STORE: 'memory' }).feeds).toEqual({ urls: [], minutes: 15 });
    const config = loadConfig({
      NEWSROOM_STORE: 'memory',
      NEWSROOM_FEEDS:
        'https://example.com/rss.xml, https://example.org/feed.json https://example.com/rss.xml',
      NEWSROOM_FEED_MINUTES: '5',
    });
    expect(config.feeds).toEqual({
      urls: ['https://example.com/rss.xml', 'https://example.org/feed.json'],
      minutes: 5,
    });
  });

  it('read NEWSROOM_EDITORS', () => {
    expect(loadConfig({ NEWSROOM_STORE: 'memory' }).editors).toEqual([]);
    expect(
      loadConfig({ NEWSROOM_STORE: 'memory', NEWSROOM_EDITORS: 'U024BE7LH, 80351110224678912' }).editors,
    ).toEqual(['U024BE7LH', '80351110224678912']);
    expect(problems({ NEWSROOM_EDITORS: '<@U1>' })).toEqual([
      expect.stringMatching(/^NEWSROOM_EDITORS must list Slack or Discord user IDs/),
    ]);
  });

  it('name the variable that is wrong', () => {
    expect(problems({ NEWSROOM_FETCH_ALLOW: 'localhost' })).toEqual([
      expect.stringMatching(/^NEWSROOM_FETCH_ALLOW must list IP addresses or CIDR ranges .*"localhost"/),
    ]);
    expect(problems({ NEWSROOM_FEEDS: 'ftp://example.com/feed' })).toEqual([
      expect.stringMatching(/^NEWSROOM_FEEDS must be an http\(s\) URL/),
    ]);
    expect(problems({ NEWSROOM_FEED_MINUTES: '0' })).toEqual([
      expect.stringMatching(/^NEWSROOM_FEED_MINUTES must be a number of minutes from 1 to 1440/),
    ]);
  });
});
