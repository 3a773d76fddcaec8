/** The sentences around a quote or fact in its article, so a reporter can judge it without opening the article. */
import { splitSentences } from '../extract/sentences.ts';
import type { CorpusArticle } from '../types.ts';

/** Longest context returned; a run-on "sentence" in a badly cleaned file should not flood a chat message. */
const MAX_CONTEXT_CHARS = 1200;

/**
 * The sentence before the item, the sentence(s) holding it, and the sentence after, as one passage.
 * Crosses paragraph boundaries when the item opens or closes its paragraph. Empty when offsets are unusable.
 */
export function contextOf(article: CorpusArticle, paragraph: number, start: number, end: number): string {
  const paras = article.paragraphs ?? [];
  const para = paras[paragraph];
  if (typeof para !== 'string') return '';
  const sentences = splitSentences(para);
  if (sentences.length === 0) return '';
  // A multi-paragraph quote's end lies in a later paragraph; then the item runs to the end of this one.
  const endInPara = end > start && end <= para.length ? end : para.length;
  let first = sentences.findIndex((s) => s.end > start);
  if (first < 0) first = sentences.length - 1;
  let last = first;
  while (last + 1 < sentences.length && (sentences[last + 1]?.start ?? Infinity) < endInPara) last++;

  const before = first > 0 ? sentences[first - 1]?.text : lastSentence(paras[paragraph - 1]);
  const after =
    last + 1 < sentences.length
      ? sentences[last + 1]?.text
      : firstSentence(paras[paragraph + 1], end > para.length);
  const middle = para.slice(sentences[first]?.start ?? 0, sentences[last]?.end ?? para.length);
  const text = [before, middle, after].filter((s): s is string => Boolean(s?.trim())).join(' ');
  return text.length > MAX_CONTEXT_CHARS ? `${text.slice(0, MAX_CONTEXT_CHARS - 1)}…` : text;
}

function lastSentence(para: string | undefined): string | undefined {
  if (!para) return undefined;
  const s = splitSentences(para);
  return s[s.length - 1]?.text;
}

function firstSentence(para: string | undefined, skip: boolean): string | undefined {
  // When the item itself continues into the next paragraph, that paragraph is not "after" it.
  if (!para || skip) return undefined;
  return splitSentences(para)[0]?.text;
}
