/**
 * The Slack adapter behind a platform-neutral test interface, for a contract suite run against every adapter
 * (as crossws runs one shared suite per adapter). Commands go in as signed slash commands over real HTTP; answers
 * come back as the ack body or the response_url post, unescaped to plain text so adapters can be compared.
 */

import { buildManifest } from '../../../adapters/slack/manifest.ts';
import type { ContractAdapter, ContractAnswer, ContractButton, ContractSession } from '../contract-types.ts';
import { allStrings, type SlackHarness, startSlackHarness } from './harness.ts';

/** Slack's three escapes, undone for comparison with other platforms' plain text. */
const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function toAnswer(message: Record<string, unknown>): ContractAnswer {
  const blocks = (message.blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string }[];
  }[];
  const buttons: ContractButton[] = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .flatMap((e) =>
      e.action_id === 'newsroom_share' || e.action_id === 'newsroom_more'
        ? [
            {
              kind: e.action_id === 'newsroom_share' ? ('share' as const) : ('more' as const),
              value: e.value ?? '',
            },
          ]
        : [],
    );
  return {
    text: unescapeSlack(allStrings(blocks).join('\n')),
    fallback: unescapeSlack(String(message.text ?? '')),
    buttons,
    private: message.response_type !== 'in_channel' && !('channel' in message),
  };
}

async function session(h: SlackHarness): Promise<ContractSession> {
  return {
    async ask(line) {
      const [command = ''] = line.trim().split(/\s+/);
      const res = await h.slash(command, line.trim().slice(command.length).trim());
      if (res.status !== 200) throw new Error(`Slack adapter answered HTTP ${res.status}`);
      if (res.json && Array.isArray(res.json.blocks)) return toAnswer(res.json);
      // Acknowledged first, answered through response_url.
      const late = await h.standIn.waitFor(`response/${res.responseId}`);
      return toAnswer(late.body);
    },
    async press(button) {
      const before = h.standIn.named('chat.postMessage').length;
      const click = await h.click(button.kind === 'share' ? 'newsroom_share' : 'newsroom_more', button.value);
      if (click.status !== 200) throw new Error(`Slack adapter answered HTTP ${click.status}`);
      if (button.kind === 'share') {
        const posted = await h.standIn.waitFor(
          'chat.postMessage',
          (c) => h.standIn.named('chat.postMessage').indexOf(c) >= before,
        );
        return toAnswer(posted.body);
      }
      return toAnswer((await h.standIn.waitFor(`response/${click.responseId}`)).body);
    },
    close: () => h.close(),
  };
}

/** The Slack adapter for a shared contract suite. */
export const slackContract: ContractAdapter = {
  name: 'slack',
  capabilities: { share: true, privateReplies: true },
  // What the manifest registers (the same generator `npm run slack:manifest` uses).
  registered: () =>
    buildManifest({ socketMode: true }).features.slash_commands.map((c) => c.command.replace(/^\//, '')),
  start: async (engine) => session(await startSlackHarness(engine)),
};
