/**
 * Scores the metadata the loader reads from saved HTML pages (headline, byline, date, outlet) against a
 * JSON file of expected values. The pages and the expectations live outside the repository (real
 * pages are not ours to commit); see "Metadata from saved pages" in src/articles/README.md.
 *
 *   npm run --silent eval:metadata -- --pages DIR --expect FILE [--verbose] [--json]
 *   npm run --silent eval:metadata -- --results OUT.json --expect FILE    (score another tool's output)
 *
 * `--results` scores values some other extractor produced (`{"a.html": {"title", "author",
 * "published", "outlet"}}`) with the same comparison, so tools are measured on equal terms.
 *
 * FILE: `{"pages": [{"file": "a.html", "title": "...", "author": "A, B", "published": "2018-07-16",
 * "outlet": "..."}]}`. A field that is absent is not scored; a value may be null (nothing to cite) or an
 * array of acceptable values (a date near midnight UTC, a staff credit that may also be left blank).
 * Comparison forgives case, typographic quotes, whitespace, a leading "The" (outlets) and the order and
 * joining of several authors; nothing else.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticleText } from '../src/articles/index.ts';
import type { Article } from '../src/types.ts';

type Field = 'title' | 'author' | 'published' | 'outlet';
const FIELDS: readonly Field[] = ['title', 'author', 'published', 'outlet'];
type Expected = string | null | (string | null)[];
interface PageExpectation extends Partial<Record<Field, Expected>> {
  file: string;
}

function base(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The comparable form of a field's value. */
function comparable(field: Field, value: string | null): string | null {
  if (value === null) return null;
  switch (field) {
    case 'title':
      return base(value).replace(/[.\s]+$/, '');
    case 'outlet':
      return base(value)
        .replace(/^the\s+/, '')
        .replace(/[^\p{L}\p{N}]+/gu, '');
    case 'author':
      return base(value)
        .split(/\s*(?:,|;|&|\band\b|\/|・|、)\s*/)
        .map((name) => name.replace(/^by\s+/, '').trim())
        .filter((name) => name !== '')
        .sort()
        .join('|');
    case 'published':
      return value;
  }
}

function matches(field: Field, got: string | null, expected: Expected): boolean {
  const options = Array.isArray(expected) ? expected : [expected];
  const mine = comparable(field, got);
  return options.some((option) => comparable(field, option) === mine);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const pagesDir = arg('--pages');
  const resultsFile = arg('--results');
  const expectFile = arg('--expect');
  if ((!pagesDir && !resultsFile) || !expectFile) {
    process.stderr.write(
      'usage: metadata-eval (--pages DIR | --results FILE) --expect FILE [--verbose] [--json]\n',
    );
    process.exit(2);
  }
  const given = resultsFile
    ? (JSON.parse(await readFile(resultsFile, 'utf8')) as Record<
        string,
        Partial<Record<Field, string | null>>
      >)
    : null;
  const verbose = process.argv.includes('--verbose');
  const { pages } = JSON.parse(await readFile(expectFile, 'utf8')) as { pages: PageExpectation[] };
  const score = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<
    Field,
    { right: number; total: number }
  >;
  const misses: { file: string; field: Field; got: string | null; expected: Expected }[] = [];
  for (const page of pages) {
    let article: Partial<Record<Field, string | null>> | null = given?.[page.file] ?? null;
    if (!given && pagesDir) {
      try {
        const html = await readFile(join(pagesDir, page.file), 'utf8');
        article = (parseArticleText(html, 'html', page.file)[0] as Article | undefined) ?? null;
      } catch (error) {
        process.stderr.write(`${page.file}: ${(error as Error).message}\n`);
      }
    }
    for (const field of FIELDS) {
      const expected = page[field];
      if (expected === undefined) continue;
      const got = article?.[field] ?? null;
      score[field].total++;
      if (matches(field, got, expected)) score[field].right++;
      else misses.push({ file: page.file, field, got, expected });
    }
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ pages: pages.length, score, misses }, null, 2)}\n`);
    return;
  }
  const lines = [`${pages.length} pages`];
  for (const field of FIELDS) {
    const { right, total } = score[field];
    const pct = total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}%`;
    lines.push(`${field.padEnd(10)} ${pct.padStart(6)}  (${right}/${total})`);
  }
  if (verbose) {
    for (const miss of misses) {
      lines.push(
        `  ${miss.field} ${miss.file}: got ${JSON.stringify(miss.got)}, expected ${JSON.stringify(miss.expected)}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
