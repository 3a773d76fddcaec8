/**
 * Corrections: when an added article comes back changed, which of its quotes changed wording and which vanished.
 * A quote of the earlier version is matched to the new version's quote sharing most of its words (by the same
 * speaker when both are known); half its words or more is the same quote reworded, less is a quote removed.
 */
import type { Quote, QuoteKind } from '../types.ts';

export interface QuoteCorrection {
  kind: 'changed' | 'removed';
  /** When the changed version was fetched (ISO). */
  at: string;
  speaker: string | null;
  /** Direct or indirect (a paraphrase is never shown in quotation marks, earlier wording included). */
  quoteKind: QuoteKind;
  /** The extractor's confidence in the speaker (the trust rules decide whether the name is shown). */
  confidence: number;
  /** The wording before. */
  earlier: string;
  /** The wording now (changed), or null (removed). */
  now: string | null;
}

/** Words shared with a new quote, as a share of the longer one, from which it is the same quote reworded. */
export const SAME_QUOTE_MIN = 0.5;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Shared words over the longer quote's count (each word counted as often as both have it). */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared / Math.max(wa.length, wb.length);
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

/** What happened to each quote of `before` in `after`. Quotes kept word for word are not listed. */
export function compareQuotes(
  before: readonly Quote[],
  after: readonly Quote[],
  at: string,
): QuoteCorrection[] {
  const out: QuoteCorrection[] = [];
  const kept = new Set(after.map((q) => norm(q.text)));
  const used = new Set<number>();
  for (const old of before) {
    if (kept.has(norm(old.text))) continue;
    let best = -1;
    let bestScore = 0;
    after.forEach((q, i) => {
      if (used.has(i) || kept.has(norm(old.text))) return;
      if (old.speaker && q.speaker && old.speaker !== q.speaker) return;
      const score = overlap(old.text, q.text);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    const match = best >= 0 && bestScore >= SAME_QUOTE_MIN ? after[best] : undefined;
    if (match && !before.some((b) => norm(b.text) === norm(match.text))) {
      used.add(best);
      out.push({
        kind: 'changed',
        at,
        speaker: match.speaker ?? old.speaker,
        quoteKind: old.kind,
        confidence: match.confidence,
        earlier: old.text,
        now: match.text,
      });
    } else
      out.push({
        kind: 'removed',
        at,
        speaker: old.speaker,
        quoteKind: old.kind,
        confidence: old.confidence,
        earlier: old.text,
        now: null,
      });
  }
  return out;
}
