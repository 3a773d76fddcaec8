import { describe, expect, it } from 'vitest';
import {
  dateFromUrl,
  normaliseAuthor,
  normaliseDate,
  normaliseUrl,
  outletFromUrl,
} from '../../src/articles/metadata.ts';

describe('dates', () => {
  it.each([
    ['2018-07-16T21:45:00-04:00', '2018-07-16'],
    ['2018-07-16', '2018-07-16'],
    ['July 16, 2018', '2018-07-16'],
    ['Jul 16 2018', '2018-07-16'],
    ['Jul. 16, 2018, 10:42 AM', '2018-07-16'],
    ['Monday, July 16, 2018', '2018-07-16'],
    ['16 July 2018', '2018-07-16'],
    ['16th of July, 2018', '2018-07-16'],
    ['Sept. 3, 2018', '2018-09-03'],
    ['2018/07/16', '2018-07-16'],
    ['16/07/2018', '2018-07-16'],
    ['07/16/2018', '2018-07-16'],
    ['20180716', '2018-07-16'],
  ])('reads %s', (written, iso) => {
    expect(normaliseDate(written)).toBe(iso);
  });

  it.each([['07/08/2018'], ['February 30, 2018'], ['2018-13-01'], ['yesterday'], [''], ['Marathon 5, 2018']])(
    'refuses %s rather than guess',
    (written) => {
      expect(normaliseDate(written)).toBeNull();
    },
  );

  it('reads dates from URL paths, never from other numbers', () => {
    expect(dateFromUrl('https://techcrunch.com/2018/07/16/trump-putin/')).toBe('2018-07-16');
    expect(dateFromUrl('https://www.theguardian.com/world/2018/jul/16/helsinki')).toBe('2018-07-16');
    expect(dateFromUrl('https://example.com/news/2018-07-16-summit')).toBe('2018-07-16');
    expect(dateFromUrl('https://example.com/2018/07/summit')).toBeNull();
    expect(
      dateFromUrl('https://www.businessinsider.com/trump-putin-cybersecurity-task-force-2018-7'),
    ).toBeNull();
    expect(dateFromUrl('https://example.com/story/12345678')).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });
});

describe('outlets', () => {
  // Known domains by table; any other by a readable form of the domain name (domain-name.ts).
  it.each([
    ['https://techcrunch.com/2018/07/16/x/', 'TechCrunch'],
    ['https://www.nytimes.com/2018/07/16/world/europe/x.html', 'The New York Times'],
    ['https://uk.reuters.com/article/x', 'Reuters'],
    ['https://apnews.com/article/x', 'AP News'],
    ['https://www.bbc.co.uk/news/world-1', 'BBC'],
    ['https://www.bbc.com/news/world-1', 'BBC'],
    ['https://www.theguardian.com/world/x', 'The Guardian'],
    ['https://www.washingtonpost.com/x', 'The Washington Post'],
    ['https://edition.cnn.com/2018/07/16/politics/x', 'CNN'],
    ['https://www.businessinsider.com/x', 'Business Insider'],
    ['https://m.dailyplanet.example/x', 'Daily Planet'],
    ['https://www.harborfallsherald.com/news/x', 'Harbor Falls Herald'],
    ['https://lakeshoretribune.com/x', 'Lakeshore Tribune'],
    ['https://www.wexforddailycourier.com/x', 'Wexford Daily Courier'],
    ['https://www.chicagosuntimes.com/x', 'Chicago Sun Times'],
    ['https://the-daily-planet.co.uk/x', 'The Daily Planet'],
    ['https://www.sfchronicle.com/x', 'SF Chronicle'],
    ['https://xyzzy.io/x', 'Xyzzy'],
  ])('%s is %s', (url, outlet) => {
    expect(outletFromUrl(url)).toBe(outlet);
  });

  it('has no outlet without a web URL', () => {
    expect(outletFromUrl(null)).toBeNull();
    expect(outletFromUrl('ftp://files.example/x')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
  });
});

describe('authors', () => {
  it('strips "By", joins lists and drops profile URLs', () => {
    expect(normaliseAuthor('By  Jane Doe')).toBe('Jane Doe');
    expect(normaliseAuthor([{ name: 'A B' }, 'C D', 'A B'])).toBe('A B and C D');
    expect(normaliseAuthor('https://facebook.com/someone')).toBeNull();
    expect(normaliseAuthor(42)).toBeNull();
  });
});
