/**
 * The console adapter behind the platform-neutral contract interface (test/adapters/contract-types.ts). It drives
 * the real runConsole over in-memory streams, non-interactive and without colour, exactly as a piped session:
 * one typed line in, one rendered answer out. The console has no buttons; its "More results" is typing `more`.
 */
import { PassThrough } from 'node:stream';
import { runConsole } from '../../adapters/console/index.ts';
import { ActionStore, commands } from '../../src/commands/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import type { ContractAdapter, ContractAnswer, ContractButton, ContractSession } from './contract-types.ts';

/** The hint renderConsole prints where chat platforms show a More button. */
const MORE_HINT = 'Type "more" for the next page.';

function toAnswer(printed: string): ContractAnswer {
  const text = printed.trimEnd();
  return {
    text,
    // A terminal has nothing but the text itself.
    fallback: text,
    buttons: text.includes(MORE_HINT) ? [{ kind: 'more', value: 'more' }] : [],
    // No channel, no audience: the capability is declared absent rather than faked.
    private: false,
  };
}

async function session(engine: SearchEngine): Promise<ContractSession> {
  const input = new PassThrough();
  // Object mode on the reading side keeps each write (one whole answer) as its own chunk.
  const output = new PassThrough({ readableObjectMode: true });
  const printed: string[] = [];
  const waiting: ((s: string) => void)[] = [];
  output.on('data', (chunk: Buffer | string) => {
    const s = String(chunk);
    const next = waiting.shift();
    if (next) next(s);
    else printed.push(s);
  });
  let failure: unknown = null;
  const done = runConsole({
    engine: () => engine,
    actions: new ActionStore(),
    input,
    output,
    color: false,
    interactive: false,
  }).catch((e: unknown) => {
    failure = e;
  });

  const type = async (line: string): Promise<ContractAnswer> => {
    if (failure) throw failure;
    const answer = new Promise<string>((resolve) => {
      const ready = printed.shift();
      if (ready !== undefined) resolve(ready);
      else waiting.push(resolve);
    });
    input.write(`${line}\n`);
    return toAnswer(await answer);
  };

  return {
    ask: (line) => type(line),
    press: (button: ContractButton) => {
      if (button.kind !== 'more') throw new Error(`the console has no ${button.kind} button`);
      return type(button.value);
    },
    close: async () => {
      input.end();
      await done;
      output.destroy();
    },
  };
}

/** The console adapter for the shared contract suite: no Share button, no private replies. */
export const consoleContract: ContractAdapter = {
  name: 'console',
  capabilities: { share: false, privateReplies: false },
  // The console answers every name and alias findCommand knows.
  registered: () => commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]),
  start: async (engine) => session(engine),
};
