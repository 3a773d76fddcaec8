/** /sources [QUERY]: the articles searched, with their metadata and counts, filtered by words. */
import { z } from 'zod';
import { formatDateLong } from '../citations/credit.ts';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import { articleSizes } from '../search/lazy-articles.ts';
import type { CorpusArticle } from '../types.ts';
import { updatedArticles } from './add.ts';
import { defineCommand, MAX_QUERY_LENGTH, SOURCES_PAGE_SIZE } from './define.ts';
import { feedsReply } from './feeds.ts';
import { resultActions } from './present.ts';

function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every query word must occur in the article's metadata or its text. */
export function matchesWords(article: CorpusArticle, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = fold(
    [
      article.title,
      article.outlet,
      article.url,
      article.author,
      article.source,
      article.published,
      ...article.paragraphs,
    ]
      .filter(Boolean)
      .join(' '),
  );
  return words.every((w) => haystack.includes(w));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per article; missing metadata named as missing; an added article that changed says when. */
export function describeArticle(a: CorpusArticle, updated?: string): string {
  const sizes = articleSizes(a);
  return [
    a.title ?? 'title unknown',
    a.outlet ?? 'outlet unknown',
    formatDateLong(a.published) ?? 'date unknown',
    a.url ?? 'no link',
    `${plural(sizes.quotes, 'quote')}, ${plural(sizes.facts, 'fact')}`,
    ...(updated ? [`updated ${formatDateLong(updated.slice(0, 10)) ?? updated.slice(0, 10)}`] : []),
  ].join(' · ');
}

export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'List the articles searched: title, outlet, date, link, quotes and facts.',
  usage: '/sources [QUERY]',
  examples: ['/sources', '/sources helsinki', '/sources feeds'],
  options: [
    { name: 'query', description: 'Only articles containing these words', required: false, maxLength: 500 },
  ],
  rest: 'query',
  schema: z.object({
    query: z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, { error: `That is too long: keep it under ${MAX_QUERY_LENGTH} characters.` })
      .default(''),
  }),
  async run(ctx) {
    const { query } = ctx.args;
    // The followed feeds (NEWSROOM_FEEDS): last poll, items, last error.
    if (query.toLowerCase() === 'feeds') return feedsReply();
    const words = fold(query).split(/\s+/).filter(Boolean);
    const corpus = ctx.engine.corpus;
    const all = [...corpus.articles]
      .filter((a) => matchesWords(a, words))
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
    const title = query ? `Sources matching “${query}”` : 'Sources';
    const start = (ctx.page - 1) * SOURCES_PAGE_SIZE;
    const shown = all.slice(start, start + SOURCES_PAGE_SIZE);
    const blocks: ReplyBlock[] = [];
    if (all.length === 0) {
      blocks.push(
        r.text(
          corpus.articles.length === 0
            ? `No articles are loaded (data folder: ${corpus.dataDir || 'unknown'}).`
            : `No article contains “${query}”.`,
        ),
      );
    } else if (shown.length === 0) {
      blocks.push(r.text(`No more articles: all ${all.length} were shown.`));
    } else {
      const quotes = all.reduce((n, a) => n + articleSizes(a).quotes, 0);
      const facts = all.reduce((n, a) => n + articleSizes(a).facts, 0);
      blocks.push(
        r.text(`${plural(all.length, 'article')}, ${plural(quotes, 'quote')}, ${plural(facts, 'fact')}.`),
      );
      const updated = await updatedArticles();
      blocks.push(r.list(shown.map((a) => describeArticle(a, updated.get(a.id)))));
      if (all.length > SOURCES_PAGE_SIZE)
        blocks.push(r.pageLine(`Articles ${start + 1}–${start + shown.length} of ${all.length}`));
    }
    if (!query && corpus.problems.length > 0)
      blocks.push(
        r.heading('Files that could not be read'),
        r.list(corpus.problems.map((p) => `${p.file}: ${p.reason}`)),
      );
    const hasMore = start + shown.length < all.length;
    return r.card({
      title,
      status: all.length === 0 || shown.length === 0 ? 'empty' : 'ok',
      blocks,
      actions: shown.length > 0 ? resultActions(ctx, 'sources', ctx.args, hasMore) : [],
    });
  },
});
