/**
 * What an interaction means, independent of how it arrived (HTTP interactions or the gateway): slash command ->
 * executeCommand -> rendered message; button -> executeAction; autocomplete -> speaker choices.
 * http.ts and gateway.ts only move these answers over their transport.
 * Interaction payloads: https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import type { AdapterDeps } from '../../src/adapter.ts';
import { type CommandUser, executeAction, executeCommand, findCommand } from '../../src/commands/index.ts';
import { truncate } from './markdown.ts';
import { type DiscordMessage, noticeMessage, parseCustomId, toDiscordMessage } from './render.ts';

/** At most this many autocomplete choices, each name and value at most 100 characters. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_TEXT_MAX = 100;
/** Discord allows 3 s for the first response; answer inline when ready well within it, else defer. */
export const DEFAULT_DEFER_AFTER_MS = 2000;

/** An option as both transports carry it (raw JSON and discord.js's `interaction.options.data`). */
export interface OptionInput {
  name: string;
  /** The option type number raw JSON carries (3 = string); not needed to read the value. */
  type?: number;
  value?: unknown;
  focused?: boolean;
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * How an answer goes out: `reply` a new message (response type 4), `update` the message the button sits on
 * (type 7). Known before the work finishes, so a transport can pick the matching deferral (type 5 or 6).
 */
export type AnswerMode = 'reply' | 'update';

export interface Pending {
  mode: AnswerMode;
  /** The deferred reply should be ephemeral (matters only for mode `reply`). */
  ephemeral: boolean;
  /** Never rejects: failures become a short ephemeral notice and a log line. */
  message: Promise<DiscordMessage>;
}

const FAILED = 'Sorry, that did not work. Please try again in a moment.';

/**
 * When the work of an answer runs: at once by default; a transport that has already deferred passes a queue, so
 * the deferral goes out first and the work waits its turn (src/deadline.ts).
 */
export type Schedule = (work: () => Promise<DiscordMessage>) => Promise<DiscordMessage>;
const now: Schedule = (work) => work();

/** Options -> the args object every adapter hands to executeCommand (validated there, once). */
export function argsFrom(options: readonly OptionInput[] | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const o of options ?? []) if (o.value !== undefined && o.value !== null) args[o.name] = o.value;
  return args;
}

/** The message an update (type 7) or webhook edit carries: the ephemeral flag cannot change there. */
export function withoutFlags(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}

/**
 * Resolves to the message if it is ready within `ms`, else to null (the caller defers and edits later).
 * `ms <= 0` always defers, so the deferred path can be taken on purpose.
 */
export async function readyWithin<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createDispatch(deps: AdapterDeps) {
  const env = (user: CommandUser | null) => ({
    engine: deps.engine(),
    actions: deps.actions,
    platform: 'discord' as const,
    user,
    logger: deps.logger,
  });

  /** Wraps work so that a crash still gives the user something to read. */
  const guarded = (
    work: () => Promise<DiscordMessage>,
    what: Record<string, unknown>,
    schedule: Schedule = now,
  ) =>
    schedule(work).catch((error: unknown) => {
      deps.logger.error({ err: error, ...what }, 'discord interaction failed');
      return noticeMessage(FAILED);
    });

  /** A slash command: ephemeral by default, with the reply's buttons. */
  function command(
    name: string,
    options: readonly OptionInput[] | undefined,
    user: CommandUser | null,
    schedule?: Schedule,
  ): Pending {
    const message = guarded(
      async () => {
        const reply = await executeCommand({ command: name, args: argsFrom(options) }, env(user));
        return toDiscordMessage(reply, { ephemeral: true });
      },
      { command: name },
      schedule,
    );
    return { mode: 'reply', ephemeral: true, message };
  }

  /**
   * A button. `share` posts the result publicly with "Posted by <@user>" and no buttons (anyone could click
   * them); `more` replaces the ephemeral message with the next page; an expired key gets an ephemeral note.
   */
  function button(customId: string, user: CommandUser | null, schedule?: Schedule): Pending {
    const parsed = parseCustomId(customId);
    if (!parsed) {
      deps.logger.warn({ customId: truncate(customId, 120) }, 'discord: unknown button');
      return {
        mode: 'reply',
        ephemeral: true,
        message: Promise.resolve(
          noticeMessage('This button is not one of ours any more. Please run the command again.'),
        ),
      };
    }
    const message = guarded(
      async () => {
        const outcome = await executeAction(parsed.actionId, env(user));
        if (outcome.kind === 'share')
          return toDiscordMessage(outcome.reply, {
            ephemeral: false,
            withActions: false,
            postedBy: user?.id ?? null,
          });
        if (outcome.kind === 'more')
          return withoutFlags(toDiscordMessage(outcome.reply, { ephemeral: true }));
        return toDiscordMessage(outcome.reply, { ephemeral: true, withActions: false });
      },
      { button: parsed.kind },
      schedule,
    );
    // An expired key is known at once (the store is in memory): its note must be a new ephemeral message,
    // neither a public post nor a replacement of the results the user still has.
    if (!deps.actions.get(parsed.key)) return { mode: 'reply', ephemeral: true, message };
    return parsed.kind === 'share'
      ? { mode: 'reply', ephemeral: false, message }
      : { mode: 'update', ephemeral: true, message };
  }

  /** Speaker names for the focused `speaker` option; anything else gets no suggestions. Never throws. */
  function autocomplete(
    commandName: string,
    options: readonly OptionInput[] | undefined,
  ): AutocompleteChoice[] {
    const focused = (options ?? []).find((o) => o.focused);
    if (focused?.name !== 'speaker' || !findCommand(commandName)) return [];
    const prefix = typeof focused.value === 'string' ? focused.value.trim().slice(0, CHOICE_TEXT_MAX) : '';
    try {
      const seen = new Set<string>();
      const choices: AutocompleteChoice[] = [];
      for (const speaker of deps.engine().speakers(prefix, AUTOCOMPLETE_CHOICES_MAX)) {
        // The value goes back as the option's text, so it must fit whole; a longer name would not search right.
        if (speaker.name.length > CHOICE_TEXT_MAX || seen.has(speaker.name)) continue;
        seen.add(speaker.name);
        const label = speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name;
        choices.push({ name: truncate(label, CHOICE_TEXT_MAX), value: speaker.name });
        if (choices.length === AUTOCOMPLETE_CHOICES_MAX) break;
      }
      return choices;
    } catch (error) {
      deps.logger.error({ err: error, command: commandName }, 'discord autocomplete failed');
      return [];
    }
  }

  return { command, button, autocomplete };
}

export type Dispatch = ReturnType<typeof createDispatch>;

/** The notice for an interaction type we do not handle. */
export function unsupportedMessage(): DiscordMessage {
  return noticeMessage('That kind of interaction is not supported here.');
}

/** The notice a user gets when anything failed before a command could run. */
export function failedMessage(): DiscordMessage {
  return noticeMessage(FAILED);
}
