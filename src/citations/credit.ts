/** One-line AP-style credit lines built only from the data: missing metadata is said to be missing, never invented. */
import type { ArticleRef } from '../search/types.ts';
import { speakerDisplay } from '../trust.ts';
import type { QuoteKind } from '../types.ts';

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
  /** The speaker as the caller found it. With `confidence` given, it is named only when speakerDisplay allows. */
  speaker: string | null;
  /** Where or how it was said, only when the article says so (`in Helsinki`, `in a tweet`): see setting.ts. */
  setting?: string | null;
  /** `indirect` marks a paraphrase: the line then says so and never presents the words as the speaker's. */
  kind?: QuoteKind | null;
  /** The extractor's confidence in the speaker; when given, a name below SPEAKER_SHOWN_MIN is left out. */
  confidence?: number | null;
}

/** Prefix of every credit line for a paraphrase (an indirect quote). */
export const PARAPHRASE_CREDIT_PREFIX = 'Paraphrase, not a direct quote:';

/**
 * A credit line a reporter can paste as it is: a complete sentence built only from what is known, with no
 * placeholder such as "(date unknown)" inside it; the citation beside it says what is missing.
 *
 * - `Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.`
 * - `Vladimir Putin said, according to a report published July 16, 2018.` (outlet unknown)
 * - `Donald Trump said, according to a published report.` (outlet and date unknown)
 * - `As quoted by TechCrunch July 16, 2018.` (a quote whose speaker is unknown or unclear: nobody is named)
 * - `TechCrunch reported July 16, 2018.` / `According to a published report.` (a fact)
 * - `Paraphrase, not a direct quote: Vladimir Putin said, TechCrunch reported July 16, 2018.` (an indirect quote)
 */
export function creditLine(subject: CreditSubject, article: ArticleRef): string {
  const outlet = article.outlet?.trim() || null;
  const date = formatDateLong(article.published);
  const speaker =
    subject.type !== 'quote'
      ? null
      : subject.confidence !== undefined
        ? speakerDisplay(subject.speaker, subject.confidence).name
        : subject.speaker?.trim() || null;
  const setting = subject.setting?.trim() ? ` ${subject.setting.trim()}` : '';
  let line: string;
  if (speaker) {
    const source = outlet
      ? `${outlet} reported${date ? ` ${date}` : ''}`
      : `according to ${date ? `a report published ${date}` : 'a published report'}`;
    line = `${speaker} said${setting}, ${source}.`;
  } else if (subject.type === 'quote' && subject.kind !== 'indirect') {
    line = outlet
      ? `As quoted by ${outlet}${date ? ` ${date}` : ''}.`
      : `As quoted in ${date ? `a report published ${date}` : 'a published report'}.`;
  } else {
    line = outlet
      ? `${outlet} reported${date ? ` ${date}` : ''}.`
      : `According to ${date ? `a report published ${date}` : 'a published report'}.`;
  }
  if (subject.type === 'quote' && subject.kind === 'indirect') return `${PARAPHRASE_CREDIT_PREFIX} ${line}`;
  // A speaker can start in lower case (`the city council`); a sentence cannot.
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
}
