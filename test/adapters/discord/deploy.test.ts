/** Slash command JSON from the shared definitions, and `npm run discord:deploy` against the REST stand-in. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../../adapters/discord/commands.ts';
import {
  DeployError,
  deployCommands,
  deployOptionsFrom,
  parseDeployArgs,
} from '../../../adapters/discord/deploy.ts';
import { commands } from '../../../src/commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { APPLICATION_ID, BOT_TOKEN, type DiscordStandIn, startDiscordStandIn } from './standin.ts';

const run = promisify(execFile);
const GUILD = '800000000000000002';

let discord: DiscordStandIn;
beforeAll(async () => {
  discord = await startDiscordStandIn();
});
afterAll(async () => {
  await discord?.close();
});

describe('slash command JSON', () => {
  const body = slashCommands();
  const byName = new Map(body.map((c) => [c.name, c]));

  it('has every shared command and alias, with picker descriptions within 100 characters', () => {
    const expected = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(body.map((c) => c.name)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['quote', 'fact', 'cite', 'verify', 'sources', 'help']));
    for (const c of body) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('quote: query required, speaker optional with autocomplete', () => {
    expect(byName.get('quote')?.options).toEqual([
      expect.objectContaining({ name: 'query', type: 3, required: true }),
      expect.objectContaining({ name: 'speaker', type: 3, required: false, autocomplete: true }),
    ]);
  });

  it('cite: style offers exactly ap, apa, mla, chicago', () => {
    const style = byName.get('cite')?.options?.find((o) => o.name === 'style') as
      | { choices?: { value: string }[]; required?: boolean }
      | undefined;
    expect(style?.required).toBe(false);
    expect(style?.choices?.map((c) => c.value)).toEqual(['ap', 'apa', 'mla', 'chicago']);
  });

  it('fact, verify and sources take one text option; help takes at most an optional one', () => {
    expect(byName.get('fact')?.options).toEqual([expect.objectContaining({ type: 3, required: true })]);
    // Issue 6 names the option: `verify` (text).
    expect(byName.get('verify')?.options).toEqual([
      expect.objectContaining({ name: 'text', type: 3, required: true }),
    ]);
    expect(byName.get('sources')?.options).toEqual([
      expect.objectContaining({ name: 'query', required: false }),
    ]);
    for (const o of byName.get('help')?.options ?? []) expect(o.required).toBe(false);
  });
});

describe('deployCommands', () => {
  it('PUTs the global commands with the bot token to DISCORD_API_URL', async () => {
    const result = await deployCommands({
      token: BOT_TOKEN,
      applicationId: APPLICATION_ID,
      apiUrl: discord.apiUrl,
    });
    expect(result.route).toBe(`/applications/${APPLICATION_ID}/commands`);
    const put = await discord.waitFor((r) => r.method === 'PUT' && r.path === result.route);
    expect(put.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(slashCommands())));
    expect(result.names).toEqual(slashCommands().map((c) => c.name));
  });

  it('registers in one guild with --guild', async () => {
    const result = await deployCommands({
      token: BOT_TOKEN,
      applicationId: APPLICATION_ID,
      apiUrl: discord.apiUrl,
      guildId: GUILD,
    });
    expect(result.route).toBe(`/applications/${APPLICATION_ID}/guilds/${GUILD}/commands`);
    await discord.waitFor((r) => r.method === 'PUT' && r.path === result.route);
  });

  it('names the missing variable or bad flag', () => {
    expect(() => deployOptionsFrom(loadConfig({}), null)).toThrow(
      /DISCORD_TOKEN is missing[\s\S]*DISCORD_APPLICATION_ID/,
    );
    expect(() => deployOptionsFrom(loadConfig({ DISCORD_TOKEN: 't' }), null)).toThrow(
      /DISCORD_APPLICATION_ID is missing/,
    );
    expect(() =>
      deployOptionsFrom(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APPLICATION_ID }), 'abc'),
    ).toThrow(DeployError);
    expect(parseDeployArgs(['--guild', GUILD])).toEqual({ guildId: GUILD });
    expect(parseDeployArgs([`--guild=${GUILD}`])).toEqual({ guildId: GUILD });
    expect(parseDeployArgs([])).toEqual({ guildId: null });
    expect(() => parseDeployArgs(['--guild'])).toThrow(/--guild needs/);
  });
});

describe('npm run discord:deploy', () => {
  const cli = ['--import', 'tsx', 'adapters/discord/deploy.ts'];
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

  it('registers the commands in a guild and says so', async () => {
    const { stdout } = await run(process.execPath, [...cli, '--guild', GUILD], {
      env: {
        ...baseEnv,
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    expect(stdout).toMatch(new RegExp(`Registered ${slashCommands().length} commands in guild ${GUILD}`));
    expect(stdout).toContain('/quote');
  });

  it('exits 1 naming DISCORD_TOKEN when it is missing', async () => {
    const failure = await run(process.execPath, cli, {
      env: { ...baseEnv, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: discord.apiUrl },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('DISCORD_TOKEN');
  });
});
