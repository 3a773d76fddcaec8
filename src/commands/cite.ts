/** /cite QUERY [style:ap|apa|mla|chicago]: a copy-ready citation of the best match. */
import { z } from 'zod';
import {
  CITATION_STYLES,
  CitationFormatError,
  formatArticleCitation,
  MissingStyleError,
} from '../citations/csl.ts';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import type { ArticleRef } from '../search/types.ts';
import { markCorrections } from './add.ts';
import { defineCommand } from './define.ts';
import { UserError } from './errors.ts';
import { queryField } from './fields.ts';
import { creditFor, itemBlock, nothingFound, resultActions } from './present.ts';

const STYLE_NAMES = { ap: 'AP credit line', apa: 'APA', mla: 'MLA', chicago: 'Chicago' } as const;

/** What the article data lacks, said once (a CSL reference just leaves it out). */
function missingNote(article: ArticleRef): ReplyBlock[] {
  const missing = [
    article.outlet ? null : 'outlet',
    article.published ? null : 'date',
    article.url ? null : 'link',
  ].filter(Boolean);
  return missing.length > 0 ? [r.context(`Not in the article data: ${missing.join(', ')}.`)] : [];
}

export const citeCommand = defineCommand({
  name: 'cite',
  description: 'A copy-ready citation of the best match: AP credit line, or APA/MLA/Chicago for the article.',
  usage: '/cite QUERY [style:ap|apa|mla|chicago]',
  examples: ['/cite putin working group', '/cite working group style:apa'],
  options: [
    { name: 'query', description: 'Words from the quote or fact to cite', required: true, maxLength: 500 },
    { name: 'style', description: 'Citation style (default ap)', required: false, choices: CITATION_STYLES },
  ],
  rest: 'query',
  schema: z.object({
    query: queryField('the quote or fact to cite, e.g. /cite putin working group'),
    style: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(CITATION_STYLES, { error: `Style must be one of: ${CITATION_STYLES.join(', ')}.` }))
      .default('ap'),
  }),
  async run(ctx) {
    const { query, style } = ctx.args;
    const title = `Cite (${STYLE_NAMES[style]}): ${query}`;
    const response = ctx.engine.search(query, { type: 'all', limit: 1 });
    const best = response.results[0];
    if (!best) return nothingFound(title, 'quotes or facts', query, response);
    let formatted: string;
    let note: string;
    if (style === 'ap') {
      formatted = creditFor(ctx.engine, best);
      note = 'AP-style credit line built from the article data.';
    } else {
      const article = ctx.engine.corpus.articles.find((a) => a.id === best.article.id);
      try {
        const cited = await formatArticleCitation(
          { ...best.article, author: article?.author ?? null },
          style,
        );
        formatted = cited.text;
        // The edition is named because the styles on hand may be older than the current one (MLA 7th, not 9th).
        // The Chicago style on hand is the notes-and-bibliography one; what is printed is its bibliography entry,
        // so the label names that form, not "(full note)".
        note =
          style === 'chicago'
            ? `${cited.style.label.replace(/\s*\((?:full )?note[^)]*\)$/i, '')} bibliography entry for the article, formatted with CSL.`
            : `${cited.style.label} reference for the article, formatted with CSL.`;
      } catch (error) {
        if (error instanceof MissingStyleError)
          throw new UserError(
            'styleNotInstalled',
            `${STYLE_NAMES[style]} is not available here: its CSL style file is not installed (whoever runs the bot can add it). Try style:apa or style:ap.`,
          );
        if (error instanceof CitationFormatError)
          throw new UserError(
            'styleCannotFormat',
            `The ${STYLE_NAMES[style]} style could not format this article's data. Try style:apa or style:ap.`,
          );
        throw error;
      }
    }
    const item = itemBlock(best);
    // Each fact once: the AP credit line is the citation block's own credit (a code span in chat, easy to
    // copy); a CSL reference already names outlet, title, date and link, so no source line repeats them.
    const blocks =
      style === 'ap'
        ? [r.citation(best.article, formatted), item, r.context(note)]
        : [r.text(formatted), item, ...missingNote(best.article), r.context(note)];
    // Issue 14: a quote reworded by a correction says so, with its earlier wording.
    return markCorrections(
      r.card({
        title,
        blocks,
        actions: resultActions(ctx, 'cite', ctx.args, false),
      }),
    );
  },
});
