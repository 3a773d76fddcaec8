/**
 * Per-article working state shared by the extraction passes: each paragraph tokenised and split into sentences
 * once, and the entity table (who is mentioned where, with which role).
 */

import { checkBudget } from '../budget.ts';
import { isEnglishWord } from './dictionary.ts';
import { genderOfFirstName, isFirstName } from './gender.ts';
import {
  FIRST_NAMES,
  isPlace,
  looksCommon,
  ORG_NOUNS,
  REPORTING_VERBS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  townBefore,
  UNNAMED_DETS,
  UNNAMED_PEOPLE,
} from './lexicon.ts';
import {
  analyzeRun,
  capitalRuns,
  type Entity,
  EntityTable,
  type NamePhrase,
  orgApposition,
  roleAround,
} from './names.ts';
import { type Sentence, splitSentences } from './sentences.ts';
import { maskTags, type PartyTag } from './tags.ts';
import { isCapitalized, type Token, tokenize } from './tokens.ts';

/** One paragraph, pre-processed. */
export interface Para {
  text: string;
  /** Absolute position of the paragraph's first character in the article (paragraphs joined with one newline). */
  base: number;
  tokens: Token[];
  sentences: Sentence[];
  /** Party and state tags (`(R-Fla.)`), blanked out of the tokens and kept for the speaker's role. */
  tags: PartyTag[];
}

/** Words after which a capitalised run is an object, not a subject. */
const PREPOSITIONS = new Set(
  (
    'in on at with to from by for of about against than between among into over under after before during like ' +
    'toward towards via per as alongside including and or nor'
  ).split(' '),
);

/**
 * Conjunctions after which a name opens a main clause of its own. (Not `because`, `while`, `although`: the subject
 * of a subordinate clause is not who the passage is about, and a later `he said` seldom means it.)
 */
const CLAUSE_LEADS = new Set(['but', 'yet']);

/** Words that open a noun phrase (`his campaign chief`, `the party's chair`). */
const NOUN_PHRASE_OPENERS = new Set(['his', 'her', 'their', 'its', 'our', 'the', 'a', 'an']);

/** Words of time that may stand between a clause's start and its subject (`since then Ben Dover has ...`). */
const TIME_WORDS = new Set(['since', 'then', 'now', 'today', 'yesterday', 'later', 'earlier', 'meanwhile']);

/** Everything the passes need about one article. */
export interface ArticleContext {
  paras: Para[];
  table: EntityTable;
  /** Words the article writes in lower case: `Officials` opening a sentence is the word `officials`, not a name. */
  lowerWords: Set<string>;
  /** Words (lower-cased) the article capitalises inside a sentence, where only names are capitalised. */
  midCaps: Set<string>;
  /** Lone capitalised words the article has speak (`Trump said`), with how often. */
  speaking: Map<string, number>;
  /** True when the absolute offset `pos` lies inside quotation marks (a verb there is the quoted person's, not the
   * writer's: `"yelling it from every porch" for the campaign is ...`). */
  inQuote: (pos: number) => boolean;
}

/** Index of the first token whose start is >= pos. */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the sentence containing position `pos` (or the last one before it), -1 if none (binary search). */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The sentence containing position `pos` (or the last one before it). */
export function sentenceAt(sentences: Sentence[], pos: number): Sentence | null {
  return sentences[sentenceIndexAt(sentences, pos)] ?? null;
}

/**
 * The name at token `from` opens its clause: only its own noun phrase (`Union leader`, `The authority's general
 * manager,`) stands between it and the sentence start or a comma. A name after a verb or preposition is an object.
 */
