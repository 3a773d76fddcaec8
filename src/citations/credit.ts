/** One-line AP-style credit lines built only from the data: missing metadata is said to be missing, never invented. */
import type { ArticleRef } from '../search/types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2018-07-16` -> `July 16, 2018`; null or malformed -> null. */
export function formatDateLong(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return null;
  return `${month} ${Number(m[3])}, ${m[1]}`;
}

export interface CreditSubject {
  type: 'quote' | 'fact';
  speaker: string | null;
  /** Where or how it was said, only when the article says so (`in Helsinki`, `in a tweet`): see setting.ts. */
  setting?: string | null;
}

/**
 * `Vladimir Putin said, TechCrunch reported July 16, 2018.` (with a setting: `Vladimir Putin said in Helsinki, ...`) for a quote; `TechCrunch reported July 16, 2018.`
 * for a fact. Unknown outlet or date are named as unknown.
 */
export function creditLine(subject: CreditSubject, article: ArticleRef): string {
  const outlet = article.outlet ?? 'an unknown outlet';
  const date = formatDateLong(article.published);
  const reported = date ? `${outlet} reported ${date}` : `${outlet} reported (date unknown)`;
  const setting = subject.setting ? ` ${subject.setting}` : '';
  if (subject.type === 'quote' && subject.speaker) return `${subject.speaker} said${setting}, ${reported}.`;
  if (subject.type === 'quote') return `An unnamed speaker was quoted${setting}, ${reported}.`;
  return `${reported.charAt(0).toUpperCase()}${reported.slice(1)}.`;
}
