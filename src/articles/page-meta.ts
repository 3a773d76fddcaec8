/**
 * Citation metadata of a saved page: headline, byline, publication date, outlet and link, read from
 * every place pages put them, in a fixed order of trust (most deliberate statement first; see
 * src/articles/README.md, "Metadata from saved pages"):
 *
 *   JSON-LD (the article object: NewsArticle and relatives, also inside @graph, arrays, CDATA)
 *   > Open Graph and article:* > Twitter cards > other meta name/property/itemprop
 *   > microdata (itemprop on elements) > rel="author" links > <time> elements
 *   > visible byline and dateline markup.
 *
 * Nothing is invented: a field the page does not state stays null. The published date is never the
 * modified one. A byline is cleaned to people's names (byline.ts); a credit that names only an
 * organisation is no author (a JSON-LD one becomes the outlet when the page names none).
 */
import type { parseHTML } from 'linkedom';
import { type BylineOptions, bylineNames, joinNames } from './byline.ts';
import { cleanField, sameTitle } from './clean.ts';
import { hostOf, knownOutletOfUrl, normaliseDate, normaliseUrl } from './metadata.ts';
import type { ArticleMeta } from './types.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & object;
type Json = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|Posting|Report|Review)$/;

/** Removes what wraps JSON in a script: HTML comments, CDATA markers, a trailing semicolon. */
function unwrapJson(text: string): string {
  return text
    .trim()
    .replace(/^\s*(?:\/\/\s*|\/\*\s*)?<!\[CDATA\[\s*(?:\*\/)?/, '')
    .replace(/(?:\/\/\s*|\/\*\s*)?\]\]>\s*(?:\*\/)?\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim()
    .replace(/;\s*$/, '');
}

/** JSON.parse, then once more after the two commonest faults: raw line breaks in strings, trailing commas. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are the fault being repaired.
    const repaired = text.replace(/[\u0000-\u001F]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    return JSON.parse(repaired);
  }
}

/** Every JSON-LD object on the page, with @graph, arrays and mainEntity flattened; broken blocks ignored. */
export function jsonLdObjects(document: Doc): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else if (value && typeof value === 'object') {
      const item = value as Json;
      out.push(item);
      if ('@graph' in item) visit(item['@graph'], depth + 1);
      if (item.mainEntity && typeof item.mainEntity === 'object') visit(item.mainEntity, depth + 1);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(parseLenient(unwrapJson(script.textContent ?? '')), 0);
    } catch {
      // A block beyond repair is common on real pages; the other sources still apply.
    }
  }
  return out;
}

function types(item: Json): string[] {
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** The article object among the page's JSON-LD: the one about this page's URL if several. */
function articleLd(objects: Json[], url: string | null): Json | null {
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  if (articles.length <= 1) return articles[0] ?? null;
  const path = url ? url.replace(/[?#].*$/, '').replace(/\/$/, '') : null;
  const aboutPage = articles.find((a) => {
    const own = ldUrl(a);
    return path !== null && own !== null && own.replace(/[?#].*$/, '').replace(/\/$/, '') === path;
  });
  return aboutPage ?? articles.find((a) => a.headline && a.datePublished) ?? articles[0] ?? null;
}

function ldUrl(item: Json): string | null {
  const main = item.mainEntityOfPage;
  const mainId = main && typeof main === 'object' ? ((main as Json)['@id'] ?? (main as Json).url) : main;
  return normaliseUrl(item.url) ?? normaliseUrl(mainId);
}

function ldName(value: unknown): string | null {
  if (Array.isArray(value)) return ldName(value[0]);
  if (typeof value === 'string') return cleanField(value);
  if (value && typeof value === 'object' && 'name' in value) return ldName((value as Json).name);
  return null;
}

/** JSON-LD authors split into people and organisations (an organisation credit is not a byline). */
function ldAuthors(value: unknown): { people: string[]; organisations: string[] } {
  const people: string[] = [];
  const organisations: string[] = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    const name = ldName(entry);
    if (!name) continue;
    const isOrg =
      entry &&
      typeof entry === 'object' &&
      types(entry as Json).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/.test(t));
    (isOrg ? organisations : people).push(name);
  }
  return { people, organisations };
}

/** Meta tags by lower-cased key (name, property, itemprop or http-equiv), every non-empty value in order. */
function metaTags(document: Doc): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = cleanField(meta.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!k) continue;
      const list = map.get(k) ?? [];
      if (!list.includes(content)) list.push(content);
      map.set(k, list);
    }
  }
  return map;
}

