/** Turning typed text (Slack, console) into an args object: free text for `rest`, `name:value` for the rest. */
import type { CommandDefinition } from './types.ts';

// Control and format characters (zero-width spaces, BOM, bidi overrides) are invisible and never meant;
// the zero-width joiner stays because emoji sequences need it.
const INVISIBLE = /(?!\u200D)[\p{Cc}\p{Cf}]/gu;

/** NFC, invisible characters removed, runs of white space (including no-break spaces) made one space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').replace(INVISIBLE, '').trim();
}

/**
 * `putin working group speaker:putin` -> `{ query: 'putin working group', speaker: 'putin' }`.
 * Only the command's own option names are taken out (case-insensitive); other `x:y` words (the search's
 * `outlet:`, `after:` filters) stay in the free text. Values may be quoted with straight or curly marks.
 */
export function parseCommandText(def: CommandDefinition, text: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const named = def.options.filter((o) => o.name !== def.rest).map((o) => o.name.toLowerCase());
  let rest = cleanText(text);
  if (named.length > 0) {
    const re = new RegExp(`(^|\\s)(${named.join('|')}):(?:"([^"]*)"|“([^”]*)”|'([^']*)'|(\\S*))`, 'gi');
    rest = rest.replace(
      re,
      (_all, lead: string, name: string, q1?: string, q2?: string, q3?: string, bare?: string) => {
        const value = q1 ?? q2 ?? q3 ?? bare ?? '';
        const key = def.options.find((o) => o.name.toLowerCase() === name.toLowerCase())?.name ?? name;
        // A blank `speaker:` means "no filter", not an empty speaker.
        if (value.trim() !== '') args[key] = cleanText(value);
        return lead;
      },
    );
  }
  if (def.rest) args[def.rest] = cleanText(rest);
  return args;
}
