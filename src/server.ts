/** The one HTTP server every HTTP adapter shares (`PORT`), with `GET /healthz`. No framework: routes are exact paths. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from './adapter.ts';
import type { Logger } from './log.ts';

export interface HttpServerOptions {
  port: number;
  host?: string;
  routes: HttpRoute[];
  /** Body of GET /healthz (counts of articles, quotes, facts). */
  health: () => Record<string, unknown>;
  logger?: Logger;
}

export interface RunningServer {
  server: Server;
  /** The port actually bound (useful with port 0). */
  port: number;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { routes, health, logger } = options;
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
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger?.error({ err: error, path: req.url }, 'HTTP handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
