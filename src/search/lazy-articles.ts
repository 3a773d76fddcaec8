/**
 * Articles that arrive from another thread (a reload) or a snapshot file without being made into objects: each
 * article's small fields (id, title, outlet, url, dates...) are read at once, and its body (paragraphs, quotes,
 * facts) stays serialized in its chunk until a reply reads it, then is kept in a small cache of recently read bodies.
 *
 * Why (issue 15): made into objects on arrival, a million quotes' articles were tens of millions of objects built on
 * the answering thread, each surviving into the old generation: the young-generation collections that copied them
 * and the major collections that marked them held answers 54-96 ms at a time, and the heap grew with every quote.
 * Serialized, a body is bytes outside the heap the collector never walks, and memory per article is its bytes.
 *
 * A chunk's layout (all integers little-endian u32): the number of articles n, the byte length of the head, then
 * n + 1 offsets (from the chunk's start) of the bodies and their end; then the head (a V8 serialization of the n
 * articles' small fields, with their quote and fact counts), then each body (a V8 serialization of
 * `{ paragraphs, quotes, facts }`).
 */
import { deserialize, serialize } from 'node:v8';
import type { ArticleFormat, CorpusArticle, Fact, Quote } from '../types.ts';

/** An article's body: what stays serialized until read. */
interface Body {
  paragraphs: string[];
  quotes: Quote[];
  facts: Fact[];
}

/** An article's small fields as the head carries them, with the sizes of its body. */
type Head = Omit<CorpusArticle, keyof Body> & {
  quoteCount: number;
  factCount: number;
  /** Each quote's role (a speaker's profile counts them over every quote of the speaker, without the bodies). */
  quoteRoles: (string | null)[];
};

/** Bodies read recently, kept as objects (a reply reads an article's quotes and paragraphs several times). */
export const BODY_CACHE = 2048;

const HEADER_WORDS = 2;

/** One chunk of articles in the layout above. */
export function packArticles(articles: readonly CorpusArticle[]): Uint8Array {
  const heads: Head[] = [];
  const bodies: Buffer[] = [];
  for (const a of articles) {
    const { paragraphs, quotes, facts, ...rest } = a;
    heads.push({
      ...rest,
      quoteCount: quotes.length,
      factCount: facts.length,
      quoteRoles: quotes.map((q) => q.role ?? null),
    });
    bodies.push(serialize({ paragraphs, quotes, facts }));
  }
  const head = serialize(heads);
  const n = articles.length;
  const start = 4 * (HEADER_WORDS + n + 1) + head.byteLength;
  let length = start;
  for (const b of bodies) length += b.byteLength;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  view.setUint32(4, head.byteLength, true);
  out.set(head, 4 * (HEADER_WORDS + n + 1));
  let at = start;
  for (let j = 0; j < n; j++) {
    view.setUint32(4 * (HEADER_WORDS + j), at, true);
    out.set(bodies[j] as Buffer, at);
    at += (bodies[j] as Buffer).byteLength;
  }
  view.setUint32(4 * (HEADER_WORDS + n), at, true);
  return out;
}

/** The heads of a chunk (the small fields of its articles), checked against its layout. */
export function chunkHeads(chunk: Uint8Array): Head[] {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk.byteLength < 4 * HEADER_WORDS) throw new Error('packed index: article chunk too short');
  const n = view.getUint32(0, true);
  const headLength = view.getUint32(4, true);
  const headAt = 4 * (HEADER_WORDS + n + 1);
  if (
    headAt + headLength > chunk.byteLength ||
    view.getUint32(4 * (HEADER_WORDS + n), true) !== chunk.byteLength
  )
    throw new Error('packed index: article chunk of a wrong length');
  const heads = deserialize(chunk.subarray(headAt, headAt + headLength)) as Head[];
  if (!Array.isArray(heads) || heads.length !== n)
    throw new Error('packed index: article chunk heads missing');
  return heads;
}

/** The serialized bodies of a corpus's articles, read on demand, the recent ones cached. */
export class ArticleBodies {
  private readonly cache = new Map<number, Body>();
  /** Bodies read from bytes so far (tests, the bench). */
  reads = 0;

