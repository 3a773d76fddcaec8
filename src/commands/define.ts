/** `defineCommand` keeps each command's args type tied to its schema while the registry holds them uniformly. */
import type { CommandDefinition } from './types.ts';

/** Identity at runtime; at compile time it checks `run` against the schema's output type. */
export function defineCommand<A extends Record<string, unknown>>(
  def: CommandDefinition<A>,
): CommandDefinition {
  return def as unknown as CommandDefinition;
}

/** Characters a query may hold at most: longer text is not a search, it is a paste gone wrong. */
export const MAX_QUERY_LENGTH = 500;
/** /verify takes a whole quote, which can be long. */
export const MAX_VERIFY_LENGTH = 2000;
export const MAX_NAME_LENGTH = 100;
/** Results per page for /quote and /fact: the best one in full and four more, compact. */
export const PAGE_SIZE = 5;
/** Articles per page for /sources. */
export const SOURCES_PAGE_SIZE = 10;
