/**
 * Configuration is read once, here, from an environment object. Every problem names the variable to fix.
 * Nothing else in the code reads process.env.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseCidr } from './fetch/address.ts';
import type { StoreConfig } from './store/index.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface SlackConfig {
  /** xoxb-... bot token; with signingSecret enables HTTP mode, with appToken Socket Mode. */
  botToken: string;
  /** Present in HTTP mode. */
  signingSecret: string | null;
  /** xapp-... app-level token: Socket Mode. */
  appToken: string | null;
  /** Web API base URL, e.g. `https://slack.com/api/`; null means Slack's default. */
  apiUrl: string | null;
}

export interface DiscordConfig {
  /** Bot token: gateway mode (and REST calls in HTTP mode). */
  token: string | null;
  /** Hex Ed25519 public key: HTTP interactions mode. */
  publicKey: string | null;
  applicationId: string | null;
  /** REST base URL, e.g. `https://discord.com/api`; null means Discord's default. */
  apiUrl: string | null;
}

export interface Config {
  dataDir: string;
  port: number;
  /** Interface the shared HTTP server listens on. */
  host: string;
  logLevel: LogLevel;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  /** Where articles and extractions are kept between runs; null keeps everything in memory (NEWSROOM_STORE=memory). */
  store: StoreConfig | null;
  /** Fetching URLs (/add, feeds): addresses exempt from the guard (NEWSROOM_FETCH_ALLOW). */
  fetch: { allow: string[] };
  /** Feeds to follow (NEWSROOM_FEEDS) and how often (NEWSROOM_FEED_MINUTES). */
  feeds: { urls: string[]; minutes: number };
  /** Who may add articles (NEWSROOM_EDITORS: Slack or Discord user IDs); empty: everyone. */
  editors: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Blank values count as unset, so a copied .env.example with empty keys behaves like no key. */
function get(env: Env, key: string): string | null {
  const v = env[key];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function checkUrl(key: string, value: string | null, problems: string[]): string | null {
  if (value === null) return null;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(value);
  if (!parsed.success) {
    problems.push(`${key} must be an http(s) URL, got "${value}"`);
    return null;
  }
  return value;
}

/** Pure: reads the given environment object (normally process.env after dotenv) and validates it all at once. */
export function loadConfig(env: Env, overrides: { dataDir?: string } = {}): Config {
  const problems: string[] = [];

  const dataDir = overrides.dataDir ?? get(env, 'NEWSROOM_DATA') ?? 'data';

  let port = 3000;
  const rawPort = get(env, 'PORT');
  if (rawPort !== null) {
    const n = Number(rawPort);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      problems.push(`PORT must be a whole number from 0 to 65535, got "${rawPort}"`);
    else port = n;
  }
  const host = get(env, 'HOST') ?? '0.0.0.0';

  let logLevel: LogLevel = 'info';
  const rawLevel = get(env, 'LOG_LEVEL');
  if (rawLevel !== null) {
    if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) logLevel = rawLevel as LogLevel;
    else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"`);
  }

  // Slack
  let slack: SlackConfig | null = null;
  const botToken = get(env, 'SLACK_BOT_TOKEN');
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET');
  const appToken = get(env, 'SLACK_APP_TOKEN');
  const slackApiUrl = checkUrl('SLACK_API_URL', get(env, 'SLACK_API_URL'), problems);
  if (botToken || signingSecret || appToken) {
    if (!botToken)
      problems.push(
        'SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-...) from "OAuth & Permissions"',
      );
    else if (!botToken.startsWith('xoxb-'))
      problems.push('SLACK_BOT_TOKEN must start with "xoxb-" (the bot token, not a user or app token)');
    if (appToken && !appToken.startsWith('xapp-'))
      problems.push('SLACK_APP_TOKEN must start with "xapp-" (an app-level token with connections:write)');
    if (!appToken && !signingSecret)
      problems.push(
        'SLACK_SIGNING_SECRET is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)',
      );
    if (botToken) slack = { botToken, signingSecret, appToken, apiUrl: slackApiUrl };
  }

  // Discord
  let discord: DiscordConfig | null = null;
  const token = get(env, 'DISCORD_TOKEN');
  const publicKey = get(env, 'DISCORD_PUBLIC_KEY');
  const applicationId = get(env, 'DISCORD_APPLICATION_ID');
  const discordApiUrl = checkUrl('DISCORD_API_URL', get(env, 'DISCORD_API_URL'), problems);
  if (token || publicKey || applicationId) {
    if (publicKey && !/^[0-9a-fA-F]{64}$/.test(publicKey))
      problems.push(
        'DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Developer Portal',
      );
    if (publicKey && !applicationId)
      problems.push(
        'DISCORD_APPLICATION_ID is missing: HTTP interactions mode needs it with DISCORD_PUBLIC_KEY',
      );
    if (applicationId && !/^\d{17,20}$/.test(applicationId))
      problems.push('DISCORD_APPLICATION_ID must be the numeric "Application ID" from the Developer Portal');
    if (applicationId && !publicKey && !token)
      problems.push(
        'DISCORD_PUBLIC_KEY is missing: set it for HTTP interactions mode, or DISCORD_TOKEN for gateway mode',
      );
    discord = { token, publicKey, applicationId, apiUrl: discordApiUrl };
  }

  const store = storeConfig(env, dataDir, problems);

  const fetch = { allow: fetchAllow(env, problems) };
  const feeds = feedsConfig(env, problems);
  const editors = list(get(env, 'NEWSROOM_EDITORS'));
  for (const id of editors)
    if (!/^[A-Za-z0-9_-]{2,40}$/.test(id))
      problems.push(
        `NEWSROOM_EDITORS must list Slack or Discord user IDs (U024BE7LH, 80351110224678912), got "${id}"`,
      );

  if (problems.length > 0) throw new ConfigError(problems);
  return { dataDir, port, host, logLevel, slack, discord, store, fetch, feeds, editors };
}

/** Comma- or space-separated list. */
function list(value: string | null): string[] {
  return value === null ? [] : value.split(/[\s,]+/).filter(Boolean);
}

/** NEWSROOM_FETCH_ALLOW: IP addresses or CIDR ranges the fetch guard lets through (tests serve pages on loopback). */
function fetchAllow(env: Env, problems: string[]): string[] {
  const entries = list(get(env, 'NEWSROOM_FETCH_ALLOW'));
  for (const e of entries)
    if (!parseCidr(e))
      problems.push(
        `NEWSROOM_FETCH_ALLOW must list IP addresses or CIDR ranges (127.0.0.1, 10.0.0.0/8), got "${e}"`,
      );
  return entries;
}

/** Default minutes between two polls of a feed. */
export const DEFAULT_FEED_MINUTES = 15;

/** NEWSROOM_FEEDS (RSS, Atom or JSON Feed URLs) and NEWSROOM_FEED_MINUTES. */
function feedsConfig(env: Env, problems: string[]): { urls: string[]; minutes: number } {
  const urls = list(get(env, 'NEWSROOM_FEEDS')).filter(
    (u) => checkUrl('NEWSROOM_FEEDS', u, problems) !== null,
  );
  let minutes = DEFAULT_FEED_MINUTES;
  const raw = get(env, 'NEWSROOM_FEED_MINUTES');
  if (raw !== null) {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 1 || n > 1440)
      problems.push(`NEWSROOM_FEED_MINUTES must be a number of minutes from 1 to 1440, got "${raw}"`);
    else minutes = n;
  }
  return { urls: [...new Set(urls)], minutes };
}

