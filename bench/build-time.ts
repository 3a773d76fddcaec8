/**
 * The index build alone, over the synthetic corpus of `npm run bench`: N builds in one process, each reported as
 * wall and CPU milliseconds (process.cpuUsage(): user + system, less noisy than wall on a shared machine), and the
 * heap the index holds after it (JS heap plus external memory, after gc, as the bench counts it).
 *
 *   node --expose-gc --import tsx bench/build-time.ts --size 1e6 --runs 3
 *   node --expose-gc --import tsx bench/build-time.ts --size 1e5 --runs 5 --root /path/to/other/worktree
 *
 * `--root` builds with another checkout's src/search/build.ts over this checkout's corpus generator (before/after
 * comparisons). Prints one JSON line per build on stdout.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { heapNow } from './measure.ts';
import { synthCorpus } from './synth.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const size = Math.round(Number(arg('size') ?? 1e6));
const runs = Number(arg('runs') ?? 3);
const root = arg('root');
const label = arg('label') ?? (root ? root : 'here');
const url = root
  ? pathToFileURL(`${root}/src/search/build.ts`).href
  : new URL('../src/search/build.ts', import.meta.url).href;
const { buildIndex } = (await import(url)) as typeof import('../src/search/build.ts');

const corpus = synthCorpus({ quotes: size, seed: 42 });
for (let r = 0; r < runs; r++) {
  const before = await heapNow();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let index: unknown = buildIndex(corpus);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const heap = ((await heapNow()) - before) / 1e6;
  const line = {
    label,
    size,
    run: r,
    wall_ms: Math.round(wall),
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    heap_mb: Math.round(heap * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  index = null;
  void index;
}
