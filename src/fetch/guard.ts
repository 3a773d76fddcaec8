/**
 * The one guarded function every fetch of a URL goes through (/add, `newsroom add`, feeds). Fetching on behalf of
 * chat users is the classic way into internal services (server-side request forgery), so: only http and https, no
 * credentials in the link; the host is resolved and every address it resolves to is checked (src/fetch/address.ts);
 * the connection is pinned to the checked addresses (undici Agent with a `connect.lookup` that answers only them, so
 * DNS cannot switch in between); every redirect is checked the same way, at most MAX_REDIRECTS; at most MAX_BYTES and
 * TIMEOUT_MS in all; only the content types in MEDIA_TYPES. A refusal is a FetchRefused naming the reason.
 */

import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { type AddressKind, type AllowList, forbiddenKind } from './address.ts';

export const MAX_BYTES = 5 * 1024 * 1024;
export const TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;
export const MAX_URL_LENGTH = 2048;

/** What a fetched body is, by its Content-Type. Generic XML is accepted because many RSS and Atom feeds are served so. */
export type BodyKind = 'html' | 'text' | 'json' | 'rss' | 'atom' | 'xml';

export const MEDIA_TYPES: Readonly<Record<string, BodyKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/json': 'json',
  'application/feed+json': 'json',
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

export type RefusalReason =
  | 'bad-url'
  | 'scheme'
  | 'credentials'
  | 'address'
  | 'dns'
  | 'redirects'
  | 'too-large'
  | 'timeout'
  | 'type'
  | 'status'
  | 'network';

/** A fetch the guard refused or that failed: `message` is written for the person who asked. */
export class FetchRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** The URL being fetched when it was refused (a redirect target, say). */
    readonly url: string,
    readonly addressKind?: AddressKind,
  ) {
    super(message);
    this.name = 'FetchRefused';
  }
}

/** Resolves a host name to every address it has (tests inject their own). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts). */
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** `localhost` and every `*.localhost` name are loopback (RFC 6761), whatever any resolver would answer. */
const LOCALHOST: LookupAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

export interface FetchPolicy {
  /** Exceptions to the address rules (NEWSROOM_FETCH_ALLOW); cloud metadata is never allowed. */
  allow?: AllowList;
  resolve?: Resolver;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface FetchOptions extends FetchPolicy {
  /** Conditional request (feeds): a 304 answer is returned, not refused. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  /** The URL asked for. */
  requested: string;
  /** The URL that answered, after redirects. */
  url: string;
  /** Every URL redirected through, in order (not counting the first). */
  redirects: string[];
  status: number;
  /** 200..299, or 304 for a conditional request whose resource did not change (then `body` is empty). */
  notModified: boolean;
  mediaType: string | null;
  kind: BodyKind | null;
  charset: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

const ACCEPT = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml;q=0.9',
  'application/atom+xml;q=0.9',
  'application/feed+json;q=0.9',
  'application/json;q=0.8',
  'application/xml;q=0.8',
  'text/xml;q=0.8',
  'text/plain;q=0.7',
].join(', ');

const USER_AGENT = 'NewsroomBot/0.1 (+https://github.com/; adds articles reporters link)';

function refuse(reason: RefusalReason, message: string, url: string, kind?: AddressKind): never {
  throw new FetchRefused(reason, message, url, kind);
}

/** Checks a URL's form: http(s), no credentials, a host, not absurdly long. */
export function checkUrl(raw: string): URL {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH)
    refuse('bad-url', `That link is longer than ${MAX_URL_LENGTH} characters.`, text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('bad-url', `That is not a link: “${text.slice(0, 100)}”.`, text);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    refuse('scheme', `Only http and https links can be fetched (this one is ${url.protocol}).`, text);
  if (url.username || url.password)
    refuse('credentials', 'Links with a user name or password in them are not fetched.', text);
  if (!url.hostname) refuse('bad-url', 'That link has no host name.', text);
  url.hash = '';
  return url;
}

/** `[::1]` -> `::1`; a trailing dot dropped. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/**
 * The addresses `url`'s host may be reached at, every one checked; refuses when any of them is forbidden (a host
 * answering with one public and one internal address is refused, whichever a connection would pick).
 */
export async function checkedAddresses(url: URL, policy: FetchPolicy): Promise<LookupAddress[]> {
  const host = bareHost(url);
  const literal = isIP(host);
  let addresses: LookupAddress[];
  const name = host.toLowerCase();
  if (literal) addresses = [{ address: host, family: literal }];
  else if (name === 'localhost' || name.endsWith('.localhost')) addresses = LOCALHOST;
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refuse(
        'dns',
        code === 'ENOTFOUND' || code === 'ENODATA'
          ? `The host ${host} does not exist (no DNS answer).`
          : `The host ${host} could not be looked up (${code ?? (error as Error).message}).`,
        url.href,
      );
    }
  }
  if (addresses.length === 0) refuse('dns', `The host ${host} has no address.`, url.href);
  for (const a of addresses) {
    const kind = forbiddenKind(a.address, policy.allow);
    if (kind) {
      const via = literal ? '' : `${host} resolves to ${a.address}, `;
      const article = /^[aeiou]/i.test(kind) ? 'an' : 'a';
      refuse(
        'address',
        `Refused: ${via}${literal ? `${host} is ` : ''}${article} ${kind} address. The bot fetches only from the public internet.`,
        url.href,
        kind,
      );
    }
  }
  return addresses;
}

