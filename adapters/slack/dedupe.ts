/**
 * Slack retries an event it thinks we missed (`X-Slack-Retry-Num`), and a network hiccup can deliver an
 * interaction twice. Each request names itself (`event_id` for events, `trigger_id` for slash commands and
 * button clicks); a request id seen recently is acknowledged and dropped, so nothing is ever answered twice.
 * Slack retries an event three times within about five minutes, so ids are kept for the replay window (src/replay.ts).
 */
import { SeenSet } from '../../src/replay.ts';

/** The id Slack gives one delivery's subject: the same across retries of it. */
export function requestId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.event_id === 'string' && b.event_id !== '') return `event:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && b.trigger_id !== '') return `trigger:${b.trigger_id}`;
  return null;
}

/** Recently seen request ids: kept for the replay window, dropped by age as new ones come. */
export class SeenRequests extends SeenSet {}
