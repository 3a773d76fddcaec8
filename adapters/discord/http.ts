/**
 * HTTP interactions mode: Discord POSTs each interaction to `POST /discord/interactions` on the shared server.
 * Every request is signed (Ed25519 over timestamp + raw body); Discord probes the endpoint with bad signatures
 * and expects 401 for them.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 * https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { HttpRoute } from '../../src/adapter.ts';
import type { CommandUser } from '../../src/commands/index.ts';
import { ageOf, BUSY_TEXT, plan, SHED_AFTER_MS, sentAt, WorkQueue } from '../../src/deadline.ts';
import type { Logger } from '../../src/log.ts';
import { parseTimestamp, ReplayGuard, type SharedSeen } from '../../src/replay.ts';
import { arrivalOf, BodyTooLarge, readBody, sendJson } from '../../src/server.ts';
import {
  type Dispatch,
  failedMessage,
  type OptionInput,
  type Pending,
  readyWithin,
  type Schedule,
  unsupportedMessage,
  withoutFlags,
} from './dispatch.ts';
import { type DiscordMessage, noticeMessage } from './render.ts';

export const INTERACTIONS_PATH = '/discord/interactions';
/**
 * Interaction payloads are kilobytes: a button click carries the message it sits on (at most 10 embeds of 6,000
 * characters and its components), a command its options. Anything near this is not from Discord.
 */
export const BODY_LIMIT_BYTES = 128 * 1024;
/** Requests signed further than this from now are refused (replays, badly wrong clocks). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** DER header of an Ed25519 SubjectPublicKeyInfo; node:crypto wants SPKI, Discord shows the raw 32-byte key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Interaction types and response types (numbers as on the wire). */
const PING = 1;
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const APPLICATION_COMMAND_AUTOCOMPLETE = 4;
const RESPONSE_PONG = 1;
const RESPONSE_MESSAGE = 4;
const RESPONSE_DEFERRED_MESSAGE = 5;
const RESPONSE_DEFERRED_UPDATE = 6;
const RESPONSE_UPDATE = 7;
const RESPONSE_AUTOCOMPLETE = 8;

const snowflake = z.string().regex(/^\d{1,20}$/);
const UserSchema = z.looseObject({
  id: snowflake,
  username: z.string().max(64).optional(),
  global_name: z.string().max(64).nullish(),
});
/** An option as raw JSON carries it; subcommand groups nest options (we have none, but they must parse). */
const OptionSchema: z.ZodType<OptionInput> = z.looseObject({
  name: z.string().min(1).max(32),
  type: z.number().int().optional(),
  // Discord caps string values at 6,000 characters; longer ones still get the friendly "too long" reply.
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});

/**
 * The fields of an interaction this adapter reads (the payload carries many more), checked before use: a signed
 * payload with `options` as an object or `user: null` is malformed (400), not a crash or a wrong kind of answer.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */
const InteractionSchema = z.looseObject({
  type: z.number().int(),
  id: snowflake.optional(),
  application_id: snowflake.optional(),
  token: z.string().min(1).max(1000).optional(),
  data: z
    .looseObject({
      name: z.string().max(32).optional(),
      custom_id: z.string().max(100).optional(),
      options: z.array(OptionSchema).max(25).optional(),
    })
    .optional(),
  member: z
    .looseObject({ user: UserSchema.optional(), roles: z.array(z.string().max(32)).max(500).optional() })
    .optional(),
  user: UserSchema.optional(),
});

type RawInteraction = z.infer<typeof InteractionSchema>;

/** Turns Discord's hex public key into a key node:crypto can verify with. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes (64 hex characters)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** True when `signatureHex` is a valid Ed25519 signature of `timestamp + body` and the timestamp is recent. */
export function verifySignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds = Date.now() / 1000,
): boolean {
  if (!signatureHex || !timestamp) return false;
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}

