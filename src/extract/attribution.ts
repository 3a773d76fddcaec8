/**
 * Who said it: reads the attribution around a quote (`X said`, `said X, the union's president`, `according to X`,
 * `she added`, `the company said in a statement`) and resolves it to an entity of the article.
 */
import type { ArticleContext, Para } from './context.ts';
import { sentenceAt, sentenceIndexAt, tokenAt } from './context.ts';
import { isEnglishWord } from './dictionary.ts';
import { isFirstName } from './gender.ts';
import {
  CLAUSE_OPENERS,
  DOCUMENT_NOUNS,
  FIRST_NAMES,
  FRAMING_VERBS,
  GOVERNMENT_BODIES,
  GROUP_WORDS,
  isPlace,
  looksCommon,
  NAME_CONNECTORS,
  NEWS_NOUNS,
  NOT_NAME_WORDS,
  OBJECT_PREPOSITIONS,
  ORG_NOUNS,
  PRONOUNS,
  pluralPeopleNoun,
  ROLE_NOUNS,
  SENTENCE_OPENERS,
  SPEECH_VERBS,
  TITLE_WORDS,
  townBefore,
  UNNAMED_DETS,
  UNNAMED_PEOPLE,
} from './lexicon.ts';
import {
  analyzeRun,
  capitalRuns,
  type Entity,
  type NamePhrase,
  type PronounStrength,
  readsAsPerson,
  roleAround,
  titleWords,
} from './names.ts';
import type { Sentence } from './sentences.ts';
import { tagAfter } from './tags.ts';
import { isCapitalized, type Token } from './tokens.ts';

/** A resolved attribution. `entity` null means "someone speaks here, but we cannot tell who". */
export interface Attribution {
  entity: Entity | null;
  role: string | null;
  verb: string;
  /** How the speaker was found: a name in the text is surer than a pronoun or a role noun. */
  via: 'name' | 'pronoun' | 'role' | 'none';
  /** Absolute position of the attribution (for later pronouns). */
  pos: number;
  /** For pronouns: how sure the resolution is (see EntityTable.pronounDetail). */
  strength?: PronounStrength;
  /** The name is one English word the article never uses as a name elsewhere (`Immunity said`). */
  loneWord?: boolean;
}

/**
 * The known person or organisation whose capitalised name ends at token `last` (reading back no further than
 * `floor`), as the speaker of words ascribed by a possessive (`in Reyes's view`, `Ann Holt's answer was that`).
 */
function possessiveOwner(
  ctx: ArticleContext,
  toks: Token[],
  last: number,
  floor: number,
  pos: number,
): Attribution | null {
  let x = last;
  while (x > floor && isCapitalized((toks[x - 1] as Token).word) && (toks[x - 1] as Token).trail === '') x--;
  const phrase = analyzeRun(toks, x, last + 1);
  const known = phrase ? ctx.table.find(phrase) : null;
  if (!known || known.type === 'unknown') return null;
  return { entity: known, role: known.roles[0] ?? null, verb: 'said', via: 'name', pos };
}

/** `body`, unless `noun` is a government body's and `body` a company (`the ministry` is no firm). */
const notCompanyFor = (noun: string, body: Entity | null): Entity | null =>
  GOVERNMENT_BODIES.has(noun) && body?.company ? null : body;

/**
 * `the campaign said` where the article wrote `the Quill campaign` or `Quill's campaign` earlier without it
 * speaking: that campaign, the nearest one named before `pos` within a few paragraphs. For a government body
 * (`the ministry said` after `Fenwick's foreign ministry`) up to two lower-case words may stand between the name and
 * the noun, and are part of the body's name (`Fenwick foreign ministry`).
 */
function namedBody(ctx: ArticleContext, para: Para, pos: number, noun = 'campaign'): Entity | null {
  const between = noun === 'campaign' ? 0 : 2;
  const here = ctx.paras.indexOf(para);
  for (let i = here; i >= 0 && i >= here - 4; i--) {
    const p = ctx.paras[i] as Para;
    const toks = p.tokens;
    for (let k = toks.length - 1; k > 0; k--) {
      const t = toks[k] as Token;
      if (t.lower !== noun || p.base + t.start >= pos) continue;
      let o = k - 1;
      while (
        o > 0 &&
        k - 1 - o < between &&
        /^\p{Ll}+$/u.test((toks[o] as Token).word) &&
        (toks[o] as Token).trail === ''
      )
        o--;
      const owner = toks[o] as Token;
      if (!isCapitalized(owner.word) || owner.trail !== '') continue;
      // (A government body is someone's: `Fenwick's foreign ministry`, never `the Justice Department`, which is
      // a name of its own.)
      if (noun !== 'campaign' && !owner.possessive) continue;
      const phrase = analyzeRun(toks, o, o + 1);
      if (!phrase || (noun === 'campaign' && isPlace(phrase.nameWords))) continue;
      const words = toks.slice(o + 1, k).map((w) => w.word);
      return o < k - 1
        ? orgNamed(ctx, [...phrase.nameWords, ...words, noun], o, k + 1)
        : ownedBody(ctx, phrase, noun);
    }
  }
  return null;
}

/**
 * The end of the capitalised words from token `from` (at most `max`), a word with punctuation after it the last one
 * taken: `Pellwood Insider also ...` from `Pellwood` ends before `also`.
 */
function capitalsFrom(toks: Token[], from: number, max: number): number {
  let e = from;
  while (e < toks.length && e < from + max && isCapitalized((toks[e] as Token).word)) {
    e++;
    if ((toks[e - 1] as Token).trail !== '') break;
  }
  return e;
}

/**
 * `the Quill campaign`, `Reyes's office`, `a Harbor Union memo`: the body called `noun` that an owner's name gives, as an
 * organisation (a known person by surname, anything else by the name as written).
 */
function ownedBody(ctx: ArticleContext, phrase: NamePhrase, noun: string): Entity {
  const known = ctx.table.find(phrase);
  const name =
    known?.type === 'person' ? (known.name.split(' ').at(-1) as string) : phrase.nameWords.join(' ');
  return ctx.table.resolve(
    { ...phrase, nameWords: [...name.split(' '), noun], type: 'org', possessive: false, role: null },
    null,
  );
}

/** A person's body called `noun` (`Quill campaign` for Ada Quill), read from tokens [from, to), as an organisation. */
function personsBody(ctx: ArticleContext, person: Entity, noun: string, from: number, to: number): Entity {
  return orgNamed(ctx, [person.name.split(' ').at(-1) as string, noun], from, to);
}

/** The organisation with these name words (`Quill campaign`, `Dover administration`), read from tokens [from, to). */
function orgNamed(ctx: ArticleContext, nameWords: string[], from: number, to: number): Entity {
  return ctx.table.resolve(
    {
      nameWords,
      type: 'org',
      gender: null,
      possessive: false,
      role: null,
      from,
      to,
      form: nameWords.join(' '),
    },
    null,
  );
}

/** `e` when it may be a company: marked as one, or with no word of its name saying it is another kind of body. */
const companyLike = (e: Entity | null): Entity | null =>
  e &&
  (e.company ||
    !e.name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => COMPANY_NOT.has(w)))
    ? e
    : null;
const COMPANY_NOT = new Set(
  'union council committee department ministry agency administration authority association federation league club university college institute foundation hospital police office court commission board party campaign city county assembly school congress senate parliament'.split(
    ' ',
  ),
);

/** Nouns for a body that `bodySubject` may find: not a government's, whose name the article gives as such. */
const LOOSE_BODIES = /^(group|company|firm|organization|organisation|coalition|network|charity|nonprofit)$/;

/**
 * `Harbor Lives Forward issued a statement saying it ... "…," the group said`, `"…," Chirper said in a statement,
 * adding that it ... The company said`: the body last named as a subject just before `pos`, when the tables did not
 * type it an organisation but it reads as no person or the article writes of it as a thing (`X said it`, `X, which`);
 * it becomes an organisation.
 */
function bodySubject(ctx: ArticleContext, pos: number): Entity | null {
  const isThing = (e: Entity): boolean => {
    const name = escapeRegExp(e.name);
    const itSays = new RegExp(
      `\\b${name}(?: (?:said|says|announced|added|stated|confirmed|issued|released|posted|wrote)\\b[^.;?!]{0,50}?\\bit\\b|, which\\b)`,
      'u',
    );
    return ctx.paras.some((p) => itSays.test(p.text));
  };
  const body = ctx.table.recentBodySubject(pos, isThing, 800);
  if (body) body.type = 'org';
  return body;
}

/**
 * `Pellwood Insider also commented ... "…," the company said`: when no company is known, the name that opens the
 * nearest sentence before `pos` in this paragraph or the one before, if it is no person and no place.
 */
function subjectCompany(ctx: ArticleContext, para: Para, pos: number, speakingOnly = false): Entity | null {
  const here = ctx.paras.indexOf(para);
  for (let i = here; i >= 0 && i >= here - 1; i--) {
    const p = ctx.paras[i] as Para;
    for (let s = p.sentences.length - 1; s >= 0; s--) {
      const sentence = p.sentences[s] as { start: number };
      if (p.base + sentence.start >= pos) continue;
      const [s0] = tokenRange(p, sentence.start, sentence.start);
      const toks = p.tokens;
      // (A sentence of punctuation alone, `?`, has no words.)
      if (toks[s0] === undefined) continue;
      const y = capitalsFrom(toks, s0, 4);
      // (Only a name that is the sentence's subject: a verb follows it. One word only when it speaks, `Brantwell
      // said`, and is no first name, no common noun for people, and is written capitalised inside sentences too.)
      const lone = (toks[s0] as Token).lower;
      const speaks =
        y - s0 === 1 &&
        SPEECH_VERBS.has(toks[y]?.lower ?? '') &&
        ctx.midCaps.has(lone) &&
        !FIRST_NAMES.has(lone) &&
        !isFirstName(lone) &&
        !GROUP_WORDS.has(lone) &&
        !pluralPeopleNoun(lone);
      if (
        (y - s0 < 2 && !speaks) ||
        (speakingOnly && !speaks) ||
        (toks[y - 1] as Token).trail !== '' ||
        !/^\p{Ll}/u.test(toks[y]?.word ?? '')
      )
        continue;
      const phrase = analyzeRun(toks, s0, y);
      if (!phrase || phrase.possessive || phrase.to !== y || isPlace(phrase.nameWords)) continue;
      const known = ctx.table.find(phrase);
      if (known?.type === 'org') return known;
      // (`Ada Quill also commented`: a person opening the sentence is no company.)
      // (A lone word that speaks was taken for a person's surname; it is one only with a gender, a title or a full
      // name.)
      const bare = (e: Entity): boolean =>
        speaks && !e.name.includes(' ') && e.gender === null && e.roles.length === 0;
      if ((known?.type === 'person' && !bare(known)) || (phrase.type === 'person' && !speaks)) continue;
      const entity = known ?? ctx.table.resolve(phrase, null);
      if (readsAsPerson(entity) && !bare(entity)) continue;
      if (entity.type === 'unknown' || bare(entity)) entity.type = 'org';
      return entity;
    }
  }
  return null;
}

/** Common nouns for who someone is, beyond the role nouns: `a Facebook user`, `a longtime Harbor Radio listener`. */
const PEOPLE_NOUNS =
  /^(users?|members?|voters?|supporters?|residents?|fans?|readers?|viewers?|listeners?|callers?|followers?|commenters?|posters?|lawyers?|advocates?|activists?|delegates?|donors?)$/;

/**
 * `Facebook user`, `Appeals Court lawyer`, `the Quill ad`: a capitalised word right before a noun for a person or a
 * document modifies it.
 */
function isModifiedNoun(cap: Token, next: Token): boolean {
  return (
    isCapitalized(cap.word) &&
    !NOT_NAME_WORDS.has(cap.lower) &&
    !cap.possessive &&
    cap.trail === '' &&
    /^\p{Ll}/u.test(next.word) &&
    (ROLE_NOUNS.has(next.lower) ||
      PEOPLE_NOUNS.test(next.lower) ||
      DOCUMENT_NOUNS.has(next.lower) ||
      // (`the Harbor art-history graduate`: a lower-case compound after the name describes a noun to come.)
      /^\p{Ll}+-\p{Ll}+$/u.test(next.word))
  );
}

/** Words allowed between a speaker and the verb (`Trump also said`, `she later wrote`, `he has said`). */
const ADVERBS = new Set(
  (
    'also later then again once previously repeatedly recently quickly simply has had have would will was were is ' +
    'had already still even often never last first earlier subsequently himself herself themselves itself now'
  ).split(' '),
);

/** Lower-case words that may precede a name inside a speaker phrase (`the former union president Luis Ortega`). */
const LEAD_WORDS = new Set(
  (
    'the a an former then acting interim deputy senior chief head vice assistant longtime veteran local state city ' +
    'federal county national regional executive for of at its his her their'
  ).split(' '),
);

/** Verbs of finding and forecasting: saying only before `that` (`found that "..."`, never `found out`). */
const FINDING_VERBS = new Set(['found', 'finds', 'estimates', 'estimated', 'projects', 'projected']);

/** Offices one person holds at a time, which tell people apart (`the candidate` is not the mayor). */
const OFFICE_TITLES = new Set(
  'candidate nominee senator governor president mayor judge justice congressman congresswoman representative secretary chairman chairwoman prosecutor sheriff'.split(
    ' ',
  ),
);

/** Pages an owner publishes (`the Halvorsen Institute website`), besides the documents. */
const OWNED_PAGES = new Set(['website', 'site', 'blog', 'page']);

/** Words that open a clause before a sentence's main one (`When Dunn spoke, Ames replied ...`). */
const SUBORDINATORS = new Set(
  'when while after before although though if because as since until once unless whether even whenever'.split(
    ' ',
  ),
);

/** Lower-case words that govern a name rather than describe it (prepositions, verbs of saying, relatives). */
const NOT_LEAD = new Set(
  (
    'in on at with to from by of about against than between among into over under after before during like who ' +
    'which that and or but said says told added wrote asked is was are were has had have called named'
  ).split(' '),
);

/** A verb of saying as written in running text: `States` or `Notes` capitalised is a name or a heading word. */
const isSpeechVerb = (t: Token | undefined): boolean =>
  t !== undefined &&
  SPEECH_VERBS.has(t.lower) &&
  (!isCapitalized(t.word) || SENTENCE_OPENING_VERBS.has(t.lower));

/** Verbs that may open a sentence capitalised (`Said Ada Quill, who ran the bakery, "..."`). */
const SENTENCE_OPENING_VERBS = new Set(
  'said says added asked wrote told adding replied recalled explained continued answered countered responded'.split(
    ' ',
  ),
);

/** Tokens of `para` whose start lies in [from, to). */
export function tokenRange(para: Para, from: number, to: number): [number, number] {
  return [tokenAt(para.tokens, from), tokenAt(para.tokens, to)];
}

/**
 * `As for Trump, he said ...`: the person a sentence names as its topic before a comma is who the pronoun right
 * after it refers to.
 */
