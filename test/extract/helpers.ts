import { extract } from '../../src/extract/index.ts';
import type { Article, Extraction, Quote } from '../../src/types.ts';

/** An article made of the given paragraphs (metadata irrelevant to extraction). */
export function article(...paragraphs: string[]): Article {
  return {
    id: 't.txt',
    source: 't.txt',
    format: 'txt',
    title: null,
    outlet: null,
    url: null,
    published: null,
    author: null,
    paragraphs,
  };
}

/** Extracts and checks that every quote and fact slices back out of its paragraph. */
export function run(...paragraphs: string[]): Extraction {
  const a = article(...paragraphs);
  const ex = extract(a);
  for (const q of ex.quotes) {
    const para = paragraphs[q.paragraph] ?? '';
    if (!q.text.includes(' ') || !isMultiParagraph(q, paragraphs)) {
      if (para.slice(q.start, q.end) !== q.text)
        throw new Error(`offsets do not slice back to ${JSON.stringify(q.text)}`);
    }
    if (q.confidence < 0 || q.confidence > 1) throw new Error('confidence out of range');
  }
  for (const f of ex.facts) {
    if (paragraphs[f.paragraph]?.slice(f.start, f.end) !== f.text)
      throw new Error('fact offsets do not slice back');
  }
  return ex;
}

function isMultiParagraph(q: Quote, paragraphs: string[]): boolean {
  return (paragraphs[q.paragraph] ?? '').slice(q.start, q.end) !== q.text && q.end <= q.start + q.text.length;
}

/** The direct quotes as [text, speaker] pairs. */
export const direct = (ex: Extraction): Array<[string, string | null]> =>
  ex.quotes.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker]);

/** The indirect quotes as [text, speaker] pairs. */
export const indirect = (ex: Extraction): Array<[string, string | null]> =>
  ex.quotes.filter((q) => q.kind === 'indirect').map((q) => [q.text, q.speaker]);
