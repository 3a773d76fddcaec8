/** Shared pieces of the search-backed replies (/quote, /fact, /cite): credit lines, result blocks, buttons. */
import { creditLine, formatDateLong } from '../citations/credit.ts';
import { attributionSetting } from '../citations/setting.ts';
import * as r from '../reply/build.ts';
import { PARAPHRASE_LABEL } from '../reply/plain.ts';
import type { Reply, ReplyAction, ReplyBlock } from '../reply/types.ts';
import type { SearchEngine, SearchResponse, SearchResult, SourceRef } from '../search/types.ts';
import { speakerDisplay } from '../trust.ts';
import { nearSuggestions } from './suggest.ts';
import type { CommandContext } from './types.ts';

/** Ids of buttons are `share.KEY` / `more.KEY`: one stored invocation serves both, the prefix says which. */
export const ACTION_PREFIX = { share: 'share.', more: 'more.' } as const;

/** What locating an attribution needs: the cited article, the words as it printed them, who said them. */
export interface Attributed {
  type: 'quote' | 'fact';
  speaker: string | null;
  articleId: string;
  text: string;
  /** The paragraph when known; otherwise the article is searched for the words. */
  paragraph?: number;
}

/** `in Helsinki` when the cited article's attribution says so; null otherwise (never guessed). */
export function settingFor(engine: SearchEngine, item: Attributed): string | null {
  if (item.type !== 'quote') return null;
  const article = engine.corpus.articles.find((a) => a.id === item.articleId);
  if (!article) return null;
  const probe = item.text.slice(0, 40);
  const paragraphs =
    item.paragraph !== undefined
      ? [article.paragraphs[item.paragraph] ?? '']
      : article.paragraphs.filter((p) => p.includes(probe));
  for (const paragraph of paragraphs) {
    const setting = attributionSetting(paragraph, item.speaker, Math.max(0, paragraph.indexOf(probe)));
    if (setting) return setting;
  }
  return null;
}

/** The Attributed view of a search result: the cited source's own wording and paragraph. */
export function attributedResult(result: SearchResult): Attributed {
  const cited = result.sources.find((s) => s.id === result.article.id);
  return {
    type: result.type,
    speaker: result.speaker,
    articleId: result.article.id,
    text: cited?.text ?? result.text,
    ...(cited ? { paragraph: cited.paragraph } : {}),
  };
}

/**
 * AP-style credit line, with the setting when the article gives one. The speaker is named only when sure enough
 * (src/trust.ts) and a paraphrase is labelled as one.
 */
export function creditFor(engine: SearchEngine, result: SearchResult): string {
  const shown = speakerDisplay(result.speaker, result.confidence);
  return creditLine(
    {
      type: result.type,
      speaker: shown.name,
      kind: result.kind,
      setting: shown.name ? settingFor(engine, attributedResult(result)) : null,
    },
    result.article,
  );
}

/** Whether another article's version of a quote is a paraphrase there (each version keeps its own kind). */
function isParaphraseIn(engine: SearchEngine, source: SourceRef, fallback: SearchResult): boolean {
  const article = engine.corpus.articles.find((a) => a.id === source.id);
  const quote = article?.quotes.find((q) => q.paragraph === source.paragraph && q.text === source.text);
  return (quote?.kind ?? fallback.kind) === 'indirect';
}

/** `TechCrunch, July 16, 2018` with missing parts named. */
export function shortSource(article: { outlet: string | null; published: string | null }): string {
  return `${article.outlet ?? 'outlet unknown'}, ${formatDateLong(article.published) ?? 'date unknown'}`;
}

