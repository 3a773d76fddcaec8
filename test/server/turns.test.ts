/**
 * The shared server handles one request per turn of the event loop (src/server.ts), because Node 20 accepts one
 * new connection each time it polls for I/O: while the bot is saturated, a new connection must still be accepted
 * after about one request's work, not after a whole turn's batch. Counted in requests handled, never in time.
 */
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { type RunningServer, readBody, sendJson, startHttpServer } from '../../src/server.ts';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Synchronous work, as a search is: the event loop does nothing else meanwhile. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function post(port: number, agent: Agent): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/work', method: 'POST', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', () => resolve());
    req.end('{}');
  });
}

it('accepts a new connection after at most a couple of requests while every open one keeps it busy', async () => {
  let handled = 0;
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: [
      {
        method: 'POST',
        path: '/work',
        handler: async (req, res) => {
          await readBody(req, 1024);
          busy(15);
          handled++;
          sendJson(res, 200, { ok: true });
        },
      },
    ],
    health: () => ({}),
  });
  const { port } = server;
  const agent = new Agent({ keepAlive: true, maxSockets: 24 });
  let stop = false;
  // 24 clients, each sending its next request as soon as the last is answered: the server never idles.
  const clients = Array.from({ length: 24 }, async () => {
    while (!stop) await post(port, agent);
  });
  while (handled < 100) await new Promise((r) => setTimeout(r, 20));

  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    const before = handled;
    const accepted = once(server.server, 'connection').then(() => handled - before);
    const socket = connect(port, '127.0.0.1');
    waits.push(await accepted);
    socket.destroy();
  }
  stop = true;
  await Promise.all(clients);
  agent.destroy();
  expect(handled).toBeGreaterThan(100);
  expect(Math.max(...waits)).toBeLessThanOrEqual(3);
});
