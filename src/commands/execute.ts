/**
 * The one entry point every adapter calls. It finds the command, builds and validates the args once (zod),
 * runs it, and always resolves to a Reply: user mistakes become friendly replies, bugs are logged and answered
 * with a short apology. It never throws.
 */
import { randomBytes } from 'node:crypto';
import type { ZodError } from 'zod';
import { type CommandOutcome, observeCommand } from '../metrics.ts';
import * as r from '../reply/build.ts';
import type { Reply } from '../reply/types.ts';
import type { SearchEngine } from '../search/types.ts';
import type { ActionStore } from './actions.ts';
import { UserError } from './errors.ts';
import { invocationName, onPlatform } from './names.ts';
import { ACTION_PREFIX } from './present.ts';
import { parseCommandText } from './text.ts';
import type { CommandDefinition, CommandUser, Platform } from './types.ts';

/** The part of a logger the commands use; pino's Logger fits. */
export interface CommandLogger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface CommandInput {
  /** `quote`, `/quote`, `QUOTE`, or an alias. */
  command: string;
  /** Text form (Slack, console): parsed with parseCommandText. Ignored when `args` is given. */
  text?: string;
  /** Typed options (Discord). */
  args?: Record<string, unknown>;
  /** 1-based. */
  page?: number;
  /** Share one result: its 0-based index on the page. */
  result?: number;
}

export interface CommandEnv {
  engine: SearchEngine;
  actions: ActionStore;
  platform: Platform;
  user: CommandUser | null;
  logger?: CommandLogger;
}

export type ActionOutcome = { kind: 'share' | 'more'; reply: Reply } | { kind: 'expired'; reply: Reply };

export interface Registry {
  commands: readonly CommandDefinition[];
  find(name: string): CommandDefinition | undefined;
}

function usageReply(def: CommandDefinition, message: string, here: (text: string) => string): Reply {
  return r.card({
    title: `Usage: ${here(def.usage)}`,
    status: 'usage',
    blocks: [
      r.text(here(message)),
      r.fields([{ label: 'Example', value: def.examples.map(here).join('  ·  ') }]),
    ],
  });
}

function userErrorReply(
  def: CommandDefinition | undefined,
  error: UserError,
  platform: Platform,
  defs: readonly CommandDefinition[],
): Reply {
  const here = (text: string) => onPlatform(text, defs, platform);
  if (error.kind === 'usage' && def) return usageReply(def, error.message, here);
  return r.card({
    title: def ? `/${invocationName(def, platform)}` : 'Newsroom bot',
    status: error.kind,
    blocks: [r.text(here(error.message))],
  });
}

/** An empty or missing required field means "show me how"; anything else (too long, bad style) is an error. */
function fromZodError(error: ZodError): UserError {
  const issue = error.issues[0];
  const message = issue?.message ?? 'That did not look right.';
  const usage = issue?.code === 'too_small' || issue?.code === 'invalid_type';
  return new UserError(usage ? 'missingArgument' : 'invalidArgument', message, usage ? 'usage' : 'error');
}

function crashReply(ref: string): Reply {
  return r.card({
    title: 'Something went wrong',
    status: 'error',
    blocks: [
      r.text(
        `Sorry, that failed on our side. Please try again; if it keeps failing, tell the team (ref ${ref}).`,
      ),
    ],
  });
}

/** Builds executeCommand/executeAction over a registry (index.ts binds the real one). */
export function createExecutor(registry: Registry) {
  async function executeCommand(input: CommandInput, env: CommandEnv): Promise<Reply> {
    const def = registry.find(input.command);
    const started = performance.now();
    let outcome: CommandOutcome = 'ok';
    try {
      if (!def) {
        const name = String(input.command ?? '')
          .trim()
          .replace(/^\/+/, '')
          .slice(0, 40);
        throw new UserError(
          'unknownCommand',
          `There is no /${name} command. Try ${registry.commands.map((c) => `/${invocationName(c, env.platform)}`).join(', ')}.`,
          'usage',
        );
      }
      const raw = input.args ?? parseCommandText(def, input.text ?? '');
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) throw fromZodError(parsed.error);
      const page = Number.isInteger(input.page) && (input.page ?? 1) > 0 ? (input.page as number) : 1;
      const reply = await def.run({
        args: parsed.data,
        engine: env.engine,
        page,
        platform: env.platform,
        user: env.user,
        actions: env.actions,
        ...(Number.isInteger(input.result) && (input.result ?? -1) >= 0 ? { result: input.result } : {}),
      });
      return reply.fallback ? reply : r.card(reply);
    } catch (error) {
      if (error instanceof UserError) {
        outcome = 'user_error';
        return userErrorReply(def, error, env.platform, registry.commands);
      }
      outcome = 'error';
      const ref = randomBytes(4).toString('hex');
      env.logger?.error(
        { err: error, ref, command: input.command, platform: env.platform },
        'command failed',
      );
      return crashReply(ref);
    } finally {
      observeCommand(def?.name ?? 'unknown', env.platform, outcome, (performance.now() - started) / 1000);
    }
  }

  /** Resolves a button id (`share.KEY` / `more.KEY`) through the ActionStore and re-runs the invocation. */
  async function executeAction(id: string, env: CommandEnv): Promise<ActionOutcome> {
    const kind = id.startsWith(ACTION_PREFIX.share)
      ? 'share'
      : id.startsWith(ACTION_PREFIX.more)
        ? 'more'
        : null;
    const stored = kind ? env.actions.get(id.slice(ACTION_PREFIX[kind].length)) : null;
    if (!kind || !stored)
      return {
        kind: 'expired',
        reply: r.card({
          title: 'This button has expired',
          status: 'usage',
          blocks: [r.text('Buttons last an hour. Please run the command again.')],
        }),
      };
    if (kind === 'more') {
      const reply = await executeCommand(
        { command: stored.command, args: stored.args, page: stored.page + 1 },
        env,
      );
      return { kind, reply };
    }
    const reply = await executeCommand(
      {
        command: stored.command,
        args: stored.args,
        page: stored.page,
        ...(stored.result !== undefined ? { result: stored.result } : {}),
      },
      env,
    );
    const who = env.user?.name ?? (env.user ? `<${env.user.id}>` : 'someone');
    // A shared message is public: its buttons would act for whoever clicks, so it carries none.
    return {
      kind,
      reply: r.withBlocks(r.withoutActions(reply), { after: [r.context(`Shared by ${who}`)], actions: [] }),
    };
  }

  return { executeCommand, executeAction };
}
