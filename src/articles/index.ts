/**
 * Reading the newsroom's article files into Articles (src/types.ts).
 *
 * Pipeline per file: read as text (files.ts) -> parse by extension (txt.ts, markdown.ts, html.ts,
 * json.ts) -> merge a `NAME.meta.json` sidecar (sidecar.ts) -> derive what a URL implies (outlet from
 * the domain, date from the path; metadata.ts) -> Article. A broken file becomes a LoadProblem.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { articleBudgetMs, withinBudget } from '../budget.ts';
import type { Article, ArticleFormat, LoadProblem } from '../types.ts';
import { type FoundFile, mapInOrder, readTextFile, walk } from './files.ts';
import { formatOf } from './formats.ts';
import { parseHtml } from './html.ts';
import { parseJson } from './json.ts';
import { parseMarkdown } from './markdown.ts';
import { dateFromUrl, outletFromUrl } from './metadata.ts';
import { articleBase, mergeSidecar, parseSidecar, sidecarBase } from './sidecar.ts';
import { parseTxt } from './txt.ts';
import { ArticleError, type ArticleMeta, type ParsedArticle, type ParseOutcome } from './types.ts';

export { ArticleError } from './types.ts';

export { formatOf };

/** Parses content in one format; throws ArticleError when nothing readable is in it. */
function parseContent(content: string, format: ArticleFormat, given: Partial<ArticleMeta>): ParseOutcome {
  // Within the article's time budget (src/budget.ts): past it, OverBudget reports the file as any broken one.
  return withinBudget(articleBudgetMs(), () => parseInBudget(content, format, given));
}

function parseInBudget(content: string, format: ArticleFormat, given: Partial<ArticleMeta>): ParseOutcome {
  let outcome: ParseOutcome;
  switch (format) {
    case 'txt':
      outcome = { articles: [parseTxt(content, given)], skipped: [] };
      break;
    case 'md':
      outcome = { articles: [parseMarkdown(content)], skipped: [] };
      break;
    case 'html':
      outcome = { articles: [parseHtml(content)], skipped: [] };
      break;
    case 'json':
      outcome = parseJson(content);
      break;
  }
  outcome.articles = outcome.articles.filter((a) => {
    if (a.paragraphs.length > 0) return true;
    outcome.skipped.push(a.index === undefined ? 'no article text' : `article #${a.index}: no article text`);
    return false;
  });
  if (outcome.articles.length === 0) throw new ArticleError(outcome.skipped[0] ?? 'no article text');
  return outcome;
}

/** Turns parsed articles into Articles: sidecar merged, URL-implied fields derived, ids numbered. */
function finish(
  parsed: ParsedArticle[],
  id: string,
  source: string,
  sidecar: Partial<ArticleMeta> | null,
): Article[] {
  // JSON parsing sets `index` only for arrays of more than one article.
  const numbered = parsed.some((p) => p.index !== undefined);
  return parsed.map((p) => {
    const meta = mergeSidecar(p, sidecar);
    meta.outlet ??= outletFromUrl(meta.url);
    meta.published ??= dateFromUrl(meta.url);
    return {
      id: numbered && p.index !== undefined ? `${id}#${p.index}` : id,
      source,
      format: p.format,
      ...meta,
      paragraphs: p.paragraphs,
    };
  });
}

/**
 * Parses article content already in memory (pure; for tests and callers with their own I/O).
 * `source` becomes both id and source. Throws ArticleError when the content holds no article.
 */
export function parseArticleText(content: string, format: ArticleFormat, source: string): Article[] {
  return finish(parseContent(content, format, {}).articles, source, source, null);
}

/**
 * Reads one article file (any supported extension), with its `NAME.meta.json` sidecar if present.
 * `source` (default: the path as given) and `id` (default: source) label the result.
 * Throws ArticleError with a short reason when the file is missing, unreadable or holds no article.
 */