function userOf(interaction: RawInteraction): CommandUser | null {
  const user = interaction.member?.user ?? interaction.user;
  if (!user?.id) return null;
  const roles = interaction.member?.roles;
  return {
    id: String(user.id),
    name: user.global_name ?? user.username ?? null,
    ...(roles && roles.length > 0 ? { roles } : {}),
  };
}

export interface InteractionsRouteOptions {
  publicKey: string;
  applicationId: string;
  dispatch: Dispatch;
  rest: REST;
  logger: Logger;
  /** Answer inline when ready within this; else defer and edit (tests pass 0 to take that path). */
  deferAfterMs: number;
  /** Follow-up edits in flight, so stop() can wait for them. */
  inFlight: Set<Promise<unknown>>;
  /** Clock for the signature timestamp window (ms). */
  now?: () => number;
  /** Replay memory shared with other bots on the same PostgreSQL store. */
  sharedReplays?: SharedSeen;
}

/** The short ephemeral answer past capacity. */
export function busyMessage(): DiscordMessage {
  return noticeMessage(BUSY_TEXT);
}

/** The route on the shared server. */
export function interactionsRoute(options: InteractionsRouteOptions): HttpRoute {
  const key = publicKeyFromHex(options.publicKey);
  const { dispatch, logger } = options;

  const queue = new WorkQueue();
  const busyBody = Buffer.from(JSON.stringify({ type: RESPONSE_MESSAGE, data: busyMessage() }));
  const seen = new ReplayGuard(options.sharedReplays, undefined, (error) =>
    logger.warn(
      { err: error },
      'discord: shared replay memory slow; this bot remembers on its own meanwhile',
    ),
  );
  const now = options.now ?? Date.now;
  /** Runs deferred work in the queue, one at a time, after the deferral has gone out. */
  const later: Schedule = (work) =>
    new Promise((resolve, reject) => queue.push(() => work().then(resolve, reject)));

  /** Defers (type 5, or 6 for an update), then edits the original message once the answer is ready. */
  function defer(res: ServerResponse, interaction: RawInteraction, pending: Pending): void {
    if (pending.mode === 'update') sendJson(res, 200, { type: RESPONSE_DEFERRED_UPDATE });
    else
      sendJson(res, 200, { type: RESPONSE_DEFERRED_MESSAGE, data: pending.ephemeral ? { flags: 64 } : {} });
    const applicationId = interaction.application_id ?? options.applicationId;
    const token = interaction.token;
    if (!token) return;
    const edit = pending.message
      .then((message: DiscordMessage) =>
        options.rest.patch(Routes.webhookMessage(applicationId, token), {
          body: withoutFlags(message),
          auth: false,
        }),
      )
      .catch((error: unknown) => logger.error({ err: error }, 'discord: editing the deferred reply failed'))
      .finally(() => options.inFlight.delete(edit));
    options.inFlight.add(edit);
  }

  /**
   * Answers a command or a button by the request's age (src/deadline.ts): inline when ready within the budget
   * counted from arrival; deferred first when it already waited; "busy" past capacity.
   */
  async function answer(
    res: ServerResponse,
    interaction: RawInteraction,
    arrivedAt: number,
    start: (schedule?: Schedule) => Pending,
  ) {
    const decision = plan(ageOf(arrivedAt), queue);
    if (decision === 'busy') {
      logger.warn({ queued: queue.length }, 'discord: past capacity, answered busy');
      return sendJson(res, 200, { type: RESPONSE_MESSAGE, data: busyMessage() });
    }
    if (decision === 'defer' || options.deferAfterMs <= 0) return defer(res, interaction, start(later));
    const started = performance.now();
    const pending = start();
    const ready = await readyWithin(pending.message, options.deferAfterMs - ageOf(arrivedAt));
    if (ready) queue.observe(performance.now() - started);
    // Ready, but later than the budget after arrival: Discord may already have given up on an inline answer.
    if (ready && ageOf(arrivedAt) <= options.deferAfterMs) {
      if (pending.mode === 'update')
        return sendJson(res, 200, { type: RESPONSE_UPDATE, data: withoutFlags(ready) });
      return sendJson(res, 200, { type: RESPONSE_MESSAGE, data: ready });
    }
    return defer(res, interaction, pending);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The earlier of the two: when the server saw it (less event-loop lag), when Discord says it sent it.
    const arrivedAt = Math.min(arrivalOf(req), sentAt(parseTimestamp(req.headers['x-signature-timestamp'])));
    // Past capacity the cheapest answer wins: a request that already waited this long is told "busy" before its
    // body is read or its signature checked (the answer acts on nothing and says nothing about the bot).
    if (ageOf(arrivedAt) >= SHED_AFTER_MS) {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': busyBody.length });
      res.end(busyBody);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return sendJson(res, 413, { error: 'payload too large' }, { connection: 'close' });
      logger.info({ err: error }, 'discord: request body could not be read');
      if (!res.headersSent) sendJson(res, 400, { error: 'unreadable body' }, { connection: 'close' });
      return;
    }
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (
      !verifySignature(
        key,
        typeof signature === 'string' ? signature : undefined,
        typeof timestamp === 'string' ? timestamp : undefined,
        body,
        now() / 1000,
      )
    )
      return sendJson(res, 401, { error: 'invalid request signature' });

    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'not an interaction' });
    }
    const checked = InteractionSchema.safeParse(parsed);
    if (!checked.success) {
      logger.warn(
        { issues: checked.error.issues.slice(0, 3).map((i) => i.path.join('.')) },
        'discord: malformed interaction: 400',
      );
      return sendJson(res, 400, { error: 'malformed interaction' });
    }
    const interaction = checked.data;
    // Each interaction is answered once: its id (or, without one, its signature) is remembered for the window.
    if (
      await seen.seen(interaction.id ? `discord:id:${interaction.id}` : `discord:sig:${String(signature)}`)
    ) {
      logger.warn({ id: interaction.id }, 'discord: replayed interaction refused');
      return sendJson(res, 409, { error: 'interaction already received' });
    }

    switch (interaction.type) {
      case PING:
        return sendJson(res, 200, { type: RESPONSE_PONG });
      case APPLICATION_COMMAND: {
        const name = interaction.data?.name ?? '';
        const opts = interaction.data?.options;
        const user = userOf(interaction);
        return answer(res, interaction, arrivedAt, (schedule) =>
          dispatch.command(name, opts, user, schedule),
        );
      }
      case MESSAGE_COMPONENT: {
        const customId = interaction.data?.custom_id ?? '';
        const user = userOf(interaction);
        return answer(res, interaction, arrivedAt, (schedule) => dispatch.button(customId, user, schedule));
      }
      case APPLICATION_COMMAND_AUTOCOMPLETE: {
        // Suggestions are only useful at once: past capacity there are none.
        const busy = plan(ageOf(arrivedAt), queue) === 'busy';
        return sendJson(res, 200, {
          type: RESPONSE_AUTOCOMPLETE,
          data: {
            choices: busy
              ? []
              : dispatch.autocomplete(interaction.data?.name ?? '', interaction.data?.options),
          },
        });
      }
      default:
        return sendJson(res, 200, { type: RESPONSE_MESSAGE, data: unsupportedMessage() });
    }
  }

  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
    // When Discord says it sent the interaction: the server handles the earliest first.
    sentAt: (req) => sentAt(parseTimestamp(req.headers['x-signature-timestamp'])),
    handler: async (req, res) => {
      try {
        await handle(req, res);
      } catch (error) {
        logger.error({ err: error }, 'discord: interaction request failed');
        // The user still gets a short note rather than "This interaction failed".
        if (!res.headersSent) sendJson(res, 200, { type: RESPONSE_MESSAGE, data: failedMessage() });
      }
    },
  };
}
