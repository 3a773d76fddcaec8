/** Start-up failures name the variable to fix instead of failing on the first command. */
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import { ActionStore } from '../../../src/commands/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { fixtureEngine } from './fake-engine.ts';
import { SIGNING_SECRET } from './harness.ts';
import { INVALID_BOT_TOKEN, NO_CHAT_WRITE_BOT_TOKEN, startSlackStandIn } from './stand-in.ts';

const deps = (env: Record<string, string>) => ({
  config: loadConfig(env),
  logger: createLogger('silent'),
  engine: fixtureEngine,
  actions: new ActionStore(),
});

describe('Slack adapter start-up', () => {
  it('a bot token Slack rejects fails at creation, naming SLACK_BOT_TOKEN', async () => {
    const standIn = await startSlackStandIn();
    try {
      await expect(
        createSlackAdapter(
          deps({
            SLACK_BOT_TOKEN: INVALID_BOT_TOKEN,
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: standIn.apiUrl,
          }),
        ),
      ).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
      expect(standIn.named('auth.test')).toHaveLength(1);
    } finally {
      await standIn.close();
    }
  });

  it('Slack out of reach is not called a rejected token: it names SLACK_API_URL and says the token was not checked', async () => {
    // A port nothing listens on: the connection is refused.
    const standIn = await startSlackStandIn();
    const apiUrl = standIn.apiUrl;
    await standIn.close();
    const failure = createSlackAdapter(
      deps({ SLACK_BOT_TOKEN: 'xoxb-1-ok', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl }),
    );
    await expect(failure).rejects.toThrow(
      /^Slack could not be reached at http:\/\/127\.0\.0\.1:\d+\/api\/ \(ECONNREFUSED\)/,
    );
    await expect(failure).rejects.toThrow(
      /SLACK_BOT_TOKEN was not checked: check the network and SLACK_API_URL/,
    );
    await expect(failure).rejects.not.toThrow(/rejected/);
  });

  it('a token without a scope the manifest asks for fails at creation, naming the scope and SLACK_BOT_TOKEN', async () => {
    const standIn = await startSlackStandIn();
    try {
      await expect(
        createSlackAdapter(
          deps({
            SLACK_BOT_TOKEN: NO_CHAT_WRITE_BOT_TOKEN,
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: standIn.apiUrl,
          }),
        ),
      ).rejects.toThrow('SLACK_BOT_TOKEN lacks the scope chat:write (it has commands)');
    } finally {
      await standIn.close();
    }
  });

  it('an app token Slack rejects fails at start, naming SLACK_APP_TOKEN', async () => {
    const standIn = await startSlackStandIn();
    try {
      const adapter = await createSlackAdapter(
        deps({
          SLACK_BOT_TOKEN: 'xoxb-1-ok',
          SLACK_APP_TOKEN: 'xapp-1-revoked',
          SLACK_API_URL: standIn.apiUrl,
        }),
      );
      expect(adapter.name).toBe('slack (socket)');
      await expect(adapter.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
      expect(standIn.named('apps.connections.open')[0]?.headers.authorization).toBe('Bearer xapp-1-revoked');
    } finally {
      await standIn.close();
    }
  });

  it('refuses to build without a Slack configuration', async () => {
    await expect(createSlackAdapter(deps({}))).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });
});
