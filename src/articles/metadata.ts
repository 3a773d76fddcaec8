/**
 * Metadata normalisation shared by every format: dates to YYYY-MM-DD, URLs, authors, and the
 * outlet/date that a URL implies. Nothing here invents a value: unknown stays null.
 */
import { bylineNames, joinNames } from './byline.ts';
import { sameTitle } from './clean.ts';
import { readableDomainName } from './domain-name.ts';
import { OUTLETS, WIRE_AGENCIES } from './outlets.ts';

export { OUTLETS, WIRE_AGENCIES } from './outlets.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month name (full or abbreviated, any case, optional trailing dot) to 1..12, or null. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  const month = MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
  // Only a real month name or its abbreviation: "marathon" is not March.
  return month !== null && FULL_MONTHS[month - 1]?.startsWith(key) ? month : (MONTHS[key] ?? null);
}

/** Builds YYYY-MM-DD when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const YMD_SLASH_RE = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const MDY_NAME_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
// Java's Date#toString, common in CMS meta tags: `Mon Aug 03 12:45:00 EDT 2015`.
const MDY_TIME_NAME_RE = new RegExp(
  `\\b${MONTH_RE}\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s+[A-Z]{2,5}|\\s*[+-]\\d{4})?\\s+(\\d{4})\\b`,
  'i',
);
const DMY_NAME_RE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`,
  'i',
);
// Chinese, Japanese and Korean dates: 2019年4月21日, 2019년 4월 21일.
const CJK_RE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
const NUMERIC_RE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Normalises a date written in any common newsroom form to YYYY-MM-DD, or null.
 * ISO timestamps keep their written calendar date (no timezone shift: `2018-07-16T23:30-04:00` is
 * the 16th where it was published). All-numeric day/month dates are read only when unambiguous
 * (`16/07/2018`, `07/16/2018`); `07/08/2018` is null rather than a guess.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    // Unix seconds or milliseconds; anything else is not a date we can trust.
    if (!Number.isFinite(value) || value <= 0) return null;
    const ms = value < 1e11 ? value * 1000 : value;
    return normaliseDate(new Date(ms));
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  let m = ISO_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YMD_SLASH_RE.exec(s) ?? CJK_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MDY_NAME_RE.exec(s) ?? MDY_TIME_NAME_RE.exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m = DMY_NAME_RE.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = NUMERIC_RE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    if (a > 12 && b <= 12) return isoDate(year, b, a);
    if (b > 12 && a <= 12) return isoDate(year, a, b);
    if (a === b) return isoDate(year, a, b);
    return null;
  }
  m = COMPACT_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** Finds a month-and-day (no year) such as `July 16` or `16 July`; used for wire datelines. */
export function monthDay(text: string): { month: number; day: number } | null {
  let m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})\\b`, 'i').exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    if (month) return { month, day: Number(m[2]) };
  }
  m = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}`, 'i').exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    if (month) return { month, day: Number(m[1]) };
  }
  return null;
}

/** A parsed http(s) URL, or null. */
function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Accepts only absolute http(s) URLs; returns them as written (trimmed), else null. */
export function normaliseUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().replace(/^<|>$/g, '');
  return parseHttpUrl(trimmed) ? trimmed : null;
}

/**
 * The publication date a news URL carries in its path (`/2018/07/16/slug`, `/2018-07-16/`,
 * `/20180716/`), or null. Month-only paths (`/2018/07/slug`) give no date.
 */
export function dateFromUrl(value: string | null): string | null {
  if (!value) return null;
  const url = parseHttpUrl(value);
  if (!url) return null;
  const path = url.pathname;
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // The Guardian's style: /2018/jul/16/slug.
  m = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i.exec(path);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    if (month) return isoDate(Number(m[1]), month, Number(m[3]));
  }
  m = /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_-]|\.html?$|$)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|$)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** The host of a URL without `www.`/`m.`/`amp.` prefixes, lower-cased, or null. */
export function hostOf(value: string | null): string | null {
  if (!value) return null;
  const url = parseHttpUrl(value);
  if (!url) return null;
  return url.hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
}

/**
 * The outlet a URL belongs to: the proper name for a well-known news domain, otherwise a readable form
 * of the domain name (`harborfallsherald.com` -> "Harbor Falls Herald"; see domain-name.ts). Null
 * without a URL.
 */
