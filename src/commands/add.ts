/**
 * /add URL: fetch an article through the guarded fetch (src/fetch/guard.ts), read it like a saved page, extract,
 * keep it (src/fetch/library.ts) and answer privately with what was found. The same article added again updates it.
 * Slow sites are the adapters' business: they acknowledge within the platform's 3 s and answer when this resolves.
 */
import { z } from 'zod';
import { formatDateLong } from '../citations/credit.ts';
import { FetchRefused, MAX_URL_LENGTH } from '../fetch/guard.ts';
import { AddRefused, type ArticleLibrary, type EarlierWording } from '../fetch/library.ts';
import * as r from '../reply/build.ts';
import type { Reply, ReplyBlock } from '../reply/types.ts';
import { speakerDisplay } from '../trust.ts';
import { defineCommand } from './define.ts';
import { UserError } from './errors.ts';

/** The part of the library /add (and /verify, for earlier wordings) uses. */
export type ArticleAdder = Pick<ArticleLibrary, 'addUrl'> &
  Partial<Pick<ArticleLibrary, 'earlierWordings' | 'addedRecords'>>;

let library: ArticleAdder | null = null;
let editors: ReadonlySet<string> = new Set();

/** NEWSROOM_EDITORS: when not empty, only these user IDs may add articles (everyone may search). */
export function setEditors(ids: readonly string[]): void {
  editors = new Set(ids);
}

/**
 * Switches /add on (main.ts, with the bot's data folder and fetch policy) or off (null). The command list is
 * module-level, so its one service is too; adapters stay unaware of it.
 */
export function setArticleLibrary(next: ArticleAdder | null): void {
  library = next;
}

