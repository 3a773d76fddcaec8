/**
 * Ad hoc latency figures for the HTTP interactions path (not a test: no timed assertions in tests).
 * Run: node --import tsx test/adapters/discord/latency.ts [N]
 * Signed /quote interactions over loopback against the adapter on the shared server, real engine over the seeds.
 */
import { commandInteraction, postInteraction, seedEngine, startHttpHarness } from './helpers.ts';
import { startDiscordStandIn } from './standin.ts';

const n = Number(process.argv[2] ?? 500);
const discord = await startDiscordStandIn();
const h = await startHttpHarness(await seedEngine(), discord.apiUrl);
const queries = [
  'putin working group',
  'election meddling',
  'cyber security',
  'interesting idea',
  'task force',
];
// Warm-up: first calls load code paths and JIT.
for (const q of queries) await postInteraction(h.url, h.keys, commandInteraction('quote', { query: q }));
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const payload = commandInteraction('quote', { query: queries[i % queries.length] ?? 'putin' });
  const t0 = performance.now();
  const res = await postInteraction(h.url, h.keys, payload);
  times.push(performance.now() - t0);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
}
times.sort((a, b) => a - b);
const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2);
console.log(`${n} signed /quote interactions: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
await h.close();
await discord.close();
