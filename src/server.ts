/**
 * The one HTTP server every HTTP adapter shares (`PORT`), with `GET /healthz`. No framework: routes are exact paths.
 *
 * Hardened for clients that are slow or hostile: headers must arrive within HEADERS_TIMEOUT_MS and the whole
 * request within REQUEST_TIMEOUT_MS (Node's defaults are a minute and five), idle keep-alive connections close
 * after KEEP_ALIVE_TIMEOUT_MS, and connections are capped per client address and in all. Each request's arrival
 * time is recorded (see arrivalOf) so deadlines are measured from when the request came, not from when a
 * handler got round to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { HttpRoute } from './adapter.ts';
import { requestsWaiting, SHED_AFTER_MS } from './deadline.ts';
import type { Logger } from './log.ts';

/** Slack and Discord send a request in one go; a client still sending headers after this is dropped. */
export const HEADERS_TIMEOUT_MS = 5_000;
/** The whole request, body included. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Open connections from one address. Behind a reverse proxy every request shares its address: raise it there. */
export const MAX_CONNECTIONS_PER_CLIENT = 256;
export const MAX_CONNECTIONS = 4_096;
/** Pending connections the kernel may hold for us (capped by net.core.somaxconn, 4,096 here). */
export const LISTEN_BACKLOG = 4_096;

export interface HttpServerOptions {
  port: number;
  host?: string;
  routes: HttpRoute[];
  /** Body of GET /healthz (counts of articles, quotes, facts). */
  health: () => Record<string, unknown>;
  logger?: Logger;
  /**
   * Adds a `server-timing` header to every response: when the connection was accepted and when the request's
   * handler was called (epoch ms, this process's clock), and the event loop's lag then. `npm run loadtest` sets
   * it (NEWSROOM_SERVER_TIMING=1) to tell where a late request's time went: sender, accept, loop or handler.
   */
  timing?: boolean;
  /** Overrides of the limits above (tests). */
  limits?: Partial<{
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnectionsPerClient: number;
    maxConnections: number;
  }>;
}

export interface RunningServer {
  server: Server;
  /** The port actually bound (useful with port 0). */
  port: number;
  url: string;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Arrival times

/**
 * How late the event loop is running, sampled every LAG_SAMPLE_MS. While the loop is blocked, requests queue in
 * the kernel and are read in the poll phase right after the timers phase that sees the lag; so the lag counts
 * for requests read in that same turn of the loop only (it is cleared in the check phase that ends the turn).
 */
const LAG_SAMPLE_MS = 25;
let loopLag = 0;
let lagTimer: NodeJS.Timeout | null = null;
let lagUsers = 0;

function startLagSampler(): void {
  if (lagUsers++ > 0) return;
  let expected = performance.now() + LAG_SAMPLE_MS;
  lagTimer = setInterval(() => {
    const now = performance.now();
    loopLag = Math.max(0, now - expected);
    expected = now + LAG_SAMPLE_MS;
    if (loopLag > 0)
      setImmediate(() => {
        loopLag = 0;
      });
  }, LAG_SAMPLE_MS);
  lagTimer.unref();
}

function stopLagSampler(): void {
  if (--lagUsers > 0 || !lagTimer) return;
  clearInterval(lagTimer);
  lagTimer = null;
  loopLag = 0;
}

const arrivals = new WeakMap<IncomingMessage, number>();

/**
 * When the request arrived, on the performance.now() clock: when its handler was first called, less the
 * event loop's current lag. Requests that did not come through this server count from now.
 */
export function arrivalOf(req: IncomingMessage): number {
  return arrivals.get(req) ?? performance.now();
}

/** Records an arrival time (for requests built outside this server, such as tests and the load bench). */
export function setArrival(req: IncomingMessage, at: number): void {
  arrivals.set(req, at);
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/**
 * Reads a request body of at most `limit` bytes without blocking: a declared length over the limit is refused
 * before reading, and a body that grows past it stops being read. Rejects with BodyTooLarge.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Requests are handled one per turn of the event loop, earliest arrival first. Node 20 (libuv 1.46) accepts at most one
 * new connection each time it polls for I/O, and it polls once per turn; when a turn handles every request that
 * arrived meanwhile, a loaded bot's turns last hundreds of milliseconds and new connections wait in the kernel
 * for seconds (measured: 6-23 s at 400 requests a second with the machine's cores busy, while requests on open
 * connections were answered). One request per turn keeps turns short, so a new connection waits at most one
 * request's work; the total work is the same, and what waits is measured from its arrival (shed as "busy").
 */
class Turns {
  private readonly items: { run: () => void; at: number }[] = [];
  private scheduled = false;

  /** `expiredAfterMs`: a request this old gets its handler in the same turn as the one before (see next). */
  constructor(private readonly expiredAfterMs: number) {}

  /** Queues a request by its arrival: earliest first (most come in order, so this is the end of the queue). */
  push(run: () => void, at: number): void {
    let i = this.items.length;
    while (i > 0 && (this.items[i - 1] as { at: number }).at > at) i--;
    this.items.splice(i, 0, { run, at });
    requestsWaiting.count++;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.next);
    }
  }

