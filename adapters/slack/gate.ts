/**
 * Everything a request to `POST /slack/events` must pass before Bolt sees it. Bolt trusts a correctly signed body
 * too far: `payload=null` or the JSON body `null` crash its receiver (a TypeError in an async closure takes the
 * process down), `actions: null` or `user: null` answer 500, and a payload it has no listener for waits 3 s for
 * a 404. It also buffers up to 10 MB and accepts a timestamp of "Infinity". So, in order:
 *
 * 1. the body is read with a limit sized to what Slack sends (slash commands and button clicks are kilobytes),
 *    without blocking; more is 413;
 * 2. the timestamp must be an integer of seconds within 5 minutes of now, and the v0 signature must match: 401;
 * 3. a signature seen before inside that window is a replay: 409 (200 and ignored when it says it is one of
 *    Slack's retries), so each signed request is answered once;
 * 4. the body must have the shape of what we handle (zod): a slash command, a block_actions click, an event or
 *    url_verification. Anything else signed is 400 at once (malformed) or 200 (a kind we do not use);
 * 5. past capacity (src/deadline.ts) a slash command gets "busy" in its ack and a click a "busy" note; a request
 *    that waited past SHED_AFTER_MS gets "busy" before anything else, as cheaply as possible;
 * then Bolt gets the request with the body already read (`rawBody`), and checks the signature again itself.
 *
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import { ageOf, BUSY_TEXT, plan, SHED_AFTER_MS, sentAt, type WorkQueue } from '../../src/deadline.ts';
import type { Logger } from '../../src/log.ts';
import { parseTimestamp, ReplayGuard, type SharedSeen, withinWindow } from '../../src/replay.ts';
import { arrivalOf, BodyTooLarge, readBody, sendJson, setArrival } from '../../src/server.ts';

/**
 * Slash commands are about 1 KB and button clicks a few; Bolt's default allows 10 MB. The most Slack can send is
 * a 40,000-character message as command text, percent-encoded (up to 9 bytes a character): 360 KB.
 */
export const SLACK_BODY_LIMIT_BYTES = 384 * 1024;
const FORM = 'application/x-www-form-urlencoded';
const BUSY_BODY = Buffer.from(JSON.stringify({ response_type: 'ephemeral', text: BUSY_TEXT }));

const id = z.string().min(1).max(255);
const url = z.string().min(1).max(2048);

/** The fields of a slash command the adapter reads (https://docs.slack.dev/interactivity/implementing-slash-commands). */
export const SlashCommandSchema = z.looseObject({
  command: z.string().regex(/^\/\S{1,32}$/),
  text: z.string().optional(),
  user_id: id,
  user_name: z.string().max(255).optional(),
  response_url: url,
  trigger_id: id.optional(),
  channel_id: z.string().max(255).optional(),
});

/** A block_actions click (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload). */
export const BlockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id, username: z.string().max(255).nullish() }),
  actions: z
    .array(z.looseObject({ action_id: id, value: z.string().max(4000).optional() }))
    .min(1)
    .max(25),
  response_url: url.optional(),
  trigger_id: id.optional(),
  // Bolt reads these when present: null answers 500 there.
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({ channel_id: id.optional() }).optional(),
  team: z.looseObject({ id }).nullish(),
  enterprise: z.looseObject({ id }).nullish(),
  message: z.looseObject({ ts: z.string().optional() }).optional(),
  view: z.looseObject({ id: z.string().optional() }).optional(),
  api_app_id: z.string().optional(),
  is_enterprise_install: z.boolean().optional(),
});

const TypedSchema = z.looseObject({ type: z.string().min(1).max(64) });
const EventSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: id,
  event: z.looseObject({ type: z.string() }),
});
const UrlVerificationSchema = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

/**
 * Workspace and organisation ids as Slack writes them (`T0123ABCD`, `E0123ABCD`). Bolt keys its clients by them in a
 * plain object (`this.clients[teamId]`), so `__proto__` or `constructor` there answered 500: found by the fuzz test.
 */
const WORKSPACE_ID = /^[A-Z0-9]{0,64}$/;