/** Default folder of the SQLite store and the search snapshots (git-ignored). */
export const DEFAULT_CACHE_DIR = join('.cache', 'newsroom');

/**
 * DATABASE_URL (postgres://...) keeps the store in PostgreSQL; otherwise an SQLite file under NEWSROOM_CACHE, one
 * per data folder (NEWSROOM_STORE names another file, or `memory` for none).
 */
function storeConfig(env: Env, dataDir: string, problems: string[]): StoreConfig | null {
  const cacheDir = get(env, 'NEWSROOM_CACHE') ?? DEFAULT_CACHE_DIR;
  const url = get(env, 'DATABASE_URL');
  const file = get(env, 'NEWSROOM_STORE');
  const tag = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  if (url !== null) {
    if (!/^postgres(ql)?:\/\/./.test(url)) {
      problems.push('DATABASE_URL must be a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE)');
      return null;
    }
    const key = createHash('sha256').update(url).update(resolve(dataDir)).digest('hex').slice(0, 12);
    return { where: { mode: 'postgres', url }, snapshotFile: join(cacheDir, `postgres-${key}.snapshot`) };
  }
  if (file === 'memory') return null;
  return {
    where: { mode: 'sqlite', file: file ?? join(cacheDir, `store-${tag}.sqlite`) },
    snapshotFile: join(cacheDir, `store-${tag}.snapshot`),
  };
}
