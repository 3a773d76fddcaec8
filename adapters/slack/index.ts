/**
 * The Slack adapter: a Bolt app answering /quote /fact /cite /verify /sources /newsroom (and /help), with a
 * "Share this quote" button under each result and "More results". HTTP mode mounts Bolt's own HTTPReceiver
 * request listener on the shared server (`POST /slack/events`); Socket Mode connects out with an app-level token.
 *
 * Bolt: https://docs.slack.dev/tools/bolt-js/ · slash commands and the 3-second ack:
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  App,
  type BlockAction,
  HTTPReceiver,
  type RespondArguments,
  type RespondFn,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';
import type { Adapter, AdapterDeps, HttpRoute } from '../../src/adapter.ts';
import { executeAction, executeCommand } from '../../src/commands/index.ts';
import type { CommandUser } from '../../src/commands/types.ts';
import { ageOf, BUSY_TEXT, INLINE_BUDGET_MS, plan, sentAt, WorkQueue } from '../../src/deadline.ts';
import { parseTimestamp } from '../../src/replay.ts';
import * as r from '../../src/reply/build.ts';
import type { Reply } from '../../src/reply/types.ts';
import { arrivalOf } from '../../src/server.ts';
import { boltLogger } from './bolt-logger.ts';
import { requestId, SeenRequests } from './dedupe.ts';
import { slackGate } from './gate.ts';
import { BOT_SCOPES } from './manifest.ts';
import { SLACK_EVENTS_PATH } from './paths.ts';
import { MORE_ACTION_ID, SHARE_ACTION_ID, type SlackMessage, toBlockKit } from './render.ts';

export { SLACK_EVENTS_PATH };

/**
 * Slack waits 3 s for the acknowledgement. An answer ready within this budget of the request's arrival goes in
 * the ack body (one round trip, no response_url); a later one is acknowledged and delivered through
 * response_url, and a request that waited too long before we could start is acknowledged first (src/deadline.ts).
 */
export const ACK_BUDGET_MS = INLINE_BUDGET_MS;

/** Bolt refuses timestamps more than 5 minutes old; the same window applies to timestamps in the future. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Slack Web API errors for which posting through the interaction's response_url still works. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

export interface SlackAdapterOptions {
  /** Overrides ACK_BUDGET_MS (tests force the response_url path with a small value). */
  ackBudgetMs?: number;
  /** Clock for the timestamp window check (ms). */
  now?: () => number;
  /** Runs a slash command; defaults to the shared executeCommand (tests wrap it to hold an answer back). */
  execute?: typeof executeCommand;
}

/** Message options shared by everything we post: never unfurl a link from an article or a query. */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** Our block shapes are a strict subset of Block Kit; @slack/types' union is wider than TS matches structurally. */
const knownBlocks = (message: SlackMessage): webApi.KnownBlock[] =>
  message.blocks as unknown as webApi.KnownBlock[];

function asRespond(message: SlackMessage): RespondArguments {
  return { ...NO_UNFURL, text: message.text, blocks: knownBlocks(message) };
}

function ephemeral(reply: Reply, replaceOriginal?: boolean): RespondArguments {
  const base: RespondArguments = { response_type: 'ephemeral', ...asRespond(toBlockKit(reply)) };
  return replaceOriginal === undefined ? base : { ...base, replace_original: replaceOriginal };
}

function errorReply(ref: string): Reply {
  return r.card({
    title: 'Something went wrong',
    status: 'error',
    blocks: [r.text(`Sorry, that failed on our side. Please try again (ref ${ref}).`)],
  });
}

const newRef = (): string => randomBytes(4).toString('hex');

const SEARCHING = 'Searching… the answer follows in a moment.';

/** Waits for a turn in the work queue, so button work takes its place behind deferred answers. */
function queued(queue: WorkQueue): Promise<void> {
  return new Promise((resolve) => queue.push(async () => resolve()));
}

/** executeAction adds `Shared by NAME` as plain text; the Slack message says it once, as a real mention, on top. */
function withoutSharedByLine(reply: Reply, userName: string | null): Reply {
  const last = reply.blocks.at(-1);
  if (last?.type === 'context' && userName && last.text === `Shared by ${userName}`)
    return r.withBlocks({ ...reply, blocks: reply.blocks.slice(0, -1) }, { actions: [] });
  return reply;
}