function opensClause(para: Para, from: number): boolean {
  // `He thanked ... as well as his campaign chief, Ben Dunn, and ...`: a name set off after a role noun stands where
  // that noun phrase stands; after a preposition or `and` (not one opening a clause after a comma) it is an object.
  // (Set off on both sides: in `In his view of the mogul, Dunn argued ...` the comma closes an opening phrase.)
  const appos = para.tokens[from - 1];
  let nameEnd = from;
  while (
    nameEnd < from + 4 &&
    para.tokens[nameEnd]?.trail === '' &&
    isCapitalized(para.tokens[nameEnd + 1]?.word ?? '')
  )
    nameEnd++;
  if (
    appos?.trail === ',' &&
    /^\p{Ll}/u.test(appos.word) &&
    ROLE_NOUNS.has(appos.lower) &&
    para.tokens[nameEnd]?.trail.startsWith(',')
  ) {
    for (let j = from - 2; j >= 0 && j >= from - 5; j--) {
      const t = para.tokens[j] as Token;
      if (t.trail !== '') break;
      if (!NOUN_PHRASE_OPENERS.has(t.lower)) continue;
      const before = para.tokens[j - 1];
      if (
        before?.trail === '' &&
        PREPOSITIONS.has(before.lower) &&
        !(before.lower === 'and' && para.tokens[j - 2]?.trail === ',')
      )
        return false;
      break;
    }
  }
  // (Whether a role noun stands between the word looked at and the name: `Libertarian vice presidential nominee Ada
  // Quill said`, where lower-case words describe the role.)
  let roleAfter = false;
  for (let i = from - 1; i >= 0; i--) {
    const t = para.tokens[i] as Token;
    if (t.trail !== '' || /[.!?]["”’]?$/.test(t.trail)) return true;
    // (`..., and since then Ben Dover has seen`: a word of time before the name, after a clause start.)
    if (TIME_WORDS.has(t.lower) && from - i <= 3) continue;
    if (PREPOSITIONS.has(t.lower)) {
      // `And Obama, for all that, seems to agree`: `And` opening a sentence joins it to the last one, not the name to
      // a name before it.
      const before = para.tokens[i - 1];
      // (`..., and since then Ben Dover has seen ...`: `and` after a comma opens a clause.)
      if (
        t.lower === 'and' &&
        before?.trail === ',' &&
        para.tokens[i + 1] &&
        TIME_WORDS.has((para.tokens[i + 1] as Token).lower)
      )
        return true;
      return (
        /^(and|or)$/.test(t.lower) &&
        isCapitalized(t.word) &&
        (before === undefined || /[.!?]["”’']?$/.test(before.trail))
      );
    }
    const inPhrase =
      isCapitalized(t.word) ||
      t.possessive ||
      ROLE_NOUNS.has(t.lower) ||
      ORG_NOUNS.has(t.lower) ||
      /^(the|a|an)$/.test(t.lower) ||
      (roleAfter && t.trail === '' && ROLE_MODIFIER.test(t.lower));
    if (ROLE_NOUNS.has(t.lower)) roleAfter = true;
    // `..., but Rep. Quill, who ..., doesn't`: a conjunction opening a main clause puts the name first in it.
    // (`aides say Ada Quill also advises`: after unnamed people's `say`, the name is the subject of what they say.)
    if (!inPhrase)
      return (
        t.trail === '' &&
        (CLAUSE_LEADS.has(t.lower) ||
          (/^(say|said)$/.test(t.lower) &&
            /^\p{Ll}+s$/u.test(para.tokens[i - 1]?.word ?? '') &&
            para.tokens[i - 1]?.trail === ''))
      );
    if (from - i > 6) return false;
  }
  return true;
}

/** `To Dover consultant Fenwick,`, `For Gloria Dunn,` opening a sentence: `To` or `For`, a title or role, the name. */
function viewOpener(tokens: Token[], from: number): boolean {
  for (let i = from - 1; i >= 0 && i >= from - 5; i--) {
    const t = tokens[i] as Token;
    if (t.trail !== '') return false;
    if (t.word === 'To' || t.word === 'For')
      return i === 0 || /[.!?]["”’']?$/.test((tokens[i - 1] as Token).trail);
    if (!(isCapitalized(t.word) || ROLE_NOUNS.has(t.lower) || ROLE_MODIFIER.test(t.lower))) return false;
  }
  return false;
}

/** A lower-case word that describes a role before its noun (`presidential`, `former`, `longtime`, `vice`). */
const ROLE_MODIFIER =
  /^(?:former|then|acting|interim|deputy|senior|chief|longtime|veteran|vice|top|assistant|junior|leading|fellow|outgoing|incoming|retired|\p{Ll}+(?:al|ic|ary|ive))$/u;

/** Prepositions of place: a name after them twice is a place (`in Elliot Bay`). */
const LOCATIVES = new Set(['in', 'into', 'near', 'around', 'outside', 'across', 'throughout', 'surrounds']);

/** Words that may follow a place's name without punctuation (`in Dover and`, `into Dover on Monday`). */
const PLACE_FOLLOWERS = new Set(
  'and or on at in to for with where which that was is has had from by during after before since until'.split(
    ' ',
  ),
);

/** A phrase is worth registering as an entity: a person or organisation, or a multi-word name with a role. */
function registrable(p: NamePhrase, role: string | null): boolean {
  if (p.type === 'person' || p.type === 'org') return true;
  return p.nameWords.length >= 2 && role !== null;
}

/** Builds the context: tokens, sentences, entities and their mentions. Linear in the article's length. */
export function buildContext(
  paragraphs: string[],
  quoteRanges: Array<[number, number]> = [],
): ArticleContext {
  const table = new EntityTable();
  const paras: Para[] = [];
  let base = 0;
  for (const text of paragraphs) {
    checkBudget();
    const { masked, tags } = maskTags(text);
    paras.push({ text, base, tokens: tokenize(masked), sentences: splitSentences(text), tags });
    base += text.length + 1;
  }
  table.paraStarts = paras.map((p) => p.base);
  const lowerWords = new Set<string>();
  const midCaps = new Set<string>();
  for (const para of paras)
    for (const [i, t] of para.tokens.entries()) {
      if (/^\p{Ll}+$/u.test(t.word)) lowerWords.add(t.word);
      const prev = para.tokens[i - 1];
      if (
        prev &&
        isCapitalized(t.word) &&
        !/[.!?:;"”]/.test(prev.trail) &&
        t.lead === '' &&
        /^\p{Ll}/u.test(prev.word)
      )
        midCaps.add(t.lower);
    }
  const phrases: Array<{ para: Para; phrase: NamePhrase; role: string | null }> = [];
  const singles = new Set<string>();
  // `Trump said`, `said Ebeling`: a one-word name the article has speak is a person there, so that later
  // pronouns can find it even when the article never gives the full name.
  const speaking = new Map<string, number>();
  for (const para of paras) {
    const toks = para.tokens;
    for (let i = 0; i < toks.length; i++) {
      checkBudget();
      const t = toks[i] as Token;
      const next = toks[i + 1];
      const prev = toks[i - 1];
      if (!isCapitalized(t.word) || t.possessive || !/^\p{Lu}\p{Ll}+$/u.test(t.word)) continue;
      const before =
        next &&
        t.trail === '' &&
        (SPEECH_VERBS.has(next.word) || next.word === 'spoke') &&
        !next.word.endsWith('ing');
      const inverted = prev && prev.trail === '' && /^(said|says)$/.test(prev.lower) && /^[,.]/.test(t.trail);
      const alone = !isCapitalized(toks[i - 1]?.word ?? '') || (toks[i - 1]?.trail ?? '') !== '';
      if ((before || inverted) && alone) speaking.set(t.lower, (speaking.get(t.lower) ?? 0) + 1);
    }
  }
  // `in Elliot Bay`, `marched into Elliot Bay`: a name the article puts after `in` or `into` twice or more is a
  // place, unless it is given a title or opens with a first name our own list knows.
  const located = new Map<string, number>();
  const runs = paras.map((para) => capitalRuns(para.tokens));
  for (const [pi, para] of paras.entries())
    for (const [from, to] of runs[pi] as Array<[number, number]>) {
      const prev = para.tokens[from - 1];
      if (prev?.trail !== '' || !LOCATIVES.has(prev?.lower ?? '')) continue;
      // (Not `into Quill's office`, nor `in Quill campaign ads`: the name only modifies what follows.)
      const last = para.tokens[to - 1] as Token;
      const after = para.tokens[to];
      if (last.possessive || (last.trail === '' && after && !PLACE_FOLLOWERS.has(after.lower))) continue;
      const k = para.tokens
        .slice(from, to)
        .map((t) => t.lower)
        .join(' ');
      located.set(k, (located.get(k) ?? 0) + 1);
    }
  const isLocated = (p: NamePhrase): boolean =>
    p.role === null &&
    !FIRST_NAMES.has((p.nameWords[0] as string).toLowerCase()) &&
    (located.get(p.nameWords.join(' ').toLowerCase()) ?? 0) >= 2;
  for (const [pi, para] of paras.entries()) {
    checkBudget();
    for (const [from, to] of runs[pi] as Array<[number, number]>) {
      const phrase = analyzeRun(para.tokens, from, to);
      if (!phrase || isLocated(phrase)) continue;
      // `the college in Harbor Falls, North Dakota,`: a town, whatever else.
      // (`Michael Reyes of Dover, Del.,` is a person of a town.)
      if (
        phrase.type === 'unknown' &&
        phrase.to === to &&
        para.tokens[to - 1]?.trail === ',' &&
        townBefore(para.tokens, to)
      )
        continue;
      // `the pro-Harbor Union Facebook page`: capitals continuing a hyphenated modifier are no name.
      if (phrase.type === 'unknown' && /^\p{Ll}+-\p{Lu}/u.test(para.tokens[from - 1]?.word ?? '')) continue;
      // (`a Dover, N.H., resident named Carol`: a place has no role, and is no person for having one after it.)
      const role = isPlace(phrase.nameWords) ? null : roleAround(para.tokens, phrase.from, phrase.to);
      if (role && phrase.type === 'unknown' && phrase.nameWords.length >= 2) phrase.type = 'person';
      if (phrase.type === 'unknown') {
        const kind = orgApposition(para.tokens, phrase.to);
        if (kind) {
          phrase.type = 'org';
          phrase.company = kind === 'company';
        }
        // `firms like Halvex, which fought the plan`: a name followed by `, which` is a thing, not a person.
        else if (
          para.tokens[phrase.to - 1]?.trail === ',' &&
          para.tokens[phrase.to]?.lower === 'which' &&
          !isPlace(phrase.nameWords)
        )
          phrase.type = 'org';
      }
      // `Tin Aung Hla, 64, a farmer,` / `Orlund, 41, said`: a name given an age is a person's.
      const aged = agedAt(para.tokens, phrase.to);
      if (aged && phrase.type === 'unknown') phrase.type = 'person';
      if (phrase.nameWords.length === 1) {
        const only = (phrase.nameWords[0] as string).toLowerCase();
        singles.add(only);
        // `a resident named Carol`: a first name given as a name is a person, even alone. (Not after `called`, which
        // frames words: `called Quill's remarks`.)
        // (`Daniel, a senior at the state university,`: a first name with an apposition too.)
        const withApposition =
          (para.tokens[phrase.to - 1] as Token).trail === ',' &&
          /^(a|an)$/.test(para.tokens[phrase.to]?.lower ?? '') &&
          FIRST_NAMES.has(only);
        // (A first name in our own list outweighs `university` in its apposition, which made it an organisation.)
        if (
          (phrase.type === 'unknown' || (withApposition && phrase.type === 'org')) &&
          (para.tokens[phrase.from - 1]?.lower === 'named' || withApposition) &&
          isFirstName(only)
        ) {
          phrase.type = 'person';
          phrase.gender ??= genderOfFirstName(only);
        }
        if (
          phrase.type === 'unknown' &&
          speaking.has(only) &&
          !looksCommon(only) &&
          !isPlace([only]) &&
          // `Immunity said` in a headline: an English word the article never capitalises inside a sentence and
          // has speak only once is no name.
          (midCaps.has(only) || (speaking.get(only) ?? 0) >= 2 || !isEnglishWord(only))
        )
          phrase.type = 'person';
      }
      // `Quill's husband, Tom,`: a first name set off after a relation takes the family name.
      const kin = familyName(para.tokens, phrase);
      if (kin) {
        phrase.nameWords = [phrase.nameWords[0] as string, kin.surname];
        phrase.type = 'person';
        phrase.gender ??= kin.gender;
      }
      phrases.push({ para, phrase, role });
    }
  }
  for (const { phrase, role } of phrases) {
    // `Gavin Shore ... Shore told the council` / `Rosalind Achebe ... Rosalind says`: a two- or three-word name
    // later used by one of its words alone is a person.
    const words = phrase.nameWords;
    if (
      phrase.type === 'unknown' &&
      words.length >= 2 &&
      words.length <= 3 &&
      (singles.has((words.at(-1) as string).toLowerCase()) || singles.has((words[0] as string).toLowerCase()))
    )
      phrase.type = 'person';
    // Full names first, so that later short forms find them.
    if (words.length >= 2 && registrable(phrase, role)) table.addFull(phrase, role);
  }
  const ranges = [...quoteRanges].sort((x, y) => x[0] - y[0]);
  const inQuote = (pos: number): boolean => {
    // Binary search: the last range starting at or before pos.
    let lo = 0;
    let hi = ranges.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges[mid] as [number, number])[0] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos < (ranges[found] as [number, number])[1];
  };
  // The last subject registered, to share its place with a name joined to it by `and`.
  let lastSubject = null as { para: Para; to: number } | null;
  for (const { para, phrase, role } of phrases) {
    const exists = phrase.nameWords.length === 1 || table.lookup(phrase.nameWords.join(' ')) !== null;
    if (!exists && !registrable(phrase, role)) continue;
    const entity = table.resolve(phrase, role);
    if (entity.type === 'unknown') continue;
    if (entity.type === 'person' && agedAt(para.tokens, phrase.to)) entity.aged = true;
    const first = para.tokens[phrase.from] as Token;
    const prev = para.tokens[phrase.from - 1];
    const next = para.tokens[phrase.to];
    const pos = para.base + first.start;
    // `According to Hartmann, ...` makes Hartmann the source of what follows: as good as a subject.
    // (`To Dover consultant Fenwick, the party line is silly`: whose view a sentence opens on, likewise.)
    const according =
      (prev?.lower === 'to' && para.tokens[phrase.from - 2]?.lower === 'according') ||
      (entity.type === 'person' &&
        (para.tokens[phrase.to - 1] as Token).trail === ',' &&
        viewOpener(para.tokens, phrase.from));
    // `As for Trump, he said ...`: the topic set before the comma is the subject the pronoun stands for.
    const topic =
      prev?.lower === 'for' &&
      para.tokens[phrase.from - 2]?.word === 'As' &&
      (para.tokens[phrase.to - 1] as Token).trail.startsWith(',') &&
      /^(he|she)$/.test(next?.lower ?? '');
    // (`a Quill supporter`, `an Obama aide`: a name after `a` modifies a noun; it is not the subject.)
    const modifier = prev !== undefined && /^(a|an)$/.test(prev.lower) && prev.trail === '';
    // `Quill's been making the case`: `'s` there is `has` or `is`, not a possessive.
    const contracted =
      phrase.possessive &&
      /^(been|got|gotten|going|not|never|always|already|also|still)$/.test(next?.lower ?? '');
    // `Ashcombe and Penrose argued`: both are the subject.
    const joined =
      prev?.lower === 'and' &&
      prev.trail === '' &&
      lastSubject?.para === para &&
      lastSubject.to === phrase.from - 1 &&
      !phrase.possessive;
    // `His cousin Tom Ruiz, 40, cited ...`: a name given an age, then a verb, is the clause's subject.
    const agedSubject =
      agedAt(para.tokens, phrase.to) &&
      /^\p{Ll}+$/u.test(para.tokens[phrase.to + 1]?.word ?? '') &&
      !/^(a|an|the|who|whose|which|and|or|of|from|in|at|on|for|with|to)$/.test(
        para.tokens[phrase.to + 1]?.word ?? '',
      );
    // `That's when Briggs says the two met`: a name right before a verb of saying is its subject, wherever the clause
    // opens.
    const speaks =
      entity.type === 'person' &&
      !phrase.possessive &&
      !modifier &&
      (para.tokens[phrase.to - 1] as Token).trail === '' &&
      next !== undefined &&
      (/^(says|said|recalls|recalled|adds|added|explains|explained)$/.test(next.word) ||
        // (`as Mr. Dover noted at the meeting`; not a verb opening a quotation, `until Dover “admits ...”`.)
        (REPORTING_VERBS.has(next.word) && !next.word.endsWith('ing') && next.lead === ''));
    // `A reporter asked Quill whether ...` / `"...," he said.`: whoever is asked answers next; as likely a `he` as a
    // subject.
    const asked =
      entity.type === 'person' &&
      !phrase.possessive &&
      /^(asked|asks)$/.test(prev?.lower ?? '') &&
      prev?.trail === '' &&
      /^(whether|if|about|why|how|what|when|to)$/.test(next?.lower ?? '') &&
      (para.tokens[phrase.to - 1] as Token).trail === '';
    // (`Quill's plan was backed Friday by Sen. Ada Dunn, who said ...`: the agent of a passive is who acts.)
    const agent =
      entity.type === 'person' &&
      !phrase.possessive &&
      prev?.lower === 'by' &&
      !inQuote(pos) &&
      [2, 3, 4].some((k) => {
        const v = para.tokens[phrase.from - k];
        const be = para.tokens[phrase.from - k - 1];
        return (
          v !== undefined &&
          /^\p{Ll}+ed$/u.test(v.word) &&
          // (Not who asked: in `Quill was asked by the moderator whether ...` Quill answers.)
          !/^(asked|questioned|interviewed|pressed|urged|challenged|confronted|approached|greeted|introduced|joined|accompanied|interrupted|followed|criticized|attacked|endorsed|praised)$/.test(
            v.lower,
          ) &&
          /^(was|were|is|are|been|be|being)$/.test(be?.lower ?? '') &&
          para.tokens.slice(phrase.from - k - 1, phrase.from - 1).every((t) => t.trail === '')
        );
      });
    const subject =
      agent ||
      agedSubject ||
      speaks ||
      asked ||
      according ||
      topic ||
      joined ||
      // (`Dunn's lawsuit demands his job back. He also seeks ...`: a person's possessive opening the sentence is what
      // it is about.)
      (phrase.possessive &&
        entity.type === 'person' &&
        !inQuote(pos) &&
        phrase.from === tokenAt(para.tokens, sentenceAt(para.sentences, first.start)?.start ?? -1)) ||
      ((!phrase.possessive || contracted) &&
        !modifier &&
        !inQuote(pos) &&
        opensClause(para, phrase.from) &&
        (next === undefined ||
          /^\p{Ll}/u.test(next.word) ||
          (para.tokens[phrase.to - 1] as Token).trail === ',' ||
          // (`Harbor pollster Tom Ayers -- who wrote ... -- is doubtful`: an apposition set off by dashes.)
          /^(?:--|—|–)$/.test(next.word) ||
          /[—–]$/.test((para.tokens[phrase.to - 1] as Token).trail)));
    // `..., said Ashcombe, a former officer.`: the one who speaks in a paraphrase is the last speaker too.
    // (`Across town, handing out leaflets, is Dorian Vance, a teacher ...`: a person brought in by an inverted `is`,
    // then said who they are, is the subject of that sentence.)
    const inverted =
      entity.type === 'person' &&
      !inQuote(pos) &&
      /^(said|says)$/.test(prev?.lower ?? '') &&
      prev?.trail === '' &&
      /^[,.]/.test((para.tokens[phrase.to - 1] as Token).trail);
    const invertedIs =
      entity.type === 'person' &&
      !inQuote(pos) &&
      /^(is|was)$/.test(prev?.lower ?? '') &&
      prev?.trail === '' &&
      (para.tokens[phrase.from - 2]?.trail ?? '').startsWith(',') &&
      (para.tokens[phrase.to - 1] as Token).trail.startsWith(',') &&
      /^(a|an|the)$/.test(next?.lower ?? '');
    // (`like Ben Dover, a senior fellow at the Harbor Institute, ...`: who they are, set off after the name.)
    const apposed =
      entity.type === 'person' &&
      (para.tokens[phrase.to - 1] as Token).trail === ',' &&
      /^(a|an|the)$/.test(next?.lower ?? '');
    table.mention(
      entity,
      pos,
      (subject || inverted || invertedIs) && !inQuote(pos),
      inQuote(pos),
      inverted,
      apposed,
      joined,
    );
    if (subject && !inQuote(pos)) lastSubject = { para, to: phrase.to };
  }
  // Single words never seen with a full name stay out (sentence openers, places) unless attribution adds them.
  table.finish();
  // `One student at Duke said he ...`, `a student at Wesleyan wrote that he ...`: an unnamed person opening a clause
  // is who a following `he` or `she` most likely means, not the last person named. (Unless the sentence names them:
  // `A worker there, Ana Ruiz, said ...`.)
  for (const para of paras) {
    const toks = para.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!UNNAMED_DETS.has((toks[i] as Token).lower) || !opensClause(para, i)) continue;
      // (`Daniel, a senior at Dover`, `said Jared, an undergraduate`: an apposition says who a named person is.)
      const before = toks[i - 1];
      if (before && isCapitalized(before.word) && before.trail === ',') continue;
      // (`Tin Aung Hla, 64, a farmer,`: so does one after a name's age.)
      if (i >= 2 && isCapitalized((toks[i - 2] as Token).word) && agedAt(toks, i - 1)) continue;
      // (`with her husband, a bus driver`: or who someone already spoken of is.)
      if (
        before?.trail === ',' &&
        [toks[i - 2], toks[i - 3]].some(
          (t) => t?.trail === '' && /^(his|her|their|my|our|your)$/.test(t.lower),
        )
      )
        continue;
      let j = i + 1;
      while (
        j < toks.length &&
        j <= i + 3 &&
        (toks[j - 1] as Token).trail === '' &&
        !UNNAMED_PEOPLE.has((toks[j] as Token).lower)
      )
        j++;
      if (!UNNAMED_PEOPLE.has(toks[j]?.lower ?? '') || (toks[j - 1] as Token).trail !== '') continue;
      const pos = para.base + (toks[i] as Token).start;
      const sentence = sentenceAt(para.sentences, (toks[i] as Token).start);
      const end = para.base + (sentence?.end ?? para.text.length);
      if (inQuote(pos) || table.personBetween(pos, end)) continue;
      table.mentionInOrder(table.someone(), pos);
    }
  }
  // `"...," said the woman, who did not want to be named. "...," she said`: someone who asks not to be named is who
  // the next `he` or `she` most likely means, not a person named before (unless the sentence names someone first).
  for (const para of paras) {
    for (const m of para.text.matchAll(ANONYMOUS)) {
      const at = m.index;
      const sentence = sentenceAt(para.sentences, at);
      const pos = para.base + at;
      if (inQuote(pos) || table.personBetween(para.base + (sentence?.start ?? 0), pos)) continue;
      table.mentionInOrder(table.someone(), pos);
    }
  }
  pronounGenders(paras, table, inQuote);
  return { paras, table, lowerWords, midCaps, speaking, inQuote };
}

/** Words by which a source asks not to be named (`who did not want to be named`, `on condition of anonymity`). */
const ANONYMOUS =
  /\b(?:(?:did not|didn't|does not|doesn't) want (?:to be|his|her) (?:quoted by name|named|identified|name used)|(?:declined|refused) to be (?:named|identified)|asked not to be (?:named|identified)|(?:on|under) (?:the )?condition(?:s)? of anonymity|requested anonymity|declined to give (?:his|her|a) (?:full |last )?name)/g;

/**
 * `Fallow started a channel in 2009. His first videos ...` / `She ...`: a sentence opening on `He`, `His`, `She` or `Her`
 * right after one that names a single person tells that person's gender, when the name tables did not know it or only
 * guessed it (`Florent` read as a woman's name). Later pronouns then rely on it.
 */
function pronounGenders(paras: Para[], table: EntityTable, inQuote: (pos: number) => boolean): void {
  let prev: { para: Para; start: number; end: number } | null = null;
  for (const para of paras) {
    for (const s of para.sentences) {
      const opener = openingPronoun(para, s, table);
      if (opener && prev && !inQuote(para.base + opener.token.start)) {
        const people = table.personsBetween(prev.para.base + prev.start, prev.para.base + prev.end);
        const only = people.length === 1 ? (people[0] as Entity) : null;
        if (only && (only.gender === null || (only.genderGuessed && only.gender !== opener.gender))) {
          only.gender = opener.gender;
          only.genderGuessed = false;
        }
      }
      prev = { para, start: s.start, end: s.end };
    }
  }
}

const OPENING_PRONOUNS: Record<string, 'm' | 'f'> = { He: 'm', His: 'm', She: 'f', Her: 'f' };

/**
 * The pronoun a sentence's main clause opens on: its first word (`He`, `His`, `She`, `Her`), or a `he`/`she` after an
 * opening phrase that names nobody (`But on Thursday night, he spoke ...`); null when it opens on anything else.
 */
function openingPronoun(
  para: Para,
  s: Sentence,
  table: EntityTable,
): { token: Token; gender: 'm' | 'f' } | null {
  const k = tokenAt(para.tokens, s.start);
  const first = para.tokens[k];
  if (!first) return null;
  let token = first;
  let gender = OPENING_PRONOUNS[first.word];
  for (let j = k + 1; gender === undefined && j < para.tokens.length && j <= k + 12; j++) {
    const u = para.tokens[j] as Token;
    if (u.start >= s.end) break;
    if ((u.lower === 'he' || u.lower === 'she') && (para.tokens[j - 1] as Token).trail === ',') {
      if (table.personsBetween(para.base + s.start, para.base + u.start).length === 0) {
        token = u;
        gender = u.lower === 'he' ? 'm' : 'f';
      }
      break;
    }
  }
  return gender !== undefined && token.lead === '' ? { token, gender } : null;
}

/** The name ending before token `to` is followed by an age in commas (`Ruiz, 41, said`). */
function agedAt(toks: Token[], to: number): boolean {
  const age = toks[to];
  return (
    (toks[to - 1] as Token).trail === ',' &&
    age !== undefined &&
    age.lead === '' &&
    /^\d{1,3}$/.test(age.word) &&
    age.trail === ',' &&
    Number(age.word) >= 10 &&
    Number(age.word) <= 110
  );
}

const KIN: Record<string, 'm' | 'f'> = {
  husband: 'm',
  wife: 'f',
  son: 'm',
  daughter: 'f',
  brother: 'm',
  sister: 'f',
  father: 'm',
  mother: 'f',
};

/**
 * `Quill's husband, Tom,` / `Quill's daughter, Ada,`: a lone first name in commas after a surname's relation is
 * that family's member (`Tom Quill`); null otherwise.
 */
function familyName(toks: Token[], phrase: NamePhrase): { surname: string; gender: 'm' | 'f' } | null {
  if (phrase.nameWords.length !== 1 || phrase.from < 2) return null;
  const first = phrase.nameWords[0] as string;
  const relation = toks[phrase.from - 1] as Token;
  const owner = toks[phrase.from - 2] as Token;
  const gender = KIN[relation.lower];
  if (!gender || relation.trail !== ',' || !owner.possessive || !isCapitalized(owner.word)) return null;
  if (!/^[,.]/.test((toks[phrase.to - 1] as Token).trail)) return null;
  if (!isFirstName(first.toLowerCase())) return null;
  const surname = owner.word.replace(/['’]s?$/, '');
  return /^\p{Lu}\p{Ll}+$/u.test(surname) && surname !== first ? { surname, gender } : null;
}
