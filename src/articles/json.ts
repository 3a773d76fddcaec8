/**
 * JSON articles: one article object, an array of them, or a NewsAPI response (`{ articles: [...] }`).
 * Field names: ours (title, outlet, url, published, author, body/text) and NewsAPI's (source.name,
 * publishedAt, content, description); see metaFromRecord. The body may be a string (paragraphs
 * separated by blank lines or line breaks), an array of paragraph strings, or HTML.
 */
import { cleanText, stripBullet } from './clean.ts';
import { htmlParagraphs } from './html.ts';
import { metaFromRecord } from './metadata.ts';
import { ArticleError, type ParsedArticle, type ParseOutcome } from './types.ts';

// NewsAPI cuts `content` at 200 characters and appends "… [+1234 chars]".
const TRUNCATION = /\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$/;
// `paragraphs` lets the loader read back Articles it wrote itself.
const BODY_KEYS = ['body', 'text', 'paragraphs', 'articleBody', 'content', 'description'] as const;

/** Splits a body string into paragraphs: blank-line blocks if it has any, else one per line. */
function textParagraphs(body: string): string[] {
  if (/<\/?(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>/i.test(body)) return htmlParagraphs(body);
  const text = cleanText(body);
  const parts = /\n\s*\n/.test(text)
    ? text.split(/\n\s*\n/).map((p) => p.replace(/\n/g, ' '))
    : text.split('\n');
  return parts.map((p) => stripBullet(p.trim())).filter((p) => p !== '');
}

function bodyOf(record: Record<string, unknown>): string[] {
  for (const key of BODY_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') {
      return textParagraphs(key === 'content' ? value.replace(TRUNCATION, '') : value);
    }
    if (Array.isArray(value)) {
      const paragraphs = value
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => textParagraphs(v));
      if (paragraphs.length > 0) return paragraphs;
    }
  }
  return [];
}

function toArticle(record: Record<string, unknown>, index?: number): ParsedArticle {
  const meta = metaFromRecord(record);
  for (const field of ['title', 'outlet', 'author'] as const) {
    meta[field] = meta[field] === null ? null : cleanText(meta[field]).replace(/\s+/g, ' ');
  }
  const article: ParsedArticle = { format: 'json', meta, guessed: new Set(), paragraphs: bodyOf(record) };
  if (index !== undefined) article.index = index;
  return article;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses JSON content into articles; array elements that are not articles are listed in `skipped`. */
export function parseJson(content: string): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ArticleError(`invalid JSON (${(error as Error).message})`);
  }
  if (isRecord(data) && Array.isArray(data.articles)) data = data.articles;
  if (Array.isArray(data)) {
    if (data.length === 0) throw new ArticleError('empty JSON array: no articles');
    // A one-element array is the same article as the object alone, so it gets no `#0`.
    const single = data.length === 1;
    const articles: ParsedArticle[] = [];
    const skipped: string[] = [];
    data.forEach((item, i) => {
      if (isRecord(item)) articles.push(toArticle(item, single ? undefined : i));
      else skipped.push(`article #${i}: not a JSON object`);
    });
    return { articles, skipped };
  }
  if (isRecord(data)) return { articles: [toArticle(data)], skipped: [] };
  throw new ArticleError('JSON holds no article object');
}
