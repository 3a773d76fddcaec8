import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/articles/files.ts';
import { loadArticles, parseFile } from '../../src/articles/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');
const GOOD = 'Good title\nA perfectly fine paragraph, the editor said.\n';
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'articles-'));
});
afterEach(async () => {
  await chmod(join(dir, 'locked.txt'), 0o644).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe('loadArticles', () => {
  it('loads every fixture format with no problems, sorted by path', async () => {
    const { articles, problems } = await loadArticles(FIXTURES);
    expect(problems).toEqual([
      { file: join(FIXTURES, 'newsapi.json'), reason: 'article #1: not a JSON object' },
      { file: join(FIXTURES, 'newsapi.json'), reason: 'article #3: no article text' },
    ]);
    const ids = articles.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(articles.map((a) => a.format))).toEqual(new Set(['txt', 'md', 'html', 'json']));
    expect(ids).toContain('newsapi.json#2');
    // The sidecar is not an article of its own.
    expect(ids.some((id) => id.includes('.meta.json'))).toBe(false);
  });

  it('reports broken files with a reason and still loads the good ones', async () => {
    await writeFile(join(dir, 'good.txt'), GOOD);
    await writeFile(join(dir, 'bad.json'), '{"title": "unfinished"');
    await writeFile(join(dir, 'empty.md'), '');
    await writeFile(join(dir, 'blank.txt'), ' \n\t\n');
    await writeFile(
      join(dir, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 society\nThe caf\xe9 closed.', 'latin1'));
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(problems.map((p) => [p.file.slice(dir.length + 1), p.reason]));
    expect(reasons).toEqual({
      'bad.json': expect.stringMatching(/^invalid JSON/),
      'empty.md': 'empty file',
      'blank.txt': 'empty file',
      'binary.txt': 'binary file, not text',
      'latin1.txt': 'not valid UTF-8 text',
      'dangling.txt': 'file not found (or a broken link)',
    });
  });

  it.skipIf(isRoot)('reports a file it may not read', async () => {
    await writeFile(join(dir, 'good.txt'), GOOD);
    await writeFile(join(dir, 'locked.txt'), GOOD);
    await chmod(join(dir, 'locked.txt'), 0o000);
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['good.txt']);
    expect(problems).toEqual([{ file: join(dir, 'locked.txt'), reason: 'permission denied' }]);
  });

  it('walks a folder named like a file (x.json) instead of failing, and parseFile refuses it clearly', async () => {
    await mkdir(join(dir, 'x.json'));
    await writeFile(join(dir, 'x.json', 'inside.txt'), GOOD);
    await writeFile(join(dir, 'z.txt'), GOOD);
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['x.json/inside.txt', 'z.txt']);
    await expect(parseFile(join(dir, 'x.json'))).rejects.toThrow(/x\.json: is a folder, not a file/);
  });

  it('skips hidden files and folders, node_modules and other extensions; reads UTF-8 BOM and UTF-16', async () => {
    await mkdir(join(dir, '.git'));
    await mkdir(join(dir, 'node_modules'));
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(join(dir, '.git', 'a.txt'), GOOD);
    await writeFile(join(dir, 'node_modules', 'b.md'), GOOD);
    await writeFile(join(dir, '.hidden.txt'), GOOD);
    await writeFile(join(dir, 'README'), 'not an article');
    await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0]));
    await writeFile(join(dir, 'nested', 'deeper', 'C.TXT'), `\uFEFF${GOOD}`);
    await writeFile(
      join(dir, 'nested', 'utf16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
    );
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['nested/deeper/C.TXT', 'nested/utf16.txt']);
    expect(articles.map((a) => a.title)).toEqual(['Good title', 'Good title']);
    expect(articles[0]?.source).toBe(join(dir, 'nested/deeper/C.TXT'));
  });

  it('reports a file over the size limit without reading it', async () => {
    await writeFile(join(dir, 'good.txt'), GOOD);
    await writeFile(join(dir, 'huge.txt'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['good.txt']);
    expect(problems).toEqual([
      { file: join(dir, 'huge.txt'), reason: 'file too large (20.0 MB; limit 20 MB)' },
    ]);
  });

  it('reports a data folder that is a file', async () => {
    await writeFile(join(dir, 'good.txt'), GOOD);
    const file = join(dir, 'good.txt');
    expect((await loadArticles(file)).problems).toEqual([
      { file, reason: 'data folder is a file, not a folder' },
    ]);
  });

  it('follows a symbolic link to a folder once, even when it loops', async () => {
    await mkdir(join(dir, 'real'));
    await writeFile(join(dir, 'real', 'a.txt'), GOOD);
    await symlink(join(dir, 'real'), join(dir, 'alias'));
    await symlink(dir, join(dir, 'real', 'loop'));
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['alias/a.txt']);
  });

  it('reports a missing data folder instead of throwing', async () => {
    const missing = join(dir, 'no-such-folder');
    await expect(loadArticles(missing)).resolves.toEqual({
      articles: [],
      problems: [{ file: missing, reason: 'data folder not found' }],
    });
  });
});

