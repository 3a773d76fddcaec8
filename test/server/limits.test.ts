/** The shared server against slow and greedy clients: header and request timeouts, connection caps, body limits. */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLarge, type RunningServer, readBody, startHttpServer } from '../../src/server.ts';

let server: RunningServer | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = null;
});

/** Opens a raw connection; resolves once connected. `closed` resolves with what the server sent before closing. */
function open(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (c: Buffer) => {
      received += c.toString('utf8');
    });
    const closed = new Promise<string>((done) => socket.on('close', () => done(received)));
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('shared HTTP server limits', () => {
  it('drops a client that trickles its headers, and one that never finishes its body', async () => {
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: [
        {
          method: 'POST',
          path: '/echo',
          handler: async (req, res) => {
            const body = await readBody(req, 1024);
            res.end(body);
          },
        },
      ],
      health: () => ({}),
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 },
    });
    const slowHeaders = await open(server.port);
    slowHeaders.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n');
    const slowBody = await open(server.port);
    slowBody.socket.write('POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nabc');
    // Both are closed by the server (the test's timeout is what fails if they are held).
    expect(await slowHeaders.closed).toMatch(/^$|408/);
    expect(await slowBody.closed).toMatch(/^$|408/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('caps connections from one client, and frees the place when one closes', async () => {
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: [],
      health: () => ({ ok: 1 }),
      limits: { maxConnectionsPerClient: 3 },
    });
    const held = [await open(server.port), await open(server.port), await open(server.port)];
    const refused = await open(server.port);
    expect(await refused.closed).toBe('');
    held[0]?.socket.destroy();
    await held[0]?.closed;
    const res = await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } });
    expect(await res.json()).toEqual({ status: 'ok', ok: 1 });
  });

  it('readBody refuses a declared or streamed body over its limit', async () => {
    let outcome: unknown = null;
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: [
        {
          method: 'POST',
          path: '/read',
          handler: async (req, res) => {
            try {
              await readBody(req, 10);
              outcome = 'read';
            } catch (error) {
              outcome = error;
            }
            res.writeHead(200, { connection: 'close' }).end();
          },
        },
      ],
      health: () => ({}),
    });
    await fetch(`${server.url}/read`, { method: 'POST', body: 'x'.repeat(11) });
    expect(outcome).toBeInstanceOf(BodyTooLarge);
    outcome = null;
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('y'.repeat(50)));
        c.close();
      },
    });
    await fetch(`${server.url}/read`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(outcome).toBeInstanceOf(BodyTooLarge);
  });
});