export function outletFromUrl(value: string | null): string | null {
  const host = hostOf(value);
  if (!host) return null;
  return knownOutletOfUrl(value) ?? readableDomainName(host) ?? host;
}

/**
 * The table's name (outlets.ts) for a URL: its host or closest listed parent domain, or a
 * `host/section` entry for outlets sharing a host (`yahoo.com/finance`). Null when not listed.
 */
export function knownOutletOfUrl(value: string | null): string | null {
  const host = hostOf(value);
  if (!host || !value) return null;
  const section = /^https?:\/\/[^/]+\/([^/?#]+)/i.exec(value.trim())?.[1]?.toLowerCase();
  const bySection = section ? OUTLETS[`${host}/${section}`] : undefined;
  if (bySection) return bySection;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const known = OUTLETS[labels.slice(i).join('.')];
    if (known) return known;
  }
  return null;
}

/**
 * The outlet a name refers to when it is a well-known one (`Reuters`, `the Associated Press`,
 * `The Guardian`), in its canonical form; null for anything else.
 */
export function knownOutlet(name: string): string | null {
  const key = name.trim().toLowerCase();
  const bare = key.replace(/^the\s+/, '');
  const wire = WIRE_AGENCIES[key] ?? WIRE_AGENCIES[bare];
  if (wire) return wire;
  for (const outlet of new Set(Object.values(OUTLETS))) {
    const known = outlet.toLowerCase();
    if (known === key || known.replace(/^the\s+/, '') === bare) return outlet;
  }
  return null;
}

/**
 * Cleans an author value to the names it holds (byline.ts: no `By`, dates, handles, job titles or
 * staff credits), several joined for display ("A, B and C"); null when it names no one.
 */
export function normaliseAuthor(value: unknown): string | null {
  return joinNames([...new Set(authorNames(value))]);
}

function authorNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(authorNames);
  if (value && typeof value === 'object' && 'name' in value)
    return authorNames((value as { name: unknown }).name);
  return typeof value === 'string' ? bylineNames(value) : [];
}

/** A trimmed, whitespace-collapsed non-empty string, or null. */
export function normaliseText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Keys that name an article's publication date in front matter and JSON records, most specific first. */
export const PUBLISHED_KEYS: readonly string[] = [
  'published',
  'publishedAt',
  'published_at',
  'datePublished',
  'date_published',
  'pubDate',
  'date',
];

function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** The name inside `{ name: "..." }` (NewsAPI's `source`, JSON-LD's `publisher`) or the string itself. */
function nameOf(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    return (value as { name: unknown }).name;
  }
  return value;
}

/**
 * Reads article metadata from a plain record under the names our files and common feeds use:
 * ours (title, outlet, url, published, author), NewsAPI's (source.name, publishedAt) and a few
 * common aliases (headline, link, date, byline...).
 */
export function metaFromRecord(record: Record<string, unknown>): {
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
} {
  const text = (v: unknown) => (typeof v === 'string' ? normaliseText(v) : null);
  const outlet = text(
    nameOf(pick(record, ['outlet', 'source', 'publication', 'publisher', 'site_name', 'siteName', 'site'])),
  );
  return {
    title: text(pick(record, ['title', 'headline'])),
    // A `source` that is an address is where the article came from, not the outlet's name.
    outlet: outlet && !/^https?:\/\//i.test(outlet) ? outlet : null,
    url: normaliseUrl(pick(record, ['url', 'link', 'canonical', 'canonical_url', 'canonicalUrl', 'href'])),
    published: normaliseDate(pick(record, PUBLISHED_KEYS)),
    author: normaliseAuthor(pick(record, ['author', 'authors', 'byline', 'creator'])),
  };
}

/**
 * Splits a page title's site suffix off (`Port strike ends - Reuters`, `Story | The Daily Ledger`)
 * when the suffix names the outlet: the one given, or a well-known one. Otherwise the title stands.
 */
export function splitTitleSuffix(
  title: string,
  outlet: string | null,
): { title: string; outlet: string | null } {
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—-]+)$/.exec(title);
  const suffix = m?.[2]?.trim();
  if (!m?.[1] || !suffix) return { title, outlet: null };
  if (outlet && sameTitle(suffix, outlet)) return { title: m[1], outlet };
  const known = knownOutlet(suffix);
  return known ? { title: m[1], outlet: known } : { title, outlet: null };
}