/** A `connect.lookup` that answers only the addresses that were checked, whatever DNS says now. */
function pinnedLookup(addresses: LookupAddress[]) {
  return (
    _host: string,
    options: { all?: boolean; family?: number | string } | ((...args: unknown[]) => void),
    callback?: (...args: unknown[]) => void,
  ): void => {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const opts = typeof options === 'function' ? {} : options;
    const family = opts.family === 'IPv4' ? 4 : opts.family === 'IPv6' ? 6 : Number(opts.family ?? 0);
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) {
      cb(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }));
      return;
    }
    if (opts.all) cb(null, usable);
    else cb(null, usable[0]?.address, usable[0]?.family);
  };
}

function parseContentType(value: string | string[] | undefined): {
  type: string | null;
  charset: string | null;
} {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return { type: null, charset: null };
  const [type = '', ...params] = text.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase() || null, charset };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function describeNetworkError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was cut';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the site's certificate is not valid (${code})`;
    default:
      return code ? `the connection failed (${code})` : `the connection failed (${(error as Error).message})`;
  }
}

/** Drops a body we will not read (destroying it unread raises an abort error nobody needs). */
function discard(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

/** A slow DNS answer counts against the same time limit as the rest. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Fetches `raw` under the rules at the top of this file. Resolves with the body of a 2xx answer (or a 304 to a
 * conditional request); throws FetchRefused for everything else, with a message for the person who asked.
 */
export async function guardedFetch(raw: string, options: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  timer.unref();
  const requested = raw.trim();
  const redirects: string[] = [];
  let url = checkUrl(requested);
  const timedOut = () =>
    new FetchRefused('timeout', `The site took longer than ${timeoutMs / 1000} seconds to answer.`, url.href);
  try {
    for (;;) {
      const addresses = await untilAborted(checkedAddresses(url, options), controller.signal, timedOut);
      const agent = new Agent({
        connect: { lookup: pinnedLookup(addresses) as never, timeout: timeoutMs },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        pipelining: 0,
      });
      try {
        const headers: Record<string, string> = {
          accept: ACCEPT,
          'accept-encoding': 'identity',
          'user-agent': USER_AGENT,
        };
        if (options.etag) headers['if-none-match'] = options.etag;
        if (options.lastModified) headers['if-modified-since'] = options.lastModified;
        let res: Awaited<ReturnType<typeof request>>;
        try {
          res = await request(url, {
            method: 'GET',
            headers,
            dispatcher: agent,
            signal: controller.signal,
            maxRedirections: 0,
          });
        } catch (error) {
          if (controller.signal.aborted) throw timedOut();
          throw new FetchRefused(
            'network',
            `Could not fetch ${url.host}: ${describeNetworkError(error)}.`,
            url.href,
          );
        }
        const status = res.statusCode;
        if ([301, 302, 303, 307, 308].includes(status)) {
          discard(res.body);
          const location = header(res.headers, 'location');
          if (!location)
            refuse('status', `${url.host} redirected (${status}) without saying where to.`, url.href);
          if (redirects.length >= maxRedirects)
            refuse(
              'redirects',
              `Too many redirects (more than ${maxRedirects}); stopped at ${url.href}.`,
              url.href,
            );
          let next: URL;
          try {
            next = checkUrl(new URL(location, url).href);
          } catch (error) {
            if (error instanceof FetchRefused)
              throw new FetchRefused(error.reason, `A redirect was refused: ${error.message}`, error.url);
            throw error;
          }
          redirects.push(next.href);
          url = next;
          continue;
        }
        const etag = header(res.headers, 'etag');
        const lastModified = header(res.headers, 'last-modified');
        const { type, charset } = parseContentType(res.headers['content-type']);
        if (status === 304 && (options.etag || options.lastModified)) {
          discard(res.body);
          return {
            requested,
            url: url.href,
            redirects,
            status,
            notModified: true,
            mediaType: type,
            kind: type ? (MEDIA_TYPES[type] ?? null) : null,
            charset,
            body: Buffer.alloc(0),
            etag: etag ?? options.etag ?? null,
            lastModified: lastModified ?? options.lastModified ?? null,
          };
        }
        if (status < 200 || status > 299) {
          discard(res.body);
          refuse(
            'status',
            `${url.host} answered ${status}${status === 404 ? ' (not found)' : ''}.`,
            url.href,
          );
        }
        const kind = type ? MEDIA_TYPES[type] : undefined;
        if (!type || !kind) {
          discard(res.body);
          refuse(
            'type',
            `${url.host} sent ${type ?? 'no content type'}; only HTML, XHTML, plain text, JSON, RSS and Atom are read.`,
            url.href,
          );
        }
        const declared = Number(header(res.headers, 'content-length'));
        if (Number.isFinite(declared) && declared > maxBytes) {
          discard(res.body);
          refuse('too-large', `The page is ${MB(declared)}, over the ${MB(maxBytes)} limit.`, url.href);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        try {
          for await (const chunk of res.body) {
            size += (chunk as Buffer).length;
            if (size > maxBytes) {
              discard(res.body);
              refuse('too-large', `The page is larger than the ${MB(maxBytes)} limit.`, url.href);
            }
            chunks.push(chunk as Buffer);
          }
        } catch (error) {
          if (error instanceof FetchRefused) throw error;
          if (controller.signal.aborted) throw timedOut();
          throw new FetchRefused(
            'network',
            `Could not read ${url.host}: ${describeNetworkError(error)}.`,
            url.href,
          );
        }
        return {
          requested,
          url: url.href,
          redirects,
          status,
          notModified: false,
          mediaType: type,
          kind,
          charset,
          body: Buffer.concat(chunks),
          etag,
          lastModified,
        };
      } finally {
        void agent.destroy().catch(() => {});
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
