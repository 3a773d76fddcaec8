/**
 * The corpus and its search index, built from the store (never re-extracting) and kept as a snapshot file under a
 * key naming everything it was built from (each article's content hash and extraction version, the problems, the
 * search code and Node). A restart over an unchanged corpus reads the snapshot instead of building; any difference
 * in the key builds afresh. A snapshot that cannot be read is rebuilt, never trusted.
 *
 * The file is the packed index (src/search/packed.ts) written raw: a 16-byte magic, the header's length (4 bytes)
 * and the header (JSON: key, layout, each part's length and element type), then each part at an 8-byte boundary.
 * Reading compares the key before anything else, then reads the meta part and the chunks with one read into one
 * buffer (as pack() lays them out: they move to the main thread as one buffer), and the arrays likewise into another.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildIndex } from '../search/build.ts';
import { engineOver } from '../search/index.ts';
import {
  ARRAY_NAMES,
  ARRAY_TYPES,
  align8,
  arraysOver,
  layOut,
  PACK_LAYOUT,
  type PackedIndex,
  pack,
  unpack,
  unpackAsync,
} from '../search/packed.ts';
import type { SearchEngine } from '../search/types.ts';
import type { Corpus, CorpusArticle, LoadProblem } from '../types.ts';
import { fingerprints, sha256 } from './fingerprint.ts';
import { pairKey, type StoreBackend, type StoreState } from './types.ts';

const MAGIC = 'newsroom-snap-v2';
const MAGIC_BYTES = Buffer.from(MAGIC, 'latin1');

interface Header {
  key: string;
  layout: number;
  /** The meta part's head and pieces (src/search/packed.ts). */
  meta: number[];
  chunks: number[];
  arrays: Record<string, { type: 'i32' | 'u8'; bytes: number }>;
}

function writeAll(fd: number, bytes: Uint8Array, at: number): void {
  let done = 0;
  while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, at + done);
}

function readAll(fd: number, into: Uint8Array, at: number): void {
  let done = 0;
  while (done < into.byteLength) {
    const n = readSync(fd, into, done, into.byteLength - done, at + done);
    if (n === 0) throw new Error('snapshot file ends early');
    done += n;
  }
}

/** Writes a packed index under `key` (to a temporary file renamed into place: a reader never sees half of it). */
export function writeSnapshot(file: string, key: string, p: PackedIndex): void {
  const header: Header = {
    key,
    layout: p.layout,
    meta: p.meta.map((m) => m.byteLength),
    chunks: p.chunks.map((c) => c.byteLength),
    arrays: Object.fromEntries(
      ARRAY_NAMES.map((name) => [name, { type: ARRAY_TYPES[name], bytes: p.arrays[name].byteLength }]),
    ),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.byteLength);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, MAGIC_BYTES, 0);
    writeAll(fd, length, 16);
    writeAll(fd, json, 20);
    let at = align8(20 + json.byteLength);
    const parts = [...p.meta, ...p.chunks, ...ARRAY_NAMES.map((name) => p.arrays[name])];
    for (const part of parts) {
      writeAll(fd, new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
      at = align8(at + part.byteLength);
    }
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, file);
}

/** The packed index in `file` when it was written under `key`; null when there is none, or another key's. */
export function readSnapshot(file: string, key: string): PackedIndex | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = new Uint8Array(20);
    readAll(fd, head, 0);
    if (Buffer.from(head.subarray(0, 16)).toString('latin1') !== MAGIC) return null;
    const length = Buffer.from(head).readUInt32LE(16);
    if (length > 16 * 1024 * 1024) return null;
    const json = new Uint8Array(length);
    readAll(fd, json, 20);
    const header = JSON.parse(Buffer.from(json).toString('utf8')) as Header;
    if (header.key !== key || header.layout !== PACK_LAYOUT) return null;
    if (!Array.isArray(header.meta) || !Array.isArray(header.chunks)) return null;
    let at = align8(20 + length);
    const next = (bytes: number): Uint8Array => {
      // A buffer of its own (never Node's shared pool), not zero-filled: the read fills it whole or throws.
      const part = new Uint8Array(Buffer.allocUnsafeSlow(bytes).buffer, 0, bytes);
      readAll(fd, part, at);
      at = align8(at + bytes);
      return part;
    };
    // The meta part and the chunks, laid out as inOneBuffer() lays them, in one read and one buffer: they travel to
    // the main thread as one buffer, not one per chunk (src/search/packed.ts, inOneBuffer).
    const sizes = [...header.meta, ...header.chunks];
    const { starts, length: span } = layOut(sizes);
    const whole = next(span);
    const parts = sizes.map((n, k) => whole.subarray(starts[k], (starts[k] as number) + n));
    const meta = parts.slice(0, header.meta.length);
    const chunks = parts.slice(header.meta.length);
    // The arrays likewise, in a buffer of their own.
    const arraySizes: number[] = [];
    for (const name of ARRAY_NAMES) {
      const spec = header.arrays[name];
      if (!spec || spec.type !== ARRAY_TYPES[name] || (spec.type === 'i32' && spec.bytes % 4 !== 0))
        return null;
      arraySizes.push(spec.bytes);
    }
    const laid = layOut(arraySizes);
    const all = next(laid.length);
    const arrays = arraysOver(
      arraySizes.map((n, k) => all.subarray(laid.starts[k], (laid.starts[k] as number) + n)),
    );
    return { layout: header.layout, meta, chunks, arrays };
  } finally {
    closeSync(fd);
  }
}

