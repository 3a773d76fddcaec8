import { describe, expect, it } from 'vitest';
import { articleToCsl, attributionSetting, creditLine } from '../../src/citations/index.ts';

const article = {
  id: 'a',
  title: 'Putin proposes a joint cybersecurity group',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/2018/07/16/putin',
  published: '2018-07-16',
  source: 'a.txt',
};

describe('attributionSetting', () => {
  it('reads the setting the article states', () => {
    expect(
      attributionSetting('I had to reiterate things, Putin said in Helsinki. Any specific', 'Vladimir Putin'),
    ).toBe('in Helsinki');
    expect(
      attributionSetting('"It can\'t," Trump said in a tweet after their meeting.', 'Donald Trump'),
    ).toBe('in a tweet');
    expect(
      attributionSetting('Putin said at a news conference in Helsinki on Monday.', 'Vladimir Putin'),
    ).toBe('at a news conference in Helsinki');
  });

  it('invents nothing when the text gives no setting or names someone else', () => {
    expect(
      attributionSetting('"Any specific material," Putin said. "For instance."', 'Vladimir Putin'),
    ).toBeNull();
    expect(attributionSetting('Trump said in a tweet that it was fine.', 'Vladimir Putin')).toBeNull();
    expect(attributionSetting('Putin said in', 'Vladimir Putin')).toBeNull();
  });
});

describe('creditLine', () => {
  it('adds the setting after "said"', () => {
    expect(
      creditLine(
        { type: 'quote', speaker: 'Vladimir Putin', setting: 'at a news conference in Helsinki' },
        article,
      ),
    ).toBe('Vladimir Putin said at a news conference in Helsinki, TechCrunch reported July 16, 2018.');
    expect(creditLine({ type: 'quote', speaker: 'Vladimir Putin' }, article)).toBe(
      'Vladimir Putin said, TechCrunch reported July 16, 2018.',
    );
    expect(creditLine({ type: 'fact', speaker: null }, { ...article, outlet: null, published: null })).toBe(
      'According to a published report.',
    );
  });
});

describe('articleToCsl', () => {
  it('builds CSL-JSON only from fields the article has', () => {
    expect(articleToCsl({ ...article, author: 'Taylor Hatmaker' })).toEqual({
      id: 'a',
      type: 'article-newspaper',
      title: article.title,
      'container-title': 'TechCrunch',
      URL: article.url,
      issued: { 'date-parts': [[2018, 7, 16]] },
      author: [{ given: 'Taylor', family: 'Hatmaker' }],
    });
    expect(articleToCsl({ ...article, title: null, outlet: null, url: null, published: null })).toEqual({
      id: 'a',
      type: 'article-newspaper',
    });
  });
});
