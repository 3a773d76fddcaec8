/**
 * Where the CSL styles for /cite come from, newest first: a file dropped into src/citations/styles/, then
 * Debian's citation-style-language-styles package, then the npm packages in package.json (older editions), and for
 * APA the template bundled with plugin-csl. Reading a style needs no citation-js, so this module stays cheap to load;
 * csl.ts tries each source in turn and keeps the first that citeproc accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The article styles formatted through CSL (the AP credit line is built from the data, see credit.ts). */
export type CslStyleName = 'apa' | 'mla' | 'chicago';
export const CSL_STYLE_NAMES: readonly CslStyleName[] = ['apa', 'mla', 'chicago'];

/** Short names for replies; the edition is read from the style itself (see styleLabel). */
export const STYLE_SHORT_NAMES: Record<CslStyleName, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago' };

/** A CSL style as a JSON tree, the form citeproc-js accepts besides XML (and the form `style-mla` ships). */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** Folders searched for `.csl` files. Tests point them at temporary folders. */
export interface StyleLocations {
  /** Files the newsroom dropped in; see styles/README.md. */
  stylesDir: string;
  /** Debian's citation-style-language-styles package (when installed on the machine). */
  systemDir: string;
  /** Whether to fall back to the npm style packages (and, for APA, plugin-csl's bundled template). */
  packages: boolean;
}

export const DEFAULT_STYLE_LOCATIONS: StyleLocations = {
  stylesDir: fileURLToPath(new URL('./styles/', import.meta.url)),
  systemDir: '/usr/share/citation-style-language/styles',
  packages: true,
};

/**
 * File names per style in the CSL styles repository, in order of preference. Chicago's full note comes first so
 * every source gives the same variant as the npm package; an author-date file dropped in still works.
 */
export const STYLE_FILES: Record<CslStyleName, readonly string[]> = {
  apa: ['apa.csl'],
  mla: ['modern-language-association.csl'],
  chicago: ['chicago-fullnote-bibliography.csl', 'chicago-author-date.csl'],
};

/** One place a style may come from; `load` reads it only when the earlier places had nothing usable. */
export interface StyleSource {
  /** Unique per source, so citation-js never reuses an engine built from another file under the same name. */
  key: string;
  /** For people: a path, or `npm style-mla 0.0.2`. */
  origin: string;
  /** The style as XML or as a JSON tree; `bundled` means plugin-csl's own template of that name. */
  load(): { csl: string | CslNode } | { bundled: string };
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    const pkg = require(`${name}/package.json`) as { version?: unknown };
    return typeof pkg.version === 'string' ? ` ${pkg.version}` : '';
  } catch {
    return '';
  }
}

function isCslNode(value: unknown): value is CslNode {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Partial<CslNode>;
  return (
    typeof node.name === 'string' &&
    typeof node.attrs === 'object' &&
    node.attrs !== null &&
    Array.isArray(node.children)
  );
}

function packageSources(style: CslStyleName): StyleSource[] {
  switch (style) {
    case 'apa':
      return [
        {
          key: 'bundled:apa',
          origin: 'bundled with @citation-js/plugin-csl',
          load: () => ({ bundled: 'apa' }),
        },
      ];
    case 'mla': {
      const name = 'style-mla';
      return [
        {
          key: `npm:${name}`,
          origin: `npm ${name}${packageVersion(name)}`,
          load() {
            const tree: unknown = require(name);
            if (!isCslNode(tree) || tree.name !== 'style') throw new Error(`${name} is not a CSL style tree`);
            return { csl: tree };
          },
        },
      ];
    }
    case 'chicago': {
      const name = '@citation/csl-style-chicago-fullnote-bibliography';
      return [
        {
          key: `npm:${name}`,
          origin: `npm ${name}${packageVersion(name)}`,
          load() {
            const mod = require(name) as { default?: { content?: unknown } };
            const content = mod.default?.content;
            if (typeof content !== 'string') throw new Error(`${name} has no CSL content`);
            return { csl: content };
          },
        },
      ];
    }
  }
}

/** Every place to look for a style, in order of preference. Files that do not exist are left out. */
export function styleSources(
  style: CslStyleName,
  locations: StyleLocations = DEFAULT_STYLE_LOCATIONS,
): StyleSource[] {
  const sources: StyleSource[] = [];
  for (const dir of [locations.stylesDir, locations.systemDir]) {
    for (const file of STYLE_FILES[style]) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      sources.push({ key: `file:${path}`, origin: path, load: () => ({ csl: readFileSync(path, 'utf8') }) });
    }
  }
  if (locations.packages) sources.push(...packageSources(style));
  return sources;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (whole, dec, hex, name) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      return ENTITIES[String(name).toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function textOf(node: CslNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The style's own name from `<info><title>`, e.g. `Modern Language Association 7th edition`; null if it has none. */
export function styleTitle(csl: string | CslNode): string | null {
  if (typeof csl !== 'string') {
    const info = csl.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'info');
    const title = info?.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'title');
    const text = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
    return text || null;
  }
  const info = /<info(?:\s[^>]*)?>([\s\S]*?)<\/info>/.exec(csl)?.[1];
  // `<title(?:\s...)?>` and not `<title\b`: the latter would also match `<title-short>`.
  const raw = info ? /<title(?:\s[^>]*)?>([\s\S]*?)<\/title>/.exec(info)?.[1] : undefined;
  const text = raw ? decodeXmlText(raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')) : '';
  return text || null;
}

/**
 * What a reply calls the style, so nobody mistakes an older edition for the current one:
 * `Modern Language Association 7th edition` -> `MLA 7th edition`,
 * `Chicago Manual of Style 17th edition (full note)` -> `Chicago 17th edition (full note)`.
 * A title without an edition is quoted whole rather than guessed at.
 */
export function styleLabel(style: CslStyleName, title: string | null): string {
  const short = STYLE_SHORT_NAMES[style];
  if (!title) return `${short} (untitled CSL style)`;
  const edition = /\b(\d+(?:st|nd|rd|th))\s+edition\b/i.exec(title)?.[1];
  if (!edition) return `${short} (“${title}”)`;
  const variant = /\(([^()]+)\)\s*$/.exec(title)?.[1];
  return `${short} ${edition.toLowerCase()} edition${variant ? ` (${variant})` : ''}`;
}
