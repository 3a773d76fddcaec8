/**
 * Speakers across the corpus: an article that only says `Putin` joins `Vladimir Putin` from another article when the
 * surname is unambiguous; every quote's `speaker` is rewritten to the corpus-wide name; aliases are the forms the
 * articles actually use (`Putin`, `Mr. Putin`, `President Putin`, `Russian President Vladimir Putin`).
 */
import type { CorpusArticle, Quote, Speaker } from '../types.ts';
import { genderOfFirstName, isFirstName } from './gender.ts';
import { HONORIFICS, isPlace, NOT_NAME_WORDS, PERSONS_BODY, TITLE_WORDS } from './lexicon.ts';

const norm = (s: string): string => s.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

function surnameOf(name: string): string {
  const w = words(name);
  const last = w.at(-1) ?? '';
  return /^(jr|sr|ii|iii|iv)\.?$/i.test(last) && w.length > 2 ? (w.at(-2) as string) : last;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Jr.`, `III`: a generation, which tells two people of one name apart (`Donald Quill Jr.` is not his father). */
function generationOf(name: string): string {
  const last = words(name).at(-1) ?? '';
  return /^(jr|sr|ii|iii|iv)\.?$/i.test(last) ? norm(last) : '';
}

/**
 * A full name that reads as one person's: two to five words, opening on a first name the lists know or an initial,
 * no second person (`Ada Quill and Tom Dunn`) or second outlet (`Harbor Times/Dover News`) in it, no title in front
 * (`Actor Tom Dunn`). Only such a name may stand for a lone surname, or join another form of it, across articles.
 */
function readsAsOnePerson(name: string): boolean {
  const w = words(name);
  if (w.length < 2 || w.length > 5 || /[/&]|\sand\s/i.test(name)) return false;
  const first = w[0] as string;
  return /^\p{Lu}\.$/u.test(first) || isFirstName(first.toLowerCase().replace(/[.'’]/g, ''));
}

/**
 * The genders the articles give a one-word speaker name by honorific (`Mr. Quill`, `Ms. Quill`), where it speaks.
 * `Mr. Quill` must never become `Ivanka Quill` because she is the only Quill named in full.
 */
function honorificGenders(articles: CorpusArticle[]): Map<string, Set<'m' | 'f'>> {
  const out = new Map<string, Set<'m' | 'f'>>();
  for (const a of articles) {
    const single = new Set(
      a.quotes.map((q) => q.speaker).filter((n): n is string => !!n && !n.includes(' ')),
    );
    if (single.size === 0) continue;
    const re = new RegExp(
      `\\b(Mr|Mrs|Ms|Miss)\\.?\\s+(${[...single].map(escapeRe).join('|')})(?![\\p{L}'’])`,
      'gu',
    );
    for (const text of a.paragraphs)
      for (const m of text.matchAll(re)) {
        const set = out.get(m[2] as string) ?? new Set();
        set.add(m[1] === 'Mr' ? 'm' : 'f');
        out.set(m[2] as string, set);
      }
  }
  return out;
}

