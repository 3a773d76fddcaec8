/**
 * Nothing half-done (issue 14, item 6): a process adding articles is killed with SIGKILL while a rewrite of an
 * article is written but not yet in place; every article it acknowledged is there whole, no file is there in part,
 * and the article being rewritten still reads as its last acknowledged version.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/articles/index.ts';
import { ArticleLibrary } from '../../src/fetch/library.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kill -9 during adds', () => {
  it('leaves every acknowledged article whole and none in part', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fetch/kill-child.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const acked = await new Promise<{ items: number; rolling: number }>((done, fail) => {
      child.on('error', fail);
      child.on('exit', (code) => fail(new Error(`the child exited by itself (${code})`)));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const items = [...out.matchAll(/^ack (\d+)$/gm)].length;
        if (/^committing rolling \d+$/m.test(out)) {
          child.removeAllListeners('exit');
          child.kill('SIGKILL');
          const rolling = [...out.matchAll(/^rolling (\d+)$/gm)].length;
          child.once('exit', () => done({ items, rolling }));
        }
      });
    });
    const names = (await readdir(join(dir, 'added'))).filter((n) => !n.startsWith('.'));
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    // Every acknowledged item is there, whole: its quote and its full text.
    for (let i = 1; i <= acked.items; i++) {
      const article = articles.find((a) => a.title === `Story number ${i}`);
      expect(article, `item ${i}`).toBeDefined();
      expect(article?.paragraphs.join(' ')).toContain(`Quote number ${i} is the one`);
    }
    // Nothing else: at most the one in flight (items acknowledged, plus one, plus the rolling article).
    expect(names.length).toBeLessThanOrEqual(acked.items + 2);
    for (const name of names) JSON.parse(await readFile(join(dir, 'added', name), 'utf8'));
    const rolling = articles.find((a) => a.title === 'Rolling story');
    const version = Number(/version (\d+) of/.exec(rolling?.paragraphs.join(' ') ?? '')?.[1]);
    // Killed after the new version was written but before it was put in place: the old one, whole.
    expect(acked.rolling).toBeGreaterThanOrEqual(9);
    expect(version).toBe(acked.rolling);
    // The unfinished write is a hidden temporary file; a later add sweeps it once it is stale.
    const leftovers = (await readdir(join(dir, 'added'))).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(dir, 'added', leftovers[0] ?? ''), old, old);
    await new ArticleLibrary({ dataDir: dir }).addText(
      'After the crash\n\n"We are back and nothing was lost in the night," said Ana Silva.\n',
      'txt',
      { requested: 'after.txt', fetched: null },
      'test',
    );
    expect((await readdir(join(dir, 'added'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
