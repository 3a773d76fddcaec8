/**
 * Party and state tags after a name (`Rep. John Mica (R-Fla.)`, `Sen. Jane Doe, D-N.C.,`, `Peter King, Republican of
 * New York,`). They describe the person; they are never the speaker. The tokenizer reads a masked copy of the
 * paragraph in which each tag is blanked out (offsets unchanged), and the tag is kept to join the speaker's role.
 */

/** A tag found in a paragraph: its range in the text and the tag as written (`R-Fla.`). */
export interface PartyTag {
  start: number;
  end: number;
  tag: string;
}

/** `D-N.C.`, `R-Fla.`, `I-Vt.`, `R-Ohio`, `D-N.Y`, `R-Texas`, `D-Calif.`: a party letter, a hyphen, a state. */
const STATE = String.raw`(?:[A-Z]\.){1,2}[A-Z]?\.?|[A-Z]{2}(?![a-z])|[A-Z][a-z]{1,9}\.?(?:\s[A-Z][a-z]{1,9}\.?)?`;
const PARTY = `(?:[DRI]|Ind|Dem|Rep)-(?:${STATE})`;
/** `(R-Fla.)`, `(D)`, or the state alone: `Sen. Ted Cruz (Tex.)`, `(N.Y.)`; a comma may follow. */
const PAREN = new RegExp(String.raw`\s?\((${PARTY}|[DRI]|[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2})\)([,:;]?)`, 'g');
/** `, D-N.C.,` or `, Republican of New York,`, closed by a comma or the end of the clause. */
const COMMA = new RegExp(
  String.raw`,\s(${PARTY}|(?:Republican|Democrat|Independent|Democratic-Farmer-Labor)\sof\s(?:[A-Z][\w.]*\s?){1,3}?)(,|(?=\s(?:said|says|told|added|wrote)\b))`,
  'g',
);

/** The paragraph with tags blanked out (same length), and the tags found. */
export function maskTags(raw: string): { masked: string; tags: PartyTag[] } {
  // `audiences,"Katie Packer ... said`: a closing mark glued to the next word would make one token of two.
  // `Trump said.Trump claimed`: a full stop with no space after it (a lower-case letter before, a capital after).
  const text = raw
    .replace(/([,.?!])(["”])(?=\p{Lu})/gu, '$1 ')
    .replace(/(\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu, '$1 ');
  if (!/[DRI]-[A-Z]|\([DRI]\)|\([A-Z][a-z]{0,5}\.|(?:Republican|Democrat|Independent) of /.test(text))
    return { masked: text, tags: [] };
  const tags: PartyTag[] = [];
  let masked = text.replace(PAREN, (m, tag: string, punct: string, at: number) => {
    tags.push({ start: at, end: at + m.length, tag });
    // Keep a following comma or colon right after the name (`Gowdy (R-S.C.):"..."`, `Mica (R-Fla.), a member`),
    // so what follows the tag still reads as it would after the name.
    return punct ? `${punct}${' '.repeat(m.length - 1)}` : ' '.repeat(m.length);
  });
  masked = masked.replace(COMMA, (m, tag: string, closer: string, at: number) => {
    tags.push({ start: at, end: at + m.length, tag: tag.trim() });
    // `Doe, D-N.C., said`: nothing left between name and verb. `Doe, D-N.C., a member of ...`: the comma stays.
    const rest = masked.slice(at + m.length);
    const keepComma = closer === ',' && !/^\s+(said|says|told|added|wrote|asked)\b/.test(rest);
    return keepComma ? `,${' '.repeat(m.length - 1)}` : ' '.repeat(m.length);
  });
  tags.sort((a, b) => a.start - b.start);
  return { masked, tags };
}

/** The tag that follows a name ending at `end` (only spaces or a comma between), or null. */
export function tagAfter(tags: readonly PartyTag[], end: number): PartyTag | null {
  for (const t of tags) if (t.start >= end && t.start <= end + 2) return t;
  return null;
}
