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
  search --batch FILE [--type ...] [--speaker NAME] [--limit N] [--data DIR]
                                      One search per JSON line {"query","type"?,"speaker"?,"limit"?}
                                      (FILE - is stdin); one JSON result per line, in input order
  verify "TEXT" [--data DIR] [--json] Check a quote: exact, close (with a word diff) or not found
  verify --batch FILE [--data DIR]    One check per JSON line {"text"}; one JSON result per line
  ask "/quote putin working group" [--data DIR]
                                      Answer one bot command, as the console bot would
  add URL|FILE... [--data DIR] [--json]
                                      Add articles: links fetched safely, files read; kept in DIR/added/
  start [--data DIR]                  Run the bot (Slack/Discord when configured, else the console)

Options:
  --data DIR   Article folder (default: NEWSROOM_DATA, else "data")
  --json       Machine-readable output on stdout
  --batch FILE JSON Lines in, JSON Lines out, the articles loaded once; a bad line gets
               {"line":N,"error":"..."} and the batch goes on
  -h, --help   Show this help
  -v, --version
               Show the version
  --data may come before or after the command.`;

/** A usage mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Input that cannot be read (a batch file): named on stderr, exit code 1. */
class InputError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /** Where `--batch -` reads from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

const SUBCOMMAND_OPTIONS = {
  // --data is accepted everywhere (README: "everywhere"); extract reads the files it is given.
  extract: { json: { type: 'boolean' }, data: { type: 'string' } },
  search: {
    json: { type: 'boolean' },
    type: { type: 'string' },
    speaker: { type: 'string' },
    limit: { type: 'string' },
    data: { type: 'string' },
    batch: { type: 'string' },
  },
  verify: { json: { type: 'boolean' }, data: { type: 'string' }, batch: { type: 'string' } },
  ask: { data: { type: 'string' } },
  start: { data: { type: 'string' } },
  add: { json: { type: 'boolean' }, data: { type: 'string' } },
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
  const engine = await loadEngine(config.dataDir, config.store);
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
            evidence: q.evidence ?? null,
            role: q.role,
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
            // As the bot shows it (speaker only when sure enough, a paraphrase unquoted), with the raw evidence.
            `    - [${q.kind}, confidence ${q.confidence}] ${quoteToPlain(quoted(q)).replace('\n', ' ')}`,
        ),
        `  Facts (${a.facts.length}):`,
        ...a.facts.map((f) => `    - ${f.text}`),
      ];
      io.out(lines.join('\n'));
    }
  }
  return problems.length > 0 ? 1 : 0;
}

/** The credit line of a result: composed by the commands layer (search returns data only). */
type Credit = (r: SearchResult) => string;

async function creditFor(engine: SearchEngine): Promise<Credit> {
  const present = await import('./commands/present.ts');
  return (r) => present.creditFor(engine, r);
}

function resultJson(r: SearchResult, credit: Credit) {
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
    citation: credit(r),
    sources: r.sources.map((s) => ({
      ...articleJson(s),
      text: s.text,
      paragraph: s.paragraph,
      speaker: s.speaker ?? null,
    })),
  };
}

function readableResult(r: SearchResult, i: number, credit: Credit): string {
  const a = r.article;
  return [
    `${i + 1}. [${r.type} ${r.score.toFixed(2)}] ${r.type === 'quote' ? quoteToPlain(quoted(r)).replace('\n', ' ') : r.text}`,
    `   ${a.outlet ?? 'outlet unknown'} · ${a.title ?? 'title unknown'} · ${formatDateLong(a.published) ?? 'date unknown'} · ${a.url ?? 'no link'}`,
    `   ${credit(r)}`,
    ...(r.sources.length > 1 ? [`   also in ${r.sources.length - 1} more source(s)`] : []),
  ].join('\n');
}

const TYPES = ['quote', 'fact', 'all'] as const;
type SearchType = (typeof TYPES)[number];

/** Validated search settings, from flags or from one batch line. A string is the problem, in words. */
function searchSettings(raw: {
  type?: unknown;
  speaker?: unknown;
  limit?: unknown;
}): { type: SearchType; speaker: string | undefined; limit: number } | string {
  const type = raw.type ?? 'all';
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type))
    return `type must be quote, fact or all, got ${JSON.stringify(type)}`;
  const limit = raw.limit === undefined ? 10 : typeof raw.limit === 'string' ? Number(raw.limit) : raw.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)
    return `limit must be a whole number from 1 to 1000, got ${JSON.stringify(raw.limit)}`;
  if (raw.speaker !== undefined && typeof raw.speaker !== 'string')
    return `speaker must be a string, got ${JSON.stringify(raw.speaker)}`;
  return { type: type as SearchType, speaker: raw.speaker || undefined, limit };
}

interface SearchFlags {
  type?: string;
  speaker?: string;
  limit?: string;
  data?: string;
  json?: boolean;
  batch?: string;
}

async function runSearch(query: string, flags: SearchFlags, io: Io): Promise<number> {
  const settings = searchSettings(flags);
  if (typeof settings === 'string') throw new UsageError(`--${settings}`);
  const engine = await engineFor(flags.data, io);
  const credit = await creditFor(engine);
  const response = engine.search(query, {
    type: settings.type,
    limit: settings.limit,
    ...(settings.speaker ? { speaker: settings.speaker } : {}),
  });
  const { nearSuggestions } = await import('./commands/suggest.ts');
  const near = nearSuggestions(query, response.suggestions);
  if (flags.json)
    io.out(JSON.stringify({ query, results: response.results.map((r) => resultJson(r, credit)) }));
  else if (response.results.length === 0)
    io.out(`No results for “${query}”.${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''}`);
  else io.out(response.results.map((r, i) => readableResult(r, i, credit)).join('\n\n'));
  return 0;
}

/** Non-blank lines of a JSON Lines file (`-`: stdin), numbered from 1, read as they come. */
async function* batchLines(file: string, io: Io): AsyncGenerator<{ line: number; text: string }> {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const input = file === '-' ? (io.stdin ?? process.stdin) : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim()) yield { line: n, text };
  }
}

/** An unreadable batch file is named before the articles are loaded (exit 1), not halfway through. */
async function checkBatchFile(file: string): Promise<void> {
  if (file === '-') return;
  const { access } = await import('node:fs/promises');
  try {
    await access(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Runs one JSON object per line through `answer`, writing one JSON line per input line in order; a line that is
 * not a JSON object, or that `answer` rejects (a string), becomes `{"line","error"}` and the batch goes on.
 */
async function runBatch(
  file: string,
  io: Io,
  answer: (request: Record<string, unknown>) => object | string,
): Promise<number> {
  for await (const { line, text } of batchLines(file, io)) {
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (error) {
      io.out(
        JSON.stringify({
          line,
          error: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      continue;
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      io.out(JSON.stringify({ line, error: 'each line must be a JSON object' }));
      continue;
    }
    let result: object | string;
    try {
      result = answer(request as Record<string, unknown>);
    } catch (error) {
      result = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    io.out(JSON.stringify(typeof result === 'string' ? { line, error: result } : result));
  }
  return 0;
}

async function runSearchBatch(file: string, flags: SearchFlags, io: Io): Promise<number> {
  const defaults = searchSettings(flags);
  if (typeof defaults === 'string') throw new UsageError(`--${defaults}`);
  await checkBatchFile(file);
  const engine = await engineFor(flags.data, io);
  const credit = await creditFor(engine);
  return runBatch(file, io, (request) => {
    if (typeof request.query !== 'string') return 'each line needs "query": a string';
    const settings = searchSettings({
      type: request.type ?? defaults.type,
      speaker: request.speaker ?? defaults.speaker,
      limit: request.limit ?? defaults.limit,
    });
    if (typeof settings === 'string') return settings;
    const response = engine.search(request.query, {
      type: settings.type,
      limit: settings.limit,
      ...(settings.speaker ? { speaker: settings.speaker } : {}),
    });
    return { query: request.query, results: response.results.map((r) => resultJson(r, credit)) };
  });
}

async function runVerifyBatch(file: string, flags: { data?: string }, io: Io): Promise<number> {
  await checkBatchFile(file);
  const engine = await engineFor(flags.data, io);
  return runBatch(file, io, (request) => {
    if (typeof request.text !== 'string' || !request.text.trim()) return 'each line needs "text": the quote';
    const result = engine.verify(request.text);
    return { verdict: result.verdict, matches: result.matches.map(matchJson) };
  });
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
  const columns = io.stdoutIsTTY ? process.stdout.columns : undefined;
  io.out(
    renderConsole(reply, {
      color: wantsColor({ isTTY: io.stdoutIsTTY }, io.env),
      ...(columns ? { width: columns } : {}),
    }),
  );
  return 0;
}

/** `--batch FILE` takes its questions from FILE: a query or text on the command line as well is a mistake. */
function batchFile(file: string, positionals: string[]): string {
  if (!file) throw new UsageError('--batch needs a FILE (or - for stdin)');
  if (positionals.length > 0)
    throw new UsageError(`--batch reads its questions from ${file}; drop "${positionals.join(' ')}"`);
  return file;
}

function oneArgument(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  // Unquoted words arrive as several arguments; they mean one query.
  return positionals.join(' ');
}

/** `newsroom 0.1.0`, from package.json. */
async function versionLine(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return `newsroom ${pkg.version ?? 'unknown version'}`;
}

/** `--data DIR` / `--data=DIR` written before the subcommand moves after it, where the parser reads it. */
function hoistGlobalOptions(argv: string[]): string[] {
  const global: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    if (arg === '--data' && i + 1 < argv.length) {
      global.push(arg, argv[i + 1] ?? '');
      i += 2;
    } else if (arg.startsWith('--data=')) {
      global.push(arg);
      i += 1;
    } else break;
  }
  const [name, ...rest] = argv.slice(i);
  return name === undefined ? global : [name, ...global, ...rest];
}

/** Node's parseArgs messages quote oddly (`'-- "--bogus"`); say it plainly, with what the command does take. */
function optionError(error: unknown, name: Subcommand): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const takes = Object.entries(SUBCOMMAND_OPTIONS[name])
    .map(([k, o]) => (o.type === 'string' ? `--${k} VALUE` : `--${k}`))
    .join(', ');
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
    return `${name} has no option ${option} (it takes ${takes}; -h for help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
    return `${option} needs a value (${name} takes ${takes}; -h for help)`;
  return message;
}

/** Runs the CLI and returns the exit code (the bin sets process.exitCode so output flushes). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--version') || argv.includes('-v') || argv[0] === 'version') {
    io.out(await versionLine());
    return 0;
  }
  const [name, ...rest] = hoistGlobalOptions(argv);
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
      throw new UsageError(optionError(error, name));
    }
    const str = (key: string) =>
      typeof parsed.values[key] === 'string' ? (parsed.values[key] as string) : undefined;
    const v = {
      json: parsed.values.json === true,
      type: str('type'),
      speaker: str('speaker'),
      limit: str('limit'),
      data: str('data'),
      batch: str('batch'),
    };
    switch (name) {
      case 'extract':
        return await runExtract(parsed.positionals, v.json, io);
      case 'search':
        if (v.batch !== undefined) return await runSearchBatch(batchFile(v.batch, parsed.positionals), v, io);
        return await runSearch(oneArgument(parsed.positionals, 'QUERY'), v, io);
      case 'verify':
        if (v.batch !== undefined) return await runVerifyBatch(batchFile(v.batch, parsed.positionals), v, io);
        return await runVerify(oneArgument(parsed.positionals, 'TEXT'), v, io);
      case 'ask':
        return await runAsk(
          oneArgument(parsed.positionals, 'a command, e.g. "/quote putin working group"'),
          v,
          io,
        );
      case 'add': {
        if (parsed.positionals.length === 0) throw new UsageError('missing URL or FILE to add');
        const { runAdd } = await import('./fetch/cli-add.ts');
        return await runAdd(parsed.positionals, v, io);
      }
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
    if (error instanceof InputError) {
      io.err(`newsroom: ${error.message}`);
      return 1;
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
