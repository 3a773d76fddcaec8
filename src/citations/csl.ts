/**
 * APA/MLA/Chicago references of an article through CSL (citation-js + citeproc-js), never hand-rolled formats.
 * plugin-csl 0.7 bundles only APA among these, so MLA and Chicago come from the sources in styles.ts, newest
 * first. citation-js is imported on first use (it costs about a second with the first engine build);
 * warmCitations() does that work once in the background at start-up so the first /cite does not wait.
 */
import type { ArticleRef } from '../search/types.ts';
import {
  CSL_STYLE_NAMES,
  type CslNode,
  type CslStyleName,
  DEFAULT_STYLE_LOCATIONS,
  type StyleLocations,
  styleLabel,
  styleSources,
  styleTitle,
} from './styles.ts';

export type CitationStyle = 'ap' | CslStyleName;
export const CITATION_STYLES: readonly CitationStyle[] = ['ap', 'apa', 'mla', 'chicago'];

/** No usable CSL file or package for the style; `problems` says what was tried and why each failed. */
export class MissingStyleError extends Error {
  constructor(
    readonly style: CslStyleName,
    readonly problems: readonly string[] = [],
  ) {
    super(`The ${style.toUpperCase()} citation style is not installed (no usable CSL style was found).`);
    this.name = 'MissingStyleError';
  }
}

/** A style registered with citation-js and known to format. */
export interface LoadedStyle {
  style: CslStyleName;
  /** The citation-js template name it is registered under. */
  template: string;
  /** From the style's `<info><title>`, e.g. `Modern Language Association 7th edition`. */
  title: string | null;
  /** For replies, e.g. `MLA 7th edition`. */
  label: string;
  /** Where it came from: a file path or an npm package with its version. */
  origin: string;
  /** The style as registered, kept pristine so a fresh engine can be built from it (see renewEngine). */
  csl: string | CslNode;
}

/** The style worked, but citeproc-js could not format this article with it. */
export class CitationFormatError extends Error {
  constructor(
    readonly style: CslStyleName,
    cause: unknown,
  ) {
    super(`citeproc-js could not format the article in ${style}: ${message(cause)}`, { cause });
    this.name = 'CitationFormatError';
  }
}

/** The outcome of looking for one style: the first source that worked, and what went wrong before it. */
export interface StyleResolution {
  loaded: LoadedStyle | null;
  problems: string[];
}

type CitationJs = typeof import('@citation-js/core');

let citationJs: Promise<CitationJs> | null = null;

function loadCitationJs(): Promise<CitationJs> {
  citationJs ??= (async () => {
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    return core;
  })().catch((error: unknown) => {
    citationJs = null;
    throw error;
  });
  return citationJs;
}

/** citation-js only reads a CSL template at format time; formatting this proves the style works and builds its engine. */
const PROBE_ITEM = {
  id: 'newsroom-probe',
  type: 'article-newspaper',
  title: 'Probe title',
  'container-title': 'Probe Outlet',
  URL: 'https://example.org/probe',
  issued: { 'date-parts': [[2020, 1, 2]] },
};

const LANG = 'en-US';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function resolveStyle(style: CslStyleName, locations: StyleLocations): Promise<StyleResolution> {
  const { Cite, plugins } = await loadCitationJs();
  const templates = plugins.config.get('@csl').templates;
  const problems: string[] = [];
  for (const source of styleSources(style, locations)) {
    let registered: string | null = null;
    try {
      const found = source.load();
      let template: string;
      let csl: string | CslNode;
      // Never handed to citeproc-js, so a fresh engine can always be built from it.
      let pristine: string | CslNode;
      if ('bundled' in found) {
        template = found.bundled;
        const xml = templates.get(template);
        if (typeof xml !== 'string') throw new Error(`plugin-csl has no "${template}" template`);
        csl = xml;
        pristine = xml;
      } else {
        template = `newsroom:${style}:${source.key}`;
        // citeproc-js edits a JSON style tree in place while building its engine: give it a copy, not the package's.
        csl = typeof found.csl === 'string' ? found.csl : structuredClone(found.csl);
        pristine = found.csl;
        templates.add(template, csl);
        registered = template;
      }
      const probe = new Cite([PROBE_ITEM]).format('bibliography', { format: 'text', template, lang: LANG });
      if (!probe.trim()) throw new Error('the style printed no bibliography entry');
      const title = styleTitle(csl);
      return {
        loaded: {
          style,
          template,
          title,
          label: styleLabel(style, title),
          origin: source.origin,
          csl: pristine,
        },
        problems,
      };
    } catch (error) {
      // Leave nothing half-registered: plugin-csl would otherwise keep offering the broken template.
      if (registered) templates.remove(registered);
      problems.push(`${source.origin}: ${message(error)}`);
    }
  }
  return { loaded: null, problems };
}

const resolutions = new Map<string, Promise<StyleResolution>>();

