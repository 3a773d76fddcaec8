import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseFile } from '../../src/articles/index.ts';
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

describe('print-outs with a title cut short in the header', () => {
  const footer =
    'read://https_www.example-news.com/?url=https%3A%2F%2Fwww.example-news.com%2F2024%2F10%2F29%2Fward closing%2F';
  const header = '10/30/24, 8:41 AM Mercy General to close maternity ward, citing staffing sh…';

  it('takes the full title from the first page heading on its own line', () => {
    const text = `${header}\nMercy General to close maternity ward, citing staffing shortage\nThe hospital will stop delivering babies, officials said, and nurses\n${footer} 1/2\n${header}\nsaid they had warned administrators.\n${footer} 2/2`;
    const info = stripPrintArtifacts(text);
    expect(info.title).toBe('Mercy General to close maternity ward, citing staffing shortage');
    expect(info.url).toBe('https://www.example-news.com/2024/10/29/ward-closing/');
    expect(info.text).toBe(
      'The hospital will stop delivering babies, officials said, and nurses said they had warned administrators.',
    );
  });

  it('keeps the cut title when the heading cannot be told apart on one line', () => {
    const text = `${header} Mercy General to close maternity ward, citing staffing shortage The hospital will stop. ${footer} 1/2 ${header} Nurses said so. ${footer} 2/2`;
    const info = stripPrintArtifacts(text);
    expect(info.title).toBe('Mercy General to close maternity ward, citing staffing sh…');
    expect(info.text).not.toContain('read://');
    expect(info.text).not.toContain('8:41 AM');
    expect(info.text.endsWith('The hospital will stop. Nurses said so.')).toBe(true);
  });
});

describe('one-page print-outs', () => {
  it('find a cut title from the ellipsis when there is no second page', () => {
    const text =
      '3/1/24, 9:00 AM Council approves harbour dredging plan after years of del…\nCouncil approves harbour dredging plan after years of delay\nThe council voted 6-1 for the plan.\nread://https_www.example-news.com/?url=https%3A%2F%2Fwww.example-news.com%2Fharbour dredging%2F 1/1';
    const info = stripPrintArtifacts(text);
    expect(info.title).toBe('Council approves harbour dredging plan after years of delay');
    expect(info.text).toBe('The council voted 6-1 for the plan.');
    expect(info.url).toBe('https://www.example-news.com/harbour-dredging/');
  });
});

describe('Chrome print-outs', () => {
  it('take the URL from a plain address footer and drop it with its page mark', () => {
    const text =
      '5/3/24, 7:15 PM Port strike ends after deal on wages - Reuters\nPort strike ends after deal on wages - Reuters\nDock workers returned to work on Thursday after union leaders\nhttps://www.reuters.com/world/europe/port-strike-ends-2024-05-02/ 1/2\n5/3/24, 7:15 PM Port strike ends after deal on wages - Reuters\naccepted a 9% raise.\nhttps://www.reuters.com/world/europe/port-strike-ends-2024-05-02/ 2/2';
    const info = stripPrintArtifacts(text);
    expect(info.url).toBe('https://www.reuters.com/world/europe/port-strike-ends-2024-05-02/');
    expect(info.title).toBe('Port strike ends after deal on wages - Reuters');
    expect(info.text).toBe(
      'Dock workers returned to work on Thursday after union leaders accepted a 9% raise.',
    );
    // As an article, the site's name comes off the title; the date is the URL's, not the print date.
    const [article] = parseArticleText(text, 'txt', 'chrome.txt');
    expect(article).toMatchObject({
      title: 'Port strike ends after deal on wages',
      outlet: 'Reuters',
      published: '2024-05-02',
    });
  });
});

describe('older Firefox print-outs', () => {
  it('read the URL from an about:reader footer', () => {
    const text =
      '1/5/24, 8:00 PM Storm hits coast Storm hits coast Waves reached the road. about:reader?url=https%3A%2F%2Fnews.example%2F2024%2F01%2F05%2Fstorm hits coast 1/1';
    const info = stripPrintArtifacts(text);
    expect(info).toEqual({
      text: 'Waves reached the road.',
      isPrintout: true,
      title: 'Storm hits coast',
      url: 'https://news.example/2024/01/05/storm-hits-coast',
    });
  });
});