describe('sidecars', () => {
  it('supply outlet, url, date and author the text lacks; guessed title is kept when the sidecar has none', async () => {
    await copyFile(join(FIXTURES, 'sidecar-article.txt'), join(dir, 'story.txt'));
    await copyFile(join(FIXTURES, 'sidecar-article.meta.json'), join(dir, 'story.meta.json'));
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: 'story.txt',
      title: 'Coats says Russia is the most aggressive foreign actor',
      outlet: 'CNN',
      url: 'https://edition.cnn.com/2018/07/13/politics/dan-coats-russia/index.html',
      published: '2018-07-13',
      author: 'Zachary Cohen',
    });
  });

  it('win over guessed values but not over what the article states', async () => {
    await writeFile(
      join(dir, 'wire.txt'),
      'First line headline\nPublished: 2018-07-16\nHELSINKI (Reuters) - Talks began on Monday, officials said.\n',
    );
    await writeFile(
      join(dir, 'wire.meta.json'),
      JSON.stringify({ title: 'Curated headline', outlet: 'The Helsinki Times', published: '2018-07-20' }),
    );
    const [article] = (await loadArticles(dir)).articles;
    expect(article).toMatchObject({
      // The first line was only a guess; it does not repeat the sidecar title, so it stays in the body.
      title: 'Curated headline',
      // The dateline's agency was a guess too.
      outlet: 'The Helsinki Times',
      // The file's own Published line is a statement.
      published: '2018-07-16',
    });
    expect(article?.paragraphs[0]).toBe('First line headline');
  });

  it('fill an outlet-less URL-less article from the sidecar URL alone', async () => {
    await writeFile(join(dir, 'a.md'), 'Some body text about the summit.\n');
    await writeFile(
      join(dir, 'a.meta.json'),
      '{"url": "https://www.nytimes.com/2018/07/16/world/europe/trump-putin.html"}',
    );
    const [article] = (await loadArticles(dir)).articles;
    expect(article).toMatchObject({ outlet: 'The New York Times', published: '2018-07-16' });
  });

  it('reports a broken or orphaned sidecar and still loads the article', async () => {
    await writeFile(join(dir, 'a.txt'), GOOD);
    await writeFile(join(dir, 'a.meta.json'), '{ not json');
    await writeFile(join(dir, 'b.meta.json'), '{"outlet": "BBC"}');
    await writeFile(join(dir, 'c.txt'), GOOD);
    await writeFile(join(dir, 'c.meta.json'), '{"published": "someday"}');
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['a.txt', 'c.txt']);
    expect(problems.map((p) => [p.file.slice(dir.length + 1), p.reason])).toEqual([
      ['a.meta.json', expect.stringMatching(/^sidecar is not valid JSON/)],
      ['c.meta.json', 'sidecar "published" is not a date: "someday"'],
      ['b.meta.json', 'sidecar has no article file beside it'],
    ]);
  });

  it('apply to every article of a JSON array', async () => {
    await writeFile(
      join(dir, 'feed.json'),
      JSON.stringify([
        { title: 'One', body: 'First story text.' },
        { title: 'Two', body: 'Second story text.', outlet: 'Stated Outlet' },
      ]),
    );
    await writeFile(join(dir, 'feed.meta.json'), '{"outlet": "Feed Outlet", "published": "2024-02-07"}');
    const { articles } = await loadArticles(dir);
    expect(articles.map((a) => [a.id, a.outlet, a.published])).toEqual([
      ['feed.json#0', 'Feed Outlet', '2024-02-07'],
      ['feed.json#1', 'Stated Outlet', '2024-02-07'],
    ]);
  });

  it('are read by parseFile too', async () => {
    await copyFile(join(FIXTURES, 'sidecar-article.txt'), join(dir, 's.txt'));
    await copyFile(join(FIXTURES, 'sidecar-article.meta.json'), join(dir, 's.meta.json'));
    const [article] = await parseFile(join(dir, 's.txt'));
    expect(article?.outlet).toBe('CNN');
  });
});

describe('parseFile', () => {
  it('throws a clear error for missing, unsupported and empty files', async () => {
    await expect(parseFile(join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt: file not found/);
    await expect(parseFile(join(dir, 'notes.docx'))).rejects.toThrow(/not an article file/);
    await expect(parseFile(join(dir, 'story.meta.json'))).rejects.toThrow(/a sidecar .*not an article/);
    await writeFile(join(dir, 'empty.json'), '');
    await expect(parseFile(join(dir, 'empty.json'))).rejects.toThrow(/empty\.json: empty file/);
  });
});
