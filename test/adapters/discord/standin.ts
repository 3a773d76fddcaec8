/**
 * A loopback stand-in for Discord's servers, speaking their documented wire format:
 * - REST under `/api/v10` (what discord.js's REST calls with `api: <base>/api`): GET /gateway/bot, interaction
 *   callbacks, webhook message edits and follow-ups, command registration. It records every request.
 * - A gateway WebSocket (JSON encoding, no compression): HELLO, IDENTIFY -> READY, heartbeats, and dispatches
 *   pushed by the test.
 * https://discord.com/developers/docs/reference#http-api  https://discord.com/developers/docs/events/gateway
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export const BOT_TOKEN = 'test-bot-token';
export const BOT_USER_ID = '900000000000000001';
export const APPLICATION_ID = '900000000000000002';

/** Routes Discord serves without a bot token: the interaction token in the path is the credential. */
const NO_AUTH = [/^\/interactions\/[^/]+\/[^/]+\/callback$/, /^\/webhooks\/[^/]+\/[^/]+/];

export interface DiscordStandIn {
  /** For DISCORD_API_URL / the REST `api` option. */
  apiUrl: string;
  gatewayUrl: string;
  requests: RecordedRequest[];
  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean): Promise<RecordedRequest>;
  /** Gateway frames received from the client (IDENTIFY, heartbeats). */
  gatewayFrames: { op: number; d: unknown }[];
  /** Resolves once a client has identified and been sent READY. */
  ready(): Promise<void>;
  /** Sends a DISPATCH (op 0) to every connected client. */
  dispatch(event: string, data: unknown): void;
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(null);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A message object as Discord returns it after an edit (enough for discord.js to build a Message). */
function messageFrom(body: unknown, channelId = '900000000000000003'): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    id: '900000000000000010',
    channel_id: channelId,
    type: 20,
    content: b.content ?? '',
    embeds: b.embeds ?? [],
    components: b.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: b.flags ?? 0,
    author: {
      id: BOT_USER_ID,
      username: 'newsroom',
      discriminator: '0000',
      avatar: null,
      global_name: null,
      bot: true,
    },
    webhook_id: APPLICATION_ID,
    application_id: APPLICATION_ID,
  };
}

export async function startDiscordStandIn(): Promise<DiscordStandIn> {
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  const gatewayFrames: { op: number; d: unknown }[] = [];
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let readyResolve: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });

  let wsUrl = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readJson(req);
      const prefix = '/api/v10';
      if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: '404: Not Found', code: 0 });
      const path = decodeURIComponent(url.pathname.slice(prefix.length));
      const method = req.method ?? 'GET';
      const recorded: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body };
      requests.push(recorded);
      events.emit('request', recorded);

      const needsAuth = !NO_AUTH.some((re) => re.test(path));
      if (needsAuth && req.headers.authorization !== `Bot ${BOT_TOKEN}`)
        return send(res, 401, { message: '401: Unauthorized', code: 0 });

      if (method === 'GET' && path === '/gateway/bot')
        return send(res, 200, {
          url: wsUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        });
      if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) {
        if (url.searchParams.get('with_response') === 'true')
          return send(res, 200, { interaction: { id: path.split('/')[2], type: 2 }, resource: null });
        return send(res, 204);
      }
      if (method === 'PATCH' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/.+$/.test(path))
        return send(res, 200, messageFrom(body));
      if (method === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(path))
        return send(res, 200, messageFrom(body));
      if (method === 'PUT' && /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(path)) {
        const list = Array.isArray(body) ? body : [];
        return send(
          res,
          200,
          list.map((c, i) => ({
            ...(c as object),
            id: `9100000000000000${10 + i}`,
            application_id: APPLICATION_ID,
            version: '1',
          })),
        );
      }
      return send(res, 404, { message: '404: Not Found', code: 0 });
    })();
  });

  const wss = new WebSocketServer({ server, path: '/gateway' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A long interval: the test is over before the first heartbeat is due.
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      gatewayFrames.push(frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op === 2) {
        sequence += 1;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: sequence,
            d: {
              v: 10,
              user: {
                id: BOT_USER_ID,
                username: 'newsroom',
                discriminator: '0000',
                global_name: null,
                avatar: null,
                bot: true,
              },
              guilds: [],
              session_id: 'standin-session',
              resume_gateway_url: wsUrl,
              shard: [0, 1],
              application: { id: APPLICATION_ID, flags: 0 },
            },
          }),
        );
        readyResolve();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  wsUrl = `ws://127.0.0.1:${port}/gateway`;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: wsUrl,
    requests,
    gatewayFrames,
    waitFor(match) {
      const found = requests.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (r: RecordedRequest) => {
          if (!match(r)) return;
          events.off('request', listener);
          resolve(r);
        };
        events.on('request', listener);
      });
    },
    ready: () => readyPromise,
    dispatch(event, data) {
      sequence += 1;
      const frame = JSON.stringify({ op: 0, t: event, s: sequence, d: data });
      for (const socket of sockets) socket.send(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