  /** `chunks[k]` holds articles k * perChunk ... (k + 1) * perChunk - 1. */
  constructor(
    private readonly chunks: readonly Uint8Array[],
    private readonly perChunk: number,
    private readonly capacity = BODY_CACHE,
  ) {}

  body(n: number): Body {
    const have = this.cache.get(n);
    if (have) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the least recent.
      this.cache.delete(n);
      this.cache.set(n, have);
      return have;
    }
    const body = this.read(n);
    if (this.cache.size >= this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(n, body);
    return body;
  }

  /**
   * Article n's body for one use: from the cache when it is there, else read and not kept (a scan of every article,
   * such as the phrase text's build, would otherwise turn the cache over and keep each body just long enough for a
   * young-generation collection to copy it).
   */
  peek(n: number): Body {
    return this.cache.get(n) ?? this.read(n);
  }

  private read(n: number): Body {
    const chunk = this.chunks[Math.floor(n / this.perChunk)];
    if (!chunk) throw new Error(`article ${n} is not in the packed corpus`);
    const j = n % this.perChunk;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const from = view.getUint32(4 * (HEADER_WORDS + j), true);
    const to = view.getUint32(4 * (HEADER_WORDS + j + 1), true);
    this.reads++;
    return deserialize(chunk.subarray(from, to)) as Body;
  }

  /** Bytes held serialized. */
  get bytes(): number {
    let total = 0;
    for (const c of this.chunks) total += c.byteLength;
    return total;
  }
}

/**
 * An article whose body is read from its chunk when first asked for. Its small fields are its own; `paragraphs`,
 * `quotes` and `facts` are getters (so `{ ...article }` does not copy them: materialize() does).
 */
export class LazyArticle implements CorpusArticle {
  declare id: string;
  declare source: string;
  declare format: ArticleFormat;
  declare title: string | null;
  declare outlet: string | null;
  declare url: string | null;
  declare published: string | null;
  declare author: string | null;
  readonly #bodies: ArticleBodies;
  readonly #n: number;
  readonly #quoteCount: number;
  readonly #factCount: number;
  readonly #quoteRoles: readonly (string | null)[];

  constructor(head: Head, bodies: ArticleBodies, n: number) {
    const { quoteCount, factCount, quoteRoles, ...fields } = head;
    Object.assign(this, fields);
    this.#bodies = bodies;
    this.#n = n;
    this.#quoteCount = quoteCount;
    this.#factCount = factCount;
    this.#quoteRoles = quoteRoles;
  }

  /** Quote r's role, without reading the body. */
  quoteRole(r: number): string | null {
    return this.#quoteRoles[r] ?? null;
  }

  get paragraphs(): string[] {
    return this.#bodies.body(this.#n).paragraphs;
  }

  get quotes(): Quote[] {
    return this.#bodies.body(this.#n).quotes;
  }

  get facts(): Fact[] {
    return this.#bodies.body(this.#n).facts;
  }

  /** The body for one use, not kept in the cache (ArticleBodies.peek). */
  peekBody(): Body {
    return this.#bodies.peek(this.#n);
  }

  get quoteCount(): number {
    return this.#quoteCount;
  }

  get factCount(): number {
    return this.#factCount;
  }
}

/** How many quotes and facts an article has, without reading a lazy article's body. */
export function articleSizes(a: CorpusArticle): { quotes: number; facts: number } {
  return a instanceof LazyArticle
    ? { quotes: a.quoteCount, facts: a.factCount }
    : { quotes: a.quotes.length, facts: a.facts.length };
}

/** Quote r's role in an article (a lazy article's from its head). */
export function quoteRoleOf(a: CorpusArticle, r: number): string | null {
  return a instanceof LazyArticle ? a.quoteRole(r) : (a.quotes[r]?.role ?? null);
}

/** An article's quotes and facts for one pass over them (a lazy article's body not kept: peekBody). */
export function bodyForScan(a: CorpusArticle): Pick<CorpusArticle, 'quotes' | 'facts'> {
  return a instanceof LazyArticle ? a.peekBody() : a;
}

/** A plain object of an article, its body included (tests; anything that copies an article). */
export function materialize(a: CorpusArticle): CorpusArticle {
  if (!(a instanceof LazyArticle)) return a;
  return { ...a, paragraphs: a.paragraphs, quotes: a.quotes, facts: a.facts };
}
