/**
 * APA/MLA/Chicago references of an article through CSL (citation-js), never hand-rolled formats.
 * plugin-csl 0.7 bundles only the `apa`, `vancouver` and `harvard1` templates; MLA and Chicago need their CSL
 * files (from the CSL styles repository) registered with `registerCslStyle`, or dropped into
 * src/citations/styles/ as `modern-language-association.csl` / `chicago-author-date.csl`, which are registered
 * when this module loads. Until then those styles answer
 * with a clear "not installed" rather than silently falling back to APA, which plugin-csl would otherwise do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { ArticleRef } from '../search/types.ts';

export type CitationStyle = 'ap' | 'apa' | 'mla' | 'chicago';
export const CITATION_STYLES: readonly CitationStyle[] = ['ap', 'apa', 'mla', 'chicago'];

/** Template names in the CSL styles repository; plugin-csl looks templates up by these names. */
export const CSL_TEMPLATES: Record<Exclude<CitationStyle, 'ap'>, string> = {
  apa: 'apa',
  mla: 'modern-language-association',
  chicago: 'chicago-author-date',
};

export class MissingStyleError extends Error {
  constructor(readonly style: string) {
    super(
      `The ${style.toUpperCase()} citation style is not installed (its CSL file is not bundled with plugin-csl).`,
    );
    this.name = 'MissingStyleError';
  }
}

function templates() {
  return plugins.config.get('@csl').templates;
}

/** Registers a CSL style (XML) under a style name, e.g. `registerCslStyle('mla', xml)`. */
export function registerCslStyle(style: Exclude<CitationStyle, 'ap'>, xml: string): void {
  templates().add(CSL_TEMPLATES[style], xml);
}

export function hasCslStyle(style: Exclude<CitationStyle, 'ap'>): boolean {
  return templates().has(CSL_TEMPLATES[style]);
}

type CslName = { given: string; family: string } | { literal: string };

/** `Jane Doe and John Roe` -> two CSL names. Anything not shaped like personal names stays a literal. */
export function cslAuthors(author: string | null): CslName[] | undefined {
  if (!author) return undefined;
  const parts = author
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((name) => {
    const words = name.split(/\s+/);
    const personal =
      words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}.'-]*$/u.test(w));
    if (!personal) return { literal: name };
    return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? name };
  });
}

/** CSL-JSON for an article: only the fields the data has. */
export function articleToCsl(article: ArticleRef & { author?: string | null }): Record<string, unknown> {
  const item: Record<string, unknown> = { id: article.id || 'article', type: 'article-newspaper' };
  if (article.title) item.title = article.title;
  if (article.outlet) item['container-title'] = article.outlet;
  if (article.url) item.URL = article.url;
  const date = article.published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(article.published) : null;
  if (date) item.issued = { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] };
  const authors = cslAuthors(article.author ?? null);
  if (authors) item.author = authors;
  return item;
}

/** A plain-text bibliography entry of the article in the style. Throws MissingStyleError when not installed. */
export function formatArticleCitation(
  article: ArticleRef & { author?: string | null },
  style: Exclude<CitationStyle, 'ap'>,
): string {
  if (!hasCslStyle(style)) throw new MissingStyleError(style);
  const cite = new Cite([articleToCsl(article)]);
  return cite
    .format('bibliography', { format: 'text', template: CSL_TEMPLATES[style], lang: 'en-US' })
    .trim();
}

/** Where CSL files dropped in by the newsroom are picked up (see styles/README.md). */
export const STYLES_DIR = new URL('./styles/', import.meta.url);

/** Registers the bundled-by-us CSL files that exist; returns the styles it added. */
export function registerStylesFromDir(dir: URL = STYLES_DIR): Exclude<CitationStyle, 'ap'>[] {
  const added: Exclude<CitationStyle, 'ap'>[] = [];
  for (const style of ['mla', 'chicago'] as const) {
    const file = new URL(`${CSL_TEMPLATES[style]}.csl`, dir);
    if (!existsSync(file)) continue;
    registerCslStyle(style, readFileSync(file, 'utf8'));
    added.push(style);
  }
  return added;
}

registerStylesFromDir();