/** The quote (speaker shown only when sure enough; a paraphrase as reported speech) or the fact. */
export function itemBlock(result: SearchResult): ReplyBlock {
  return result.type === 'quote' ? r.quoted(result) : r.fact(result.text);
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marks where the quote or fact itself stood in its context. */
export const ITEM_GAP = '[…]';

/**
 * The sentences around an item, with the item itself cut out (it is shown just above): `Putin added that […].`
 * The quotation marks that wrapped it go too. Empty when nothing but the item was there.
 */
export function contextAround(context: string, item: string): string {
  const text = context.trim();
  const words = item.trim().split(/\s+/).filter(Boolean);
  if (!text || words.length === 0) return text;
  // The whole item; failing that (a quote running into the next paragraph, a context cut short, a word the
  // cleaner changed), its longest opening run of at least MIN_RUN_WORDS words. Where a run is found, every shorter
  // opening run is too, so the longest is found by halving: a 1,000-word transcript quote takes ten tries, not a
  // thousand (which took 20 s for one reply).
  const attempt = (n: number): string | null => cutOut(text, words.slice(0, n), n < words.length);
  const whole = attempt(words.length);
  if (whole !== null) return whole;
  let lo = Math.min(words.length, MIN_RUN_WORDS);
  let found = attempt(lo);
  if (found === null) return text;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const cut = attempt(mid);
    if (cut !== null) {
      lo = mid;
      found = cut;
    } else hi = mid - 1;
  }
  return found;
}

/** Fewest opening words of an item that identify it inside its context. */
const MIN_RUN_WORDS = 6;

function cutOut(text: string, run: string[], partial: boolean): string | null {
  const words = [...run];
  // White space (and a dropped final stop) may differ between the item and the sentence that holds it.
  const last = words.length - 1;
  const ownStop = partial || /[.!?…]$/.test(words[last] ?? '');
  words[last] = (words[last] ?? '').replace(/[.!?…]+$/, '');
  const body = words.map(escapeRegExp).join('\\s+');
  // A closing mark may follow the quote's own comma (`“…talk,” Putin said`): the comma stays, the marks go.
  // Unquoted (a paraphrase), a final stop the item does not end with belongs to the sentence and stays.
  const m = new RegExp(`[“"‘]?${body}(?:([.!?…,;:]?)[”"’]|([.!?…]?))`).exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).trimEnd();
  const kept = /^[,;:]$/.test(m[1] ?? '') ? (m[1] ?? '') : ownStop ? '' : (m[2] ?? '');
  const rest = text.slice(m.index + m[0].length).trimStart();
  const after = kept && rest ? `${kept} ${rest}` : `${kept}${rest}`;
  const joined = `${before} ${ITEM_GAP}${/^[,.;:!?]/.test(after) ? '' : ' '}${after}`.trim();
  return joined.replace(/[\s[\]…,.;:!?]/g, '') === '' ? '' : joined;
}

/** The best result in full: the item, its context, the citation and the other articles carrying it. */
export function fullResultBlocks(engine: SearchEngine, result: SearchResult): ReplyBlock[] {
  const blocks: ReplyBlock[] = [itemBlock(result)];
  const around = contextAround(result.context, result.text);
  if (around) blocks.push(r.context(around));
  blocks.push(r.citation(result.article, creditFor(engine, result)));
  const others = result.sources.filter((s) => s.id !== result.article.id);
  if (others.length > 0)
    blocks.push(
      r.list(
        others.map(
          (s) =>
            `Also in ${s.title ?? 'title unknown'} (${shortSource(s)}): ${
              result.type === 'quote' && isParaphraseIn(engine, s, result)
                ? `${PARAPHRASE_LABEL}: ${s.text}`
                : result.type === 'quote'
                  ? `“${s.text}”`
                  : s.text
            }${s.url ? ` ${s.url}` : ''}`,
        ),
      ),
    );
  return blocks;
}

/** A further result, compact: the item and one source line. */
export function compactResultBlocks(result: SearchResult): ReplyBlock[] {
  const more =
    result.sources.length > 1
      ? ` (+${result.sources.length - 1} more source${result.sources.length > 2 ? 's' : ''})`
      : '';
  const a = result.article;
  return [
    itemBlock(result),
    r.context(`${a.title ?? 'title unknown'} · ${shortSource(a)} · ${a.url ?? 'no link'}${more}`),
  ];
}

