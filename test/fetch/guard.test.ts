/**
 * The forgery suite: every forbidden address kind is refused directly, through a redirect, and through a host name
 * that resolves to it, before any connection is made; only the allow-list (NEWSROOM_FETCH_ALLOW) opens loopback,
 * and never cloud metadata. Pages are served on loopback only.
 */
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowList } from '../../src/fetch/address.ts';
import { FetchRefused, guardedFetch, MAX_BYTES, type Resolver } from '../../src/fetch/guard.ts';
import { page, redirect, serve, type TestServer } from './serve.ts';

const ARTICLE = '<html><head><title>Hello</title></head><body><p>Words.</p></body></html>';

/** Names that exist only in this test; the system resolver knows none of them. */
const NAMES: Record<string, string[]> = {
  'page.test': ['127.0.0.1'],
  'intranet.test': ['10.0.0.5'],
  'router.test': ['192.168.1.1'],
  'cgnat.test': ['100.64.1.1'],
  'linklocal.test': ['169.254.10.10'],
  'metadata.test': ['169.254.169.254'],
  'metadata6.test': ['fd00:ec2::254'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'loop6.test': ['::1'],
  'multicast.test': ['224.0.0.1'],
  'zero.test': ['0.0.0.0'],
  'mixed.test': ['93.184.216.34', '10.0.0.1'],
};

const lookups: string[] = [];
const resolve: Resolver = async (host) => {
  lookups.push(host);
  const found = NAMES[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const loopbackAllowed = new AllowList(['127.0.0.1']);

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchRefused) return error;
    throw error;
  }
  throw new Error('the fetch was not refused');
}

let site: TestServer;
let other: TestServer;

beforeAll(async () => {
  site = await serve('127.0.0.1', {
    '/article': page(ARTICLE),
    '/feed': page('<rss version="2.0"><channel></channel></rss>', 'application/rss+xml'),
    '/image': page('PNG', 'image/png'),
    '/untyped': (_req, res) => {
      res.writeHead(200);
      res.end('no type');
    },
    '/big-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(MAX_BYTES + 1) });
      res.write('<p>');
      // Never sends the rest: the declared size alone refuses it.
    },
    '/big-streamed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/hang': () => {
      // Never answers.
    },
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/html',
        etag: '"v1"',
        'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
      });
      res.end(ARTICLE);
    },
    '/missing': (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('gone');
    },
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-metadata-name': redirect('http://metadata.test/computeMetadata/v1/'),
    '/to-intranet': redirect('http://intranet.test/admin'),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-gopher': redirect('gopher://127.0.0.1:70/'),
    '/relative': redirect('/article', 301),
    '/nowhere': (_req, res) => {
      res.writeHead(302);
      res.end();
    },
  });
  // A second loopback address, outside the allow-list of 127.0.0.1 alone.
  other = await serve('127.0.0.2', { '/secret': page('<p>internal</p>') });
  for (let i = 0; i < 7; i++) site.routes.set(`/hop${i}`, redirect(`/hop${i + 1}`));
  site.routes.set('/hop7', page(ARTICLE));
  site.routes.set('/to-other', redirect(`${other.origin}/secret`));
  site.routes.set('/to-mapped', redirect(`http://[::ffff:7f00:2]:${other.port}/secret`));
  site.routes.set('/to-localhost', redirect(`http://localhost:${other.port}/secret`));
});

afterAll(async () => {
  await site?.close();
  await other?.close();
});

