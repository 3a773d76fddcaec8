/**
 * Browser print-outs ("Save as PDF" then copied to text, as seed 003): every page starts with a
 * header (print date and time, then the page title) and ends with a footer (the page address, a
 * `read://` reader-view address in Firefox, then a page mark such as `1/2`). Copied to text these
 * land anywhere, even mid-sentence. This module removes them and recovers the title and the URL.
 */
import { normaliseUrl } from './metadata.ts';

/** What a print-out gives away besides its text. */
export interface PrintoutInfo {
  /** Text with page headers and footers removed. */
  text: string;
  /** True when the text looked like a print-out at all. */
  isPrintout: boolean;
  /** The page title repeated in the headers, or null. */
  title: string | null;
  /** The article URL rebuilt from a footer, or null. */
  url: string | null;
}

// `2/23/25, 10:09 AM` (US locale, as browsers print) or `23/02/2025, 10:09` (24-hour locales).
const STAMP = String.raw`\d{1,2}/\d{1,2}/\d{2,4},?[ \n]+\d{1,2}:\d{2}(?:[ \n]?[AaPp]\.?[Mm]\.?)?`;
const STAMP_AT_START = new RegExp(`^${STAMP}(?=\\s|$)`);
const PAGE_MARK = String.raw`\d{1,3}/\d{1,3}(?=\s|$)`;
// A reader-view footer runs to the page mark; the address itself may contain spaces (see rebuildUrl).
// Older Firefox versions print the reader view as `about:reader?url=ENCODED`.
const READER = String.raw`(?:read://|about:reader\?url=)`;
const READ_FOOTER_WITH_MARK = new RegExp(String.raw`${READER}[^\n]{0,800}?\s+${PAGE_MARK}`, 'g');
const READ_FOOTER = new RegExp(String.raw`${READER}\S+`, 'g');
// Chrome prints the plain address in the footer.
const HTTP_FOOTER_WITH_MARK = new RegExp(String.raw`https?://\S+\s+${PAGE_MARK}`, 'g');
// A private-use character marks where a page break was removed; any already in the text are dropped first.
const PAGE_BREAK = '\uE000';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when text carries print-out headers or reader-view footers. */
export function looksLikePrintout(text: string): boolean {
  return STAMP_AT_START.test(text.trimStart()) || /(?:read:\/\/|about:reader\?url=)\S/.test(text);
}

/**
 * Rebuilds the article address from a footer. A `read://https_host/?url=ENCODED` address holds the
 * real URL percent-encoded in `url=`; print-outs turn the path's hyphens into spaces (a real URL never
 * contains a bare space), so spaces become hyphens again before decoding.
 */
export function rebuildUrl(footer: string): string | null {
  const raw = footer.trim();
  if (raw.startsWith('read://') || raw.startsWith('about:reader?')) {
    const param = /[?&]url=([^&]+)/.exec(raw);
    if (param?.[1]) {
      const encoded = param[1].replace(/\s*\n\s*/g, '').replace(/\s+/g, '-');
      try {
        return normaliseUrl(decodeURIComponent(encoded));
      } catch {
        return null;
      }
    }
    // `read://https_example.com/path` without a url= parameter.
    const direct = /^read:\/\/(https?)_([^/\s]+)(\/\S*)?/.exec(raw.replace(/\s+/g, '-'));
    return direct ? normaliseUrl(`${direct[1]}://${direct[2]}${direct[3] ?? '/'}`) : null;
  }
  return normaliseUrl(raw.split(/\s+/)[0] ?? '');
}

/** Words of a string with their start offsets. */
function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The header title: on the first page the header's title is followed by the article's own heading,
 * so the words right after the first stamp repeat (`T T body`). Failing that, the words that follow
 * every stamp in common are the title.
 */
function findTitle(text: string, stampEnds: number[]): string | null {
  const first = stampEnds[0];
  if (first === undefined) return null;
  const after = words(text.slice(first, first + 2000));
  let best = 0;
  for (let k = 1; k <= Math.min(60, Math.floor(after.length / 2)); k++) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = after[i]?.word === after[k + i]?.word;
    if (same) best = k;
  }
  if (best > 0)
    return after
      .slice(0, best)
      .map((w) => w.word)
      .join(' ');
  if (stampEnds.length < 2) {
    // One page and no repeat: a title cut short by the browser ends the header with an ellipsis.
    const cut = after.slice(0, 40).findIndex((w) => /(?:…|\.\.\.)$/.test(w.word));
    return cut >= 0
      ? after
          .slice(0, cut + 1)
          .map((w) => w.word)
          .join(' ')
      : null;
  }
  const pages = stampEnds.map((end) => words(text.slice(end, end + 2000)).slice(0, 60));
  let common = 0;
  while (
    common < 60 &&
    pages.every((p) => p[common] !== undefined && p[common]?.word === pages[0]?.[common]?.word)
  ) {
    common++;
  }
  return common > 0
    ? after
        .slice(0, common)
        .map((w) => w.word)
        .join(' ')
    : null;
}

