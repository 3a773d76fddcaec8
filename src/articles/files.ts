/** File-system side of the loader: walking the data folder and reading a file as text, with friendly errors. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
export async function readTextFile(path: string): Promise<string> {
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
  return decodeText(bytes);
}

/** Decodes file bytes to text; see readTextFile. Throws ArticleError with the reason. */
export function decodeText(bytes: Uint8Array): string {
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
    throw new ArticleError('not valid UTF-8 text');
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
