/**
 * Builders for the Reply tree. `card()` is the only way commands make a Reply, so every Reply gets a
 * fallback computed from its own blocks and the two can never drift apart.
 */
import type { DiffPart } from '../search/types.ts';
import { speakerDisplay } from '../trust.ts';
import type { QuoteKind } from '../types.ts';
import { toPlainText } from './plain.ts';
import type { QuoteBlock, Reply, ReplyAction, ReplyBlock, ReplyStatus, SourceRefLike } from './types.ts';

/** Builds a Reply and computes its plain-text fallback. */
export function card(parts: {
  title: string;
  status?: ReplyStatus;
  blocks?: ReplyBlock[];
  actions?: ReplyAction[];
}): Reply {
  const reply: Reply = {
    status: parts.status ?? 'ok',
    title: parts.title,
    blocks: parts.blocks ?? [],
    actions: parts.actions ?? [],
    fallback: '',
  };
  reply.fallback = toPlainText(reply);
  return reply;
}

/** Returns a copy with blocks appended/prepended and the fallback recomputed. */
export function withBlocks(
  reply: Reply,
  extra: { before?: ReplyBlock[]; after?: ReplyBlock[]; actions?: ReplyAction[] },
): Reply {
  return card({
    title: reply.title,
    status: reply.status,
    blocks: [...(extra.before ?? []), ...reply.blocks, ...(extra.after ?? [])],
    actions: extra.actions ?? reply.actions,
  });
}

/** A short bold line. */
export const heading = (text: string): ReplyBlock => ({ type: 'heading', text });
/** A plain paragraph. */
export const text = (value: string): ReplyBlock => ({ type: 'text', text: value });
/** The quote set off as a quote, with its speaker (null: shown as unknown) and role. */
export const quote = (value: string, speaker: string | null, role: string | null = null): ReplyBlock => ({
  type: 'quote',
  text: value,
  speaker,
  role,
});
/** What a quote block is built from: a search result or a verify match. */
export interface QuotedItem {
  text: string;
  speaker: string | null;
  role: string | null;
  kind?: QuoteKind | null;
  confidence?: number | null;
}

/**
 * A quote block under the trust rules: the speaker is named only at or above SPEAKER_SHOWN_MIN (else offered as
 * "possibly"), and an indirect quote becomes a paraphrase block.
 */
export function quoted(item: QuotedItem): QuoteBlock {
  const shown = speakerDisplay(item.speaker, item.confidence);
  return {
    type: 'quote',
    text: item.text,
    speaker: shown.name,
    role: shown.name ? item.role : null,
    possibly: shown.possibly,
    paraphrase: item.kind === 'indirect',
  };
}
/** A fact sentence. */
export const fact = (value: string): ReplyBlock => ({ type: 'fact', text: value });
/** Smaller supporting text: surrounding sentences, page lines, notes. */
export const context = (value: string): ReplyBlock => ({ type: 'context', text: value });
/** The source article and its copy-ready credit line. */
export const citation = (source: SourceRefLike, credit: string | null): ReplyBlock => ({
  type: 'citation',
  source,
  credit,
});
/** Label/value pairs. */
export const fields = (pairs: { label: string; value: string }[]): ReplyBlock => ({
  type: 'fields',
  fields: pairs,
});
/** A word diff (quote check): `delete` is the reporter's only, `insert` the article's only. */
export const diff = (parts: DiffPart[]): ReplyBlock => ({ type: 'diff', parts });
/** Short items, one per line. */
export const list = (items: string[]): ReplyBlock => ({ type: 'list', items });
/** A "Results 1–5 of 12 · page 1 of 3" line: left out of shared messages, which cannot page. */
export const pageLine = (value: string): ReplyBlock => ({ type: 'context', text: value, paging: true });
/** Buttons for the result just before them (per-result Share). */
export const actions = (list: ReplyAction[]): ReplyBlock => ({ type: 'actions', actions: list });
/** A separator between results. */
export const divider = (): ReplyBlock => ({ type: 'divider' });
/** A button; `id` is the ActionStore-backed id executeAction resolves. */
export const action = (
  kind: ReplyAction['kind'],
  label: string,
  id: string,
  detail?: string,
): ReplyAction => ({ kind, label, id, ...(detail ? { detail } : {}) });

/**
 * What a shared (public) message carries: no buttons, inline or not (anyone could press them), and no page line
 * (it would promise results the message has no way to show).
 */
export function withoutActions(reply: Reply): Reply {
  return card({
    title: reply.title,
    status: reply.status,
    blocks: reply.blocks.filter((b) => b.type !== 'actions' && !(b.type === 'context' && b.paging)),
    actions: [],
  });
}