function frontedTopic(
  ctx: ArticleContext,
  para: Para,
  a: number,
  gender: 'm' | 'f',
  verb: string,
): Attribution | undefined {
  const toks = para.tokens;
  if (!toks[a - 1]?.trail.startsWith(',')) return undefined;
  for (let f = a - 2; f >= 1 && f >= a - 6; f--) {
    if ((toks[f] as Token).lower !== 'for' || (toks[f - 1] as Token).word !== 'As') continue;
    const opener = toks[f - 2];
    if (opener && !/[.!?:]["'”’]?\s*$/.test(opener.trail)) return undefined;
    if (!isCapitalized((toks[f + 1] as Token).word)) return undefined;
    const hit = speakerPhrase(ctx, para, f + 1, a, verb);
    const e = hit?.entity;
    return e?.type === 'person' && hit?.via === 'name' && (e.gender === null || e.gender === gender)
      ? hit
      : undefined;
  }
  return undefined;
}

/**
 * Reads tokens [a, b) as a speaker phrase and resolves it. Returns undefined when the tokens are not a speaker
 * phrase at all, and an attribution with a null entity when they are one we cannot resolve (`they`).
 */
export function speakerPhrase(
  ctx: ArticleContext,
  para: Para,
  a: number,
  b: number,
  verb: string,
): Attribution | undefined {
  if (a >= b || b - a > 14) return undefined;
  const toks = para.tokens;
  const first = toks[a] as Token;
  const pos = para.base + first.start;
  // Words inside quotation marks are someone's words, never who speaks (`"Family Leave," the handbook says,
  // becomes available "after a year"`: the quoted title is no speaker).
  if (ctx.inQuote(pos)) return undefined;
  // `he`/`she` here: the person it points back to (`exclude`: someone it cannot be, as toldOf finds).
  const pronounHit = (g: 'm' | 'f', exclude: Entity | null = null): Attribution => {
    const sentence = sentenceAt(para.sentences, first.start);
    const sentenceStart = para.base + (sentence?.start ?? 0);
    const detail = (at: number) =>
      ctx.table.pronounDetail(at, g, 2500, para.base, previousBase(ctx, para, g), sentenceStart, exclude);
    const { entity, strength } = detail(pos);
    // `..., the candidate said families file suits.` / `"They sue," he said.`: whoever the sentence just before has
    // say something, by a role or an epithet rather than a name (which the pronoun's own search already sees), is the
    // likelier `he`. Only "possibly".
    const reported = reportedJustBefore(ctx, para, sentence?.start ?? first.start);
    if (
      reported &&
      reported !== entity &&
      reported !== exclude &&
      (reported.gender === null || reported.gender === g) &&
      readsAsPerson(reported)
    )
      return { entity: reported, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
    // `He warned that ..., Dunn would have a clear path, which he called "..."`: a `he` inside the sentence of a
    // subject who opens it (the same pronoun, or a name) means that subject, not someone named since in the
    // sentence after a verb. Only "possibly": the one named since is a rival.
    // (Not a subject inside an opening clause, `When Ms. Dunn spoke, Mrs. Ames replied that she ...`, nor one word of
    // the subject's own phrase, `Quill spokesman Rick Tolliver said ..., he said`.)
    const s0 = sentence ? tokenAt(toks, sentence.start) : a;
    const opener = toks[s0];
    if (entity && opener && s0 < a) {
      let subject: { entity: Entity; pos: number } | null = null;
      if (opener.lower === first.lower) {
        const at = para.base + opener.start;
        const e = detail(at).entity;
        if (e) subject = { entity: e, pos: at };
      } else {
        const m = ctx.table.firstSubjectFrom(sentenceStart, sentenceStart + 40);
        const lead = m ? toks.slice(s0, tokenAt(toks, m.pos - para.base)) : [];
        if (
          m &&
          m.entity.type === 'person' &&
          (m.entity.gender === null || m.entity.gender === g) &&
          readsAsPerson(m.entity) &&
          lead.every((t) => isCapitalized(t.word) && !SUBORDINATORS.has(t.lower))
        )
          subject = m;
      }
      const since =
        subject && subject.entity !== entity
          ? ctx.table.firstMentionBetween(entity, subject.pos + 1, pos)
          : -1;
      if (
        subject &&
        since >= 0 &&
        toks
          .slice(tokenAt(toks, subject.pos - para.base), tokenAt(toks, since - para.base))
          .some((t) => /^\p{Ll}/u.test(t.word) && !ROLE_NOUNS.has(t.lower) && !LEAD_WORDS.has(t.lower))
      )
        return { entity: subject.entity, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
    }
    // `"...," said Tom Quill.` / `Meanwhile, the party's nominee has ... he's said ... "...," he said.`: a sentence of
    // the pronoun's paragraph or the one before opening on a title someone else holds brings in another person; the
    // pronoun is then only "possibly" the one quoted.
    if (strength === 'continuity' && entity && titledOpenerBefore(ctx, para, a, entity, 0))
      return { entity, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
    return { entity, role: null, verb, via: 'pronoun', pos, strength };
  };
  if (b - a === 1 && (!isCapitalized(first.word) || first.lower === 'it')) {
    const g = PRONOUNS[first.lower];
    const topic = g === 'm' || g === 'f' ? frontedTopic(ctx, para, a, g, verb) : undefined;
    if (topic) return { ...topic, pos };
    if (g === 'm' || g === 'f') return pronounHit(g, toldOf(ctx, toks, a, b) ?? listenerAfter(ctx, toks, b));
    if (g === 'org') {
      // `It added, "..."`: the document just written of, else the company, else the organisation the passage is
      // about; never more than "possibly".
      const doc = documentAntecedent(ctx, para, a);
      if (doc) return { entity: doc, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
      const org = ctx.table.roleNoun(pos, [], 'company') ?? ctx.table.recentOrg(pos);
      return { entity: org, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
    }
    // (`Professors Quill and Briggs suggest ... In Dover, they write, "..."`: two people named together as the
    // subject of this sentence or the one before, only "possibly".)
    const pair = first.lower === 'they' ? pairSubjectBefore(ctx, para, a, verb) : null;
    if (pair) return { entity: pair, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
    if (['they', 'we', 'i'].includes(first.lower))
      return { entity: null, role: null, verb, via: 'none', pos };
  }
  // `"...," I said` in an excerpt of a book: its author, only "possibly" (`The following is an excerpt from
  // Tom Fenwick's new book`); nobody in any other article.
  // (Only `I said` / `said I`: an `I` that merely opened the sentence before may be the one spoken to.)
  const author =
    b - a === 1 &&
    first.word === 'I' &&
    (SPEECH_VERBS.has(toks[b]?.lower ?? '') || SPEECH_VERBS.has(toks[a - 1]?.lower ?? ''))
      ? bookAuthor(ctx)
      : null;
  if (author) return { entity: author, role: null, verb, via: 'pronoun', pos, strength: 'ambiguous' };
  // `Sen. Ada Quill of Maine, who argued that ...`: `who` is the person named right before the comma, or right
  // before `who` with no comma (`a post from Marta Ellison who wrote, "..."`).
  const beforeWho = toks[a - 1];
  if (
    b - a === 1 &&
    first.lower === 'who' &&
    beforeWho &&
    (beforeWho.trail.startsWith(',') || (beforeWho.trail === '' && isCapitalized(beforeWho.word)))
  ) {
    let x = a - 1;
    while (
      x > 0 &&
      (toks[x - 1] as Token).trail === '' &&
      (isCapitalized((toks[x - 1] as Token).word) || NAME_CONNECTORS.has((toks[x - 1] as Token).lower))
    )
      x--;
    // (`The loss was steep for Ada Quill, who said ...`: a connector opening the run is the preposition before it.)
    while (x < a - 1 && !isCapitalized((toks[x] as Token).word)) x++;
    if (isCapitalized((toks[x] as Token).word)) {
      const hit = speakerPhrase(ctx, para, x, a, verb);
      if (hit?.entity?.type === 'person') return { ...hit, pos };
    }
    // `a lecture from the state treasurer, who said ...`: someone the clause does not name speaks, not the sentence's
    // subject. (Whoever holds a role is too weak a guess here: `the Moldavian president` is not the `president` named
    // last.)
    if (
      beforeWho.trail.startsWith(',') &&
      (ROLE_NOUNS.has(beforeWho.lower) || TITLE_WORDS.has(beforeWho.lower))
    ) {
      let t = a - 1;
      while (
        t > 0 &&
        a - t < 8 &&
        (toks[t - 1] as Token).trail === '' &&
        !/^(the|a|an)$/.test(toks[t]?.lower ?? '')
      )
        t--;
      // (`said Tom Reyes, the guild's chief strategist, who added ...`: the role is set off after a name, whose it is.)
      const named = t > 0 ? capitalRuns(toks.slice(Math.max(0, t - 5), t)).at(-1) : undefined;
      if (named && (toks[t - 1] as Token).trail.startsWith(',')) {
        const hit = speakerPhrase(ctx, para, Math.max(0, t - 5) + named[0], t, verb);
        if (hit?.entity?.type === 'person') return { ...hit, pos };
      }
      if (!(toks[t - 1]?.trail ?? '').startsWith(',')) return unnamed(para, beforeWho, verb);
    }
  }
  if (b - a === 1 && /^(he|she)$/i.test(first.word)) {
    return pronounHit(first.lower === 'he' ? 'm' : 'f');
  }
  // `One student at Duke University`, `a resident of Dover`: someone unnamed, not the place or body they belong to.
  // (`a New Hampshire Republican`, `one Dover Democrat`: an unnamed party member, never the party or the place.)
  if (UNNAMED_DETS.has(first.lower)) {
    // (Not an apposition, `Ted Cruz, a Texas Republican, said`: that one is named before it. A comma closing a
    // quotation, `...,” another Dover Republican said`, sets off no apposition.)
    const party = /^(republican|democrat|independent|conservative|liberal|progressive|libertarian)$/;
    const comma = toks[a - 1]?.trail ?? '';
    if (party.test(toks[b - 1]?.lower ?? '') && !(comma.startsWith(',') && !/["”’']/.test(comma)))
      return unnamed(para, first, verb);
    const noun = toks.slice(a + 1, Math.min(b, a + 5)).findIndex((t) => UNNAMED_PEOPLE.has(t.lower));
    const after = toks[a + 2 + noun];
    if (noun >= 0 && a + 2 + noun < b && BELONGS_TO.test(after?.lower ?? ''))
      return unnamed(para, first, verb);
  }
  // `Cummings and Conyers wrote`: two named people speak together.
  const and = toks.slice(a, b).findIndex((t, i) => i > 0 && t.lower === 'and' && t.trail === '');
  if (and > 0 && b - a <= 9) {
    const left = speakerPhrase(ctx, para, a, a + and, verb);
    const right = speakerPhrase(ctx, para, a + and + 1, b, verb);
    if (
      left?.entity &&
      right?.entity &&
      left.via === 'name' &&
      right.via === 'name' &&
      left.entity !== right.entity
    )
      return {
        entity: ctx.table.joint(left.entity, right.entity),
        role: null,
        verb,
        via: 'name',
        pos,
      };
  }
  // `the two write`, `the pair said`, `the two senators said`: the two people named together just before, only
  // "possibly"; when no pair is named, nobody (never one of them alone).
  if (
    first.lower === 'the' &&
    /^(two|pair|duo)$/.test(toks[a + 1]?.lower ?? '') &&
    (b - a === 2 ||
      (b - a === 3 && toks[a + 1]?.lower === 'two' && /^\p{Ll}+s$/u.test((toks[b - 1] as Token).word))) &&
    toks.slice(a, b - 1).every((t) => t.trail === '')
  ) {
    const pair = pairBefore(ctx, para, a, verb);
    return { entity: pair, role: null, verb, via: pair ? 'role' : 'none', pos };
  }
  // `the committee chairmen wrote`, `the senators said`: a plural of a title, when a pair was named just before.
  if (
    first.lower === 'the' &&
    b - a >= 2 &&
    b - a <= 4 &&
    toks.slice(a, b - 1).every((t) => t.trail === '')
  ) {
    const last = (toks[b - 1] as Token).lower;
    const singular = last.endsWith('men') ? `${last.slice(0, -3)}man` : last.replace(/s$/, '');
    if (
      singular !== last &&
      (ROLE_NOUNS.has(singular) || TITLE_WORDS.has(singular)) &&
      toks.slice(a + 1, b - 1).every((t) => /^\p{Ll}+$/u.test(t.word))
    ) {
      const pair = pairBefore(ctx, para, a, verb);
      if (pair) return { entity: pair, role: null, verb, via: 'role', pos };
    }
  }
  // `the Maine senator and Democratic mayoral hopeful said`: one person described twice (no article after `and`);
  // the first description is resolved as a role noun. (`the senator and the mayor` are two people: no one.)
  if (
    and > 1 &&
    first.lower === 'the' &&
    ROLE_NOUNS.has((toks[b - 1] as Token).lower) &&
    ROLE_NOUNS.has((toks[a + and - 1] as Token).lower) &&
    !/^(the|a|an|his|her|its|their)$/.test(toks[a + and + 1]?.lower ?? '') &&
    toks.slice(a, b - 1).every((t) => t.trail === '' && t.lead === '')
  ) {
    const left = speakerPhrase(ctx, para, a, a + and, verb);
    if (left?.via === 'role' && left.entity?.type === 'person') return left;
  }
  // `Her campaign said`: the campaign or office of the person `her` means, never that person; only "possibly".
  if (
    b - a === 2 &&
    /^(his|her)$/.test(first.lower) &&
    /^(campaign|office|spokesman|spokeswoman|spokesperson)$/.test((toks[b - 1] as Token).lower)
  ) {
    // (`Even before Reyes spoke, his campaign said`: a person named earlier in the same sentence owns it.)
    const g = first.lower === 'his' ? 'm' : 'f';
    const sentence = sentenceAt(para.sentences, first.start);
    const owner =
      (sentence ? ctx.table.lastPersonBetween(para.base + sentence.start, pos, g) : null) ??
      ctx.table.pronounDetail(pos, g, 2500, para.base).entity;
    const kind = (toks[b - 1] as Token).lower === 'office' ? 'office' : 'campaign';
    const entity = owner ? personsBody(ctx, owner, kind, a, b) : null;
    return { entity, role: null, verb, via: 'role', pos };
  }
  // `Trump's campaign said`: the organisation speaks. (`Harbor Sen. Ada Quill's campaign`: a longer run of capitals
  // before it, a place and a title, is the owner's name and title.)
  const lastWord = (toks[b - 1] as Token).lower;
  const owned =
    b - a <= 4 || (b - a <= 8 && toks.slice(a, b - 1).every((t) => isCapitalized(t.word) && t.lead === ''));
  if (b - a >= 2 && owned && ORG_NOUNS.has(lastWord) && !ROLE_NOUNS.has(lastWord)) {
    const own = toks[b - 2] as Token;
    if (own.possessive && isCapitalized(own.word)) {
      const run = capitalRuns(toks.slice(a, b - 1)).at(-1);
      const phrase = run ? analyzeRun(toks, run[0] + a, run[1] + a) : null;
      if (phrase) return { entity: ownedBody(ctx, phrase, lastWord), role: null, verb, via: 'name', pos };
    }
  }
  // `Ada Quill's closest adviser`, `Quill's wife`, `the Ledger's spokesman`: someone unnamed, known only as the
  // owner's relation, speaks; never the owner (a spokesman or aide speaks for the body, as below, only "possibly").
  const relation = possessiveRelation(ctx, toks, a, b);
  if (relation !== undefined) return { entity: relation, role: null, verb, via: 'role', pos };
  // `his wife whispered`, `her longtime friend said`: a relation of someone's, never named here, speaks; not them.
  if (
    b - a >= 2 &&
    b - a <= 4 &&
    /^(his|her|their)$/.test(first.lower) &&
    PRIVATE_RELATIONS.test((toks[b - 1] as Token).lower) &&
    !/^(lawyer|attorney|counsel|doctor|physician|biographer|rival|opponent|critic|supporter|backer|donor)s?$/.test(
      (toks[b - 1] as Token).lower,
    ) &&
    toks.slice(a + 1, b - 1).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.word)) &&
    toks.slice(a, b - 1).every((t) => t.trail === '')
  )
    return { entity: null, role: null, verb, via: 'role', pos };
  // `the prime minister's spokesman`, and `the spokesman` after it: the office of whoever holds that title speaks,
  // never that person.
  const office = titleSpokesman(ctx, para, a, b);
  if (office !== undefined) return { entity: office, role: null, verb, via: 'role', pos };
  // `a Twitter spokesman`, `one Quill campaign aide`, `a spokeswoman for Dunmore Networks`: someone unnamed speaks
  // for an organisation, which is the source; never the person whose aide they are.
  const spokes = orgSpokesperson(ctx, toks, a, b);
  if (spokes !== undefined) return { entity: spokes, role: null, verb, via: 'role', pos };
  // `one Quill ad declared`, `a new Harbor Union ad says`: an ad speaks for whoever runs it, a person's campaign.
  const ad = adSponsor(ctx, toks, a, b);
  if (ad !== undefined) return { entity: ad, role: null, verb, via: 'role', pos };
  const owner = documentOwner(ctx, toks, a, b);
  if (owner) return { entity: owner, role: null, verb, via: 'role', pos };
  // `Quill’s letter argues`, `Ada Quill's new memo says`: a document a named person or body owns speaks for them.
  const docOwner = possessiveDocument(ctx, toks, a, b);
  if (docOwner) return { ...docOwner, verb, via: 'role', pos };
  // `noted a report for the council on ferry fares by the nonprofit Harbor Watch`: the document's author.
  const writer = documentBy(ctx, toks, a, b);
  if (writer) return { entity: writer, role: null, verb, via: 'role', pos };
  // `a welcome note on the website reads`: what a site shows is its owner's.
  if (
    b - a >= 4 &&
    b - a <= 7 &&
    /^(on|from)$/.test(toks[b - 3]?.lower ?? '') &&
    toks[b - 2]?.lower === 'the' &&
    /^(website|site)$/.test((toks[b - 1] as Token).lower) &&
    /^(a|an|the)$/.test(first.lower)
  ) {
    const site = siteOwner(ctx, para, a);
    if (site) return { entity: site, role: null, verb, via: 'role', pos };
  }
  // `She released a web ad ... "…," the narrator says`: an ad's voice speaks for whoever ran it (a person's
  // campaign), only "possibly"; nobody when no ad's sponsor is named.
  // (Also `a voice over`, `the familiar narrator`, and an ad the article calls a spot, a commercial or a video.)
  // (The words are joined only for a phrase that could be one: this runs for every phrase tried.)
  if (
    /^(the|a|an)$/.test(first.lower) &&
    /^(narrator|announcer|voiceover|voice-over|over)$/.test((toks[b - 1] as Token).lower) &&
    /^(?:[\p{Ll}-]+ )?(?:narrator|announcer|voiceover|voice-over|voice over)$/u.test(
      toks
        .slice(a + 1, b)
        .map((t) => t.lower)
        .join(' '),
    )
  ) {
    let issuer: Entity | null = null;
    for (const noun of ['ad', 'ads', 'advertisement', 'spot', 'commercial', 'video']) {
      issuer = documentIssuer(ctx, para, a, noun);
      if (issuer) break;
    }
    const entity = issuer?.type === 'person' ? personsBody(ctx, issuer, 'campaign', a, b) : issuer;
    // (`the ad's narrator` with no sponsor found is still the ad's.)
    if (entity || b - a === 2) return { entity, role: null, verb, via: entity ? 'role' : 'none', pos };
  }
  // `the Harlow Foundation report found`, `the Halvorsen Institute website explains`, `the Quill campaign memo
  // says`: a document whose owner stands in its name speaks for that owner.
  const docNoun = (toks[b - 1] as Token).lower;
  if (
    first.lower === 'the' &&
    verb !== 'according to' &&
    b - a >= 3 &&
    b - a <= 6 &&
    (DOCUMENT_NOUNS.has(docNoun) || OWNED_PAGES.has(docNoun))
  ) {
    const mid = toks.slice(a + 1, b - 1);
    const capsEnd = mid.findIndex((t) => !isCapitalized(t.word));
    const caps = capsEnd < 0 ? mid : mid.slice(0, capsEnd);
    const rest = mid.slice(caps.length).map((t) => t.lower);
    const orgTail =
      rest.length === 1 && ORG_NOUNS.has(rest[0] as string) && !ROLE_NOUNS.has(rest[0] as string);
    if (
      caps.length > 0 &&
      caps.length <= 4 &&
      (rest.length === 0 || orgTail) &&
      mid.every((t) => t.trail === '')
    ) {
      const x = a + 1;
      const y = x + caps.length;
      const phrase = analyzeRun(toks, x, y);
      if (phrase && !phrase.possessive && phrase.from === x && !isPlace(phrase.nameWords)) {
        const known = ctx.table.find(phrase);
        const entity = orgTail
          ? ctx.table.resolve(
              {
                ...phrase,
                nameWords: [...caps.map((t) => t.word), rest[0] as string],
                type: 'org',
                role: null,
              },
              null,
            )
          : known?.type === 'person' || phrase.type === 'person'
            ? ctx.table.resolve(phrase, null)
            : ctx.table.resolve({ ...phrase, type: 'org', role: null }, null);
        return { entity, role: null, verb, via: 'role', pos };
      }
    }
  }
  // `the editorial board wrote`, `the editors wrote`: the paper the passage names speaks.
  if (
    first.lower === 'the' &&
    /^(?:editorial board|editors|paper's editorial board|newspaper's editorial board)$/.test(
      toks
        .slice(a + 1, b)
        .map((t) => t.lower + (t.possessive ? "'s" : ''))
        .join(' '),
    )
  ) {
    const outlet = ctx.table.recentOutlet(pos) ?? writtenOutlet(ctx, pos);
    if (outlet) return { entity: outlet, role: null, verb, via: 'role', pos };
  }
  // `the joint statement said`, `the report said`: the document is the source.
  // (`according to the study, ...` stays a sourced fact, not a paraphrase of the study.)
  if (
    first.lower === 'the' &&
    verb !== 'according to' &&
    b - a <= 4 &&
    DOCUMENT_NOUNS.has((toks[b - 1] as Token).lower)
  ) {
    const words = toks.slice(a + 1, b).map((t) => t.lower);
    if (words.every((w) => /^[\p{Ll}-]+$/u.test(w))) {
      // `The campaign's statement then declares "..."`: the body whose document it is says so, as `the campaign
      // said` would name it (not someone the passage had speak in a statement before).
      const ownerTok = toks[b - 2] as Token;
      if (b - a >= 3 && ownerTok.possessive && ORG_NOUNS.has(ownerTok.lower)) {
        const owner =
          ownerTok.lower === 'campaign'
            ? namedBody(ctx, para, pos)
            : ctx.table.roleNoun(pos, [], ownerTok.lower);
        if (owner) return { entity: owner, role: null, verb, via: 'role', pos };
      }
      // `Quill's campaign mailed a letter ... "…," the letter said`: the document speaks for whoever issued it.
      const issuer = documentIssuer(ctx, para, a, words.at(-1) as string);
      // (`Quill is releasing a new ad ... The ad says "..."`: an ad a person runs speaks for their campaign, as
      // its narrator does.)
      if (
        issuer?.type === 'person' &&
        /^(ad|ads|advertisement|commercial|spot)$/.test(words.at(-1) as string)
      )
        return { entity: personsBody(ctx, issuer, 'campaign', a, b), role: null, verb, via: 'role', pos };
      if (issuer) return { entity: issuer, role: null, verb, via: 'role', pos };
      // `the editorial said`: a newspaper's editorial speaks for the paper the passage names.
      const outlet =
        words.at(-1) === 'editorial' ? (ctx.table.recentOutlet(pos) ?? writtenOutlet(ctx, pos)) : null;
      if (outlet) return { entity: outlet, role: null, verb, via: 'role', pos };
      // `The Harbor Port Authority ... "...," the release said`: a document no sentence says who issued is, only
      // "possibly", the body last the subject of a clause in this paragraph or the one before. (Not a filing in
      // court: the body the sentence is about is as likely the one sued.)
      if (!SUIT_NOUNS.test(words.at(-1) as string)) {
        const prevBase = ctx.paras[ctx.paras.indexOf(para) - 1]?.base ?? para.base;
        const subject = ctx.table.lastSubjectBetween(prevBase, pos);
        // (A name of one word only when the article also capitalises it mid-sentence: `School buses turned
        // around` opens on no body.)
        if (
          subject?.type === 'org' &&
          (subject.name.includes(' ') || ctx.midCaps.has(subject.name.toLowerCase()))
        )
          return { entity: subject, role: null, verb, via: 'role', pos };
      }
      return { entity: ctx.table.document(words), role: null, verb, via: 'role', pos };
    }
  }
  // A capitalised run ending the phrase, or followed only by an apposition (`Luis Ortega, the union's president`).
  const runs = capitalRuns(toks.slice(a, b)).map(([x, y]) => [x + a, y + a] as [number, number]);
  for (const [ri, [x, y]] of runs.entries()) {
    const phrase = analyzeRun(toks, x, y);
    if (!phrase || phrase.possessive) continue;
    // `Ada Quill of the Harbor Traders Guild`, `Tom Reyes of the Ohio delegation`: a person
    // followed by the body they belong to speaks; the body is not the speaker.
    const next = runs[ri + 1];
    const link = toks.slice(y, next?.[0] ?? y).map((t) => t.lower);
    if (
      next &&
      phrase.type !== 'org' &&
      (toks[y - 1] as Token).trail === '' &&
      /^(of|at|from|with)( the)?$/.test(link.join(' ')) &&
      (phrase.type === 'person' || phrase.nameWords.length >= 2 || ctx.table.find(phrase)?.type === 'person')
    ) {
      const tail = toks.slice(next[1], b);
      const restOk = tail.every(
        (t, i) =>
          (t.trail === '' || i === tail.length - 1) && /^[\p{Ll}-]+$/u.test(t.word) && !NOT_LEAD.has(t.lower),
      );
      if (restOk || next[1] === b) {
        const affiliation = toks
          .slice(y, b)
          .map((t) => t.word)
          .join(' ');
        const entity = ctx.table.resolve(phrase, null);
        if (entity.type === 'unknown') entity.type = 'person';
        const baseRole = phrase.role ?? entity.roles[0] ?? null;
        return {
          entity,
          role: baseRole ? `${baseRole} ${affiliation}` : affiliation,
          verb,
          via: 'name',
          pos,
        };
      }
    }
    // `Officials said`: a lone capitalised word the article also writes in lower case is a common noun; and an
    // English word it never capitalises inside a sentence (`Immunity`, `Promise` opening sentences or headlines)
    // is no name it uses.
    const lone = phrase.nameWords.length === 1 ? (phrase.nameWords[0] as string).toLowerCase() : null;
    const known = ctx.table.find(phrase);
    // `the President fumed`, `the US President said`: a title written with a capital is the role, as in lower case,
    // not a name (unless the article names someone so: `Prince said`, `King said` of Angus King).
    if (titleOnly(phrase.nameWords) && (!known || [...known.forms].every((f) => titleOnly(f.split(/\s+/)))))
      continue;
    let loneWord = false;
    if (lone && phrase.type === 'unknown' && (!known || known.type === 'unknown')) {
      if (!known && ctx.lowerWords.has(lone)) continue;
      // An English word the article never capitalises inside a sentence and has speak once (`Immunity said`
      // under a headline, but also `Hale said` in a two-line brief): only offered as "possibly".
      loneWord = !ctx.midCaps.has(lone) && isEnglishWord(lone) && !speakerWord(ctx, lone);
    }
    // Headline words in capitals (`VOTERS CARE MORE ABOUT CANDIDATES`) are not a name; a title in capitals is no
    // headline word (`said IBM CEO Ada Quill`: the run names her, and had been skipped for `IBM`).
    const runWords = toks.slice(x, y).map((t) => t.word);
    if (
      runWords.length >= 2 &&
      runWords.filter((w) => /^\p{Lu}{2,}['’]?\p{Lu}*$/u.test(w) && !TITLE_WORDS.has(w.toLowerCase()))
        .length >= 2
    )
      continue;
    // A place is never a speaker, nor a group word or a common word read as a one-word name.
    // (`Paris, who once drove a bus, said`: a name followed by `, who` is a person, whatever else.)
    const who = (toks[y - 1] as Token).trail.startsWith(',') && toks[y]?.lower === 'who';
    if (!who && (isPlace(phrase.nameWords) || isPlace(toks.slice(x, y).map((t) => t.word)))) continue;
    if (
      phrase.type === 'unknown' &&
      phrase.to === y &&
      (toks[y - 1] as Token).trail === ',' &&
      townBefore(toks, y)
    )
      continue;
    if (
      phrase.nameWords.length === 1 &&
      phrase.type !== 'org' &&
      looksCommon(phrase.nameWords[0] as string) &&
      ctx.table.find(phrase)?.type !== 'person'
    )
      continue;
    const lastTok = toks[y - 1] as Token;
    // The name ends the phrase, or an apposition closed by a comma does (`Luis Ortega, the union's president,`).
    const endsPhrase =
      y === b || (lastTok.trail.startsWith(',') && (toks[b - 1] as Token).trail.startsWith(','));
    // Lower-case words before the run must be a role (`union president Luis Ortega`) or an article.
    const lead = toks.slice(a, phrase.from);
    // Before the name: its own noun phrase (`Opposition transportation critic`, `the union's`), nothing that
    // governs it (`officials in the city of Harbor Falls`) and no punctuation.
    // (`for the union, said Tom Reyes`: a phrase opening with a preposition is not a speaker.)
    const leadOk =
      lead.length <= 5 &&
      !/^(for|of|at|in|to|from|by|with|on|about|against|over)$/.test(lead[0]?.lower ?? '') &&
      lead.every(
        (t, i) =>
          (t.trail === '' || (i === lead.length - 1 && t.trail === ',')) &&
          (ROLE_NOUNS.has(t.lower) ||
            ORG_NOUNS.has(t.lower) ||
            LEAD_WORDS.has(t.lower) ||
            isCapitalized(t.word) ||
            // `Army 2nd Lt. Ada Quill`: an ordinal inside a rank.
            /^\d+(st|nd|rd|th)$/.test(t.lower) ||
            // (`co-Host` in `Harbor Radio co-Host Tom Reyes`: a lower-case start is a common word.)
            (/^\p{Ll}[\p{L}-]*$/u.test(t.word) && !NOT_LEAD.has(t.lower))),
      );
    if (!endsPhrase || !leadOk) continue;
    // `a Northwind spokeswoman`, `a spokesperson for Halvorsen Foods`: the organisation speaks.
    const article = lead[0]?.lower;
    const role = phrase.role ?? roleAround(toks, phrase.from, phrase.to);
    const entity = ctx.table.resolve(phrase, article === 'a' || article === 'an' ? null : role);
    if (entity.type === 'unknown')
      entity.type = phrase.nameWords.length >= 2 || role ? 'person' : entity.type;
    if ((article === 'a' || article === 'an') && entity.type !== 'org') continue;
    if (
      entity.type === 'unknown' &&
      phrase.nameWords.length === 1 &&
      NOT_NAME_WORDS.has(phrase.nameWords[0]?.toLowerCase() ?? '')
    )
      continue;
    if (entity.type === 'unknown') entity.type = 'person';
    // `Rep. John Mica (R-Fla.)`: the party and state tag joins the role.
    const tag = tagAfter(para.tags, lastTok.end);
    const baseRole = role ?? entity.roles[0] ?? null;
    const withTag = tag ? (baseRole ? `${baseRole} (${tag.tag})` : tag.tag) : baseRole;
    return {
      entity,
      role: entity.type === 'org' ? null : withTag,
      verb,
      via: 'name',
      pos,
      ...(loneWord ? { loneWord } : {}),
    };
  }
  // `a Halvorsen spokeswoman`, `an Interior Ministry official`: an unnamed person speaking for an organisation.
  if (
    (first.lower === 'a' || first.lower === 'an') &&
    b - a <= 5 &&
    ROLE_NOUNS.has((toks[b - 1] as Token).lower)
  ) {
    const runs2 = capitalRuns(toks.slice(a + 1, b - 1)).map(
      ([x, y]) => [x + a + 1, y + a + 1] as [number, number],
    );
    const run = runs2.at(-1);
    const phrase = run ? analyzeRun(toks, run[0], run[1]) : null;
    let org = phrase ? ctx.table.find(phrase) : null;
    // `a Northwind spokesman said`: whoever a spokesperson speaks for is an organisation, even one the article
    // never introduced (never a person: `a Quill spokesman` speaks for Quill's office, not as Quill).
    if (
      phrase &&
      run?.[1] === b - 1 &&
      /^spokes(man|woman|person)$/.test((toks[b - 1] as Token).lower) &&
      (!org || org.type === 'unknown') &&
      !isPlace(phrase.nameWords)
    )
      org = ctx.table.resolve({ ...phrase, type: 'org', role: null }, null);
    return { entity: org?.type === 'org' ? org : null, role: null, verb, via: 'role', pos };
  }
  // `the company`, `the chief executive`, `the union's president`, `the Russian president`.
  if (first.lower === 'the' && b - a <= 5) {
    const words = toks.slice(a + 1, b).map((t) => t.lower);
    // `the secretary of state`: the head is the noun before `of`.
    const ofAt = words.indexOf('of');
    const head = (ofAt > 0 ? words[ofAt - 1] : words.at(-1)) ?? '';
    // `the editorial board writes`, `the tabloid`, `the paper said`: the outlet the passage names.
    if (NEWS_NOUNS.has(head) && words.every((w) => /^[\p{Ll}-]+$/u.test(w))) {
      // (`Ada Quill set up a new website, ... "…," the website explains`: a site someone made is theirs.)
      const owner = /^(website|site)$/.test(head) ? siteOwner(ctx, para, a) : null;
      if (owner) return { entity: owner, role: null, verb, via: 'role', pos };
      const outlet = ctx.table.recentOutlet(pos) ?? writtenOutlet(ctx, pos);
      if (outlet) return { entity: outlet, role: null, verb, via: 'role', pos };
    }
    if (ORG_NOUNS.has(head) && !ROLE_NOUNS.has(head)) {
      // `the Clinton campaign`: a name before the noun makes it that organisation.
      const caps = toks.slice(a + 1, b - 1);
      if (caps.length > 0 && caps.length <= 3 && caps.every((t) => isCapitalized(t.word) && t.trail === '')) {
        const run = analyzeRun(toks, a + 1, b - 1);
        if (run) {
          const orgPhrase = {
            ...run,
            nameWords: [...caps.map((t) => t.word), head],
            type: 'org' as const,
            role: null,
          };
          return { entity: ctx.table.resolve(orgPhrase, null), role: null, verb, via: 'name', pos };
        }
      }
      return {
        // (`Brantwell said ... "…," the company said`: a lone name that spoke just before comes first.)
        entity:
          (head === 'company' || head === 'firm' ? subjectCompany(ctx, para, pos, true) : null) ??
          (GOVERNMENT_BODIES.has(head) ? namedBody(ctx, para, pos, head) : null) ??
          // (`Pellwood Insider also commented ... "…," the company said`: the name opening a sentence just before
          // comes before a company further back, unless its name says it is another kind of body, `the Transit
          // Workers Union`.)
          (head === 'company' || head === 'firm' ? companyLike(subjectCompany(ctx, para, pos)) : null) ??
          ctx.table.roleNoun(pos, [], head) ??
          (head === 'campaign' ? namedBody(ctx, para, pos) : null) ??
          // (`The Harbor Port Authority admitted that ...` / `"...," the agency said`: the body that was just the subject;
          // never a company for a ministry or an agency.)
          notCompanyFor(head, ctx.table.recentOrgSubject(pos)) ??
          // (`Harbor Lives Forward issued a statement ... "…," the group said`: a body the tables did not type.)
          (LOOSE_BODIES.test(head) ? bodySubject(ctx, pos) : null),
        role: null,
        verb,
        via: 'role',
        pos,
      };
    }
    // `the 46-year-old said`: an age stands for a person as a role noun does.
    if (ROLE_NOUNS.has(head) || AGE_NOUN.test(head)) {
      // `Quill defends her record in an ad: "...," the senator says.`: the one person this sentence is about.
      // (Only right after the quote: in `Quill is so reckless, the senator said, that ...` Quill is what is said.)
      const sentence = sentenceAt(para.sentences, first.start);
      const afterQuote = /[”"'’][\s,]*$/.test(para.text.slice(Math.max(0, first.start - 4), first.start));
      const subjects =
        sentence && afterQuote ? ctx.table.subjectsBetween(para.base + sentence.start, pos) : [];
      if (subjects.length === 1 && !ORG_NOUNS.has(head)) {
        const only = subjects[0] as Entity;
        return { entity: only, role: only.roles[0] ?? null, verb, via: 'role', pos };
      }
      const content = words.filter((w) => !['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes(w));
      const entity = ctx.table.roleNoun(pos, content, null);
      // `Reyes stopped by his office. ... the senator said his team was "..."`: the one person this
      // paragraph is about so far, when the title found belongs to someone neither it nor the one before names
      // ("possibly").
      const here = ctx.table.subjectsBetween(para.base, pos).filter((e) => readsAsPerson(e));
      const only = here.length === 1 ? (here[0] as Entity) : null;
      if (
        entity &&
        only &&
        only !== entity &&
        ctx.table.firstMentionBetween(
          entity,
          ctx.paras[ctx.paras.indexOf(para) - 1]?.base ?? para.base,
          pos,
        ) < 0 &&
        !titleWords(only).some((t) => OFFICE_TITLES.has(t) && t !== head)
      )
        return { entity: only, role: only.roles[0] ?? null, verb, via: 'role', pos, strength: 'ambiguous' };
      const orgNoun = ORG_NOUNS.has(head) ? head : null;
      if (!entity && orgNoun)
        return { entity: ctx.table.roleNoun(pos, [], orgNoun), role: null, verb, via: 'role', pos };
      if (!entity) {
        // `the gambling tycoon`, `the retired neurosurgeon`: an epithet for the person the passage is about.
        // Only ever a guess, offered as "possibly".
        // (`At the moment Tom Fallow learned ..., the Maine governor told reporters`: no one is a subject, but one
        // person alone is named.)
        // (`One law enforcement official said ... "...," the official said`: the noun brought in someone unnamed,
        // whom it still means; no named person is offered for them.)
        // (`"...," the judge said` before the article first writes `Judge Ortiz`: the one person the article gives
        // that title, wherever. And not someone whose own title is another one: `the Republican candidate` is not
        // Mayor Briggs, named last; then the person the article is most about.)
        // (`"...," the moderator said`: whoever asks the questions is not the person the article is about.)
        if (/^(moderator|interviewer|questioner|anchor|host|co-host)$/.test(head))
          return { entity: null, role: null, verb, via: 'none', pos };
        const recent = ctx.table.recentPerson(pos) ?? ctx.table.onlyPerson(pos);
        const otherTitle = (e: Entity): boolean => {
          const titles = titleWords(e);
          return (
            OFFICE_TITLES.has(head) && !titles.includes(head) && titles.some((t) => OFFICE_TITLES.has(t))
          );
        };
        const unnamedOne = unnamedBefore(ctx, pos, head);
        // (`"It was offensive," said Ben Fallow. Instead, the businessman has insisted ...`: an epithet right after
        // someone is quoted by name is seldom that source; it is the person the article is about, when there is one.)
        const main = ctx.table.mainPerson((e) => !otherTitle(e));
        // (Only a plain epithet, no title or capitalised word in it: `the Senate Democratic leader` after a quote of
        // the leader is still him.)
        const epithet =
          !OFFICE_TITLES.has(head) &&
          toks
            .slice(a, b)
            .every((t) => /^(the|a|an|its|his|her|their)$/i.test(t.word) || /^\p{Ll}/u.test(t.word));
        const justQuoted =
          epithet &&
          recent !== null &&
          main !== null &&
          recent !== main &&
          ctx.table.spokeBetween(recent, pos - 600, pos);
        const topic =
          unnamedOne !== null
            ? unnamedBody(ctx, unnamedOne, head)
            : (ctx.table.soleHolder(head) ??
              (recent && otherTitle(recent) ? main : justQuoted ? main : recent));
        return { entity: topic, role: null, verb, via: 'role', pos, strength: 'ambiguous' };
      }
      return { entity, role: entity.roles[0] ?? null, verb, via: 'role', pos };
    }
  }
  return undefined;
}

/**
 * The person the sentence right before `start` (in its paragraph, or closing the one before) reports as saying
 * something by a role or an epithet (`the candidate said ...`), when it quotes no one itself; else null.
 */
function reportedJustBefore(ctx: ArticleContext, para: Para, start: number): Entity | null {
  // (Back over the sentences of the quote itself, `"You know what I want? ...," he said.`, to the one before it.)
  // (A binary search, and at most four sentences back: a paragraph may hold thousands.)
  const si = sentenceIndexAt(para.sentences, start - 1);
  const here = para.sentences[si];
  const last = here && here.start < start ? si : si - 1;
  for (let k = last, n = 0; n < 4; k--, n++) {
    let c: { p: Para; x: Sentence } | undefined;
    if (k >= 0) c = { p: para, x: para.sentences[k] as Sentence };
    else if (k === -1) {
      const prev = ctx.paras[ctx.paras.indexOf(para) - 1];
      const x = prev?.sentences.at(-1);
      c = prev && x ? { p: prev, x } : undefined;
    }
    if (!c) return null;
    const text = c.p.text.slice(c.x.start, c.x.end);
    if (/^\s*["“'‘]/.test(text) || ctx.inQuote(c.p.base + c.x.start)) {
      if (k < 0) return null;
      continue;
    }
    if (/["“”]/.test(text)) return null;
    // (The last verb of saying in it: `When the moderator pointed out ..., the candidate said ...`.)
    const [a, b] = tokenRange(c.p, c.x.start, c.x.end);
    const toks = c.p.tokens;
    for (let v = b - 1; v > a; v--) {
      const t = toks[v] as Token;
      if (!isSpeechVerb(t) || t.lower.endsWith('ing') || isCapitalized(t.word)) continue;
      const hit = subjectBefore(ctx, c.p, a, subjectEnd(toks, v, a), t.lower);
      return hit?.via === 'role' && hit.entity?.type === 'person' ? hit.entity : null;
    }
    return null;
  }
  return null;
}

/**
 * A paper the outlet list does not know, which the article writes of as one (`the editors of the Dunmore Courier`,
 * `the Courier's editorial board`, `the Dunmore Courier newspaper`): the one named last before `pos` within a few
 * paragraphs, else the only such paper in the article. Null when none is.
 */
function writtenOutlet(ctx: ArticleContext, pos: number): Entity | null {
  const papers = new Set<Entity>();
  for (const e of ctx.table.entities) {
    // (`Harbor Courier` may have been read as a person's name: not one the article gives a title or a gender.)
    const person = e.type === 'person' && (e.roles.length > 0 || (e.gender !== null && !e.genderGuessed));
    if (person || e.name.length < 3 || e.name.startsWith('the ') || isPlace(e.name.split(' '))) continue;
    // (`a Dover newspaper` is a paper from a place: only `the` or nothing before the name.)
    const n = escapeRegExp(e.name).replace(/^The /, '');
    // (`the Harbor Ledger, the county's oldest newspaper,`: a paper named in apposition.)
    const cue = new RegExp(
      `\\b(?:editors?|editorial board|publisher|columnists?) (?:of|at) (?:[Tt]he )?${n}\\b|(?<!\\b(?:[Aa]n?|[Oo]ne|[Aa]nother) )\\b${n}(?:['’]s)? (?:editorial|editorials|editors|editorial board|newspaper)\\b|\\b${n}, (?:[^,.]{0,50} )?(?:newspaper|paper|daily|weekly),`,
    );
    if (ctx.paras.some((p) => cue.test(p.text))) papers.add(e);
  }
  if (papers.size === 0) return null;
  let paper: Entity | null = papers.size === 1 ? ([...papers][0] as Entity) : null;
  for (const m of [...ctx.table.mentions].reverse()) {
    if (m.pos >= pos || pos - m.pos > 3000 || !papers.has(m.entity)) continue;
    paper = m.entity;
    break;
  }
  if (paper) paper.type = 'org';
  return paper;
}

/**
 * The phrase by which, within `window` characters before `pos`, the article brings in someone unnamed with this
 * noun (`One law enforcement official said`, `a senior aide to the governor`, `another Dover official`), or null
 * when it does not. A later `the official said` means that person. An apposition (`Ben Quill, a former union
 * leader,`) names someone and does not count.
 */
function unnamedBefore(ctx: ArticleContext, pos: number, noun: string, window = 2000): string | null {
  // (Not an apposition: `Ben Quill, a former union leader,` names the person; nor a title before a name, `a show's
  // hosts Ann Roe and ...`; nor a phrase through a preposition, `a good fit for president`.)
  const cue = new RegExp(
    `(?<![,(]\\s*)\\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\\s+(?:(?!(?:of|for|with|to|in|on|at|by|from|and|or|as)\\s)[\\p{L}.-]+\\s+){0,4}?${escapeRegExp(noun)}s?\\b(?!\\s+\\p{Lu})`,
    'gu',
  );
  for (const p of ctx.paras) {
    if (p.base >= pos) break;
    if (p.base + p.text.length < pos - window) continue;
    const from = Math.max(0, pos - window - p.base);
    const text = p.text.slice(0, Math.max(0, pos - p.base));
    cue.lastIndex = from;
    for (let m = cue.exec(text); m; m = cue.exec(text)) {
      // Only someone brought in as a source: `One official said`, `said a senior aide`, `according to an aide`
      // (`A lawmaker in Manila is calling for ...` in a lede is the person the article names next).
      const before = /([\p{L}]+)\s+$/u
        .exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1]
        ?.toLowerCase();
      const after =
        text.slice(m.index + m[0].length, m.index + m[0].length + 100).split(/[.?!:;"“”]/)[0] ?? '';
      if (
        (before !== undefined && (SPEECH_VERBS.has(before) || before === 'to')) ||
        after.split(/[^\p{L}]+/u).some((w) => SPEECH_VERBS.has(w.toLowerCase()))
      )
        return m[0];
    }
  }
  return null;
}

/**
 * The organisation an unnamed person brought in earlier works for, as the phrase that brought them in says (`a
 * Halvex executive tells workers ... the executive says`): the body its capitalised words name, else null.
 */
function unnamedBody(ctx: ArticleContext, phrase: string, noun: string): Entity | null {
  if (!SPOKES_NOUNS.has(noun)) return null;
  const caps = phrase
    .split(/\s+/)
    .slice(1, -1)
    .filter((w) => /^\p{Lu}/u.test(w));
  if (caps.length === 0 || caps.length > 4) return null;
  const known = ctx.table.lookup(caps.join(' '));
  return known?.type === 'org' ? known : null;
}

/** `the 46-year-old`, `the 71-year-old`: a person's age used as the noun for them. */
const AGE_NOUN = /^\d{1,3}-year-old$/;

/** Walks back from just before `v` over adverbs; returns the exclusive end of the subject phrase. */
function subjectEnd(toks: Token[], v: number, floor: number): number {
  let e = v;
  const adverb = (t: Token): boolean => ADVERBS.has(t.lower) || /^\p{Ll}{3,}ly$/u.test(t.word);
  while (e > floor && adverb(toks[e - 1] as Token) && (toks[e - 1] as Token).trail === '') e--;
  // `Dunn is quoted as saying`, `Quill was once quoted as saying`: the subject before the passive.
  if (toks[e - 1]?.lower === 'as' && toks[e - 2]?.lower === 'quoted' && toks[v]?.lower === 'saying') {
    // (`is`, `was once`, `has been`: the auxiliaries and adverbs are in ADVERBS.)
    let k = e - 2;
    while (
      k > floor &&
      (ADVERBS.has(toks[k - 1]?.lower ?? '') || /^(been|being|are)$/.test(toks[k - 1]?.lower ?? ''))
    )
      k--;
    if (toks.slice(k, e - 2).some((u) => /^(is|was|were|are|been|being)$/.test(u.lower))) e = k;
  }
  // `Mr. Reyes was moved to say`: `was` and a participle before `to`.
  if (
    toks[e - 1]?.lower === 'to' &&
    /^\p{Ll}+ed$/u.test(toks[e - 2]?.word ?? '') &&
    /^(was|is|were|been|felt|seemed)$/.test(toks[e - 3]?.lower ?? '')
  )
    e -= 3;
  // `Trump went on to say`, `she continued to say`: the verb of saying hangs on another verb of the subject.
  if (toks[e - 1]?.lower === 'to' && e - 2 > floor) {
    let k = e - 2;
    if (toks[k]?.lower === 'on') k--;
    if (
      /^(went|goes|continued|continues|began|begins|wanted|decided|tried|proceeded|used|had|has|paused|stopped)$/.test(
        toks[k]?.lower ?? '',
      )
    )
      e = k;
  }
  // `Ms. Sherry smiled and said`: a first verb joined by `and` belongs to the same subject.
  const and = toks[e - 1];
  const first = toks[e - 2];
  if (and?.lower === 'and' && first && e - 2 > floor && /^\p{Ll}+ed$/u.test(first.word) && first.trail === '')
    e -= 2;
  return e;
}

/** The subject phrase that ends at `end` (exclusive), found by trying ever longer phrases. */
function subjectBefore(
  ctx: ArticleContext,
  para: Para,
  floor: number,
  end: number,
  verb: string,
): Attribution | undefined {
  if (end <= floor) return undefined;
  const toks = para.tokens;
  const before = toks[end - 1] as Token;
  // `Luis Ortega, the union's president, said`: skip back over the apposition to the name.
  if (before.trail.startsWith(',')) {
    // `Last week, A.B. Quill, an editor at the Harbor Herald, a local weekly, wrote`: a
    // comma-set segment that is wholly a person's name, nearest the verb's clause start, speaks.
    let segStart = floor;
    for (let k = floor; k < end - 1 && k >= end - 40; k++) {
      const t = toks[k] as Token;
      if (!t.trail.startsWith(',')) continue;
      const seg = speakerPhrase(ctx, para, segStart, k + 1, verb);
      if (
        seg?.entity &&
        seg.via === 'name' &&
        seg.entity.type === 'person' &&
        isCapitalized((toks[segStart] as Token).word)
      ) {
        const runStart = toks.slice(segStart, k + 1).findIndex((x) => isCapitalized(x.word));
        if (runStart === 0) return seg;
      }
      segStart = k + 1;
    }
    for (let k = end - 2; k >= floor && k >= end - 20; k--) {
      const t = toks[k] as Token;
      if (t.trail.startsWith(',')) {
        // `Tom Reyes, the former president of the Dockworkers Union, said`: a person before the apposition speaks; the
        // body named inside it does not.
        const hit = shortestPhrase(ctx, para, floor, k + 1, verb);
        if (hit?.entity && hit.via === 'name' && hit.entity.type === 'person') return hit;
        // `Its president, Malcolm Reid, called ...`: the name is the part between the commas.
        const middle = speakerPhrase(ctx, para, k + 1, end, verb);
        if (middle?.entity && middle.via === 'name') return middle;
        if (hit) return hit;
        break;
      }
    }
    return undefined;
  }
  if (before.trail !== '') return undefined;
  const short = shortestPhrase(ctx, para, floor, end, verb);
  const hit = short?.entity ? short : (beforeRelative(ctx, para, floor, end, verb) ?? short);
  // `Ada Quill, the press officer for the Harbor Traders Guild said`: an apposition the writer did not
  // close with a comma; the body at its end is not the speaker, the person before it is.
  if (hit?.entity?.type === 'org' || !hit) {
    const comma = toks.slice(floor, end).findIndex((t) => t.trail.startsWith(','));
    if (comma > 0) {
      const head = speakerPhrase(ctx, para, floor, floor + comma + 1, verb);
      const rest = toks.slice(floor + comma + 1, end);
      if (
        head?.entity?.type === 'person' &&
        head.via === 'name' &&
        isCapitalized((toks[floor] as Token).word) &&
        (/^(the|a|an)$/.test(rest[0]?.lower ?? '') ||
          ROLE_NOUNS.has(rest[0]?.lower ?? '') ||
          TITLE_WORDS.has(rest[0]?.lower ?? '')) &&
        rest.length <= 14
      )
        return head;
    }
  }
  return hit;
}

/**
 * `a Dover Freight official who asked not to be named said`: the noun phrase before a relative clause that
 * runs to the verb unbroken is the subject.
 */
function beforeRelative(
  ctx: ArticleContext,
  para: Para,
  floor: number,
  end: number,
  verb: string,
): Attribution | undefined {
  const toks = para.tokens;
  let who = -1;
  for (let k = end - 1; k > floor; k--) {
    const t = toks[k] as Token;
    if (t.trail !== '' || t.lead !== '') return undefined;
    if (t.lower === 'who') {
      who = k;
      break;
    }
  }
  // (Only a clause that restricts the noun, with no comma before `who`: `the Mexican president, who said` is someone
  // the article names, found as such.)
  if (who < 0 || (toks[who - 1] as Token).trail !== '') return undefined;
  let start = who - 1;
  while (start > floor && (toks[start - 1] as Token).trail === '' && who - start < 6) start--;
  for (let x = start; x < who; x++) {
    if (!/^(a|an|one|another|the)$/.test((toks[x] as Token).lower)) continue;
    const hit = speakerPhrase(ctx, para, x, who, verb);
    if (hit?.entity) return hit;
  }
  return undefined;
}

function shortestPhrase(
  ctx: ArticleContext,
  para: Para,
  floor: number,
  end: number,
  verb: string,
): Attribution | undefined {
  // `a post from Marta Ellison who wrote`: `who` stands for the name before it.
  if (end - 1 > floor && para.tokens[end - 1]?.lower === 'who') {
    const who = speakerPhrase(ctx, para, end - 1, end, verb);
    if (who?.entity) return who;
  }
  let governed: Attribution | undefined;
  for (let a = end - 1; a >= floor && a >= end - 14; a--) {
    const t = para.tokens[a] as Token;
    if (a < end - 1 && t.trail !== '' && !t.trail.startsWith(',')) break;
    if (a < end - 1 && t.trail.startsWith(',')) break;
    const prev = para.tokens[a - 1];
    // Extend while the previous token still belongs to the phrase (capitalised, role word, article).
    const beforePrev = para.tokens[a - 2];
    const connector =
      prev !== undefined &&
      NAME_CONNECTORS.has(prev.lower) &&
      beforePrev !== undefined &&
      beforePrev.trail === '' &&
      isCapitalized(beforePrev.word);
    const boundary =
      a === floor ||
      prev === undefined ||
      prev.trail !== '' ||
      // (`Although he told the court ...`: a subordinating word opens the clause before its subject.)
      (a - 1 === floor && (SENTENCE_OPENERS.has(prev.lower) || SUBORDINATORS.has(prev.lower))) ||
      (!connector &&
        !(
          isCapitalized(prev.word) ||
          ROLE_NOUNS.has(prev.lower) ||
          ORG_NOUNS.has(prev.lower) ||
          /^(the|a|an)$/.test(prev.lower) ||
          prev.possessive
        ));
    if (!boundary) continue;
    const hit = speakerPhrase(ctx, para, a, end, verb);
    // `One student at Duke University said`: the body an unnamed person belongs to is not who speaks.
    const of = para.tokens[a - 1];
    if (
      hit &&
      of &&
      BELONGS_TO.test(of.lower) &&
      of.trail === '' &&
      UNNAMED_PEOPLE.has(para.tokens[a - 2]?.lower ?? '')
    )
      return unnamed(para, para.tokens[a - 2] as Token, verb);
    // `A source close to Reyes said`, `a worker talking to the Dover Ledger said`: the object of a preposition is
    // not who speaks; a longer phrase may still hold the speaker (`Tom Reyes of the Dover Ledger`), else no one.
    // (`Editor in chief Marta Ellison said`: a role word after the preposition makes a title, not an object; `The
    // Council on Fair Trade Director Ada Quill said`: a capitalised word before it makes one name; `with Reyes
    // noting`: the name is the subject of the -ing verb.)
    const ofWhat = para.tokens[a - 2];
    if (
      hit?.entity &&
      of &&
      of.trail === '' &&
      a - 1 >= floor &&
      OBJECT_PREPOSITIONS.has(of.lower) &&
      (isCapitalized(t.word) || /^(the|a|an)$/.test(t.lower)) &&
      !(ofWhat && isCapitalized(ofWhat.word)) &&
      !(of.lower === 'with' && verb.endsWith('ing')) &&
      // (`A spokesman for Dunmore Networks said`: the body a spokesman speaks for is the source.)
      !(of.lower === 'for' && /^(spokes(man|woman|person)|representative)$/.test(ofWhat?.lower ?? ''))
    ) {
      governed ??= unnamed(para, t, verb);
      continue;
    }
    // `A woman who backs Reyes said`: a name inside a relative clause of the subject is not who speaks.
    if (hit?.entity && inRelativeClause(para.tokens, a, floor)) return unnamed(para, t, verb);
    if (hit) return hit;
  }
  return governed;
}

/** `One student at Dover`, `a resident of Maine`: the word between an unnamed person and the body they belong to. */
const BELONGS_TO = /^(at|of|from|in|inside|outside|near|within)$/;

/** Words that are all titles, or titles and places (`President-elect`, `US President`): a role, not a name. */
function titleOnly(ws: readonly string[]): boolean {
  return (
    ws.some((w) => TITLE_WORDS.has(w.toLowerCase())) &&
    ws.every((w) => TITLE_WORDS.has(w.toLowerCase()) || isPlace([w]))
  );
}

/**
 * `the woman who beat Reyes said`: the words right before token `at`, back to a punctuation mark or `floor`, hold
 * `who` or `whom` and a word after it, so the word at `at` is the object of a relative clause, not the subject of
 * the verb after it. (`Clinton, whom he called "..."`: right after `whom`, it is the relative clause's own
 * subject, and speaks.)
 */
function inRelativeClause(toks: Token[], at: number, floor: number): boolean {
  for (let k = at - 1; k >= floor; k--) {
    const t = toks[k] as Token;
    if (t.trail !== '' || t.lead !== '' || CLAUSE_OPENERS.has(t.lower)) return false;
    if (t.lower === 'who' || t.lower === 'whom') return k < at - 1;
  }
  return false;
}

/** The article has this lone capitalised word speak twice or more (`Trump said ... Trump added`): a name it uses. */
function speakerWord(ctx: ArticleContext, lone: string): boolean {
  return (ctx.speaking.get(lone) ?? 0) >= 2;
}

/**
 * `Ms. Lowell, she said, "sees him ..."`: the person named right before a pronoun set off in commas with its verb
 * is whom the words are about, not who says them. Null when no name is there.
 */
function toldOf(ctx: ArticleContext, toks: Token[], a: number, b: number): Entity | null {
  const before = toks[a - 1];
  if (before?.trail !== ',' || !isCapitalized(before.word) || toks[b]?.trail !== ',') return null;
  let x = a - 1;
  while (
    x > 0 &&
    x > a - 5 &&
    (toks[x - 1] as Token).trail === '' &&
    isCapitalized((toks[x - 1] as Token).word)
  )
    x--;
  const phrase = analyzeRun(toks, x, a);
  const known = phrase ? ctx.table.find(phrase) : null;
  return known?.type === 'person' ? known : null;
}

/**
 * `"...," he told Quill.`: the person named right after a verb of telling at token `v` is the one spoken to, never
 * the `he` who speaks. Null when no known person is named there.
 */
function listenerAfter(ctx: ArticleContext, toks: Token[], v: number): Entity | null {
  if (
    !/^(told|tells|asked|asks|assured|assures|reminded|reminds|informed|informs)$/.test(toks[v]?.lower ?? '')
  )
    return null;
  const x = v + 1;
  const y = capitalsFrom(toks, x, 4);
  if (y === x) return null;
  const phrase = analyzeRun(toks, x, y);
  const known = phrase ? ctx.table.find(phrase) : null;
  return known?.type === 'person' ? known : null;
}

/**
 * The two people last named together (`Ada Quill and Tom Briggs`, `Sens. Quill and Briggs`) before token `before`
 * in this paragraph or the one before it, as one joint speaker; null when none are.
 */
function pairBefore(ctx: ArticleContext, para: Para, before: number, verb: string): Entity | null {
  const i = ctx.paras.indexOf(para);
  // (The paragraph, and the two before it: `Quill and Chairman Dover sent a letter ...` / a paragraph on the reply /
  // `"...," the two wrote`.)
  for (const p of [para, ctx.paras[i - 1], ctx.paras[i - 2]]) {
    if (!p) continue;
    const toks = p.tokens;
    for (let k = (p === para ? before : toks.length) - 2; k >= 1; k--) {
      const and = toks[k] as Token;
      if (and.lower !== 'and' || and.trail !== '' || (toks[k - 1] as Token).trail !== '') continue;
      if (ctx.inQuote(p.base + and.start)) continue;
      let x = k;
      while (x > 0 && x > k - 4 && isCapitalized((toks[x - 1] as Token).word)) {
        x--;
        if (x > 0 && (toks[x - 1] as Token).trail !== '') break;
      }
      // (`and Harbor Committee Chairman Tom Dover`: a title of several words before the second name.)
      const y = capitalsFrom(toks, k + 1, 6);
      if (x === k || y === k + 1) continue;
      const pair = namedPair(ctx, p, x, k, y, verb);
      if (pair) return pair;
    }
  }
  return null;
}

/**
 * Two different people named by tokens [x, k) and [k + 1, y) of `p` (the `and` at k), as one joint speaker; null
 * when either is not a person named by name.
 */
function namedPair(
  ctx: ArticleContext,
  p: Para,
  x: number,
  k: number,
  y: number,
  verb: string,
): Entity | null {
  const left = speakerPhrase(ctx, p, x, k, verb);
  const right = speakerPhrase(ctx, p, k + 1, y, verb);
  return left?.entity?.type === 'person' &&
    right?.entity?.type === 'person' &&
    left.via === 'name' &&
    right.via === 'name' &&
    left.entity !== right.entity
    ? ctx.table.joint(left.entity, right.entity)
    : null;
}

/** A title two people named together share (`Sens. Quill and Briggs`). */
const PLURAL_TITLES =
  /^(?:Professors|Profs\.|Sens\.|Senators|Reps\.|Representatives|Drs\.|Doctors|Govs\.|Governors|Justices|Judges)$/;

/**
 * Two people named together as the subject opening the sentence holding token `a` or the one before it in this
 * paragraph or the last sentence of the paragraph before (`Professors Ada Quill and Tom Briggs suggest ...`), as one
 * joint speaker; null when no such pair opens either.
 */
function pairSubjectBefore(ctx: ArticleContext, para: Para, a: number, verb: string): Entity | null {
  const spans: { p: Para; from: number; to: number }[] = [];
  let to = a;
  for (const from of sentenceStartsBefore(para, a, 2)) {
    spans.push({ p: para, from, to });
    to = from;
  }
  const prev = ctx.paras[ctx.paras.indexOf(para) - 1];
  if (spans.length < 2 && prev) {
    const [from] = sentenceStartsBefore(prev, prev.tokens.length, 1);
    if (from !== undefined) spans.push({ p: prev, from, to: prev.tokens.length });
  }
  for (const { p, from, to: end } of spans) {
    const toks = p.tokens;
    // (A title for both, `Professors Quill and Briggs`, `Sens. Quill and Briggs`, is no part of the first name.)
    const x = PLURAL_TITLES.test(toks[from]?.word ?? '') ? from + 1 : from;
    let k = x;
    while (k < end && k < x + 5 && isCapitalized((toks[k] as Token).word) && (toks[k] as Token).trail === '')
      k++;
    if (k === x || k >= end || (toks[k] as Token).lower !== 'and' || (toks[k] as Token).trail !== '')
      continue;
    const y = capitalsFrom(toks, k + 1, 4);
    // (A verb follows the pair: it is the sentence's subject, not a list that goes on.)
    if (y === k + 1 || y >= end || !/^\p{Ll}/u.test((toks[y] as Token).word)) continue;
    if (ctx.inQuote(p.base + (toks[k] as Token).start)) continue;
    const pair = namedPair(ctx, p, x, k, y, verb);
    if (pair) return pair;
  }
  return null;
}

/**
 * Whose the site is that `the website` at token `before` means: the subject of a sentence in this paragraph or the
 * eight before that set up, created, launched, built or started a website or site (`Ada Quill set up a new
 * website ...`); null when none did.
 */
function siteOwner(ctx: ArticleContext, para: Para, before: number): Entity | null {
  const here = ctx.paras.indexOf(para);
  for (let i = here; i >= 0 && i >= here - 8; i--) {
    const p = ctx.paras[i] as Para;
    const toks = p.tokens;
    for (let k = (p === para ? before : toks.length) - 1; k >= 2; k--) {
      if (
        !/^(website|site|web site)$/.test((toks[k] as Token).lower) ||
        ctx.inQuote(p.base + (toks[k] as Token).start)
      )
        continue;
      // (`a website`, `a new website`.)
      let d = k - 1;
      if ((toks[d] as Token).lower === 'new' && /^(a|an)$/.test(toks[d - 1]?.lower ?? '')) d--;
      if (!/^(a|an)$/.test((toks[d] as Token).lower)) continue;
      let v = d - 1;
      if (v < 0) continue;
      if ((toks[v] as Token).lower === 'up' && (toks[v - 1] as Token | undefined)?.lower.startsWith('set'))
        v--;
      if (
        !/^(set|sets|setting|created|creates|launched|launches|built|builds|started|starts)$/.test(
          (toks[v] as Token).lower,
        )
      )
        continue;
      const hit = subjectBeforeToken(ctx, p, v);
      if (hit?.type === 'person' || hit?.type === 'org') return hit;
    }
  }
  return null;
}

/** Who the sentence holding token `v` has do it (`Quill's campaign emailed ...`): its subject before `v`, if named. */
function subjectBeforeToken(ctx: ArticleContext, p: Para, v: number): Entity | null {
  const sentence = sentenceAt(p.sentences, (p.tokens[v] as Token).start);
  const [s0] = tokenRange(p, sentence?.start ?? 0, sentence?.start ?? 0);
  return (mainSubject(ctx, p, s0, v, 'said') ?? subjectBefore(ctx, p, s0, v, 'said'))?.entity ?? null;
}

const bookAuthors = new WeakMap<ArticleContext, Entity | null>();
/** An article's opening says it is an excerpt of a book (`an excerpt from author Tom Fenwick's new book`). */
const BOOK_EXCERPT =
  /\bexcerpt(?:s|ed)?\b[^.]{0,160}?\b(?:from|of)\b[^.]{0,100}?((?:\p{Lu}[\p{L}.-]*\s){0,2}\p{Lu}[\p{L}'’-]*?)['’]s\s+(?:(?:new|latest|forthcoming|upcoming|recent|bestselling|best-selling)\s+)*(?:book|memoir)\b/u;

/**
 * The author of the book an article is an excerpt of, as its opening paragraphs say (`Editor's note: the following
 * is an excerpt from author Tom Fenwick's new book, ...`): the `I` of its narration. Null for any other article.
 */
function bookAuthor(ctx: ArticleContext): Entity | null {
  const known = bookAuthors.get(ctx);
  if (known !== undefined) return known;
  let author: Entity | null = null;
  for (const p of ctx.paras.slice(0, 3)) {
    const m = BOOK_EXCERPT.exec(p.text);
    if (!m) continue;
    const name = (m[1] as string).trim();
    const found = ctx.table.lookup(name) ?? ctx.table.lookup(name.split(/\s+/).at(-1) as string);
    author = found?.type === 'person' ? found : null;
    break;
  }
  bookAuthors.set(ctx, author);
  return author;
}

/**
 * The issuer of the document an `it` at token `a` stands for: a document or web page written of earlier in the same
 * sentence or the one before (`The email shows Quill on stage. At the bottom it reads, "..."`, `On his website, Quill
 * has ... "...," it says`), as `the NOUN said` would find it, or its owner (`his website`, `Quill's letter`).
 */
function documentAntecedent(ctx: ArticleContext, para: Para, a: number): Entity | null {
  // (Back to the start of the sentence before, which may close the paragraph before: `The email shows Quill on stage.` /
  // `At the bottom it reads, "..."`; or two before when the one between only quotes it: `"...," it reads.`)
  const pi = ctx.paras.indexOf(para);
  const spans: { p: Para; from: number; to: number }[] = [];
  for (let k = pi; k >= 0 && k >= pi - 3 && spans.length < 5; k--) {
    const p = ctx.paras[k] as Para;
    let to = k === pi ? a : p.tokens.length;
    for (const from of sentenceStartsBefore(p, to, 5 - spans.length)) {
      spans.push({ p, from, to });
      to = from;
    }
  }
  for (const [n, { p, from, to }] of spans.entries()) {
    const toks = p.tokens;
    let cited = false;
    for (let i = to - 1; i >= from; i--) {
      const t = toks[i] as Token;
      if (ctx.inQuote(p.base + t.start)) continue;
      cited ||= t.lower === 'it';
      const noun = t.lower;
      if (i === 0 || !(DOCUMENT_NOUNS.has(noun) || OWNED_PAGES.has(noun))) continue;
      const det = toks[i - 1] as Token;
      if (det.trail !== '') continue;
      if (det.lower === 'his' || det.lower === 'her') {
        const owner = ctx.table.pronounDetail(p.base + det.start, det.lower === 'his' ? 'm' : 'f').entity;
        if (owner) return owner;
        continue;
      }
      if (det.possessive) {
        const owner = possessiveOwner(ctx, toks, i - 1, Math.max(0, i - 5), p.base + det.start);
        if (owner?.entity) return owner.entity;
        continue;
      }
      if (!/^(the|this|that|an?|new|latest)$/.test(det.lower)) continue;
      return documentIssuer(ctx, para, a, noun);
    }
    // (Further back only through sentences that themselves quote `it`.)
    if (n >= 1 && !cited) break;
  }
  return null;
}

/** A time that may stand between a passive verb and its `by` (`released in May by`, `issued last week by`). */
const PASSIVE_TIME =
  /^(?:in|on|last|this|early|earlier|late|later|week|month|year|(?:19|20)\d\d|\d{1,2}|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Words for one court filing: `the suit` is the `lawsuit` the article wrote of. */
const SUIT_NOUNS = /^(suit|lawsuit|complaint)$/;

/**
 * Who issued the document a later `the NOUN said` quotes: the subject of a sentence in this paragraph or the one
 * before that sent, released, issued or wrote a NOUN (`Quill's campaign mailed a letter`).
 */
function documentIssuer(ctx: ArticleContext, para: Para, before: number, noun: string): Entity | null {
  const at = para.base + ((para.tokens[before] as Token | undefined)?.start ?? 0);
  const paras = ctx.paras.filter((p) => p.base <= para.base && p.base >= para.base - 2000);
  for (const p of paras.reverse()) {
    const toks = p.tokens;
    for (let i = toks.length - 1; i >= 0; i--) {
      const t = toks[i] as Token;
      if (p.base + t.start >= at) continue;
      // `Marta Ellison ... emailed volunteers, telling them ...`: whoever emailed sent `the email`.
      if ((noun === 'email' || noun === 'e-mail') && /^e-?mailed$/.test(t.lower)) {
        const hit = subjectBeforeToken(ctx, p, i);
        if (hit) return hit;
        continue;
      }
      // `His campaign sued the council on Friday. The complaint ... alleged`: whoever sued filed the complaint.
      if (/^(complaint|lawsuit|suit|petition)$/.test(noun) && /^(sued|sues|sue|suing)$/.test(t.lower)) {
        const hit = subjectBeforeToken(ctx, p, i);
        if (hit) return hit;
        continue;
      }
      if (t.lower !== noun && !(SUIT_NOUNS.test(noun) && SUIT_NOUNS.test(t.lower))) continue;
      // `a suit was brought by Ben Dover`, `a report written by the Harbor Institute`, `a report released in May by
      // the Harbor Institute`: the agent of the passive (a time may stand between the verb and `by`).
      let verbAt = -1;
      for (let k = i + 1; k < toks.length && k <= i + 8; k++) {
        const by = toks[k] as Token;
        if ((toks[k - 1] as Token).trail !== '') break;
        if (
          /^(filed|brought|written|issued|released|sent|signed|published|prepared|drafted)$/.test(by.lower)
        ) {
          verbAt = k;
          continue;
        }
        if (verbAt < 0 && k > i + 5) break;
        if (verbAt >= 0 && by.lower !== 'by') {
          if (k - verbAt > 3 || !PASSIVE_TIME.test(by.word)) break;
          continue;
        }
        if (by.lower !== 'by' || verbAt < 0) continue;
        const x = /^(the|a|an)$/.test(toks[k + 1]?.lower ?? '') ? k + 2 : k + 1;
        const y = capitalsFrom(toks, x, 5);
        // (Read inside quotation marks too: `"... a suit was brought by Ben Dover ...," a spokesman said`.)
        let phrase = y > x ? analyzeRun(toks, x, y) : null;
        // (`by the Harbor Institute of Sciences`: a connector inside the name, when the name keeps it.)
        const link = toks[y];
        if (
          phrase &&
          (toks[y - 1] as Token).trail === '' &&
          link?.trail === '' &&
          /^(of|for)$/.test(link.lower) &&
          isCapitalized(toks[y + 1]?.word ?? '')
        ) {
          const longer = analyzeRun(toks, x, capitalsFrom(toks, y + 1, 3));
          if (longer?.nameWords.includes(link.word)) phrase = longer;
        }
        const known = phrase ? ctx.table.find(phrase) : null;
        if (known && known.type !== 'unknown') return known;
        // (A body the article names only here: `by the Harbor Academy of Ports`.)
        // (Several words no first name opens; a person would be a known name.)
        if (
          phrase &&
          (phrase.type === 'org' ||
            (phrase.type === 'unknown' &&
              phrase.nameWords.length >= 2 &&
              !isFirstName((phrase.nameWords[0] as string).toLowerCase()))) &&
          !isPlace(phrase.nameWords)
        )
          return ctx.table.resolve({ ...phrase, type: 'org', possessive: false, role: null }, null);
        break;
      }
      // `a Quill campaign memo`, `an email from the Quill campaign`: the document names its issuer.
      const named = namedIssuer(ctx, p, i);
      if (named) return named;
      // `In a statement, Harbor Arms announced that ...`: the subject after the comma issued it.
      if (
        t.trail === ',' &&
        toks[i - 2]?.lower === 'in' &&
        /^(a|an|the|its|his|her|their)$/.test(toks[i - 1]?.lower ?? '')
      ) {
        for (let w = i + 2; w < toks.length && w <= i + 8; w++) {
          if (!isSpeechVerb(toks[w])) {
            if ((toks[w - 1] as Token).trail !== '') break;
            continue;
          }
          const hit = speakerPhrase(ctx, p, i + 1, w, 'said');
          if (hit?.entity) return hit.entity;
          break;
        }
      }
      let v = i - 1;
      while (
        v > i - 6 &&
        v >= 0 &&
        // (`Harbor Arms said in a statement that ...`: who spoke in it issued it.)
        !/^(sent|sending|released|releasing|release|issued|issuing|wrote|circulated|published|put|said|says|announced|added|explained|ran|running|aired|airing|air|launched|launching|launch|unveiled|unveiling|unveil|filed|filing|mailed)$/.test(
          (toks[v] as Token).lower,
        )
      )
        v--;
      if (v < 0 || v <= i - 6) continue;
      const hit = subjectBeforeToken(ctx, p, v);
      if (hit) return hit;
    }
  }
  // `The Quill campaign on Tuesday responded that ... "…," the statement said.`: a statement no sentence names
  // is the response of whoever the sentence just before, in the same paragraph, has respond or say something.
  if (noun === 'statement') {
    const here = sentenceAt(para.sentences, (para.tokens[before] as Token | undefined)?.start ?? 0);
    const prev = here ? para.sentences.filter((x) => x.start < here.start).at(-1) : undefined;
    if (here && prev) {
      const [s0] = tokenRange(para, prev.start, prev.start);
      const toks = para.tokens;
      for (let v = s0 + 1; v < toks.length && v <= s0 + 8 && (toks[v] as Token).start < here.start; v++) {
        const t = toks[v] as Token;
        if (!/^(responded|replied|answered|countered|said|says|announced|insisted|argued)$/.test(t.lower))
          continue;
        const hit = mainSubject(ctx, para, s0, v, 'said') ?? subjectBefore(ctx, para, s0, v, 'said');
        if (hit?.entity && hit.via === 'name') return hit.entity;
        break;
      }
    }
  }
  return null;
}

/**
 * The issuer a document noun at `i` names itself: a name and an organisation noun before it (`a Quill campaign
 * memo`, `the Harbor Council report`), or `from` and a named person or organisation after it (`an email from the
 * Quill campaign`, `a letter from Ada Quill`).
 */
function namedIssuer(ctx: ArticleContext, p: Para, i: number): Entity | null {
  const toks = p.tokens;
  const orgNoun = toks[i - 1];
  if (orgNoun && orgNoun.trail === '' && ORG_NOUNS.has(orgNoun.lower) && !ROLE_NOUNS.has(orgNoun.lower)) {
    let j = i - 1;
    while (
      j > 0 &&
      j > i - 5 &&
      isCapitalized((toks[j - 1] as Token).word) &&
      (toks[j - 1] as Token).trail === ''
    )
      j--;
    const phrase = j < i - 1 ? analyzeRun(toks, j, i - 1) : null;
    if (phrase && !phrase.possessive && !isPlace(phrase.nameWords))
      return ownedBody(ctx, phrase, orgNoun.lower);
  }
  // `a weekly column in the Dunmore Ledger newspaper`: a column or an editorial in a named paper is the paper's.
  if ((toks[i] as Token).trail === '' && /^(column|editorial)$/.test((toks[i] as Token).lower)) {
    const link = toks[i + 1];
    let j = i + 2;
    if (toks[j]?.lower === 'the') j++;
    while (j < i + 6 && /^\p{Ll}+$/u.test(toks[j]?.word ?? '') && (toks[j - 1] as Token).trail === '') j++;
    let e = j;
    while (
      e < toks.length &&
      e < j + 4 &&
      isCapitalized((toks[e] as Token).word) &&
      (toks[e - 1] as Token).trail === ''
    )
      e++;
    const noun = toks[e];
    if (
      link &&
      /^(in|of)$/.test(link.lower) &&
      link.trail === '' &&
      e > j &&
      (toks[e - 1] as Token).trail === '' &&
      noun &&
      NEWS_NOUNS.has(noun.lower)
    ) {
      const phrase = analyzeRun(toks, j, e);
      if (phrase && !phrase.possessive && !isPlace(phrase.nameWords))
        return ctx.table.resolve({ ...phrase, type: 'org', possessive: false, role: null }, null);
    }
  }
  // `an email from the Quill campaign`, `a note written by the league's director, Ben Marlow,`, `a memo written by
  // Tom Reyes`: who it came from.
  let f = i + 1;
  if (
    /^(was|is|were)$/.test(toks[f]?.lower ?? '') &&
    /^(sent|written|issued|signed|released)$/.test(toks[f + 1]?.lower ?? '')
  )
    f += 2;
  else if (/^(sent|written|signed)$/.test(toks[f]?.lower ?? '')) f += 1;
  const by = toks[f];
  const passive = f > i + 1;
  if (
    (toks[i] as Token).trail === '' &&
    toks.slice(i, f).every((t) => t.trail === '') &&
    (by?.lower === 'from' || (passive && by?.lower === 'by'))
  ) {
    let e = f + 1;
    if (toks[e]?.lower === 'the') e++;
    const start = e;
    e = capitalsFrom(toks, start, 5);
    if (e < toks.length && (toks[e - 1] as Token).trail === '' && ORG_NOUNS.has((toks[e] as Token).lower))
      e++;
    if (e > start) {
      const hit = speakerPhrase(ctx, p, f + 1, e, 'said');
      if (hit?.entity && hit.via === 'name' && hit.entity.type !== 'unknown') return hit.entity;
    }
    {
      // (A role, then the person's name set off by commas: `by the league's director, Ben Marlow,`.)
      let c = f + 1;
      while (c < toks.length && c <= f + 6 && (toks[c] as Token).trail === '') c++;
      if ((toks[c] as Token | undefined)?.trail === ',' && c <= f + 6) {
        const n0 = c + 1;
        const n1 = capitalsFrom(toks, n0, 4);
        if (n1 > n0 + 1) {
          const hit = speakerPhrase(ctx, p, n0, n1, 'said');
          if (hit?.entity?.type === 'person' && hit.via === 'name') return hit.entity;
        }
      }
    }
  }
  return null;
}

/**
 * `He mocked an email Dean Ada Quill sent students, conceding that "..."`: an -ing verb of saying after a document
 * and who sent it speaks for its sender, not for the sentence's subject. Undefined when tokens [s0, v) name none.
 */
function documentSender(
  ctx: ArticleContext,
  para: Para,
  s0: number,
  v: number,
  verb: string,
): Attribution | undefined {
  const toks = para.tokens;
  for (let k = s0; k < v - 2; k++) {
    if (!DOCUMENT_NOUNS.has((toks[k] as Token).lower) || (toks[k] as Token).trail !== '') continue;
    let j = k + 1;
    while (j < v && isCapitalized((toks[j] as Token).word) && (toks[j - 1] as Token).trail === '') j++;
    if (j === k + 1 || (toks[j - 1] as Token).trail !== '') continue;
    if (!/^(sent|wrote|issued|posted|released|signed|penned|circulated)$/.test(toks[j]?.lower ?? ''))
      continue;
    const hit = speakerPhrase(ctx, para, k + 1, j, verb);
    if (hit?.entity && hit.via === 'name') return hit;
  }
  return undefined;
}

/** Where the paragraph before `para` starts, or -1 when there is none or it already speaks of someone as `he`
 * (`she`): then a person it introduces is not the only one it is about. */
function previousBase(ctx: ArticleContext, para: Para, gender: 'm' | 'f'): number {
  const prev = ctx.paras[ctx.paras.indexOf(para) - 1];
  if (!prev) return -1;
  return (gender === 'm' ? /\b(he|him|his|himself)\b/i : /\b(she|her|hers|herself)\b/i).test(prev.text)
    ? -1
    : prev.base;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** People who speak for an organisation without being named (`a Twitter spokesman`, `one Quill aide`). */
const SPOKES_NOUNS = new Set(
  'spokesman spokeswoman spokesperson aide aides official officials adviser advisers advisor advisors source sources representative staffer staffers confidant confidante ally allies associate associates insider insiders operative operatives loyalist loyalists surrogate surrogates strategist executive executives member'.split(
    ' ',
  ),
);
/** Words before an unnamed spokesperson: an article or a count, and a seniority. */
const SPOKES_DETS = new Set('a an one another the two three several'.split(' '));
const SPOKES_ADJ = new Set('senior top longtime veteran chief high-ranking ranking press'.split(' '));
/** What a person's aides work for, when the phrase says so (`one Quill campaign aide`). */
const SPOKES_KIND = new Set('campaign administration transition team office'.split(' '));
/** Capitalised words before `official` that name a party or a people, not an organisation that speaks. */
const NOT_SPEAKING_FOR = new Set(
  'republican republicans democrat democrats democratic gop independent conservative liberal western german greek thai swiss'.split(
    ' ',
  ),
);

/**
 * `a Twitter spokesman`, `the senior Quill adviser`, `one Quill campaign aide`, `a spokeswoman for Dunmore
 * Networks`: the organisation the unnamed person speaks for, or null when it cannot be told (a person's aide whose
 * campaign or office the article never names); undefined when tokens [a, b) are not such a phrase.
 */
function orgSpokesperson(
  ctx: ArticleContext,
  toks: Token[],
  a: number,
  b: number,
): Entity | null | undefined {
  if (b - a < 3 || b - a > 8 || !SPOKES_DETS.has((toks[a] as Token).lower)) return undefined;
  const inner = toks.slice(a, b - 1);
  if (inner.some((t) => t.trail !== '' || t.lead !== '')) return undefined;
  let x: number;
  let y: number;
  let kind: string | null = null;
  if (SPOKES_NOUNS.has((toks[b - 1] as Token).lower)) {
    let i = a + 1;
    while (i < b - 1 && SPOKES_ADJ.has((toks[i] as Token).lower)) i++;
    x = i;
    while (i < b - 1 && isCapitalized((toks[i] as Token).word) && !(toks[i] as Token).possessive) i++;
    y = i;
    if (i < b - 1 && SPOKES_KIND.has((toks[i] as Token).lower)) {
      kind = (toks[i] as Token).lower;
      i++;
    }
    // `a senior administration official`: the one administration (or campaign) the article names, if only one.
    if (i === b - 1 && y === x && kind) return namedKind(ctx, kind);
    if (i !== b - 1 || y === x || y - x > 4) return undefined;
  } else {
    // `a spokeswoman for (the) Dunmore Networks`
    if (!SPOKES_NOUNS.has((toks[a + 1] as Token).lower) || toks[a + 2]?.lower !== 'for') return undefined;
    x = toks[a + 3]?.lower === 'the' ? a + 4 : a + 3;
    y = b;
    if (y - x < 1 || y - x > 5) return undefined;
    if (!toks.slice(x, y).every((t, i) => isCapitalized(t.word) || (i > 0 && NAME_CONNECTORS.has(t.lower))))
      return undefined;
  }
  return speaksFor(ctx, toks, x, y, kind, (toks[b - 1] as Token).lower);
}

/**
 * The one `X administration` / `X campaign` (`kind`) the article names, as an organisation (`a senior administration
 * official` speaks for it); null when it names none or several.
 */
function namedKind(ctx: ArticleContext, kind: string): Entity | null {
  const named = new Set<string>();
  const re = new RegExp(`\\b(\\p{Lu}[\\p{L}'’-]+)(?:['’]s)? ${kind}\\b`, 'gu');
  for (const p of ctx.paras)
    for (const m of p.text.matchAll(re)) {
      const word = (m[1] as string).replace(/['’]s$/, '');
      if (!/^(The|This|That|His|Her|Its|Their|Our|A|An|New|Former|Next|Current|Previous)$/.test(word))
        named.add(word);
    }
  if (named.size !== 1) return null;
  return orgNamed(ctx, [[...named][0] as string, kind], 0, 0);
}

/**
 * Whom an unnamed `noun` working for the name in tokens [x, y) speaks for (`a Twitter spokesman`, `one Quill
 * campaign aide`, `Quill's closest adviser`): that organisation, the person's campaign or office (`kind`, or a
 * campaign the article names), or null when it cannot be told; never the person. Undefined when [x, y) is no name.
 */
function speaksFor(
  ctx: ArticleContext,
  toks: Token[],
  x: number,
  y: number,
  kind: string | null,
  noun: string,
): Entity | null | undefined {
  const phrase = analyzeRun(toks, x, y);
  if (!phrase || phrase.nameWords.length === 0) return undefined;
  const words = phrase.nameWords.map((w) => w.toLowerCase());
  if (isPlace(phrase.nameWords) || words.every((w) => NOT_SPEAKING_FOR.has(w))) return null;
  const known = ctx.table.find(phrase);
  // `a Chinese official`: a people, not who they speak for; their government when the article names it as such.
  if (
    (!known || known.type === 'unknown') &&
    words.length === 1 &&
    /(?:ese|ian|ish|ean|can|i|ch)$/.test(words[0] as string)
  ) {
    const people = phrase.nameWords[0] as string;
    const government = new RegExp(`\\b${escapeRegExp(people)} government\\b`);
    if (!ctx.paras.some((p) => government.test(p.text))) return null;
    const nameWords = [people, 'government'];
    return ctx.table.resolve({ ...phrase, nameWords, type: 'org', possessive: false, role: null }, null);
  }
  const name = escapeRegExp(known?.name ?? phrase.nameWords.join(' '));
  // `Twitter said it ...`, `Dunmore, which ...`: the article writes of it as a thing.
  const itSays = new RegExp(
    `\\b${name}(?:(?: \\p{Ll}+)? (?:said|says|announced|added|stated|confirmed) (?:that )?it\\b|, which\\b)`,
    'u',
  );
  const thing = known?.type === 'org' || ctx.paras.some((p) => itSays.test(p.text));
  const asOrg = (nameWords: string[]): Entity =>
    ctx.table.resolve({ ...phrase, nameWords, type: 'org', possessive: false, role: null }, null);
  // A confidant, ally or aide is someone's: unless the article writes of X as a thing, X is a person.
  const personal =
    /^(confidant|confidante|ally|allies|associates?|insiders?|operatives?|loyalists?|surrogates?|strategist|aides?|advis[eo]rs?)$/.test(
      noun,
    );
  if (!thing && (phrase.type === 'person' || known?.type === 'person' || personal)) {
    // A person's aide speaks for their campaign or office, which the phrase or the article must name.
    const surname = (known?.name ?? phrase.nameWords.join(' ')).split(' ').at(-1) as string;
    if (kind) return asOrg([surname, kind]);
    const campaign = new RegExp(`\\b${escapeRegExp(surname)}(?:['’]s)? campaign\\b`);
    return ctx.paras.some((p) => campaign.test(p.text)) ? asOrg([surname, 'campaign']) : null;
  }
  if (kind) return asOrg([...phrase.nameWords, kind]);
  if (known) {
    known.type = 'org';
    return known;
  }
  return asOrg(phrase.nameWords);
}

/**
 * `one Quill ad`, `a new Harbor Union ad`, `the Quill campaign's ad` aside, tokens [a, b) wholly: a determiner, lower-case
 * words, a name and a noun for an advertisement. The ad speaks for the person's campaign, or for the body named;
 * null for a place (`a Maine ad`); undefined for any other phrase.
 */
function adSponsor(ctx: ArticleContext, toks: Token[], a: number, b: number): Entity | null | undefined {
  if (b - a < 3 || b - a > 7 || !SPOKES_DETS.has((toks[a] as Token).lower)) return undefined;
  if (
    !/^(ad|ads|advert|advertisement|commercial|commercials|mailer|mailers)$/.test(
      (toks[b - 1] as Token).lower,
    )
  )
    return undefined;
  // (`one Club for Tax Cuts ad`: a connector inside the name.)
  const phrase = nameBeforeNoun(toks, a, b, 5, true);
  if (!phrase) return undefined;
  if (isPlace(phrase.nameWords)) return null;
  const known = ctx.table.find(phrase);
  const person = known ? known.type === 'person' : phrase.type === 'person';
  const nameWords = person
    ? [(known?.name ?? phrase.nameWords.join(' ')).split(' ').at(-1) as string, 'campaign']
    : (known?.name.split(' ') ?? phrase.nameWords);
  return ctx.table.resolve({ ...phrase, nameWords, type: 'org', possessive: false, role: null }, null);
}

/**
 * The issuer a name in a document's phrase gives: the person or body the tables know by it, else a body named only
 * there; null for a person the tables do not know.
 */
function namedIssuerOf(ctx: ArticleContext, phrase: NamePhrase): Entity | null {
  const known = ctx.table.find(phrase);
  if (known && known.type !== 'unknown') return known;
  return phrase.type === 'person'
    ? null
    : ctx.table.resolve({ ...phrase, type: 'org', possessive: false, role: null }, null);
}

/**
 * `a Halvex Corp. memo`, `a new Quill letter`, `a fresh Harbor-Dover poll`, tokens [a, b) wholly: a
 * determiner, lower-case words, a name and a noun for a document (not an ad: see adSponsor). The document speaks for
 * the person or body named; null when none is (or the name is a place).
 */
function documentOwner(ctx: ArticleContext, toks: Token[], a: number, b: number): Entity | null {
  if (b - a > 7 || !SPOKES_DETS.has((toks[a] as Token).lower)) return null;
  const noun = (toks[b - 1] as Token).lower;
  if (!(DOCUMENT_NOUNS.has(noun) || noun === 'poll') || /^(ad|advertisement)$/.test(noun)) return null;
  const phrase = nameBeforeNoun(toks, a, b, 4, false);
  if (!phrase || isPlace(phrase.nameWords)) return null;
  return namedIssuerOf(ctx, phrase);
}

/**
 * `a report for the council on ferry fares by the nonprofit Harbor Watch`, tokens [a, b) wholly: a determiner and a
 * noun for a document near the start, then `by`, at most three lower-case words and a capitalised name that ends the
 * phrase: the person or body named (a body when the tables do not know it); null for any other phrase.
 */
function documentBy(ctx: ArticleContext, toks: Token[], a: number, b: number): Entity | null {
  if (b - a < 4 || b - a > 16 || !/^(a|an|the|one)$/.test((toks[a] as Token).lower)) return null;
  const doc = toks.slice(a + 1, Math.min(b, a + 4)).findIndex((t) => DOCUMENT_NOUNS.has(t.lower));
  if (doc < 0) return null;
  // (Not who merely obtained or reported it, `a letter from the Legion obtained by the Ledger`.)
  let by = -1;
  for (let k = a + doc + 2; k < b - 1; k++) if ((toks[k] as Token).lower === 'by') by = k;
  if (
    by < 0 ||
    toks.slice(a, b - 1).some((t) => (t.trail !== '' && !t.possessive) || t.lower === 'from') ||
    /^(obtained|reviewed|seen|viewed|reported|cited|quoted|acquired|leaked|read|described|criticized|praised)$/.test(
      toks[by - 1]?.lower ?? '',
    )
  )
    return null;
  let x = by + 1;
  if (/^(the|a|an)$/.test(toks[x]?.lower ?? '')) x++;
  const from = x;
  while (x < b && x < from + 3 && /^\p{Ll}[\p{Ll}-]*$/u.test((toks[x] as Token).word)) x++;
  if (x >= b || !toks.slice(x, b).every((t) => isCapitalized(t.word))) return null;
  const phrase = analyzeRun(toks, x, b);
  if (!phrase || phrase.to !== b || isPlace(phrase.nameWords)) return null;
  return namedIssuerOf(ctx, phrase);
}

/**
 * `Quill’s letter`, `Ada Quill's new memo`, `the Harbor Council's latest report`, tokens [a, b) wholly: a
 * capitalised name with a possessive ending, at most two lower-case words, then a noun for a document or a web page.
 * The known person or body the name gives; null for any other phrase.
 */
function possessiveDocument(ctx: ArticleContext, toks: Token[], a: number, b: number): Attribution | null {
  if (b - a < 2 || b - a > 8) return null;
  const noun = (toks[b - 1] as Token).lower;
  if (!(DOCUMENT_NOUNS.has(noun) || OWNED_PAGES.has(noun))) return null;
  let o = b - 2;
  while (o > a && b - 2 - o < 2 && /^\p{Ll}[\p{Ll}-]*$/u.test((toks[o] as Token).word)) o--;
  const own = toks[o] as Token;
  if (!own.possessive || !isCapitalized(own.word) || toks.slice(o, b - 1).some((t) => t.trail !== ''))
    return null;
  const from = runStart(toks, a, o);
  if (from < 0) return null;
  const hit = possessiveOwner(ctx, toks, o, from, 0);
  return hit?.entity && !isPlace(hit.entity.name.split(' ')) ? hit : null;
}

/** Where the capitalised run ending at `o` starts, reading back to `a` (only `the` may stand before it); -1 else. */
function runStart(toks: Token[], a: number, o: number): number {
  let x = o;
  while (x > a && isCapitalized((toks[x - 1] as Token).word) && (toks[x - 1] as Token).trail === '') x--;
  if (x === a || (x === a + 1 && (toks[a] as Token).lower === 'the')) return x;
  return -1;
}

/**
 * The name in `a new Quill ad`, `one Club for Tax Cuts ad`, tokens [a, b) wholly: after the determiner at `a`,
 * lower-case words, then a run of capitalised words (at most `max`, connectors inside it when `connectors`) up to the
 * noun at b - 1, with no punctuation and no quotation mark; undefined for any other phrase.
 */
function nameBeforeNoun(
  toks: Token[],
  a: number,
  b: number,
  max: number,
  connectors: boolean,
): NamePhrase | undefined {
  if (b - a < 3 || toks.slice(a, b - 1).some((t) => t.trail !== '' || t.lead !== '')) return undefined;
  let x = a + 1;
  // (`a 2019 Harbor Council memo`: a year before the name, as lower-case words are.)
  while (x < b - 1 && /^(?:\p{Ll}[\p{Ll}-]*|(?:19|20)\d\d)$/u.test((toks[x] as Token).word)) x++;
  // (`a Harbor Council advisory memo`, `a new Quill attack ad`: up to two lower-case words after the name.)
  let y = b - 1;
  // (Not an organisation noun, which belongs to the name: `the Quill campaign memo`.)
  while (
    y > x + 1 &&
    y > b - 3 &&
    /^\p{Ll}[\p{Ll}-]*$/u.test((toks[y - 1] as Token).word) &&
    !ORG_NOUNS.has((toks[y - 1] as Token).word)
  )
    y--;
  const inName = (t: Token, k: number): boolean =>
    (isCapitalized(t.word) || (connectors && k > 0 && k < y - x - 1 && NAME_CONNECTORS.has(t.lower))) &&
    !t.possessive;
  if (y - x < 1 || y - x > max || !toks.slice(x, y).every(inName)) return undefined;
  const phrase = analyzeRun(toks, x, y);
  return phrase && phrase.to === y && phrase.nameWords.length > 0 ? phrase : undefined;
}

/** Who someone is to a person, not a post they hold for a body: they never speak for that person's campaign. */
const PRIVATE_RELATIONS =
  /^(wife|husband|spouse|partner|widow|widower|mother|father|parent|son|daughter|child|children|brother|sister|grandmother|grandfather|granddaughter|grandson|cousin|uncle|aunt|niece|nephew|fianc[eé]e?|girlfriend|boyfriend|friend|neighbou?r|roommate|classmate|colleague|lawyer|attorney|counsel|doctor|physician|biographer|rival|opponent|critic|supporter|backer|donor)s?$/;

/**
 * `Ada Quill's closest adviser`, `Sen. Quill's wife`, `Quill's chief of staff`, `the Ledger's spokesman`, tokens
 * [a, b) wholly: a possessive name, then lower-case words for a person. That person speaks, never the name's owner:
 * a family member or friend names no one (null); staff speak for the body (`Quill's campaign manager`: the Quill
 * campaign; `the Ledger's spokesman`: the Ledger), as `orgSpokesperson` reads them. Undefined for any other phrase,
 * and when the owner is a place (`Maine's governor`).
 */
function possessiveRelation(
  ctx: ArticleContext,
  toks: Token[],
  a: number,
  b: number,
): Entity | null | undefined {
  if (b - a < 2 || b - a > 10) return undefined;
  let p = a;
  while (p < b - 1 && !(toks[p] as Token).possessive) p++;
  if (p === b - 1) return undefined;
  const owner = toks.slice(a, p + 1);
  if (
    !owner.every(
      (t, i) =>
        t.lead === '' &&
        (i === owner.length - 1 || t.trail === '') &&
        (isCapitalized(t.word) || (i === 0 && t.lower === 'the') || (i > 0 && NAME_CONNECTORS.has(t.lower))),
    ) ||
    !isCapitalized((toks[p] as Token).word)
  )
    return undefined;
  const tail = toks.slice(p + 1, b);
  if (
    tail.length > 5 ||
    tail.some(
      (t, i) =>
        t.lead !== '' || (i < tail.length - 1 && t.trail !== '') || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.word),
    )
  )
    return undefined;
  const words = tail.map((t) => t.lower);
  // `chief of staff`: the head is the noun before `of`.
  const ofAt = words.indexOf('of');
  if (ofAt === 0) return undefined;
  const head = (ofAt > 0 ? words[ofAt - 1] : words.at(-1)) as string;
  const singular = head.replace(/s$/, '');
  const person =
    ROLE_NOUNS.has(head) ||
    ROLE_NOUNS.has(singular) ||
    SPOKES_NOUNS.has(head) ||
    UNNAMED_PEOPLE.has(head) ||
    UNNAMED_PEOPLE.has(singular) ||
    PEOPLE_NOUNS.test(head) ||
    PRIVATE_RELATIONS.test(head);
  if (!person) return undefined;
  const x = (toks[a] as Token).lower === 'the' ? a + 1 : a;
  const phrase = analyzeRun(toks, x, p + 1);
  if (!phrase || phrase.nameWords.length === 0 || isPlace(phrase.nameWords)) return undefined;
  if (PRIVATE_RELATIONS.test(head)) return null;
  const kind = words.slice(0, -1).find((w) => SPOKES_KIND.has(w)) ?? null;
  return speaksFor(ctx, toks, x, p + 1, kind, head) ?? null;
}

/**
 * The first tokens of the sentences of `p` that start before token `to`, the nearest first, at most `max` of them
 * (a paragraph may hold thousands of sentences: the nearest is found by binary search).
 */
function sentenceStartsBefore(p: Para, to: number, max: number): number[] {
  const end = (p.tokens[to - 1] as Token | undefined)?.end;
  if (end === undefined) return [];
  const out: number[] = [];
  for (let k = sentenceIndexAt(p.sentences, end - 1); k >= 0 && out.length < max; k--) {
    const [from] = tokenRange(p, (p.sentences[k] as Para['sentences'][number]).start, 0);
    if (from < to) out.push(from);
  }
  return out;
}

/**
 * Whether a sentence of `para` before token `a` opens (after a word and a comma at most: `Meanwhile,`) on `the`, a
 * few words and a title `entity` does not hold but someone else the article names does (`the current party
 * nominee's support ...` after `nominee Ada Quill`).
 */
function titledOpenerBefore(
  ctx: ArticleContext,
  para: Para,
  a: number,
  entity: Entity,
  depth: number,
): boolean {
  // (And the paragraph before, when the one quoted did not speak in it: `Meanwhile, the nominee's plan ...` / `"...,"
  // he said.`)
  const prev = ctx.paras[ctx.paras.indexOf(para) - 1];
  if (
    depth === 0 &&
    prev &&
    !ctx.table.spokeBetween(entity, prev.base, para.base) &&
    titledOpenerBefore(ctx, prev, prev.tokens.length, entity, 1)
  )
    return true;
  const toks = para.tokens;
  const held = titleWords(entity);
  // (The last few sentences only: a title further back brought in no one this pronoun could mean.)
  for (let i of sentenceStartsBefore(para, a, 6)) {
    if ((toks[i] as Token).trail === ',' && (toks[i] as Token).lead === '') i++;
    if ((toks[i] as Token | undefined)?.lower !== 'the' || ctx.inQuote(para.base + (toks[i] as Token).start))
      continue;
    for (let j = i + 1; j < a && j <= i + 5; j++) {
      const t = toks[j] as Token;
      const w = t.lower.replace(/['’]s?$/, '');
      if (ROLE_NOUNS.has(w) && !SPOKES_NOUNS.has(w)) {
        // (Someone else the article gives that title: `the actress` alone may be the one quoted.)
        const pos = para.base + t.start;
        const other = held.includes(w)
          ? null
          : (ctx.table.roleNoun(pos, [w], null) ?? ctx.table.soleHolder(w));
        if (other && other !== entity) return true;
        break;
      }
      if (t.trail !== '') break;
    }
  }
  return false;
}

const SPOKESPERSON = /^spokes(?:man|woman|person)$/;

/**
 * `the prime minister's spokesman`: the office (`Quill office`) of the one person holding the title, or null when
 * no one does; `the spokesman` alone means the one a paragraph or three before gave that way. Undefined for any
 * other phrase.
 */
function titleSpokesman(ctx: ArticleContext, para: Para, a: number, b: number): Entity | null | undefined {
  const toks = para.tokens;
  if (!SPOKESPERSON.test((toks[b - 1] as Token).lower) || (toks[a] as Token).lower !== 'the')
    return undefined;
  if (b - a === 2) {
    // Whose spokesman the passage wrote of last.
    const pi = ctx.paras.indexOf(para);
    for (let k = pi; k >= 0 && k >= pi - 3; k--) {
      const p = ctx.paras[k] as Para;
      const to = k === pi ? a : p.tokens.length;
      // (A bounded look-back: a paragraph may be a megabyte long.)
      for (let i = to - 1; i >= 2 && i >= to - 400; i--) {
        if (!SPOKESPERSON.test((p.tokens[i] as Token).lower) || !(p.tokens[i - 1] as Token).possessive)
          continue;
        let x = i - 1;
        while (x > 0 && (p.tokens[x - 1] as Token).trail === '' && (p.tokens[x - 1] as Token).lower !== 'the')
          x--;
        return (p.tokens[x - 1] as Token | undefined)?.lower === 'the'
          ? titleSpokesman(ctx, p, x - 1, i + 1)
          : undefined;
      }
    }
    return undefined;
  }
  const owner = toks.slice(a + 1, b - 1);
  const last = owner.at(-1);
  if (
    !last?.possessive ||
    owner.length > 3 ||
    !owner.every((t) => t.lead === '' && /^\p{Ll}[\p{Ll}-]*(?:['’]s?)?$/u.test(t.word)) ||
    !owner.slice(0, -1).every((t) => t.trail === '')
  )
    return undefined;
  const words = owner.map((t) => t.lower.replace(/['’]s?$/, ''));
  if (!ROLE_NOUNS.has(words.at(-1) as string)) return undefined;
  const pos = para.base + (toks[a] as Token).start;
  // (The title as the article wrote it before a name, else its one holder, else the person the passage is about, as
  // for `the prime minister said`.)
  const holder =
    ctx.table.roleNoun(pos, words, null) ??
    ctx.table.soleHolder(words.at(-1) as string) ??
    ctx.table.recentPerson(pos);
  return holder?.type === 'person' && readsAsPerson(holder) ? personsBody(ctx, holder, 'office', a, b) : null;
}

/** Nouns for something someone said that a clause after `that` gives (`his claim that "..."`). */
const CLAIM_NOUNS = new Set(
  'statement claim claims remark remarks comment comments assertion promise pledge vow boast contention suggestion insistence admission declaration warning argument'.split(
    ' ',
  ),
);
/** Nouns for what someone said (`X's answer was that "..."`). */
const SAYING_NOUNS = new Set(
  'answer response reply message slogan phrase argument point view position advice warning verdict retort'.split(
    ' ',
  ),
);

/** An attribution whose speaker cannot be named (`," an analyst at a bank said`). */
function unnamed(para: Para, at: Token, verb: string): Attribution {
  return { entity: null, role: null, verb, via: 'none', pos: para.base + at.start };
}

/**
 * `former Harbor Gov. and Party Chairman Ed Dover`: two titles joined by `and` before one name, which the whole phrase
 * does not parse as; the last title and the name speak (never a modifier left over at the front, `Harbor`).
 */
function titledNameAtEnd(
  ctx: ArticleContext,
  para: Para,
  a: number,
  b: number,
  verb: string,
): Attribution | undefined {
  const toks = para.tokens;
  for (let k = a + 2; k < b - 2; k++) {
    const t = toks[k] as Token;
    if (!TITLE_WORDS.has(t.lower)) continue;
    if (!toks.slice(a, k).some((u) => u.lower === 'and')) continue;
    if (!toks.slice(k + 1, b).every((u) => isCapitalized(u.word))) continue;
    const hit = speakerPhrase(ctx, para, k, b, verb);
    if (hit?.entity?.type === 'person' && hit.via === 'name') return hit;
  }
  return undefined;
}

/**
 * Attribution right after a closing quote mark, within the same sentence:
 * `," Trump said.` `," said Luis Ortega, the union's president.` `," according to the report.`
 */
export function attributionAfter(
  ctx: ArticleContext,
  para: Para,
  from: number,
  sentenceEnd: number,
): Attribution | undefined {
  const [a, limit] = tokenRange(para, from, sentenceEnd);
  if (a >= limit) return undefined;
  const toks = para.tokens;
  const t0 = toks[a] as Token;
  if (t0.lead !== '') return undefined;
  // Only punctuation may sit between the closing mark and the attribution.
  // (A nested quote's closing mark may stand there too: `'old-school,''' said Slayton`.)
  if (/[^\s,—–'’"”-]/.test(para.text.slice(from, t0.start - t0.lead.length))) return undefined;
  // `," read the email.`: a document's text reads, the document after its verb.
  if (/^(read|reads)$/.test(t0.lower) && t0.trail === '' && toks[a + 1]?.lower === 'the') {
    let e = a + 2;
    while (e < limit && e < a + 5 && (toks[e - 1] as Token).trail === '') e++;
    if (DOCUMENT_NOUNS.has((toks[e - 1] as Token | undefined)?.lower ?? '')) {
      const doc = speakerPhrase(ctx, para, a + 1, e, 'said');
      if (doc) return doc;
    }
  }
  // `''...,'' as Ann Fallow recently did, or ...`: the one the clause after `as` has say it (`did` standing for the
  // sentence's verb of saying).
  if (t0.lower === 'as' && t0.trail === '') {
    for (let k = a + 2; k < limit && k <= a + 8; k++) {
      const t = toks[k] as Token;
      if ((toks[k - 1] as Token).trail !== '') break;
      if (!/^(did|does)$/.test(t.lower) && !(isSpeechVerb(t) && !t.lower.endsWith('ing'))) continue;
      let e = k;
      while (e > a + 1 && /^\p{Ll}{3,}ly$/u.test((toks[e - 1] as Token).word)) e--;
      const hit = speakerPhrase(ctx, para, a + 1, e, 'said');
      if (hit?.entity) return hit;
      break;
    }
  }
  if (isSpeechVerb(t0)) {
    // Inverted: `said Luis Ortega, the union's president`.
    let b = a + 1;
    while (b < limit && b < a + 8) {
      const t = toks[b] as Token;
      // `wrote the authors of the “Harbor Plan”`: a quoted title is not part of the speaker.
      if (t.lead !== '') break;
      b++;
      if (t.trail !== '') break;
    }
    // `noted a report for the council on ferry fares by the nonprofit Tidewater Trust`: so may a document and who
    // wrote it.
    if (
      b === a + 8 &&
      (toks[b - 1] as Token).trail === '' &&
      /^(a|an|the|one)$/.test(toks[a + 1]?.lower ?? '') &&
      toks.slice(a + 2, a + 4).some((t) => DOCUMENT_NOUNS.has(t.lower))
    ) {
      while (b < limit && b < a + 17 && (toks[b] as Token).lead === '') {
        b++;
        if ((toks[b - 1] as Token).trail !== '') break;
      }
    }
    // `said former Harbor Gov. and Party Chairman Ed Dover`: a run of titles and names may be longer.
    if (b === a + 8 && (toks[b - 1] as Token).trail === '') {
      while (
        b < limit &&
        b < a + 14 &&
        isCapitalized((toks[b] as Token).word) &&
        (toks[b] as Token).lead === ''
      ) {
        b++;
        if ((toks[b - 1] as Token).trail !== '') break;
      }
    }
    // `said another Harbor Radio caller, Ada Quill`: a common noun then a name after the comma; the name speaks.
    const head = toks[b - 1] as Token;
    // (`said his old roommate at Dover, Tom Reyes`: the noun phrase may end in a place or school after a
    // preposition; the name after the comma still speaks.)
    const prepositional =
      isCapitalized(head.word) &&
      toks.slice(a + 1, b - 1).some((t, i) => i > 0 && /^(at|of|from|in|for|with)$/.test(t.lower)) &&
      /^\p{Ll}/u.test((toks[a + 1] as Token).word);
    if (head.trail === ',' && (/^\p{Ll}/u.test(head.word) || prepositional) && b < limit) {
      let e = b;
      while (e < limit && e < b + 6) {
        const t = toks[e] as Token;
        e++;
        if (t.trail !== '') break;
      }
      for (; e > b; e--) {
        const named = speakerPhrase(ctx, para, b, e, t0.lower);
        if (named?.entity?.type === 'person' && named.via === 'name') return named;
      }
    }
    for (let e = b; e > a + 1; e--) {
      // `said another Harbor Radio caller`: a capitalised word before a noun of who they are is a modifier
      // (`Harbor Radio`), not the speaker.
      const cut = toks[e] as Token | undefined;
      if (e < b && cut && isModifiedNoun(toks[e - 1] as Token, cut)) continue;
      const hit = speakerPhrase(ctx, para, a + 1, e, t0.lower);
      if (hit) return hit;
      if (e === b) {
        const titled = titledNameAtEnd(ctx, para, a + 1, b, t0.lower);
        if (titled) return titled;
      }
    }
    // Someone is attributed here, but not someone we can name: the quote stands, its speaker unknown.
    return unnamed(para, t0, t0.lower);
  }
  if (t0.lower === 'according' && toks[a + 1]?.lower === 'to') {
    for (let e = Math.min(limit, a + 8); e > a + 2; e--) {
      const hit = speakerPhrase(ctx, para, a + 2, e, 'according to');
      if (hit) return hit;
    }
    return undefined;
  }
  // `"..." from diplomacy to the budget, in Bolton's view.`: whose view the sentence ends on.
  for (let i = a; i + 2 < limit && i < a + 16; i++) {
    const t = toks[i] as Token;
    const owner = toks[i + 1] as Token;
    if (
      t.lower === 'in' &&
      owner.possessive &&
      isCapitalized(owner.word) &&
      /^(view|opinion|words|estimation|telling|account)$/.test((toks[i + 2] as Token).lower)
    ) {
      const hit = possessiveOwner(ctx, toks, i + 1, a, para.base + owner.start);
      if (hit) return hit;
    }
  }
  // `"still on the fence" until Reyes said ...`: a clause the quote's sentence goes on with is no attribution.
  // (`a new "Harbor Days" only because Quill agreed`: an adverb may stand before the conjunction.)
  const subordinator =
    /^(until|when|after|before|because|since|while|if|although|though|unless|whereas|that|which|so)$/;
  if (
    subordinator.test(t0.lower) ||
    (/^(only|even|just|partly|largely|mainly|mostly|simply|precisely|especially)$/.test(t0.lower) &&
      t0.trail === '' &&
      subordinator.test(toks[a + 1]?.lower ?? ''))
  )
    return undefined;
  // A name right after the marks may carry a long apposition before its verb (`'' Ada Quill, a tax
  // adviser to the council and once head of its budget office, wrote`).
  // (`'' the economist Dana Fallow, a former adviser in the Quill White House, wrote`: a role before the name.)
  const namedFirst =
    (isCapitalized(t0.word) || t0.lower === 'the') &&
    toks
      .slice(a, a + 4)
      .some(
        (t, i) =>
          isCapitalized(t.word) &&
          t.trail.startsWith(',') &&
          toks.slice(a, a + i).every((u) => u.trail === '' && !OBJECT_PREPOSITIONS.has(u.lower)),
      );
  const reach = namedFirst ? 30 : isCapitalized(t0.word) ? 26 : 12;
  for (let v = a + 1; v < limit && v < a + reach; v++) {
    const t = toks[v] as Token;
    if (v >= a + 12 && !isSpeechVerb(t) && /[.;!?]/.test(t.trail)) break;
    // `," Bennett shot back.` / `fired back`: two words of saying.
    if (
      ((/^(shot|fired|hit)$/.test(t.lower) && toks[v + 1]?.lower === 'back') ||
        (/^(went|goes)$/.test(t.lower) && toks[v + 1]?.lower === 'on')) &&
      v <= a + 4
    ) {
      return speakerPhrase(ctx, para, a, subjectEnd(toks, v, a), 'said') ?? unnamed(para, t0, 'said');
    }
    // `," the email read.`: a document's text reads. (So does a page's: `," the website reads`, `," a welcome note on
    // the website reads`.)
    if (
      /^(read|reads)$/.test(t.lower) &&
      v <= a + 7 &&
      (DOCUMENT_NOUNS.has((toks[v - 1] as Token).lower) ||
        OWNED_PAGES.has((toks[v - 1] as Token).lower) ||
        (v === a + 1 && t0.lower === 'it'))
    ) {
      const doc = speakerPhrase(ctx, para, a, v, 'said');
      if (doc) return doc;
    }
    // `," Reuters reported.`: a verb of reporting attributes a quote only right after it.
    // (`," Murphy, the head of the PAC, Tweeted`: a capitalised verb after a comma is a typo, not a name.)
    const verbAfterComma = SPEECH_VERBS.has(t.lower) && (toks[v - 1] as Token).trail.startsWith(',');
    if (
      isSpeechVerb(t) ||
      verbAfterComma ||
      ((t.lower === 'reported' || t.lower === 'charged' || t.lower === 'started') && v <= a + 4)
    ) {
      const end = subjectEnd(toks, v, a);
      const direct = speakerPhrase(ctx, para, a, end, t.lower);
      if (direct) return direct;
      // The verb after intervening words: `" would be fine, Ada Quill said after the vote`,
      // `" that the mayor can win, said Tom Reyes, a strategist.`
      // Only across a clause: without a comma in between, the words before the verb were the whole phrase.
      const clause = toks.slice(a, end).some((u) => u.trail.startsWith(','));
      if (!clause) return unnamed(para, t0, t.lower);
      // `'' Mr. Reyes, now 70 and living in Dayton, Ohio, said`: the name right after the marks, then an
      // apposition with commas of its own.
      for (let k = a; k < end - 1; k++) {
        if (!(toks[k] as Token).trail.startsWith(',')) continue;
        const head = speakerPhrase(ctx, para, a, k + 1, t.lower);
        if (head?.entity && head.via === 'name' && head.entity.type === 'person') return head;
        break;
      }
      const subject = v > a + 1 ? subjectBefore(ctx, para, a + 1, end, t.lower) : undefined;
      if (subject?.entity) return subject;
      if (toks[v - 1]?.trail.startsWith(',') || v === a) {
        let e = v + 1;
        while (e < limit && e < v + 8 && (toks[e] as Token).trail === '') e++;
        for (let k = Math.min(limit, e + 1); k > v + 1; k--) {
          const hit = speakerPhrase(ctx, para, v + 1, k, t.lower);
          if (hit?.entity) return hit;
        }
      }
      return subject ?? unnamed(para, t0, t.lower);
    }
    if (t.lead !== '' || /[.;!?]/.test(toks[v - 1]?.trail ?? '')) break;
  }
  return undefined;
}

/** Prepositions whose object is never the subject of the clause (`Like Corbin, Menendez rejected ...`). */
const GOVERNING = new Set(
  (
    'in on at with to from by for of about during after before like unlike despite besides including except given ' +
    'without through until against beyond toward towards upon within across along around behind beside among'
  ).split(' '),
);

/** The main subject of the clause in tokens [a, b): the first pronoun or resolvable name not governed by a preposition. */
export function mainSubject(
  ctx: ArticleContext,
  para: Para,
  a: number,
  b: number,
  verb: string,
): Attribution | undefined {
  const toks = para.tokens;
  for (let i = a; i < b; i++) {
    const t = toks[i] as Token;
    const prev = toks[i - 1];
    const clauseStart = i === a || prev?.trail.includes(',') === true;
    if (clauseStart && (t.lower === 'he' || t.lower === 'she'))
      return speakerPhrase(ctx, para, i, i + 1, verb);
    // `I remember calling [the studio's president] Peter Roth and saying`: a subject we cannot name; no name after
    // it (an object, a bracketed note) is the speaker.
    if (clauseStart && /^(i|we|you|they)$/.test(t.lower)) return undefined;
    if (t.lead.includes('[')) {
      while (i + 1 < b && !(toks[i] as Token).trail.includes(']')) i++;
      continue;
    }
    if (GOVERNING.has(t.lower)) continue;
    // `A woman who backs Reyes rallied supporters, saying`: a relative clause inside the subject, up to the next
    // punctuation, holds no subject of the sentence.
    if (!clauseStart && (t.lower === 'who' || t.lower === 'whom')) {
      while (i + 1 < b && (toks[i] as Token).trail === '') i++;
      continue;
    }
    if (prev && prev.trail === '' && GOVERNING.has(prev.lower)) {
      // `a tribute to Ada Quill, ...`: the whole name governed by the preposition is skipped, not only its
      // first word.
      while (i + 1 < b && isCapitalized((toks[i + 1] as Token).word) && (toks[i] as Token).trail === '') i++;
      continue;
    }
    // `Even before Reyes spoke, his campaign sent a text saying ...`: `his` or `her` and the campaign or office is
    // the subject (only "possibly" whose; see speakerPhrase).
    if (
      clauseStart &&
      /^(his|her)$/.test(t.lower) &&
      t.trail === '' &&
      /^(campaign|office)$/.test(toks[i + 1]?.lower ?? '') &&
      i + 1 < b
    ) {
      const org = speakerPhrase(ctx, para, i, i + 2, verb);
      if (org?.entity) return org;
    }
    // `Going back to an old theme, the former commissioner spoke of ...`: a title for a person opening the
    // clause, up to its head noun (only "possibly" whom, unless the article gave someone that title).
    // (Not what is said, `one trustee said the commissioner is "..."`, nor a title before the name it belongs to,
    // `the labor organizer Dana Rolf`: the name is found as a name.)
    if (
      clauseStart &&
      t.lower === 'the' &&
      !isCapitalized(t.word) &&
      // (nor an object, `addressing the magnate directly`: a lower-case word right before it governs it)
      !(prev && prev.trail === '' && /^\p{Ll}/u.test(prev.word))
    ) {
      let h = i + 1;
      while (
        h < b &&
        h <= i + 5 &&
        (toks[h - 1] as Token).trail === '' &&
        !ROLE_NOUNS.has((toks[h] as Token).lower)
      )
        h++;
      if (h < b && ROLE_NOUNS.has((toks[h] as Token).lower) && (toks[h - 1] as Token).trail === '') {
        // (`the secretary of state`: the words through `of` and the place belong to the title.)
        let end = h + 1;
        if (toks[h]?.trail === '' && toks[end]?.lower === 'of' && end + 1 < b) end += 2;
        const named = toks[end - 1]?.trail === '' && isCapitalized(toks[end]?.word ?? '');
        const role = named ? undefined : speakerPhrase(ctx, para, i, end, verb);
        if (role?.entity?.type === 'person') return role;
      }
    }
    // `A spokesman for Dover Freight declined to ... but said through a lawyer that "..."`: the organisation.
    if (
      clauseStart &&
      /^(a|an)$/.test(t.lower) &&
      /^spokes(man|woman|person)$/.test(toks[i + 1]?.lower ?? '') &&
      toks[i + 2]?.lower === 'for'
    ) {
      let e = i + 3;
      while (e < b && e < i + 8 && isCapitalized((toks[e] as Token).word)) {
        e++;
        if ((toks[e - 1] as Token).trail !== '') break;
      }
      const org = e > i + 3 ? speakerPhrase(ctx, para, i, e, verb) : undefined;
      if (org?.entity) return org;
    }
    // `Quill's campaign put out a notice saying ...`: a possessive name and an organisation noun.
    if (clauseStart && t.possessive && isCapitalized(t.word) && ORG_NOUNS.has(toks[i + 1]?.lower ?? '')) {
      const org = speakerPhrase(ctx, para, i, i + 2, verb);
      if (org?.entity) return org;
    }
    if (isCapitalized(t.word)) {
      // `Quill and Reyes issued a statement`: two names joined by `and` speak together.
      const andAt = toks.slice(i, Math.min(b, i + 6)).findIndex((u, k) => k > 0 && u.lower === 'and');
      if (clauseStart && andAt > 0 && isCapitalized(toks[i + andAt + 1]?.word ?? '')) {
        let e = i + andAt + 2;
        while (e < b && isCapitalized((toks[e] as Token).word) && (toks[e - 1] as Token).trail === '') e++;
        const both = speakerPhrase(ctx, para, i, e, verb);
        if (both?.entity?.name.includes(' and ')) return both;
      }
      // `Independent mayoral candidate Sen. Ada Quill on Monday rejected ...`: the whole noun phrase
      // up to the verb or preposition is the subject, its head the last name in it.
      if (clauseStart) {
        let e = i + 1;
        while (e < b && e < i + 10) {
          const u = toks[e] as Token;
          if (!isCapitalized(u.word) && (NOT_LEAD.has(u.lower) || /(ed|s)$/.test(u.lower))) break;
          if (u.lead !== '') break;
          e++;
          if (u.trail !== '') break;
        }
        if (e > i + 1) {
          const whole = speakerPhrase(ctx, para, i, e, verb);
          if (whole?.entity && whole.via === 'name') return whole;
          // (`The Republican candidate appeared to ... by saying`: a title for a person opening the clause.)
          if (whole?.entity?.type === 'person' && whole.via === 'role' && t.lower === 'the') return whole;
        }
      }
      let j = i + 1;
      while (
        j < b &&
        isCapitalized((toks[j] as Token).word) &&
        (toks[j - 1] as Token).trail === '' &&
        !(toks[j - 1] as Token).possessive
      )
        j++;
      const phrase = analyzeRun(toks, i, j);
      // `The Quill ad claims ...`: a name modifying the noun after it is not the subject.
      const modifies = j < b && isModifiedNoun(toks[j - 1] as Token, toks[j] as Token);
      // The subject is that document or that person (`The Quill ad hits Reyes ...`): no name after it is.
      if (modifies && clauseStart) return undefined;
      if (phrase && !phrase.possessive && !modifies) {
        const e = ctx.table.find(phrase);
        if (e && e.type !== 'unknown') return speakerPhrase(ctx, para, i, j, verb);
        // A name nobody introduced, opening the sentence before its verb (`Ortega read a statement:`).
        const after = toks[j];
        if (
          (!e || e.type === 'unknown') &&
          (i === a || clauseStart) &&
          // `Back in 1999, ...`, `Later in the day`: a word followed by a preposition opens a phrase, not a clause.
          !NOT_LEAD.has(after?.lower ?? '') &&
          // `Hours later, ...`, `Days ago`: a time phrase, not a name and its verb.
          !/^(later|earlier|ago|before|after|afterward|afterwards|last|this|next)$/.test(
            after?.lower ?? '',
          ) &&
          // (`Going back to an old theme, ...`: a participle opening the sentence is no name.)
          !(j === i + 1 && /^\p{Lu}\p{Ll}+ing$/u.test(t.word) && isEnglishWord(t.lower)) &&
          after &&
          /^\p{Ll}/u.test(after.word) &&
          (toks[j - 1] as Token).trail === ''
        ) {
          // `Early in the race, Reyes attacked ...`: an opener that is not a name lets the search go on.
          const hit = speakerPhrase(ctx, para, i, j, verb);
          if (hit) return hit;
        }
      }
      i = j - 1;
    }
    // (Not the object of a verb, `addressing the magnate directly, the board ...`.)
    if (t.lower === 'the' && i + 1 < b && !(prev && prev.trail === '' && /^\p{Ll}+ing$/u.test(prev.word))) {
      for (let e = Math.min(b, i + 5); e > i + 1; e--) {
        if (e < b && isModifiedNoun(toks[e - 1] as Token, toks[e] as Token)) continue;
        const hit = speakerPhrase(ctx, para, i, e, verb);
        if (hit?.entity) return hit;
      }
    }
  }
  return undefined;
}

/**
 * Attribution before an opening quote mark, from `segStart` (sentence start or the previous quote's end):
 * `Trump said: "`, `She added, "`, `, saying "`, `Putin said he and Trump could respond ... "`,
 * `called the offer "`, `according to Ortega, "`, `Ortega had a message: "`.
 */
export function attributionBefore(
  ctx: ArticleContext,
  para: Para,
  segStart: number,
  openAt: number,
  sentenceStart: number,
): Attribution | undefined {
  const [a, b] = tokenRange(para, segStart, openAt);
  if (a >= b) return undefined;
  const toks = para.tokens;
  const [s0] = tokenRange(para, sentenceStart, sentenceStart);
  for (let i = a; i < b - 1; i++) {
    if ((toks[i] as Token).lower === 'according' && (toks[i + 1] as Token).lower === 'to') {
      for (let e = Math.min(b, i + 9); e > i + 2; e--) {
        const hit = speakerPhrase(ctx, para, i + 2, e, 'according to');
        if (hit) return hit;
      }
    }
  }
  // `As Akhil Amar, professor of law, put it, "..."`: `put it` is a verb of saying.
  for (let i = b - 2; i >= a + 1; i--) {
    if (
      /^puts?$/.test((toks[i] as Token).lower) &&
      (toks[i + 1] as Token).lower === 'it' &&
      (toks[i - 1] as Token).trail !== '.'
    ) {
      const asAt = toks.slice(a, i).findIndex((t) => t.lower === 'as');
      if (asAt >= 0) {
        const hit = subjectBefore(ctx, para, a + asAt + 1, i, 'said');
        if (hit?.entity) return hit;
      }
    }
  }
  let v = -1;
  for (let i = b - 1; i >= a; i--) {
    const t = toks[i] as Token;
    // `Sanders shot back, "..."`, `Rubio fired back forcefully: "..."`: the subject is before `shot`.
    if (t.lower === 'back' && /^(shot|fired|hit)$/.test(toks[i - 1]?.lower ?? '') && i - 1 > s0) {
      const hit = subjectBefore(ctx, para, s0, subjectEnd(toks, i - 1, s0), 'said');
      if (hit?.entity) return hit;
    }
    if (
      (SPEECH_VERBS.has(t.lower) ||
        FRAMING_VERBS.has(t.lower) ||
        // `At the bottom it reads, "..."`: a document's text, the document an `it`.
        (/^(read|reads)$/.test(t.lower) && toks[i - 1]?.lower === 'it') ||
        // `The Harlow study found that "..."`, `the campaign projects that "..."`: a finding reported as said.
        (FINDING_VERBS.has(t.lower) && toks[i + 1]?.lower === 'that')) &&
      (!isCapitalized(t.word) || SENTENCE_OPENING_VERBS.has(t.lower)) &&
      !ctx.inQuote(para.base + t.start) &&
      // (`a new super PAC called Harbor 45 ran ads using her remark that "..."`: `called` after `a` and a noun
      // names a thing; it says nothing.)
      !namingCalled(toks, i, s0) &&
      // (`until the government agreed to make a payment of "..."`: agreeing to do something says nothing, unless
      // what was agreed is a pledge or a statement: `agreed to ..., including a pledge to "..."`.)
      !(
        /^agree[ds]?$/.test(t.lower) &&
        toks[i + 1]?.lower === 'to' &&
        !toks.slice(i + 2, b).some((u) => CLAIM_NOUNS.has(u.lower))
      )
    ) {
      v = i;
      break;
    }
  }
  const last = toks[b - 1] as Token;
  if (v < 0) {
    if (last.trail.includes(':')) {
      // `She remembers Reyes's reply: "..."`: whose reply it is, not who remembers it.
      const owner = toks[b - 2];
      if (owner?.possessive && isCapitalized(owner.word) && SAYING_NOUNS.has(last.lower)) {
        const hit = possessiveOwner(ctx, toks, b - 2, s0, para.base + owner.start);
        if (hit) return hit;
      }
      // `Quill's response was: "..."`: whose response it is, as without the colon.
      const whose = toks[b - 3];
      if (
        /^(was|is)$/.test(last.lower) &&
        SAYING_NOUNS.has(toks[b - 2]?.lower ?? '') &&
        whose?.possessive &&
        isCapitalized(whose.word) &&
        b - 3 >= s0
      ) {
        const hit = possessiveOwner(ctx, toks, b - 3, s0, para.base + whose.start);
        if (hit) return hit;
      }
      // `From Quill's Facebook post: "..."`, `From Reyes's statement:`: the words come from the owner's own document.
      const from = toks.slice(s0, b).findIndex((t) => t.lower === 'from');
      const poster = from >= 0 ? s0 + from + 1 : -1;
      if (
        from >= 0 &&
        poster < b - 1 &&
        (toks[poster] as Token).possessive &&
        isCapitalized((toks[poster] as Token).word) &&
        (DOCUMENT_NOUNS.has(last.lower) ||
          SAYING_NOUNS.has(last.lower) ||
          /^(post|tweet|speech|remarks)$/.test(last.lower)) &&
        b - 1 - poster <= 3
      ) {
        const hit = possessiveOwner(ctx, toks, poster, s0, para.base + (toks[poster] as Token).start);
        if (hit) return hit;
      }
      // `Yet she fears the board's trust in Reyes will backfire: "..."`: a word opening the sentence, then its subject.
      const opener = toks[s0] as Token;
      if (
        opener.trail === '' &&
        SENTENCE_OPENERS.has(opener.lower) &&
        /^(he|she)$/.test(toks[s0 + 1]?.lower ?? '')
      )
        return speakerPhrase(ctx, para, s0 + 1, s0 + 2, 'said');
      // `Quill’s letter makes a plain case: "..."`: a document opening the sentence speaks for its owner.
      for (let e = s0 + 2; e <= Math.min(b, s0 + 6); e++) {
        const doc = possessiveDocument(ctx, toks, s0, e);
        if (doc) return { ...doc, verb: 'said', via: 'role', pos: para.base + (toks[s0] as Token).start };
      }
      const subject = mainSubject(ctx, para, s0, b, 'said');
      if (subject) return subject;
      // `Former harbor master Ada Quill: "..."`, `More from Reyes: "..."`: a short lead-in that
      // ends with a person's name introduces their words.
      const run = b - s0 <= 8 ? capitalRuns(toks.slice(s0, b)).at(-1) : undefined;
      if (run && run[1] + s0 === b) {
        const hit = speakerPhrase(ctx, para, run[0] + s0, b, 'said');
        if (hit?.entity?.type === 'person' && hit.via === 'name' && !hit.loneWord) return hit;
      }
      return undefined;
    }
    // `Trump issued a statement, "..."` / `The campaign released a statement: "..."`.
    const stmt = toks
      .slice(s0, b)
      .findIndex(
        (t, i, all) => t.lower === 'statement' && /^(issued|released|put)$/.test(all[i - 2]?.lower ?? ''),
      );
    if (stmt > 0 && /[,:]/.test(last.trail)) return mainSubject(ctx, para, s0, s0 + stmt - 2, 'said');
    // `Rubio's catch phrase was that Crist "would say anything"`, `The senator's answer was that "..."`: whose
    // words the phrase names.
    for (let i = s0; i < b - 2; i++) {
      const t = toks[i] as Token;
      const noun = toks.slice(i + 1, i + 3).findIndex((u) => SAYING_NOUNS.has(u.lower));
      if (!t.possessive || noun < 0) continue;
      const be = toks.slice(i + 2 + noun, i + 8 + noun).find((u) => /^(was|is|were)$/.test(u.lower));
      if (!be) continue;
      if (isCapitalized(t.word)) {
        // The possessive name itself (a speaker phrase never takes a possessive as its speaker).
        const hit = possessiveOwner(ctx, toks, i, s0, para.base + t.start);
        if (hit) return hit;
        continue;
      }
      // `The Florida senator's answer`: the role noun phrase before the possessive.
      const owner = speakerPhrase(ctx, para, Math.max(s0, i - 3), i + 1, 'said');
      if (owner?.entity) return owner;
    }
    // `He took questions on his statement last week that "..."`, `Reyes's remark that "..."`: whose claim
    // the words are, the quote in the clause after `that`. A `his` or `her` is only ever "possibly" someone.
    for (let i = b - 2; i >= s0; i--) {
      const t = toks[i] as Token;
      const noun = toks[i + 1] as Token;
      if (!CLAIM_NOUNS.has(noun.lower) || t.trail !== '' || noun.lead !== '') continue;
      const that = toks.slice(i + 2, Math.min(b, i + 10)).findIndex((u) => u.lower === 'that');
      if (that < 0 || toks.slice(i + 1, i + 2 + that).some((u) => u.trail !== '')) continue;
      if (t.possessive && isCapitalized(t.word)) {
        const hit = possessiveOwner(ctx, toks, i, s0, para.base + t.start);
        if (hit) return hit;
      } else if (t.lower === 'his' || t.lower === 'her') {
        const g = t.lower === 'his' ? 'm' : 'f';
        const sentence = sentenceAt(para.sentences, t.start);
        const { entity } = ctx.table.pronounDetail(
          para.base + t.start,
          g,
          2500,
          para.base,
          previousBase(ctx, para, g),
          para.base + (sentence?.start ?? 0),
        );
        if (entity)
          return {
            entity,
            role: null,
            verb: 'said',
            via: 'pronoun',
            pos: para.base + t.start,
            strength: 'ambiguous',
          };
      }
      break;
    }
    return undefined;
  }
  const verbTok = toks[v] as Token;
  const verb = verbTok.lower;
  // Inverted before the quote: `said Ortega: "`.
  // (`Schilling told WEEI: "..."`: whoever follows `told` is the listener.)
  // (Not after a subject: in `He said his wife, Ada, "..."` the words are his, the name after `said` is whom he
  // tells of.)
  const beforeVerb = toks[v - 1];
  const subjectFirst =
    v > s0 &&
    beforeVerb !== undefined &&
    beforeVerb.trail === '' &&
    (/^(he|she|they|we|i)$/.test(beforeVerb.lower) ||
      (isCapitalized(beforeVerb.word) && !SENTENCE_OPENING_VERBS.has(beforeVerb.lower)));
  if (v < b - 1 && /[:,]/.test(last.trail) && !/^tell|^told/.test(verb) && !subjectFirst) {
    const hit = speakerPhrase(ctx, para, v + 1, b, verb);
    if (hit) return hit;
  }
  // `Maher stated that the report was bad. Adding, "..."`: an -ing verb opening the sentence continues the speaker
  // of the sentence before.
  if (verb.endsWith('ing') && v === s0 && s0 > 0) {
    const prevSentence = sentenceAt(para.sentences, (toks[s0] as Token).start - 1);
    if (prevSentence && prevSentence.start < (toks[s0] as Token).start) {
      const hit = attributionPreviousSentence(ctx, para, prevSentence.start, prevSentence.end);
      if (hit) return hit;
    }
  }
  if (verb.endsWith('ing') && (toks[v - 1]?.trail.includes(',') || v === s0)) {
    // `Nefzi said, adding, "..."`: the -ing verb continues the clause of a verb of saying before it.
    for (let u = v - 1; u > s0; u--) {
      const ut = toks[u] as Token;
      if (!isSpeechVerb(ut) || ut.lower.endsWith('ing')) continue;
      const hit = subjectBefore(ctx, para, s0, subjectEnd(toks, u, s0), ut.lower);
      if (hit?.entity) return hit;
      // `The company wrote a letter to its owner, Tom Reyes, calling ...`: that verb's subject speaks, even one we
      // cannot name; never a name after it.
      if (hit && u < v - 1) return hit;
      break;
    }
    return documentSender(ctx, para, s0, v, verb) ?? mainSubject(ctx, para, s0, v, verb);
  }
  // `Ada Quill was urged to "stand down"`: a passive verb's subject is who was spoken to, not who spoke.
  if (/^(was|were|is|are|been|being|be)$/.test(toks[v - 1]?.lower ?? '') && /ed$/.test(verb))
    return undefined;
  // `Thiel wrote in a note to Wired explaining why ..., "..."`: an -ing verb after a finite verb of saying
  // continues that verb's clause; its subject speaks.
  if (verb.endsWith('ing')) {
    for (let u = v - 1; u > s0; u--) {
      const ut = toks[u] as Token;
      if (!isSpeechVerb(ut) || ut.lower.endsWith('ing') || ctx.inQuote(para.base + ut.start)) continue;
      const hit = subjectBefore(ctx, para, s0, subjectEnd(toks, u, s0), ut.lower);
      if (hit?.entity) return hit;
      break;
    }
  }
  // `... exploited Quill's remark in 2008 describing the plan as "..."`: whose remark the -ing verb goes on, not
  // the sentence's subject.
  if (verb.endsWith('ing')) {
    for (let i = v - 1; i > s0 && i >= v - 4; i--) {
      const owner = toks[i - 1] as Token;
      if (!CLAIM_NOUNS.has((toks[i] as Token).lower) || !owner.possessive || !isCapitalized(owner.word))
        continue;
      if (toks.slice(i, v).some((t) => t.trail !== '')) break;
      const hit = possessiveOwner(ctx, toks, i - 1, s0, para.base + owner.start);
      if (hit) return hit;
      break;
    }
  }
  const end = subjectEnd(toks, v, s0);
  // `Trump joked that ..., but went on to say, "..."`: a clause whose subject is left out shares the sentence's.
  const elided = /^(but|and|then)$/.test(toks[end - 1]?.lower ?? '') && end - 1 > s0;
  const before = subjectBefore(ctx, para, s0, end, verb);
  if (before?.entity || !(verb.endsWith('ing') || elided)) return before;
  // (`A spokesman for Dover Freight declined to ... but said`: the clause's own subject when the words before the
  // verb name nobody.)
  return mainSubject(ctx, para, s0, elided ? end - 1 : v, verb) ?? before;
}

/**
 * Whether `called` (`named`, `dubbed`) at token `i` names a thing an indefinite noun phrase brings in (`a super PAC
 * called Harbor 45`, `a new group named Dover First`), not a verb of saying (`the senator called Quill "a liar"`).
 */
function namingCalled(toks: Token[], i: number, floor: number): boolean {
  if (!/^(called|named|dubbed)$/.test((toks[i] as Token).lower) || !isCapitalized(toks[i + 1]?.word ?? ''))
    return false;
  for (let k = i - 1; k >= floor && k >= i - 5; k--) {
    const t = toks[k] as Token;
    if (t.trail !== '' && k < i - 1) return false;
    if (/^(a|an)$/.test(t.lower)) return k < i - 1;
    if (/^(he|she|they|it|who|which|that|i|we|you)$/.test(t.lower) || t.possessive) return false;
  }
  return false;
}

/**
 * `“It was rigged from the start.” The senator then said she would appeal.`: a quote standing as its own sentence,
 * with the speech verb opening the next one (after a short subject and adverbs).
 */
export function attributionNextSentence(
  ctx: ArticleContext,
  para: Para,
  from: number,
  sentenceEnd: number,
): Attribution | undefined {
  const [a, limit] = tokenRange(para, from, sentenceEnd);
  const toks = para.tokens;
  if (
    a >= limit ||
    /[^\s]/.test(para.text.slice(from, (toks[a] as Token).start - (toks[a] as Token).lead.length))
  )
    return undefined;
  for (let v = a + 1; v < limit && v <= a + 6; v++) {
    const t = toks[v] as Token;
    if (isSpeechVerb(t) && !t.lower.endsWith('ing')) {
      const hit = speakerPhrase(ctx, para, a, subjectEnd(toks, v, a), t.lower);
      return hit?.entity ? hit : undefined;
    }
    if (toks[v - 1]?.trail !== '') break;
  }
  // `"..." Will Reyes, the chairman of the county party, said of the meeting.`: a name, who they are between commas,
  // then the verb, which reports nothing else (it ends the clause or a preposition follows it).
  const head = toks[a] as Token;
  if (!isCapitalized(head.word)) return undefined;
  let comma = -1;
  for (let k = a; k < limit && k < a + 4; k++)
    if ((toks[k] as Token).trail !== '') {
      comma = (toks[k] as Token).trail === ',' ? k : -1;
      break;
    }
  if (comma < 0) return undefined;
  for (let v = comma + 2; v < limit && v <= comma + 16; v++) {
    const t = toks[v] as Token;
    if (/[.;!?:]/.test((toks[v - 1] as Token).trail)) return undefined;
    if (!isSpeechVerb(t) || t.lower.endsWith('ing')) continue;
    if (!(toks[v - 1] as Token).trail.startsWith(',')) return undefined;
    const next = toks[v + 1];
    if (t.trail === '' && next && !OBJECT_PREPOSITIONS.has(next.lower)) return undefined;
    const hit = speakerPhrase(ctx, para, a, comma + 1, t.lower);
    return hit?.entity?.type === 'person' && hit.via === 'name' ? hit : undefined;
  }
  return undefined;
}

/**
 * Vox-pop lines: the name and role follow the quote after a dash (`“...” — Maria Alvarez, 54, a nurse`), or open
 * the next line (`— Maria Alvarez, nurse`).
 */
export function attributionDash(
  ctx: ArticleContext,
  para: Para,
  from: number,
  bare = false,
): Attribution | undefined {
  // (At the start of a line, `-Michelle Marks, Ph.D.` with no space after the hyphen is a credit too. `bare`: a line
  // that is a name and nothing else, `Dunn.`, as a list dash the reader took off leaves it.)
  const m = (
    bare
      ? /^\s*(?=\p{Lu})/u
      : from === 0
        ? /^\s*(?:[—–]|--|-)\s*(?=\p{Lu})/u
        : /^[\s,]*(?:[—–]|--|-(?=\s))\s*/
  ).exec(para.text.slice(from));
  if (!m) return undefined;
  const start = from + m[0].length;
  const [a, limit] = tokenRange(para, start, para.text.length);
  const toks = para.tokens;
  let b = a;
  while (b < limit && b < a + 5 && isCapitalized((toks[b] as Token).word)) {
    b++;
    if ((toks[b - 1] as Token).trail !== '') break;
  }
  // (A bare line is a credit only as `Name.`, a person the article names in full: not a caption's `Getty Images`,
  // not a heading's `Rising Tensions`.)
  if (b === a || (bare && (b !== limit || (toks[b - 1] as Token).trail !== '.'))) return undefined;
  const hit = speakerPhrase(ctx, para, a, b, 'said');
  if (bare && !(hit?.entity?.type === 'person' && readsAsPerson(hit.entity) && !hit.loneWord))
    return undefined;
  return hit?.entity && hit.via === 'name' ? hit : undefined;
}

/**
 * `Quill announced the appeal on Monday. “We are asking the court to look again ...”`: a quote standing as its own sentence
 * with no attribution of its own, right after a sentence whose subject says something. Weaker evidence than an
 * attribution next to the marks, and never across another quote or a paragraph.
 */
export function attributionPreviousSentence(
  ctx: ArticleContext,
  para: Para,
  sentenceStart: number,
  sentenceEnd: number,
): Attribution | undefined {
  const [a, b] = tokenRange(para, sentenceStart, sentenceEnd);
  const toks = para.tokens;
  if (/["“”]/.test(para.text.slice(sentenceStart, sentenceEnd))) return undefined;
  for (let v = a + 1; v < b && v <= a + 16; v++) {
    const t = toks[v] as Token;
    // (`Reyes spoke in vague terms.`, `the council issued a statement apologizing ...`: speaking, or putting out a
    // document, reports the words that follow as well.)
    const issues =
      /^(issued|released|sent|posted|published)$/.test(t.lower) &&
      /^(a|an|the|its|his|her|their)$/.test(toks[v + 1]?.lower ?? '') &&
      DOCUMENT_NOUNS.has(toks[v + 2]?.lower ?? '');
    // (`Quill touted her record on the bill.` / `"We need ..."`: boasting or defending one's record speaks too.)
    const saying =
      isSpeechVerb(t) || /^(spoke|speaks|touted|touts|boasted|boasts|bragged|brags)$/.test(t.lower) || issues;
    if (!saying || t.lower.endsWith('ing') || isCapitalized(t.word)) continue;
    const hit = subjectBefore(
      ctx,
      para,
      a,
      subjectEnd(toks, v, a),
      issues || t.lower === 'spoke' ? 'said' : t.lower,
    );
    return hit?.entity ? hit : undefined;
  }
  return undefined;
}
