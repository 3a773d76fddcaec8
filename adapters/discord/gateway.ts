/**
 * Gateway mode: a discord.js Client receives INTERACTION_CREATE over the WebSocket and answers through
 * discord.js's interaction methods (which POST /interactions/{id}/{token}/callback and PATCH the webhook message).
 * Slash commands, buttons and autocomplete need only the Guilds intent; no message content.
 * https://discord.js.org/docs/packages/discord.js/main/Client:Class
 */

import { performance } from 'node:perf_hooks';
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  type User,
} from 'discord.js';
import type { CommandUser } from '../../src/commands/index.ts';
import type { Logger } from '../../src/log.ts';
import { type Dispatch, failedMessage, type Pending, readyWithin } from './dispatch.ts';
import type { DiscordMessage } from './render.ts';

export interface GatewayOptions {
  /** REST base URL (DISCORD_API_URL); null means Discord's. */
  apiUrl: string | null;
  dispatch: Dispatch;
  logger: Logger;
  deferAfterMs: number;
  inFlight: Set<Promise<unknown>>;
}

/** Our API-shaped message as discord.js's reply options (it writes `allowed_mentions` from `allowedMentions`). */
function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
    ...(message.flags ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** For update and edit: the ephemeral flag cannot change after the first response. */
function editOptions(message: DiscordMessage): InteractionUpdateOptions & InteractionEditReplyOptions {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
  };
}

function userOf(user: User, member?: unknown): CommandUser {
  // A cached GuildMember keeps its roles in a collection; an uncached one arrives as the API's array of ids.
  const raw = (member as { roles?: unknown } | null | undefined)?.roles;
  const roles = Array.isArray(raw)
    ? raw.map(String)
    : raw && typeof raw === 'object' && 'cache' in raw
      ? [...(raw as { cache: Map<string, unknown> }).cache.keys()]
      : [];
  return {
    id: user.id,
    name: user.globalName ?? user.username ?? null,
    ...(roles.length > 0 ? { roles } : {}),
  };
}

export function createGatewayClient(opts: GatewayOptions): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Belt and braces: even a message built elsewhere never pings.
    allowedMentions: { parse: [] },
    ...(opts.apiUrl ? { rest: { api: opts.apiUrl } } : {}),
  });
  const { dispatch, logger } = opts;

  async function send(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    started: number,
    pending: Pending,
  ): Promise<void> {
    // A reply later than the budget is deferred and edited in, not sent where Discord may have given up. (The
    // id's timestamp is Discord's clock, not ours: the wait counts from when discord.js handed it over.)
    const ready = await readyWithin(pending.message, opts.deferAfterMs);
    if (ready && performance.now() - started <= opts.deferAfterMs) {
      if (pending.mode === 'update' && interaction.isButton()) await interaction.update(editOptions(ready));
      else await interaction.reply(replyOptions(ready));
      return;
    }
    if (pending.mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply(pending.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    await interaction.editReply(editOptions(await pending.message));
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    if (interaction.isChatInputCommand()) {
      return send(
        interaction,
        started,
        dispatch.command(
          interaction.commandName,
          interaction.options.data,
          userOf(interaction.user, interaction.member),
        ),
      );
    }
    if (interaction.isButton()) {
      return send(interaction, started, dispatch.button(interaction.customId, userOf(interaction.user)));
    }
    if (interaction.isAutocomplete()) {
      return respondChoices(interaction);
    }
  }

  async function respondChoices(interaction: AutocompleteInteraction): Promise<void> {
    await interaction.respond(dispatch.autocomplete(interaction.commandName, interaction.options.data));
  }

  client.on(Events.InteractionCreate, (interaction) => {
    const work = onInteraction(interaction)
      .catch(async (error: unknown) => {
        logger.error({ err: error, interaction: interaction.id }, 'discord: handling an interaction failed');
        if (!interaction.isRepliable()) return;
        // Whatever state the interaction is in, the user still gets a short note.
        if (interaction.deferred || interaction.replied)
          await interaction.editReply(editOptions(failedMessage()));
        else await interaction.reply(replyOptions(failedMessage()));
      })
      .catch((error: unknown) => logger.error({ err: error }, 'discord: could not even send the error note'))
      .finally(() => opts.inFlight.delete(work));
    opts.inFlight.add(work);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error) => logger.warn({ err: error }, 'discord gateway connection error'));
  return client;
}
