/**
 * Bylines as pages print them, cleaned to the names a reporter would cite. Pages glue all sorts of
 * debris to a name: `By`, dates and times ("Updated Mar. 9, 2019, 5:12 p.m."), reading times, job
 * titles ("Staff Writer", glued as in "Maria DunnStaff Writer"), handles and e-mail addresses,
 * the outlet's own name ("Paul Dunn · CBC News"), "More stories by ...", section labels. What is left
 * must look like a person's name; otherwise there is no author.
 */

import { OUTLETS, WIRE_AGENCIES } from './outlets.ts';

/** Titles and roles printed after a name ("Senior Politics Editor", "Staff Writer", "CEO"). */
const ROLE =
  '(?:(?:senior|chief|deputy|associate|assistant|executive|managing|contributing|staff|political|national|foreign|special|tv|opinion|news|sports|politics|business|tech|technology|science|health|white house|washington|investigations?|digital|global|video|photo|audio)\\s+){0,3}(?:editor(?:-at-large)?|writer|reporter|correspondent|columnist|producer|contributor|photographer|illustrator|ceo|founder|co-founder|intern|critic|analyst|anchor)s?';
const ROLE_RE = new RegExp(`(?:^|\\s|(?<=\\p{Ll}))${ROLE}(?=$|[\\s,.;:|·])`, 'iu');
// Glued roles must start with a capital ("DunnStaff Writer", "ReyesCEO").
const GLUED_ROLE_RE =
  /(?<=\p{Ll})(?:Staff Writer|Staff Reporter|Senior \w+|Contributing \w+|Contributor|Columnist|Correspondent|Reporter|Writer|Editor|Opinion \w+|TV Columnist|CEO|Founder)\b.*$/u;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?';
/** Where printed debris starts: dates, times, "Updated", reading times, follow prompts. */
const DEBRIS_RE = new RegExp(
  [
    `\\b${WEEKDAY}\\s+${MONTH}\\b`,
    `(?:^|\\s|(?<=\\p{Ll}))${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}\\b`,
    '\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b',
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\d{4}\\s*年',
    '(?:\\b|(?<=\\p{Ll}))(?:(?:last\\s+)?updated|published|posted|modified|created|aktualisiert|mis à jour|publié le)\\b',
    '\\b\\d+\\s*(?:-\\s*)?(?:min(?:ute)?s?|minuten)\\.?\\s+(?:read|lesezeit|de lecture)\\b',
    '\\b(?:lesedauer|reading time|lesezeit)\\b',
    '\\bmore (?:stories|articles|from|by)\\b',
    '\\b(?:follow|view profile|see full bio|watch live|email the author|contact the author|read bio)\\b',
    '\\b\\d+\\s+comments?\\b',
    '\\bin\\s+[A-Z][\\w&-]*\\s+on\\b',
    '\\b(?:illustrations?|photo(?:graph)?s?|images?|video|graphics?|animation)\\s+(?:by|from)\\b',
    '\\btranslated by\\b|\\btranslation\\b|翻訳者?|訳',
  ].join('|'),
  'iu',
);
const LEADING_RE =
  /^(?:By(?=\p{Lu})|(?:(?:written|words|story|text|reporting|posted|compiled|edited|published)\s+by|by|par|von|por|di|door|av|af|text|texto|autor(?:in)?|author|auteur)(?:\s*[:：]\s*|\s+)|(?:文|著者|作者|記者|筆者)\s*[●・:：]?\s*|(?:lesedauer|lesezeit|reading time)\s*:?\s*\d+\s*\p{L}+\.?\s*|\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\s*)/iu;
/** Parts that are never a person: staff credits, desks, companies, generic labels. */
const NOT_A_PERSON = new RegExp(
  [
    '^(?:by|staff|editor|editors|admin|administrator|guest|anonymous|unknown|team|news desk|newsroom|web desk|digital desk)$',
    '\\b(?:staff|desk|team|submissions?|editors|editorial|newsroom|reporters|contributors|wire services?|編集部)$',
    '^(?:follow|share|email|e-mail|comments?|subscribe|sign in|log in|more|print|copy link|in email)\\b',
    '^(?:facebook|twitter|instagram|linkedin|youtube|tiktok|whatsapp|reddit|pinterest|rss)$',
    // Organisations: "The Huffington Post", companies, desks.
    '^the\\s',
    '\\b(?:inc|llc|ltd|gmbh|corp|plc|s\\.a|ag|co)\\.?$',
    '^(?:zone|service|rédaction|redaktion|équipe|desk|bureau)\\b',
    '^(?:condé nast|conde nast|hearst|gannett|meredith|dotdash|vox media|g/o media|penske media|mediagene|future plc|axel springer|advance local|news corp|valnet|tribune publishing|yahoo)\\b',
  ].join('|'),
  'iu',
);
// Labels printed where bylines go on Chinese and Japanese pages (profile, privacy policy, log in...).
const CJK_LABELS =
  /^(?:名片|个人|個人|简介|簡介|作者|记者|記者|编辑|編集|プロフィール|プライバシーポリシー|利用規約|ログイン|ログアウト|ホーム|首页|首頁|登录|登入|注册|關於|关于|人氣|人气|著作権|版权|版權|分享|留言|回覆|标签|標籤|分类|分類|订阅|訂閱|关注|關注|ランキング|コメント|シェア)$/u;
