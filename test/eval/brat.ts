/**
 * Scores extraction against a folder of brat-annotated articles (`npm run eval -- --brat DIR`): NAME.txt plus one or
 * more NAME*.ann with Source / Cue / Content spans linked by `Attribution` events, as in the PolNeAR corpus.
 *
 * What counts as a true direct quote: a span inside quotation marks of three or more words whose words lie mostly
 * (>= 50%) inside an annotated Content span; its speaker is that attribution's Source. Quoted one- or two-word
 * fragments and quoted titles outside any attribution are not quotes. Matching follows the fixtures' evaluation:
 * a predicted direct quote is correct when >= 30% of its words lie in a true quote; a true quote is found when
 * >= 30% of its words are covered by predicted direct quotes.
 *
 * Speakers are scored where the gold source can be named:
 * - `name`: the Source holds a proper name ("Sen. Ted Cruz", "Clinton spokesman Brian Fallon"); right when the
 *   predicted speaker shares its surname (the last capitalised word of the head, after possessives are dropped).
 * - `pronoun` / `role`: "he", "the spokesman", "the campaign"; the gold name is taken as the nearest earlier
 *   named Source of the same article (an approximation: the annotation has no coreference chains). Organisations
 *   named by a role noun ("the campaign said") are right when the prediction is that organisation's name or the
 *   nearest named source.
 * "Shown" quotes are those whose speaker the bot would show as a name (confidence >= SPEAKER_SHOWN_MIN).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArticleText } from '../../src/articles/index.ts';
import { repairMojibake } from '../../src/articles/mojibake.ts';
import { extract } from '../../src/extract/index.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';
import type { Quote } from '../../src/types.ts';
import type { ExtractionScores } from './extraction.ts';

/** One brat text-bound annotation. */
interface TSpan {
  id: string;
  type: string;
  ranges: Array<[number, number]>;
  text: string;
}

/** One attribution: its content ranges and its source (if annotated). */
export interface GoldAttribution {
  content: Array<[number, number]>;
  source: TSpan | null;
  cue: TSpan | null;
}

/** Parses a brat .ann file into attributions. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, TSpan>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, head, text] = line.split('\t');
      if (!id || !head) continue;
      const sp = head.indexOf(' ');
      const type = head.slice(0, sp);
      const ranges = head
        .slice(sp + 1)
        .split(';')
        .map((r) => r.trim().split(/\s+/).map(Number) as [number, number])
        .filter((r) => r.length === 2 && r.every(Number.isFinite));
      spans.set(id, { id, type, ranges, text: text ?? '' });
    } else if (line.startsWith('E')) events.push(line.split('\t')[1] ?? '');
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const roles = new Map<string, TSpan>();
    for (const part of ev.split(/\s+/)) {
      const [role, id] = part.split(':');
      const span = id ? spans.get(id) : undefined;
      if (role && span) roles.set(role.replace(/\d+$/, ''), span);
    }
    const content = roles.get('Content');
    if (!content) continue;
    out.push({ content: content.ranges, source: roles.get('Source') ?? null, cue: roles.get('Cue') ?? null });
  }
  return out;
}

const OPEN = new Set(['“', '"', '«', '„', "''", '``']);
const CLOSE: Record<string, string[]> = {
  '“': ['”', '"'],
  '"': ['"', '”'],
  '«': ['»'],
  '„': ['“', '”'],
  "''": ["''"],
  '``': ["''"],
};

/** Spans inside double quotation marks in the raw text (inner offsets), paired within a paragraph. Doubled
 * apostrophes ('' … '' and `` … '', as some wires write them) are double quotation marks. */
