/**
 * Text that was UTF-8 but was read as Latin-1 or Windows-1252 somewhere before it reached us (`SarukhÃ¡n`,
 * `Ã¢â‚¬â„¢`), once or twice over, is decoded back (`Sarukhán`, `’`). Only runs that decode to valid UTF-8 made of
 * Latin letters and punctuation change, so real text in those ranges (`Ü”`, `ñá`) is left as written.
 */

/** Windows-1252's characters in 0x80-0x9F, which Latin-1 leaves to control codes. */
const CP1252 = new Map<string, number>(
  [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((ch, i) => [
    ch,
    [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94,
      0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ][i] as number,
  ]),
);
const HIGH = '\\u0080-\\u00FF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** A lead byte of Latin text's two- and three-byte sequences (`Â`, `Ã` for Latin-1's letters, `â` for
 * punctuation; `Ä`, `Å` for the rest of Latin only before a Latin-1 continuation byte) and its continuation byte. */
const SUSPECT = /[ÂÃâ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|[ÄÅ][\u0080-\u00BF]/;
const RUN = new RegExp(`[${HIGH}]{2,}`, 'g');
/** What a repaired run may hold: Latin-1 and Latin Extended-A letters, general punctuation, `€` and `™`. */
const PLAUSIBLE = /^[\u00A0-\u017F\u2000-\u206F\u20AC\u2122]+$/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function bytesOf(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252.get(s[i] as string);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/** Decodes mis-decoded UTF-8 back (up to three layers deep); text without such runs is returned as is. */
export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(RUN, (run) => {
    let s = run;
    for (let layer = 0; layer < 3 && SUSPECT.test(s); layer++) {
      const bytes = bytesOf(s);
      if (!bytes) break;
      let decoded: string;
      try {
        decoded = utf8.decode(bytes);
      } catch {
        break;
      }
      if (!PLAUSIBLE.test(decoded)) break;
      s = decoded;
    }
    return s;
  });
}