  get length(): number {
    return this.items.length;
  }

  private take(): { run: () => void; at: number } | undefined {
    const item = this.items.shift();
    if (item) requestsWaiting.count--;
    return item;
  }

  private readonly next = (): void => {
    this.take()?.run();
    // Requests that already waited past the shedding age are answered "busy" by their handlers before anything
    // is read or verified (src/deadline.ts): a few dozen microseconds each. They go in this same turn, up to
    // MAX_EXPIRED_PER_TURN, so a queue past capacity never holds them longer than that age.
    const now = performance.now();
    for (let n = 0; n < MAX_EXPIRED_PER_TURN; n++) {
      const head = this.items[0];
      if (!head || now - head.at < this.expiredAfterMs) break;
      this.take();
      head.run();
    }
    // An immediate set from an immediate runs in the next turn, after the next poll for I/O.
    if (this.items.length > 0) setImmediate(this.next);
    else this.scheduled = false;
  };
}

/** Expired requests answered in one turn at most (each a few dozen microseconds: a few milliseconds in all). */
const MAX_EXPIRED_PER_TURN = 200;

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { routes, health, logger } = options;
  const limits = {
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    maxConnectionsPerClient: MAX_CONNECTIONS_PER_CLIENT,
    maxConnections: MAX_CONNECTIONS,
    ...options.limits,
  };
  const turns = new Turns(SHED_AFTER_MS);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, { error: 'method not allowed' });
      return sendJson(res, 200, { status: 'ok', ...health() });
    }
    const samePath = routes.filter((r) => r.path === path);
    if (samePath.length === 0) return sendJson(res, 404, { error: 'not found' });
    const route = samePath.find((r) => r.method === req.method);
    if (!route) return sendJson(res, 405, { error: 'method not allowed' });
    await route.handler(req, res);
  };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s, far coarser than they are).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      const now = performance.now();
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const claimed = routes.find((r) => r.path === path && r.method === req.method)?.sentAt?.(req) ?? null;
      const arrivedAt = Math.min(now - loopLag, claimed ?? Number.POSITIVE_INFINITY);
      arrivals.set(req, arrivedAt);
      const run = () => {
        if (options.timing) {
          const socket = req.socket;
          const nth = (requestsOn.get(socket) ?? 0) + 1;
          requestsOn.set(socket, nth);
          const epoch = (t: number) => (performance.timeOrigin + t).toFixed(1);
          res.setHeader(
            'server-timing',
            `accept;desc="${(acceptedAt.get(socket) ?? 0).toFixed(1)}", read;desc="${epoch(now)}", start;desc="${epoch(performance.now())}", lag;dur=${loopLag.toFixed(1)}, nth;desc="${nth}"`,
          );
        }
        handle(req, res).catch((error: unknown) => {
          logger?.error({ err: error, path: req.url }, 'HTTP handler failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          else res.end();
        });
      };
      // Health checks are answered at once; everything else takes its turn (see turns below).
      if (req.url === '/healthz') run();
      else turns.push(run, arrivedAt);
    },
  );
  server.maxConnections = limits.maxConnections;
  // A body that never finishes sending is cut off by requestTimeout; an idle socket by the socket timeout.
  server.setTimeout(limits.requestTimeoutMs);

  const perClient = new Map<string, number>();
  const acceptedAt = new WeakMap<Socket, number>();
  const requestsOn = new WeakMap<Socket, number>();
  server.on('connection', (socket: Socket) => {
    if (options.timing) acceptedAt.set(socket, performance.timeOrigin + performance.now());
    const address = socket.remoteAddress ?? '?';
    const open = (perClient.get(address) ?? 0) + 1;
    if (open > limits.maxConnectionsPerClient) {
      logger?.warn({ address, open: open - 1 }, 'too many connections from one client: refused');
      socket.destroy();
      return;
    }
    perClient.set(address, open);
    socket.once('close', () => {
      const left = (perClient.get(address) ?? 1) - 1;
      if (left <= 0) perClient.delete(address);
      else perClient.set(address, left);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A burst of new connections while the loop is busy waits in the kernel's accept queue; past Node's default
    // of 511 the kernel drops SYNs and clients retry after 1, 3, 7, 15 s: a 30 s "latency" from nowhere.
    server.listen({ port: options.port, host: options.host ?? '0.0.0.0', backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      startLagSampler();
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
      let closed = false;
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            if (!closed) stopLagSampler();
            closed = true;
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
