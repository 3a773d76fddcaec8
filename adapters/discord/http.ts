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
import type { HttpRoute } from '../../src/adapter.ts';
import type { CommandUser } from '../../src/commands/index.ts';
import type { Logger } from '../../src/log.ts';
import {
  type Dispatch,
  failedMessage,
  type OptionInput,
  type Pending,
  readyWithin,
  unsupportedMessage,
  withoutFlags,
} from './dispatch.ts';
import type { DiscordMessage } from './render.ts';

export const INTERACTIONS_PATH = '/discord/interactions';
/** Interaction payloads are small; anything near this is not from Discord. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
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

/** The fields of an interaction this adapter reads (the payload carries many more). */
interface RawInteraction {
  type: number;
  id?: string;
  application_id?: string;
  token?: string;
  data?: {
    name?: string;
    custom_id?: string;
    options?: OptionInput[];
  };
  member?: { user?: RawUser };
  user?: RawUser;
}

interface RawUser {
  id: string;
  username?: string;
  global_name?: string | null;
}

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

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

function userOf(interaction: RawInteraction): CommandUser | null {
  const user = interaction.member?.user ?? interaction.user;
  if (!user?.id) return null;
  return { id: String(user.id), name: user.global_name ?? user.username ?? null };
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
}

/** The route on the shared server. */
export function interactionsRoute(options: InteractionsRouteOptions): HttpRoute {
  const key = publicKeyFromHex(options.publicKey);
  const { dispatch, logger } = options;

  /** Sends the first response, and when deferred, edits the original message once the answer is ready. */
  async function answer(res: ServerResponse, interaction: RawInteraction, pending: Pending) {
    const ready = await readyWithin(pending.message, options.deferAfterMs);
    if (ready) {
      if (pending.mode === 'update')
        return sendJson(res, 200, { type: RESPONSE_UPDATE, data: withoutFlags(ready) });
      return sendJson(res, 200, { type: RESPONSE_MESSAGE, data: ready });
    }
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return sendJson(res, 413, { error: 'payload too large' }, { connection: 'close' });
      throw error;
    }
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (
      !verifySignature(
        key,
        typeof signature === 'string' ? signature : undefined,
        typeof timestamp === 'string' ? timestamp : undefined,
        body,
      )
    )
      return sendJson(res, 401, { error: 'invalid request signature' });

    let interaction: RawInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as RawInteraction;
      if (typeof interaction?.type !== 'number') throw new Error('no interaction type');
    } catch {
      return sendJson(res, 400, { error: 'not an interaction' });
    }

    switch (interaction.type) {
      case PING:
        return sendJson(res, 200, { type: RESPONSE_PONG });
      case APPLICATION_COMMAND:
        return answer(
          res,
          interaction,
          dispatch.command(interaction.data?.name ?? '', interaction.data?.options, userOf(interaction)),
        );
      case MESSAGE_COMPONENT:
        return answer(
          res,
          interaction,
          dispatch.button(interaction.data?.custom_id ?? '', userOf(interaction)),
        );
      case APPLICATION_COMMAND_AUTOCOMPLETE:
        return sendJson(res, 200, {
          type: RESPONSE_AUTOCOMPLETE,
          data: { choices: dispatch.autocomplete(interaction.data?.name ?? '', interaction.data?.options) },
        });
      default:
        return sendJson(res, 200, { type: RESPONSE_MESSAGE, data: unsupportedMessage() });
    }
  }

  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
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
