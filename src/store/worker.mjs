// Worker-thread entry for the store's jobs (src/store/jobs.ts). Plain JavaScript so the thread needs no loader
// flags of its own: like bin/newsroom.mjs it registers tsx, then loads the TypeScript code.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
import { lowerThisThread } from '../thread-priority.mjs';

// Below the answering thread: on a busy machine a reload must not take the core an answer needs.
lowerThisThread();

register();
const jobs = await import('./jobs.ts');
const { transferList, withPhraseText } = await import('../search/packed.ts');
const { kind, job } = workerData;
if (kind === 'load') {
  const loaded = await jobs.runLoad(job);
  // The phrase text is made here (not on the answering thread), and the packed corpus and index are moved, not
  // copied.
  const out = { ...loaded, packed: withPhraseText(loaded.packed) };
  parentPort?.postMessage(out, transferList(out.packed));
} else {
  parentPort?.postMessage({ reextracted: await jobs.runReextract(job) });
}
