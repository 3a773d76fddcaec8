/**
 * /add and the library behind it, over pages served on loopback: fetched, read, extracted, kept as one file under
 * DATA/added/, searchable once the reload the library asks for is done; the same article again updates its file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActionStore } from '../../src/commands/actions.ts';
import { setEditors, withScheme } from '../../src/commands/add.ts';
import { executeCommand, setArticleLibrary } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { AllowList } from '../../src/fetch/address.ts';
import { FetchRefused } from '../../src/fetch/guard.ts';
import { AddRefused, ArticleLibrary } from '../../src/fetch/library.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import { articleHtml, STRIKE, STRIKE_CORRECTED } from './pages.ts';
import { page, serve, type TestServer } from './serve.ts';

let site: TestServer;
let dir: string;
const allow = new AllowList(['127.0.0.1']);

beforeAll(async () => {
  site = await serve('127.0.0.1');
  const canonical = `${site.origin}/2024/03/05/port-strike`;
  site.routes.set(
    '/2024/03/05/port-strike',
    page(articleHtml({ title: 'Port strike ends', canonical, quotes: STRIKE })),
  );
  // The same page behind a tracking link and without a canonical link: same text, so the same article.
  site.routes.set(
    '/share/xyz',
    page(articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE })),
  );
  site.routes.set(
    '/feed.xml',
    page(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      'application/rss+xml',
    ),
  );
  site.routes.set(
    '/impostor',
    page(
      articleHtml({
        title: 'Fake story',
        canonical: 'https://www.reuters.com/world/real-story/',
        quotes: [['This was never said by anyone at all in any place', 'Someone Important']],
      }),
    ),
  );
});

afterAll(async () => {
  await site?.close();
});

async function freshDir(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-add-'));
  await writeFile(
    join(dir, 'seed.txt'),
    'Old story\n\n"We will build the bridge next year and it will carry the trains," said Ana Silva, the mayor.\n',
  );
  return dir;
}

afterEach(async () => {
  setArticleLibrary(null);
  setEditors([]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ArticleLibrary', () => {
  it('adds a served page as one JSON article under added/, with its quotes', async () => {
    const data = await freshDir();
    const lib = new ArticleLibrary({ dataDir: data, policy: { allow } });
    const out = await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'U1');
    expect(out.status).toBe('added');
    expect(out.file).toMatch(/^added\/127-0-0-1-2024-03-05-port-strike-[0-9a-f]{8}\.json$/);
    expect(out.article.title).toBe('Port strike ends');
    expect(out.article.outlet).toBe('Harbor Herald');
    expect(out.article.published).toBe('2024-03-05');
    expect(out.article.quotes.map((q) => q.speaker)).toEqual(['Maria Lopez', 'Tom Baker']);
    expect(await readdir(join(data, 'added'))).toEqual([out.file.slice('added/'.length)]);
    // The loader reads the file back as the same article the reply described.
    const corpus = await loadCorpus(data);
    const held = corpus.articles.find((a) => a.id === out.file);
    expect(held?.quotes.map((q) => q.text)).toEqual(out.article.quotes.map((q) => q.text));
    expect(held?.url).toBe(`${site.origin}/2024/03/05/port-strike`);
  });

  it('the same article again (same canonical URL, or the same text from another link) updates one file', async () => {
    const data = await freshDir();
    const lib = new ArticleLibrary({ dataDir: data, policy: { allow } });
    const first = await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'U1');
    const again = await lib.addUrl(`${site.origin}/2024/03/05/port-strike/?utm_source=chat#top`, 'U2');
    expect(again.status).toBe('unchanged');
    expect(again.file).toBe(first.file);
    const shared = await lib.addUrl(`${site.origin}/share/xyz`, 'U3');
    expect(shared.file).toBe(first.file);
    expect(await readdir(join(data, 'added'))).toHaveLength(1);

    // The page is corrected: the same file is rewritten, the earlier text kept in its history.
    const canonical = `${site.origin}/2024/03/05/port-strike`;
    site.routes.set(
      '/2024/03/05/port-strike',
      page(articleHtml({ title: 'Port strike ends', canonical, quotes: STRIKE_CORRECTED })),
    );
    try {
      const changed = await lib.addUrl(canonical, 'U1');
      expect(changed.status).toBe('updated');
      expect(changed.file).toBe(first.file);
      expect(changed.article.quotes.map((q) => q.text)).toEqual([STRIKE_CORRECTED[0]?.[0]]);
      const stored = JSON.parse(await readFile(join(data, first.file), 'utf8'));
      expect(stored.added.history).toHaveLength(1);
      // The first quote was reworded, the second removed: both kept with their earlier wording.
      expect(changed.corrections.map((c) => [c.kind, c.speaker, c.earlier, c.now])).toEqual([
        ['changed', 'Maria Lopez', STRIKE[0]?.[0], STRIKE_CORRECTED[0]?.[0]],
        ['removed', 'Tom Baker', STRIKE[1]?.[0], null],
      ]);
      expect(stored.added.corrections).toHaveLength(2);
      expect(stored.added.history[0].paragraphs.join(' ')).toContain('Nobody won this strike');
      expect(await readdir(join(data, 'added'))).toHaveLength(1);
    } finally {
      site.routes.set(
        '/2024/03/05/port-strike',
        page(articleHtml({ title: 'Port strike ends', canonical, quotes: STRIKE })),
      );
    }
  });

  it('an article kept already but not yet in the answering corpus (a feed just added it) reloads before the reply', async () => {
    const data = await freshDir();
    let reloads = 0;
    const lib = new ArticleLibrary({
      dataDir: data,
      policy: { allow },
      afterWrite: async () => {
        reloads++;
      },
    });
    const first = await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'feed', null, false);
    expect(reloads).toBe(0);
    // The corpus answering was loaded before the feed's add.
    const before = await loadCorpus(data);
    await rm(join(data, first.file));
    const beforeFeed = await loadCorpus(data);
    expect(before.articles.some((a) => a.id === first.file)).toBe(true);
    await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'feed', null, false);
    const again = await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'U1', beforeFeed);
    expect(again.status).toBe('unchanged');
    expect(reloads).toBe(1);
    // Already in the corpus: no reload.
    await lib.addUrl(`${site.origin}/2024/03/05/port-strike`, 'U1', await loadCorpus(data));
    expect(reloads).toBe(1);
  });

  it('an article the corpus already holds from its own file is not added again', async () => {
    const data = await freshDir();
    const lib = new ArticleLibrary({ dataDir: data, policy: { allow } });
    await writeFile(
      join(data, 'strike.html'),
      articleHtml({ title: 'Port strike ends', canonical: null, quotes: STRIKE }),
    );
    const corpus = await loadCorpus(data);
    const out = await lib.addUrl(`${site.origin}/share/xyz`, 'U1', corpus);
    expect(out.status).toBe('exists');
    expect(out.file).toBe('strike.html');
    await expect(readdir(join(data, 'added'))).rejects.toThrow();
  });

  it('does not let a page claim another site’s canonical address', async () => {
    const data = await freshDir();
    const lib = new ArticleLibrary({ dataDir: data, policy: { allow } });
    const out = await lib.addUrl(`${site.origin}/impostor`, 'U1');
    expect(out.article.url).toBe(`${site.origin}/impostor`);
    expect(out.record?.canonical).toBe(`${site.origin}/impostor`);
  });

  it('refuses feeds and forbidden addresses, writing nothing', async () => {
    const data = await freshDir();
    const lib = new ArticleLibrary({ dataDir: data, policy: { allow } });
    await expect(lib.addUrl(`${site.origin}/feed.xml`, 'U1')).rejects.toThrow(AddRefused);
    const strict = new ArticleLibrary({ dataDir: data });
    await expect(strict.addUrl(`${site.origin}/2024/03/05/port-strike`, 'U1')).rejects.toThrow(FetchRefused);
    await expect(readdir(join(data, 'added'))).rejects.toThrow();
  });
});

describe('/add', () => {
  async function setup(policy: { allow?: AllowList }, user = { id: 'U1', name: 'reporter' }) {
    const data = await freshDir();
    let engine: SearchEngine = createSearchEngine(await loadCorpus(data));
    setArticleLibrary(
      new ArticleLibrary({
        dataDir: data,
        policy,
        afterWrite: async () => {
          engine = createSearchEngine(await loadCorpus(data));
        },
      }),
    );
    const run = (command: string, text: string) =>
      executeCommand({ command, text }, { engine, actions: new ActionStore(), platform: 'slack', user });
    return { run };
  }

  it('answers with title, outlet, date, counts and the first quotes, and the quotes are searchable at once', async () => {
    const { run } = await setup({ allow });
    // Slack sends links wrapped in <...>.
    const reply = await run('add', `<${site.origin}/2024/03/05/port-strike>`);
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Added: Port strike ends');
    expect(reply.fallback).toContain('Harbor Herald');
    expect(reply.fallback).toContain('March 5, 2024');
    expect(reply.fallback).toContain('2 quotes');
    expect(reply.fallback).toContain('We are glad this is over');
    expect(reply.fallback).toContain('Maria Lopez');
    const found = await run('quote', 'nobody won this strike');
    expect(found.fallback).toContain('Tom Baker');
    expect(found.fallback).toContain('Harbor Herald');
    const again = await run('add', `${site.origin}/2024/03/05/port-strike`);
    expect(again.title).toBe('Already added, unchanged: Port strike ends');
  });

  it('shows the correction when a changed version is added', async () => {
    const { run } = await setup({ allow });
    const canonical = `${site.origin}/2024/03/05/port-strike`;
    await run('add', canonical);
    site.routes.set(
      '/2024/03/05/port-strike',
      page(articleHtml({ title: 'Port strike ends', canonical, quotes: STRIKE_CORRECTED })),
    );
    try {
      const reply = await run('add', canonical);
      expect(reply.title).toBe('Updated (the article changed): Port strike ends');
      expect(reply.fallback).toContain('Corrections');
      expect(reply.fallback).toMatch(
        /We are relieved this is over[\s\S]*Updated \w+ \d{1,2}, \d{4}; earlier wording: “We are glad this is over/,
      );
      expect(reply.fallback).toMatch(
        /Removed in the update of \w+ \d{1,2}, \d{4}: “Nobody won this strike.*” \(Tom Baker\)/,
      );
      expect(reply.fallback).toContain('The earlier text is kept (1 earlier version)');
      // /verify: the old wording matches the earlier version only; the new one is simply exact.
      const old = await run('verify', `“${STRIKE[0]?.[0]}”`);
      expect(old.fallback).toMatch(
        /Matches an earlier version only: Port strike ends \(Harbor Herald\) had this wording until it was updated/,
      );
      expect(old.fallback).toMatch(/It now reads:[\s\S]*We are relieved this is over/);
      const gone = await run('verify', STRIKE[1]?.[0] ?? '');
      expect(gone.fallback).toContain('The quote is no longer in the article.');
      const now = await run('verify', STRIKE_CORRECTED[0]?.[0] ?? '');
      expect(now.fallback).toMatch(/^Exact/m);
      expect(now.fallback).not.toContain('earlier version');
      // /quote marks the reworded quote; /sources marks the updated article.
      const quote = await run('quote', 'relieved workers go home');
      expect(quote.fallback).toMatch(
        /We are relieved this is over[\s\S]*Updated \w+ \d{1,2}, \d{4}; earlier wording: “We are glad/,
      );
      // /speaker and /cite mark it too.
      const bySpeaker = await run('speaker', 'Maria Lopez');
      expect(bySpeaker.fallback).toMatch(
        /We are relieved this is over[\s\S]*Updated \w+ \d{1,2}, \d{4}; earlier wording: “We are glad/,
      );
      const cited = await run('cite', 'relieved workers go home');
      expect(cited.fallback).toMatch(/Updated \w+ \d{1,2}, \d{4}; earlier wording: “We are glad/);
      const sources = await run('sources', '');
      expect(sources.fallback).toMatch(
        /Port strike ends · Harbor Herald · March 5, 2024 · .* · updated \w+ \d{1,2}, \d{4}/,
      );
      expect(sources.fallback).not.toMatch(/Old story.*updated/);
    } finally {
      site.routes.set(
        '/2024/03/05/port-strike',
        page(articleHtml({ title: 'Port strike ends', canonical, quotes: STRIKE })),
      );
    }
  });

  it('refuses a forbidden address with a reply naming the reason', async () => {
    const { run } = await setup({});
    const reply = await run('add', `${site.origin}/2024/03/05/port-strike`);
    expect(reply.status).toBe('error');
    expect(reply.fallback).toMatch(
      /127\.0\.0\.1 is a loopback address\. The bot fetches only from the public internet/,
    );
    const meta = await run('add', 'http://169.254.169.254/latest/meta-data/iam/');
    expect(meta.fallback).toMatch(/cloud metadata address/);
    const file = await run('add', 'file:///etc/passwd');
    expect(file.fallback).toMatch(/Only http and https/);
  });

  it('lets only NEWSROOM_EDITORS add when it is set; everyone may still search', async () => {
    setEditors(['U0EDITOR']);
    const reporter = await setup({ allow });
    const refused = await reporter.run('add', `${site.origin}/2024/03/05/port-strike`);
    expect(refused.status).toBe('error');
    expect(refused.fallback).toContain('Only the newsroom’s editors may add articles');
    expect((await reporter.run('quote', 'bridge trains')).fallback).toContain('Ana Silva');
    await rm(dir, { recursive: true, force: true });
    const editor = await setup({ allow }, { id: 'U0EDITOR', name: 'editor' });
    expect((await editor.run('add', `${site.origin}/2024/03/05/port-strike`)).title).toBe(
      'Added: Port strike ends',
    );
  });

  it('reads a link typed without its scheme as https', () => {
    expect(withScheme('techcrunch.com/2018/07/16/story/')).toBe('https://techcrunch.com/2018/07/16/story/');
    expect(withScheme('www.example.org')).toBe('https://www.example.org');
    expect(withScheme('http://example.org/')).toBe('http://example.org/');
    expect(withScheme('file:///etc/passwd')).toBe('file:///etc/passwd');
    expect(withScheme('not a link')).toBe('not a link');
  });

  it('shows how to use it when the link is missing, and says when adding is off', async () => {
    const { run } = await setup({ allow });
    expect((await run('add', '')).status).toBe('usage');
    setArticleLibrary(null);
    expect((await run('add', `${site.origin}/x`)).fallback).toMatch(/not switched on/);
  });
});