export async function parseFile(
  path: string,
  options: { id?: string; source?: string } = {},
): Promise<Article[]> {
  const format = formatOf(path);
  if (!format && sidecarBase(path.replaceAll('\\', '/')) !== null) {
    throw new ArticleError(`${path}: a sidecar (metadata for the article beside it), not an article`);
  }
  if (!format) {
    throw new ArticleError(
      `${path}: not an article file (expected .txt, .md, .markdown, .html, .htm or .json)`,
    );
  }
  const sidecarPath = `${articleBase(path)}.meta.json`;
  let sidecar: Partial<ArticleMeta> | null = null;
  try {
    sidecar = await readSidecar(sidecarPath);
  } catch (error) {
    throw new ArticleError(`${sidecarPath}: ${(error as Error).message}`);
  }
  try {
    const content = await readTextFile(path, { html: format === 'html' });
    const source = options.source ?? path;
    return finish(
      parseContent(content, format, sidecar ?? {}).articles,
      options.id ?? source,
      source,
      sidecar,
    );
  } catch (error) {
    throw new ArticleError(`${path}: ${(error as Error).message}`);
  }
}

/** Reads a sidecar if it exists; null when there is none. Throws ArticleError when it is broken. */
async function readSidecar(path: string): Promise<Partial<ArticleMeta> | null> {
  try {
    await stat(path);
  } catch {
    return null;
  }
  return parseSidecar(await readTextFile(path));
}

/**
 * One file of a data folder, read as loadArticles reads it (src/store reads only new and changed files): its
 * articles and the problems loadArticles reports for it. `sidecar` is its parsed sidecar, or null. Never throws.
 */
export async function readArticleFile(
  file: FoundFile,
  dataDir: string,
  sidecar: Partial<ArticleMeta> | null,
): Promise<{ articles: Article[]; problems: LoadProblem[] }> {
  const format = formatOf(file.rel) as ArticleFormat;
  try {
    const content = await readTextFile(file.path, { html: format === 'html' });
    const outcome = parseContent(content, format, sidecar ?? {});
    return {
      articles: finish(outcome.articles, file.rel, join(dataDir, file.rel), sidecar),
      problems: outcome.skipped.map((reason) => ({ file: file.path, reason })),
    };
  } catch (error) {
    return { articles: [], problems: [{ file: file.path, reason: (error as Error).message }] };
  }
}

/**
 * Loads every article under dataDir (recursively; hidden entries and node_modules skipped; files of
 * other kinds ignored), in path order. Never throws: a missing folder, and every file that cannot be
 * read or parsed, is returned in `problems` with a short reason, and the rest still loads.
 */
export async function loadArticles(
  dataDir: string,
): Promise<{ articles: Article[]; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  try {
    if (!(await stat(dataDir)).isDirectory()) {
      return { articles: [], problems: [{ file: dataDir, reason: 'data folder is a file, not a folder' }] };
    }
  } catch {
    return { articles: [], problems: [{ file: dataDir, reason: 'data folder not found' }] };
  }
  const walked = await walk(dataDir);
  problems.push(...walked.problems);

  const sidecars = new Map<string, FoundFile>();
  const articleFiles: FoundFile[] = [];
  for (const file of walked.files) {
    const base = sidecarBase(file.rel);
    if (base !== null) sidecars.set(base, file);
    else if (formatOf(file.rel)) articleFiles.push(file);
  }

  const sidecarMeta = new Map<string, Partial<ArticleMeta> | null>();
  const sidecarResults = await mapInOrder([...sidecars], async ([base, file]) => {
    try {
      return { base, meta: parseSidecar(await readTextFile(file.path)), problem: null };
    } catch (error) {
      return { base, meta: null, problem: { file: file.path, reason: (error as Error).message } };
    }
  });
  for (const result of sidecarResults) {
    sidecarMeta.set(result.base, result.meta);
    if (result.problem) problems.push(result.problem);
  }
  const used = new Set<string>();

  const perFile = await mapInOrder(articleFiles, async (file) => {
    const base = articleBase(file.rel);
    if (sidecarMeta.has(base)) used.add(base);
    return readArticleFile(file, dataDir, sidecarMeta.get(base) ?? null);
  });
  const articles = perFile.flatMap((r) => r.articles);
  problems.push(...perFile.flatMap((r) => r.problems));
  for (const [base, file] of sidecars) {
    if (!used.has(base)) problems.push({ file: file.path, reason: 'sidecar has no article file beside it' });
  }
  return { articles, problems };
}
