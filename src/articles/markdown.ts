/**
 * Markdown articles: YAML front matter (via gray-matter) for metadata, and the Markdown body reduced to
 * plain-text paragraphs. Headings are kept as short paragraphs (as the seed texts keep subheads), except
 * a heading that repeats the title, or a leading `# Title` that serves as the title when the front
 * matter gives none. Emphasis marks are stripped, links keep their text, images and code fences'
 * markers go; list items and block quotes become paragraphs of their own.
 */
import matter from 'gray-matter';
import { cleanField, cleanText, sameTitle } from './clean.ts';
import { metaFromRecord, normaliseDate, PUBLISHED_KEYS } from './metadata.ts';
import { ArticleError, type ParsedArticle } from './types.ts';

/** Front matter must be data: gray-matter would `eval` a `---js` block, so other languages are refused. */
function refuse(language: string) {
  return () => {
    throw new Error(`front matter in ${language} is not supported (use YAML)`);
  };
}

const ESCAPE_BASE = 0xe100;

/**
 * Strips inline Markdown from one paragraph's text. Every span is bounded so that a huge paragraph full
 * of unmatched markers stays linear rather than quadratic.
 */
export function stripInline(text: string): string {
  // Escaped characters are hidden from the markup rules (as private-use stand-ins), then restored.
  const hidden = text.replace(/\\([\\`*_{}[\]()#+\-.!>~|"'<])/g, (_, c: string) =>
    String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)),
  );
  return (
    hidden
      .replace(/<!--[\s\S]{0,10000}?-->/g, '')
      .replace(/!\[[^\]]{0,1000}\]\([^)]{0,2000}\)/g, '')
      .replace(/!\[[^\]]{0,1000}\]\[[^\]]{0,100}\]/g, '')
      .replace(/\[\^[^\]\s]{1,100}\]/g, '')
      .replace(
        /\[([^\][]{1,1000})\]\((?:[^()\s]|\([^()]{0,500}\))*(?:\s+(?:"[^"]{0,500}"|'[^']{0,500}'))?\)/g,
        '$1',
      )
      .replace(/\[([^\][]{1,1000})\]\[[^\]]{0,100}\]/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/`([^`]{1,1000})`/g, '$1')
      .replace(/(\*\*|__)(?=\S)([\s\S]{1,500}?)(?<=\S)\1/g, '$2')
      .replace(/\*(?=\S)([^*]{1,500}?)(?<=\S)\*/g, '$1')
      // Underscores inside words (snake_case, URLs) are not emphasis.
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_]{1,500}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([\s\S]{1,500}?)(?<=\S)~~/g, '$1')
      .replace(/<\/?[a-zA-Z][^<>]{0,1000}>/g, '')
      .replace(/[\uE100-\uE17F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE))
      .replace(/\s+/g, ' ')
      .trim()
  );
}

interface Block {
  kind: 'heading' | 'text';
  level: number;
  text: string;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const HR = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits a Markdown body into heading and text blocks. */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current.length > 0) out.push({ kind: 'text', level: 0, text: current.join(' ') });
    current = [];
  };
  for (const raw of markdown.split('\n')) {
    if (fence) {
      if (raw.trimStart().startsWith(fence)) {
        fence = null;
        flush();
      } else if (raw.trim() !== '') current.push(raw.trim());
      continue;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen?.[1]) {
      flush();
      fence = fenceOpen[1];
      continue;
    }
    // Block quotes are quoted text: keep it, without the markers.
    const line = raw.replace(/^(?:\s{0,3}>\s?)+/, '');
    if (line.trim() === '' || REF_DEF.test(line) || TABLE_RULE.test(line)) {
      flush();
      continue;
    }
    if (current.length === 1 && /^\s{0,3}(=+|-+)\s*$/.test(line)) {
      // Setext heading: the single line above is underlined.
      out.push({ kind: 'heading', level: line.includes('=') ? 1 : 2, text: current[0] ?? '' });
      current = [];
      continue;
    }
    if (HR.test(line)) {
      flush();
      continue;
    }
    const atx = ATX.exec(line);
    if (atx?.[1]) {
      flush();
      out.push({ kind: 'heading', level: atx[1].length, text: atx[2] ?? '' });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      current.push(line.replace(LIST_ITEM, ''));
      continue;
    }
    current.push(line.trim().replace(/^\|\s*|\s*\|$/g, ''));
  }
  flush();
  return out
    .map((b) => ({ ...b, text: stripInline(b.text) }))
    .filter((b) => b.text !== '' && !/^[-*_=#~.•\s]+$/.test(b.text));
}

/** The date exactly as written in the front matter: YAML would turn `2018-07-16T23:30-04:00` into UTC. */
function rawFrontMatterDate(frontMatter: string): string | null {
  for (const key of PUBLISHED_KEYS) {
    const m = new RegExp(`^\\s*${key}\\s*:\\s*["']?([^"'\\n#]+)`, 'm').exec(frontMatter);
    if (m?.[1]) return normaliseDate(m[1]);
  }
  return null;
}

const FRONT_MATTER = /^---[^\S\n]*\n([\s\S]*?)\n(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;

/**
 * Front matter YAML rejects (`title: Trump: a profile`, an unclosed bracket) is read line by line as
 * `key: value`, so that a small slip in the metadata does not cost the whole article.
 */
function lenientFrontMatter(
  text: string,
): { data: Record<string, unknown>; matter: string; content: string } | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  const data: Record<string, unknown> = {};
  for (const line of (m[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (kv?.[1] && kv[2]) data[kv[1]] = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { data, matter: m[1] ?? '', content: text.slice(m[0].length) };
}

/** Parses a Markdown article (front matter + body). Throws ArticleError on executable front matter. */
export function parseMarkdown(content: string): ParsedArticle {
  const text = cleanText(content);
  let file: { data: unknown; matter: string; content: string };
  try {
    // Passing options also turns off gray-matter's cache, which hands back one shared object per input.
    file = matter(text, {
      engines: { js: refuse('JavaScript'), javascript: refuse('JavaScript'), coffee: refuse('CoffeeScript') },
    });
  } catch (error) {
    const lenient = lenientFrontMatter(text);
    if (!lenient) {
      const reason = (error as Error).message.split('\n')[0] ?? 'unreadable';
      throw new ArticleError(`invalid front matter: ${reason}`);
    }
    file = lenient;
  }
  const data: Record<string, unknown> =
    file.data && typeof file.data === 'object' && !Array.isArray(file.data)
      ? (file.data as Record<string, unknown>)
      : {};
  const meta = metaFromRecord(data);
  meta.published = rawFrontMatterDate(file.matter) ?? meta.published;

  // Embedded scripts and styles (tweet embeds, widgets) are code, not article text.
  const found = blocks(file.content.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ''));
  const first = found[0];
  if (!meta.title && first?.kind === 'heading' && first.level === 1) {
    meta.title = cleanField(first.text);
    found.shift();
  }
  const paragraphs = found
    .filter((b) => !(b.kind === 'heading' && sameTitle(b.text, meta.title)))
    .map((b) => b.text);
  return { format: 'md', meta, guessed: new Set(), paragraphs };
}