/** A few words naming a result for a button away from it, never in quotation marks. */
export function resultDetail(result: SearchResult): string {
  const words = result.text.trim().split(/\s+/);
  const start = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
  if (result.type !== 'quote') return start;
  const shown = speakerDisplay(result.speaker, result.confidence);
  const who = shown.name ?? (shown.possibly ? 'speaker unclear' : 'speaker unknown');
  return `${who}${result.kind === 'indirect' ? ' (paraphrase)' : ''}: ${start}`;
}

/** Share of one result on a page: its own stored invocation, naming the result by its index. */
function shareResult(
  ctx: CommandContext<unknown>,
  command: string,
  args: Record<string, unknown>,
  index: number,
  result: SearchResult,
): ReplyBlock {
  const key = ctx.actions.put({ command, args, page: ctx.page, result: index });
  const label = result.type === 'quote' ? 'Share this quote' : 'Share this fact';
  return r.actions([r.action('share', label, `${ACTION_PREFIX.share}${key}`, resultDetail(result))]);
}

/** Share (this page) and, when more pages exist, More (next page): one stored invocation behind both. */
export function resultActions(
  ctx: CommandContext<unknown>,
  command: string,
  args: Record<string, unknown>,
  hasMore: boolean,
): ReplyAction[] {
  const key = ctx.actions.put({ command, args, page: ctx.page });
  const actions = [r.action('share', 'Share to channel', `${ACTION_PREFIX.share}${key}`)];
  if (hasMore) actions.push(r.action('more', 'More results', `${ACTION_PREFIX.more}${key}`));
  return actions;
}

/** "Nothing found", with the engine's near speakers or words when it has some. */
export function nothingFound(title: string, what: string, query: string, response: SearchResponse): Reply {
  const blocks: ReplyBlock[] = [r.text(`No ${what} found for “${query}”.`)];
  const near = nearSuggestions(query, response.suggestions);
  if (near.length > 0) blocks.push(r.text(`Did you mean: ${near.slice(0, 5).join(', ')}?`));
  blocks.push(
    r.context('Try fewer or other words, or drop the speaker filter. /sources lists the articles searched.'),
  );
  return r.card({ title, status: 'empty', blocks });
}

/** /quote and /fact: the first result of the page in full, the others compact, a page line, buttons. */
export function resultsPage(
  ctx: CommandContext<unknown>,
  spec: {
    command: string;
    what: string;
    title: string;
    query: string;
    args: Record<string, unknown>;
    pageSize: number;
  },
  response: SearchResponse,
): Reply {
  const [best, ...rest] = response.results;
  if (!best) {
    if (ctx.page > 1 && response.total > 0)
      return r.card({
        title: spec.title,
        status: 'empty',
        blocks: [r.text(`No more ${spec.what}: all ${response.total} were shown.`)],
      });
    return nothingFound(spec.title, spec.what, spec.query, response);
  }
  // Sharing one result: that result alone, in full, with no page line or buttons that would promise more.
  if (ctx.result !== undefined) {
    const chosen = response.results[ctx.result];
    if (!chosen)
      return r.card({
        title: spec.title,
        status: 'empty',
        blocks: [
          r.text('That result is no longer there (the articles changed). Please run the command again.'),
        ],
      });
    return r.card({ title: spec.title, blocks: fullResultBlocks(ctx.engine, chosen) });
  }
  const blocks = [...fullResultBlocks(ctx.engine, best), shareResult(ctx, spec.command, spec.args, 0, best)];
  for (const [i, result] of rest.entries())
    blocks.push(
      r.divider(),
      ...compactResultBlocks(result),
      shareResult(ctx, spec.command, spec.args, i + 1, result),
    );
  const first = (ctx.page - 1) * spec.pageSize + 1;
  const last = first + response.results.length - 1;
  const pages = Math.max(1, Math.ceil(response.total / spec.pageSize));
  blocks.push(r.pageLine(`Results ${first}–${last} of ${response.total} · page ${ctx.page} of ${pages}`));
  const hasMore = last < response.total;
  const actions: ReplyAction[] = [];
  if (hasMore) {
    const key = ctx.actions.put({ command: spec.command, args: spec.args, page: ctx.page });
    actions.push(r.action('more', 'More results', `${ACTION_PREFIX.more}${key}`));
  }
  return r.card({ title: spec.title, blocks, actions });
}
