// Worker-thread entry for the store's jobs (src/store/jobs.ts). Plain JavaScript so the thread needs no loader
// flags of its own: like bin/newsroom.mjs it registers tsx, then loads the TypeScript code.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const jobs = await import('./jobs.ts');
const { kind, job } = workerData;
if (kind === 'load') {
  const out = await jobs.runLoad(job);
  // The snapshot bytes are moved, not copied.
  const bytes =
    out.bytes.byteOffset === 0 && out.bytes.byteLength === out.bytes.buffer.byteLength
      ? out.bytes
      : out.bytes.slice();
  parentPort?.postMessage({ ...out, bytes }, [bytes.buffer]);
} else {
  parentPort?.postMessage({ reextracted: await jobs.runReextract(job) });
}
