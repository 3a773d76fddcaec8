/** What main.ts needs from each adapter. Adapters live in adapters/; the core never imports a platform SDK. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionStore } from './commands/actions.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { SearchEngine } from './search/types.ts';

/** A route on the shared HTTP server (`PORT`). The handler reads the raw body itself (signatures need it). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  /**
   * When the platform says it sent the request (performance.now() clock), read from its headers alone (a signed
   * timestamp, not yet verified), or null. The server takes the earlier of this and its own arrival time, and
   * handles requests in that order (src/server.ts), so one that waited elsewhere is not put behind newer ones.
   */
  sentAt?: (req: IncomingMessage) => number | null;
}

export interface AdapterDeps {
  config: Config;
  logger: Logger;
  /** Always the current engine: a reload swaps it without restarting adapters. */
  engine: () => SearchEngine;
  actions: ActionStore;
  /**
   * Shared de-duplication of platform retries (the store's, so several bots never answer one request twice):
   * true when `id` was seen recently, else remembers it. Absent: each adapter remembers on its own.
   */
  seenRequests?: { checkAndRemember(id: string): boolean | Promise<boolean> };
  /**
   * Replay memory shared by several bots on one PostgreSQL store (DATABASE_URL): signed Slack requests and
   * Discord interaction ids seen by any of them. Absent: each adapter remembers replays on its own.
   */
  sharedReplays?: { checkAndRemember(id: string): boolean | Promise<boolean> };
}

export interface Adapter {
  /** e.g. `slack (http)`, `discord (gateway)`. */
  name: string;
  routes: HttpRoute[];
  /** Connect (Socket Mode, gateway). HTTP adapters only need their routes mounted. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