/** Web API errors for a token Slack does not accept (https://docs.slack.dev/reference/methods/auth.test). */
const REJECTED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'org_login_required',
  'ekm_access_denied',
  'not_allowed_token_type',
]);

type SlackSettings = NonNullable<AdapterDeps['config']['slack']>;

/** `ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`: fetch hides the system error code in `cause`. */
function reason(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown } | undefined;
  for (const code of [e?.cause?.code, e?.code]) if (typeof code === 'string' && code) return code;
  return typeof e?.message === 'string' ? e.message : undefined;
}

/**
 * auth.test with the bot token. Fails with a message naming what happened and the variable to fix: Slack could
 * not be reached (SLACK_API_URL, the network), Slack rejected SLACK_BOT_TOKEN, or the token lacks a scope the
 * manifest asks for. Returns the bot's ids.
 */
export async function checkBotToken(
  slack: SlackSettings,
  clientOptions: webApi.WebClientOptions,
  logger: ReturnType<typeof boltLogger>,
): Promise<{ botId: string; botUserId: string }> {
  const where = slack.apiUrl ?? 'https://slack.com/api/';
  let result: webApi.AuthTestResponse;
  try {
    result = await new webApi.WebClient(slack.botToken, { ...clientOptions, logger }).auth.test();
  } catch (error) {
    const e = error as {
      code?: string;
      data?: { error?: string };
      original?: { code?: string; message?: string };
    };
    const code = e.data?.error;
    if (e.code === webApi.ErrorCode.PlatformError && code && REJECTED_TOKEN.has(code))
      throw new Error(`Slack rejected SLACK_BOT_TOKEN (${code}): check the Bot User OAuth Token (xoxb-...)`, {
        cause: error,
      });
    if (e.code === webApi.ErrorCode.RequestError || e.code === webApi.ErrorCode.HTTPError)
      throw new Error(
        `Slack could not be reached at ${where} (${reason(e.original) ?? (error as Error).message}), so SLACK_BOT_TOKEN was not checked: check the network${slack.apiUrl ? ' and SLACK_API_URL' : ''}`,
        { cause: error },
      );
    throw new Error(
      `Slack refused auth.test for SLACK_BOT_TOKEN (${code ?? (error as Error).message})${slack.apiUrl ? `; SLACK_API_URL is ${slack.apiUrl}` : ''}`,
      { cause: error },
    );
  }
  const scopes = result.response_metadata?.scopes;
  const missing = scopes ? BOT_SCOPES.filter((s) => !scopes.includes(s)) : [];
  if (missing.length > 0)
    throw new Error(
      `SLACK_BOT_TOKEN lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it has ${scopes?.join(', ') || 'none'}): add ${missing.length > 1 ? 'them' : 'it'} under OAuth & Permissions (or reinstall the app from npm run slack:manifest) and use the new token`,
    );
  return { botId: result.bot_id ?? '', botUserId: result.user_id ?? '' };
}

/**
 * Builds the Slack adapter. HTTP mode when the config has a signing secret and no app token; Socket Mode when
 * it has an app token (which then wins: it needs no public URL). Calls auth.test once, so a wrong bot token
 * fails here, naming SLACK_BOT_TOKEN, instead of on the first command.
 */
