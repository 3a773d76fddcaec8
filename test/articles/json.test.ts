import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseFile } from '../../src/articles/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');

describe('JSON articles', () => {
  it('reads a NewsAPI response, numbering articles by their place in the array', async () => {
    const articles = await parseFile(join(FIXTURES, 'newsapi.json'), { source: 'newsapi.json' });
    expect(articles.map((a) => a.id)).toEqual(['newsapi.json#0', 'newsapi.json#2']);
    expect(articles[0]).toMatchObject({
      format: 'json',
      source: 'newsapi.json',
      title:
        'Putin proposes a joint cybersecurity group with the US to investigate Russian election meddling',
      outlet: 'TechCrunch',
      url: 'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/',
      published: '2018-07-16',
      author: 'Taylor Hatmaker',
    });
    // NewsAPI's truncation marker is not article text.
    expect(articles[0]?.paragraphs.join(' ')).not.toMatch(/chars\]/);
    // No content: the description is the text.
    expect(articles[1]?.paragraphs).toEqual([
      'Putin said he and Trump could respond to election meddling "through a working group on cybersecurity."',
    ]);
    expect(articles[1]?.author).toBeNull();
  });

  it('reads our own field names, an author list and a paragraph array', async () => {
    const [article] = await parseFile(join(FIXTURES, 'ours.json'), { id: 'ours', source: 'src/ours.json' });
    expect(article).toMatchObject({
      id: 'ours',
      source: 'src/ours.json',
      title: 'Coats: warning lights are blinking red',
      outlet: 'Lawfare',
      published: '2018-07-13',
      author: 'Ellen Park and Sam Ortiz',
    });
    expect(article?.paragraphs).toHaveLength(2);
  });

  it('gives a one-element array no #0 suffix, and splits string bodies into paragraphs', () => {
    const json = JSON.stringify([{ title: 'T', text: 'First paragraph.\n\nSecond\nparagraph.' }]);
    const articles = parseArticleText(json, 'json', 'one.json');
    expect(articles.map((a) => a.id)).toEqual(['one.json']);
    expect(articles[0]?.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('reads an HTML body by its blocks', () => {
    const json = JSON.stringify({
      title: 'T',
      body: '<p>One &amp; two.</p><script>x()</script><p>Three.</p>',
    });
    expect(parseArticleText(json, 'json', 'h.json')[0]?.paragraphs).toEqual(['One & two.', 'Three.']);
  });

  it('rejects invalid JSON, empty arrays and values that are not articles', () => {
    expect(() => parseArticleText('{"title": "x",', 'json', 'a.json')).toThrow(/invalid JSON/);
    expect(() => parseArticleText('[]', 'json', 'b.json')).toThrow(/no articles/);
    expect(() => parseArticleText('"just a string"', 'json', 'c.json')).toThrow(/no article/);
    expect(() => parseArticleText('{"title": "No body"}', 'json', 'd.json')).toThrow(/no article text/);
  });
});

describe('JSON field quirks', () => {
  it('does not take a source address for the outlet name, and derives the outlet from the URL instead', () => {
    const json = JSON.stringify({
      title: 'T',
      source: 'https://www.theguardian.com/feed',
      url: 'https://www.theguardian.com/world/2018/jul/16/x',
      body: 'Text of the story.',
    });
    expect(parseArticleText(json, 'json', 's.json')[0]).toMatchObject({
      outlet: 'The Guardian',
      published: '2018-07-16',
    });
  });
});