export interface SnapshotResult {
  /** The corpus and index in buffers (src/search/packed.ts): what engineFromSnapshot reads. Transferable. */
  packed: PackedIndex;
  /** True when read from the snapshot file rather than built. */
  reused: boolean;
  /** Articles answering with an extraction of an older extractor version (being redone in the background). */
  stale: number;
  articles: number;
}

/**
 * Builds (or reads) the snapshot for what the store holds now. `problems` are added to the corpus's own (the data
 * folder missing, say). `file` is where the snapshot lives; null keeps none.
 */
export async function snapshotFromStore(
  store: StoreBackend,
  options: {
    dataDir: string;
    file: string | null;
    problems?: LoadProblem[];
    version?: string;
    /** The store's files and versions when the caller has just read them. */
    state?: StoreState;
  },
): Promise<SnapshotResult> {
  const fp = fingerprints();
  const version = options.version ?? fp.extractor;
  // Path order, as the loader reads a folder (byte order: a database's collation may sort otherwise).
  const files = [...(options.state?.files ?? (await store.files()))].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0,
  );
  const versions = options.state?.versions ?? (await store.extractionVersions());
  const entries: { id: string; source: string; hash: string; version: string }[] = [];
  const problems: LoadProblem[] = [...(options.problems ?? [])];
  let stale = 0;
  for (const f of files) {
    if (f.problem) problems.push(...(JSON.parse(f.problem) as LoadProblem[]));
    for (const a of f.articles) {
      const have = versions.get(a.hash) ?? [];
      const v = have.includes(version) ? version : have[0];
      if (v === undefined) continue;
      if (v !== version) stale++;
      entries.push({ ...a, version: v });
    }
  }
  const key = sha256(
    MAGIC,
    fp.search,
    fp.extractor,
    options.dataDir,
    JSON.stringify(entries),
    JSON.stringify(problems),
  );
  if (options.file) {
    try {
      const packed = readSnapshot(options.file, key);
      if (packed) return { packed, reused: true, stale, articles: entries.length };
    } catch {
      // Unreadable: build one.
    }
  }
  const bodies = await store.articleBodies([...new Set(entries.map((e) => e.hash))]);
  const extractions = await store.extractions(entries.map((e) => ({ hash: e.hash, version: e.version })));
  const articles: CorpusArticle[] = [];
  for (const e of entries) {
    const body = bodies.get(e.hash);
    const ex = extractions.get(pairKey(e.hash, e.version));
    if (!body || !ex) continue;
    articles.push({ id: e.id, source: e.source, ...body, quotes: ex.quotes, facts: ex.facts });
  }
  const { buildSpeakers } = await import('../extract/speakers.ts');
  const corpus: Corpus = {
    dataDir: options.dataDir,
    articles,
    speakers: buildSpeakers(articles),
    problems,
    loadedAt: new Date(),
  };
  const packed = pack(corpus, buildIndex(corpus));
  if (options.file) {
    try {
      writeSnapshot(options.file, key, packed);
    } catch {
      // A read-only cache folder only costs the next start a rebuild.
    }
  }
  return { packed, reused: false, stale, articles: articles.length };
}

/**
 * The search engine over a snapshot: the same parts createSearchEngine (src/search/index.ts) assembles, over an
 * index read back instead of built. test/store/store.test.ts checks both answer alike. All at once: for start-up.
 */
export function engineFromSnapshot(packed: PackedIndex): SearchEngine {
  const { corpus, index } = unpack(packed);
  return engineOver(corpus, index);
}

/** engineFromSnapshot in short slices of the event loop: for reloads, while the current engine keeps answering. */
export async function engineFromSnapshotAsync(packed: PackedIndex): Promise<SearchEngine> {
  const { corpus, index } = await unpackAsync(packed);
  return engineOver(corpus, index);
}
