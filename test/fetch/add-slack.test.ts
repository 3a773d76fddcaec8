/**
 * /add over the real Bolt app (signed requests on loopback, Slack's Web API and response_url played by the
 * stand-in): the answer carries the quotes and they are searchable at once; a page that is slow to come is
 * acknowledged at once and answered through response_url when it is done; a forbidden address gets a reply
 * naming the reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setArticleLibrary } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { AllowList } from '../../src/fetch/address.ts';
import { ArticleLibrary } from '../../src/fetch/library.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import { allStrings, type SlackHarness, startSlackHarness } from '../adapters/slack/harness.ts';
import { articleHtml, STRIKE } from './pages.ts';
import { serve, type TestServer } from './serve.ts';

let site: TestServer;
let dir: string;
let h: SlackHarness;
let current: SearchEngine;
let release: () => void = () => {};

/** The engine the adapter sees: always the latest, as main.ts's EngineHolder gives it. */
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
  dir = await mkdtemp(join(tmpdir(), 'newsroom-add-slack-'));
  current = createSearchEngine(await loadCorpus(dir));
  site = await serve('127.0.0.1');
  site.routes.set('/strike', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE }));
  });
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Answers only when the test says so: the acknowledgement has to come first.
  site.routes.set('/slow', (_req, res) => {
    void held.then(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        articleHtml({
          title: 'Ferry returns',
          canonical: null,
          quotes: [
            ['The ferry will sail twice a day from next Monday until the end of summer', 'Lena Ortiz'],
          ],
        }),
      );
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
  h = await startSlackHarness(engine);
});

afterAll(async () => {
  release();
  setArticleLibrary(null);
  await h?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('/add in Slack', () => {
  it('answers privately with the article and its first quotes, searchable at once', async () => {
    const res = await h.slash('/add', `<${site.origin}/strike>`);
    expect(res.status).toBe(200);
    const message = await h.answer(res);
    expect(message.response_type).toBe('ephemeral');
    const text = allStrings(message).join('\n');
    expect(text).toContain('Added: Port strike ends');
    expect(text).toContain('Harbor Herald');
    expect(text).toContain('Maria Lopez');
    expect(text).toContain('We are glad this is over');
    const quote = await h.answer(await h.slash('/quote', 'nobody won this strike'));
    expect(allStrings(quote).join('\n')).toContain('Tom Baker');
  });

  it('acknowledges a slow page at once and answers through response_url when it is done', async () => {
    const res = await h.slash('/add', `${site.origin}/slow`);
    // The page is still held: what came back is the acknowledgement, not the answer.
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json ?? res.text)).not.toContain('Ferry returns');
    release();
    const message = await h.answer(res);
    expect(allStrings(message).join('\n')).toContain('Added: Ferry returns');
    expect(allStrings(message).join('\n')).toContain('Lena Ortiz');
  });

  it('refuses a cloud-metadata address with a reply naming the reason', async () => {
    const message = await h.answer(await h.slash('/add', 'http://169.254.169.254/latest/meta-data/'));
    expect(allStrings(message).join('\n')).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
  });
});
