import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/articles/index.ts';
import { rebuildUrl, stripPrintArtifacts } from '../../src/articles/printout.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');

describe('browser print-outs', () => {
  it('joins a sentence split by a page break on one line', async () => {
    const [article] = await parseFile(join(FIXTURES, 'printout-oneline.txt'));
    expect(article).toMatchObject({
      title: 'Markets slide as talks stall',
      url: 'https://www.bbc.co.uk/news/business-45123456',
      outlet: 'BBC',
      // No date in the URL, and the print date is not the publication date.
      published: null,
    });
    expect(article?.paragraphs).toEqual([
      'Stocks fell sharply on Tuesday as negotiators in Brussels failed to reach a deal, with the index down 3% by the close.',
    ]);
  });

  it('joins a sentence split across lines and pages, with tabs in the header, unwrapping layout lines', async () => {
    const [article] = await parseFile(join(FIXTURES, 'printout-multiline.txt'));
    expect(article).toMatchObject({
      title: 'Helsinki summit: what was said',
      url: 'https://www.theguardian.com/world/2018/jul/16/helsinki-summit-what-was-said',
      outlet: 'The Guardian',
      published: '2018-07-16',
    });
    expect(article?.paragraphs).toEqual([
      'The two leaders spoke for more than two hours behind closed doors before facing reporters, where the Russian president said the talks had been frank and useful for both sides.',
      'We did not agree on everything, he added.',
    ]);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Half the votes, 1/2 of them, were counted by 10:09 AM.';
    expect(stripPrintArtifacts(text)).toEqual({ text, isPrintout: false, title: null, url: null });
  });

  it('rebuilds URLs from reader-view footers', () => {
    expect(
      rebuildUrl(
        'read://https_techcrunch.com/?url=https%3A%2F%2Ftechcrunch.com%2F2018%2F07%2F16%2Ftrump putin joint cybersecurity group%2F',
      ),
    ).toBe('https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/');
    expect(rebuildUrl('read://https_www.example.org/news/a story')).toBe(
      'https://www.example.org/news/a-story',
    );
    expect(rebuildUrl('read://https_x/?url=%E0%A4%A')).toBeNull();
  });

  it('finds the title from headers on later pages when the first page lacks the repeated heading', () => {
    const text =
      '1/5/24, 8:00 PM Storm hits coast Waves reached the road. read://https_news.example/?url=https%3A%2F%2Fnews.example%2Fstorm%2F 1/2 1/5/24, 8:00 PM Storm hits coast Power was cut. read://https_news.example/?url=https%3A%2F%2Fnews.example%2Fstorm%2F 2/2';
    const info = stripPrintArtifacts(text);
    expect(info.title).toBe('Storm hits coast');
    expect(info.text).toBe('Waves reached the road. Power was cut.');
    expect(info.url).toBe('https://news.example/storm/');
  });
});
