/** The pure renderer: exact JSON for a known reply, escaping, and every limit under random input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  escapeMarkdown,
  neutraliseMentions,
  truncate,
} from '../../../adapters/discord/markdown.ts';
import {
  BUTTON_LABEL_MAX,
  CONTENT_MAX,
  CUSTOM_ID_MAX,
  customIdFor,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  EMBEDS_TOTAL_MAX,
  embedSize,
  parseCustomId,
  renderDiff,
  toDiscordMessage,
} from '../../../adapters/discord/render.ts';
import type { Reply, ReplyBlock } from '../../../src/reply/types.ts';
import { unescapeDiscord } from './contract.ts';

const source = {
  id: 'a.txt',
  source: 'a.txt',
  title: 'Trump and Putin could be reigniting talks',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/2018/07/16/trump-putin/',
  published: '2018-07-16',
};

const quoteReply: Reply = {
  status: 'ok',
  title: 'Quote: putin working group',
  blocks: [
    {
      type: 'quote',
      text: 'we can analyze them through a working group',
      speaker: 'Vladimir Putin',
      role: 'Russian President',
    },
    { type: 'context', text: 'Putin said at the news conference.' },
    { type: 'citation', source, credit: 'Vladimir Putin said, TechCrunch reported July 16, 2018.' },
    { type: 'divider' },
    { type: 'quote', text: 'he has an interesting idea', speaker: 'Donald Trump', role: null },
    { type: 'context', text: 'TechCrunch, July 16, 2018 · no link' },
    { type: 'context', text: 'Results 1–2 of 7 · page 1 of 4' },
  ],
  actions: [
    { kind: 'share', label: 'Share to channel', id: 'share.abcDEF123_-x' },
    { kind: 'more', label: 'More results', id: 'more.abcDEF123_-x' },
  ],
  fallback: 'Quote: putin working group …',
};

describe('toDiscordMessage', () => {
  it('renders a quote reply to the exact expected JSON', () => {
    expect(toDiscordMessage(quoteReply, { ephemeral: true })).toEqual({
      content: '**Quote: putin working group**',
      embeds: [
        {
          color: 0x2f6fb3,
          author: { name: 'Vladimir Putin, Russian President' },
          title: 'Trump and Putin could be reigniting talks',
          url: 'https://techcrunch.com/2018/07/16/trump-putin/',
          description:
            '“we can analyze them through a working group”\n\n*Putin said at the news conference.*',
          fields: [
            {
              name: 'Credit',
              value: '`Vladimir Putin said, TechCrunch reported July 16, 2018.`',
              inline: false,
            },
          ],
          footer: { text: 'TechCrunch · July 16, 2018' },
        },
        {
          color: 0x2f6fb3,
          author: { name: 'Donald Trump' },
          description: '“he has an interesting idea”\n\n*TechCrunch, July 16, 2018 · no link*',
          footer: { text: 'Results 1–2 of 7 · page 1 of 4' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 1, label: 'Post to channel', custom_id: 'newsroom:share:abcDEF123_-x' },
            { type: 2, style: 2, label: 'More', custom_id: 'newsroom:more:abcDEF123_-x' },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });

  it('a shared post is public, names the poster, and has no buttons', () => {
    const m = toDiscordMessage(quoteReply, {
      ephemeral: false,
      withActions: false,
      postedBy: '800000000000000001',
    });
    expect(m.flags).toBeUndefined();
    expect(m.components).toEqual([]);
    expect(m.content).toBe('Posted by <@800000000000000001>\n**Quote: putin working group**');
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('shows missing metadata as missing, and drops a link Discord would reject', () => {
    const m = toDiscordMessage(
      {
        ...quoteReply,
        blocks: [
          { type: 'fact', text: 'The budget grew 5%.' },
          {
            type: 'citation',
            source: { ...source, title: null, outlet: null, published: null, url: 'ftp://x' },
            credit: 'An unknown outlet reported (date unknown).',
          },
        ],
      },
      { ephemeral: true },
    );
    expect(m.embeds[0]?.title).toBe('Title unknown');
    expect(m.embeds[0]?.url).toBeUndefined();
    expect(m.embeds[0]?.footer?.text).toBe('Outlet unknown · date unknown');
    expect(m.embeds[0]?.author).toBeUndefined();
  });

  it('a reply without blocks falls back to its plain text', () => {
    const m = toDiscordMessage(
      { status: 'error', title: '', blocks: [], actions: [], fallback: 'Nothing *here*' },
      { ephemeral: true },
    );
    expect(m).toEqual({
      content: 'Nothing \\*here\\*',
      embeds: [],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });
});

describe('escaping', () => {
  it('escapes markdown characters and masked links', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` |e| > f # g - h [i](j) \\')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|e\\| > f # g - h \\[i\\](j) \\\\',
    );
    // Line-start marks (lists, headings, subtext, quotes) are escaped only where they would form markup.
    expect(escapeMarkdown('1. first\n+ second\n- third\n# fourth\n> fifth\n-# sixth')).toBe(
      '1\\. first\n\\+ second\n\\- third\n\\# fourth\n\\> fifth\n\\-# sixth',
    );
  });

  it('leaves a hyphen inside a title alone: embed titles show an escaping backslash as it is', () => {
    const m = toDiscordMessage(
      {
        status: 'ok',
        title: 'Quote: flood-wall',
        blocks: [
          { type: 'citation', source: { ...source, title: 'The flood-wall is 3-4 m high' }, credit: 'x' },
        ],
        actions: [],
        fallback: 'x',
      },
      { ephemeral: true },
    );
    expect(m.embeds[0]?.title).toBe('The flood-wall is 3-4 m high');
    expect(m.content).toBe('**Quote: flood-wall**');
  });

  it('leaves bare URLs whole so they stay links', () => {
    expect(escapeMarkdown('see https://ex.com/a_b-c, ok')).toBe('see https://ex.com/a_b-c, ok');
    // The brackets are escaped, so no masked link forms; the URL stays a plain, visible link.
    expect(escapeMarkdown('[x](https://evil.example/p)')).toBe('\\[x\\](https://evil.example/p)');
  });

  it('defuses every mention form', () => {
    const out = neutraliseMentions('@everyone @here <@1> <@!2> <@&3> <#4> </cmd:5> <t:6:R>');
    expect(out).not.toMatch(/@everyone|@here|<@!?\d|<@&|<#\d|<\/|<t:/);
    expect(out.replace(/\u200b/g, '')).toBe('@everyone @here <@1> <@!2> <@&3> <#4> </cmd:5> <t:6:R>');
  });

  it('truncates visibly without splitting a surrogate pair or leaving a lone backslash', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab\\*cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('puts a credit line in a copyable code span, even with backticks inside', () => {
    expect(codeSpan('Putin said, TechCrunch reported.', 100)).toBe('`Putin said, TechCrunch reported.`');
    expect(codeSpan('a `b` c', 100)).toBe('`` a `b` c ``');
  });

  it('renders a word diff with struck and bold words', () => {
    expect(
      renderDiff(
        [
          { op: 'equal', text: 'we can' },
          { op: 'delete', text: 'analyse' },
          { op: 'insert', text: 'analyze' },
          { op: 'equal', text: 'them *now*' },
        ],
        1000,
      ),
    ).toBe('we can ~~analyse~~ **analyze** them \\*now\\*');
    const long = renderDiff([{ op: 'insert', text: 'word '.repeat(500) }], 100);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^\*\*word.*…\*\*$/);
  });
});

describe('custom ids', () => {
  it('round-trips share and more keys within 100 characters', () => {
    const id = customIdFor({ kind: 'more', label: 'More', id: 'more.KEY123' });
    expect(id).toBe('newsroom:more:KEY123');
    expect(parseCustomId(id ?? '')).toEqual({ kind: 'more', key: 'KEY123', actionId: 'more.KEY123' });
    expect(customIdFor({ kind: 'share', label: 'x', id: `share.${'k'.repeat(CUSTOM_ID_MAX)}` })).toBeNull();
    expect(parseCustomId('other:share:x')).toBeNull();
  });
});

const text = fc.string({ unit: 'grapheme', maxLength: 3000 });
const hostile = fc.constantFrom(
  '@everyone',
  '<@123456789012345678>',
  '**',
  '[a](https://x.y)',
  '`',
  '\\',
  '||',
  '😀',
);
const anyText = fc.oneof(
  text,
  fc.array(fc.oneof(text, hostile), { maxLength: 40 }).map((a) => a.join('')),
);

const block: fc.Arbitrary<ReplyBlock> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), text: anyText }),
  fc.record({ type: fc.constant('text' as const), text: anyText }),
  fc.record({
    type: fc.constant('quote' as const),
    text: anyText,
    speaker: fc.option(anyText),
    role: fc.option(anyText),
  }),
  fc.record({ type: fc.constant('fact' as const), text: anyText }),
  fc.record({ type: fc.constant('context' as const), text: anyText }),
  fc.record({
    type: fc.constant('citation' as const),
    source: fc.record({
      id: fc.constant('x'),
      source: fc.constant('x'),
      title: fc.option(anyText),
      outlet: fc.option(anyText),
      url: fc.option(fc.oneof(fc.webUrl(), anyText)),
      published: fc.option(fc.constantFrom('2018-07-16', 'garbage')),
    }),
    credit: anyText,
  }),
  fc.record({
    type: fc.constant('fields' as const),
    fields: fc.array(fc.record({ label: anyText, value: anyText }), { maxLength: 30 }),
  }),
  fc.record({
    type: fc.constant('diff' as const),
    parts: fc.array(fc.record({ op: fc.constantFrom('equal', 'insert', 'delete'), text: anyText }), {
      maxLength: 20,
    }),
  }),
  fc.record({ type: fc.constant('list' as const), items: fc.array(anyText, { maxLength: 20 }) }),
  fc.constant({ type: 'divider' as const }),
);

const reply: fc.Arbitrary<Reply> = fc.record({
  status: fc.constantFrom('ok', 'empty', 'usage', 'error'),
  title: anyText,
  blocks: fc.array(block, { maxLength: 40 }),
  actions: fc.array(
    fc.record({
      kind: fc.constantFrom('share' as const, 'more' as const),
      label: anyText,
      id: fc.string({ minLength: 1, maxLength: 120 }),
    }),
    { maxLength: 3 },
  ),
  fallback: anyText,
});

describe('escaping loses nothing', () => {
  it('undoing the escapes gives back the original text', () => {
    const noUrlNoZwsp = anyText.filter((t) => !t.includes('\u200b') && !/https?:\/\//.test(t));
    fc.assert(
      fc.property(noUrlNoZwsp, (t) => {
        expect(unescapeDiscord(escapeMarkdown(t))).toBe(t);
      }),
      { numRuns: 300 },
    );
  });
});

describe('limits hold for any reply', () => {
  it('every message is within Discord limits and never pings', () => {
    fc.assert(
      fc.property(reply, fc.boolean(), (r, ephemeral) => {
        const m = toDiscordMessage(r, { ephemeral });
        expect(m.allowed_mentions).toEqual({ parse: [] });
        expect((m.content ?? '').length).toBeLessThanOrEqual(CONTENT_MAX);
        expect(m.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE_MAX);
        expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
        expect(Boolean(m.content) || m.embeds.length > 0).toBe(true);
        for (const e of m.embeds) {
          expect(embedSize(e)).toBeGreaterThan(0);
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
          expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(EMBED_AUTHOR_NAME_MAX);
          expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_FOOTER_MAX);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeGreaterThan(0);
            expect(f.value.length).toBeGreaterThan(0);
            expect(f.name.length).toBeLessThanOrEqual(EMBED_FIELD_NAME_MAX);
            expect(f.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
          }
          if (e.url) expect(e.url).toMatch(/^https?:\/\//);
        }
        for (const b of m.components.flatMap((row) => row.components)) {
          expect(b.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
          expect(b.label?.length ?? 0).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
        }
        const shown = JSON.stringify([m.content, m.embeds]);
        expect(shown).not.toMatch(/@everyone|@here|<@[!&]?\d/);
      }),
      { numRuns: 300 },
    );
  });
});
