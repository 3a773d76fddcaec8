/**
 * Text cleaning shared by every format. Cleaning only removes or replaces characters one for one (plus Unicode NFC,
 * and mis-decoded UTF-8 decoded back, which only shortens), so it can never grow text beyond what NFC itself
 * allows; curly quotes and dashes are kept as written because quote extraction and verification depend on them.
 */

import { repairMojibake } from './mojibake.ts';

// Invisible characters that split words for search without being visible: zero-width space/joiners,
// word joiner, BOM, soft hyphen, bidi marks and embeddings, and the Mongolian vowel separator.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Every horizontal space that is not a plain space: tab, NBSP, the typographic spaces, ideographic space.
const ODD_SPACE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// C0/C1 control characters other than the newline (carriage returns are handled first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing stray control characters is the point.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * Normalises text while keeping its line structure: NFC, CRLF/CR and Unicode line separators to
 * `\n`, invisible characters removed, every odd space to one plain space, spaces collapsed and
 * trimmed on each line.
 */
export function cleanText(text: string): string {
  return repairMojibake(text.normalize('NFC'))
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Cleans text into a single line: like cleanText, with line breaks turned into spaces. */
export function cleanInline(text: string): string {
  return cleanText(text).replace(/\n+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A cleaned non-empty single-line string, or null. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = cleanInline(value);
  return s === '' ? null : s;
}

// Dashes other than the hyphen are left alone: some languages open dialogue and quotes with them.
const BULLET = /^(?:[-*+•◦▪‣]|\d{1,3}[.)])\s+/;

/** Removes a list marker (`- `, `* `, `• `, `1. `) from the start of a line. */
export function stripBullet(line: string): string {
  return line.replace(BULLET, '');
}

/** Compares titles ignoring case, punctuation and spacing (a heading that repeats the title). */
export function sameTitle(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const key = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}
