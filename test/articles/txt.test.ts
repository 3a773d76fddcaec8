import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseFile } from '../../src/articles/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');

describe('plain-text articles', () => {
  it('reads By, URL and Published lines as metadata, not body', async () => {
    const [article] = await parseFile(join(FIXTURES, 'reuters-dateline.txt'));
    expect(article).toMatchObject({
      title: "Russia's Putin offers joint cyber working group to Washington",
      author: 'Denis Pinchuk and Jeff Mason',
      url: 'https://www.reuters.com/article/us-usa-russia-summit-cyber/russias-putin-offers-joint-cyber-working-group-idUSKBN1K61AB',
      published: '2018-07-16',
      outlet: 'Reuters',
    });
    const body = article?.paragraphs.join('\n') ?? '';
    expect(body).not.toMatch(/^By |^https?:|^Published:/m);
  });

  it('joins hard-wrapped lines into blank-line separated paragraphs', async () => {
    const [article] = await parseFile(join(FIXTURES, 'reuters-dateline.txt'));
    expect(article?.paragraphs).toEqual([
      'HELSINKI (Reuters) - Russian President Vladimir Putin said on Monday that Moscow and Washington could set up a joint working group on cyber security, a proposal that drew immediate criticism from U.S. lawmakers.',
      '“Any specific material, if such things arise, we are ready to analyze together,” Putin told reporters after talks with U.S. President Donald Trump.',
      // A body sentence starting with "Published" is not a date line.
      'Published reports last year said a similar idea had been floated and dropped within weeks.',
    ]);
  });

  it('takes the date from a dateline, with the year from the URL, and the outlet from the wire agency', () => {
    const [article] = parseArticleText(
      'Finnish capital braces for summit traffic\n\nHELSINKI, July 15 (AP) — Police closed streets.\nMore text.',
      'txt',
      'x.txt',
    );
    // No year anywhere: the dateline's month and day alone are not a date.
    expect(article?.published).toBeNull();
    expect(article?.outlet).toBe('AP News');
  });

  it('uses a URL year to complete a dateline date', async () => {
    const [article] = await parseFile(join(FIXTURES, 'wire-dateline.txt'));
    expect(article).toMatchObject({ published: '2018-07-15', outlet: 'AP News' });
    expect(article?.paragraphs[0]).toMatch(/^HELSINKI, July 15 \(AP\) — Police/);
  });

  it('reads a full dateline date and labelled header lines', () => {
    const text = [
      'Title: Summit ends without agreement',
      'Outlet: The Helsinki Times',
      'Author: Anna Virtanen',
      'Summit ends without agreement',
      'HELSINKI, 16 July 2018 — The summit ended without a joint statement.',
    ].join('\n');
    const [article] = parseArticleText(text, 'txt', 'a.txt');
    expect(article).toMatchObject({
      title: 'Summit ends without agreement',
      outlet: 'The Helsinki Times',
      author: 'Anna Virtanen',
      published: '2018-07-16',
    });
    expect(article?.paragraphs).toEqual([
      'HELSINKI, 16 July 2018 — The summit ended without a joint statement.',
    ]);
  });

  it('does not take a sentence as a By line or a capitalised phrase as a dateline', () => {
    const text =
      'Headline here\nBy the end of the day, talks had collapsed.\nOfficials said - again - nothing.';
    const [article] = parseArticleText(text, 'txt', 'b.txt');
    expect(article?.author).toBeNull();
    expect(article?.published).toBeNull();
    expect(article?.paragraphs).toEqual([
      'By the end of the day, talks had collapsed.',
      'Officials said - again - nothing.',
    ]);
  });

  it('cleans CRLF, NBSP, zero-width characters and soft hyphens but keeps curly quotes', () => {
    const text =
      'A\u00a0title\r\n\u201cWe will\u200b go,\u201d she said.\r\nCyber\u00adsecurity  matters\u00a0here.\r\n';
    const [article] = parseArticleText(text, 'txt', 'c.txt');
    expect(article?.title).toBe('A title');
    expect(article?.paragraphs).toEqual(['\u201cWe will go,\u201d she said.', 'Cybersecurity matters here.']);
  });

  it('refuses a file with no body', () => {
    expect(() => parseArticleText('   \n\n  ', 'txt', 'd.txt')).toThrow(/no article text/);
  });
});

describe('bylines', () => {
  const first = (text: string) => parseArticleText(`Headline\n${text}\nBody text here.`, 'txt', 'x.txt')[0];

  it.each([
    ['By Jane Doe', 'Jane Doe', null],
    // A name printed in capitals is shown in the usual case.
    ['BY JANE DOE', 'Jane Doe', null],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe', null],
    ['By Ursula von der Leyen', 'Ursula von der Leyen', null],
    ['By Jane Doe | Reuters', 'Jane Doe', 'Reuters'],
    ['By Jane Doe, The Associated Press', 'Jane Doe', 'AP News'],
    ['By Jane Doe, Staff Writer', 'Jane Doe', null],
    ['By: J. R. Smith', 'J. R. Smith', null],
  ])('%s', (line, author, outlet) => {
    expect(first(line)).toMatchObject({ author, outlet });
  });

  it.each([
    ['By the end of the day talks had collapsed'],
    ['By contrast, Moscow said nothing.'],
    ['By 2020 the plan was dead'],
  ])('%s is body text', (line) => {
    const article = first(line);
    expect(article?.author).toBeNull();
    expect(article?.paragraphs[0]).toBe(line);
  });
});

describe('plain-text paragraphs', () => {
  it('joins hard-wrapped blocks, splits bullet lists into items, keeps long lines apart', () => {
    const text = [
      'Headline',
      '',
      'The council met on Tuesday and voted to approve',
      'the budget after a long debate.',
      '',
      '- First point of the summary, which runs',
      '  over two lines.',
      '- Second point.',
      '',
      `${'A long unwrapped paragraph line that goes on and on. '.repeat(3).trim()}`,
      `${'Another long unwrapped paragraph line in the same block. '.repeat(3).trim()}`,
    ].join('\n');
    const [article] = parseArticleText(text, 'txt', 'w.txt');
    expect(article?.paragraphs).toEqual([
      'The council met on Tuesday and voted to approve the budget after a long debate.',
      'First point of the summary, which runs over two lines.',
      'Second point.',
      'A long unwrapped paragraph line that goes on and on. '.repeat(3).trim(),
      'Another long unwrapped paragraph line in the same block. '.repeat(3).trim(),
    ]);
  });
});