export function quoteSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let paraStart = 0;
  for (const para of text.split(/\n/)) {
    let open: { ch: string; at: number; len: number } | null = null;
    for (let i = 0; i < para.length; i++) {
      const two = para.slice(i, i + 2);
      const ch = two === "''" || two === '``' ? two : (para[i] as string);
      if (open && (CLOSE[open.ch] ?? []).includes(ch)) {
        out.push([paraStart + open.at + open.len, paraStart + i]);
        open = null;
      } else if (!open && OPEN.has(ch)) open = { ch, at: i, len: ch.length };
      i += ch.length - 1;
    }
    // A quote running to the end of its paragraph (a multi-paragraph quote) is a quote too.
    if (open && para.length - open.at > 20)
      out.push([paraStart + open.at + open.len, paraStart + para.length]);
    paraStart += para.length + 1;
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function wordStarts(text: string): number[] {
  return [...text.matchAll(WORD)].map((m) => m.index ?? 0);
}

/** Indexes of the words starting inside [from, to). `starts` is sorted. */
export function wordsIn(starts: number[], from: number, to: number): number[] {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < starts.length && (starts[i] as number) < to; i++) out.push(i);
  return out;
}

const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'i',
  'we',
  'it',
  'you',
  'him',
  'her',
  'them',
  'his',
  'hers',
  'their',
  'its',
  'who',
  'which',
  'that',
  'me',
  'us',
  'himself',
  'herself',
  'themselves',
]);
/** Title words that are never a surname. */
const TITLE_WORDS = new Set(
  'mr mrs ms miss dr sen senator rep representative gov governor president pres vice secretary sec gen general lt col adm judge justice rev reverend prof professor former mayor chairman chairwoman speaker leader attorney candidate republican democrat democratic gop the a an u.s us vp ceo chief ambassador minority majority whip house senate'.split(
    ' ',
  ),
);

export type SourceClass = 'name' | 'pronoun' | 'role';

/** Sorts a gold source into name, pronoun, or role (a common noun phrase: "the spokesman", "officials"). */
export function classifySource(text: string): SourceClass {
  const t = text.trim();
  if (PRONOUNS.has(t.toLowerCase())) return 'pronoun';
  // `The Vermont senator`, `the Clinton campaign`: a determiner and a common-noun head name a role, not a name.
  if (/^(the|a|an|his|her|its|their|one|another)\s/i.test(t) && /\s\p{Ll}[\p{L}-]*$/u.test(t)) return 'role';
  // `a New Hampshire Democrat`, `another Iowa Republican`: an unnamed party member, no name (the capitals are a
  // place and a party).
  if (
    /^(a|an|one|another)\s/i.test(t) &&
    /\s(Republican|Democrat|Independent|Conservative|Liberal|Progressive|Libertarian)$/.test(t)
  )
    return 'role';
  // `The senator from Vermont`: a determiner and a common noun, then where from.
  if (
    /^(the|a|an|his|her|its|their|one|another)\s+\p{Ll}[\p{L}-]*\s+(from|of|for|at|in)\s/iu.test(t) &&
    !/,/.test(t)
  )
    return 'role';
  return surnameOf(t) ? 'name' : 'role';
}

/** The surname of a named source, lower case: the last word of the last run of capitalised words in its head (the
 * part before a comma, a bracket or a relative clause; titles and possessives left out), so "Clinton spokesman
 * Brian Fallon, who ..." is Fallon and "Gov. Phil Bryant of Mississippi" is Bryant. Null when it names nobody. */
