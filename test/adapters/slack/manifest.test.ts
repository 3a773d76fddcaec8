/** The Slack app manifest: generated from the shared command definitions, through the pure builder and the CLI. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, buildManifest, main, requestUrl, slashName } from '../../../adapters/slack/manifest.ts';
import { commands } from '../../../src/commands/index.ts';

const run = promisify(execFile);

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('buildManifest', () => {
  it('lists every shared command with its request URL, description and usage hint', () => {
    const m = buildManifest({ url: 'https://bot.example.org' });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(commands.map(slashName));
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['/quote', '/fact', '/cite', '/verify', '/sources', '/newsroom']),
    );
    for (const [i, c] of m.features.slash_commands.entries()) {
      const def = commands[i];
      expect(c.url).toBe('https://bot.example.org/slack/events');
      expect(c.description).toBe(def?.description);
      expect(def?.usage.endsWith(c.usage_hint ?? '')).toBe(true);
      expect(c.command.length).toBeLessThanOrEqual(32);
    }
    expect(m.features.slash_commands.find((c) => c.command === '/quote')?.usage_hint).toBe(
      'QUERY [speaker:NAME]',
    );
    expect(m.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.example.org/slack/events',
    });
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.oauth_config.scopes.bot).toEqual(['commands', 'chat:write']);
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('Socket Mode: no URLs anywhere', () => {
    const m = buildManifest({ socketMode: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toContain('http');
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
  });

  it('builds the request URL from a host, a prefix or the full URL, and refuses anything but https', () => {
    expect(requestUrl('https://h.example')).toBe('https://h.example/slack/events');
    expect(requestUrl('https://h.example/bots/')).toBe('https://h.example/bots/slack/events');
    expect(requestUrl('https://h.example/slack/events')).toBe('https://h.example/slack/events');
    expect(() => requestUrl('http://h.example')).toThrow(/https/);
    expect(() => requestUrl('h.example')).toThrow(/full URL/);
    expect(() => buildManifest({})).toThrow(/--url/);
  });
});

describe('slack:manifest CLI', () => {
  it('writes the manifest to --out, and prints it with --out -', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-'));
    try {
      const file = join(dir, 'slack.json');
      const err = capture();
      expect(
        await main(['--url', 'https://bot.example.org', '--out', file], capture().stream, err.stream),
      ).toBe(0);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(
        buildManifest({ url: 'https://bot.example.org' }),
      );
      expect(err.text()).toContain(file);
      const out = capture();
      expect(await main(['--socket', '--out', '-'], out.stream, capture().stream)).toBe(0);
      expect(JSON.parse(out.text())).toEqual(buildManifest({ socketMode: true }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('explains what is missing and exits 2', async () => {
    const err = capture();
    expect(await main([], capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('--url https://HOST is required');
    expect(await main(['--url', 'http://insecure.example'], capture().stream, capture().stream)).toBe(2);
    expect(await main(['--bogus'], capture().stream, capture().stream)).toBe(2);
  });

  it('runs as the npm script does (node --import tsx adapters/slack/manifest.ts)', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'adapters/slack/manifest.ts', '--url', 'https://h.example', '--out', '-'],
      { cwd: process.cwd() },
    );
    expect(JSON.parse(stdout).features.slash_commands[0].url).toBe('https://h.example/slack/events');
  });
});
