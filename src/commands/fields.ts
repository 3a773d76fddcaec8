/** zod fields shared by the command schemas; their messages are what the user reads. */
import { z } from 'zod';
import { MAX_NAME_LENGTH, MAX_QUERY_LENGTH } from './define.ts';

/** A required search query; empty means "show the usage". */
export function queryField(what: string, max = MAX_QUERY_LENGTH) {
  return z
    .string({ error: `Tell me what to look for: ${what}.` })
    .trim()
    .min(1, { error: `Tell me what to look for: ${what}.` })
    .max(max, {
      error: (issue) =>
        `That is too long: keep it under ${max} characters (got ${String((issue.input as string | undefined)?.length ?? 'more')}).`,
    });
}

export const speakerField = z
  .string()
  .trim()
  .max(MAX_NAME_LENGTH, { error: `A speaker name is at most ${MAX_NAME_LENGTH} characters.` })
  .optional()
  .transform((v) => (v ? v : undefined));
