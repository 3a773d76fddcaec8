import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, parseFile } from '../../src/articles/index.ts';

const DATA = join(import.meta.dirname, '../../data');
const SEED_000 = join(DATA, 'articles/000_de0ae4620e306012.txt');
const SEED_003 = join(DATA, 'articles/003_fdfb5187be79e5d3.txt');

describe('seed 000 (plain text)', () => {
  it('has the first line as title and no invented metadata', async () => {
    const [article] = await parseFile(SEED_000);
    expect(article).toMatchObject({
      id: SEED_000,
      source: SEED_000,
      format: 'txt',
      title:
        'Trump and Putin could be reigniting talks to create a cybersecurity task force, an idea experts shot down last year',
      outlet: null,
      url: null,
      published: null,
      author: null,
    });
  });

  it('keeps one paragraph per line, bullet lines without their dash', async () => {
    const [article] = await parseFile(SEED_000);
    const paragraphs = article?.paragraphs ?? [];
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs[0]).toMatch(
      /^During their press conference in Helsinki, Finland on Monday, President Donald Trump hinted at Russian/,
    );
    expect(paragraphs[2]).toBe('Experts slammed the idea when Trump first mentioned it last summer.');
    expect(paragraphs.some((p) => p.startsWith('- '))).toBe(false);
    expect(paragraphs).toContain("Not the first time they've considered a cybersecurity task force");
    expect(paragraphs.at(-1)).toMatch(/using cyberwarfare to do so\.$/);
  });
});

describe('seed 003 (browser print-out on one line)', () => {
  it('recovers title, outlet, url and date from the headers and the read:// footer', async () => {
    const [article] = await parseFile(SEED_003);
    expect(article).toMatchObject({
      title:
        'Putin proposes a joint cybersecurity group with the US to investigate Russian election meddling',
      outlet: 'TechCrunch',
      url: 'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/',
      published: '2018-07-16',
      author: null,
    });
  });

  it('has a body without headers, footers or page marks, and loses no text', async () => {
    const [article] = await parseFile(SEED_003);
    const body = (article?.paragraphs ?? []).join(' ');
    expect(body.startsWith('Over the course of Mondays controversial Helsinki summit')).toBe(true);
    for (const artifact of ['read://', '1/2', '2/2', '2/23/25', '10:09 AM', 'Russian election meddling']) {
      expect(body).not.toContain(artifact);
    }
    // The page break fell between "...corroborating sources." and "CrowdStrike, the security firm".
    expect(body).toContain(
      'derive from multiple corroborating sources. CrowdStrike, the security firm involved',
    );
    expect(body).toContain('Any specific material, if such things arise, we are ready to analyze together.');
    expect(body.endsWith('misguided as it may be.')).toBe(true);
    // Exactly the original minus the artifacts, removed here by literal strings.
    const title =
      'Putin proposes a joint cybersecurity group with the US to investigate Russian election meddling';
    const footer =
      'read://https_techcrunch.com/?url=https%3A%2F%2Ftechcrunch.com%2F2018%2F07%2F16%2Ftrump putin joint cybersecurity group%2F';
    const expected = (await readFile(SEED_003, 'utf8'))
      .replace(`2/23/25, 10:09 AM ${title} ${title} `, '')
      .replace(` ${footer} 1/2 2/23/25, 10:09 AM ${title}`, '')
      .replace(` ${footer} 2/2`, '');
    expect(expected.length).toBeLessThan(4000);
    expect(body).toBe(expected);
  });
});

describe('loading the data folder', () => {
  it('loads both seeds with ids relative to the folder, sorted, and no problems', async () => {
    const { articles, problems } = await loadArticles(DATA);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual([
      'articles/000_de0ae4620e306012.txt',
      'articles/003_fdfb5187be79e5d3.txt',
    ]);
    expect(articles.map((a) => a.source)).toEqual([SEED_000, SEED_003]);
  });
});
