// Worker-thread entry for loadPackedInWorker (src/corpus-thread.ts). Plain JavaScript so the thread needs no loader
// flags of its own: like bin/newsroom.mjs it registers tsx, then loads the TypeScript corpus code.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
import { lowerThisThread } from './thread-priority.mjs';

// Below the answering thread: on a busy machine a reload must not take the core an answer needs.
lowerThisThread();

register();
const { loadCorpus } = await import('./corpus.ts');
const { buildIndex } = await import('./search/build.ts');
const { pack, transferList, withPhraseText } = await import('./search/packed.ts');
const corpus = await loadCorpus(workerData.dataDir);
// The index is built here too, and its phrase text, and corpus and index are moved to the caller as buffers, not
// copied.
const packed = withPhraseText(pack(corpus, buildIndex(corpus)));
parentPort?.postMessage(packed, transferList(packed));
