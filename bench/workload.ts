/**
 * The real-text workload: questions of the kinds reporters type and quote checks, drawn (seeded) from any corpus:
 * the generated news corpus of bench/news.ts, or a real folder of articles loaded at run time (`--real DIR`; real
 * text is never committed). Each question names the quote it is looking for.
 *
 * Question kinds (shares): half-remembered wording (30%: 5–8 consecutive words, one dropped and two swapped),
 * typo (20%: 3–5 content words, one misspelt), speaker and topic (20%: the speaker's surname and 2–3 content
 * words), filter (15%: 3 content words with `speaker:SURNAME`, `after:DATE` or `type:quote`), pasted (15%: 6–10
 * consecutive words as printed, stop words and all).
 *
 * Quote checks: the whole quote (40%, expect exact), a part of it of 6+ words (20%, exact), the quote with one
 * word changed (20%, close or exact when the change is folded away), and an invented sentence of news words (20%,
 * expect not_found).
 */
import { STOP_WORDS, words } from '../src/search/normalize.ts';
import type { Corpus, CorpusArticle, Quote } from '../src/types.ts';
import { prng, typo } from './synth.ts';

export type QueryKind = 'remembered' | 'typo' | 'speaker' | 'filter' | 'pasted';

export interface WorkQuery {
  kind: QueryKind;
  query: string;
  articleId: string;
  text: string;
}

export type CheckKind = 'whole' | 'part' | 'changed' | 'invented';

export interface QuoteCheck {
  kind: CheckKind;
  text: string;
  /** What a correct quote check answers. `changed` accepts exact too (a change may fold away). */
  expect: 'exact' | 'close' | 'not_found';
}

interface Pick {
  art: CorpusArticle;
  quote: Quote;
  ws: string[];
}

/** Direct quotes of at least `min` words with a named speaker, for sampling. */
function pool(corpus: Corpus, min: number): Pick[] {
  const out: Pick[] = [];
  for (const art of corpus.articles)
    for (const quote of art.quotes) {
      if (quote.kind !== 'direct' || !quote.speaker) continue;
      const ws = words(quote.text);
      if (ws.length >= min && ws.filter((w) => !STOP_WORDS.has(w)).length >= 4) out.push({ art, quote, ws });
    }
  return out;
}

/** `n` reporter questions, each with the quote it is after. */
export function reporterQueries(corpus: Corpus, n: number, seed = 11): WorkQuery[] {
  const rand = prng(seed);
  const quotes = pool(corpus, 8);
  if (quotes.length === 0) return [];
  const out: WorkQuery[] = [];
  while (out.length < n) {
    const { art, quote, ws } = quotes[Math.floor(rand() * quotes.length)] as Pick;
    const content = ws.filter((w) => !STOP_WORDS.has(w) && w.length > 1);
    const r = rand();
    const kind: QueryKind =
      r < 0.3 ? 'remembered' : r < 0.5 ? 'typo' : r < 0.7 ? 'speaker' : r < 0.85 ? 'filter' : 'pasted';
    const span = (min: number, max: number, from: string[]): string[] => {
      const len = Math.min(from.length, min + Math.floor(rand() * (max - min + 1)));
      const at = Math.floor(rand() * (from.length - len + 1));
      return from.slice(at, at + len);
    };
    let q: string[];
    const surname = (quote.speaker as string).split(/\s+/).pop() as string;
    if (kind === 'remembered') {
      q = span(5, 8, ws);
      q.splice(1 + Math.floor(rand() * (q.length - 1)), 1);
      const k = Math.floor(rand() * (q.length - 1));
      [q[k], q[k + 1]] = [q[k + 1] as string, q[k] as string];
    } else if (kind === 'typo') {
      q = span(3, 5, content);
      const k = Math.floor(rand() * q.length);
      q[k] = typo(rand, q[k] as string);
    } else if (kind === 'speaker') {
      q = [surname, ...span(2, 3, content)];
    } else if (kind === 'filter') {
      q = span(3, 3, content);
      const f = Math.floor(rand() * 3);
      if (f === 0) q.push(`speaker:${surname}`);
      else if (f === 1 && art.published) q.push(`after:${art.published.slice(0, 4)}-01-01`);
      else q.push('type:quote');
    } else q = span(6, 10, ws);
    out.push({ kind, query: q.join(' '), articleId: art.id, text: quote.text });
  }
  return out;
}

/** `n` quote checks with the verdict a correct check gives. */
export function quoteChecks(corpus: Corpus, n: number, seed = 13): QuoteCheck[] {
  const rand = prng(seed);
  const quotes = pool(corpus, 6);
  if (quotes.length === 0) return [];
  const vocab: string[] = [];
  for (const { ws } of quotes.slice(0, 2000)) for (const w of ws) vocab.push(w);
  const out: QuoteCheck[] = [];
  while (out.length < n) {
    const { quote, ws } = quotes[Math.floor(rand() * quotes.length)] as Pick;
    const r = rand();
    if (r < 0.4) out.push({ kind: 'whole', text: quote.text, expect: 'exact' });
    else if (r < 0.6) {
      const len = 6 + Math.floor(rand() * Math.max(1, ws.length - 6));
      const at = Math.floor(rand() * (ws.length - len + 1));
      out.push({ kind: 'part', text: ws.slice(at, at + len).join(' '), expect: 'exact' });
    } else if (r < 0.8) {
      if (ws.length < 10) continue;
      const changed = [...ws];
      const k = Math.floor(rand() * changed.length);
      changed[k] = 'substantially';
      out.push({ kind: 'changed', text: changed.join(' '), expect: 'close' });
    } else {
      const len = 10 + Math.floor(rand() * 15);
      const made: string[] = [];
      for (let k = 0; k < len; k++) made.push(vocab[Math.floor(rand() * vocab.length)] as string);
      out.push({ kind: 'invented', text: made.join(' '), expect: 'not_found' });
    }
  }
  return out;
}
