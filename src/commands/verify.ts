/** /verify QUOTE: is this what was published? Verdict, word diff against the published wording, sources. */
import { z } from 'zod';
import { creditLine, formatDateLong } from '../citations/credit.ts';
import type { EarlierWording } from '../fetch/library.ts';
import * as r from '../reply/build.ts';
import type { ReplyBlock } from '../reply/types.ts';
import { speakerDisplay } from '../trust.ts';
import { earlierWordingOf } from './add.ts';
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

/** The verdict line when the nearest published text is a paraphrase (an indirect quote), never a quote. */
export const PARAPHRASE_ONLY =
  'Not found as a quote: the nearest published text is a paraphrase (reported speech), not the speaker’s own words.';
const PARAPHRASE_NOTE =
  'A paraphrase is the article’s wording, not the speaker’s: it cannot be verified as a quote and must not go inside quotation marks.';

/** The note for a wording that matches an earlier version of an article only. */
function earlierOnly(w: EarlierWording): ReplyBlock[] {
  const date = formatDateLong(w.at.slice(0, 10)) ?? w.at.slice(0, 10);
  const where = `${w.title ?? 'an article'}${w.outlet ? ` (${w.outlet})` : ''}`;
  return [
    r.text(
      `Matches an earlier version only: ${where} had this wording until it was updated ${date}. ` +
        (w.now === null ? 'The quote is no longer in the article.' : 'It now reads:'),
    ),
    ...(w.now === null
      ? []
      : [
          r.quoted({
            text: w.now,
            speaker: w.speaker,
            role: null,
            kind: w.quoteKind,
            confidence: w.confidence,
          }),
        ]),
    r.context(w.url ? `Article: ${w.url}` : `Article: ${w.articleId}`),
  ];
}

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
  async run(ctx) {
    const text = ctx.args.text.replace(/^["“”'‘’]+|["“”'‘’]+$/g, '').trim() || ctx.args.text;
    const result = ctx.engine.verify(text);
    const title = `Verify: “${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    const paraphrases = result.matches.filter((m) => m.kind === 'indirect');
    const onlyParaphrase = result.verdict === 'not_found' && paraphrases.length > 0;
    const blocks: ReplyBlock[] = [r.heading(onlyParaphrase ? PARAPHRASE_ONLY : VERDICTS[result.verdict])];
    // Issue 14: a wording an added article had before it was corrected matches that earlier version only.
    const earlier = result.verdict === 'exact' ? null : await earlierWordingOf(text);
    if (earlier) blocks.push(...earlierOnly(earlier));
    if (result.matches.length === 0 || (result.verdict === 'not_found' && !onlyParaphrase)) {
      blocks.push(r.context('Try /quote with a few key words to find what was said.'));
      return r.card({ title, status: 'empty', blocks });
    }
    for (const [i, match] of result.matches.slice(0, MAX_MATCHES).entries()) {
      if (i > 0) blocks.push(r.divider());
      blocks.push(r.quoted(match));
      // A diff against a paraphrase would read as a correction of someone's words; it is not their words.
      if (
        match.kind !== 'indirect' &&
        (result.verdict === 'close' || match.diff.some((p) => p.op !== 'equal'))
      )
        blocks.push(r.diff(match.diff));
      const shown = speakerDisplay(match.speaker, match.confidence);
      const setting = shown.name
        ? settingFor(ctx.engine, {
            type: 'quote',
            speaker: match.speaker,
            articleId: match.article.id,
            text: match.text,
          })
        : null;
      blocks.push(
        r.citation(
          match.article,
          creditLine({ type: 'quote', speaker: shown.name, kind: match.kind, setting }, match.article),
        ),
      );
    }
    if (paraphrases.length > 0) blocks.push(r.context(PARAPHRASE_NOTE));
    if (onlyParaphrase) return r.card({ title, status: 'empty', blocks });
    if (result.verdict === 'close')
      blocks.push(
        r.context(
          'The diff marks words only in your text as removed and words only in the article as added.',
        ),
      );
    return r.card({ title, blocks, actions: resultActions(ctx, 'verify', ctx.args, false) });
  },
});
