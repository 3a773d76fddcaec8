/** A loopback HTTP server for fetch, /add and feed tests: routes by path, counts every request it gets. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://HOST:PORT` */
  origin: string;
  port: number;
  routes: Map<string, Route>;
  /** Every request as `METHOD PATH`, with its headers. */
  hits: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function serve(host = '127.0.0.1', routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const hits: TestServer['hits'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, headers: req.headers });
    const route = table.get((path.split('?')[0] ?? path).replace(/(.)\/$/, '$1'));
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    origin: `http://${shown}:${port}`,
    port,
    routes: table,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` with `type`. */
export function page(
  body: string,
  type = 'text/html; charset=utf-8',
  extra: Record<string, string> = {},
): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...extra });
    res.end(body);
  };
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}
