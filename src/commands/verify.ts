/** /verify QUOTE: is this what was published? Verdict, word diff against the published wording, sources. */
import { z } from 'zod';
import { creditLine } from '../citations/credit.ts';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import { defineCommand, MAX_VERIFY_LENGTH } from './define.ts';
import { queryField } from './fields.ts';
import { resultActions, settingFor } from './present.ts';

/** Quotes shown per check: the verdict is about the best; a couple more show other wordings. */
const MAX_MATCHES = 3;

const VERDICTS = {
  exact: 'Exact: the quote matches the published wording.',
  close: 'Close: the same quote, but the wording differs from what was published.',
  not_found: 'Not found: no published quote matches this wording.',
} as const;

export const verifyCommand = defineCommand({
  name: 'verify',
  description: 'Check a quote against the articles: exact, close (with a word diff) or not found.',
  usage: '/verify QUOTE',
  examples: ['/verify we are ready to analyze together'],
  options: [
    { name: 'text', description: 'The quote as you wrote it', required: true, maxLength: MAX_VERIFY_LENGTH },
  ],
  rest: 'text',
  schema: z.object({
    text: queryField('the quote to check, e.g. /verify we are ready to analyze together', MAX_VERIFY_LENGTH),
  }),
  run(ctx) {
    const text = ctx.args.text.replace(/^["“”'‘’]+|["“”'‘’]+$/g, '').trim() || ctx.args.text;
    const result = ctx.engine.verify(text);
    const title = `Verify: “${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    const blocks: ReplyBlock[] = [r.heading(VERDICTS[result.verdict])];
    if (result.verdict === 'not_found' || result.matches.length === 0) {
      blocks.push(r.context('Try /quote with a few key words to find what was said.'));
      return r.card({ title, status: 'empty', blocks });
    }
    for (const [i, match] of result.matches.slice(0, MAX_MATCHES).entries()) {
      if (i > 0) blocks.push(r.divider());
      blocks.push(r.quote(match.text, match.speaker, match.role));
      if (result.verdict === 'close' || match.diff.some((p) => p.op !== 'equal'))
        blocks.push(r.diff(match.diff));
      const setting = settingFor(ctx.engine, {
        type: 'quote',
        speaker: match.speaker,
        articleId: match.article.id,
        text: match.text,
      });
      blocks.push(
        r.citation(
          match.article,
          creditLine({ type: 'quote', speaker: match.speaker, setting }, match.article),
        ),
      );
    }
    if (result.verdict === 'close')
      blocks.push(
        r.context(
          'The diff marks words only in your text as removed and words only in the article as added.',
        ),
      );
    return r.card({ title, blocks, actions: resultActions(ctx, 'verify', ctx.args, false) });
  },
});