// Degrees and post-nominals after a name ("Brenda Ashcombe, MA").
const DEGREE =
  /^(?:MA|MS|MSc|MD|PhD|Ph\.D\.?|RN|MPH|MBA|DO|DDS|JD|BSN|MSN|FACP|LCSW|CPA|CFA|Esq\.?|Jr\.?|Sr\.?)$/;
// A name printed in capitals ("JEFFREY GETTLEMAN"): shown in the usual case; initials ("KT") stay.
const SHOUTED = /^(?=.*\p{Lu}{3})[\p{Lu}\s.'-]+$/u;
const PARTICLES = new Set(
  'de del della der den di da do dos das du la le van von ter ten bin ibn al el y e of st st. mc mac dit'.split(
    ' ',
  ),
);

export interface BylineOptions {
  /** Names of the outlet (site name, publisher, known outlets) that must not pass for a person. */
  outlets?: readonly string[];
  /**
   * Structured sources (JSON-LD, meta tags) state a name on purpose: lower-case names pass. Visible
   * markup must look like a name (capitalised words or a non-Latin script).
   */
  strict?: boolean;
}

const KNOWN_OUTLETS = new Set(
  [
    ...Object.values(OUTLETS),
    ...Object.values(WIRE_AGENCIES),
    ...Object.keys(WIRE_AGENCIES),
    'Associated Press',
  ].map((name) => key(name)),
);

function key(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `part` is (only) one of the outlet names. */
function isOutlet(part: string, outlets: readonly string[]): boolean {
  const k = key(part);
  if (k === '') return false;
  if (KNOWN_OUTLETS.has(k) || outlets.some((o) => key(o) === k)) return true;
  // The first words of the outlet's name ("ITmedia" of "ITmedia PC USER").
  const words = part.trim().toLowerCase().split(/\s+/);
  return outlets.some((o) => {
    const ow = o.trim().toLowerCase().split(/\s+/);
    return ow.length > words.length && words.every((w, i) => ow[i] === w);
  });
}

/** Strips an outlet name glued or appended to the end of a name ("Joe DavidsonWashington Post"). */
function stripTrailingOutlet(part: string, outlets: readonly string[]): string {
  for (const outlet of outlets) {
    const bare = outlet.replace(/^the\s+/i, '');
    if (bare.length < 3) continue;
    const i = part.toLowerCase().lastIndexOf(bare.toLowerCase());
    if (i > 0 && i + bare.length === part.length) {
      const before = part.slice(0, i).replace(/(?:\s*[,|·/-]\s*|\s+the\s*|\s+)$/i, '');
      if (before.length >= 2) return before;
    }
  }
  return part;
}

/** True when a cleaned part reads as a person's name. */
function looksLikeName(part: string, strict: boolean): boolean {
  if (part.length < 2 || part.length > 60) return false;
  if (/[\d@#/\\<>{}=_]|https?:|www\./i.test(part)) return false;
  if (/[\p{Extended_Pictographic}\p{So}]/u.test(part)) return false;
  if (/\p{L}{2,}\.\p{L}{2,}/u.test(part)) return false;
  if (NOT_A_PERSON.test(part)) return false;
  // A script without case (Japanese, Chinese, Korean...): short runs are names.
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・\s]+$/u.test(part)) {
    return !CJK_LABELS.test(part) && part.replace(/\s/g, '').length <= (strict ? 8 : 12);
  }
  const words = part.split(/\s+/);
  if (words.length > 6) return false;
  if (!strict) return /\p{L}/u.test(part);
  // Words run together ("GoslingGQCelebrities") are tags or navigation glued by the markup.
  if (/\p{Ll}\p{Lu}{2,}/u.test(part)) return false;
  return words.every(
    (w) => PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}\p{Lt}]/u.test(w) || /^[\p{Lu}][.]/u.test(w),
  );
}

/** Removes a repeated name ("Nora Fallow Nora Fallow Opinion writer"). */
function dedupeRepeat(s: string): string {
  const words = s.split(/\s+/);
  for (let n = Math.floor(words.length / 2); n >= 1; n--) {
    if (words.slice(0, n).join(' ') === words.slice(n, 2 * n).join(' ')) {
      return [...words.slice(0, n), ...words.slice(2 * n)].join(' ');
    }
  }
  return s;
}