/** Maps every speaker string seen to its corpus-wide canonical name. */
function canonicalNames(
  names: Map<string, number>,
  honorifics: Map<string, Set<'m' | 'f'>>,
): Map<string, string> {
  const map = new Map<string, string>();
  // Multi-word names that share first and last word are one person (`Vladimir V. Putin`, `Vladimir Putin`).
  const groups = new Map<string, Array<[string, number]>>();
  for (const [name, count] of names) {
    const w = words(name);
    if (w.length < 2) continue;
    // (Anything else, an organisation or a pair of people, is joined only by its exact name.)
    const k = readsAsOnePerson(name)
      ? `${norm(w[0] as string)}|${norm(surnameOf(name))}|${generationOf(name)}`
      : `=${norm(name)}`;
    groups.set(k, [...(groups.get(k) ?? []), [name, count]]);
  }
  const fullBySurname = new Map<string, Set<string>>();
  const fullByFirstWord = new Map<string, Set<string>>();
  for (const members of groups.values()) {
    // The most used form wins; ties go to the shorter (no middle initial), then alphabetical: deterministic.
    const best = [...members].sort(
      (x, y) => y[1] - x[1] || x[0].length - y[0].length || x[0].localeCompare(y[0]),
    )[0]?.[0] as string;
    for (const [name] of members) map.set(name, best);
    const sk = norm(surnameOf(best));
    if (readsAsOnePerson(best)) fullBySurname.set(sk, (fullBySurname.get(sk) ?? new Set()).add(best));
    // (A person's body, `Quill campaign`, `Reyes office`, is never what a lone `Quill` means: that is the person. Nor
    // is a person's name or a pair's, `Caroline Dunn` for a lone `Caroline`, nor `Several Democrats` for `Several`.)
    else if (
      !PERSONS_BODY.test(best) &&
      !/[/&]|\sand\s/i.test(best) &&
      !NOT_NAME_WORDS.has(norm(words(best)[0] as string))
    ) {
      const fk = norm(words(best)[0] as string);
      fullByFirstWord.set(fk, (fullByFirstWord.get(fk) ?? new Set()).add(best));
    }
  }
  for (const name of names.keys()) {
    if (map.has(name)) continue;
    const k = norm(name);
    // (A place or a word that is no name: never another article's person.)
    if (isPlace([name]) || NOT_NAME_WORDS.has(k)) {
      map.set(name, name);
      continue;
    }
    const bySurname = fullBySurname.get(k);
    if (bySurname?.size === 1) {
      const full = [...bySurname][0] as string;
      const given = genderOfFirstName((words(full)[0] as string).toLowerCase());
      const said = honorifics.get(name);
      // (A title of the other gender, or of both, keeps the surname apart.)
      const clash = given !== null && said !== undefined && [...said].some((g) => g !== given);
      map.set(name, clash ? name : full);
      continue;
    }
    // `Northwind` for `Northwind Foods`, only when no person carries that surname.
    // (Never a first name alone: `Caroline` is not the one Caroline Dunn another article quotes.)
    const byFirst = isFirstName(k) ? undefined : fullByFirstWord.get(k);
    if (!bySurname && byFirst?.size === 1) map.set(name, [...byFirst][0] as string);
    else map.set(name, name);
  }
  return map;
}

/** Forms of `name` used in one article's text: the name, its surname, with titles or honorifics before them. */
function formsIn(paragraphs: string[], names: string[], into: Map<string, Set<string>>): void {
  const bySurname = new Map<string, string>();
  for (const n of names) {
    const s = surnameOf(n);
    if (s.length > 1) bySurname.set(s.toLowerCase(), n);
  }
  if (bySurname.size === 0) return;
  // Surnames as written (case-sensitive: `Rose` the person, not `rose` the verb).
  const alternatives = names
    .map(surnameOf)
    .filter((x) => x.length > 1)
    .sort((x, y) => y.length - x.length)
    .map(escapeRe);
  // Up to four capitalised words (titles, first names) directly before a surname, no punctuation in between.
  const re = new RegExp(
    `((?:(?:[\\p{Lu}][\\p{L}.'’-]*|van|von|de|der|den|da|del|della|la|le|al|bin|ibn)\\s+){0,4})(${alternatives.join('|')})(?![\\p{L}'’])`,
    'gu',
  );
  for (const text of paragraphs) {
    for (const m of text.matchAll(re)) {
      const surname = (m[2] as string).toLowerCase();
      const name = bySurname.get(surname);
      if (!name || (m[2] as string)[0] !== (m[2] as string)[0]?.toUpperCase()) continue;
      const prefix = words(m[1] ?? '');
      while (prefix.length > 0 && NOT_NAME_WORDS.has((prefix[0] as string).toLowerCase())) prefix.shift();
      // Right before the surname only the person's own names, honorifics and titles may stand (`Mr. Putin`,
      // `Russian President Vladimir Putin`); another capitalised word means another person (`Tom Lee` is not
      // `Mary Lee`) or another organisation (`Midwest Foods` is not `Halvorsen Foods`).
      const own = new Set(words(name).slice(0, -1).map(norm));
      let i = prefix.length;
      let titled = false;
      let foreign = false;
      while (i > 0) {
        const w = prefix[i - 1] as string;
        const l = w.toLowerCase();
        if (own.has(norm(w)) && !titled) i--;
        else if (l in HONORIFICS || TITLE_WORDS.has(l)) {
          titled = true;
          i--;
        } else if (titled && /^\p{Lu}/u.test(w)) i--;
        else {
          foreign = /^\p{Lu}/u.test(w) && i === prefix.length;
          break;
        }
      }
      if (foreign) continue;
      const form = [...prefix.slice(i), m[2] as string].join(' ');
      const set = into.get(name) ?? new Set<string>();
      set.add(form);
      into.set(name, set);
    }
  }
}