// Containers whose bylines, dates and headlines belong to other stories or to the site.
const ELSEWHERE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER']);
// Lists of other stories, at any depth.
const ELSEWHERE_CLASS =
  /(?:^|[\s_-])(?:related|recirc\w*|more|trending|popular|recommend\w*|outbrain|taboola|teaser|card-list|read-next|up-next)(?:$|[\s_-])/i;
// Page regions beside the story; above the story's <article> they are only layout wrappers
// ("content-sidebar-wrap" around everything).
const SIDE_CLASS = /(?:^|[\s_-])(?:sidebar|right-rail|comments?|promo\w*|newsletter)(?:$|[\s_-])/i;

/** True when an element sits in a sidebar, a related-stories list, comments or the site's chrome. */
function elsewhere(el: El, options: { tags?: boolean } = {}): boolean {
  let sideTag = false;
  let inStory = false;
  for (let node: El | null = el; node && node.tagName !== 'BODY'; node = node.parentElement as El | null) {
    // An <aside> or <footer> inside an <article> holds that story's own byline and dates; the
    // article's own classes ("entry--left-rail") describe its layout. A related story in its own
    // <article> is still caught by the list around it ("more-stories").
    if (node.tagName === 'ARTICLE' || node.tagName === 'MAIN') {
      sideTag = false;
      inStory = true;
      continue;
    }
    if (ELSEWHERE_TAGS.has(node.tagName) && !inStory) sideTag = true;
    const label = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (ELSEWHERE_CLASS.test(label) || (!inStory && SIDE_CLASS.test(label))) return true;
  }
  return sideTag && options.tags !== false;
}

/** The first of some elements and those near it (within its grandparent): one byline's links. */
function firstCluster(elements: El[]): El[] {
  const first = elements[0];
  if (!first) return [];
  let scope: El | null = first;
  for (let i = 0; i < 2 && scope?.parentElement; i++) scope = scope.parentElement as El;
  return elements.filter((el) => el === first || scope?.contains(el));
}

function text(el: El): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Word tokens of a title (character pairs for scripts written without spaces). */
function tokens(title: string): Set<string> {
  const s = title.normalize('NFKC').toLowerCase();
  const words = s.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w)) {
      for (let i = 0; i < w.length - 1; i++) out.add(w.slice(i, i + 2));
      if (w.length === 1) out.add(w);
    } else if (w.length > 1 || /\d/.test(w)) out.add(w);
  }
  return out;
}

