/**
 * The Discord adapter behind the platform-neutral contract interface (test/adapters/contract-types.ts), so one
 * shared suite can run against every adapter. Commands go in as Ed25519-signed interactions over real HTTP; answers are the interaction responses, with Discord's markdown
 * escapes and mention breakers undone so the text compares with other platforms'.
 */
import { slashCommands } from '../../../adapters/discord/commands.ts';
import type { DiscordMessage } from '../../../adapters/discord/render.ts';
import { findCommand, parseCommandText } from '../../../src/commands/index.ts';
import type { ContractAdapter, ContractAnswer, ContractButton, ContractSession } from '../contract-types.ts';
import {
  buttonInteraction,
  commandInteraction,
  type HttpHarness,
  postInteraction,
  startHttpHarness,
} from './helpers.ts';
import { type DiscordStandIn, startDiscordStandIn } from './standin.ts';

/** Undoes the renderer's escapes: backslash before punctuation, zero-width spaces inside mentions. */
export function unescapeDiscord(s: string): string {
  return s.replace(/\u200b/g, '').replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

function toAnswer(m: DiscordMessage): ContractAnswer {
  const strings: string[] = [m.content ?? ''];
  for (const e of m.embeds) {
    // The article link lives on the embed's title, not in its text: it is part of what the reader sees.
    strings.push(e.author?.name ?? '', e.title ?? '', e.url ?? '', e.description ?? '');
    for (const f of e.fields ?? []) strings.push(f.name, f.value);
    strings.push(e.footer?.text ?? '');
  }
  const buttons = m.components
    .flatMap((row) => row.components)
    .flatMap((b) => {
      const kind = /^newsroom:(share|more):/.exec(b.custom_id)?.[1] as ContractButton['kind'] | undefined;
      return kind ? [{ kind, value: b.custom_id }] : [];
    });
  const text = unescapeDiscord(strings.filter(Boolean).join('\n'));
  // Discord carries no separate fallback: notifications show the content, so that is what compares.
  return { text, fallback: unescapeDiscord(m.content ?? ''), buttons, private: ((m.flags ?? 0) & 64) === 64 };
}

async function session(h: HttpHarness, discord: DiscordStandIn): Promise<ContractSession> {
  async function send(payload: unknown): Promise<DiscordMessage> {
    const res = await postInteraction(h.url, h.keys, payload);
    if (res.status !== 200) throw new Error(`Discord adapter answered HTTP ${res.status}`);
    const body = res.json as { type: number; data?: DiscordMessage };
    if (body.type === 4 || body.type === 7) {
      if (!body.data) throw new Error('response without data');
      return body.data;
    }
    // Deferred (an answer not ready within the budget after arrival, on a busy machine): the edit carries it.
    const token = (payload as { token?: string }).token;
    if ((body.type === 5 || body.type === 6) && token) {
      const edit = await discord.waitFor(
        (r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`),
      );
      const message = edit.body as DiscordMessage;
      // An edit cannot change the ephemeral flag: a deferred reply has the deferral's, an update (More) stays
      // on our ephemeral message.
      if (body.type === 6) return { ...message, flags: 64 };
      return body.data && 'flags' in body.data ? { ...message, flags: body.data.flags } : message;
    }
    throw new Error(`unexpected response type ${body.type}`);
  }
  return {
    async ask(line) {
      const [slash = ''] = line.trim().split(/\s+/);
      const name = slash.replace(/^\//, '');
      const rest = line.trim().slice(slash.length).trim();
      // Discord sends typed options: split the line the way a user fills them in the picker.
      const def = findCommand(name);
      const args = def ? parseCommandText(def, rest) : {};
      const options: Record<string, string> = {};
      for (const [k, v] of Object.entries(args)) if (typeof v === 'string' && v) options[k] = v;
      return toAnswer(await send(commandInteraction(name, options)));
    },
    async press(button) {
      const m = await send(buttonInteraction(button.value));
      // A More answer (type 7) replaces the ephemeral message: still private.
      return button.kind === 'more' ? { ...toAnswer(m), private: true } : toAnswer(m);
    },
    close: async () => {
      await h.close();
      await discord.close();
    },
  };
}

/** The Discord adapter (HTTP interactions mode) for a shared contract suite. */
export const discordContract: ContractAdapter = {
  name: 'discord',
  capabilities: { share: true, privateReplies: true },
  // What `npm run discord:deploy` registers.
  registered: () => slashCommands().map((c) => c.name),
  start: async (engine) => {
    const discord = await startDiscordStandIn();
    return session(await startHttpHarness(engine, discord.apiUrl), discord);
  },
};
