/** Reply tree: types, builders and the plain-text fallback. */

export * from './build.ts';
export { blockToPlain, describeSource, describeSpeaker, diffToPlain, toPlainText } from './plain.ts';
export type * from './types.ts';
