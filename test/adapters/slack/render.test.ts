/** The Block Kit renderer: exact output for known replies, Slack's limits, and escaping of every text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipEscaped,
  diffToMrkdwn,
  ELLIPSIS,
  escapeText,
  link,
  linkified,
  MAX_BLOCKS,
  MAX_BUTTON_TEXT,
  MAX_FIELD_TEXT,
  MAX_FIELDS,
  MAX_HEADER_TEXT,
  MAX_MESSAGE_TEXT,
  MAX_SECTION_TEXT,
  mentionUser,
  type SlackBlock,
  toBlockKit,
} from '../../../adapters/slack/render.ts';
import * as r from '../../../src/reply/build.ts';
import type { Reply, ReplyBlock } from '../../../src/reply/types.ts';

const source = {
  id: '000.txt',
  title: 'Trump and Putin meet in Helsinki',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/2018/07/16/helsinki/',
  published: '2018-07-16',
  source: 'data/articles/000.txt',
};

describe('toBlockKit: exact output', () => {
  it('renders a quote reply: header, quote, context, citation in a code span, buttons', () => {
    const reply = r.card({
      title: 'Quote: putin working group',
      blocks: [
        r.quote('We agreed to set up a working group.', 'Vladimir Putin', 'Russian President'),
        r.context('The two leaders met for two hours.'),
        r.citation(source, 'Vladimir Putin said, TechCrunch reported July 16, 2018.'),
      ],
      actions: [
        r.action('share', 'Share to channel', 'share.KEY1'),
        r.action('more', 'More results', 'more.KEY1'),
      ],
    });
    expect(toBlockKit(reply)).toEqual({
      text: reply.fallback,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Quote: putin working group', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '>We agreed to set up a working group.\n— *Vladimir Putin*, _Russian President_',
            verbatim: true,
          },
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'The two leaders met for two hours.', verbatim: true }],
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: '*TechCrunch* · July 16, 2018 · <https://techcrunch.com/2018/07/16/helsinki/|Trump and Putin meet in Helsinki>',
              verbatim: true,
            },
          ],
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '`Vladimir Putin said, TechCrunch reported July 16, 2018.`',
            verbatim: true,
          },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'newsroom_share',
              text: { type: 'plain_text', text: 'Share to channel', emoji: true },
              value: 'share.KEY1',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'newsroom_more',
              text: { type: 'plain_text', text: 'More results', emoji: true },
              value: 'more.KEY1',
            },
          ],
        },
      ],
    });
  });

  it('renders a verify diff: ~strike~ for the reporter’s words, *bold* for the published ones', () => {
    const reply = r.card({
      title: 'Verify',
      blocks: [
        r.heading('Close: the published wording differs'),
        r.diff([
          { op: 'equal', text: 'We are ' },
          { op: 'delete', text: 'going ' },
          { op: 'insert', text: 'ready ' },
          { op: 'equal', text: 'to analyze <together> & more' },
        ]),
      ],
    });
    expect(toBlockKit(reply).blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Verify', emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Close: the published wording differs*', verbatim: true },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: '~struck~ = your wording only · *bold* = the published wording only',
            verbatim: true,
          },
        ],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'We are ~going~ *ready* to analyze &lt;together&gt; &amp; more',
          verbatim: true,
        },
      },
    ]);
  });

  it('renders missing metadata as missing, fields, lists and dividers', () => {
    const reply = r.card({
      title: 'Sources',
      blocks: [
        r.citation({ id: 'x', title: null, outlet: null, url: null, published: null, source: 'x' }, 'credit'),
        r.fields([{ label: 'Articles', value: '2' }]),
        r.list(['one', 'two']),
        r.divider(),
      ],
    });
    expect(toBlockKit(reply, { actions: false }).blocks.slice(1)).toEqual([
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'outlet unknown · date unknown · title unknown (no link)', verbatim: true },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '`credit`', verbatim: true } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Articles*\n2', verbatim: true }] },
      { type: 'section', text: { type: 'mrkdwn', text: '• one\n• two', verbatim: true } },
      { type: 'divider' },
    ]);
  });

  it('a shared message names the reporter as a mention, without buttons', () => {
    const reply = r.card({
      title: 'Fact',
      blocks: [r.fact('12 officers were indicted.')],
      actions: [r.action('share', 'Share to channel', 'share.K')],
    });
    const message = toBlockKit(reply, { actions: false, sharedBy: 'U0REPORTER' });
    expect(message.blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U0REPORTER>', verbatim: true }],
    });
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toBe(`Shared by <@U0REPORTER>: ${reply.fallback}`);
  });
  it('never sends an empty blocks array', () => {
    const empty: Reply = { status: 'empty', title: '', blocks: [], actions: [], fallback: '' };
    expect(toBlockKit(empty).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '(no answer)', verbatim: true } },
    ]);
  });
});

describe('escaping', () => {
  it('escapes only &, < and >', () => {
    expect(escapeText(`<!channel> <@U1> <http://x|y> & "quotes" 'apos' *b*`)).toBe(
      `&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; &amp; "quotes" 'apos' *b*`,
    );
  });

  it('builds links with escaped parts and refuses non-http urls', () => {
    expect(link('https://x.test/a?b=1&c=<2>|3', 'A <b> & c')).toBe(
      '<https://x.test/a?b=1&amp;c=&lt;2&gt;%7C3|A &lt;b&gt; &amp; c>',
    );
    expect(link('javascript:alert(1)', 'x')).toBe('x (javascript:alert(1))');
    expect(link('https://x.test/ <!here>', 'x')).toBe('x (https://x.test/ &lt;!here&gt;)');
  });

  it('makes bare source URLs in context and lists clickable, labelled with the URL itself', () => {
    expect(linkified('See https://x.test/a. Then')).toBe('See <https://x.test/a|https://x.test/a>. Then');
    expect(linkified('<!channel> (https://x.test/?a=1&b=2)')).toBe(
      '&lt;!channel&gt; (<https://x.test/?a=1&amp;b=2|https://x.test/?a=1&amp;b=2>)',
    );
    expect(linkified('no links & <here>')).toBe('no links &amp; &lt;here&gt;');
    // A masked link typed as text stays a visible URL: the label can never hide the destination.
    expect(linkified('<http://evil|click>')).toBe('&lt;<http://evil%7Cclick|http://evil|click>&gt;');
    const blocks = toBlockKit(
      r.card({ title: 't', blocks: [r.list(['A · https://a.test/x']), r.context('B · https://b.test/y')] }),
    ).blocks;
    expect(JSON.stringify(blocks)).toContain('• A · <https://a.test/x|https://a.test/x>');
    expect(JSON.stringify(blocks)).toContain('B · <https://b.test/y|https://b.test/y>');
  });

  it('renders only Slack user ids as mentions', () => {
    expect(mentionUser('U0REPORTER')).toBe('<@U0REPORTER>');
    expect(mentionUser('W123ABC')).toBe('<@W123ABC>');
    expect(mentionUser('<!channel>')).toBe('&lt;!channel&gt;');
    expect(mentionUser('U1>|x')).toBe('U1&gt;|x');
  });

  it('a backtick cannot end the citation code span early', () => {
    const blocks = toBlockKit(r.card({ title: 't', blocks: [r.citation(source, 'a ` b')] })).blocks;
    const code = blocks.find((b) => b.type === 'section' && 'text' in b && b.text.text.startsWith('`'));
    expect(code && 'text' in code ? code.text.text : '').toBe('`a ˋ b`');
  });

  it('every article and user string in every block kind comes out escaped', () => {
    const evil = '<!channel> <@U123> <http://evil|click> &';
    const reply = r.card({
      title: evil,
      blocks: [
        r.heading(evil),
        r.text(evil),
        r.quote(evil, evil, evil),
        r.fact(evil),
        r.context(evil),
        r.citation({ ...source, title: evil, outlet: evil }, evil),
        r.fields([{ label: evil, value: evil }]),
        r.diff([
          { op: 'delete', text: evil },
          { op: 'insert', text: evil },
        ]),
        r.list([evil]),
      ],
      actions: [r.action('share', evil, 'share.K')],
    });
    const json = JSON.stringify(toBlockKit(reply));
    for (const live of ['<!channel>', '<@U123>', '<http://evil|click>', ' & '])
      expect(json).not.toContain(live);
    expect(json.match(/&lt;!channel&gt;/g)?.length).toBeGreaterThanOrEqual(12);
  });
});

/** Every text object and button of a message, with the limit that applies to it. */
function limitsOf(blocks: SlackBlock[]): { text: string; max: number }[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [{ text: b.text.text, max: MAX_HEADER_TEXT }];
      case 'section':
        return 'text' in b
          ? [{ text: b.text.text, max: MAX_SECTION_TEXT }]
          : b.fields.map((f) => ({ text: f.text, max: MAX_FIELD_TEXT }));
      case 'context':
        return b.elements.map((e) => ({ text: e.text, max: MAX_SECTION_TEXT }));
      case 'actions':
        return b.elements.map((e) => ({ text: e.text.text, max: MAX_BUTTON_TEXT }));
      default:
        return [];
    }
  });
}

