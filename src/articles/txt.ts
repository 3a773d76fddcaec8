/**
 * Plain-text articles: title on the first line, `By NAME`, URL and `Published ...` lines, a wire
 * dateline (`HELSINKI, July 16 (Reuters) -`), and browser print-outs (see printout.ts).
 */
import { cleanField, cleanText, sameTitle, stripBullet } from './clean.ts';
import {
  dateFromUrl,
  isoDate,
  knownOutlet,
  monthDay,
  normaliseAuthor,
  normaliseDate,
  normaliseUrl,
  outletFromUrl,
  splitTitleSuffix,
  WIRE_AGENCIES,
} from './metadata.ts';
import { stripPrintArtifacts } from './printout.ts';
import { type ArticleMeta, emptyMeta, type MetaField, type ParsedArticle } from './types.ts';

// Metadata lines are looked for only near the top (and a URL or date line near the bottom) so that
// body sentences that happen to start with "By" or "Published" stay in the body.
const HEAD_LINES = 12;
const TAIL_LINES = 4;
const MAX_TITLE_LENGTH = 300;

const LABELLED =
  /^(title|headline|outlet|publication|publisher|source|url|link|canonical|author|byline|published|posted|updated|date|dated)\s*:\s*(.+)$/i;
const BARE_URL = /^(?:(?:source|original|read more|via)\s*:?\s*)?<?(https?:\/\/\S+?)>?$/i;
const DATE_LINE = /^(published|posted|updated|first published|last updated)(?:\s+on|\s+at)?\s*:?\s+(.+)$/i;
const BY_LINE = /^by[:\s]\s*(\p{Lu}.{1,120})$/iu;

interface LineMeta {
  field: MetaField;
  value: string;
  /** `Updated ...` dates count only when no publication date is given. */
  weak?: boolean;
}

// Lower-case words that belong in names and bylines ("Jane Doe and John Roe", "Ursula von der Leyen").
const NAME_PARTICLES = new Set([
  'and',
  '&',
  'de',
  'da',
  'del',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'al',
  'el',
  'y',
]);
const ROLE = /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|analyst|bureau)\b/i;

/**
 * Reads a byline: `Jane Doe`, `Jane Doe and John Roe`, `Jane Doe | Reuters`, `Jane Doe, Associated
 * Press`, `Jane Doe, Staff Writer`. A trailing well-known outlet becomes the outlet; a trailing role is
 * dropped. A sentence that merely starts with "By" is not a byline.
 */
