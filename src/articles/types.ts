/** Types internal to the article readers (the public ones live in src/types.ts). */
import type { ArticleFormat } from '../types.ts';

/** The metadata fields every format can supply. */
export type MetaField = 'title' | 'outlet' | 'url' | 'published' | 'author';

export const META_FIELDS: readonly MetaField[] = ['title', 'outlet', 'url', 'published', 'author'];

/** Metadata with every field present; null when unknown. */
export type ArticleMeta = Record<MetaField, string | null>;

/** One article as a format parser returns it, before sidecars and URL-derived fields. */
export interface ParsedArticle {
  format: ArticleFormat;
  meta: ArticleMeta;
  /** Fields filled by a heuristic (a first line taken as title, a dateline's agency) rather than stated. */
  guessed: Set<MetaField>;
  paragraphs: string[];
  /** Position in a JSON array, when the file held an array. */
  index?: number;
}

/** What parsing one file's content gives: articles, and the reasons any part of it was skipped. */
export interface ParseOutcome {
  articles: ParsedArticle[];
  /** Parts of the file that were skipped (an array element without text...), each a short reason. */
  skipped: string[];
}

/** A file that cannot be read as an article; the message is short and meant for people. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/** Metadata with every field null. */
export function emptyMeta(): ArticleMeta {
  return { title: null, outlet: null, url: null, published: null, author: null };
}
