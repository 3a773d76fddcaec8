/** Reply tree: types, builders and the plain-text fallback. */

export * from './build.ts';
export {
  blockToPlain,
  describeSource,
  describeSpeaker,
  diffToPlain,
  PARAPHRASE_LABEL,
  quoteAttribution,
  quoteToPlain,
  reportedSpeech,
  toPlainText,
  unclearSpeaker,
} from './plain.ts';
export type * from './types.ts';