function byLine(text: string): LineMeta[] | null {
  const parts = text.split(/\s*[|•·]\s*|\s+[-–—]\s+|,\s*/).filter((p) => p !== '');
  const found: LineMeta[] = [];
  const last = parts.at(-1);
  const outlet = parts.length > 1 && last ? knownOutlet(last) : null;
  if (outlet) {
    found.push({ field: 'outlet', value: outlet });
    parts.pop();
  }
  while (parts.length > 1 && ROLE.test(parts.at(-1) ?? '')) parts.pop();
  const name = parts.join(', ');
  const words = name.split(/\s+/);
  // Names are short and do not end a sentence (an initial such as "J." is fine).
  const nameLike = words.every((w) => /^[\p{Lu}\p{N}"“'‘(]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
  if (!nameLike || words.length > 12 || /[.!?]$/.test(name.replace(/\b\p{Lu}\.$/u, ''))) return null;
  const author = normaliseAuthor(name);
  if (author) found.push({ field: 'author', value: author });
  return found.length > 0 ? found : null;
}

/** Reads one line as metadata, or null when it is body text. */
function lineMeta(line: string, nearTop: boolean): LineMeta[] | null {
  const bare = BARE_URL.exec(line);
  if (bare?.[1]) {
    const url = normaliseUrl(bare[1]);
    return url ? [{ field: 'url', value: url }] : null;
  }
  const dated = DATE_LINE.exec(line);
  if (dated?.[2] && line.length <= 120) {
    const date = normaliseDate(dated[2]);
    if (date) return [{ field: 'published', value: date, weak: /updated/i.test(dated[1] ?? '') }];
  }
  if (!nearTop) return null;
  const labelled = LABELLED.exec(line);
  if (labelled?.[1] && labelled[2]) {
    const label = labelled[1].toLowerCase();
    const value = labelled[2].trim();
    if (['url', 'link', 'canonical'].includes(label) || (label === 'source' && /^https?:/i.test(value))) {
      const url = normaliseUrl(value);
      return url ? [{ field: 'url', value: url }] : null;
    }
    if (['published', 'posted', 'updated', 'date', 'dated'].includes(label)) {
      const date = normaliseDate(value);
      return date ? [{ field: 'published', value: date, weak: label === 'updated' }] : null;
    }
    if (label === 'author' || label === 'byline') {
      const author = normaliseAuthor(value);
      return author ? [{ field: 'author', value: author }] : null;
    }
    if (label === 'title' || label === 'headline') return [{ field: 'title', value }];
    return [{ field: 'outlet', value }];
  }
  const by = BY_LINE.exec(line);
  if (by?.[1]) return byLine(by[1]);
  return null;
}

const AGENCY_NAMES = Object.keys(WIRE_AGENCIES).join('|');
// `HELSINKI (Reuters) -`, `WASHINGTON, July 16 (AP) —`, `LONDON, 16 July 2018 —`.
const DATELINE = new RegExp(
  String.raw`^([\p{Lu}][\p{Lu}\p{M} .'’/-]{1,40}?)(?:,\s*([^()\n]{1,40}?))?\s*(?:\((${AGENCY_NAMES})\)\s*)?[-–—]{1,2}\s`,
  'iu',
);

/** Reads a dateline at the start of a paragraph: its date (when it has a year) and its agency. */
export function readDateline(
  paragraph: string,
  yearHint: number | null,
): { published: string | null; agency: string | null } | null {
  const m = DATELINE.exec(paragraph);
  if (!m?.[1]) return null;
  // The place must be in capitals: "Officials said -" is not a dateline.
  if (m[1] !== m[1].toUpperCase() || !/\p{Lu}{2}/u.test(m[1])) return null;
  const datePart = m[2] ?? '';
  const agencyKey = m[3]?.toLowerCase();
  if (!datePart && !agencyKey) return null;
  let published = normaliseDate(datePart);
  if (!published && yearHint) {
    const md = monthDay(datePart);
    if (md) published = isoDate(yearHint, md.month, md.day);
  }
  return { published, agency: agencyKey ? (WIRE_AGENCIES[agencyKey] ?? null) : null };
}

/**
 * A first line is the title unless it is plainly body text: very long, or a full sentence of more
 * than 30 words (headlines are shorter and rarely end in a period).
 */
function looksLikeTitle(line: string): boolean {
  if (line.length > MAX_TITLE_LENGTH) return false;
  return !(line.split(/\s+/).length > 30 && /[.!?]["”’)]?$/.test(line));
}

/** Joins lines that were broken by page layout (a line not ending a sentence runs on). */
function unwrapLayoutLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && line !== '' && !/[.!?:"”’)]$/.test(last)) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out;
}

const BULLET_LINE = /^[-*+•]\s/;
const HARD_WRAP_WIDTH = 100;

/** Bullet lines each start an item; a line that is not a bullet continues the item above it. */
function bulletItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const last = items.length - 1;
    if (BULLET_LINE.test(line) || last < 0) items.push(line);
    else items[last] = `${items[last]} ${line}`;
  }
  return items;
}

/**
 * Splits body lines into paragraphs. Without blank lines, every line is a paragraph (seed 000). With
 * blank lines, each block is one paragraph when its lines are hard-wrapped (all but the last short),
 * one per item when it is a bullet list, and one per line otherwise.
 */
function toParagraphs(lines: string[]): string[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line === '') blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  const nonEmpty = blocks.filter((b) => b.length > 0);
  const paragraphs =
    nonEmpty.length < 2
      ? nonEmpty.flat()
      : nonEmpty.flatMap((block) => {
          if (BULLET_LINE.test(block[0] ?? '')) return bulletItems(block);
          const wrapped = block
            .slice(0, -1)
            .every((l) => l.length <= HARD_WRAP_WIDTH && !BULLET_LINE.test(l));
          return wrapped ? [block.join(' ')] : block;
        });
  return paragraphs
    .map((p) => stripBullet(p).trim())
    .filter((p) => p !== '' && !/^[-*_=#~.•\s]{3,}$/.test(p));
}

/**
 * Parses a plain-text article. `given` is metadata known from outside (a sidecar): when it names a
 * title, the first line is a title only if it repeats it.
 */
export function parseTxt(content: string, given: Partial<ArticleMeta> = {}): ParsedArticle {
  const printout = stripPrintArtifacts(cleanText(content));
  const meta = emptyMeta();
  const guessed = new Set<MetaField>();
  meta.url = printout.url;
  if (printout.title) {
    // A print-out's header carries the page's <title>, often with the site's name after it.
    const split = splitTitleSuffix(printout.title, outletFromUrl(printout.url));
    meta.title = split.title;
    meta.outlet = split.outlet;
  }

  const lines = printout.text.split('\n');
  const nonEmptyIdx = lines.flatMap((l, i) => (l === '' ? [] : [i]));
  const head = new Set(nonEmptyIdx.slice(0, HEAD_LINES));
  const tail = new Set(nonEmptyIdx.slice(-TAIL_LINES));
  let weakDate: string | null = null;
  const body: string[] = [];
  lines.forEach((line, i) => {
    const found = head.has(i) || tail.has(i) ? lineMeta(line, head.has(i)) : null;
    if (!found) {
      body.push(line);
      return;
    }
    for (const item of found) {
      if (item.field === 'published' && item.weak) weakDate ??= item.value;
      else meta[item.field] ??= item.value;
    }
  });
  meta.published ??= weakDate;

  const titleGiven = meta.title ?? cleanField(given.title);
  const firstIdx = body.findIndex((l) => l !== '');
  const first = firstIdx >= 0 ? (body[firstIdx] ?? '') : '';
  const more = body.slice(firstIdx + 1).some((l) => l !== '');
  if (titleGiven) {
    if (sameTitle(first, titleGiven)) body.splice(firstIdx, 1);
  } else if (first && more && looksLikeTitle(first)) {
    meta.title = stripBullet(first);
    guessed.add('title');
    body.splice(firstIdx, 1);
    // A headline wrapped over two lines, or a headline and its subtitle, with no blank line between them and a
    // blank line after: one title. A lede ends its sentence; a title line does not.
    const second = body[firstIdx] ?? '';
    const afterSecond = body[firstIdx + 1];
    if (
      second !== '' &&
      afterSecond === '' &&
      second.length <= 160 &&
      !/[.!?]["”’']?$/.test(second) &&
      body.slice(firstIdx + 2).some((l) => l !== '')
    ) {
      const sep = /^\p{Ll}/u.test(second) || /[:;,—–-]$/.test(meta.title) ? ' ' : ': ';
      meta.title = `${meta.title}${sep}${second.trim()}`;
      body.splice(firstIdx, 1);
    }
  }

  // A print-out's lines are wrapped by the page layout: a line that does not end a sentence continues.
  const paragraphs = toParagraphs(printout.isPrintout ? unwrapLayoutLines(body) : body);
  const firstPara = paragraphs[0];
  if (firstPara) {
    const urlYear = dateFromUrl(meta.url ?? normaliseUrl(given.url))?.slice(0, 4);
    const dateline = readDateline(firstPara, urlYear ? Number(urlYear) : null);
    if (dateline?.published && !meta.published) meta.published = dateline.published;
    if (dateline?.agency && !meta.outlet) {
      meta.outlet = dateline.agency;
      guessed.add('outlet');
    }
  }
  return { format: 'txt', meta, guessed, paragraphs };
}
