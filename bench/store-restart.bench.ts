/**
 * Restart times with and without the corpus store (issue 13), each in a fresh process as a user meets them:
 * - `newsroom search` over a folder (the CLI loads the whole corpus, then answers one query), and
 * - `newsroom start` (console) until its first answer is printed,
 * without a store (NEWSROOM_STORE=memory: every file read and extracted, as before the store), with a store the
 * first time (everything extracted and stored), and with a store over the unchanged corpus (the restart).
 * `--synthetic N` also builds N synthetic articles (bench/synth.ts, 10 quotes each), stores them with their
 * synthetic quotes as the extraction, and times restarts over them.
 *
 *   node --import tsx bench/store-restart.bench.ts [--real DIR] [--synthetic N [--keep]] [--runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { synthStore } from './synth-store.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsroom.mjs');

const { values } = parseArgs({
  options: {
    real: { type: 'string' },
    synthetic: { type: 'string' },
    runs: { type: 'string', default: '3' },
    query: { type: 'string', default: 'working group on cyber security' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);

/** Runs the bin; resolves with wall-clock ms until `until` is seen on stdout (or the exit). */
function timed(args: string[], env: Record<string, string>, input?: string, until?: string): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let at: number | null = null;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (until && at === null && out.includes(until)) at = performance.now() - start;
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`exit ${code}: ${err.slice(-500)}`));
      else done(Math.round(at ?? performance.now() - start));
    });
    child.stdin.end(input ?? '');
  });
}

async function series(label: string, fn: () => Promise<number>, n: number): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await fn());
  console.log(`${label.padEnd(58)} ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join('  ')}`);
}

async function measure(dir: string, query: string, cache: string): Promise<void> {
  const search = (env: Record<string, string>) => () => timed(['search', query, '--data', dir], env);
  const console1 = (env: Record<string, string>) => () =>
    timed(['start', '--data', dir], env, `/quote ${query}\n`, 'Quote: ');
  const memory = { NEWSROOM_STORE: 'memory' };
  const store = { NEWSROOM_CACHE: cache };
  await series('search, no store (as before)', search(memory), Math.min(runs, 2));
  await series('search, store, first run (extract + store + snapshot)', search(store), 1);
  await series('search, store, unchanged corpus (restart)', search(store), runs);
  await series('start (console) to first answer, no store', console1(memory), Math.min(runs, 2));
  await series('start (console) to first answer, store, unchanged corpus', console1(store), runs);
}

if (values.real) {
  const cache = mkdtempSync(join(tmpdir(), 'newsroom-bench-cache-'));
  console.log(`real articles in ${values.real}`);
  await measure(resolve(values.real), values.query as string, cache);
  rmSync(cache, { recursive: true, force: true });
}

if (values.synthetic) {
  const n = Number(values.synthetic);
  const { dir, storeFile, corpus, seconds } = await synthStore(n);
  const cache = join(dir, '.cache');
  console.log(`${n} synthetic articles (${n * 10} quotes) stored in ${seconds.toFixed(1)} s`);
  const env = { NEWSROOM_STORE: storeFile, NEWSROOM_CACHE: cache };
  const q = corpus.articles[7]?.quotes[0]?.text.split(' ').slice(0, 5).join(' ') ?? 'government';
  await series(
    'search, first restart (builds the snapshot)',
    () => timed(['search', q, '--data', dir], env),
    1,
  );
  await series(
    'search, restart over the unchanged corpus',
    () => timed(['search', q, '--data', dir], env),
    runs,
  );
  if (values.keep) console.log(`kept ${dir} (store and snapshot in ${cache})`);
  else rmSync(dir, { recursive: true, force: true });
}
