import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadPackedInWorker } from '../../src/corpus-thread.ts';
import { lowerThisThread, WORKER_NICENESS } from '../../src/thread-priority.mjs';

/** The niceness of every thread of this process (field 19 of /proc/self/task/TID/stat), by thread id. */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

describe.runIf(process.platform === 'linux')('reload workers run below the answering thread', () => {
  it('lowers only the calling thread, never the process', async () => {
    const before = getPriority(process.pid);
    const url = new URL('../../src/thread-priority.mjs', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(url)}).then((m) => require('node:worker_threads').parentPort.postMessage(m.lowerThisThread()))`,
      { eval: true },
    );
    const inWorker = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(inWorker).toBe(Math.max(WORKER_NICENESS, before));
    // The main thread (the process's id) answers at the priority it had.
    expect(getPriority(process.pid)).toBe(before);
    expect(threadNiceness().get(process.pid)).toBe(before);
  });

  it('never raises a thread that is already lower', async () => {
    const url = new URL('../../src/thread-priority.mjs', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(url)}).then((m) => { m.lowerThisThread(15); require('node:worker_threads').parentPort.postMessage(m.lowerThisThread(5)); })`,
      { eval: true },
    );
    const after = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(after).toBe(15);
    expect(lowerThisThread).toBeTypeOf('function');
  });

  it('the corpus worker of a reload runs lowered while it works', async () => {
    const before = getPriority(process.pid);
    const seen = new Set<number>();
    const poll = setInterval(() => {
      for (const [tid, nice] of threadNiceness()) if (tid !== process.pid && nice > before) seen.add(nice);
    }, 2);
    try {
      const packed = await loadPackedInWorker('data/articles');
      expect(packed.chunks.length).toBeGreaterThan(0);
    } finally {
      clearInterval(poll);
    }
    expect([...seen]).toContain(Math.max(WORKER_NICENESS, before));
  });
});