/**
 * Finds, registers and checks the style once per set of locations; later calls share the answer. A style file
 * added while the bot runs is picked up after a restart.
 */
export function loadCitationStyle(
  style: CslStyleName,
  locations: StyleLocations = DEFAULT_STYLE_LOCATIONS,
): Promise<StyleResolution> {
  const key = JSON.stringify([style, locations.stylesDir, locations.systemDir, locations.packages]);
  let resolution = resolutions.get(key);
  if (!resolution) {
    resolution = resolveStyle(style, locations);
    resolutions.set(key, resolution);
    // A failed import of citation-js is worth retrying on the next call; a style that was not found is not.
    resolution.catch(() => resolutions.delete(key));
  }
  return resolution;
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

/** A formatted reference and the style (with its edition) that made it. */
export interface FormattedCitation {
  text: string;
  style: LoadedStyle;
}

/**
 * A plain-text bibliography entry of the article in the style. Missing fields stay missing: whatever the style
 * prints for them (APA's "n.d.") is the style's own convention. Rejects with MissingStyleError when no source works.
 */
export async function formatArticleCitation(
  article: ArticleRef & { author?: string | null },
  style: CslStyleName,
  locations: StyleLocations = DEFAULT_STYLE_LOCATIONS,
): Promise<FormattedCitation> {
  const { loaded, problems } = await loadCitationStyle(style, locations);
  if (!loaded) throw new MissingStyleError(style, problems);
  const { Cite, plugins } = await loadCitationJs();
  const entry = [articleToCsl(article)];
  const format = () =>
    quoteArticleTitle(
      new Cite(entry)
        .format('bibliography', { format: 'text', template: loaded.template, lang: LANG })
        .trim(),
      style,
      article,
    );
  try {
    return { text: format(), style: loaded };
  } catch {
    // plugin-csl keeps one citeproc engine per template, and an entry that trips citeproc (MLA's disambiguation
    // keys names in plain objects: an author called "toString" breaks it) leaves that engine broken for every
    // later call. A fresh engine, then one more try; if the entry itself is the trouble, the next call still
    // gets a working engine.
    renewEngine(loaded, plugins.config.get('@csl').templates);
    try {
      return { text: format(), style: loaded };
    } catch (error) {
      renewEngine(loaded, plugins.config.get('@csl').templates);
      throw new CitationFormatError(style, error);
    }
  }
}

/**
 * MLA puts an article's title in quotation marks; with no outlet (container) the CSL style treats the title as a
 * whole work, set in italics, which plain text cannot show: the bare title would read as running text. The
 * quotation marks go back on, with MLA's period inside them.
 */
export function quoteArticleTitle(text: string, style: CslStyleName, article: ArticleRef): string {
  const title = article.title?.trim();
  if (style !== 'mla' || !title || article.outlet || text.includes('“')) return text;
  const at = text.toLowerCase().indexOf(title.toLowerCase());
  if (at < 0) return text;
  const end = at + title.length;
  const stop = text[end] === '.' ? '.' : '';
  return `${text.slice(0, at)}“${text.slice(at, end)}${stop}”${text.slice(end + stop.length)}`;
}

let renewals = 0;

interface TemplateRegistry {
  add(name: string, style: unknown): void;
  remove(name: string): void;
}

/** Registers the pristine style under a new template name: plugin-csl builds a new engine for a new name. */
function renewEngine(loaded: LoadedStyle, templates: TemplateRegistry): void {
  const previous = loaded.template;
  renewals += 1;
  loaded.template = `newsroom:${loaded.style}:renewed-${renewals}`;
  templates.add(loaded.template, typeof loaded.csl === 'string' ? loaded.csl : structuredClone(loaded.csl));
  // plugin-csl's own bundled templates (apa) stay; our earlier registrations go.
  if (previous.startsWith('newsroom:')) templates.remove(previous);
}

/** What warmCitations found, for the start-up log. */
export interface CitationWarmup {
  styles: { style: CslStyleName; label: string; origin: string }[];
  problems: string[];
}

/**
 * Loads citation-js and every style once so the first /cite answers at once. Meant to run in the background at
 * start-up; it never rejects (problems are in the result). Each engine build is synchronous, so it yields between
 * styles to let the start-up's own I/O through.
 */
export async function warmCitations(
  locations: StyleLocations = DEFAULT_STYLE_LOCATIONS,
): Promise<CitationWarmup> {
  const warmup: CitationWarmup = { styles: [], problems: [] };
  for (const style of CSL_STYLE_NAMES) {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const { loaded, problems } = await loadCitationStyle(style, locations);
      warmup.problems.push(...problems);
      if (loaded) warmup.styles.push({ style, label: loaded.label, origin: loaded.origin });
      else warmup.problems.push(`${style}: no usable CSL style, /cite style:${style} will say so`);
    } catch (error) {
      warmup.problems.push(`${style}: ${message(error)}`);
    }
  }
  return warmup;
}
