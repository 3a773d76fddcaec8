/**
 * Starts the real Slack adapter (Bolt's HTTPReceiver on the shared server, port 0) against a loopback stand-in
 * of Slack's servers, and sends requests exactly as Slack does: form-encoded, signed with v0 HMAC-SHA256.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createSlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/index.ts';
import type { Adapter } from '../../../src/adapter.ts';
import { ActionStore } from '../../../src/commands/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Logger } from '../../../src/log.ts';
import type { SearchEngine } from '../../../src/search/types.ts';
import { type RunningServer, startHttpServer } from '../../../src/server.ts';
import { type SlackStandIn, startSlackStandIn } from './stand-in.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const REPORTER = { id: 'U0REPORTER', name: 'jdoe' };
export const CHANNEL = 'C0NEWSROOM';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

let triggers = 0;
/** Slack's trigger ids look like `13345224609.738474920.8088930838d88f008e0`; each delivery gets a new one. */
export const newTriggerId = () => `13345224609.738474920.${(++triggers).toString(16).padStart(8, '0')}`;

export interface SlackResponse {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
}

export interface SendOptions {
  timestamp?: number;
  /** Sign with this secret instead (wrong-secret test). */
  secret?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface SlackHarness {
  url: string;
  standIn: SlackStandIn;
  adapter: Adapter;
  logs: string[];
  /** Posts a form body to /slack/events, signed unless told otherwise. */
  send(form: string, opts?: SendOptions): Promise<SlackResponse>;
  /** The form body of a slash command, with every field Slack sends. */
  slashForm(
    command: string,
    text: string,
    overrides?: Record<string, string>,
  ): { form: string; responseId: string };
  slash(
    command: string,
    text: string,
    overrides?: Record<string, string>,
  ): Promise<SlackResponse & { responseId: string }>;
  /** The form body of a block_actions click (`payload=` JSON). */
  clickForm(
    actionId: string,
    value: string,
    overrides?: { channel?: string; triggerId?: string },
  ): { form: string; responseId: string };
  click(
    actionId: string,
    value: string,
    overrides?: { channel?: string; triggerId?: string },
  ): Promise<SlackResponse & { responseId: string }>;
  /**
   * The answer to a slash command, wherever it went: the ack body when it was ready in time, else the
   * response_url post (a first /cite loads the CSL engine and may miss the ack budget on a busy machine).
   */
  answer(res: SlackResponse & { responseId: string }): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

let responses = 0;

export async function startSlackHarness(
  engine: SearchEngine,
  options: SlackAdapterOptions = {},
): Promise<SlackHarness> {
  const standIn = await startSlackStandIn();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger: Logger = pino({ level: 'info' }, sink);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1234-5678-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const adapter = await createSlackAdapter(
    { config, logger, engine: () => engine, actions: new ActionStore() },
    options,
  );
  const server: RunningServer = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: adapter.routes,
    health: () => ({}),
    logger,
  });
  await adapter.start();

  const send = async (form: string, opts: SendOptions = {}): Promise<SlackResponse> => {
    const ts = opts.timestamp ?? nowSeconds();
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      ...opts.headers,
    };
    if (!opts.unsigned) {
      headers['x-slack-request-timestamp'] = String(ts);
      headers['x-slack-signature'] = sign(form, ts, opts.secret);
    }
    const res = await fetch(`${server.url}/slack/events`, { method: 'POST', headers, body: form });
    const text = await res.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      json = null;
    }
    return { status: res.status, text, json };
  };

  const slashForm = (command: string, text: string, overrides: Record<string, string> = {}) => {
    const responseId = `cmd-${++responses}`;
    const form = new URLSearchParams({
      token: 'gIkuvaNzQIHg97ATvDxqgjtO',
      team_id: 'T0TEAM',
      team_domain: 'newsroom-test',
      channel_id: CHANNEL,
      channel_name: 'newsroom',
      user_id: REPORTER.id,
      user_name: REPORTER.name,
      command,
      text,
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: standIn.responseUrl(responseId),
      trigger_id: newTriggerId(),
      ...overrides,
    }).toString();
    return { form, responseId };
  };

  const clickForm = (
    actionId: string,
    value: string,
    overrides: { channel?: string; triggerId?: string } = {},
  ) => {
    const responseId = `act-${++responses}`;
    const channel = overrides.channel ?? CHANNEL;
    const payload = {
      type: 'block_actions',
      user: { id: REPORTER.id, username: REPORTER.name, name: REPORTER.name, team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'gIkuvaNzQIHg97ATvDxqgjtO',
      container: {
        type: 'message',
        message_ts: '1700000000.000001',
        channel_id: channel,
        is_ephemeral: true,
      },
      trigger_id: overrides.triggerId ?? newTriggerId(),
      team: { id: 'T0TEAM', domain: 'newsroom-test' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: 'newsroom' },
      state: { values: {} },
      response_url: standIn.responseUrl(responseId),
      actions: [
        {
          action_id: actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Button', emoji: true },
          value,
          style: 'primary',
          type: 'button',
          action_ts: '1700000001.000002',
        },
      ],
    };
    return { form: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), responseId };
  };

  return {
    url: server.url,
    standIn,
    adapter,
    logs,
    send,
    slashForm,
    async slash(command, text, overrides) {
      const { form, responseId } = slashForm(command, text, overrides);
      return { ...(await send(form)), responseId };
    },
    clickForm,
    async answer(res) {
      if (res.json && Array.isArray(res.json.blocks)) return res.json;
      return (await standIn.waitFor(`response/${res.responseId}`)).body;
    },
    async click(actionId, value, overrides) {
      const { form, responseId } = clickForm(actionId, value, overrides);
      return { ...(await send(form)), responseId };
    },
    async close() {
      await adapter.stop();
      await server.close();
      await standIn.close();
    },
  };
}

/** Every string in a JSON value (to check that no live markup appears anywhere). */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The button values of a rendered message, by action_id. */
export function buttonValue(message: Record<string, unknown> | null, actionId: string): string | null {
  const blocks = (message?.blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string }[];
  }[];
  for (const b of blocks)
    for (const e of b.type === 'actions' ? (b.elements ?? []) : [])
      if (e.action_id === actionId) return e.value ?? null;
  return null;
}
