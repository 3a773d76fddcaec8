/**
 * Child of kill.test.ts: adds articles, printing `ack N` once article N is kept and `rolling N` once the rolling
 * article is rewritten to version N. From version 10 on, the rewrite stops between writing the new file and putting
 * it in place (`committing rolling N`) and waits there for the SIGKILL.
 */
import { ArticleLibrary } from '../../src/fetch/library.ts';

const dir = process.argv[2] ?? '';
let version = 0;
const library = new ArticleLibrary({
  dataDir: dir,
  beforeCommit: async (path) => {
    if (!path.includes('rolling') || version < 10) return;
    process.stdout.write(`committing rolling ${version}\n`);
    await new Promise(() => {});
  },
});
const filler = 'The harbour board met again on Tuesday to discuss the schedule for the new cranes. '.repeat(
  2000,
);

for (let i = 1; ; i++) {
  const text = `Story number ${i}\n\n"Quote number ${i} is the one we have been waiting for all along," said Ana Silva.\n\n${filler}\n`;
  await library.addText(text, 'txt', { requested: `item-${i}.txt`, fetched: null }, 'test');
  process.stdout.write(`ack ${i}\n`);
  version = i;
  const rolling = `Rolling story\n\n"This is version ${i} of the rolling story and it keeps changing," said Tom Baker.\n\n${filler}\n`;
  await library.addText(rolling, 'txt', { requested: 'rolling.txt', fetched: null }, 'test');
  process.stdout.write(`rolling ${i}\n`);
}
