import { describe, expect, it } from 'vitest';
import * as r from '../../src/reply/index.ts';

const source = {
  id: 'a',
  title: 'Putin proposes a joint cybersecurity group',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/x',
  published: '2018-07-16',
  source: 'data/a.txt',
};

describe('card and toPlainText', () => {
  it('computes the fallback from the blocks, exactly', () => {
    const reply = r.card({
      title: 'Quote: working group',
      blocks: [
        r.quote('we are ready to analyze together', 'Vladimir Putin', 'Russian President'),
        r.context('Putin said in Helsinki.'),
        r.citation(source, 'Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.'),
        r.divider(),
        r.fields([{ label: 'Verdict', value: 'close' }]),
        r.diff([
          { op: 'equal', text: 'we are ' },
          { op: 'delete', text: 'willing ' },
          { op: 'insert', text: 'ready ' },
          { op: 'equal', text: 'to analyze' },
        ]),
        r.list(['one', 'two']),
        r.fact('12 officers were indicted.'),
        r.heading('More'),
        r.text('plain'),
      ],
      actions: [r.action('more', 'More results', 'more.k')],
    });
    expect(reply.status).toBe('ok');
    expect(reply.fallback).toBe(
      [
        'Quote: working group',
        '“we are ready to analyze together”\n— Vladimir Putin, Russian President',
        '(Putin said in Helsinki.)',
        'Source: TechCrunch, “Putin proposes a joint cybersecurity group”, July 16, 2018, https://techcrunch.com/x\nCredit: Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.',
        '---',
        'Verdict: close',
        'Diff: we are [-willing-] {+ready+} to analyze',
        '- one\n- two',
        '12 officers were indicted.',
        'More',
        'plain',
      ].join('\n\n'),
    );
  });

  it('names missing metadata instead of inventing it', () => {
    const reply = r.card({
      title: 'T',
      blocks: [
        r.quote('x', null),
        r.citation({ id: 'b', title: null, outlet: null, url: null, published: null, source: 'b.txt' }, 'c'),
      ],
    });
    expect(reply.fallback).toContain('— speaker unknown');
    expect(reply.fallback).toContain('Source: outlet unknown, “title unknown”, date unknown, no link');
  });

  it('withBlocks recomputes the fallback', () => {
    const base = r.card({ title: 'T', blocks: [r.text('a')] });
    const more = r.withBlocks(base, { after: [r.context('Shared by Ann')], actions: [] });
    expect(more.fallback).toBe('T\n\na\n\n(Shared by Ann)');
    expect(base.fallback).toBe('T\n\na');
  });
});
