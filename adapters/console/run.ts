/**
 * The console bot: slash commands typed in a terminal, or piped one per line. It drives the same
 * executeCommand every chat adapter calls and renders with renderConsole.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ActionStore } from '../../src/commands/actions.ts';
import { type CommandLogger, executeAction, executeCommand } from '../../src/commands/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import { renderConsole } from './render.ts';

export const PROMPT = 'newsroom> ';
/** Lines kept for the up arrow in an interactive session. */
const HISTORY_SIZE = 200;

export interface ConsoleOptions {
  /** Always the current engine: a reload swaps it between commands. */
  engine: () => SearchEngine;
  actions: ActionStore;
  input: Readable;
  output: Writable;
  color: boolean;
  /** A person at a terminal: prompt, history, help on start. Otherwise one command per line until end of input. */
  interactive: boolean;
  logger?: CommandLogger;
  /** The terminal's log sink: its lines are printed above the prompt, which is then drawn again. */
  log?: { around: (print: () => void) => void };
  /** Terminal width to wrap answers to (read per answer: the window can be resized); none for pipes. */
  width?: () => number;
}

/** `/quote putin speaker:putin` -> { command: 'quote', text: 'putin speaker:putin' }; the slash is optional. */
export function splitCommandLine(line: string): { command: string; text: string } {
  const trimmed = line.trim().replace(/^\/+/, '');
  const space = trimmed.search(/\s/);
  if (space === -1) return { command: trimmed, text: '' };
  return { command: trimmed.slice(0, space), text: trimmed.slice(space + 1) };
}

/** Runs until end of input (or `quit`). Resolves when done; never rejects on a bad command. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output, color, interactive, actions } = options;
  const rl = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: interactive ? HISTORY_SIZE : 0,
    prompt: PROMPT,
  });
  const write = (text: string) => output.write(`${text}\n\n`);
  const render = (reply: Parameters<typeof renderConsole>[0]) =>
    renderConsole(reply, { color, ...(options.width ? { width: options.width() } : {}) });
  // While the prompt waits, a log line clears the prompt's line, prints, and draws the prompt (and whatever was
  // typed so far) again below it; while an answer is being written, it just prints.
  let atPrompt = false;
  const prompt = () => {
    atPrompt = true;
    rl.prompt();
  };
  if (interactive && options.log) {
    options.log.around = (print) => {
      if (!atPrompt) {
        print();
        return;
      }
      output.write('\r\u001b[2K');
      print();
      rl.prompt(true);
    };
  }
  const env = () => ({
    engine: options.engine(),
    actions,
    platform: 'console' as const,
    user: { id: 'console', name: 'console' },
    logger: options.logger,
  });
  let moreId: string | null = null;
  /** The last command line answered, to say what `more` has nothing more of. */
  let last: string | null = null;

  const answer = async (line: string): Promise<void> => {
    const trimmed = line.trim();
    if (trimmed.toLowerCase() === 'more' || trimmed.toLowerCase() === '/more') {
      if (!moreId) {
        write(
          last
            ? `Nothing more to show: “${last}” fit on one page, or that was its last page.`
            : 'Nothing more to show yet: "more" pages through the results of a command such as /quote putin.',
        );
        return;
      }
      const outcome = await executeAction(moreId, env());
      moreId = outcome.reply.actions.find((a) => a.kind === 'more')?.id ?? null;
      write(render(outcome.reply));
      return;
    }
    const { command, text } = splitCommandLine(trimmed);
    last = `/${command}${text ? ` ${text}` : ''}`;
    const reply = await executeCommand({ command, text }, env());
    moreId = reply.actions.find((a) => a.kind === 'more')?.id ?? null;
    write(render(reply));
  };

  // Without a listener, readline only pauses on Ctrl+C and the loop below would wait forever.
  rl.on('SIGINT', () => {
    output.write('\n');
    rl.close();
  });
  if (interactive) {
    const help = await executeCommand({ command: 'help' }, env());
    write(render(help));
    output.write('Type a command (the slash is optional), "more" for the next page, "quit" to leave.\n\n');
    prompt();
  }
  for await (const line of rl) {
    atPrompt = false;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (interactive) prompt();
      continue;
    }
    if (/^(quit|exit|\/quit|\/exit)$/i.test(trimmed)) break;
    await answer(trimmed);
    if (interactive) prompt();
  }
  atPrompt = false;
  if (options.log) options.log.around = (print) => print();
  rl.close();
}