/**
 * Whether the article writes `surname` after a first name that `full` does not have (`Ben Dunn` for `Ada Dunn`).
 * (Not a short form of the same first name, `Sandy` for `Sandra`, nor a firm's name, `Davis Dunn Partners`.)
 */
function namesAnother(paragraphs: string[], surname: string, full: string): boolean {
  const own = words(full).map(norm);
  const re = new RegExp(`(\\p{Lu}[\\p{L}'’-]*)\\s+${escapeRe(surname)}(?![\\p{L}'’])(?!\\s+\\p{Lu})`, 'gu');
  for (const text of paragraphs)
    for (const m of text.matchAll(re)) {
      const first = (m[1] as string).toLowerCase();
      if (own.some((w) => w === first || (w.length >= 3 && first.startsWith(w.slice(0, 3))))) continue;
      if (isFirstName(first)) return true;
    }
  return false;
}

/**
 * Merges speakers across the corpus and rewrites each quote's `speaker` in place to the canonical name.
 * Sorted by quote count (descending), then name.
 */
export function buildSpeakers(articles: CorpusArticle[]): Speaker[] {
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const q of a.quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  }
  const canonical = canonicalNames(counts, honorificGenders(articles));
  const bySpeaker = new Map<string, { quotes: Quote[]; aliases: Set<string> }>();
  const entry = (name: string) => {
    let e = bySpeaker.get(name);
    if (!e) {
      e = { quotes: [], aliases: new Set([name]) };
      bySpeaker.set(name, e);
    }
    return e;
  };
  const forms = new Map<string, Set<string>>();
  for (const a of articles) {
    const here = new Set<string>();
    // (`Stephen said` where the article quotes Stephen Dunn too: him, and only in that article.)
    const ownFull = new Map<string, Set<string>>();
    // (Whether the article names someone else by a surname, read once per surname and article.)
    const another = new Map<string, boolean>();
    for (const q of a.quotes)
      if (q.speaker && readsAsOnePerson(q.speaker)) {
        const first = norm(words(q.speaker)[0] as string);
        ownFull.set(first, (ownFull.get(first) ?? new Set()).add(canonical.get(q.speaker) ?? q.speaker));
      }
    for (const q of a.quotes) {
      if (!q.speaker) continue;
      let name = canonical.get(q.speaker) ?? q.speaker;
      const byFirst = ownFull.get(norm(q.speaker));
      if (name === q.speaker && byFirst?.size === 1 && isFirstName(norm(q.speaker)))
        name = [...byFirst][0] as string;
      // `Dunn` in an article that names Ben Dunn (or two Dunns) is never another article's Ada Dunn.
      // (A name in capitals, `DOVER`, joins another article's person only as a transcript's label, `QUILL:`; else it
      // may be a dateline.)
      if (
        name !== q.speaker &&
        /^\p{Lu}{2,}$/u.test(q.speaker) &&
        !a.paragraphs.some((p) => p.startsWith(`${q.speaker}:`))
      )
        name = q.speaker;
      if (name !== q.speaker && !q.speaker.includes(' ')) {
        const key = `${q.speaker}|${name}`;
        let other = another.get(key);
        if (other === undefined) {
          other = namesAnother(a.paragraphs, q.speaker, name);
          another.set(key, other);
        }
        if (other) name = q.speaker;
      }
      const e = entry(name);
      e.aliases.add(q.speaker);
      e.quotes.push(q);
      q.speaker = name;
      here.add(name);
    }
    formsIn(a.paragraphs, [...here], forms);
  }
  const speakers: Speaker[] = [];
  for (const [name, e] of bySpeaker) {
    for (const f of forms.get(name) ?? []) e.aliases.add(f);
    const roles = new Map<string, number>();
    for (const q of e.quotes) if (q.role) roles.set(q.role, (roles.get(q.role) ?? 0) + 1);
    const role = [...roles].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
    speakers.push({ name, role, aliases: [...e.aliases].sort(), quoteCount: e.quotes.length });
  }
  return speakers.sort((x, y) => y.quoteCount - x.quoteCount || x.name.localeCompare(y.name));
}