export async function createSlackAdapter(
  deps: AdapterDeps,
  options: SlackAdapterOptions = {},
): Promise<Adapter> {
  const slack = deps.config.slack;
  if (!slack)
    throw new Error(
      'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
    );
  const log = deps.logger.child({ adapter: 'slack' });
  const ackBudgetMs = options.ackBudgetMs ?? ACK_BUDGET_MS;
  const now = options.now ?? Date.now;
  const execute = options.execute ?? executeCommand;
  const logger = boltLogger(deps.logger);

  const clientOptions: webApi.WebClientOptions = {
    // A few quick retries: the default policy retries for half an hour, far past any reporter's patience.
    retryConfig: { retries: 2 },
    timeout: 10_000,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
  };

  const socketMode = slack.appToken !== null;
  let httpReceiver: HTTPReceiver | null = null;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      installerOptions: { clientOptions },
    });
  } else {
    if (!slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is missing: HTTP mode needs it');
    httpReceiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      // Ack bodies go out as soon as ack() is called; the slow path continues through response_url.
      processBeforeResponse: false,
      // Deadlines count from the request's arrival (src/server.ts), not from when Bolt reaches a listener.
      customPropertiesExtractor: (req) => ({ arrivedAt: arrivalOf(req) }),
    });
    receiver = httpReceiver;
  }

  // One auth.test of our own, before Bolt: its answer says which of three things went wrong (Slack unreachable,
  // the token rejected, a scope missing), and it hands Bolt the bot's ids so Bolt makes no second call.
  const auth = await checkBotToken(slack, clientOptions, logger);

  const app = new App({
    receiver,
    token: slack.botToken,
    botId: auth.botId,
    botUserId: auth.botUserId,
    tokenVerificationEnabled: false,
    logger,
    clientOptions,
    deferInitialization: true,
    // No conversation state is kept between requests; skip Bolt's store middleware.
    convoStore: false,
  });

  app.error(async (error) => {
    log.error({ err: error }, 'Bolt reported an error');
  });

  // Deferred answers and button work, one at a time; its length is how "past capacity" is measured.
  const queue = new WorkQueue();

  // Retries and duplicate deliveries: acknowledge, do nothing.
  // Shared with every bot on the same store when there is one (DATABASE_URL): a retry reaching another replica
  // is still a duplicate.
  const seen = deps.seenRequests ?? new SeenRequests();
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const id = requestId(args.body);
    const retry = args.context.retryNum !== undefined;
    if ((id && (await seen.checkAndRemember(id))) || (!id && retry)) {
      log.info(
        { requestId: id, retryNum: args.context.retryNum },
        'duplicate delivery acknowledged and ignored',
      );
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  });

  const env = (user: CommandUser) => ({
    engine: deps.engine(),
    actions: deps.actions,
    platform: 'slack' as const,
    user,
    logger: log,
  });

  /** Delivers through response_url; a failure there cannot reach the reporter, so it goes to the log. */
  const deliver = async (respond: RespondFn | undefined, message: RespondArguments, what: string) => {
    if (!respond) {
      log.error({ what }, 'no response_url to deliver to');
      return;
    }
    try {
      await respond(message);
    } catch (error) {
      log.error({ err: error, what }, 'posting to response_url failed');
    }
  };

  app.command(/^\/.+$/, async ({ command, ack, respond, context }) => {
    const user: CommandUser = { id: command.user_id, name: command.user_name ?? null };
    // The query itself stays out of the log: reporters' searches can be sensitive.
    log.debug(
      { command: command.command, user: command.user_id, channel: command.channel_id },
      'slash command',
    );
    const arrivedAt = typeof context.arrivedAt === 'number' ? context.arrivedAt : performance.now();
    const run = (): Promise<Reply> =>
      execute({ command: command.command, text: command.text ?? '' }, env(user))
        // executeCommand never rejects by contract; this keeps the promise to the reporter if that ever changes.
        .catch((error: unknown) => {
          const ref = newRef();
          log.error({ err: error, ref, command: command.command }, 'command failed');
          return errorReply(ref);
        });
    const decision = plan(ageOf(arrivedAt), queue);
    if (decision === 'busy') {
      log.warn({ command: command.command, queued: queue.length }, 'past capacity: answered busy');
      await ack({ response_type: 'ephemeral', text: BUSY_TEXT });
      return;
    }
    if (decision === 'defer') {
      // It waited too long to risk working first: acknowledge now, answer through response_url.
      await ack({ response_type: 'ephemeral', text: SEARCHING });
      // The queue holds the work, not the delivery: posts to response_url overlap.
      queue.push(async () => {
        const reply = await run();
        void deliver(respond, ephemeral(reply), command.command);
      });
      return;
    }
    const started = performance.now();
    const work = run();
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      work,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), Math.max(0, ackBudgetMs - ageOf(arrivedAt)));
      }),
    ]);
    clearTimeout(timer);
    if (quick) queue.observe(performance.now() - started);
    // A reply later than the budget after arrival (a synchronous search blocks the timer too) may miss Slack's
    // 3 s window if sent in the ack, so it goes through response_url instead.
    if (quick && ageOf(arrivedAt) <= ackBudgetMs) {
      await ack(ephemeral(quick));
      return;
    }
    if (quick) {
      await ack();
      await deliver(respond, ephemeral(quick), command.command);
      return;
    }
    await ack({ response_type: 'ephemeral', text: SEARCHING });
    await deliver(respond, ephemeral(await work), command.command);
  });

  app.action<BlockAction>(MORE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    await queued(queue);
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const user: CommandUser = {
      id: body.user.id,
      name: 'username' in body.user ? (body.user.username ?? null) : null,
    };
    try {
      const outcome = await executeAction(value, env(user));
      // The next page replaces the ephemeral message in place; an expired key keeps it and explains.
      await deliver(respond, ephemeral(outcome.reply, outcome.kind !== 'expired'), 'more');
    } catch (error) {
      const ref = newRef();
      log.error({ err: error, ref }, 'more results failed');
      await deliver(respond, ephemeral(errorReply(ref), false), 'more');
    }
  });

  app.action<BlockAction>(SHARE_ACTION_ID, async ({ ack, body, action, respond, client }) => {
    await ack();
    await queued(queue);
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const userName = 'username' in body.user ? (body.user.username ?? null) : null;
    const user: CommandUser = { id: body.user.id, name: userName };
    try {
      const outcome = await executeAction(value, env(user));
      if (outcome.kind !== 'share') {
        await deliver(respond, ephemeral(outcome.reply, false), 'share');
        return;
      }
      const message = toBlockKit(withoutSharedByLine(outcome.reply, userName), {
        actions: false,
        sharedBy: body.user.id,
      });
      const channel: string | undefined = body.channel?.id ?? body.container?.channel_id;
      let posted = false;
      if (channel) {
        try {
          await client.chat.postMessage({
            channel,
            ...NO_UNFURL,
            text: message.text,
            blocks: knownBlocks(message),
          });
          posted = true;
        } catch (error) {
          const code = (error as { data?: { error?: string } }).data?.error;
          // Without chat:write.public the bot can only post where it is a member; the interaction's
          // response_url can post in_channel anywhere the reporter used the command.
          if (!code || !NOT_A_MEMBER.has(code)) throw error;
          log.info({ channel, code }, 'bot not in channel: sharing through response_url');
        }
      }
      if (!posted) {
        if (!respond) throw new Error('no channel and no response_url to share to');
        await respond({ response_type: 'in_channel', replace_original: false, ...asRespond(message) });
      }
      await deliver(
        respond,
        { response_type: 'ephemeral', replace_original: false, text: 'Shared to the channel.' },
        'share',
      );
    } catch (error) {
      const ref = newRef();
      log.error({ err: error, ref }, 'share failed');
      await deliver(
        respond,
        ephemeral(
          r.card({
            title: 'Could not share',
            status: 'error',
            blocks: [r.text(`Sorry, sharing failed on our side. Please try again (ref ${ref}).`)],
          }),
          false,
        ),
        'share',
      );
    }
  });

  // Buttons from other apps' messages or old versions: acknowledge so Slack shows no error, do nothing.
  app.action(new RegExp(`^(?!(${SHARE_ACTION_ID}|${MORE_ACTION_ID})$)`), async ({ ack }) => {
    await ack();
  });

  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new Error(
      `The Slack app could not start with SLACK_BOT_TOKEN (${code ?? (error as Error).message})${
        slack.apiUrl ? `; SLACK_API_URL is ${slack.apiUrl}` : ''
      }`,
      { cause: error },
    );
  }

  const routes: HttpRoute[] = [];
  if (httpReceiver) {
    routes.push({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      // When Slack says it sent the request: the server handles the earliest first.
      sentAt: (req) => sentAt(parseTimestamp(req.headers['x-slack-request-timestamp'])),
      // Limits, timestamp, signature, replay, shape and capacity are checked before Bolt (gate.ts).
      handler: slackGate({
        signingSecret: slack.signingSecret ?? '',
        logger: log,
        queue,
        next: httpReceiver.requestListener,
        now,
        ...(deps.sharedReplays ? { sharedReplays: deps.sharedReplays } : {}),
      }),
    });
  }

  return {
    name: socketMode ? 'slack (socket)' : 'slack (http)',
    routes,
    async start() {
      if (!socketMode) return;
      try {
        await app.start();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        throw new Error(
          `Slack Socket Mode could not connect (${code ?? (error as Error).message}); check SLACK_APP_TOKEN (an app-level token with connections:write)`,
          { cause: error },
        );
      }
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}
