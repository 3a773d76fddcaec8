/** File-system side of the loader: walking the data folder and reading a file as text, with friendly errors. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { ArticleError } from './types.ts';

/** Files larger than this are reported rather than read: no newsroom article is 20 MB of text. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A short human reason for a file-system error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (or a broken link)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'link loop';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a file as text. Accepts UTF-8 (with or without BOM) and BOM-marked UTF-16; rejects binary
 * data and invalid UTF-8 rather than guessing an encoding and corrupting quotes.
 */
export async function readTextFile(path: string, options: { html?: boolean } = {}): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ArticleError('is a folder, not a file');
    if (info.size > MAX_FILE_BYTES) {
      throw new ArticleError(`file too large (${(info.size / 1024 / 1024).toFixed(1)} MB; limit 20 MB)`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    throw new ArticleError(describeFsError(error));
  }
  return decodeText(bytes, options);
}

/**
 * The decoder for the charset an HTML page declares (`<meta charset="windows-1252">` or the
 * http-equiv form), when it names one TextDecoder knows; older saved pages are often not UTF-8.
 */
function declaredCharset(bytes: Uint8Array): { decode(bytes: Uint8Array): string } | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (!m?.[1] || /^utf-?8$/i.test(m[1])) return null;
  // Node decodes these labels as ISO-8859-1, turning Windows curly quotes into C1 controls; browsers
  // (and the WHATWG spec) read them all as windows-1252.
  if (/^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii)$/i.test(m[1])) {
    return { decode: decodeWindows1252 };
  }
  try {
    return new TextDecoder(m[1]);
  } catch {
    return null;
  }
}

// windows-1252 bytes 0x80..0x9F; the rest of the range is ISO-8859-1. Unassigned bytes stay as they are.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
}

/** Decodes file bytes to text; see readTextFile. Throws ArticleError with the reason. */
export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new ArticleError('binary file, not text');
  let text: string;
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = options.html ? declaredCharset(bytes) : null;
    if (!declared) throw new ArticleError('not valid UTF-8 text');
    text = declared.decode(bytes);
  }
  if (text.trim() === '') throw new ArticleError('empty file');
  return text;
}

/** One entry found under the data folder: its path relative to it (always with `/`) and its full path. */
export interface FoundFile {
  rel: string;
  path: string;
}

/**
 * Lists every file under dir, recursively, skipping hidden entries and node_modules. Symbolic links
 * are followed once (a link loop is not walked twice). Folders that cannot be read are reported.
 */
export async function walk(
  dir: string,
): Promise<{ files: FoundFile[]; problems: { file: string; reason: string }[] }> {
  const files: FoundFile[] = [];
  const problems: { file: string; reason: string }[] = [];
  const seen = new Set<string>();

  async function visit(path: string, rel: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      problems.push({ file: path, reason: describeFsError(error) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: path, reason: describeFsError(error) });
      return;
    }
    // Sorted, so that which of two paths to the same folder is kept does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childPath = join(path, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = (await stat(childPath)).isDirectory();
        } catch {
          // A dangling link is handed on as a file so that reading it reports the problem.
          isDir = false;
        }
      }
      if (isDir) await visit(childPath, childRel);
      else files.push({ rel: childRel, path: childPath });
    }
  }

  await visit(dir, '');
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, problems };
}

/** Files read at once: enough to overlap disk waits, few enough to stay far from open-file limits. */
const READ_CONCURRENCY = 16;

/** Maps items through an async function, `limit` at a time, keeping results in item order. */
export async function mapInOrder<T, R>(
  items: T[],
  fn: (item: T) => Promise<R>,
  limit = READ_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
