/**
 * Names in one article: capitalised runs split into role and name (`Russian President Vladimir Putin` ->
 * role `Russian President`, name `Vladimir Putin`), classified as person or organisation, and merged into
 * entities so that `Putin`, `Mr. Putin` and `President Putin` all point at `Vladimir Putin`.
 */

import { isEnglishWord } from './dictionary.ts';
import { genderOfFirstName, isFirstName, UNISEX_NAMES } from './gender.ts';
import {
  COMPANY_HEADS,
  COMPANY_NOUNS,
  CORPORATE_SUFFIXES,
  FIRST_NAMES,
  FRAMING_VERBS,
  GOVERNMENT_BODIES,
  GROUP_WORDS,
  HONORIFICS,
  isPlace,
  NAME_CONNECTORS,
  NEWS_ORGS,
  NOT_NAME_WORDS,
  ORG_HEADS,
  ORG_NOUNS,
  PEOPLE_WORDS,
  PERSONS_BODY,
  pluralPeopleNoun,
  QUESTION_AUXILIARIES,
  ROLE_NOUNS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './lexicon.ts';
import { isCapitalized, type Token } from './tokens.ts';

export type EntityType = 'person' | 'org' | 'unknown';
export type Gender = 'm' | 'f' | null;

/** A name phrase as read from the text. */
export interface NamePhrase {
  /** Name words only (titles, honorifics and corporate suffixes removed). */
  nameWords: string[];
  role: string | null;
  gender: Gender;
  /** The gender is only the name tables' guess for the first name (`Sidney`, `Jordan`), not the article's word. */
  genderGuessed?: boolean;
  type: EntityType;
  /** Index range of the run in the token array (end exclusive). */
  from: number;
  to: number;
  possessive: boolean;
  /** The surface form as written (`Mr. Putin`, `President Donald Trump`). */
  form: string;
  /** Known to be a company (from an apposition such as `, the maker of forklifts,`). */
  company?: boolean;
}

/** Something that can speak: a person or an organisation, with every role seen. */
export interface Entity {
  id: number;
  name: string;
  type: EntityType;
  gender: Gender;
  /** See NamePhrase.genderGuessed: a pronoun of the other gender may still mean this person, as a guess. */
  genderGuessed?: boolean;
  /** The first name's gender was looked up (see genderOf). */
  genderChecked?: boolean;
  /** Given an age (`Ruiz, 41,`): surely a person, whatever the name tables say of the first name. */
  aged?: boolean;
  /** Quoted by name as a person (`"...," said Qoranye Veltis`): a person, whatever the name tables say. */
  spoke?: boolean;
  roles: string[];
  /** True for organisations that read as companies (`the company said`). */
  company: boolean;
  forms: Set<string>;
}

/** A mention of an entity at an absolute position in the article. */
export interface Mention {
  entity: Entity;
  pos: number;
  /** The mention is a grammatical subject or a speaker: preferred antecedent for pronouns. */
  subject: boolean;
  /** The entity was just quoted here (an attribution named them). */
  speaker?: boolean;
  /** The name is written inside quotation marks: the quoted person talks about them, the writer does not. */
  quoted?: boolean;
  /** The article's first mention of this person, by a full name (`a worker named Ana Ruiz`): an introduction. */
  intro?: boolean;
  /** The name is followed by an apposition saying who they are (`Ben Dover, a senior fellow at ...,`). */
  apposed?: boolean;
  /** The second name of a subject of two (`Ashcombe and Penrose argued`). */
  joined?: boolean;
  /** The speaker was only guessed (`"...," the candidate said` read as the one candidate named): never sure. */
  guess?: boolean;
}

/**
 * How a pronoun was resolved: `continuity` (the person quoted just before, nobody else of that gender since),
 * `unique` (the only compatible person in the recent text), `ambiguous` (another compatible person is as likely).
 */
export type PronounStrength = 'continuity' | 'unique' | 'ambiguous';

const BREAK_TRAIL = /[,;:!?"”’)\]]|\.$/;

/** A token can continue a capitalised run. */
function isRunWord(t: Token): boolean {
  return isCapitalized(t.word) && /\p{L}/u.test(t.word);
}

/** Splits tokens into maximal capitalised runs (connectors allowed inside, punctuation breaks). */
export function capitalRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!isRunWord(t)) {
      i++;
      continue;
    }
    let j = i + 1;
    let prev = t;
    while (j < tokens.length) {
      if (BREAK_TRAIL.test(prev.trail) || prev.possessive) break;
      const cur = tokens[j] as Token;
      if (cur.lead !== '') break;
      if (isRunWord(cur)) {
        prev = cur;
        j++;
        continue;
      }
      const after = tokens[j + 1];
      if (
        NAME_CONNECTORS.has(cur.lower) &&
        cur.trail === '' &&
        after &&
        isRunWord(after) &&
        after.lead === ''
      ) {
        prev = after;
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

const isInitial = (w: string): boolean => /^\p{Lu}\.?$/u.test(w);

/** A party member's label before a name (`Republican`, `Democrat`, `GOP`). */
const PARTY_WORDS = /^(?:Republican|Democrat|Democratic|Independent|Libertarian|GOP)$/;

/** Reads one capitalised run as a name phrase, or null when it is not a name (sentence openers, dates). */
export function analyzeRun(tokens: Token[], from: number, to: number): NamePhrase | null {
  let a = from;
  let b = to;
  // `June Lin`, `April Ross`: a month that is also a first name stays when a surname follows.
  const keepsName = (i: number): boolean =>
    FIRST_NAMES.has((tokens[i] as Token).lower) &&
    i + 1 < b &&
    /^\p{Lu}\p{Ll}/u.test((tokens[i + 1] as Token).word);
  // (`Replied Stephen, "..."`: a verb of saying opening the sentence is no part of the name after it.)
  while (
    a < b &&
    (NOT_NAME_WORDS.has((tokens[a] as Token).lower) ||
      (a === from && SPEECH_VERBS.has((tokens[a] as Token).lower)) ||
      // (`Was Szlachta satisfied?`, `Did Quill know?`: a question's auxiliary is no part of the name after it.)
      (a === from && a + 1 < b && QUESTION_AUXILIARIES.has((tokens[a] as Token).lower))) &&
    !keepsName(a)
  )
    a++;
  // (`Yin Myint May, 60,`: a month word ending a name that is given an age is the name's last word, not a date.)
  const aged =
    b - a >= 2 &&
    (tokens[b - 1] as Token).trail === ',' &&
    /^\d{1,3}$/.test(tokens[b]?.word ?? '') &&
    tokens[b]?.trail === ',' &&
    /^(march|may|june|april|august)$/.test((tokens[b - 1] as Token).lower);
  while (b > a && NOT_NAME_WORDS.has((tokens[b - 1] as Token).lower) && !(aged && b === to)) b--;
  if (a >= b) return null;
  let words = tokens.slice(a, b).map((t) => t.word);
  // `Prof Tariq Rahman of Kelburn University`: a person's name, then the organisation they belong to.
  let affiliation: string[] = [];
  const ofAt = words.findIndex((w, i) => i >= 2 && (w === 'of' || w === 'at'));
  // `Gov. Ada Quill of Maine`, `Sen. Tom Reyes of Ohio`: a person's name (a title or honorific
  // before it, or a known first name opening it), then the place or body they belong to.
  const personBefore = (end: number): boolean => {
    const lw = words.slice(0, end).map((w) => w.toLowerCase());
    const titled = lw.some((l, i) => l in HONORIFICS || (TITLE_WORDS.has(l) && i < end - 1));
    const first = lw[end - 2] ?? '';
    const named =
      end >= 2 &&
      (FIRST_NAMES.has(first) || (isFirstName(first) && !isPlace([words[end - 2] as string]))) &&
      /^\p{Lu}\p{Ll}/u.test(words[end - 1] ?? '');
    return (titled || named) && !lw.some((l) => ORG_HEADS.has(l));
  };
  if (
    ofAt > 0 &&
    ((ORG_HEADS.has((words.at(-1) as string).toLowerCase()) &&
      !words.slice(0, ofAt).some((w) => ORG_HEADS.has(w.toLowerCase()))) ||
      (personBefore(ofAt) && (!TITLE_WORDS.has((words[ofAt - 1] as string).toLowerCase()) || ofAt >= 3)))
  ) {
    affiliation = words.slice(ofAt);
    words = words.slice(0, ofAt);
  }
  const lowers = words.map((w) => w.toLowerCase());
  let gender: Gender = null;
  let honorific = false;
  const roleWords: string[] = [];
  let k = 0;
  // Everything up to the last title word is role; honorifics are dropped.
  let lastTitle = -1;
  // `Peter T. King`, `Angus King`: a title word right after a first name or an initial is a surname.
  const surnameTitle = (i: number): boolean =>
    i > 0 &&
    !(lowers[i] as string).endsWith('.') &&
    (FIRST_NAMES.has(lowers[i - 1] as string) || isInitial(words[i - 1] as string));
  for (let i = 0; i < lowers.length; i++) {
    const l = lowers[i] as string;
    if (l in HONORIFICS) lastTitle = i;
    else if (TITLE_WORDS.has(l) && i < lowers.length - 1 && !surnameTitle(i)) lastTitle = i;
  }
  if (lastTitle >= 0) {
    k = lastTitle + 1;
    // `Director of National Intelligence Dan Coats`: the of-phrase belongs to the role.
    if (NAME_CONNECTORS.has(lowers[k] ?? '') && lowers[k] !== 'st.') {
      const rest = lowers.length - k;
      const second = words[words.length - 2] ?? '';
      const nameLen =
        FIRST_NAMES.has(second.toLowerCase()) || isFirstName(second.toLowerCase()) || isInitial(second)
          ? 2
          : 1;
      if (rest > nameLen) k = words.length - nameLen;
    }
  }
  let nameWords = words.slice(k);
  if (nameWords.length === 0) return null;
  // `Pennsylvania Gov.` (before `and ... Ed Rendell`): a run ending in a title names an office, not a person.
  const lastWord = (nameWords.at(-1) as string).toLowerCase();
  if (
    nameWords.length <= 3 &&
    /\.$/.test(lastWord) &&
    TITLE_WORDS.has(lastWord) &&
    !surnameTitle(words.length - 1)
  )
    return null;
  // `... of National Intelligence Dan Coats`, `Republican Thomas Whitaker`: words before a known first name are
  // a role or a qualifier, not part of the name.
  while (
    nameWords.length > 2 &&
    !FIRST_NAMES.has((nameWords[0] as string).toLowerCase()) &&
    FIRST_NAMES.has((nameWords[1] as string).toLowerCase())
  ) {
    k++;
    nameWords = nameWords.slice(1);
  }
  // (`House Harbor Republican Tom Fenwick`, `Rhode Island Democrat Ada Quill`: a committee or a place, then a
  // party, then the name.)
  const partyAt = nameWords.findIndex(
    (w, j) =>
      j >= 1 &&
      j <= nameWords.length - 3 &&
      PARTY_WORDS.test(w) &&
      (FIRST_NAMES.has((nameWords[j + 1] as string).toLowerCase()) ||
        isFirstName((nameWords[j + 1] as string).toLowerCase())),
  );
  if (partyAt >= 1 && !nameWords.slice(0, partyAt).some((w) => FIRST_NAMES.has(w.toLowerCase()))) {
    k += partyAt + 1;
    nameWords = nameWords.slice(partyAt + 1);
  }
  for (let i = 0; i < k; i++) {
    const l = lowers[i] as string;
    if (l in HONORIFICS) {
      honorific = true;
      gender = gender ?? HONORIFICS[l] ?? null;
    } else roleWords.push(words[i] as string);
  }
  // `Justice Department`, `Police Department`: a title word inside an organisation's name is not a role.
  if (k > 0 && nameWords.some((w) => ORG_HEADS.has(w.toLowerCase()))) {
    nameWords = words.filter((w) => !(w.toLowerCase() in HONORIFICS));
    roleWords.length = 0;
  }
  roleWords.push(...affiliation);
  let type: EntityType = 'unknown';
  const nameLowers = nameWords.map((w) => w.toLowerCase());
  const joined = nameLowers.join('_');
  // (`Carla Mills`, `Dana Banks`: a first name the tables know, then a surname that is also a company word, is a person.)
  const surnameHead =
    nameWords.length === 2 &&
    (FIRST_NAMES.has(nameLowers[0] as string) ||
      (isFirstName(nameLowers[0] as string) && !isEnglishWord(nameLowers[0] as string))) &&
    !ORG_HEADS.has(nameLowers[0] as string) &&
    !TITLE_WORDS.has(nameLowers[0] as string) &&
    !isPlace(nameWords.slice(0, 1)) &&
    !NEWS_ORGS.has(joined) &&
    SURNAME_HEADS.has(nameLowers[1] as string);
  // (`Halvex.com`: a web address is a site's owner, an organisation; a `.com` one a company.)
  const site =
    nameWords.length === 1 && /^\p{Lu}[\p{L}\d-]*\.(?:com|net|org)$/iu.test(nameWords[0] as string);
  if (surnameHead) type = 'person';
  else if (
    site ||
    nameLowers.some((l) => ORG_HEADS.has(l)) ||
    NEWS_ORGS.has(joined) ||
    NEWS_ORGS.has(`the_${joined}`)
  )
    type = 'org';
  else if (roleWords.length > 0 || honorific) type = 'person';
  else if (
    nameWords.length >= 2 &&
    (FIRST_NAMES.has(nameLowers[0] as string) || isInitial(nameWords[1] as string))
  )
    type = 'person';
  else if (
    // `Gwendolyn Marsh`: a first name the name tables know, then a surname that is no place or body.
    nameWords.length >= 2 &&
    nameWords.length <= 4 &&
    isFirstName(nameLowers[0] as string) &&
    !nameLowers.some((l) => ORG_HEADS.has(l) || NOT_NAME_WORDS.has(l)) &&
    !isPlace(nameWords) &&
    !isPlace(nameWords.slice(0, 1))
  )
    type = 'person';
  // (`Halvex Corp.`: a corporate suffix, dropped from the name, says it is a company.)
  let company = site && /\.com$/i.test(nameWords[0] as string);
  if (type === 'org') {
    while (nameWords.length > 1 && CORPORATE_SUFFIXES.has((nameWords.at(-1) as string).toLowerCase())) {
      nameWords = nameWords.slice(0, -1);
      company = true;
    }
    if (nameWords[0]?.toLowerCase() === 'the') nameWords = nameWords.slice(1);
  } else if (nameWords.length > 4) {
    // Long runs are rarely one person's name; keep the tail, which is where the name sits after a title.
    nameWords = nameWords.slice(-3);
  }
  // `The Hill`, `The Atlantic`: an outlet whose name keeps its article.
  if (!NEWS_ORGS.has(joined) && NEWS_ORGS.has(`the_${joined}`) && tokens[a - 1]?.lower === 'the')
    nameWords = ['The', ...nameWords];
  let genderGuessed = false;
  if (type === 'person' && gender === null) {
    gender =
      nameWords.length >= 2
        ? genderOfFirstName(nameLowers[0] as string)
        : UNISEX_NAMES.has(nameLowers[0] as string)
          ? null
          : (FIRST_NAMES.get(nameLowers[0] as string) ?? null);
    genderGuessed = gender !== null && !FIRST_NAMES.has(nameLowers[0] as string);
  }
  const last = tokens[to - 1] as Token;
  const first = tokens[a] as Token;
  return {
    nameWords,
    role: roleWords.length > 0 ? roleWords.join(' ') : null,
    gender,
    ...(genderGuessed ? { genderGuessed } : {}),
    type,
    ...(company ? { company } : {}),
    from: a,
    to,
    possessive: last.possessive,
    form:
      tokens
        .slice(a, to)
        .map((t) => t.word)
        .join(' ')
        .slice(0, 200)
        .trim() || first.word,
  };
}

const APPOSITION_STOP = /[.;:!?"”]/;

/**
 * A role given in apposition after a name (`Luis Ortega, the union's president,`), or before it in lower case
 * (`union president Luis Ortega`, `Northwind's chief executive Dana Whitfield`).
 */
export function roleAround(tokens: Token[], from: number, to: number): string | null {
  const last = tokens[to - 1] as Token;
  // `... to beat Hillary Quill,” the governor said`: a closing quotation mark ends the quoted words; what follows is
  // the writer's attribution, not an apposition to the name.
  if (last.trail.startsWith(',') && !/["”’']/.test(last.trail)) {
    const words: string[] = [];
    let hasRole = false;
    let coordinated = false;
    // (`Tom Dunn, a delegate from Harbor County who wore a costume`: a relative clause closes the apposition.)
    let relative = false;
    for (let i = to; i < tokens.length && i < to + 10; i++) {
      const t = tokens[i] as Token;
      if (i === to && /^\d+$/.test(t.word)) continue; // `Ortega, 54, a retired teacher`
      // `the Harbor Fund, asked the mayor ...`: a verb after the comma starts a clause, not an apposition.
      if (words.length === 0 && (SPEECH_VERBS.has(t.lower) || FRAMING_VERBS.has(t.lower))) break;
      if (t.lead !== '') break;
      words.push(t.word + (t.possessive ? "'s" : ''));
      if (ROLE_NOUNS.has(t.lower)) hasRole = true;
      if (t.trail !== '' && (t.trail.includes(',') || APPOSITION_STOP.test(t.trail))) break;
      if (['said', 'says', 'told', 'added', 'who', 'which', 'and'].includes(t.lower)) {
        words.pop();
        // `Ada Quill, a Reyes supporter and head of the Harbor Fund,`: a second role joined by `and`.
        coordinated = t.lower === 'and' && hasRole;
        relative = t.lower === 'who' && hasRole && words.length >= 2;
        break;
      }
    }
    const closedOff =
      coordinated ||
      relative ||
      (words.length > 0 &&
        /[,.;:!?]/.test((tokens[to + words.length - 1] as Token | undefined)?.trail ?? ''));
    if (hasRole && words.length > 0 && closedOff) {
      const cleaned = words.filter((w, i) => i > 0 || !['the', 'a', 'an'].includes(w.toLowerCase()));
      if (cleaned.length > 0 && cleaned.length <= 9) return cleaned.join(' ');
    }
  }
  // `The authority's general manager, Dana Whitfield, said`: the role stands before the name, set off by commas.
  const prevTok = tokens[from - 1];
  if (prevTok && prevTok.trail === ',' && ROLE_NOUNS.has(prevTok.lower) && last.trail.startsWith(',')) {
    const words: string[] = [prevTok.word];
    for (let i = from - 2; i >= 0 && i >= from - 6; i--) {
      const t = tokens[i] as Token;
      // (`... as well as his campaign chief, Ben Dunn,`, `But his wife, Ada,`: the words before the noun phrase are no
      // part of the role; `a political adviser and former aide, Ada Dunn,` keeps both roles.)
      const roleJoined = t.lower === 'and' && ROLE_NOUNS.has(tokens[i - 1]?.lower ?? '');
      if (
        t.trail !== '' ||
        (!roleJoined &&
          /^(the|a|an|and|or|but|nor|as|well|with|of|to|for|by|from|in|on|at|including|like|than|also)$/i.test(
            t.word,
          ))
      )
        break;
      words.unshift(t.word + (t.possessive ? "'s" : ''));
    }
    while (words.length > 1 && /^(its|his|her|their|our|the)$/i.test(words[0] as string)) words.shift();
    return words.join(' ');
  }
  const before: string[] = [];
  let hasRole = false;
  for (let i = from - 1; i >= 0 && i >= from - 4; i--) {
    const t = tokens[i] as Token;
    if (t.trail !== '') break;
    if (t.possessive && isCapitalized(t.word)) {
      before.unshift(`${t.word}'s`);
      break;
    }
    // One capitalised qualifier may open the role (`Rovers manager`, `Union president`), then it stops.
    if (
      isCapitalized(t.word) &&
      before.length > 0 &&
      !NOT_NAME_WORDS.has(t.lower) &&
      /^[\p{L}-]+$/u.test(t.word)
    ) {
      before.unshift(t.word);
      break;
    }
    if (isCapitalized(t.word) || !/^[\p{Ll}-]+$/u.test(t.word) || NOT_NAME_WORDS.has(t.lower)) break;
    if (SPEECH_VERBS.has(t.lower) || FRAMING_VERBS.has(t.lower)) break;
    if (before.length === 0 && !ROLE_NOUNS.has(t.lower)) break;
    if (ROLE_NOUNS.has(t.lower)) hasRole = true;
    before.unshift(t.word);
    if (t.lead !== '') break;
  }
  return hasRole ? before.join(' ') : null;
}

/** Words that may follow an apposition's head noun (`the company that makes ...`, `the group behind ...`). */
const APPOSITION_GOES_ON = new Set(
  'of that which who whose in for with based behind run owned founded at on from to and or by near since'.split(
    ' ',
  ),
);

/**
 * What an apposition says a name is: `Brightline Robotics, the maker of forklifts,` -> company;
 * `NetCommons, the trade group that ...,` -> organisation; otherwise null.
 */
export function orgApposition(tokens: Token[], to: number): 'company' | 'org' | null {
  const last = tokens[to - 1] as Token;
  if (!last.trail.startsWith(',')) return null;
  let i = to;
  if (/^(the|a|an)$/.test(tokens[i]?.lower ?? '')) i++;
  for (let n = 0; i < tokens.length && n < 4; i++, n++) {
    const t = tokens[i] as Token;
    if (t.lead !== '') break;
    // (`Fenwick, the party line on Reyes is silly`: a noun modifying the next one is no head.)
    const next = tokens[i + 1];
    const compound =
      t.trail === '' &&
      !t.possessive &&
      next !== undefined &&
      /^\p{Ll}+$/u.test(next.word) &&
      !APPOSITION_GOES_ON.has(next.lower) &&
      // (`..., the company wrote`: a verb after the noun, it is the noun's clause.)
      !SPEECH_VERBS.has(next.lower) &&
      !/(ed|s)$/.test(next.lower);
    if (compound && (COMPANY_NOUNS.has(t.lower) || ORG_NOUNS.has(t.lower))) return null;
    if (COMPANY_NOUNS.has(t.lower)) return 'company';
    if (ORG_NOUNS.has(t.lower) && !ROLE_NOUNS.has(t.lower)) return 'org';
    if (t.trail !== '') break;
  }
  return null;
}

/** An organisation named by a bare name (`Halvex`), no head word or outlet word telling what kind it is. */
function bareOrg(e: Entity): boolean {
  const words = e.name.toLowerCase().split(/\s+/);
  return (
    e.type === 'org' &&
    words.length === 1 &&
    !ORG_HEADS.has(words[0] as string) &&
    !NOT_PERSON_WORDS.has(words[0] as string) &&
    !NEWS_ORGS.has(words[0] as string) &&
    !isPlace(words)
  );
}

/** Organisation heads that are also common surnames (`Dover Mills` is a company, `Carla Mills` a person). */
const SURNAME_HEADS = new Set(['mills', 'banks']);

/** Words that make a name an organisation or a thing, whatever its type says. */
const NOT_PERSON_WORDS = new Set(
  'force forces army navy poll polls news times post journal press tribune herald review magazine network campaign committee caucus coalition inn hotel motel restaurant cafe pub cathedral mosque synagogue stadium theater theatre airport state valley island'.split(
    ' ',
  ),
);

/** A person-typed entity that reads as a person: a known first name, a title, an honorific, or a lone surname. */
/**
 * A person's gender as far as the article and the name tables tell. A name first read before it was known to be a
 * person's (`Ivanka Quill` typed later) gets its first name's gender here, once, as a guess.
 */
function genderOf(e: Entity): Gender {
  if (e.gender === null && e.type === 'person' && e.name.includes(' ') && !e.genderChecked) {
    e.genderChecked = true;
    const first = (e.name.split(' ')[0] as string).toLowerCase();
    const g = genderOfFirstName(first);
    if (g) {
      e.gender = g;
      e.genderGuessed = !FIRST_NAMES.has(first);
    }
  }
  return e.gender;
}

/** The last word of an outlet's name that `The` alone may stand with for it (`The Post`, `The Times`). */
const OUTLET_HEADS = /^(?:Post|Times|Journal|Globe|Herald|Tribune|Gazette|Register|Review)$/;

/** A news outlet: an organisation in the outlet list or named like one (`Harbor Herald`, `Dover Times`). */
function isOutlet(e: Entity): boolean {
  const lower = e.name.toLowerCase();
  return (
    e.type === 'org' &&
    (NEWS_ORGS.has(lower.replace(/ /g, '_')) ||
      /\b(times|post|journal|news|tribune|herald|daily|magazine|review|register|globe|gazette)\b/.test(lower))
  );
}

export function readsAsPerson(e: Entity): boolean {
  const words = e.name.split(' ');
  // (`Chicago Sun-Times`: the parts of a hyphenated word count too.)
  const parts = words.flatMap((w) => w.toLowerCase().split('-'));
  if (parts.some((w) => ORG_HEADS.has(w) || NOT_PERSON_WORDS.has(w))) return false;
  // `a longtime Republican pollster`, `a Dover Democrat`, `Muslim Americans`: a party or a people, no one person.
  // (`Rex Early`: a first name from our own list, then one of its sentence-opening words, not a party or a people,
  // is a person's name.)
  const surnameLike =
    words.length === 2 &&
    FIRST_NAMES.has((words[0] as string).toLowerCase()) &&
    !PEOPLE_WORDS.has((words[1] as string).toLowerCase());
  if (GROUP_WORDS.has((words.at(-1) as string).toLowerCase()) && !surnameLike) return false;
  // (`Aides`, `Council of Economic Advisers`: a plural noun for people names no one person.)
  if (words.length === 1 && pluralPeopleNoun(words[0] as string)) return false;
  if (e.roles.length > 0 || words.length === 1 || e.aged || e.spoke) return true;
  if ([...e.forms].some((f) => /^(mr|mrs|ms|dr)\.?\s/i.test(f))) return true;
  const first = (words[0] as string).toLowerCase();
  // (`K.L. Amberton`, `J.M. Berger`: initials for the given names.)
  return (
    FIRST_NAMES.has(first) ||
    isFirstName(first) ||
    isInitial(words[1] as string) ||
    (words.length >= 2 && /^(?:\p{Lu}\.){1,3}$/u.test(words[0] as string))
  );
}

/** The words of a person's titles, abbreviations written out (`senator` for `Sen.`). */
export function titleWords(e: Entity): string[] {
  return expandTitles(e.roles.join(' ').toLowerCase()).split(/\s+/);
}

/** Abbreviated titles written out, so `the senator` finds `Sen. Marco Rubio`. */
function expandTitles(roles: string): string {
  return roles
    .replace(/\bsen\./g, 'senator')
    .replace(/\brep\./g, 'representative')
    .replace(/\bgov\./g, 'governor')
    .replace(/\bgen\./g, 'general')
    .replace(/\bpres\./g, 'president')
    .replace(/\bsec\./g, 'secretary');
}

/** Canonical key for matching names: lower case, no dots. */
const key = (s: string): string => s.toLowerCase().replace(/\./g, '');

/** The entities of one article and every mention of them, in document order. */
export class EntityTable {
  readonly entities: Entity[] = [];
  readonly mentions: Mention[] = [];
  /** Where each paragraph starts (absolute offsets, ascending), set by buildContext. */
  paraStarts: number[] = [];
  private readonly byFull = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byFirstWord = new Map<string, Entity[]>();

  /** Registers a multi-word name (or returns the entity it already is). */
  addFull(phrase: NamePhrase, role: string | null): Entity {
    const name = phrase.nameWords.join(' ');
    let e = this.byFull.get(key(name)) ?? this.outletFor(phrase) ?? this.particleSurname(phrase) ?? undefined;
    if (!e) {
      e = {
        id: this.entities.length,
        name,
        type: phrase.type,
        gender: phrase.gender,
        ...(phrase.genderGuessed ? { genderGuessed: true } : {}),
        roles: [],
        company: false,
        forms: new Set(),
      };
      this.entities.push(e);
      this.byFull.set(key(name), e);
      if (phrase.nameWords.length >= 2) {
        const surname = key(this.surnameOf(phrase.nameWords));
        this.bySurname.set(surname, [...(this.bySurname.get(surname) ?? []), e]);
        const firstWord = key(phrase.nameWords[0] as string);
        this.byFirstWord.set(firstWord, [...(this.byFirstWord.get(firstWord) ?? []), e]);
      }
    }
    this.enrich(e, phrase, role);
    return e;
  }

  private surnameOf(words: string[]): string {
    const last = words.at(-1) as string;
    return /^(jr|sr|ii|iii|iv)\.?$/i.test(last) && words.length > 2 ? (words.at(-2) as string) : last;
  }

  private enrich(e: Entity, phrase: NamePhrase, role: string | null): void {
    if (phrase.type !== 'unknown' && e.type === 'unknown') e.type = phrase.type;
    if (e.gender === null && phrase.gender !== null) {
      e.gender = phrase.gender;
      e.genderGuessed = phrase.genderGuessed === true;
    } else if (e.genderGuessed && phrase.gender !== null && !phrase.genderGuessed) {
      // An honorific or our own list outranks the tables' guess.
      e.gender = phrase.gender;
      e.genderGuessed = false;
    }
    for (const r of [phrase.role, role]) if (r && !e.roles.includes(r)) e.roles.push(r);
    if (e.roles.length > 0 && e.type === 'unknown') e.type = 'person';
    if (
      e.type === 'org' &&
      (phrase.company || phrase.nameWords.some((w) => COMPANY_HEADS.has(w.toLowerCase())))
    )
      e.company = true;
    e.forms.add(phrase.form);
  }

  /**
   * Finds the entity a phrase refers to: its full name, or a unique surname (`Putin`), or a unique first word of
   * an organisation (`Northwind` for `Northwind Foods`). Unknown single words become their own entity.
   */
  resolve(phrase: NamePhrase, role: string | null): Entity {
    const found = this.find(phrase);
    if (found) {
      this.enrich(found, phrase, role);
      return found;
    }
    return this.addFull(phrase, role);
  }

  /** The existing entity a phrase refers to, without registering anything. */
  find(phrase: NamePhrase): Entity | null {
    const name = phrase.nameWords.join(' ');
    const exact = this.byFull.get(key(name));
    if (exact) return exact;
    const k = key(name);
    if (phrase.nameWords.length === 1) {
      // `Mr. Quill` is never `Ivanka Quill`: an honorific's gender rules out people of the other one.
      const g = phrase.gender;
      const persons = (this.bySurname.get(k) ?? []).filter(
        (e) => e.type !== 'org' && (g === null || genderOf(e) === null || genderOf(e) === g),
      );
      if (persons.length === 1) return persons[0] as Entity;
      // (Not a person's body, `Quill campaign`, `Reyes office`: a lone `Quill` is the person, not their campaign.)
      const orgs = (this.byFirstWord.get(k) ?? []).filter(
        (e) => e.type === 'org' && !PERSONS_BODY.test(e.name),
      );
      if (orgs.length === 1 && persons.length === 0) return orgs[0] as Entity;
      // Sisters sharing a surname are told apart by first name (`Rosalind says`): a unique first name will do.
      const byFirst = (this.byFirstWord.get(k) ?? []).filter((e) => e.type === 'person');
      if (persons.length === 0 && byFirst.length === 1) return byFirst[0] as Entity;
      return null;
    }
    // `Vladimir V. Putin` vs `Vladimir Putin`: same first and last word, one candidate.
    const surname = key(this.surnameOf(phrase.nameWords));
    const first = key(phrase.nameWords[0] as string);
    const same = (this.bySurname.get(surname) ?? []).filter(
      (e) => key(e.name.split(' ')[0] as string) === first,
    );
    return same.length === 1 ? (same[0] as Entity) : (this.outletFor(phrase) ?? this.particleSurname(phrase));
  }

  /**
   * `De Blasio` opening a sentence after `Bill de Blasio`: a surname with a particle (`de`, `van`, `von`, `di`, `le`)
   * is the one person whose full name ends with it, whatever the particle's case; null for any other phrase.
   */
  private particleSurname(phrase: NamePhrase): Entity | null {
    const [particle, last] = phrase.nameWords;
    if (
      phrase.nameWords.length !== 2 ||
      !/^(?:de|del|della|di|da|van|von|le|la|du|der|den)$/i.test(particle as string)
    )
      return null;
    const tail = ` ${key(`${particle} ${last}`)}`;
    const people = (this.bySurname.get(key(last as string)) ?? []).filter(
      (e) => e.type === 'person' && key(e.name).endsWith(tail),
    );
    return people.length === 1 ? (people[0] as Entity) : null;
  }

  /**
   * `The Post` after `The Washington Post`: an outlet's short name is the one outlet the article named in full that
   * ends with it; null for any other phrase.
   */
  private outletFor(phrase: NamePhrase): Entity | null {
    const [the, head] = phrase.nameWords;
    if (phrase.nameWords.length !== 2 || the !== 'The' || !OUTLET_HEADS.test(head as string)) return null;
    const tail = ` ${(head as string).toLowerCase()}`;
    const outlets = this.entities.filter(
      (e) => e.type === 'org' && isOutlet(e) && e.name.includes(' ') && e.name.toLowerCase().endsWith(tail),
    );
    return outlets.length === 1 ? (outlets[0] as Entity) : null;
  }

  mention(
    entity: Entity,
    pos: number,
    subject: boolean,
    quoted = false,
    speaker = false,
    apposed = false,
    joined = false,
  ): void {
    const m: Mention = quoted ? { entity, pos, subject, quoted } : { entity, pos, subject };
    if (speaker) m.speaker = true;
    if (apposed) m.apposed = true;
    if (joined) m.joined = true;
    this.mentions.push(m);
  }

  /**
   * Someone the text does not name (`one student at Dover`, `a resident`): never shown as a speaker, but a likelier
   * antecedent of the next `he` than the last person named. Not listed among the entities.
   */
  someone(): Entity {
    return { id: -1, name: '', type: 'person', gender: null, roles: [], company: false, forms: new Set() };
  }

  /** A subject mention of `entity` at `pos`, after finish(): kept in order. */
  mentionInOrder(entity: Entity, pos: number): void {
    this.mentions.splice(this.upperBound(pos), 0, { entity, pos, subject: true });
  }

  /** Whether a person is named (outside quotation marks) in [from, to). */
  personBetween(from: number, to: number): boolean {
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.entity.type === 'person' && !m.quoted) return true;
    }
    return false;
  }

  /** The people named (outside quotation marks) in [from, to), each once, in order. */
  personsBetween(from: number, to: number): Entity[] {
    const out: Entity[] = [];
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.entity.type === 'person' && !m.quoted && !out.includes(m.entity)) out.push(m.entity);
    }
    return out;
  }

  /** Sorts mentions by position (call once after collection). */
  finish(): void {
    this.mentions.sort((x, y) => x.pos - y.pos);
    const seen = new Set<Entity>();
    for (const m of this.mentions) {
      if (seen.has(m.entity)) continue;
      seen.add(m.entity);
      if (!m.quoted && m.entity.type === 'person' && m.entity.name.includes(' ')) m.intro = true;
    }
  }

  /** Index of the first mention at or after `pos` (binary search). */
  private upperBound(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as Mention).pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Two people speaking together (`Cummings and Conyers wrote`): one speaker named for both. */
  joint(a: Entity, b: Entity): Entity {
    return this.named(`${a.name} and ${b.name}`, 'person');
  }

  /** A document quoted as the source (`the joint statement said`): an organisation-like speaker named by it. */
  document(words: string[]): Entity {
    return this.named(`the ${words.join(' ')}`, 'org');
  }

  /** The entity with exactly this name, made once (no surname or first-word lookups: it is not a person's name). */
  private named(name: string, type: EntityType): Entity {
    let e = this.byFull.get(key(name));
    if (!e) {
      e = {
        id: this.entities.length,
        name,
        type,
        gender: null,
        roles: [],
        company: false,
        forms: new Set([name]),
      };
      this.entities.push(e);
      this.byFull.set(key(name), e);
    }
    return e;
  }

  /** Whether `entity` was quoted (an attribution named them) in [from, to). */
  spokeBetween(entity: Entity, from: number, to: number): boolean {
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.speaker && m.entity === entity) return true;
    }
    return false;
  }

  /**
   * Records that `entity` was quoted at `pos`: the likeliest antecedent of the next `he said`. A `guess` (a role or an
   * epithet read as someone) makes that `he` no more than "possibly" them.
   */
  markSpeaker(entity: Entity, pos: number, guess = false): void {
    const i = this.upperBound(pos);
    // (A guess of the one last quoted for sure takes nothing from that.)
    let unsure = guess;
    for (let k = i - 1; unsure && k >= 0; k--) {
      const m = this.mentions[k] as Mention;
      if (!m.speaker) continue;
      if (m.entity === entity && !m.guess) unsure = false;
      break;
    }
    this.mentions.splice(i, 0, {
      entity,
      pos,
      subject: true,
      speaker: true,
      ...(unsure ? { guess: true } : {}),
    });
  }

  /**
   * The person a pronoun at `pos` refers to: the most recent compatible subject (same gender or gender unknown),
   * else the most recent compatible mention, with how sure that is. Only people can be `he` or `she`: an entity
   * typed as a person must also read as one (a known first name, a title or an honorific, or a gender the text
   * gave it). Looks back a bounded distance; null if nothing.
   */
  pronounDetail(
    pos: number,
    gender: 'm' | 'f',
    window = 2500,
    paraStart = -1,
    prevParaStart = -1,
    sentenceStart = -1,
    exclude: Entity | null = null,
  ): { entity: Entity | null; strength: PronounStrength } {
    const end = this.upperBound(pos);
    let best: Mention | null = null;
    let anyMatch: Mention | null = null;
    let lastSpeaker: Mention | null = null;
    let quotedMatch: Mention | null = null;
    let guessedOther: Mention | null = null;
    const compatible = (e: Entity): boolean =>
      e !== exclude &&
      e.type === 'person' &&
      (genderOf(e) === gender || e.gender === null) &&
      readsAsPerson(e);
    let bestAt = -1;
    for (let i = end - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      // `Sidney Blum ... he said`: the tables guessed the other gender for the first name; a last resort.
      if (m.subject && m.entity.genderGuessed && m.entity.type === 'person' && m.entity.gender !== gender)
        guessedOther ??= m;
      if (!compatible(m.entity)) continue;
      // A name inside someone's quoted words is a last resort: the quoted person talks about them.
      if (m.quoted) {
        quotedMatch ??= m;
        continue;
      }
      if (m.speaker && !lastSpeaker) lastSpeaker = m;
      if (m.subject && !best) {
        best = m;
        bestAt = i;
      }
      anyMatch ??= m;
      if (best && lastSpeaker) break;
    }
    // `..., a worker named Ana Ruiz, has only praise. "...," he said.`: a person introduced by full name after the
    // likeliest subject, close before the pronoun, may be who speaks: the choice is then only "possibly".
    let intro: Mention | null = null;
    for (let i = end - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > 600 || (best && m.pos <= best.pos)) break;
      if (m.intro && compatible(m.entity)) {
        intro = m;
        break;
      }
    }
    // Introduced in this very paragraph, after everyone else: the paragraph is about them. Or introduced in the
    // paragraph before with a role, the paragraph naming no other compatible subject, and the pronoun opening this
    // one (`To the historian Ada Quill, it looked planned.` / `"It was a trap," she said.`).
    const introducedBefore =
      prevParaStart >= 0 &&
      paraStart >= 0 &&
      pos - paraStart <= 400 &&
      intro !== null &&
      best !== null &&
      intro.pos >= prevParaStart &&
      best.pos < prevParaStart &&
      // (introduced as a source is: with what they are, `political science professor Ada Quill`, `like Ben Dover,
      // a senior fellow at the Harbor Institute,`)
      (intro.entity.roles.length > 0 || intro.apposed === true);
    if (
      intro &&
      best &&
      intro.entity !== best.entity &&
      paraStart >= 0 &&
      ((intro.pos >= paraStart && best.pos < paraStart) || introducedBefore)
    ) {
      intro.entity.gender = gender;
      intro.entity.genderGuessed = false;
      return { entity: intro.entity, strength: 'ambiguous' };
    }
    // `Lee Ames is a professor ... Ames said.` / `"...," she said.`: the name tables guessed the first name's gender
    // wrong, and that person, the subject just before, is likelier than someone compatible named further back.
    if (
      guessedOther &&
      paraStart >= 0 &&
      // (In an earlier sentence: `As for Carla Hines, he said she ...` speaks of her, not as her.)
      guessedOther.pos < sentenceStart &&
      this.paraOf(pos) - this.paraOf(guessedOther.pos) <= 1 &&
      (anyMatch === null || anyMatch.pos < guessedOther.pos) &&
      // (Nor anyone compatible named since inside quotation marks before this paragraph: marks read wrongly may hide
      // a subject there.)
      (quotedMatch === null || quotedMatch.pos < guessedOther.pos || quotedMatch.pos >= paraStart) &&
      (lastSpeaker === null || lastSpeaker.pos < guessedOther.pos) &&
      // (Nor when someone compatible is a subject earlier in that paragraph: `Ailes was secretive, according to
      // Vanity Fair, and he ...` keeps to Ailes.)
      !this.subjectBefore(guessedOther.pos, compatible)
    ) {
      const g = guessedOther.entity;
      g.gender = gender;
      g.genderGuessed = false;
      return { entity: g, strength: 'ambiguous' };
    }
    // `"...," said Ashcombe.` / `Ashcombe and Penrose argued ...` / `"...," he said.`: a subject of two names
    // neither for a later `he`; the one of them just quoted is likelier.
    // (The second of the two is the later subject, so the one found; the first is the mention just before it.)
    if (
      best?.joined &&
      lastSpeaker &&
      lastSpeaker.pos < best.pos &&
      pos - lastSpeaker.pos <= 1500 &&
      this.mentions[bestAt - 1]?.entity === lastSpeaker.entity
    )
      best = lastSpeaker;
    const chosen = best ?? anyMatch ?? quotedMatch;
    if (!chosen) {
      // Only ever "possibly": the text never told us this person's gender.
      return { entity: guessedOther?.entity ?? null, strength: 'ambiguous' };
    }
    const e = chosen.entity;
    // (`One student at Dover said he ...`: someone unnamed is the likeliest; no name is better than the last one.)
    if (e.name === '') return { entity: null, strength: 'ambiguous' };
    // Rivals: other compatible people mentioned since shortly before the chosen mention.
    const since = Math.min(chosen.pos, lastSpeaker?.pos ?? chosen.pos) - 400;
    const rivals = new Set<Entity>();
    for (let i = end - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.pos < since) break;
      if (m.entity !== e && compatible(m.entity)) rivals.add(m.entity);
    }
    // The discourse now tells us the gender; later pronouns rely on it.
    e.gender = gender;
    e.genderGuessed = false;
    let strength: PronounStrength;
    if (lastSpeaker?.entity === e && pos - lastSpeaker.pos <= 1500) {
      // Quoted just before, and no other compatible person has been the subject since.
      // (Nor named in a paragraph between the quote and this one, or earlier in this one: `"...," said Ada Quill.` /
      // `Aides say Mia Dunn advises her father.` / `"...," she said.`: the passage may have turned to someone else.)
      const speakerPara = this.paraOf(lastSpeaker.pos);
      const herePara = this.paraOf(pos);
      const otherSubjectSince = this.mentions
        .slice(this.upperBound(lastSpeaker.pos), end)
        .some(
          (m) =>
            m.entity !== e &&
            compatible(m.entity) &&
            (m.subject || (!m.quoted && this.paraOf(m.pos) > speakerPara && this.paraOf(m.pos) <= herePara)),
        );
      strength = otherSubjectSince || lastSpeaker.guess ? 'ambiguous' : 'continuity';
    } else if (lastSpeaker && lastSpeaker.entity !== e && pos - lastSpeaker.pos <= 1500)
      strength = 'ambiguous';
    else strength = rivals.size === 0 ? 'unique' : 'ambiguous';
    if (intro && intro.entity !== e) strength = 'ambiguous';
    return { entity: e, strength };
  }

  /** The first subject mention outside quotation marks in [from, to), or null. */
  firstSubjectFrom(from: number, to: number): Mention | null {
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.subject && !m.quoted) return m;
    }
    return null;
  }

  /** Where `entity` is first mentioned outside quotation marks in [from, to), or -1. */
  firstMentionBetween(entity: Entity, from: number, to: number): number {
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.entity === entity && !m.quoted) return m.pos;
    }
    return -1;
  }

  /** Whether a mention passing `ok` is a subject, outside quotation marks, in the paragraph of `pos` before it. */
  private subjectBefore(pos: number, ok: (e: Entity) => boolean): boolean {
    const start = this.paraStarts[this.paraOf(pos)] ?? 0;
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.pos < start) break;
      if (m.subject && !m.quoted && ok(m.entity)) return true;
    }
    return false;
  }

  /** The index of the paragraph holding `pos` (0 when paragraphs are unknown). */
  private paraOf(pos: number): number {
    let lo = 0;
    let hi = this.paraStarts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.paraStarts[mid] as number) <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The person most recently the subject of a clause or quoted before `pos`, within a short passage. */
  recentPerson(pos: number, window = 1200): Entity | null {
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (m.subject && m.entity.type === 'person' && readsAsPerson(m.entity)) return m.entity;
    }
    return null;
  }

  /**
   * The last person of a compatible gender named in [from, to) outside quotation marks (`Even before Reyes spoke,
   * his campaign ...`: who `his` most likely means within one sentence), or null.
   */
  lastPersonBetween(from: number, to: number, gender: 'm' | 'f'): Entity | null {
    for (let i = this.upperBound(to) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.pos < from) break;
      const e = m.entity;
      if (m.quoted || e.type !== 'person' || e.name === '' || !readsAsPerson(e)) continue;
      if (genderOf(e) === gender || e.gender === null) return e;
    }
    return null;
  }

  /** The one person named (outside quotation marks) within `window` before `pos`, or null when none or several are. */
  onlyPerson(pos: number, window = 1200): Entity | null {
    let only: Entity | null = null;
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (m.quoted || m.entity.type !== 'person' || m.entity.name === '' || !readsAsPerson(m.entity))
        continue;
      if (only && only !== m.entity) return null;
      only = m.entity;
    }
    // (Only someone surely a person: a title, or a gender not merely the name tables' guess; `Harbor Street` is no
    // one.)
    return only && (only.roles.length > 0 || (only.gender !== null && !only.genderGuessed)) ? only : null;
  }

  /** The people who are subjects of a clause in [from, to), outside quotation marks, in order. */
  subjectsBetween(from: number, to: number): Entity[] {
    const out: Entity[] = [];
    for (let i = this.upperBound(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.pos >= to) break;
      if (m.subject && !m.quoted && m.entity.type === 'person' && !out.includes(m.entity)) out.push(m.entity);
    }
    return out;
  }

  /** The organisation most recently named before `pos`, within a short passage. */
  recentOrg(pos: number, window = 1500): Entity | null {
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (m.entity.type === 'org') return m.entity;
    }
    return null;
  }

  /** The news outlet most recently named before `pos` (an organisation in the outlet list or named like one). */
  recentOutlet(pos: number, window = 3000): Entity | null {
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (isOutlet(m.entity)) return m.entity;
    }
    return null;
  }

  /**
   * The organisation that is the subject of a clause (or spoke) shortly before `pos`, with nothing else of its kind
   * the subject since (`The Harbor Port Authority admitted that its staff ...` / `"...," the agency said`): no
   * news outlet, and only within `window` characters.
   */
  recentOrgSubject(pos: number, window = 1200): Entity | null {
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (!m.subject || m.quoted) continue;
      return m.entity.type === 'org' && !isOutlet(m.entity) ? m.entity : null;
    }
    return null;
  }

  /**
   * The body last named as a subject before `pos` (within `window` characters), read loosely: an organisation, or a
   * name the tables did not type as one (with no title and no sure gender) that reads as no person or that `isThing`
   * says the article writes of as a thing (`Chirper said in a short statement, adding that it ...`). Null when a person is the
   * last subject, or an outlet is.
   */
  recentBodySubject(pos: number, isThing: (e: Entity) => boolean, window = 1200): Entity | null {
    for (let i = this.upperBound(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (pos - m.pos > window) break;
      if (!m.subject || m.quoted) continue;
      const e = m.entity;
      if (isOutlet(e)) return null;
      if (e.type === 'org') return e;
      // (A name of several words the tables took for a person's is one only when not written of as a thing.)
      if (e.type === 'person')
        return e.roles.length === 0 && (!e.gender || e.genderGuessed) && isThing(e) ? e : null;
      return !readsAsPerson(e) || isThing(e) ? e : null;
    }
    return null;
  }

  /** The entity last named as a subject (outside quotation marks) in [from, to), or null. */
  lastSubjectBetween(from: number, to: number): Entity | null {
    for (let i = this.upperBound(to) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.pos < from) break;
      if (m.subject && !m.quoted && m.entity.name !== '') return m.entity;
    }
    return null;
  }

  /** The person a pronoun at `pos` refers to (see `pronounDetail`). */
  pronoun(pos: number, gender: 'm' | 'f', window = 2500): Entity | null {
    return this.pronounDetail(pos, gender, window).entity;
  }

  /** The entity a role noun phrase at `pos` refers to (`the chief executive`, `the company`, `the union`). */
  roleNoun(pos: number, words: string[], orgNoun: string | null): Entity | null {
    const end = this.upperBound(pos);
    const wanted = words.map((w) => w.toLowerCase());
    // (A whole word starting: `UnitedArmsGroup.com` is no group.)
    const named = orgNoun === null ? null : new RegExp(`\\b${orgNoun}`);
    // Bounded look-back: a role noun refers to someone introduced in the same stretch of the article.
    for (let i = end - 1; i >= 0 && end - i <= 400; i--) {
      const m = this.mentions[i] as Mention;
      const e = m.entity;
      if (orgNoun !== null) {
        if (e.type !== 'org') continue;
        if (named?.test(e.name.toLowerCase())) return e;
        // (`firms like Halvex, which ...`: an organisation by a bare name, no head word saying it is a
        // department, a union or a paper, may be the company.)
        if ((orgNoun === 'company' || orgNoun === 'firm') && (e.company || bareOrg(e))) return e;
        continue;
      }
      if (e.type !== 'person' || e.roles.length === 0) continue;
      const roles = expandTitles(e.roles.join(' ').toLowerCase());
      if (wanted.every((w) => roles.includes(w))) return e;
    }
    // `the Florida senator` for `Sen. Marco Rubio`: the head noun alone, when one person recently holds it.
    const head = wanted.at(-1);
    if (orgNoun === null && head) {
      const holders = new Set<Entity>();
      for (let i = end - 1; i >= 0 && end - i <= 400; i--) {
        const e = (this.mentions[i] as Mention).entity;
        if (e.type === 'person' && titleWords(e).includes(head)) holders.add(e);
      }
      if (holders.size === 1) return [...holders][0] as Entity;
    }
    if (orgNoun !== null) {
      // `the group` is a group: a foundation, a union, a PAC, never a city hall or a newspaper.
      const group = /^(group|organization|organisation)$/.test(orgNoun);
      const groupLike = (e: Entity): boolean =>
        /\b(foundation|association|coalition|group|alliance|council|committee|union|organi[sz]ation|institute|society|fund|league|movement|pac|project)$/i.test(
          e.name,
        );
      // A lone organisation earlier in the article is what `the company` means when nothing else fits.
      // (Nor is a company `the ministry` or `the agency`.)
      const government = GOVERNMENT_BODIES.has(orgNoun);
      const orgs = this.entities.filter(
        (e) =>
          e.type === 'org' &&
          (orgNoun !== 'company' || e.company) &&
          (!group || groupLike(e)) &&
          !(government && e.company),
      );
      if (orgs.length === 1) return orgs[0] as Entity;
      // `The Quill Foundation ... "...," the group said`: the group just named.
      const recent = group ? this.recentOrg(pos, 800) : null;
      if (recent && groupLike(recent)) return recent;
    }
    return null;
  }

  /** The one person anywhere in the article whose title includes `head` (`judge` for `Judge Ortiz`), or null. */
  soleHolder(head: string): Entity | null {
    let only: Entity | null = null;
    for (const e of this.entities) {
      if (e.type !== 'person' || !titleWords(e).includes(head)) continue;
      if (only) return null;
      only = e;
    }
    return only;
  }

  /** The person mentioned most often outside quotation marks (passing `ok`), if clearly ahead of the next one. */
  mainPerson(ok: (e: Entity) => boolean): Entity | null {
    const counts = new Map<Entity, number>();
    for (const m of this.mentions)
      if (!m.quoted && m.entity.type === 'person' && m.entity.name !== '' && readsAsPerson(m.entity))
        counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    const ranked = [...counts].filter(([e]) => ok(e)).sort((x, y) => y[1] - x[1]);
    const [first, second] = ranked;
    return first && first[1] >= 3 && (!second || first[1] >= 2 * second[1]) ? first[0] : null;
  }

  /** The entity a bare name refers to, without registering anything. */
  lookup(name: string): Entity | null {
    return this.byFull.get(key(name)) ?? null;
  }
}