/** Cleans one name-sized part; null when nothing name-like is left. */
function cleanPart(raw: string, options: BylineOptions): string | null {
  const outlets = options.outlets ?? [];
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s[\]《》【】「」()（）"“”'‘’*•·|:：,-]+|[\s[\]《》【】「」()（）"“”'‘’*•·|:：,-]+$/gu, '');
  // Debris glued to a name without a space: "Jakob FallowAug 8", "Tom DiFenwick@handle".
  s = s.replace(new RegExp(`(?<=\\p{Ll})(?=${MONTH}\\.?\\s*\\d)`, 'u'), ' ');
  s = s.replace(/\S+@\S+\.\p{L}{2,}/gu, '').replace(/\s*@.*$/u, '');
  for (;;) {
    const before = s;
    s = s.replace(LEADING_RE, '').trim();
    if (s === before) break;
  }
  s = dedupeRepeat(s);
  const debris = DEBRIS_RE.exec(s);
  if (debris) s = s.slice(0, debris.index);
  s = s.replace(GLUED_ROLE_RE, '');
  const role = ROLE_RE.exec(s);
  if (role && role.index > 0) s = s.slice(0, role.index);
  s = s.replace(/\s*[(（[【].*$/u, '');
  s = s.replace(/[\s,.;:|·•/-]+$/u, '').trim();
  if (s === '' || isOutlet(s, outlets) || /\p{L}{2,}\.\p{L}{2,}/u.test(s)) return null;
  s = stripTrailingOutlet(s, outlets).trim();
  if (s === '' || isOutlet(s, outlets)) return null;
  if (!looksLikeName(s, options.strict ?? false)) return null;
  return SHOUTED.test(s)
    ? s.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_, b, c) => b + c.toUpperCase())
    : s;
}

/**
 * The names in a byline, cleaned; empty when it names nobody (a date, a staff credit, the outlet
 * alone). Several authors stay separate ("A, B and C" is three names).
 */
export function bylineNames(raw: string, options: BylineOptions = {}): string[] {
  const text = raw
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || /^https?:\/\//i.test(text)) return [];
  // Segments separated by a pipe, bullet or middle dot carry one thing each (section, names, outlet,
  // date). The first segment with names wins: later ones are the outlet, a date or a location.
  // "Penrose, Steve" (surname first, as some CMSs store it) is one person.
  const inverted = /^(\p{Lu}[\p{L}'-]+),\s*(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}\.)?)$/u.exec(text);
  if (inverted?.[1] && inverted[2] && !isOutlet(inverted[1], options.outlets ?? [])) {
    return bylineNames(`${inverted[2]} ${inverted[1]}`, options);
  }
  // "(avec Damien Briggs et Morgane Reyes)" names co-authors; any other aside in brackets is a place,
  // a role or a middle name ("Bruno (Henrique Fallow) Dunn") and goes.
  const unbracketed = text
    .replace(/\s*[(（]\s*(?:avec|with|and|et|mit|und|con|y|e)\s+([^()（）]+)[)）]/giu, ', $1')
    .replace(/\s*[(（[【《][^()（）[\]【】《》]{0,60}[)）\]】》](?=\s*\S)/gu, ' ');
  const segments = unbracketed.split(/\s+[-–—]\s+|\s+[|·•]\s+|\s*[|｜]\s*|\s+\/\s+|\s*[／]\s*/u);
  for (const [i, whole] of segments.entries()) {
    let segment = whole;
    // A photo or illustration credit is not a byline.
    if (/^(?:photo(?:graph)?s?|illustrations?|images?|video|graphics?)\s*(?:by|from|credit|:)/i.test(segment))
      continue;
    // "March 3, 2019 at 4:15 PM ET by Tessa Quill": the name follows the last "by" after debris.
    const by = /^(.*\S)\s+by\s+(\S.*)$/iu.exec(segment);
    if (by?.[1] && by[2] && (DEBRIS_RE.test(by[1]) || /\d/.test(by[1]))) segment = by[2];
    for (let before = ''; before !== segment; ) {
      before = segment;
      segment = segment.replace(LEADING_RE, '').trim();
    }
    // Whatever follows a date or "Published in ..." is not a name any more.
    const debris = DEBRIS_RE.exec(segment);
    if (debris) segment = segment.slice(0, debris.index);
    // Two names run together by the page's markup ("Paul DoverFatima Quill") are two names.
    segment = segment.replace(
      /(?<=\p{Lu}\p{Ll}{3,})(?=\p{Lu}\p{Ll}+\s+\p{Lu})(?!(?:Staff|Senior|Contributing|Opinion|Special|Contributor|Columnist|Correspondent|Reporter|Writer|Editor)\b)/gu,
      ', ',
    );
    const pieces = segment
      .replace(LEADING_RE, '')
      .split(/\s*(?:,|，|、|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/u);
    const parts = pieces
      .map((p) => cleanPart(p, options))
      .filter((p): p is string => p !== null && !DEGREE.test(p))
      // Split off a longer credit, a part in lower case is a phrase ("faits divers"), not a name.
      .filter((p) => pieces.length === 1 || !/^[\p{Ll}\s'-]+$/u.test(p));
    if (parts.length > 0) {
      // A one-word label before the names ("Politik · Jochen Reyes") is a section.
      if (parts.length === 1 && !/\s/.test(parts[0] ?? '') && segments.length > 1) {
        const rest = segments.slice(i + 1).join(' | ');
        const later = rest ? bylineNames(rest, options) : [];
        if (later.some((n) => /\s/.test(n))) return later;
      }
      return [...new Set(parts)];
    }
  }
  return [];
}

/** Several names joined for display: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
