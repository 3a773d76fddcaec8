/**
 * A snapshot is the same bytes whenever it is built over the same corpus. Whether V8 runs the index build in its
 * interpreter or as optimized code depends on timing (a concurrent compilation finishing, under load, before or
 * after a build), and optimized code makes some arrays in another internal form ("holey"), which V8's serializer
 * writes element by element with their indexes: a snapshot rebuilt over the same corpus came out longer
 * (test/store/store.test.ts, under CPU load). Here the two are forced, not left to timing.
 *
 * A file of its own: the build must start cold, in a process that has not yet run it often enough to optimize it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../bench/synth.ts';
import { buildIndex } from '../../src/search/build.ts';
import { ARRAY_NAMES, type PackedIndex, pack, transferList } from '../../src/search/packed.ts';
import { readSnapshot, writeSnapshot } from '../../src/store/snapshot.ts';
import { sampleCorpus } from '../search/fixtures.ts';

/** Every byte a packed index writes to a snapshot file, in order. */
function bytesOf(p: PackedIndex): Buffer {
  return Buffer.concat([
    ...p.meta,
    ...p.chunks,
    ...ARRAY_NAMES.map((name) => new Uint8Array(p.arrays[name].buffer, 0, p.arrays[name].byteLength)),
  ]);
}

/** V8's own functions (`%OptimizeFunctionOnNextCall`...), enabled for this process. */
function natives() {
  setFlagsFromString('--allow-natives-syntax');
  const call = (name: string) => new Function('f', `return %${name}(f)`) as (f: unknown) => number;
  return {
    prepare: call('PrepareFunctionForOptimization'),
    optimize: call('OptimizeFunctionOnNextCall'),
    /** Optimization status bits; 16: runs as optimized code. */
    status: call('GetOptimizationStatus'),
  };
}
const OPTIMIZED = 16;

describe('snapshot bytes', () => {
  it('an index built by optimized code packs to the bytes of one built by the interpreter', () => {
    const corpus = sampleCorpus();
    const v8 = natives();
    v8.prepare(buildIndex);
    const cold = bytesOf(pack(corpus, buildIndex(corpus)));
    expect(v8.status(buildIndex) & OPTIMIZED).toBe(0);
    buildIndex(corpus);
    v8.optimize(buildIndex);
    const optimized = bytesOf(pack(corpus, buildIndex(corpus)));
    expect(v8.status(buildIndex) & OPTIMIZED).toBe(OPTIMIZED);
    expect(optimized.byteLength).toBe(cold.byteLength);
    expect(optimized.equals(cold)).toBe(true);
  });

  it('a snapshot file reads back as the bytes packed, in two buffers (meta part and chunks; arrays)', () => {
    const corpus = synthCorpus({ quotes: 3000, quotesPerArticle: 10, seed: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-snapbytes-'));
    try {
      const file = join(dir, 'index.snapshot');
      const packed = pack(corpus, buildIndex(corpus));
      writeSnapshot(file, 'k', packed);
      const read = readSnapshot(file, 'k');
      if (!read) throw new Error('not read back');
      expect(read.chunks.length).toBeGreaterThan(2);
      expect(bytesOf(read).equals(bytesOf(packed))).toBe(true);
      expect([...read.meta, ...read.chunks].every((c) => c.buffer === read.meta[0]?.buffer)).toBe(true);
      expect(transferList(read).length).toBe(2);
      // Written again from what was read: the same file.
      const again = join(dir, 'again.snapshot');
      writeSnapshot(again, 'k', read);
      expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
