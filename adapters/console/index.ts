/** The console adapter: the default bot when no chat credentials are set. */

export { type ConsoleRenderOptions, renderConsole, sanitize, wantsColor } from './render.ts';
export { type ConsoleOptions, PROMPT, runConsole, splitCommandLine } from './run.ts';
