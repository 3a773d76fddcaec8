import { describe, expect, it } from 'vitest';
import {
  articleToCsl,
  attributionSetting,
  creditLine,
  formatArticleCitation,
  hasCslStyle,
  MissingStyleError,
} from '../../src/citations/index.ts';

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
      'An unknown outlet reported (date unknown).',
    );
  });
});

describe('CSL citations', () => {
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

  it('formats APA through citation-js', () => {
    expect(formatArticleCitation({ ...article, author: 'Taylor Hatmaker' }, 'apa')).toBe(
      'Hatmaker, T. (2018, July 16). Putin proposes a joint cybersecurity group. TechCrunch. https://techcrunch.com/2018/07/16/putin',
    );
  });

  it('refuses MLA/Chicago while their CSL files are not installed, instead of falling back to APA', () => {
    for (const style of ['mla', 'chicago'] as const) {
      if (hasCslStyle(style)) continue;
      expect(() => formatArticleCitation(article, style)).toThrow(MissingStyleError);
    }
  });
});

describe('registerStylesFromDir', () => {
  it('registers a CSL file dropped into the styles folder', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { registerStylesFromDir } = await import('../../src/citations/csl.ts');
    const dir = mkdtempSync(join(tmpdir(), 'csl-'));
    expect(registerStylesFromDir(pathToFileURL(`${dir}/`))).toEqual([]);
    // A minimal valid CSL style: proves the file is registered and used, not what MLA looks like.
    writeFileSync(
      join(dir, 'chicago-author-date.csl'),
      `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text value="TEST STYLE: "/><text variable="title"/></layout></bibliography>
</style>`,
    );
    expect(registerStylesFromDir(pathToFileURL(`${dir}/`))).toEqual(['chicago']);
    expect(hasCslStyle('chicago')).toBe(true);
    expect(formatArticleCitation(article, 'chicago')).toBe(
      'TEST STYLE: Putin proposes a joint cybersecurity group',
    );
  });
});
