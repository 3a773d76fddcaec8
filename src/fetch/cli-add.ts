/**
 * `newsroom add URL|FILE... [--data DIR] [--json]`: links are fetched through the guard, files read from disk; each
 * article is kept under DATA/added/ (src/fetch/library.ts) and, with a store, stored before the command ends.
 */
import { loadConfig } from '../config.ts';
import type { SearchEngine } from '../search/types.ts';
import { FetchRefused } from './guard.ts';
import { fetchPolicy } from './index.ts';
import { type AddOutcome, AddRefused, ArticleLibrary } from './library.ts';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** `http://…`, `ftp://…`, `file:…`: a link for the guard to judge, not a path. */
const LINK = /^[a-z][a-z0-9+.-]*:(?!\\)/i;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(what: string, o: AddOutcome): string {
  const a = o.article;
  const lines = [
    `${o.status} ${o.file}: ${a.title ?? 'title unknown'} (${a.outlet ?? 'outlet unknown'}, ${a.published ?? 'date unknown'}) — ${plural(a.quotes.length, 'quote')}, ${plural(a.facts.length, 'fact')}`,
  ];
  if (o.status === 'exists')
    lines[0] = `exists ${o.file}: ${a.title ?? 'title unknown'} (nothing added from ${what})`;
  for (const q of a.quotes.slice(0, 3)) lines.push(`  “${q.text}” — ${q.speaker ?? 'speaker unknown'}`);
  return lines.join('\n');
}

export async function runAdd(
  items: string[],
  flags: { data?: string | undefined; json?: boolean },
  io: Io,
): Promise<number> {
  const config = loadConfig(io.env, flags.data ? { dataDir: flags.data } : {});
  const { loadEngine } = await import('../main.ts');
  const engine: SearchEngine = await loadEngine(config.dataDir, config.store);
  const library = new ArticleLibrary({ dataDir: config.dataDir, policy: fetchPolicy(config.fetch) });
  let failed = 0;
  let wrote = false;
  for (const item of items) {
    try {
      let outcome: AddOutcome;
      if (LINK.test(item)) outcome = await library.addUrl(item, 'cli', engine.corpus);
      else {
        const { formatOf } = await import('../articles/index.ts');
        const { readTextFile } = await import('../articles/files.ts');
        const format = formatOf(item.replaceAll('\\', '/'));
        if (!format)
          throw new AddRefused('not-article', `${item}: not an article file (.txt, .md, .html, .json)`);
        const text = await readTextFile(item, { html: format === 'html' });
        outcome = await library.addText(
          text,
          format,
          { requested: item, fetched: null },
          'cli',
          engine.corpus,
        );
      }
      if (outcome.status === 'added' || outcome.status === 'updated') wrote = true;
      if (flags.json)
        io.out(
          JSON.stringify({
            input: item,
            status: outcome.status,
            file: outcome.file,
            title: outcome.article.title,
            outlet: outcome.article.outlet,
            published: outcome.article.published,
            url: outcome.article.url,
            quotes: outcome.article.quotes.length,
            facts: outcome.article.facts.length,
            firstQuotes: outcome.article.quotes
              .slice(0, 3)
              .map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind })),
          }),
        );
      else io.out(summary(item, outcome));
    } catch (error) {
      failed++;
      const known = error instanceof FetchRefused || error instanceof AddRefused;
      const message = known || error instanceof Error ? (error as Error).message : String(error);
      if (flags.json) io.out(JSON.stringify({ input: item, error: message }));
      else io.err(`newsroom: ${item}: ${message}`);
    }
  }
  // Store what was added now, so the next search or start reads it from the store.
  if (wrote && config.store) await loadEngine(config.dataDir, config.store);
  return failed > 0 ? 1 : 0;
}
