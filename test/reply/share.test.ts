/** Per-result Share buttons (issue 11 item 1) in each renderer, and never in a shared message. */
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../adapters/console/render.ts';
import { toDiscordMessage } from '../../adapters/discord/render.ts';
import { SHARE_ACTION_ID, toBlockKit } from '../../adapters/slack/render.ts';
import { ActionStore, executeAction, executeCommand } from '../../src/commands/index.ts';
import * as r from '../../src/reply/index.ts';
import { fakeEngine, makeArticle } from '../commands/fake-engine.ts';

const reply = r.card({
  title: 'Quote: q',
  blocks: [
    r.quote('first words', 'Ann Lee', null),
    r.actions([r.action('share', 'Share this quote', 'share.k1', 'Ann Lee: first words')]),
    r.divider(),
    r.quote('second words', 'Bo Ma', null),
    r.actions([r.action('share', 'Share this quote', 'share.k2', 'Bo Ma: second words')]),
    r.pageLine('Results 1–2 of 9 · page 1 of 5'),
  ],
  actions: [r.action('more', 'More results', 'more.k3')],
});

describe('per-result Share', () => {
  it('Slack: a Share button right under each result, More at the end', () => {
    const { blocks } = toBlockKit(reply);
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'actions',
      'divider',
      'section',
      'actions',
      'context',
      'actions',
    ]);
    expect(blocks[2]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION_ID,
          text: { type: 'plain_text', text: 'Share this quote', emoji: true },
          value: 'share.k1',
          style: 'primary',
        },
      ],
    });
    // A shared message carries no buttons at all.
    expect(toBlockKit(reply, { actions: false }).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('Discord: one labelled Post button per result (which one it posts), then More', () => {
    const m = toDiscordMessage(reply, { ephemeral: true });
    expect(m.components.flatMap((row) => row.components).map((b) => [b.label, b.custom_id])).toEqual([
      ['Post to channel: Ann Lee: first words', 'newsroom:share:k1'],
      ['Post to channel: Bo Ma: second words', 'newsroom:share:k2'],
      ['More', 'newsroom:more:k3'],
    ]);
    expect(toDiscordMessage(reply, { ephemeral: false, withActions: false }).components).toEqual([]);
  });

  it('console and plain text: no trace of the buttons', () => {
    expect(renderConsole(reply, { color: false })).not.toMatch(/Share|\n\n\n/);
    expect(reply.fallback).not.toContain('Share');
  });

  it('withoutActions drops inline and reply buttons, and the page line', () => {
    const shared = r.withoutActions(reply);
    expect(shared.actions).toEqual([]);
    expect(shared.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(shared.fallback).not.toContain('page 1 of 5');
    expect(shared.fallback).toContain('second words');
  });
});

describe('sharing a page (/sources)', () => {
  it('posts the page without the line promising more pages', async () => {
    const articles = Array.from({ length: 12 }, (_, i) =>
      makeArticle({
        id: `a${i}.txt`,
        title: `Article ${i + 1}`,
        outlet: 'The Daily',
        published: '2020-01-02',
      }),
    );
    const env = {
      engine: fakeEngine(articles),
      actions: new ActionStore(),
      platform: 'slack' as const,
      user: { id: 'U1', name: 'ann' },
    };
    const page = await executeCommand({ command: 'sources', text: '' }, env);
    expect(page.fallback).toContain('Articles 1–10 of 12');
    const share = page.actions.find((a) => a.kind === 'share');
    const shared = await executeAction(share?.id ?? '', env);
    expect(shared.kind).toBe('share');
    // The same ten articles as the page, listed one per line.
    expect(shared.reply.fallback.match(/^- Article \d+ · /gm)).toHaveLength(10);
    expect(shared.reply.fallback).not.toContain('of 12');
  });
});
