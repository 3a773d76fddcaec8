/** Platform-neutral commands: defined once as data plus a function; every adapter drives the same objects. */
import type { z } from 'zod';
import type { Reply } from '../reply/types.ts';
import type { SearchEngine } from '../search/types.ts';
import type { ActionStore } from './actions.ts';

export type Platform = 'slack' | 'discord' | 'console';

/** One option of a command. In text form (Slack, console) the option named by `CommandDefinition.rest`
 * takes the free text and the others are written `name:value` (value may be "quoted"). Discord gets typed options. */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Fixed choices (Discord shows them as a picker). */
  choices?: readonly string[];
  /** Discord autocomplete (speaker names). */
  autocomplete?: boolean;
  maxLength?: number;
}

export interface CommandUser {
  id: string;
  name: string | null;
  /** Discord: the member's role IDs in the server (NEWSROOM_EDITORS may name roles). */
  roles?: readonly string[];
}

export interface CommandContext<A> {
  args: A;
  engine: SearchEngine;
  /** 1-based page for paged results. */
  page: number;
  platform: Platform;
  user: CommandUser | null;
  /** Where the reply's buttons store their invocation. */
  actions: ActionStore;
  /** Set when sharing one result: its 0-based index on the page; the reply then holds that result alone. */
  result?: number;
}

export interface CommandDefinition<A = Record<string, unknown>> {
  /** Slash name without the slash: quote, fact, cite, verify, sources, help. */
  name: string;
  /** Other names that run this command (`newsroom` for help). */
  aliases?: readonly string[];
  /** One line for command pickers (Discord: at most 100 characters). */
  description: string;
  /** e.g. `/quote QUERY [speaker:NAME]` */
  usage: string;
  /** e.g. `/quote putin working group` */
  examples: readonly string[];
  options: readonly CommandOption[];
  /** Which option takes the free text in text form, if any. */
  rest?: string;
  /** Validates the args object built by any adapter. */
  schema: z.ZodType<A>;
  run(ctx: CommandContext<A>): Reply | Promise<Reply>;
}
