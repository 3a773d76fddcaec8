import { describe, expect, it } from 'vitest';
import { renderConsole, sanitize, wantsColor } from '../../adapters/console/index.ts';
import * as r from '../../src/reply/index.ts';

const reply = r.card({
  title: 'Quote: working group',
  blocks: [
    r.quote('we are ready to analyze together', 'Vladimir Putin', 'Russian President'),
    r.context('Putin said in Helsinki.'),
    r.citation(
      {
        id: 'a',
        title: 'Putin proposes',
        outlet: 'TechCrunch',
        url: 'https://tc.com/x',
        published: '2018-07-16',
        source: 'a',
      },
      'Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.',
    ),
    r.divider(),
    r.diff([
      { op: 'equal', text: 'we are ' },
      { op: 'delete', text: 'willing ' },
      { op: 'insert', text: 'ready ' },
      { op: 'equal', text: 'to analyze' },
    ]),
    r.list(['one']),
    r.fields([{ label: 'Example', value: '/quote putin' }]),
  ],
  actions: [r.action('share', 'Share to channel', 'share.k'), r.action('more', 'More results', 'more.k')],
});

describe('renderConsole', () => {
  it('renders plain text without colour, exactly', () => {
    expect(renderConsole(reply, { color: false })).toBe(
      [
        'Quote: working group',
        '  “we are ready to analyze together”\n    — Vladimir Putin, Russian President',
        '  Putin said in Helsinki.',
        '  Source: TechCrunch · “Putin proposes” · July 16, 2018\n          https://tc.com/x\n  Credit: Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.',
        '  ────────',
        '  Diff: we are [-willing-] {+ready+} to analyze',
        '  • one',
        'Example: /quote putin',
        '→ Type "more" for the next page.',
      ].join('\n\n'),
    );
  });

  it('colours with ANSI codes when asked, exactly', () => {
    const small = r.card({
      title: 'Nothing',
      status: 'empty',
      blocks: [
        r.diff([
          { op: 'delete', text: 'a' },
          { op: 'insert', text: 'b' },
        ]),
        r.context('dim'),
      ],
    });
    expect(renderConsole(small, { color: true })).toBe(
      '\u001b[1m\u001b[33mNothing\u001b[0m\n\n  \u001b[1mDiff:\u001b[0m \u001b[31m\u001b[9m[-a-]\u001b[0m \u001b[32m\u001b[1m{+b+}\u001b[0m\n\n  \u001b[2mdim\u001b[0m',
    );
  });

  it('shows missing metadata as missing', () => {
    const out = renderConsole(
      r.card({
        title: 'T',
        blocks: [
          r.citation(
            { id: 'b', title: null, outlet: null, url: null, published: null, source: 'b' },
            'credit',
          ),
        ],
      }),
      { color: false },
    );
    expect(out).toContain('Source: outlet unknown · “title unknown” · date unknown');
    expect(out).toContain('no link');
  });

  it('strips escape sequences that come from the data', () => {
    expect(sanitize('a\u001b[2Jb\u0007c\nd')).toBe('abc\nd');
    const out = renderConsole(r.card({ title: 'x\u001b[31m', blocks: [r.text('\u001b]0;evil\u0007ok')] }), {
      color: false,
    });
    expect(out).not.toContain('\u001b');
  });
});

describe('wantsColor', () => {
  it('colours a TTY unless NO_COLOR is set', () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, {})).toBe(false);
  });
});
