/**
 * /add over discord.js's HTTP interactions path (signed requests on loopback, Discord's REST API played by the
 * stand-in): a page that is slow to come is deferred at once (type 5, ephemeral) and the answer edits @original
 * with the article and its quotes, searchable at once; a forbidden address gets a reply naming the reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordMessage } from '../../adapters/discord/render.ts';
import { setEditors } from '../../src/commands/add.ts';
import { setArticleLibrary } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { AllowList } from '../../src/fetch/address.ts';
import { ArticleLibrary } from '../../src/fetch/library.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import {
  commandInteraction,
  type HttpHarness,
  postInteraction,
  startHttpHarness,
} from '../adapters/discord/helpers.ts';
import { APPLICATION_ID, type DiscordStandIn, startDiscordStandIn } from '../adapters/discord/standin.ts';
import { articleHtml, STRIKE } from './pages.ts';
import { serve, type TestServer } from './serve.ts';

let site: TestServer;
let dir: string;
let discord: DiscordStandIn;
let h: HttpHarness;
let current: SearchEngine;
let release: () => void = () => {};

const engine: SearchEngine = {
  get corpus() {
    return current.corpus;
  },
  search: (q, o) => current.search(q, o),
  verify: (t) => current.verify(t),
  speakers: (p, l) => current.speakers(p, l),
  speaker: (n) => current.speaker?.(n) as ReturnType<NonNullable<SearchEngine['speaker']>>,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-add-discord-'));
  current = createSearchEngine(await loadCorpus(dir));
  site = await serve('127.0.0.1');
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  site.routes.set('/strike', (_req, res) => {
    void held.then(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE }));
    });
  });
  setArticleLibrary(
    new ArticleLibrary({
      dataDir: dir,
      policy: { allow: new AllowList(['127.0.0.1']) },
      afterWrite: async () => {
        current = createSearchEngine(await loadCorpus(dir));
      },
    }),
  );
  discord = await startDiscordStandIn();
  h = await startHttpHarness(engine, discord.apiUrl);
});

afterAll(async () => {
  release();
  setArticleLibrary(null);
  setEditors([]);
  await h?.close();
  await discord?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function answer(payload: { token: string }): Promise<DiscordMessage> {
  const res = await postInteraction(h.url, h.keys, payload);
  expect(res.status).toBe(200);
  const json = res.json as { type: number; data?: DiscordMessage };
  if (json.type !== 5) return json.data as DiscordMessage;
  const edit = await discord.waitFor(
    (r) =>
      r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
  );
  return edit.body as DiscordMessage;
}

describe('/add in Discord', () => {
  it('defers a slow page at once, then answers with the article and its quotes, searchable at once', async () => {
    const payload = commandInteraction('add', { url: `${site.origin}/strike` });
    const res = await postInteraction(h.url, h.keys, payload);
    // The page is still held: Discord got the deferral, ephemeral.
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
    release();
    const edit = await discord.waitFor(
      (r) =>
        r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
    );
    const text = JSON.stringify(edit.body);
    expect(text).toContain('Added: Port strike ends');
    expect(text).toContain('Harbor Herald');
    expect(text).toContain('Maria Lopez');
    const quote = await answer(commandInteraction('quote', { query: 'nobody won this strike' }));
    expect(JSON.stringify(quote)).toContain('Tom Baker');
  });

  it('with NEWSROOM_EDITORS naming a role, lets a member with that role add and tells others', async () => {
    setEditors(['700000000000000042']);
    try {
      const plain = commandInteraction('add', { url: 'http://10.0.0.9/x' });
      expect(JSON.stringify(await answer(plain))).toContain('Only the newsroom’s editors may add articles');
      const editor = commandInteraction('add', { url: 'http://10.0.0.9/x' });
      editor.member.roles = ['700000000000000001', '700000000000000042'] as never[];
      // Let through to the guard, which refuses the private address: the editor check passed.
      expect(JSON.stringify(await answer(editor))).toMatch(/10\.0\.0\.9 is a private address/);
    } finally {
      setEditors([]);
    }
  });

  it('refuses a private address with a reply naming the reason', async () => {
    const message = await answer(commandInteraction('add', { url: 'http://10.0.0.7/admin' }));
    expect(JSON.stringify(message)).toMatch(/10\.0\.0\.7 is a private address/);
  });
});
