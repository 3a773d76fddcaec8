/**
 * Socket Mode: the adapter asks apps.connections.open (with the app token) for a WebSocket URL, connects, and
 * answers envelopes with acks carrying the reply. Slack's side is a loopback stand-in speaking the documented
 * envelope format: https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import type { Adapter } from '../../../src/adapter.ts';
import { ActionStore } from '../../../src/commands/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { fixtureEngine, INJECTION } from './fake-engine.ts';
import { CHANNEL, REPORTER } from './harness.ts';
import { type SlackStandIn, startSlackStandIn } from './stand-in.ts';

describe('Slack adapter in Socket Mode', () => {
  let wss: WebSocketServer;
  let standIn: SlackStandIn;
  let adapter: Adapter;
  const sockets: WebSocket[] = [];
  const acks = new Map<string, (payload: Record<string, unknown>) => void>();

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    wss.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          envelope_id?: string;
          payload?: Record<string, unknown>;
        };
        if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload ?? {});
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-test', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0APP' },
        }),
      );
    });
    const port = (wss.address() as AddressInfo).port;
    standIn = await startSlackStandIn({ socketUrl: `ws://127.0.0.1:${port}/link/?ticket=t1&app_id=A0APP` });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1234-5678-test',
      SLACK_APP_TOKEN: 'xapp-1-A0APP-1-test',
      SLACK_API_URL: standIn.apiUrl,
    });
    adapter = await createSlackAdapter({
      config,
      logger: createLogger('silent'),
      engine: fixtureEngine,
      actions: new ActionStore(),
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    for (const s of sockets) s.terminate();
    await new Promise<void>((resolve) => wss?.close(() => resolve()));
    await standIn?.close();
  });

  function envelope(id: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answered = new Promise<Record<string, unknown>>((resolve) => acks.set(id, resolve));
    sockets[0]?.send(
      JSON.stringify({ envelope_id: id, type: 'slash_commands', accepts_response_payload: true, payload }),
    );
    return answered;
  }

  it('connects with the app token and needs no HTTP route', () => {
    expect(adapter.name).toBe('slack (socket)');
    expect(adapter.routes).toEqual([]);
    const open = standIn.named('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-1-A0APP-1-test');
    expect(sockets).toHaveLength(1);
  });

  it('answers a slash command in the envelope ack, escaped', async () => {
    const payload = await envelope('env-1', {
      token: 'x',
      team_id: 'T0TEAM',
      channel_id: CHANNEL,
      user_id: REPORTER.id,
      user_name: REPORTER.name,
      command: '/quote',
      text: `zebra ${INJECTION}`,
      api_app_id: 'A0APP',
      response_url: standIn.responseUrl('socket-1'),
      trigger_id: '1.2.socket',
    });
    expect(payload.response_type).toBe('ephemeral');
    const json = JSON.stringify(payload.blocks);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('zebra crossing');
  });
});
