/**
 * A reply is a plain, typed tree. Commands build it; each adapter has one pure renderer for it
 * (Slack Block Kit, Discord embeds, console text). All strings are plain text: renderers escape them.
 */
import type { ArticleRef, DiffPart } from '../search/types.ts';

export type ReplyBlock =
  /** A short bold line. */
  | { type: 'heading'; text: string }
  /** A plain paragraph. */
  | { type: 'text'; text: string }
  /**
   * The quote itself, set off as a quote, with who said it. `speaker` is the name to show (null: unknown or
   * unclear); `possibly` the likeliest name when too uncertain to show (rendered "possibly X, check the article").
   * `paraphrase` (an indirect quote) is shown as labelled reported speech, never inside quotation marks.
   */
  | {
      type: 'quote';
      text: string;
      speaker: string | null;
      role: string | null;
      possibly?: string | null;
      paraphrase?: boolean;
    }
  /** A fact sentence. */
  | { type: 'fact'; text: string }
  /**
   * Surrounding sentences, shown smaller. `paging` marks a "Results 1–5 of 12 · page 1 of 3" line: it promises
   * more pages, so a shared (public) message, which has no More button, leaves it out.
   */
  | { type: 'context'; text: string; paging?: boolean }
  /** The source article (outlet, title, date, link) and a copy-ready credit line (null: shown elsewhere). */
  | { type: 'citation'; source: SourceRefLike; credit: string | null }
  /** Label/value pairs. */
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A word diff (quote check). */
  | { type: 'diff'; parts: DiffPart[] }
  /** Short items, one per line. */
  | { type: 'list'; items: string[] }
  /** Buttons that belong to the result just before them (Share this one); chat adapters only. */
  | { type: 'actions'; actions: ReplyAction[] }
  | { type: 'divider' };

/** The quote block (see ReplyBlock). */
export type QuoteBlock = Extract<ReplyBlock, { type: 'quote' }>;

/** What a citation block needs: SourceRef without the carried text. */
export type SourceRefLike = ArticleRef & { text?: string };

/** A button. `id` is what the adapter sends back; the adapter resolves it through the ActionStore. */
export interface ReplyAction {
  kind: 'share' | 'more';
  label: string;
  /** Opaque key into the ActionStore (short: Discord custom_id allows 100 characters). */
  id: string;
  /**
   * What a per-result Share posts, in a few words and without quotation marks (`Vladimir Putin: Any specific
   * material…`), for platforms whose buttons sit away from the result (Discord).
   */
  detail?: string;
}

export type ReplyStatus = 'ok' | 'empty' | 'usage' | 'error';

export interface Reply {
  status: ReplyStatus;
  /** Title of the card (e.g. `Quote: putin working group`). */
  title: string;
  blocks: ReplyBlock[];
  actions: ReplyAction[];
  /** The whole reply as plain text: Slack's `text`, notifications, and the console without colour. */
  fallback: string;
}
