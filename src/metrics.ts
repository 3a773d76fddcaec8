/**
 * Prometheus metrics (prom-client), served at GET /metrics on the shared HTTP server: commands by name, platform
 * and outcome, failures, how long commands take, and corpus reloads. One registry per process.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */
import { Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

const commands = new Counter({
  name: 'newsroom_commands_total',
  help: 'Commands run, by command, platform and outcome (ok, user_error, error).',
  labelNames: ['command', 'platform', 'outcome'] as const,
  registers: [registry],
});

const errors = new Counter({
  name: 'newsroom_command_errors_total',
  help: 'Commands that failed on our side (the user got a reference, the log has the cause).',
  labelNames: ['command', 'platform'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'newsroom_command_duration_seconds',
  help: 'Time to build a reply, by command and platform.',
  labelNames: ['command', 'platform'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  registers: [registry],
});

const reloads = new Counter({
  name: 'newsroom_reloads_total',
  help: 'Corpus reloads, by result (ok: a new corpus answers; failed: the previous one kept answering).',
  labelNames: ['result'] as const,
  registers: [registry],
});

export type CommandOutcome = 'ok' | 'user_error' | 'error';

export function observeCommand(
  command: string,
  platform: string,
  outcome: CommandOutcome,
  seconds: number,
): void {
  commands.inc({ command, platform, outcome });
  if (outcome === 'error') errors.inc({ command, platform });
  duration.observe({ command, platform }, seconds);
}

export function observeReload(ok: boolean): void {
  reloads.inc({ result: ok ? 'ok' : 'failed' });
}

/** The body and content type of GET /metrics. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  return { body: await registry.metrics(), contentType: registry.contentType };
}