describe('guardedFetch with loopback allowed (NEWSROOM_FETCH_ALLOW=127.0.0.1)', () => {
  it('fetches a page and says what it is', async () => {
    const got = await guardedFetch(`${site.origin}/article`, { allow: loopbackAllowed });
    expect(got.status).toBe(200);
    expect(got.kind).toBe('html');
    expect(got.charset).toBe('utf-8');
    expect(got.body.toString('utf8')).toBe(ARTICLE);
    expect(got.url).toBe(`${site.origin}/article`);
  });

  it('connects only to the address it checked: a name no system DNS knows reaches the checked address', async () => {
    lookups.length = 0;
    const url = `http://page.test:${site.port}/article`;
    const got = await guardedFetch(url, { allow: loopbackAllowed, resolve });
    expect(got.body.toString('utf8')).toBe(ARTICLE);
    // One lookup, ours: had the connection resolved the name again it would have failed (page.test is not real).
    expect(lookups).toEqual(['page.test']);
    expect(site.hits.at(-1)?.headers.host).toBe(`page.test:${site.port}`);
  });

  it('follows relative redirects, and up to five of them', async () => {
    const rel = await guardedFetch(`${site.origin}/relative`, { allow: loopbackAllowed });
    expect(rel.url).toBe(`${site.origin}/article`);
    const five = await guardedFetch(`${site.origin}/hop2`, { allow: loopbackAllowed });
    expect(five.redirects).toHaveLength(5);
    const six = await refusal(guardedFetch(`${site.origin}/hop1`, { allow: loopbackAllowed }));
    expect(six.reason).toBe('redirects');
    expect(six.message).toMatch(/Too many redirects \(more than 5\)/);
  });

  it('accepts RSS; refuses other content types and missing ones', async () => {
    expect((await guardedFetch(`${site.origin}/feed`, { allow: loopbackAllowed })).kind).toBe('rss');
    const png = await refusal(guardedFetch(`${site.origin}/image`, { allow: loopbackAllowed }));
    expect(png.reason).toBe('type');
    expect(png.message).toMatch(/image\/png; only HTML, XHTML, plain text, JSON, RSS and Atom/);
    expect((await refusal(guardedFetch(`${site.origin}/untyped`, { allow: loopbackAllowed }))).reason).toBe(
      'type',
    );
  });

  it('refuses more than 5 MB, declared or streamed', async () => {
    const declared = await refusal(guardedFetch(`${site.origin}/big-declared`, { allow: loopbackAllowed }));
    expect(declared.reason).toBe('too-large');
    expect(declared.message).toMatch(/over the 5 MB limit/);
    const streamed = await refusal(guardedFetch(`${site.origin}/big-streamed`, { allow: loopbackAllowed }));
    expect(streamed.reason).toBe('too-large');
  });

  it('gives up on a server that never answers', async () => {
    const slow = await refusal(
      guardedFetch(`${site.origin}/hang`, { allow: loopbackAllowed, timeoutMs: 300 }),
    );
    expect(slow.reason).toBe('timeout');
    expect(slow.message).toMatch(/took longer than 0.3 seconds/);
  });

  it('says what the server answered', async () => {
    const gone = await refusal(guardedFetch(`${site.origin}/missing`, { allow: loopbackAllowed }));
    expect(gone.reason).toBe('status');
    expect(gone.message).toMatch(/answered 404/);
    const nowhere = await refusal(guardedFetch(`${site.origin}/nowhere`, { allow: loopbackAllowed }));
    expect(nowhere.message).toMatch(/without saying where/);
  });

  it('sends conditional requests and returns a 304 as not modified', async () => {
    const first = await guardedFetch(`${site.origin}/conditional`, { allow: loopbackAllowed });
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    const again = await guardedFetch(`${site.origin}/conditional`, {
      allow: loopbackAllowed,
      etag: first.etag,
    });
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
    expect(site.hits.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('refuses cloud metadata even where the allow-list would cover it', async () => {
    const allowAll = new AllowList(['0.0.0.0/0', '::/0']);
    const direct = await refusal(
      guardedFetch('http://169.254.169.254/latest/meta-data/', { allow: allowAll }),
    );
    expect(direct.addressKind).toBe('cloud metadata');
    const named = await refusal(guardedFetch('http://metadata6.test/', { allow: allowAll, resolve }));
    expect(named.addressKind).toBe('cloud metadata');
  });
});

describe('the forgery suite: no allow-list', () => {
  const direct: [string, string][] = [
    ['http://127.0.0.1:PORT/article', 'loopback'],
    ['http://[::1]:PORT/article', 'loopback'],
    ['http://[::ffff:127.0.0.1]:PORT/article', 'loopback'],
    ['http://[::ffff:7f00:1]:PORT/article', 'loopback'],
    ['http://0x7f000001:PORT/article', 'loopback'],
    ['http://2130706433:PORT/article', 'loopback'],
    ['http://127.1:PORT/article', 'loopback'],
    ['http://0.0.0.0:PORT/article', 'unspecified'],
    ['http://[::]:PORT/article', 'unspecified'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://[fd12::1]/', 'private'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://224.0.0.251/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'cloud metadata'],
    ['http://[::ffff:169.254.169.254]/', 'cloud metadata'],
    ['http://100.100.100.200/latest/meta-data/', 'cloud metadata'],
  ];
  it.each(direct)('refuses %s directly (%s)', async (template, kind) => {
    const before = site.hits.length;
    const url = template.replace('PORT', String(site.port));
    const refused = await refusal(guardedFetch(url, { resolve }));
    expect(refused.reason).toBe('address');
    expect(refused.addressKind).toBe(kind);
    expect(refused.message).toMatch(new RegExp(`an? ${kind} address`));
    expect(site.hits.length).toBe(before);
  });

  const named: [string, string][] = [
    ['http://localhost:PORT/article', 'loopback'],
    ['http://news.localhost:PORT/article', 'loopback'],
    ['http://LOCALHOST.:PORT/article', 'loopback'],
    ['http://mapped.test:PORT/article', 'loopback'],
    ['http://loop6.test:PORT/article', 'loopback'],
    ['http://intranet.test/', 'private'],
    ['http://router.test/', 'private'],
    ['http://cgnat.test/', 'carrier-grade NAT'],
    ['http://linklocal.test/', 'link-local'],
    ['http://metadata.test/', 'cloud metadata'],
    ['http://metadata6.test/', 'cloud metadata'],
    ['http://multicast.test/', 'multicast'],
    ['http://zero.test/', 'unspecified'],
    // One public and one private answer: refused, whichever a connection would have picked.
    ['http://mixed.test/', 'private'],
  ];
  it.each(named)('refuses %s through its name (%s)', async (template, kind) => {
    const before = site.hits.length;
    const url = template.replace('PORT', String(site.port));
    // localhost names never reach the injected resolver: the guard knows them as loopback.
    const refused = await refusal(guardedFetch(url, { resolve }));
    expect(refused.reason).toBe('address');
    expect(refused.addressKind).toBe(kind);
    expect(refused.message).toMatch(/resolves to/);
    expect(site.hits.length).toBe(before);
  });

  it('refuses localhost with the system resolver too', async () => {
    const refused = await refusal(guardedFetch(`http://localhost:${site.port}/article`));
    expect(refused.addressKind).toBe('loopback');
  });

  it('refuses other schemes, credentials and non-links', async () => {
    expect((await refusal(guardedFetch('file:///etc/passwd'))).reason).toBe('scheme');
    expect((await refusal(guardedFetch('ftp://example.com/x'))).reason).toBe('scheme');
    expect((await refusal(guardedFetch('javascript:alert(1)'))).reason).toBe('scheme');
    expect((await refusal(guardedFetch('gopher://127.0.0.1:70/'))).message).toMatch(/Only http and https/);
    expect((await refusal(guardedFetch('http://user:pw@example.com/'))).reason).toBe('credentials');
    expect((await refusal(guardedFetch('not a link'))).reason).toBe('bad-url');
    expect((await refusal(guardedFetch('http://nothing.test/', { resolve }))).reason).toBe('dns');
  });
});

describe('the forgery suite: through a redirect from an allowed page', () => {
  const cases: [string, string, string][] = [
    ['/to-metadata', 'address', 'cloud metadata'],
    ['/to-metadata-name', 'address', 'cloud metadata'],
    ['/to-intranet', 'address', 'private'],
    ['/to-mapped', 'address', 'loopback'],
    // 127.0.0.2 is loopback outside the allow-list of 127.0.0.1 alone; a server is listening there.
    ['/to-other', 'address', 'loopback'],
    ['/to-localhost', 'address', 'loopback'],
    ['/to-file', 'scheme', ''],
    ['/to-gopher', 'scheme', ''],
  ];
  it.each(cases)('refuses the redirect of %s (%s %s)', async (path, reason, kind) => {
    const before = other.hits.length;
    const refused = await refusal(guardedFetch(`${site.origin}${path}`, { allow: loopbackAllowed, resolve }));
    expect(refused.reason).toBe(reason);
    if (kind) expect(refused.addressKind).toBe(kind);
    expect(refused.message).toMatch(/^A redirect was refused: |^Refused: /);
    expect(other.hits.length).toBe(before);
  });

  it('the server at 127.0.0.2 is really there (the refusals above are the guard, not a dead port)', async () => {
    const got = await guardedFetch(`${other.origin}/secret`, { allow: new AllowList(['127.0.0.2']) });
    expect(got.body.toString('utf8')).toBe('<p>internal</p>');
  });
});
