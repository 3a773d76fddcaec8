/**
 * Which files are articles, by extension. Kept apart from the parsers (index.ts) so that a caller needing only this
 * (the corpus store's folder scan, src/store/sync.ts) does not load the HTML parser.
 */
import type { ArticleFormat } from '../types.ts';
import { sidecarBase } from './sidecar.ts';

const FORMATS: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

/** The format a file name implies, or null for files the loader ignores (README, images...). */
export function formatOf(path: string): ArticleFormat | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (sidecarBase(name) !== null) return null;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (FORMATS[name.slice(dot)] ?? null) : null;
}
