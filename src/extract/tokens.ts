/** Whitespace tokens with offsets, their punctuation peeled off: the unit every attribution rule works on. */

/** One word of a paragraph. `start`/`end` cover `word` only (not the peeled punctuation). */
export interface Token {
  /** The word without surrounding quotes, brackets and sentence punctuation (abbreviation dots kept). */
  word: string;
  lower: string;
  start: number;
  end: number;
  /** Punctuation peeled from the front (quotes, brackets). */
  lead: string;
  /** Punctuation peeled from the back (`,`, `.`, closing quotes, `'s` is reported by `possessive`). */
  trail: string;
  possessive: boolean;
}

/** Dotted forms that keep their final dot: abbreviations and initials. */
const KEEP_DOT =
  /^(?:mr|mrs|ms|mx|dr|st|jr|sr|sen|rep|gov|gen|lt|col|capt|sgt|prof|rev|det|adm|maj|cmdr|atty|supt|sec|inc|corp|co|ltd|jan|feb|aug|sept?|oct|nov|dec|vs|no|[a-z])\.$|^(?:[a-z]\.){2,}$/i;

/** Punctuation before a word; a dash or hyphen opening a word (`-Michelle Marks`, a credit line) is punctuation. */
const LEAD = /^(?:["'“‘«([{]|[—–-]+(?=\p{L}))+/u;
const TRAIL = /["'”’»)\]},.;:!?…]+$/;

/** Tokenises `text[from, to)`. Linear; offsets are absolute in `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  // An opening mark glued to the word before it (`said,“Look`) starts a token of its own.
  const re = /[“„«][^\s“„«]*|[^\s“„«]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    let raw = m[0];
    let start = m.index;
    // `Kenneth Fallow IV—a Dover lawyer`: a dash glued between two words ends the first (it is its punctuation).
    let dash = '';
    const glued = /[\p{L}\p{N}.,)][—–]+(?=[\p{L}"'“‘])/u.exec(raw);
    if (glued) {
      const cut = glued.index + 1;
      dash = (/^[—–]+/.exec(raw.slice(cut)) as RegExpExecArray)[0];
      raw = raw.slice(0, cut);
      re.lastIndex = m.index + cut + dash.length;
    }
    if (start + raw.length > to) raw = raw.slice(0, to - start);
    const lead = LEAD.exec(raw)?.[0] ?? '';
    let body = raw.slice(lead.length);
    start += lead.length;
    let trail = '';
    const t = TRAIL.exec(body);
    if (t) {
      trail = t[0];
      body = body.slice(0, body.length - trail.length);
      // Give an abbreviation its dot back (`Mr.`, `U.S.`); the rest of the trail stays punctuation.
      if (trail.startsWith('.') && KEEP_DOT.test(`${body}.`)) {
        body += '.';
        trail = trail.slice(1);
      }
    }
    let possessive = false;
    const p = /['’]s?$/.exec(body);
    if (p && body.length > p[0].length && (p[0].length === 2 || /s$/.test(body.slice(0, -1)))) {
      possessive = true;
      body = body.slice(0, body.length - p[0].length);
    }
    trail += dash;
    if (body === '') continue;
    out.push({
      word: body,
      lower: body.toLowerCase(),
      start,
      end: start + body.length,
      lead,
      trail,
      possessive,
    });
    if (re.lastIndex >= to) break;
  }
  return out;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const ch = word[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
