/**
 * The `newsroom` command line: extract, search, verify, ask, start. stdout carries only the answer (JSON with
 * --json); warnings and logs go to stderr. Exit codes: 0 done, 1 a file or the configuration failed, 2 bad usage.
 */
// The pipeline (articles, extract, search, commands) is imported inside each subcommand: `--help` and usage
// errors answer at once and never depend on the rest of the code base loading.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { formatDateLong } from './citations/credit.ts';
import { ConfigError, loadConfig } from './config.ts';
import { quoted } from './reply/build.ts';
import { diffToPlain, quoteToPlain } from './reply/plain.ts';
import type { ArticleRef, SearchEngine, SearchResult, VerifyMatch } from './search/types.ts';
import type { Article, LoadProblem } from './types.ts';

export const USAGE = `Usage: newsroom <command> [options]

Commands:
  extract FILE... [--json]            Read article files and print their quotes and facts
  search "QUERY" [--type quote|fact|all] [--speaker NAME] [--limit N] [--data DIR] [--json]
                                      Search quotes and facts
  verify "TEXT" [--data DIR] [--json] Check a quote: exact, close (with a word diff) or not found
  ask "/quote putin working group" [--data DIR]
                                      Answer one bot command, as the console bot would
  start [--data DIR]                  Run the bot (Slack/Discord when configured, else the console)

Options:
  --data DIR   Article folder (default: NEWSROOM_DATA, else "data")
  --json       Machine-readable output on stdout
  -h, --help   Show this help`;

/** A usage mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
}

const SUBCOMMAND_OPTIONS = {
  extract: { json: { type: 'boolean' } },
  search: {
    json: { type: 'boolean' },
    type: { type: 'string' },
    speaker: { type: 'string' },
    limit: { type: 'string' },
    data: { type: 'string' },
  },
  verify: { json: { type: 'boolean' }, data: { type: 'string' } },
  ask: { data: { type: 'string' } },
  start: { data: { type: 'string' } },
} as const;

type Subcommand = keyof typeof SUBCOMMAND_OPTIONS;

function isSubcommand(name: string): name is Subcommand {
  return Object.hasOwn(SUBCOMMAND_OPTIONS, name);
}

function articleJson(a: ArticleRef) {
  return { title: a.title, outlet: a.outlet, url: a.url, published: a.published, source: a.source };
}

function problemLine(p: LoadProblem): string {
  // parseFile's reasons already start with the file; don't say it twice.
  return p.reason.startsWith(p.file) ? p.reason : `${p.file}: ${p.reason}`;
}

/** Resolves the data folder (--data, NEWSROOM_DATA, `data`) and loads the engine; load problems are warnings. */
async function engineFor(dataFlag: string | undefined, io: Io): Promise<SearchEngine> {
  const config = loadConfig(io.env, dataFlag ? { dataDir: dataFlag } : {});
  const { loadEngine } = await import('./main.ts');
  const engine = await loadEngine(config.dataDir);
  for (const p of engine.corpus.problems) io.err(`warning: ${problemLine(p)}`);
  return engine;
}

