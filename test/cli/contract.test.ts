/** The CLI contract other tools rely on (issues 2 and 3): exact JSON shapes, real values from the seeds. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runBin, SEEDS } from './spawn.ts';

const SEED_000 = 'data/articles/000_de0ae4620e306012.txt';
const SEED_003 = 'data/articles/003_fdfb5187be79e5d3.txt';

describe('newsroom extract', () => {
  it('prints exactly the contracted JSON for the seeds', async () => {
    const { code, stdout, stderr } = await runBin(['extract', SEED_000, SEED_003, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { articles: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['articles']);
    expect(out.articles.map((a) => a.source)).toEqual([SEED_000, SEED_003]);
    for (const a of out.articles) {
      expect(Object.keys(a)).toEqual([
        'source',
        'title',
        'outlet',
        'url',
        'published',
        'author',
        'quotes',
        'facts',
      ]);
      for (const q of a.quotes as Record<string, unknown>[]) {
        expect(Object.keys(q)).toEqual([
          'text',
          'speaker',
          'kind',
          'verb',
          'paragraph',
          'start',
          'end',
          'confidence',
          'evidence',
          'role',
        ]);
        expect(['direct', 'indirect']).toContain(q.kind);
        // The speaker's evidence is added to the contract (never renamed): a name is backed by some evidence.
        if (q.speaker !== null) expect(q.evidence).not.toBe('none');
      }
      for (const f of a.facts as Record<string, unknown>[])
        expect(Object.keys(f)).toEqual(['text', 'paragraph', 'start', 'end']);
    }
    const printout = out.articles[1] as {
      outlet: string;
      url: string;
      published: string;
      quotes: { text: string; speaker: string }[];
    };
    expect(printout.outlet).toBe('TechCrunch');
    expect(printout.published).toBe('2018-07-16');
    expect(printout.url).toContain('techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group');
    const plain = out.articles[0] as { quotes: { text: string; speaker: string }[] };
    expect(
      plain.quotes.some(
        (q) => q.speaker === 'Vladimir Putin' && q.text.includes('working group on cybersecurity'),
      ),
    ).toBe(true);
  });

  it('names a broken file on stderr, exits 1, and still prints the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-cli-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "title": ');
    const { code, stdout, stderr } = await runBin([
      'extract',
      broken,
      SEED_003,
      join(dir, 'missing.txt'),
      '--json',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(broken);
    expect(stderr).toContain(join(dir, 'missing.txt'));
    const out = JSON.parse(stdout) as { articles: { source: string }[] };
    expect(out.articles.map((a) => a.source)).toEqual([SEED_003]);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await runBin(['extract', SEED_003]);
    expect(code).toBe(0);
    expect(stdout).toContain(SEED_003);
    expect(stdout).toContain('Outlet:    TechCrunch');
    expect(stdout).toMatch(/Quotes \(\d+\):/);
  });
});

describe('newsroom search', () => {
  it('prints the contracted JSON with real results', async () => {
    const { code, stdout } = await runBin([
      'search',
      'putin working group',
      '--data',
      SEEDS,
      '--json',
      '--type',
      'quote',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { query: string; results: Record<string, unknown>[] };
    expect(out.query).toBe('putin working group');
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) {
      for (const key of ['type', 'text', 'speaker', 'confidence', 'score', 'article', 'citation', 'sources'])
        expect(r).toHaveProperty(key);
      expect(Object.keys(r.article as object)).toEqual(['title', 'outlet', 'url', 'published', 'source']);
      expect(r.type).toBe('quote');
    }
    const best = out.results[0] as { text: string; speaker: string; sources: { outlet: string | null }[] };
    expect(best.speaker).toBe('Vladimir Putin');
    expect(best.text.toLowerCase()).toContain('working group');
    expect(best.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('takes NEWSROOM_DATA and limits', async () => {
    const { code, stdout } = await runBin(['search', 'cyber', '--limit', '1', '--json'], {
      env: cleanEnv({ NEWSROOM_DATA: SEEDS }),
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { results: unknown[] }).results).toHaveLength(1);
  });

  it('rejects a bad --type or --limit with the usage and exit 2', async () => {
    const bad = await runBin(['search', 'x', '--type', 'quotes', '--data', SEEDS]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--type must be quote, fact or all');
    expect(bad.stdout).toBe('');
    const limit = await runBin(['search', 'x', '--limit', 'ten', '--data', SEEDS]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit must be a whole number');
  });
});

describe('newsroom extract (text)', () => {
  it('lists a paraphrase as one, never in quotation marks, and names speakers as the bot does', async () => {
    const { code, stdout } = await runBin(['extract', SEED_003]);
    expect(code).toBe(0);
    // (Whether Putin is named depends on the extractor's calibration; the paraphrase label does not.)
    expect(stdout).toMatch(
      /\[indirect, confidence [\d.]+\] Paraphrase[:(][^\n]*Russia favors continued cooperation/,
    );
    expect(stdout).not.toMatch(/“Russia favors/);
  });
});

describe('newsroom verify', () => {
  it('says exact for the published wording', async () => {
    const { code, stdout } = await runBin([
      'verify',
      'Any specific material, if such things arise, we are ready to analyze together',
      '--data',
      SEEDS,
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { verdict: string; matches: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['verdict', 'matches']);
    expect(out.verdict).toBe('exact');
    const m = out.matches[0] as { speaker: string; article: object; diff: unknown[] };
    expect(m.speaker).toBe('Vladimir Putin');
    expect(Object.keys(m.article)).toEqual(['title', 'outlet', 'url', 'published', 'source']);
    expect(Array.isArray(m.diff)).toBe(true);
  });

  it('says close for changed words and shows them in the diff', async () => {
    const { stdout } = await runBin([
      'verify',
      'Any specific material, if such things arise, we are willing to analyze together',
      '--data',
      SEEDS,
      '--json',
    ]);
    const out = JSON.parse(stdout) as {
      verdict: string;
      matches: { diff: { op: string; text: string }[] }[];
    };
    expect(out.verdict).toBe('close');
    const diff = out.matches[0]?.diff ?? [];
    expect(diff.some((p) => p.op === 'delete' && p.text.includes('willing'))).toBe(true);
    expect(diff.some((p) => p.op === 'insert' && p.text.includes('ready'))).toBe(true);
  });

  it('never says exact for a paraphrase: not_found, with the paraphrase flagged (fields added, none renamed)', async () => {
    const { code, stdout } = await runBin([
      'verify',
      'Russia favors continued cooperation in counter terrorism and maintaining cyber security',
      '--data',
      SEEDS,
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { verdict: string; matches: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['verdict', 'matches']);
    expect(out.verdict).toBe('not_found');
    expect(out.matches[0]).toMatchObject({ speaker: 'Vladimir Putin', kind: 'indirect', paraphrase: true });
    for (const key of ['text', 'speaker', 'role', 'article', 'diff', 'similarity', 'confidence'])
      expect(out.matches[0]).toHaveProperty(key);
    const text = await runBin([
      'verify',
      'Russia favors continued cooperation in counter terrorism and maintaining cyber security',
      '--data',
      SEEDS,
    ]);
    expect(text.stdout).toContain('Paraphrase: Vladimir Putin, Russian President, said Russia favors');
    expect(text.stdout).not.toMatch(/[“"]Russia favors/);
  });

  it('says not_found for an invented quote', async () => {
    const { stdout } = await runBin([
      'verify',
      'The penguins will run the central bank by Tuesday',
      '--data',
      SEEDS,
      '--json',
    ]);
    expect(JSON.parse(stdout)).toEqual({ verdict: 'not_found', matches: [] });
  });
});

describe('newsroom ask, help and usage errors', () => {
  it('answers one command and exits 0', async () => {
    const { code, stdout } = await runBin(['ask', '/quote putin working group', '--data', SEEDS]);
    expect(code).toBe(0);
    expect(stdout).toContain('Quote: putin working group');
    expect(stdout).toContain('Vladimir Putin');
    expect(stdout).toContain('TechCrunch');
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints the usage for --help', async () => {
    const { code, stdout } = await runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: newsroom <command>');
  });

  it('exits 2 with the usage on an unknown subcommand or flag', async () => {
    const sub = await runBin(['frobnicate']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('unknown command "frobnicate"');
    expect(sub.stderr).toContain('Usage: newsroom');
    const flag = await runBin(['search', 'x', '--colour']);
    expect(flag.code).toBe(2);
    // Said plainly, with what the command takes; no half-quoted advice from Node's parser.
    expect(flag.stderr).toContain('newsroom: search has no option --colour (it takes --json, --type VALUE');
    expect(flag.stderr).not.toContain('\'-- "');
    expect(flag.stdout).toBe('');
  });

  it('takes --data before or after the subcommand, and prints --version', async () => {
    const before = await runBin(['--data', SEEDS, 'ask', '/sources']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('2 articles');
    const after = await runBin(['ask', '/sources', `--data=${SEEDS}`]);
    expect(after.stdout).toBe(before.stdout);
    const version = await runBin(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^newsroom \d+\.\d+\.\d+$/);
  });

  it('warns on stderr about files it could not read, keeping stdout clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-data-'));
    writeFileSync(join(dir, 'bad.json'), '[oops');
    writeFileSync(
      join(dir, 'ok.md'),
      '---\ntitle: Budget vote\noutlet: Daily Planet\n---\n"We will vote on Monday," Mayor Ana Ruiz said.\n',
    );
    const { code, stdout, stderr } = await runBin(['search', 'vote monday', '--data', dir, '--json']);
    expect(code).toBe(0);
    expect(stderr).toContain('warning:');
    expect(stderr).toContain('bad.json');
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});
