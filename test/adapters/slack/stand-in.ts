/**
 * A loopback stand-in for Slack's own servers, speaking their documented wire format:
 * - Web API methods under `/api/` (https://docs.slack.dev/reference/methods): form-encoded or JSON in,
 *   `{ ok: true, ... }` out (HTTP 200 with `ok: false` for API errors, as Slack does);
 * - response_url endpoints under `/response/ID`: JSON in, `200 ok` out.
 * Every call is recorded; `waitFor` resolves when a matching call arrives (the test timeout bounds it).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** `chat.postMessage`, `auth.test`, or `response/ID`. */
  name: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface SlackStandIn {
  url: string;
  /** For SLACK_API_URL. */
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Calls named `name` (optionally matching `where`) so far. */
  named(name: string, where?: (call: RecordedCall) => boolean): RecordedCall[];
  waitFor(name: string, where?: (call: RecordedCall) => boolean): Promise<RecordedCall>;
  close(): Promise<void>;
}

/** A channel id the bot is not a member of: chat.postMessage answers `not_in_channel` there. */
export const NOT_MEMBER_CHANNEL = 'C0NOTMEMBER';
export const BOT_USER_ID = 'U0BOT';

/** Web API form bodies carry nested values (blocks) as JSON strings. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

/** A bot token the stand-in rejects, as Slack does a revoked or mistyped one. */
export const INVALID_BOT_TOKEN = 'xoxb-invalid';
/** A bot token Slack accepts but that was granted only `commands` (no `chat:write`). */
export const NO_CHAT_WRITE_BOT_TOKEN = 'xoxb-commands-only';

/** The `x-oauth-scopes` header Slack sends with every Web API answer: the token's granted scopes. */
function grantedScopes(authorization: string | undefined): string {
  return authorization === `Bearer ${NO_CHAT_WRITE_BOT_TOKEN}` ? 'commands' : 'commands,chat:write';
}

function apiAnswer(
  method: string,
  body: Record<string, unknown>,
  socketUrl: string | null,
  authorization: string | undefined,
): Record<string, unknown> {
  if (authorization === `Bearer ${INVALID_BOT_TOKEN}`) return { ok: false, error: 'invalid_auth' };
  switch (method) {
    case 'apps.connections.open':
      return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
    case 'auth.test':
      return {
        ok: true,
        url: 'https://newsroom-test.slack.com/',
        team: 'Newsroom Test',
        user: 'newsroom',
        team_id: 'T0TEAM',
        user_id: BOT_USER_ID,
        bot_id: 'B0BOT',
        is_enterprise_install: false,
      };
    case 'chat.postMessage':
      if (body.channel === NOT_MEMBER_CHANNEL) return { ok: false, error: 'not_in_channel' };
      return {
        ok: true,
        channel: body.channel,
        ts: '1700000000.000100',
        message: {
          type: 'message',
          user: BOT_USER_ID,
          text: body.text,
          blocks: body.blocks,
          ts: '1700000000.000100',
        },
      };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

export interface StandInOptions {
  /** The WebSocket URL apps.connections.open hands out (Socket Mode tests). */
  socketUrl?: string;
}

export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const waiters: { name: string; where: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] =
    [];
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.name === call.name && w.where(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        record({ name: method, headers: req.headers, body });
        const answer = JSON.stringify(
          apiAnswer(method, body, options.socketUrl ?? null, req.headers.authorization),
        );
        res
          .writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'x-oauth-scopes': grantedScopes(req.headers.authorization),
          })
          .end(answer);
        return;
      }
      if (path.startsWith('/response/')) {
        record({ name: path.slice(1), headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/response/${id}`,
    calls,
    named: (name, where = () => true) => calls.filter((c) => c.name === name && where(c)),
    waitFor(name, where = () => true) {
      const found = calls.find((c) => c.name === name && where(c));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ name, where, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