export function surnameOf(source: string): string | null {
  // "Quill's deputy campaign manager, Rich Beeton, who ...": the name may stand in the apposition after the role.
  const [first, second] = source.split(/,|\(|\bwho\b|\bwhich\b/);
  const appositive = second && /^\s*\p{Lu}/u.test(second) ? headSurname(second) : null;
  // `the harbor board spokesman, Josh Earnhart,` / `Her campaign manager, Robby Mook,`: a role phrase (its last word
  // in lower case) before a comma names nobody; the name follows it.
  // (`his old roommate at Dover, Tom Reyes`: a role phrase ending in the place after a preposition.)
  if (
    appositive &&
    (/\b\p{Ll}[\p{L}-]*\s*$/u.test(first ?? '') ||
      /^\s*(?:\p{Ll}[\p{L}'’-]*\s+)+(?:at|of|from|in|for|with)\s+\p{Lu}[\p{L}.-]*\s*$/u.test(first ?? ''))
  )
    return appositive;
  return headSurname(first ?? '') ?? appositive;
}

function headSurname(segment: string): string | null {
  const head = segment.replace(/\b[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*['’]s?(?=\s|$)/gu, ' ~ ');
  const words = head.split(/\s+/).filter(Boolean);
  let run: string[] = [];
  let last: string[] = [];
  for (const [i, w] of words.entries()) {
    const bare = w.replace(/[^\p{L}.'’-]/gu, '').replace(/\.$/, '');
    const lower = bare.toLowerCase();
    const isCap =
      /^\p{Lu}/u.test(bare) && !(i === 0 && /^(the|a|an|some|many|several|other|both)$/i.test(bare));
    if (isCap && TITLE_WORDS.has(lower)) {
      run = [];
      continue;
    }
    const initial = run.length > 0 && /^\p{Lu}$/u.test(bare);
    const particle = run.length > 0 && /^(de|la|van|von|der|del|da|al|bin|ibn|le)$/.test(bare);
    if (isCap || initial || particle) {
      run.push(bare);
      last = run;
      continue;
    }
    if (run.length > 0 && /^(of|from|at|in|for|with|on|to)$/.test(lower)) break;
    run = [];
  }
  while (last.length > 0 && /^(\p{Lu}|de|la|van|von|der|del|da|al|bin|ibn|le)$/u.test(last.at(-1) as string))
    last.pop();
  const name = last.at(-1);
  return name && name.length > 1 ? name.toLowerCase() : null;
}

/** Annotated text as the reader shows it (mis-decoded UTF-8 repaired, `SarukhÃ¡n` as `Sarukhán`). */
const repaired = (s: string): string => repairMojibake(s.normalize('NFC'));

/** True when a predicted speaker name has this surname. */
export function hasSurname(predicted: string | null, wanted: string): boolean {
  if (!predicted) return false;
  // (`Jäger` is `jager` as a grader types it: letters compare without their accents.)
  // (The annotation keeps text as the corpus has it, `SarukhÃ¡n`; the reader repairs it: both are compared repaired.)
  const plain = (s: string): string => repaired(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  const surname = plain(wanted);
  const words = plain(predicted)
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}'’]/gu, ''));
  const joined = ` ${words.join(' ')} `;
  if (
    words.includes(surname.replace(/-/g, '')) ||
    words.join('-').includes(surname) ||
    joined.includes(` ${surname} `)
  )
    return true;
  // (A grader who copied a name the corpus mis-decoded twice, `SarukhÃÂ¡n`, lost a control character on the way, so
  // it no longer repairs: such an answer compares by its plain ASCII letters, word by word, `sarukhn`.)
  if (!/[ãâ]/i.test(wanted)) return false;
  const ascii = (w: string): string => w.toLowerCase().replace(/[^a-z'-]/g, '');
  const said = predicted.split(/\s+/).map(ascii);
  const want = wanted.split(/\s+/).map(ascii);
  return want.every((w) => w.length > 1 && said.includes(w)) && want.join('').length > 2;
}

/** True when a predicted speaker names the organisation (every word of its short name, `the` aside). */
function orgMatches(predicted: string | null, org: string): boolean {
  if (!predicted) return false;
  const p = predicted.toLowerCase();
  // (`powell’s office` is matched by `Powell office`: the possessive ending is not part of the name.)
  const wanted = org
    .split(/\s+/)
    .filter((w) => w !== 'the')
    .map((w) => w.replace(/['’]s$/, ''));
  if (wanted.every((w) => p.includes(w))) return true;
  // A grader's fuller or shorter form of the same name: `Daily News` for `new york daily news`, `Congressional
  // Budget Office` for `cbo`.
  const said = p.split(/\s+/).filter((w) => w !== 'the');
  if (said.length >= 2 && said.every((w) => wanted.includes(w))) return true;
  return wanted.length === 1 && said.length >= 2 && said.map((w) => w[0]).join('') === wanted[0];
}

/** Reads hand-graded referents: lines `N<TAB>ARTICLE<TAB>OFFSET<TAB>ANSWER` (surname, `org:NAME`, `none`, `unclear`). */
/**
 * An article's name as graded referents may give it: the first 12 hex digits of its SHA-256, so that a sheet need
 * not carry a corpus file name (a headline's first words).
 */
export function articleKey(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 12);
}

/** Graded referents by `ARTICLE:OFFSET`, ARTICLE being the article's name or its articleKey(). */
export function parseRefs(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    const [, article, offset, answer] = line.split('\t');
    // (Repaired before lower-casing: a grader copies `PeÃ±a` as the corpus writes it, and `Ã` lower-cased is no longer
    // the mis-decoded byte the repair looks for.)
    if (article && offset && answer) out.set(`${article}:${offset}`, repaired(answer.trim()).toLowerCase());
  }
  return out;
}

/** Debris a speaker string must never carry: markup, quote marks, dashes at the ends, digits, line breaks. */
export function speakerDebris(speaker: string): string | null {
  if (/[<>{}[\]|*_#@\\]/.test(speaker)) return 'markup';
  if (/["“”«»„]/.test(speaker)) return 'quote mark';
  if (/^[\s\-–—,.:;'‘’]|[\s\-–—,:;'‘’]$/.test(speaker)) return 'punctuation at an end';
  if (/\d/.test(speaker)) return 'digits';
  if (/\s{2,}|\n/.test(speaker)) return 'spacing';
  if (/\b(said|says|told|according)\b/i.test(speaker)) return 'verb';
  return null;
}

/** Counts of one tally. */
interface Tally {
  right: number;
  of: number;
}

/** The measured figures over a brat folder. */
export interface BratScores {
  articles: number;
  /** The same figures as the fixtures' evaluation. */
  direct: ExtractionScores['direct'];
  speaker: Record<SourceClass | 'all', Tally>;
  /** Found quotes the bot would show with a name, and how many of those names are wrong. */
  shown: { of: number; wrong: number };
  /** Per evidence kind: found quotes with a predicted name, and how many of those names are wrong. */
  byEvidence: Map<string, { of: number; wrong: number; confidence: number }>;
  /** Found quotes with no speaker or shown as unclear. */
  unclear: number;
  debris: string[];
  /** Transcript turns found (quotes without marks, outside the gold's definition). */
  turns: number;
  /** Quotes that are paraphrase in the gold (no marks) but predicted direct. */
  paraphraseAsDirect: number;
  /** Milliseconds of extraction per article, average (CPU time of the extractor alone). */
  msPerArticle: number;
  misses: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** The article files of a brat folder: NAME.txt with its NAME*.ann (the first annotator's, by file name). */
export async function bratPairs(dir: string): Promise<Array<{ txt: string; ann: string }>> {
  const walk = async (d: string): Promise<string[]> => {
    const entries = await readdir(d, { withFileTypes: true });
    const out: string[] = [];
    for (const e of entries) {
      if (e.isDirectory()) out.push(...(await walk(join(d, e.name))));
      else out.push(join(d, e.name));
    }
    return out;
  };
  const files = (await walk(dir)).sort();
  const anns = files.filter((f) => f.endsWith('.ann'));
  const pairs: Array<{ txt: string; ann: string }> = [];
  for (const txt of files.filter((f) => f.endsWith('.txt'))) {
    const name = basename(txt, '.txt');
    const ann =
      anns.find((a) => basename(a) === `${name}.ann`) ?? anns.find((a) => basename(a).startsWith(`${name}_`));
    if (ann) pairs.push({ txt, ann });
  }
  return pairs;
}

/** Maps each paragraph of a parsed article to its start in the raw text (or -1 where it cannot be found). */
function paragraphStarts(raw: string, paragraphs: readonly string[]): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const p of paragraphs) {
    const probe = p.slice(0, Math.min(40, p.length));
    let at = raw.indexOf(probe, cursor);
    if (at < 0) {
      // (A paragraph whose opening the reader repaired, `PapÃ¡` read back as `Papá`: found by a plain run of its
      // words instead, a few characters off at most.)
      const plainRun = /[ -~]{20,}/.exec(p.slice(0, 300));
      const found = plainRun ? raw.indexOf(plainRun[0], cursor) : -1;
      if (plainRun && found >= 0) at = Math.max(cursor, found - plainRun.index);
    }
    out.push(at);
    if (at >= 0) cursor = at + Math.min(p.length, 1);
  }
  return out;
}

/** Scores the extractor on every article of a brat folder. `limit` caps the number of articles (0: all). */
export async function scoreBrat(dir: string, limit = 0, refs?: Map<string, string>): Promise<BratScores> {
  let pairs = await bratPairs(dir);
  if (limit > 0) pairs = pairs.slice(0, limit);
  const d = { predicted: 0, correct: 0, truth: 0, found: 0 };
  const speaker: Record<SourceClass | 'all', Tally> = {
    all: { right: 0, of: 0 },
    name: { right: 0, of: 0 },
    pronoun: { right: 0, of: 0 },
    role: { right: 0, of: 0 },
  };
  const shown = { of: 0, wrong: 0 };
  const byEvidence = new Map<string, { of: number; wrong: number; confidence: number }>();
  let unclear = 0;
  let paraphraseAsDirect = 0;
  let turns = 0;
  const debris: string[] = [];
  const misses: string[] = [];
  let cpu = 0;

  for (const { txt, ann } of pairs) {
    const raw = await readFile(txt, 'utf8');
    const gold = parseAnn(await readFile(ann, 'utf8'));
    const article = parseArticleText(raw, 'txt', basename(txt))[0];
    if (!article) continue;
    const t0 = process.cpuUsage();
    const ex = extract(article);
    const dt = process.cpuUsage(t0);
    cpu += (dt.user + dt.system) / 1000;
    const name = basename(txt, '.txt');

    const starts = wordStarts(raw);
    const inContent = new Map<number, GoldAttribution>();
    for (const g of gold)
      for (const [a, b] of g.content)
        for (const w of wordsIn(starts, a, b)) if (!inContent.has(w)) inContent.set(w, g);

    // Gold direct quotes.
    interface GoldQuote {
      words: number[];
      att: GoldAttribution;
      text: string;
      start: number;
    }
    const truth: GoldQuote[] = [];
    for (const [a, b] of quoteSpans(raw)) {
      const words = wordsIn(starts, a, b);
      if (words.length < 3) continue;
      const atts = words.map((w) => inContent.get(w)).filter((g): g is GoldAttribution => g !== undefined);
      if (atts.length / words.length < 0.5) continue;
      // The attribution holding most of its words.
      const counts = new Map<GoldAttribution, number>();
      for (const g of atts) counts.set(g, (counts.get(g) ?? 0) + 1);
      const att = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] as GoldAttribution;
      truth.push({ words, att, text: raw.slice(a, b), start: a });
    }
    const goldWords = new Set(truth.flatMap((t) => t.words));

    // Named sources in text order, for resolving pronoun and role sources.
    const named = gold
      .filter((g) => g.source && classifySource(g.source.text) === 'name')
      .map((g) => ({
        at: g.source?.ranges[0]?.[0] ?? 0,
        surname: surnameOf(repaired(g.source?.text ?? '')) as string,
      }))
      .sort((x, y) => x.at - y.at);

    const pStarts = paragraphStarts(raw, article.paragraphs);
    // Transcript turns (`TAPPER: ...`, `A: ...`) carry no quotation marks, so the gold (marked quotes) cannot
    // hold them: they are counted apart, not as spurious.
    const isTurn = (q: Quote): boolean => {
      const base = pStarts[q.paragraph] ?? -1;
      if (base < 0) return false;
      const lineStart = raw.lastIndexOf('\n', base + q.start - 1) + 1;
      return /^(?:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}|Q|A)\s*:\s*$/.test(
        raw.slice(lineStart, base + q.start),
      );
    };
    turns += ex.quotes.filter(isTurn).length;
    const predicted = ex.quotes
      .filter((q) => q.kind === 'direct' && !isTurn(q))
      .map((q: Quote) => {
        const base = pStarts[q.paragraph] ?? -1;
        const words = base < 0 ? [] : wordsIn(starts, base + q.start, base + q.start + q.text.length);
        return { q, words };
      });
    for (const q of ex.quotes) {
      if (!q.speaker) continue;
      const why = speakerDebris(q.speaker);
      if (why) debris.push(`${name}: ${why}: ${JSON.stringify(q.speaker)}`);
    }

    d.predicted += predicted.length;
    d.truth += truth.length;
    for (const p of predicted) {
      const inTruth = p.words.filter((w) => goldWords.has(w)).length;
      if (p.words.length > 0 && inTruth / p.words.length >= 0.3) d.correct++;
      else {
        const para = p.words.filter((w) => inContent.has(w)).length;
        const asParaphrase = p.words.length > 0 && para / p.words.length >= 0.5;
        if (asParaphrase) paraphraseAsDirect++;
        misses.push(
          `${name}: spurious direct${asParaphrase ? ' (in a paraphrase)' : ''} "${p.q.text.slice(0, 80)}"`,
        );
      }
    }
    for (const t of truth) {
      const tw = new Set(t.words);
      let best: (typeof predicted)[number] | null = null;
      let bestN = 0;
      const covered = new Set<number>();
      for (const p of predicted) {
        let n = 0;
        for (const w of p.words)
          if (tw.has(w)) {
            n++;
            covered.add(w);
          }
        if (n > bestN) {
          bestN = n;
          best = p;
        }
      }
      if (covered.size / tw.size < 0.3 || !best) {
        misses.push(`${name}: missed direct "${t.text.slice(0, 80)}"`);
        continue;
      }
      d.found++;
      const src = t.att.source;
      if (!src) continue;
      const cls = classifySource(src.text);
      let surname: string | null = null;
      const at = src.ranges[0]?.[0] ?? -1;
      const graded = refs?.get(`${name}:${at}`) ?? refs?.get(`${articleKey(name)}:${at}`);
      if (cls === 'name') surname = surnameOf(repaired(src.text));
      else if (refs) {
        // Hand-graded referents only: `none` / `unclear` have no right name, so any name shown for them is wrong.
        if (graded === undefined) continue;
        if (graded === 'none' || graded === 'unclear') {
          if (best.q.speaker && best.q.confidence >= SPEAKER_SHOWN_MIN) {
            shown.of++;
            shown.wrong++;
            misses.push(
              `${name}: speaker ${JSON.stringify(best.q.speaker)} shown for "${t.text.slice(0, 60)}" want ${graded}`,
            );
          }
          continue;
        }
        surname = graded;
      } else {
        const at = src.ranges[0]?.[0] ?? t.start;
        const before = named.filter((n) => n.at < at).at(-1);
        surname = before?.surname ?? null;
      }
      if (!surname) continue;
      const pred = best.q;
      const right = surname.startsWith('org:')
        ? orgMatches(pred.speaker, surname.slice(4))
        : hasSurname(pred.speaker, surname);
      speaker[cls].of++;
      speaker.all.of++;
      if (right) {
        speaker[cls].right++;
        speaker.all.right++;
      }
      if (pred.speaker) {
        const k = pred.evidence ?? 'unknown';
        const b = byEvidence.get(k) ?? { of: 0, wrong: 0, confidence: pred.confidence };
        b.of++;
        if (!right) b.wrong++;
        byEvidence.set(k, b);
      }
      const isShown = pred.speaker !== null && pred.confidence >= SPEAKER_SHOWN_MIN;
      if (isShown) {
        shown.of++;
        if (!right) shown.wrong++;
      } else unclear++;
      if (!right)
        misses.push(
          `${name}: speaker ${JSON.stringify(pred.speaker)} (${pred.confidence}) for "${t.text.slice(0, 60)}" want ${cls} ${JSON.stringify(src.text)}${cls === 'name' ? '' : ` -> ${surname}`}`,
        );
    }
  }
  const precision = ratio(d.correct, d.predicted);
  const recall = ratio(d.found, d.truth);
  return {
    articles: pairs.length,
    direct: {
      ...d,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    },
    speaker,
    shown,
    byEvidence,
    unclear,
    debris,
    paraphraseAsDirect,
    turns,
    msPerArticle: pairs.length === 0 ? 0 : cpu / pairs.length,
    misses,
  };
}

/** Wilson score lower bound (90%, one-sided z = 1.2816) of a proportion. */
export function wilsonLower(right: number, of: number): number {
  if (of === 0) return 0;
  const z = 1.2816;
  const p = right / of;
  const d = 1 + (z * z) / of;
  return (p + (z * z) / (2 * of) - z * Math.sqrt((p * (1 - p)) / of + (z * z) / (4 * of * of))) / d;
}

const pct = (t: Tally): string => `${((t.right / Math.max(1, t.of)) * 100).toFixed(1)}% (${t.right}/${t.of})`;

/** Report lines for `npm run eval -- --brat DIR`. */
export function bratLines(s: BratScores): string[] {
  return [
    `${s.articles} articles, ${s.direct.truth} true direct quotes (3+ words in quotation marks inside an annotated attribution)`,
    `direct quotes: P ${s.direct.precision.toFixed(3)} (${s.direct.correct}/${s.direct.predicted})  R ${s.direct.recall.toFixed(3)} (${s.direct.found}/${s.direct.truth})  F1 ${s.direct.f1.toFixed(3)}`,
    `speaker right, of found quotes with a gold name: ${pct(s.speaker.all)}`,
    `  named sources ${pct(s.speaker.name)}; pronoun sources ${pct(s.speaker.pronoun)}; role sources ${pct(s.speaker.role)}`,
    `shown with a name: ${s.shown.of}, wrong ${s.shown.wrong} (${((s.shown.wrong / Math.max(1, s.shown.of)) * 100).toFixed(1)}%); unclear or none: ${s.unclear}`,
    'names by evidence (right/of, share right, 90% lower bound; the calibrated confidence in brackets):',
    ...[...s.byEvidence.entries()]
      .sort((a, b) => b[1].of - a[1].of)
      .map(
        ([k, b]) =>
          `  ${k}: ${b.of - b.wrong}/${b.of}, ${(1 - b.wrong / b.of).toFixed(3)}, >= ${wilsonLower(b.of - b.wrong, b.of).toFixed(3)} [${b.confidence}]`,
      ),
    `paraphrase predicted as direct: ${s.paraphraseAsDirect}; transcript turns (not scored): ${s.turns}`,
    `speaker strings with debris: ${s.debris.length}${s.debris.length ? ` (${s.debris.slice(0, 5).join('; ')})` : ''}`,
    `extraction CPU: ${s.msPerArticle.toFixed(2)} ms per article on average`,
  ];
}

/** Targets from the attribution issue (issue 9), for held-out real news. */
export const BRAT_TARGETS = {
  directF1: 0.93,
  speaker: 0.9,
  named: 0.93,
  pronounRole: 0.8,
  shownWrong: 0.05,
} as const;

/** True when every target is met. */
export function bratOk(s: BratScores): boolean {
  const t = BRAT_TARGETS;
  const acc = (x: Tally): number => x.right / Math.max(1, x.of);
  const pr = {
    right: s.speaker.pronoun.right + s.speaker.role.right,
    of: s.speaker.pronoun.of + s.speaker.role.of,
  };
  return (
    s.direct.f1 >= t.directF1 &&
    acc(s.speaker.all) >= t.speaker &&
    acc(s.speaker.name) >= t.named &&
    acc(pr) >= t.pronounRole &&
    s.shown.wrong / Math.max(1, s.shown.of) <= t.shownWrong &&
    s.debris.length === 0
  );
}