async function runExtract(files: string[], json: boolean, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('extract needs at least one FILE');
  const { parseFile } = await import('./articles/index.ts');
  const { buildCorpus } = await import('./corpus.ts');
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  for (const file of files) {
    try {
      articles.push(...(await parseFile(file)));
    } catch (error) {
      problems.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const corpus = buildCorpus(articles, problems);
  for (const p of problems) io.err(`error: ${problemLine(p)}`);
  if (json) {
    io.out(
      JSON.stringify({
        articles: corpus.articles.map((a) => ({
          source: a.source,
          title: a.title,
          outlet: a.outlet,
          url: a.url,
          published: a.published,
          author: a.author,
          quotes: a.quotes.map((q) => ({
            text: q.text,
            speaker: q.speaker,
            kind: q.kind,
            verb: q.verb,
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
            confidence: q.confidence,
          })),
          facts: a.facts.map((f) => ({ text: f.text, paragraph: f.paragraph, start: f.start, end: f.end })),
        })),
      }),
    );
  } else {
    for (const a of corpus.articles) {
      const lines = [
        `${a.source}`,
        `  Title:     ${a.title ?? 'title unknown'}`,
        `  Outlet:    ${a.outlet ?? 'outlet unknown'}`,
        `  URL:       ${a.url ?? 'no link'}`,
        `  Published: ${formatDateLong(a.published) ?? 'date unknown'}`,
        `  Author:    ${a.author ?? 'author unknown'}`,
        `  Quotes (${a.quotes.length}):`,
        ...a.quotes.map(
          (q) =>
            `    - [${q.kind}] ${q.speaker ?? 'speaker unknown'}${q.role ? ` (${q.role})` : ''}: “${q.text}”`,
        ),
        `  Facts (${a.facts.length}):`,
        ...a.facts.map((f) => `    - ${f.text}`),
      ];
      io.out(lines.join('\n'));
    }
  }
  return problems.length > 0 ? 1 : 0;
}

function resultJson(r: SearchResult) {
  return {
    type: r.type,
    text: r.text,
    speaker: r.speaker,
    role: r.role,
    kind: r.kind,
    confidence: r.confidence,
    score: r.score,
    article: articleJson(r.article),
    context: r.context,
    citation: r.citation,
    sources: r.sources.map((s) => ({ ...articleJson(s), text: s.text, paragraph: s.paragraph })),
  };
}

function readableResult(r: SearchResult, i: number): string {
  const a = r.article;
  return [
    `${i + 1}. [${r.type} ${r.score.toFixed(2)}] ${r.type === 'quote' ? quoteToPlain(quoted(r)).replace('\n', ' ') : r.text}`,
    `   ${a.outlet ?? 'outlet unknown'} · ${a.title ?? 'title unknown'} · ${formatDateLong(a.published) ?? 'date unknown'} · ${a.url ?? 'no link'}`,
    `   ${r.citation}`,
    ...(r.sources.length > 1 ? [`   also in ${r.sources.length - 1} more source(s)`] : []),
  ].join('\n');
}

const TYPES = ['quote', 'fact', 'all'] as const;

async function runSearch(
  query: string,
  flags: { type?: string; speaker?: string; limit?: string; data?: string; json?: boolean },
  io: Io,
): Promise<number> {
  const type = flags.type ?? 'all';
  if (!(TYPES as readonly string[]).includes(type))
    throw new UsageError(`--type must be quote, fact or all, got "${type}"`);
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit must be a whole number from 1 to 1000, got "${flags.limit}"`);
  const engine = await engineFor(flags.data, io);
  const response = engine.search(query, {
    type: type as (typeof TYPES)[number],
    limit,
    ...(flags.speaker ? { speaker: flags.speaker } : {}),
  });
  if (flags.json) io.out(JSON.stringify({ query, results: response.results.map(resultJson) }));
  else if (response.results.length === 0)
    io.out(
      `No results for “${query}”.${response.suggestions.length > 0 ? ` Did you mean: ${response.suggestions.join(', ')}?` : ''}`,
    );
  else io.out(response.results.map(readableResult).join('\n\n'));
  return 0;
}

function matchJson(m: VerifyMatch) {
  return {
    text: m.text,
    speaker: m.speaker,
    role: m.role,
    kind: m.kind,
    paraphrase: m.paraphrase,
    confidence: m.confidence,
    article: articleJson(m.article),
    diff: m.diff,
    similarity: m.similarity,
  };
}

const VERDICT_TEXT = {
  exact: 'exact: matches the published wording',
  close: 'close: the same quote with different wording',
  not_found: 'not found: no published quote matches',
} as const;

async function runVerify(text: string, flags: { data?: string; json?: boolean }, io: Io): Promise<number> {
  const engine = await engineFor(flags.data, io);
  const result = engine.verify(text);
  if (flags.json) io.out(JSON.stringify({ verdict: result.verdict, matches: result.matches.map(matchJson) }));
  else {
    const lines = [`Verdict: ${VERDICT_TEXT[result.verdict]}`];
    for (const m of result.matches) {
      lines.push(
        '',
        quoteToPlain(quoted(m)).replace('\n', ' '),
        `  ${m.article.outlet ?? 'outlet unknown'} · ${m.article.title ?? 'title unknown'} · ${formatDateLong(m.article.published) ?? 'date unknown'} · ${m.article.url ?? 'no link'}`,
      );
      if (m.kind !== 'indirect' && m.diff.some((p) => p.op !== 'equal'))
        lines.push(`  Diff: ${diffToPlain(m.diff)}`);
    }
    io.out(lines.join('\n'));
  }
  return 0;
}

async function runAsk(line: string, flags: { data?: string }, io: Io): Promise<number> {
  const engine = await engineFor(flags.data, io);
  const { ActionStore } = await import('./commands/actions.ts');
  const { executeCommand } = await import('./commands/index.ts');
  const { renderConsole, wantsColor } = await import('../adapters/console/render.ts');
  const trimmed = line.trim().replace(/^\/+/, '');
  const space = trimmed.search(/\s/);
  const command = space === -1 ? trimmed : trimmed.slice(0, space);
  const text = space === -1 ? '' : trimmed.slice(space + 1);
  const reply = await executeCommand(
    { command, text },
    { engine, actions: new ActionStore(), platform: 'console', user: { id: 'cli', name: 'cli' } },
  );
  io.out(renderConsole(reply, { color: wantsColor({ isTTY: io.stdoutIsTTY }, io.env) }));
  return 0;
}

function oneArgument(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  // Unquoted words arrive as several arguments; they mean one query.
  return positionals.join(' ');
}

/** Runs the CLI and returns the exit code (the bin sets process.exitCode so output flushes). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  try {
    if (!isSubcommand(name)) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
      const options: ParseArgsConfig['options'] = SUBCOMMAND_OPTIONS[name];
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const str = (key: string) =>
      typeof parsed.values[key] === 'string' ? (parsed.values[key] as string) : undefined;
    const v = {
      json: parsed.values.json === true,
      type: str('type'),
      speaker: str('speaker'),
      limit: str('limit'),
      data: str('data'),
    };
    switch (name) {
      case 'extract':
        return await runExtract(parsed.positionals, v.json, io);
      case 'search':
        return await runSearch(oneArgument(parsed.positionals, 'QUERY'), v, io);
      case 'verify':
        return await runVerify(oneArgument(parsed.positionals, 'TEXT'), v, io);
      case 'ask':
        return await runAsk(
          oneArgument(parsed.positionals, 'a command, e.g. "/quote putin working group"'),
          v,
          io,
        );
      case 'start': {
        if (parsed.positionals.length > 0)
          throw new UsageError(`start takes no arguments, got "${parsed.positionals.join(' ')}"`);
        const { main } = await import('./main.ts');
        return await main(v.data ? { dataDir: v.data } : {});
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`newsroom: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err('newsroom: the configuration has problems:');
      for (const p of error.problems) io.err(`  - ${p}`);
      return 1;
    }
    throw error;
  }
}

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `newsroom: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