describe('limits', () => {
  it('60 results fit in 50 blocks, with a visible note and the buttons kept', () => {
    const blocks: ReplyBlock[] = [];
    for (let i = 0; i < 60; i++)
      blocks.push(
        r.divider(),
        r.quote(`Quote ${i} ${'words '.repeat(20)}`, 'Someone', null),
        r.context('ctx'),
      );
    const reply = r.card({
      title: 'Quote: many',
      blocks,
      actions: [r.action('share', 'Share to channel', 'share.K'), r.action('more', 'More results', 'more.K')],
    });
    const message = toBlockKit(reply);
    expect(message.blocks).toHaveLength(MAX_BLOCKS);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    const note = message.blocks.at(-2);
    expect(note?.type).toBe('context');
    expect(note && note.type === 'context' ? note.elements[0]?.text : '').toMatch(
      /^… \d+ more blocks not shown/,
    );
    expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_TEXT);
    expect(message.text.endsWith(ELLIPSIS)).toBe(true);
  });

  it('a 10,000-character quote is cut visibly within 3,000 characters, keeping the speaker', () => {
    const long = 'word '.repeat(2000).trim();
    const message = toBlockKit(
      r.card({ title: 'Q', blocks: [r.quote(long, 'Vladimir Putin', 'President')] }),
    );
    const section = message.blocks[1];
    const text = section && section.type === 'section' && 'text' in section ? section.text.text : '';
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(text.length).toBeGreaterThan(MAX_SECTION_TEXT - 100);
    expect(text).toContain(`${ELLIPSIS}\n— *Vladimir Putin*, _President_`);
  });

  it('a long title, button label and diff are cut visibly', () => {
    const message = toBlockKit(
      r.card({
        title: 'T'.repeat(500),
        blocks: [r.diff([{ op: 'insert', text: 'x'.repeat(5000) }])],
        actions: [r.action('share', 'L'.repeat(200), 'share.K')],
      }),
    );
    for (const { text, max } of limitsOf(message.blocks)) expect(text.length).toBeLessThanOrEqual(max);
    const header = message.blocks[0];
    expect(header?.type === 'header' && header.text.text.endsWith(ELLIPSIS)).toBe(true);
    const diff = message.blocks[2];
    expect(diff && diff.type === 'section' && 'text' in diff ? diff.text.text : '').toMatch(/^\*x+…\*$/);
  });

  it('more than 10 fields are split over several sections', () => {
    const pairs = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `V${i}` }));
    const blocks = toBlockKit(r.card({ title: 'F', blocks: [r.fields(pairs)] })).blocks.slice(1);
    expect(blocks).toHaveLength(3);
    for (const b of blocks)
      expect(b.type === 'section' && 'fields' in b && b.fields.length <= MAX_FIELDS).toBe(true);
  });

  it('clipEscaped never splits an entity or a surrogate pair', () => {
    expect(clipEscaped('&&&&&', 12)).toBe('&amp;&amp;…');
    expect(clipEscaped('😀😀😀', 5)).toBe('😀😀…');
    expect(clipEscaped('short', 10)).toBe('short');
    expect(diffToMrkdwn([{ op: 'equal', text: 'a & b' }])).toBe('a &amp; b');
  });

  it('puts spaces back between diff parts that come without them, not before punctuation', () => {
    expect(
      diffToMrkdwn([
        { op: 'equal', text: 'we are' },
        { op: 'delete', text: 'going' },
        { op: 'insert', text: 'ready' },
        { op: 'equal', text: 'to analyze' },
        { op: 'delete', text: 'it' },
        { op: 'equal', text: 'together' },
        { op: 'equal', text: '.' },
      ]),
    ).toBe('we are ~going~ *ready* to analyze ~it~ together.');
  });

  it('holds every limit and never leaks markup, for any reply (property)', () => {
    const str = fc.string({ unit: 'grapheme', maxLength: 4000 });
    const markup = fc.constantFrom('<!channel>', '<@U123>', '<http://evil|x>', '&', '`', '*', '\n');
    const text = fc.array(fc.oneof(str, markup), { maxLength: 6 }).map((parts) => parts.join(' '));
    const block: fc.Arbitrary<ReplyBlock> = fc.oneof(
      text.map((t) => r.text(t)),
      fc.tuple(text, fc.option(text), fc.option(text)).map(([t, s, ro]) => r.quote(t, s, ro)),
      text.map((t) => r.context(t)),
      fc.tuple(text, text, text).map(([t, o, c]) => r.citation({ ...source, title: t, outlet: o }, c)),
      fc
        .array(fc.tuple(text, text), { maxLength: 14 })
        .map((ps) => r.fields(ps.map(([label, value]) => ({ label, value })))),
      fc
        .array(fc.tuple(fc.constantFrom('equal', 'insert', 'delete' as const), text), { maxLength: 8 })
        .map((ps) => r.diff(ps.map(([op, t]) => ({ op, text: t })))),
      fc.array(text, { maxLength: 5 }).map((items) => r.list(items)),
      fc.constant(r.divider()),
    );
    fc.assert(
      fc.property(text, fc.array(block, { maxLength: 70 }), text, (title, blocks, label) => {
        const reply: Reply = r.card({ title, blocks, actions: [r.action('more', label, 'more.K')] });
        const message = toBlockKit(reply);
        expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
        expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_TEXT);
        for (const { text: t, max } of limitsOf(message.blocks)) expect(t.length).toBeLessThanOrEqual(max);
        const json = JSON.stringify(message);
        for (const live of ['<!channel>', '<@U123>', '<http://evil|x>']) expect(json).not.toContain(live);
      }),
      { numRuns: 150 },
    );
  });
});
