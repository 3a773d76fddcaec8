import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../src/articles/index.ts';

const parse = (text: string) => parseArticleText(text, 'txt', 't.txt')[0];

describe('a plain-text title over two lines', () => {
  it('joins a wrapped headline', () => {
    const a = parse(
      'Mayor proposes a new flood wall\nalong the east bank of the river\n\nThe mayor said on Monday the wall would cost $40 million.\n\nMore.\n',
    );
    expect(a?.title).toBe('Mayor proposes a new flood wall along the east bank of the river');
    expect(a?.paragraphs[0]).toMatch(/^The mayor said/);
  });
  it('joins a headline and its subtitle', () => {
    const a = parse(
      'Flood wall to be finished by spring\nCity engineers say the delay is over\n\nThe wall will be done by March, the city said.\n\nMore.\n',
    );
    expect(a?.title).toBe('Flood wall to be finished by spring: City engineers say the delay is over');
  });
  it('never swallows a lede that follows the title directly', () => {
    const a = parse(
      'Flood wall finished\nThe wall was finished on Monday, the city said.\n\nSecond paragraph.\n',
    );
    expect(a?.title).toBe('Flood wall finished');
    expect(a?.paragraphs[0]).toMatch(/^The wall was finished/);
  });
});