/** `techcrunch.com/2018/...` as a reporter types it means https; anything with a scheme is left for the guard. */
export function withScheme(link: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(link) || !/^[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(link)
    ? link
    : `https://${link}`;
}

const wordsOf = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/**
 * The earlier wording of a corrected quote that `text` repeats word for word (case, accents and punctuation aside),
 * or null. /verify uses it to say a wording matches an earlier version only.
 */
export async function earlierWordingOf(text: string): Promise<EarlierWording | null> {
  const all = (await library?.earlierWordings?.()) ?? [];
  const key = wordsOf(text);
  if (key === '') return null;
  return (
    all.find((w) => wordsOf(w.earlier) === key || (key.length >= 20 && wordsOf(w.earlier).includes(key))) ??
    null
  );
}

/** ` (NAME)`, ` (possibly NAME)` under the trust rules, or nothing. */
function whoSaid(speaker: string | null, confidence: number | undefined): string {
  const shown = speakerDisplay(speaker, confidence);
  return shown.name ? ` (${shown.name})` : shown.possibly ? ` (possibly ${shown.possibly})` : '';
}

/** Added articles that changed since first added: article id -> when last updated. For /sources. */
export async function updatedArticles(): Promise<Map<string, string>> {
  const all = (await library?.addedRecords?.()) ?? [];
  return new Map(all.filter((a) => a.versions > 0).map((a) => [a.articleId, a.updatedAt]));
}

/**
 * Marks each quote block whose wording is the corrected wording of a quote ("Updated DATE; earlier wording: ...").
 * For /quote, whose replies otherwise know nothing of corrections.
 */
export async function markCorrections(reply: Reply): Promise<Reply> {
  const all = (await library?.earlierWordings?.()) ?? [];
  const changed = new Map<string, EarlierWording>();
  for (const w of all) if (w.now !== null) changed.set(wordsOf(w.now), w);
  if (changed.size === 0) return reply;
  let marked = false;
  const blocks = reply.blocks.flatMap((b) => {
    const w = b.type === 'quote' ? changed.get(wordsOf(b.text)) : undefined;
    if (!w) return [b];
    marked = true;
    const date = formatDateLong(w.at.slice(0, 10)) ?? w.at.slice(0, 10);
    const earlier = w.quoteKind === 'indirect' ? `(paraphrase) ${w.earlier}` : `“${w.earlier}”`;
    return [b, r.context(`Updated ${date}; earlier wording: ${earlier}`)];
  });
  return marked
    ? r.card({ title: reply.title, status: reply.status, blocks, actions: reply.actions })
    : reply;
}

/** Quotes shown in the reply. */
export const FIRST_QUOTES = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const TITLES = {
  added: 'Added',
  updated: 'Updated (the article changed)',
  unchanged: 'Already added, unchanged',
  exists: 'Already in the corpus',
} as const;

export const addCommand = defineCommand({
  name: 'add',
  description: 'Add an article by its link: fetched safely, its quotes searchable at once.',
  usage: '/add URL',
  // No scheme in the example: Socket Mode manifests carry no URLs (the link works either way).
  examples: ['/add techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/'],
  options: [
    {
      name: 'url',
      description: 'Link of the article (http or https)',
      required: true,
      maxLength: MAX_URL_LENGTH,
    },
  ],
  rest: 'url',
  schema: z.object({
    url: z
      .string()
      .trim()
      .min(1, { error: 'Give the link of the article to add, e.g. /add https://example.com/story' })
      .max(MAX_URL_LENGTH, { error: `That link is longer than ${MAX_URL_LENGTH} characters.` })
      // Slack wraps links in <...> (and <url|label>).
      .transform((v) => withScheme(v.replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1'))),
  }),
  async run(ctx) {
    if (!library)
      throw new UserError('addUnavailable', 'Adding articles is not switched on for this bot.', 'error');
    // The console is the server's own terminal: whoever is at it runs the bot.
    const editor =
      ctx.user && (editors.has(ctx.user.id) || (ctx.user.roles ?? []).some((r) => editors.has(r)));
    if (editors.size > 0 && ctx.platform !== 'console' && !editor)
      throw new UserError(
        'notEditor',
        'Only the newsroom’s editors may add articles (NEWSROOM_EDITORS). Everyone may search them: try /quote or /sources.',
        'error',
      );
    let outcome: Awaited<ReturnType<ArticleAdder['addUrl']>>;
    try {
      outcome = await library.addUrl(ctx.args.url, ctx.user?.id ?? null, ctx.engine.corpus);
    } catch (error) {
      if (error instanceof FetchRefused) throw new UserError(`fetch.${error.reason}`, error.message, 'error');
      if (error instanceof AddRefused) throw new UserError(`add.${error.reason}`, error.message, 'error');
      throw error;
    }
    const a = outcome.article;
    const blocks: ReplyBlock[] = [
      r.fields([
        { label: 'Outlet', value: a.outlet ?? 'outlet unknown' },
        { label: 'Date', value: formatDateLong(a.published) ?? 'date unknown' },
        { label: 'Link', value: a.url ?? 'no link' },
        { label: 'Found', value: `${plural(a.quotes.length, 'quote')}, ${plural(a.facts.length, 'fact')}` },
      ]),
    ];
    const first = a.quotes.slice(0, FIRST_QUOTES);
    if (first.length > 0) {
      blocks.push(r.heading(first.length === a.quotes.length ? 'Quotes' : 'First quotes'));
      for (const q of first) blocks.push(r.quoted(q));
    } else blocks.push(r.text('No quotes found in this article.'));
    if (outcome.status === 'updated') {
      const changes = outcome.corrections;
      if (changes.length > 0) {
        blocks.push(r.heading('Corrections'));
        for (const c of changes) {
          const date = formatDateLong(c.at.slice(0, 10)) ?? c.at.slice(0, 10);
          // A paraphrase's earlier wording is reported speech too: never inside quotation marks.
          const earlier = c.quoteKind === 'indirect' ? `(paraphrase) ${c.earlier}` : `“${c.earlier}”`;
          const now = c.now === null ? undefined : a.quotes.find((q) => q.text === c.now);
          if (now) {
            blocks.push(r.quoted(now));
            blocks.push(r.context(`Updated ${date}; earlier wording: ${earlier}`));
          } else
            blocks.push(
              r.context(`Removed in the update of ${date}: ${earlier}${whoSaid(c.speaker, c.confidence)}`),
            );
        }
      } else blocks.push(r.context('The text changed; every quote reads as before.'));
      blocks.push(
        r.context(
          `The earlier text is kept (${plural(outcome.record?.history.length ?? 0, 'earlier version')}).`,
        ),
      );
    }
    if (outcome.status === 'exists')
      blocks.push(r.context(`Already read from ${outcome.file}; nothing added.`));
    return r.card({
      title: `${TITLES[outcome.status]}: ${a.title ?? 'title unknown'}`,
      status: 'ok',
      blocks,
    });
  },
});