/** The ids Bolt keys on (App.js buildSource), wherever the body has them, are workspace ids or absent. */
function workspaceIdsOk(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return true;
  const b = body as Record<string, unknown>;
  const field = (o: unknown, k: string): unknown =>
    typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;
  const first = Array.isArray(b.authorizations) ? b.authorizations[0] : undefined;
  const ids = [
    b.team_id,
    b.enterprise_id,
    field(b.team, 'id'),
    field(b.enterprise, 'id'),
    field(b.user, 'team_id'),
    field(b.user, 'enterprise_id'),
    field(b.view, 'app_installed_team_id'),
    field(first, 'team_id'),
    field(first, 'enterprise_id'),
  ];
  return ids.every((v) => v === undefined || v === null || (typeof v === 'string' && WORKSPACE_ID.test(v)));
}

/** What a verified body is. */
export type Classified =
  | { kind: 'command'; responseUrl: string }
  | { kind: 'actions'; responseUrl: string | null }
  | { kind: 'bolt' }
  | { kind: 'ignored'; what: string }
  | { kind: 'ssl_check' }
  | { kind: 'malformed'; reason: string };

function jsonOrNull(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Classifies a body exactly as Bolt will parse it (querystring for the exact form type, JSON otherwise). */
export function classify(body: string, contentType: string | undefined): Classified {
  if (contentType === FORM) {
    const form = parseQuery(body);
    if (Object.values(form).some((v) => typeof v !== 'string'))
      return { kind: 'malformed', reason: 'a form field given twice' };
    if (form.ssl_check === '1') return { kind: 'ssl_check' };
    if (!workspaceIdsOk(form)) return { kind: 'malformed', reason: 'a workspace id Slack never sends' };
    if (typeof form.payload === 'string') {
      const parsed = jsonOrNull(form.payload);
      if (!parsed.ok) return { kind: 'malformed', reason: 'payload is not JSON' };
      const typed = TypedSchema.safeParse(parsed.value);
      if (!typed.success) return { kind: 'malformed', reason: 'payload is not an object with a type' };
      if (!workspaceIdsOk(parsed.value))
        return { kind: 'malformed', reason: 'a workspace id Slack never sends' };
      if (typed.data.type !== 'block_actions') return { kind: 'ignored', what: typed.data.type };
      const click = BlockActionsSchema.safeParse(parsed.value);
      if (!click.success) return { kind: 'malformed', reason: 'block_actions without a user or actions' };
      return { kind: 'actions', responseUrl: click.data.response_url ?? null };
    }
    if (typeof form.command === 'string') {
      const command = SlashCommandSchema.safeParse(form);
      if (!command.success) return { kind: 'malformed', reason: 'slash command without its fields' };
      return { kind: 'command', responseUrl: command.data.response_url };
    }
    return { kind: 'malformed', reason: 'neither a slash command nor a payload' };
  }
  const parsed = jsonOrNull(body);
  if (!parsed.ok) return { kind: 'malformed', reason: 'body is not JSON' };
  const typed = TypedSchema.safeParse(parsed.value);
  if (!typed.success) return { kind: 'malformed', reason: 'body is not an object with a type' };
  if (!workspaceIdsOk(parsed.value)) return { kind: 'malformed', reason: 'a workspace id Slack never sends' };
  if (typed.data.type === 'url_verification')
    return UrlVerificationSchema.safeParse(parsed.value).success
      ? { kind: 'bolt' }
      : { kind: 'malformed', reason: 'url_verification without a challenge' };
  if (typed.data.type === 'event_callback')
    return EventSchema.safeParse(parsed.value).success
      ? { kind: 'bolt' }
      : { kind: 'malformed', reason: 'event_callback without an event' };
  return { kind: 'ignored', what: typed.data.type };
}

/** True when `signature` is the v0 HMAC of `v0:timestamp:body` with the secret. */
export function validSignature(secret: string, signature: string, timestamp: string, body: Buffer): boolean {
  const m = /^v0=([0-9a-f]{64})$/.exec(signature);
  if (!m?.[1]) return false;
  const ours = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  return timingSafeEqual(ours, Buffer.from(m[1], 'hex'));
}

export interface GateOptions {
  signingSecret: string;
  logger: Logger;
  queue: WorkQueue;
  /** Bolt's request listener, called with `rawBody` set. */
  next: (req: IncomingMessage, res: ServerResponse) => void;
  /** Clock for the timestamp window (ms). */
  now?: () => number;
  /** Posts a message to a response_url (the busy note for a click). */
  post?: (url: string, body: unknown) => Promise<void>;
  /** Replay memory shared with other bots on the same PostgreSQL store. */
  sharedReplays?: SharedSeen;
}

async function postJson(url: string, body: unknown): Promise<void> {
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** The route handler for `POST /slack/events`. */
export function slackGate(options: GateOptions) {
  const { logger: log, queue } = options;
  const now = options.now ?? Date.now;
  const post = options.post ?? postJson;
  const replays = new ReplayGuard(options.sharedReplays, undefined, (error) =>
    log.warn({ err: error }, 'slack: shared replay memory slow; this bot remembers on its own meanwhile'),
  );
  let warnedOverflow = false;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Past capacity the cheapest answer wins: a request that already waited this long is told "busy" before its
    // body is read or its signature checked (the answer acts on nothing and says nothing about the bot).
    // The earlier of the two: when the server saw it (less event-loop lag), when Slack says it sent it.
    const arrivedAt = Math.min(
      arrivalOf(req),
      sentAt(parseTimestamp(req.headers['x-slack-request-timestamp'])),
    );
    setArrival(req, arrivedAt);
    if (ageOf(arrivedAt) >= SHED_AFTER_MS) {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': BUSY_BODY.length });
      res.end(BUSY_BODY);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, SLACK_BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        log.warn({ limit: error.limit }, 'slack: request body too large: refused');
        return sendJson(res, 413, { error: 'payload too large' }, { connection: 'close' });
      }
      log.info({ err: error }, 'slack: request body could not be read');
      if (!res.headersSent) sendJson(res, 400, { error: 'unreadable body' }, { connection: 'close' });
      return;
    }
    const contentType = req.headers['content-type'];
    const text = body.toString('utf8');
    // Slack's unsigned SSL check (https://docs.slack.dev/interactivity/implementing-slash-commands).
    if (contentType === FORM && parseQuery(text).ssl_check === '1') {
      res.writeHead(200).end();
      return;
    }
    const rawTs = req.headers['x-slack-request-timestamp'];
    const ts = parseTimestamp(rawTs);
    if (ts === null || !withinWindow(ts, now())) {
      log.warn(
        { ts: typeof rawTs === 'string' ? rawTs.slice(0, 40) : null },
        'slack: bad or stale timestamp',
      );
      return sendJson(res, 401, { error: 'invalid request timestamp' });
    }
    const signature = req.headers['x-slack-signature'];
    if (
      typeof signature !== 'string' ||
      !validSignature(options.signingSecret, signature, String(ts), body)
    ) {
      log.warn('slack: signature mismatch: refused');
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    if (await replays.seen(`slack:sig:${signature}`)) {
      // Slack's own retries say so and are acknowledged (never answered twice); anything else is a replay.
      if (req.headers['x-slack-retry-num'] !== undefined) {
        log.info({ ts }, 'duplicate delivery acknowledged and ignored');
        res.writeHead(200).end();
        return;
      }
      log.warn({ ts }, 'slack: replayed request refused');
      return sendJson(res, 409, { error: 'request already received' });
    }
    if (replays.hasOverflowed && !warnedOverflow) {
      warnedOverflow = true;
      log.error('slack: replay memory full; the oldest signatures are being forgotten early');
    }

    const kind = classify(text, contentType);
    switch (kind.kind) {
      case 'malformed':
        log.warn({ reason: kind.reason }, 'slack: malformed signed request: 400');
        return sendJson(res, 400, { error: `malformed request: ${kind.reason}` });
      case 'ignored':
        log.info({ type: kind.what.slice(0, 64) }, 'slack: a payload type we do not use: acknowledged');
        res.writeHead(200).end();
        return;
      case 'ssl_check':
        res.writeHead(200).end();
        return;
      case 'command':
      case 'actions': {
        if (plan(performance.now() - arrivedAt, queue) === 'busy') {
          log.warn({ kind: kind.kind, queued: queue.length }, 'slack: past capacity, answered busy');
          if (kind.kind === 'command')
            return sendJson(res, 200, { response_type: 'ephemeral', text: BUSY_TEXT });
          res.writeHead(200).end();
          if (kind.responseUrl)
            post(kind.responseUrl, {
              response_type: 'ephemeral',
              replace_original: false,
              text: BUSY_TEXT,
            }).catch((error: unknown) => log.warn({ err: error }, 'slack: busy note not delivered'));
          return;
        }
        break;
      }
      case 'bolt':
        break;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    options.next(req, res);
  };
}
