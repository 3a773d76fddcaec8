/**
 * What a stored result depends on besides the article itself. The extractor's declared EXTRACTOR_VERSION says when
 * its output changes on purpose; a hash of the extractor's, parser's and search's own source files guards against a
 * change nobody remembered to declare (a stale extraction or index would silently answer with old rules).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION } from '../extract/version.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** sha256 of a folder's .ts files (names and contents, in name order), first 16 hex digits. */
function sourceHash(folder: string, extra: string[] = []): string {
  const hash = createHash('sha256');
  const dir = `${SRC}${folder}`;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(`${dir}/${name}`))
      .update('\0');
  }
  for (const file of extra)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(`${SRC}${file}`));
  return hash.digest('hex').slice(0, 16);
}

let cached: Fingerprints | null = null;

export interface Fingerprints {
  /** Extraction results are stored under this: EXTRACTOR_VERSION plus the extractor's source hash. */
  extractor: string;
  /** A file is parsed again when this changes (its articles keep their extraction if their text is the same). */
  parser: string;
  /** A search-index snapshot is reused only under the same search code, extractor and Node (v8 format). */
  search: string;
}

export function fingerprints(): Fingerprints {
  cached ??= {
    extractor: `${EXTRACTOR_VERSION}+${sourceHash('extract', ['types.ts'])}`,
    parser: sourceHash('articles', ['types.ts']),
    search: `${sourceHash('search', ['types.ts'])}+${process.versions.v8}`,
  };
  return cached;
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}