/** How much two titles share (Dice coefficient over their words), 0..1. */
function agreement(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

const SEPARATOR =
  /\s+::\s*|\s+@\s+|\s+[|–—\-:·»]\s+|\s*[｜|]\s*|\s+[-–—]\s*$|\s*[：_]\s*|\s+:\s*|(?<=[^\d\s]):(?=[^\d])\s*/u;

/** Comparable form of an outlet name or title part. */
function key(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(?:com|net|org|co\.uk|jp|de|fr|ca|in)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when a title part names the site (its outlet name, or its domain's name). */
function namesSite(part: string, names: readonly string[]): boolean {
  const k = key(part);
  if (k.length < 2) return false;
  return names.some((name) => {
    const n = key(name);
    if (n.length < 2) return false;
    // "CNN Politics", "BBC Sport": the site's name and a section.
    if (k === n || (k.startsWith(n) && k.length <= n.length + 12)) return true;
    return n.length >= 4 && (k.includes(n) || n.includes(k)) && k.length <= n.length * 2 + 4;
  });
}

/**
 * A page title without the site's name before or after it ("Story | Site", "Site - Story",
 * "Story : Section : Site"): parts naming the site are dropped from either end, and a section left
 * next to a dropped site name goes with it.
 */
export function stripSiteName(title: string, names: readonly string[]): string {
  const parts: string[] = [];
  let rest = title.trim();
  for (;;) {
    const m = SEPARATOR.exec(rest);
    if (!m || m.index === 0) break;
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  const kept = parts.filter((p) => p.trim() !== '');
  if (kept.length < 2) return title.trim();
  let start = 0;
  let end = kept.length;
  let dropped = false;
  while (end - start > 1 && namesSite(kept[end - 1] ?? '', names)) {
    end--;
    dropped = true;
  }
  while (end - start > 1 && namesSite(kept[start] ?? '', names)) {
    start++;
    dropped = true;
  }
  if (!dropped) return title.trim();
  // "Story : Section : Site" -> the short part left at the end was a section label.
  while (
    end - start > 1 &&
    (kept[end - 1] ?? '').length <= 30 &&
    (kept[start] ?? '').length >= 2 * (kept[end - 1] ?? '').length
  )
    end--;
  // Rebuild from the original text so separators inside the headline stay as written.
  const first = kept[start] ?? '';
  const last = kept[end - 1] ?? '';
  const from = title.indexOf(first);
  const to = title.lastIndexOf(last) + last.length;
  return from >= 0 && to > from ? title.slice(from, to).trim() : first.trim();
}

/** Everything a page says about itself, gathered once. */
interface Sources {
  ld: Json | null;
  ldAll: Json[];
  meta: Map<string, string[]>;
  url: string | null;
}

function metaFirst(meta: Map<string, string[]>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_at',
  'published-date',
  'article.published',
  'article_date_original',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'og:published_time',
  'cxenseparse:recs:publishtime',
  'originalpublicationdate',
];

// Open Graph first, then the bylines newsroom CMSs write, then generic and analytics keys (slugs).
const AUTHOR_META = [
  'article:author',
  'og:article:author',
  'byl',
  'byline',
  'author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
  'parsely-author',
  'cxenseparse:author',
  'sailthru.author',
];

// Words that make a site name longer without making it another outlet ("Bloomberg.com", "NDTV News").
const GENERIC_SITE_WORDS = /^(?:com|net|org|online|news|digital|web|site|magazine|mag|home|the)$/i;

/**
 * The outlet's proper name: what the page calls its site (og:site_name, JSON-LD publisher,
 * application-name, the JSON-LD WebSite), reconciled with the table of well-known domains: the table's
 * spelling wins for the same outlet ("Bloomberg.com", "Abendblatt") and over a section or edition
 * label ("U.S." on reuters.com); a longer, specific name stays ("CNET Japan", "Yahoo Finance").
 */
function outletOf(
  src: Sources,
  titles: readonly string[],
  pageTitle: string | null,
  headings: readonly string[],
): { outlet: string | null; names: string[] } {
  const host = hostOf(src.url);
  const tableName = knownOutletOfUrl(src.url);
  const website = src.ldAll.find((o) => types(o).includes('WebSite'));
  const stated = [
    metaFirst(src.meta, ['og:site_name']),
    src.ld ? ldName(src.ld.publisher) : null,
    src.ldAll
      .map((o) => (types(o).some((t) => /NewsMediaOrganization|Organization/.test(t)) ? ldName(o) : null))
      .find(Boolean) ?? null,
    metaFirst(src.meta, ['application-name']),
    website ? ldName(website) : null,
  ].filter((s): s is string => s !== null);
  const names = [...stated, ...(tableName ? [tableName] : [])];
  if (host) names.push(host.split('.').slice(-2, -1)[0] ?? host);
  let outlet: string | null = null;
  for (const raw of stated) {
    const name = cleanSiteName(raw, host);
    // Some pages put the headline where the site name goes.
    if (!name || titles.some((t) => agreement(name, t) >= 0.6 && name.length > 25)) continue;
    outlet = tableName ? reconcile(name, tableName) : name;
    break;
  }
  const rawSuffix = pageTitle ? (titleSuffix(pageTitle) ?? titlePrefix(pageTitle, headings)) : null;
  const suffix = rawSuffix ? cleanSiteName(rawSuffix, host) : null;
  // A site name of two letters ("al") is a short form of what the <title> prints ("al.com").
  if (outlet && suffix && key(outlet).length <= 2 && key(suffix).startsWith(key(outlet))) outlet = suffix;
  // Last: the name the <title> ends with, when nothing else names the site.
  if (!outlet && !tableName && suffix) {
    outlet = suffix;
    names.push(suffix);
  }
  return { outlet: outlet ?? tableName, names: names.filter((n) => key(n).length >= 2) };
}

/** The blog's name before a headline the page prints ("Silicon Exposed: Open Verilog flow ..."), or null. */
function titlePrefix(title: string, headings: readonly string[]): string | null {
  const m = /^(.{2,40}?)(?:\s*[:|｜]\s+|\s+[-–—]\s+)(.+)$/u.exec(title);
  if (!m?.[1] || !m[2]) return null;
  const rest = m[2];
  return headings.some((h) => sameTitle(h, rest)) ? m[1].trim() : null;
}

/** The short last part of a page title ("Headline - Phoronix", "Headline_Section_好奇心日报"), or null. */
function titleSuffix(title: string): string | null {
  const parts = title.split(/\s+[|–—-]\s+|\s*[｜|_]\s*/).filter((p) => p.trim() !== '');
  const last = parts.at(-1)?.trim();
  const first = parts[0]?.trim() ?? '';
  if (parts.length < 2 || !last || last.length > 30 || first.length < last.length * 2) return null;
  return last;
}

function reconcile(name: string, tableName: string): string {
  const k = key(name);
  const t = key(tableName);
  if (k === t || t.includes(k)) return tableName;
  if (k.includes(t)) {
    const extra = name
      .replace(new RegExp(tableName.replace(/^the\s+/i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), ' ')
      .split(/[\s.]+/)
      .filter((w) => w !== '');
    return extra.every((w) => GENERIC_SITE_WORDS.test(w)) ? tableName : name;
  }
  // An unrelated single word is an edition or section label ("U.S." on reuters.com, "Magazine"); a
  // longer name is the publisher's own ("Associated Press" on apnews.com).
  return /\s/.test(name.trim()) ? name : tableName;
}

/** A site name as a reader knows it: no URL, no tagline, not a bare domain address. */
function cleanSiteName(raw: string, host: string | null): string | null {
  let s = raw.trim();
  if (/^https?:\/\//i.test(s) || /^www\./i.test(s)) return null;
  // "Site - The tagline" / "Site | Tagline": keep the part that names the domain, or the first.
  const parts = s.split(/\s+[|–—-]\s+|\s*｜\s*/);
  if (parts.length > 1) {
    const label = host ? key(host.split('.').slice(-2, -1)[0] ?? '') : '';
    s = parts.find((p) => label !== '' && key(p).includes(label)) ?? parts[0] ?? s;
  }
  s = s.replace(/\s+powered by\s+.*$/i, '').trim();
  // "NDTV.com", "BroadwayWorld.com": the brand without its address ending ("AL.com" stays whole).
  s = s.replace(/^(\p{L}[\p{L}\p{N}&'-]{2,})\.(?:com|net|org)$/iu, '$1');
  // "Spiceworks Inc": the company's legal form is not the publication's name.
  s = s.replace(/,?\s+(?:Inc|LLC|Ltd|GmbH|Corp|PLC|S\.A)\.?$/i, '');
  return s.length >= 2 && s.length <= 80 ? s : null;
}

/** The headline shown on the page: an <h1> that agrees with a stated title, else the stated titles. */
function titleOf(
  document: Doc,
  src: Sources,
  siteNames: string[],
): { title: string | null; heading: El | null } {
  const stated = [
    src.ld ? cleanField(src.ld.headline) : null,
    metaFirst(src.meta, ['og:title']),
    metaFirst(src.meta, ['twitter:title']),
    metaFirst(src.meta, ['title', 'headline', 'dc.title', 'sailthru.title', 'parsely-title']),
    cleanField(document.querySelector('title')?.textContent),
  ].filter((t): t is string => t !== null);
  let best: { title: string; score: number; heading: El } | null = null;
  for (const h of document.querySelectorAll('h1, [itemprop~="headline"]')) {
    if (h.tagName === 'META' || elsewhere(h as El)) continue;
    const shown = cleanField(h.textContent);
    if (!shown || shown.length < 4 || shown.length > 300 || namesSite(shown, siteNames)) continue;
    const score = Math.max(
      0,
      ...stated.flatMap((t) => [agreement(shown, t), agreement(shown, stripSiteName(t, siteNames))]),
    );
    if (score >= 0.5 && (!best || score > best.score)) best = { title: shown, score, heading: h as El };
  }
  if (best) return { title: best.title, heading: best.heading };
  const first = stated[0];
  return { title: first ? stripSiteName(first, siteNames) : null, heading: null };
}

// A date printed as "Updated ..." or "更新" is not the publication date.
const UPDATED_TEXT = /updat|modifi|更新|aktualisiert|mis à jour|actualizado/i;

/**
 * The date printed next to the headline (the visible dateline): the nearest short piece of text that
 * is a date, within a few elements before or after the headline.
 */
function datelineNear(document: Doc, heading: El | null): string | null {
  if (!heading) return null;
  const all = [...document.querySelectorAll('body *')] as El[];
  const at = all.indexOf(heading);
  if (at < 0) return null;
  let best: { date: string; distance: number } | null = null;
  for (let i = Math.max(0, at - 15); i < Math.min(all.length, at + 60); i++) {
    const el = all[i] as El;
    if (el === heading || heading.contains(el) || SKIP_TAGS.has(el.tagName)) continue;
    // Only the element's own text: a container's text is its children's.
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (own.length < 6 || own.length > 80 || UPDATED_TEXT.test(own) || elsewhere(el)) continue;
    const date = normaliseDate(own);
    const distance = Math.abs(i - at) + (i < at ? 5 : 0);
    if (date && (!best || distance < best.distance)) best = { date, distance };
  }
  return best?.date ?? null;
}
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

const BYLINE_CLASS =
  /(?:^|[\s_-])(?:by-?line\w*|author-?name|author|authors|article-author|post-author|entry-author|contributor\w*|writer|reporter)(?:$|[\s_-])|^byline|Byline|authorName|AuthorName/;
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|timestamp|published|pubdate|post-date|entry-date|article-date|publish-date|posted-on|time)(?:$|[\s_-])/i;
const NOT_PUBLISHED = /updat|modif|edited|revis|comment/i;

const AUTHOR_HREF =
  /\/(?:authors?|profiles?|staff|contributors?|writers?|reporters?|journalists?|by|autor|auteur|autore)\/[^/?#]+\/?(?:[?#].*)?$/i;

/** Names on the page's links to an author page (article:author gives the address, the link the name). */
function namesFromProfileLink(document: Doc, url: string, strict: BylineOptions): string[] {
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/$/, '');
  } catch {
    return [];
  }
  // A social profile (facebook.com/outlet) names no one; its link on the page says "Facebook".
  if (
    path === '' ||
    /(?:^|\.)(?:facebook|twitter|x|instagram|linkedin|youtube|tiktok)\.com$/i.test(new URL(url).hostname)
  ) {
    return [];
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = (a.getAttribute('href') ?? '').replace(/[?#].*$/, '').replace(/\/$/, '');
    if (href.endsWith(path)) {
      const names = bylineNames(text(a as El), strict);
      if (names.length > 0) return names;
    }
  }
  return [];
}

function authorOf(document: Doc, src: Sources, outlets: string[], heading: El | null): string | null {
  const strict = { outlets, strict: true };
  const loose = { outlets, strict: false };
  const fromLd = src.ld ? ldAuthors(src.ld.author) : { people: [], organisations: [] };
  const namesFrom = (elements: El[]) => [...new Set(elements.flatMap((el) => bylineNames(text(el), strict)))];
  const candidates: (() => string[])[] = [
    () => fromLd.people.flatMap((p) => bylineNames(p, loose)),
    () => {
      for (const k of AUTHOR_META) {
        const names = (src.meta.get(k) ?? []).flatMap((v) =>
          // article:author is often the author's page: the page's own link to it carries the name.
          /^https?:\/\//i.test(v)
            ? v.split(/\s*,\s*/).flatMap((u) => namesFromProfileLink(document, u, strict))
            : bylineNames(v, loose),
        );
        if (names.length > 0) return [...new Set(names)];
      }
      return [];
    },
    () => {
      // Every author in the first cluster: co-authors are marked up one by one.
      const marked = [...document.querySelectorAll('[itemprop~="author"]')].filter(
        (el) => el.tagName !== 'META' && !elsewhere(el as El, { tags: false }),
      ) as El[];
      const names = firstCluster(marked).flatMap((el) => {
        const named = el.querySelector('[itemprop~="name"]');
        return bylineNames(named?.getAttribute('content') ?? text((named as El | null) ?? el), strict);
      });
      return [...new Set(names)];
    },
    () =>
      namesFrom(
        firstCluster(
          [...document.querySelectorAll('a[rel~="author"]')].filter(
            (el) => !elsewhere(el as El, { tags: false }),
          ) as El[],
        ),
      ),
    () => visibleByline(document, heading, strict),
  ];
  for (const candidate of candidates) {
    const names = candidate();
    // More than five names in one credit is a list of tags or photo credits, not a byline.
    if (names.length > 0 && names.length <= 5) return joinNames(names);
  }
  return null;
}

/**
 * The byline printed with the story: byline-classed markup, links to author pages, or a short
 * "By ..." line. Related stories print bylines too (often in their own <article>), so of all the
 * candidates the one nearest the headline wins; without a headline, the first.
 */
function visibleByline(document: Doc, heading: El | null, options: BylineOptions): string[] {
  const all = [...document.querySelectorAll('body *')] as El[];
  const at = heading ? all.indexOf(heading) : -1;
  let best: { names: string[]; distance: number } | null = null;
  for (const [i, el] of all.entries()) {
    if (best && at < 0) break;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
    const value = text(el);
    const isByline =
      (el.tagName === 'ADDRESS' || BYLINE_CLASS.test(cls)) &&
      !/avatar|image|photo|bio|follow|social|comment|thumb/i.test(cls) &&
      (el.textContent?.length ?? 0) <= 300;
    const isAuthorLink = el.tagName === 'A' && AUTHOR_HREF.test(el.getAttribute('href') ?? '');
    const isByLine =
      ['DIV', 'P', 'SPAN', 'ADDRESS', 'LI'].includes(el.tagName) &&
      value.length <= 120 &&
      /^(?:By|BY|by)\s+\S/.test(value);
    if (!isByline && !isAuthorLink && !isByLine) continue;
    if (elsewhere(el)) continue;
    // A byline box holding links to author pages: the links carry the names, the rest is debris.
    const links = isByline
      ? ([...el.querySelectorAll('a[href]')] as El[]).filter((a) =>
          AUTHOR_HREF.test(a.getAttribute('href') ?? ''),
        )
      : [];
    const fromLinks = [...new Set(links.flatMap((a) => bylineNames(text(a), options)))];
    const names = fromLinks.length > 0 ? fromLinks : bylineNames(value, options);
    if (names.length === 0) continue;
    // Before the headline counts a little further away: bylines mostly follow it.
    const distance = at < 0 ? i : Math.abs(i - at) + (i < at ? 10 : 0);
    if (!best || distance < best.distance) best = { names, distance };
  }
  return best?.names ?? [];
}

function publishedOf(document: Doc, src: Sources, heading: El | null): string | null {
  const fromLd = src.ld ? normaliseDate(src.ld.datePublished) : null;
  if (fromLd) return fromLd;
  // A key stated twice (a page that also carries a related story's date) gives its earliest date.
  const fromMeta = PUBLISHED_META.map(
    (k) =>
      (src.meta.get(k) ?? [])
        .map(normaliseDate)
        .filter((d): d is string => d !== null)
        .sort()[0],
  ).find(Boolean);
  if (fromMeta) return fromMeta;
  const otherLd = src.ldAll.map((o) => normaliseDate(o.datePublished)).find(Boolean);
  if (otherLd) return otherLd;
  if (src.ld) {
    const created = normaliseDate(src.ld.dateCreated);
    if (created) return created;
  }
  for (const el of document.querySelectorAll('[itemprop~="datePublished"]')) {
    if (el.tagName === 'META' || elsewhere(el as El)) continue;
    const d = normaliseDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? text(el as El));
    if (d) return d;
  }
  // <time> elements: one marked as the publication time first, then the first in the story.
  const times = [...document.querySelectorAll('time')].filter((t) => !elsewhere(t as El));
  const marked = times.filter((t) => {
    const label = `${t.getAttribute('class') ?? ''} ${(t.parentElement as El | null)?.getAttribute('class') ?? ''}`;
    return t.hasAttribute('pubdate') || /publish|posted|byline|dateline/i.test(label);
  });
  for (const t of [...marked, ...times]) {
    const label = `${t.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''}`;
    if (NOT_PUBLISHED.test(label)) continue;
    const d = normaliseDate(t.getAttribute('datetime')) ?? normaliseDate(text(t as El));
    if (d) return d;
  }
  for (const el of document.querySelectorAll('[class]')) {
    const cls = el.getAttribute('class') ?? '';
    if (!DATE_CLASS.test(cls) || NOT_PUBLISHED.test(cls) || elsewhere(el as El)) continue;
    const value = text(el as El);
    if (value.length > 120 || /updat|modifi/i.test(value.slice(0, 20))) continue;
    const d = normaliseDate(
      value.replace(/^.*?(?:published|posted|veröffentlicht|publié)\s*:?\s*(?:on\s+)?/i, ''),
    );
    if (d) return d;
  }
  return datelineNear(document, heading);
}

/** A page's canonical address: the canonical link, og:url, the article's JSON-LD url. */
function urlOf(document: Doc, meta: Map<string, string[]>, ldAll: Json[]): string | null {
  return (
    normaliseUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ??
    normaliseUrl(metaFirst(meta, ['og:url', 'twitter:url'])) ??
    ldAll
      .filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)))
      .map(ldUrl)
      .find(Boolean) ??
    null
  );
}

/**
 * Reads a page's citation metadata (before any furniture is removed: bylines and dates sit in the
 * markup that removal takes away). Also returns the names the site goes by, for cleaning bylines
 * and titles found later.
 */
export function readPageMeta(document: Doc): {
  meta: ArticleMeta;
  siteNames: string[];
  /** The article's JSON-LD object, if any (its articleBody can stand in for a teaser page's text). */
  ld: Json | null;
} {
  const meta = metaTags(document);
  const ldAll = jsonLdObjects(document);
  const url = urlOf(document, meta, ldAll);
  const src: Sources = { ld: articleLd(ldAll, url), ldAll, meta, url };
  const titles = [
    src.ld ? cleanField(src.ld.headline) : null,
    metaFirst(meta, ['og:title']),
    cleanField(document.querySelector('title')?.textContent),
  ].filter((t): t is string => t !== null);
  const headings = [...document.querySelectorAll('h1, h2, h3')]
    .slice(0, 20)
    .map((h) => cleanField(h.textContent))
    .filter((h): h is string => h !== null);
  const { outlet, names } = outletOf(
    src,
    [...titles, ...headings.slice(0, 3)],
    cleanField(document.querySelector('title')?.textContent),
    headings,
  );
  const siteNames = [...new Set([...(outlet ? [outlet] : []), ...names])];
  const { title, heading } = titleOf(document, src, siteNames);
  return {
    meta: {
      title,
      // A credit that names only an organisation ("author": {"@type": "Organization"}) is the outlet's.
      outlet: outlet ?? (src.ld ? (ldAuthors(src.ld.author).organisations[0] ?? null) : null),
      url,
      published: publishedOf(document, src, heading),
      author: authorOf(document, src, siteNames, heading),
    },
    siteNames,
    ld: src.ld,
  };
}
