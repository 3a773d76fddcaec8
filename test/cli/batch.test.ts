/** `newsroom search --batch` and `verify --batch` (issue 10, item 6): JSON Lines in, one JSON line out per line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, SEEDS } from './spawn.ts';

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('newsroom search --batch', () => {
  it('answers every line in order, in the search --json shape, a bad line as an error line', async () => {
    const input = [
      JSON.stringify({ query: 'putin working group', type: 'quote', limit: 2 }),
      '{not json',
      '',
      JSON.stringify({ query: 'putin working group', limit: 'many' }),
      JSON.stringify({ nothing: true }),
      JSON.stringify({ query: '', speaker: 'coats' }),
    ].join('\n');
    const { code, stdout, stderr } = await runBin(['search', '--batch', '-', '--data', SEEDS], { input });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out).toHaveLength(5);
    const first = out[0] as { query: string; results: Record<string, unknown>[] };
    expect(Object.keys(first)).toEqual(['query', 'results']);
    expect(first.results).toHaveLength(2);
    expect(first.results[0]?.speaker).toBe('Vladimir Putin');
    // The citation is composed by the commands layer, as the bot shows it.
    expect(first.results[0]?.citation).toBe(
      'Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.',
    );
    expect(out[1]).toEqual({ line: 2, error: expect.stringContaining('not JSON') });
    expect(out[2]).toEqual({ line: 4, error: expect.stringContaining('limit') });
    expect(out[3]).toEqual({ line: 5, error: expect.stringContaining('query') });
    const coats = out[4] as { results: { speaker: string }[] };
    expect(coats.results.length).toBeGreaterThan(0);
    for (const r of coats.results) expect(r.speaker).toBe('Dan Coats');
  });

  it('gives the same answer as the single search', async () => {
    const single = await runBin(['search', 'putin working group', '--json', '--data', SEEDS]);
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-batch-'));
    const file = join(dir, 'q.jsonl');
    writeFileSync(file, `${JSON.stringify({ query: 'putin working group' })}\n`);
    const batch = await runBin(['search', '--batch', file, '--data', SEEDS]);
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.stdout)).toEqual(JSON.parse(single.stdout));
  });

  it('a missing file exits 1 naming it; a query beside --batch is a usage error', async () => {
    const missing = await runBin(['search', '--batch', '/nonexistent/q.jsonl', '--data', SEEDS]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/q.jsonl');
    expect(missing.stdout).toBe('');
    const both = await runBin(['search', 'putin', '--batch', '-', '--data', SEEDS]);
    expect(both.code).toBe(2);
  });
});

describe('newsroom verify --batch', () => {
  it('checks each line in the verify --json shape', async () => {
    const input = [
      JSON.stringify({
        text: 'I reminded President Trump about the suggestion to re establish the working group on anti terrorism',
      }),
      JSON.stringify({ text: 'we are ready to analyse together' }),
      JSON.stringify({ text: 'zebras will govern the moon by tuesday' }),
      JSON.stringify({ quote: 'wrong field' }),
    ].join('\n');
    const { code, stdout } = await runBin(['verify', '--batch', '-', '--data', SEEDS], { input });
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((o) => o.verdict ?? o.error)).toEqual([
      'exact',
      'close',
      'not_found',
      expect.stringContaining('text'),
    ]);
    expect(Object.keys(out[0] as object)).toEqual(['verdict', 'matches']);
  });
});
