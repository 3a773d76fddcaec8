/**
 * Sidecars: `NAME.meta.json` beside `NAME.txt` (or any NAME.*) supplies metadata the article file
 * lacks. Precedence, field by field: a value the article states (front matter, meta tags, a
 * `Published` line, a print-out's footer URL) > the sidecar > a value guessed from the text (a first
 * line taken as title, a dateline's wire agency) > a value derived from the URL (outlet from the
 * domain, date from the path). A sidecar is a curator's note, so it beats guesses; it does not
 * overrule what the article itself says.
 */
import { metaFromRecord, normaliseDate } from './metadata.ts';
import { ArticleError, type ArticleMeta, META_FIELDS, type ParsedArticle } from './types.ts';

const SUFFIX = '.meta.json';

/** For `dir/NAME.meta.json`, the article base `dir/NAME`; null for any other file name. */
export function sidecarBase(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (!name.toLowerCase().endsWith(SUFFIX) || name.length === SUFFIX.length) return null;
  return path.slice(0, path.length - SUFFIX.length);
}

/** For `dir/NAME.ext`, the base `dir/NAME` its sidecar would be named after. */
export function articleBase(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

/** Parses a sidecar's JSON into the metadata it states. Throws ArticleError when it is not a JSON object. */
export function parseSidecar(content: string): Partial<ArticleMeta> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new ArticleError(`sidecar is not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleError('sidecar must be a JSON object of metadata fields');
  }
  const record = data as Record<string, unknown>;
  const meta = metaFromRecord(record);
  // A sidecar may name its date any way; if `published` is present but unreadable, say so rather than drop it.
  if (record.published !== undefined && record.published !== null && meta.published === null) {
    if (normaliseDate(record.published) === null) {
      throw new ArticleError(`sidecar "published" is not a date: ${JSON.stringify(record.published)}`);
    }
  }
  const out: Partial<ArticleMeta> = {};
  for (const field of META_FIELDS) if (meta[field] !== null) out[field] = meta[field];
  return out;
}

/** Merges a sidecar into parsed metadata by the precedence described at the top of this file. */
export function mergeSidecar(parsed: ParsedArticle, sidecar: Partial<ArticleMeta> | null): ArticleMeta {
  const meta = { ...parsed.meta };
  if (!sidecar) return meta;
  for (const field of META_FIELDS) {
    const value = sidecar[field];
    if (value && (meta[field] === null || parsed.guessed.has(field))) meta[field] = value;
  }
  return meta;
}
