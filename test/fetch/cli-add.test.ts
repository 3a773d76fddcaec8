/** `newsroom add URL|FILE...` as a user runs it: the real bin, a page on loopback, the embedded store. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runBin } from '../cli/spawn.ts';
import { articleHtml, STRIKE } from './pages.ts';
import { page, serve, type TestServer } from './serve.ts';

let site: TestServer;
let dir: string;

beforeAll(async () => {
  site = await serve('127.0.0.1');
  site.routes.set(
    '/strike',
    page(articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE })),
  );
  dir = await mkdtemp(join(tmpdir(), 'newsroom-cli-add-'));
  await writeFile(
    join(dir, 'bridge.txt'),
    'Bridge opens\n\n"We will build the second bridge next year and it will carry the trains," said Ana Silva, the mayor.\n',
  );
});

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('newsroom add', () => {
  it('adds a link and a file, and a search finds them', async () => {
    const data = join(dir, 'data');
    const env = cleanEnv({ NEWSROOM_FETCH_ALLOW: '127.0.0.1', NEWSROOM_CACHE: join(dir, 'cache') });
    const added = await runBin(['add', `${site.origin}/strike`, join(dir, 'bridge.txt'), '--data', data], {
      env,
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^added added\/127-0-0-1-strike-[0-9a-f]{8}\.json: Port strike ends \(Harbor Herald, 2024-03-05\) — 2 quotes/m,
    );
    expect(added.stdout).toContain(
      '“Nobody won this strike, and the shippers will remember it for a long time” — Tom Baker',
    );
    expect(added.stdout).toMatch(/^added added\/bridge-[0-9a-f]{8}\.json: Bridge opens/m);
    expect((await readdir(join(data, 'added'))).filter((n) => n.endsWith('.json'))).toHaveLength(2);
    const again = await runBin(['add', `${site.origin}/strike`, '--data', data, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged', quotes: 2 });
    const found = await runBin(['ask', '/quote second bridge carry the trains', '--data', data], { env });
    expect(found.stdout).toContain('Ana Silva');
  });

  it('refuses loopback without NEWSROOM_FETCH_ALLOW, saying why, and exits 1', async () => {
    const data = join(dir, 'strict');
    const refused = await runBin(['add', `${site.origin}/strike`, '--data', data], {
      env: cleanEnv({ NEWSROOM_STORE: 'memory' }),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('127.0.0.1 is a loopback address');
    await expect(readdir(join(data, 'added'))).rejects.toThrow();
  });
});
