// Worker-thread entry for loadCorpusInWorker (src/corpus-thread.ts). Plain JavaScript so the thread needs no loader
// flags of its own: like bin/newsroom.mjs it registers tsx, then loads the TypeScript corpus code.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { loadCorpus } = await import('./corpus.ts');
parentPort?.postMessage(await loadCorpus(workerData.dataDir));
