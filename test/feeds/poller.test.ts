/**
 * Following feeds over loopback servers: RSS, Atom and JSON Feed items are fetched through the guard and added;
 * the next poll is a conditional request (ETag, Last-Modified) and fetches only new items; a failing feed or item
 * never stops the others; what was seen survives a restart; /sources feeds shows it all.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActionStore } from '../../src/commands/actions.ts';
import { setFeedPoller } from '../../src/commands/feeds.ts';
import { executeCommand } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { parseFeedText } from '../../src/feeds/parse.ts';
import { FeedPoller } from '../../src/feeds/poller.ts';
import { AllowList } from '../../src/fetch/address.ts';
import { ArticleLibrary } from '../../src/fetch/library.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { articleHtml } from '../fetch/pages.ts';
import { page, serve, type TestServer } from '../fetch/serve.ts';

let site: TestServer;
let dir: string;
const policy = { allow: new AllowList(['127.0.0.1']) };

function story(n: number): string {
  return articleHtml({
    title: `Harbor story ${n}`,
    canonical: null,
    quotes: [
      [
        `Number ${n} is the ship we have waited for since the spring of last year`,
        `Captain Number${n} Jones`,
      ],
    ],
  });
}

let rssItems = [1, 2, 3];
let rssTag = '"rss-1"';

function rss(): string {
  const items = rssItems
    .map(
      (n) =>
        `<item><title>Story ${n}</title><link>${site.origin}/stories/${n}</link><guid>story-${n}</guid></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Herald</title>${items}</channel></rss>`;
}

beforeAll(async () => {
  site = await serve('127.0.0.1');
  for (let n = 1; n <= 9; n++) site.routes.set(`/stories/${n}`, page(story(n)));
  site.routes.set('/rss.xml', (req, res) => {
    if (req.headers['if-none-match'] === rssTag) {
      res.writeHead(304, { etag: rssTag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: rssTag });
    res.end(rss());
  });
  site.routes.set('/atom.xml', (req, res) => {
    const modified = 'Tue, 05 Mar 2024 10:00:00 GMT';
    if (req.headers['if-modified-since'] === modified) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': modified });
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
      <entry><id>urn:wire:7</id><title>Story 7</title><link href="/stories/7"/></entry></feed>`);
  });
  site.routes.set(
    '/feed.json',
    page(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Desk',
        items: [{ id: '8', url: `${site.origin}/stories/8` }, { id: 'no-link' }],
      }),
      'application/feed+json',
    ),
  );
  site.routes.set('/broken.xml', (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('down');
  });
  site.routes.set('/not-a-feed', page('<p>hello</p>'));
  site.routes.set(
    '/with-dead-item.xml',
    page(
      `<rss version="2.0"><channel><title>Mixed</title>
        <item><link>/stories/gone</link><guid>gone</guid></item>
        <item><link>/stories/9</link><guid>nine</guid></item></channel></rss>`,
      'application/rss+xml',
    ),
  );
});

afterAll(async () => {
  await site?.close();
});

afterEach(async () => {
  setFeedPoller(null);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const hitsOf = (path: string) => site.hits.filter((h) => h.path === path);

async function poller(urls: string[], onAdded?: () => Promise<unknown>) {
  dir ||= await mkdtemp(join(tmpdir(), 'newsroom-feeds-'));
  const library = new ArticleLibrary({ dataDir: dir, policy });
  return new FeedPoller({
    urls,
    minutes: 15,
    library,
    policy,
    stateFile: join(dir, 'added', '.feeds.json'),
    ...(onAdded ? { onAdded } : {}),
  });
}

describe('FeedPoller', () => {
  it('adds a feed’s items, then polls again with a conditional request and fetches only new items', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-feeds-'));
    rssItems = [1, 2, 3];
    rssTag = '"rss-1"';
    let reloads = 0;
    const p = await poller([`${site.origin}/rss.xml`], async () => {
      reloads++;
    });
    await p.poll();
    const [status] = p.status();
    expect(status).toMatchObject({
      title: 'Harbor Herald',
      items: 3,
      added: 3,
      lastError: null,
      notModified: false,
    });
    expect(reloads).toBe(1);
    const files = (await readdir(join(dir, 'added'))).filter((n) => !n.startsWith('.'));
    expect(files).toHaveLength(3);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.title).sort()).toEqual([
      'Harbor story 1',
      'Harbor story 2',
      'Harbor story 3',
    ]);

    // Nothing changed: a 304, and no item fetched again.
    const before = hitsOf('/stories/1').length;
    await p.poll();
    expect(hitsOf('/rss.xml').at(-1)?.headers['if-none-match']).toBe('"rss-1"');
    expect(p.status()[0]?.notModified).toBe(true);
    expect(hitsOf('/stories/1').length).toBe(before);
    expect(reloads).toBe(1);

    // A new item: only it is fetched.
    rssItems = [4, 1, 2, 3];
    rssTag = '"rss-2"';
    await p.poll();
    expect(p.status()[0]).toMatchObject({ items: 4, added: 4, notModified: false });
    expect(hitsOf('/stories/1').length).toBe(before);
    expect(hitsOf('/stories/4')).toHaveLength(1);
    expect(reloads).toBe(2);

    // A restart remembers the ETag and what was seen.
    const again = await poller([`${site.origin}/rss.xml`]);
    await again.poll();
    expect(hitsOf('/rss.xml').at(-1)?.headers['if-none-match']).toBe('"rss-2"');
    expect(again.status()[0]?.notModified).toBe(true);
  });

  it('reads Atom (Last-Modified) and JSON Feed', async () => {
    const p = await poller([`${site.origin}/atom.xml`, `${site.origin}/feed.json`]);
    await p.poll();
    expect(p.status().map((s) => [s.title, s.items, s.added, s.lastError])).toEqual([
      ['Wire', 1, 1, null],
      ['Desk', 1, 1, null],
    ]);
    await p.poll();
    expect(hitsOf('/atom.xml').at(-1)?.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 10:00:00 GMT');
    expect(p.status()[0]?.notModified).toBe(true);
  });

  it('one failing feed, or item, never stops the others', async () => {
    rssItems = [5];
    rssTag = '"rss-5"';
    const p = await poller([
      `${site.origin}/broken.xml`,
      'http://10.1.2.3/feed.xml',
      `${site.origin}/not-a-feed`,
      `${site.origin}/with-dead-item.xml`,
      `${site.origin}/rss.xml`,
    ]);
    await p.poll();
    const [broken, internal, html, mixed, good] = p.status();
    expect(broken?.lastError).toMatch(/answered 500/);
    expect(internal?.lastError).toMatch(/10\.1\.2\.3 is a private address/);
    expect(html?.lastError).toMatch(/not a feed/);
    expect(mixed).toMatchObject({ items: 2, added: 1 });
    expect(mixed?.lastError).toMatch(/^item .*\/stories\/gone: .*answered 404/);
    expect(good).toMatchObject({ items: 1, added: 1, lastError: null });
  });

  it('/sources feeds shows each feed’s last poll, items and last error', async () => {
    rssItems = [6];
    rssTag = '"rss-6"';
    const p = await poller([`${site.origin}/rss.xml`, `${site.origin}/broken.xml`]);
    await p.poll();
    setFeedPoller(p);
    const engine = createSearchEngine(await loadCorpus(dir));
    const reply = await executeCommand(
      { command: 'sources', text: 'feeds' },
      { engine, actions: new ActionStore(), platform: 'console', user: null },
    );
    expect(reply.title).toBe('Feeds');
    expect(reply.fallback).toContain('2 feeds, polled every 15 minutes; 1 with an error.');
    expect(reply.fallback).toMatch(
      /Harbor Herald \(http:\/\/127\.0\.0\.1:\d+\/rss\.xml\) · last poll \d{4}-\d\d-\d\d \d\d:\d\d UTC · 1 item, 1 added · no error/,
    );
    expect(reply.fallback).toMatch(
      /broken\.xml · last poll .* · 0 items, 0 added · last error .*answered 500/,
    );
    setFeedPoller(null);
    const none = await executeCommand(
      { command: 'sources', text: 'feeds' },
      { engine, actions: new ActionStore(), platform: 'console', user: null },
    );
    expect(none.fallback).toContain('No feeds are followed');
  });
});

describe('parseFeedText', () => {
  it('resolves relative links and skips items without one', () => {
    const feed = parseFeedText(
      '<rss version="2.0"><channel><title>T</title><item><link>/a</link></item><item><title>x</title></item><item><link>javascript:alert(1)</link></item></channel></rss>',
      'https://news.example/feed.xml',
      false,
    );
    expect(feed.entries.map((e) => e.url)).toEqual(['https://news.example/a']);
    expect(feed.skipped).toBe(2);
  });

  it('refuses JSON that is not a JSON Feed', () => {
    expect(() => parseFeedText('{"title":"x"}', 'https://news.example/', true)).toThrow(/JSON Feed/);
  });
});