/**
 * Browsers cut a long title in the header short (`Mercy General to close maternity ward, citing
 * staffing sh…`). When the first page's own heading stands on a line of its own and starts with the
 * cut title, that line is the full title. On a one-line print-out the heading's end cannot be told, so
 * the cut title stands, ellipsis and all: it is what the page says.
 */
function fullTitle(text: string, header: string): { title: string; line: string } | null {
  const cut = /\s*(?:…|\.\.\.)$/.exec(header);
  if (!cut) return null;
  const prefix = header.slice(0, cut.index).split(/\s+/).map(escapeRegExp).join('\\s+');
  const m = new RegExp(`^[\\s\\uE000]*(${prefix}[^\\n\\uE000]*)\\n`).exec(text);
  return m?.[1] ? { title: m[1].trim(), line: m[0] } : null;
}

/**
 * A `read://` footer without a page mark: the encoded address may go on over spaced-out slug words
 * until the token that closes it (ending in an encoded slash); if none does, only the first token.
 */
function footerEnd(text: string, start: number, firstTokenEnd: number): number {
  const token = text.slice(start, firstTokenEnd);
  if (!/[?&]url=/.test(token) || /%2F$/i.test(token)) return firstTokenEnd;
  const rest = /^(?: [a-z0-9%._~-]+){1,20}/i.exec(text.slice(firstTokenEnd));
  if (!rest) return firstTokenEnd;
  const slug = words(rest[0]);
  for (let i = 0; i < slug.length; i++) {
    if (/%2F$/i.test(slug[i]?.word ?? '')) return firstTokenEnd + (slug[i]?.end ?? 0);
  }
  return firstTokenEnd;
}

/** Joins the text around a removed page break: a paragraph break only where one plausibly was. */
function joinBreaks(text: string): string {
  return text.replace(/\s*\uE000(?:\s*\uE000)*\s*/g, (gap, offset: number) => {
    const before = text.slice(Math.max(0, offset - 1), offset);
    const hadNewline = gap.includes('\n');
    if (offset === 0 || offset + gap.length >= text.length) return '';
    return hadNewline && /[.!?"”’)]/.test(before) ? '\n' : ' ';
  });
}

/**
 * Removes print headers/footers from cleaned text (see cleanText) and recovers title and URL.
 * Text that does not look like a print-out comes back unchanged with isPrintout false.
 */
export function stripPrintArtifacts(text: string): PrintoutInfo {
  if (!looksLikePrintout(text)) return { text, isPrintout: false, title: null, url: null };
  let url: string | null = null;
  let out = text.replaceAll(PAGE_BREAK, '');

  // Footers first: they hold the URL, and their page marks would otherwise be mistaken for dates.
  const footers: [number, number][] = [];
  for (const m of out.matchAll(READ_FOOTER_WITH_MARK)) footers.push([m.index, m.index + m[0].length]);
  for (const m of out.matchAll(READ_FOOTER)) {
    if (footers.some(([s, e]) => m.index >= s && m.index < e)) continue;
    footers.push([m.index, footerEnd(out, m.index, m.index + m[0].length)]);
  }
  for (const m of out.matchAll(HTTP_FOOTER_WITH_MARK)) footers.push([m.index, m.index + m[0].length]);
  footers.sort((a, b) => a[0] - b[0]);
  for (const [s, e] of footers) {
    url ??= rebuildUrl(out.slice(s, e).replace(new RegExp(`\\s+${PAGE_MARK}$`), ''));
  }
  for (const [s, e] of [...footers].reverse()) out = out.slice(0, s) + PAGE_BREAK + out.slice(e);

  const stampRe = new RegExp(STAMP, 'g');
  const stampEnds = [...out.matchAll(stampRe)].map((m) => m.index + m[0].length);
  const title = findTitle(out, stampEnds);
  const titleRe = title ? String.raw`(?:\s+${title.split(' ').map(escapeRegExp).join('\\s+')}){1,2}` : '';
  out = out.replace(new RegExp(`${STAMP}${titleRe}`, 'g'), PAGE_BREAK);
  const full = title ? fullTitle(out, title) : null;
  if (full) out = out.replace(full.line, PAGE_BREAK);
  // A page mark left standing next to a break (its footer address was cut off) goes too.
  out = out.replace(new RegExp(String.raw`(^|\s)${PAGE_MARK}(?=\s*\uE000)`, 'g'), `$1${PAGE_BREAK}`);
  out = out.replace(new RegExp(String.raw`(\uE000\s*)${PAGE_MARK}`, 'g'), `$1${PAGE_BREAK}`);

  return { text: joinBreaks(out).trim(), isPrintout: true, title: full?.title ?? title, url };
}
