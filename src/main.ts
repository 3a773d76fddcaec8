/**
 * `npm start`: load the configuration and the corpus, then run every adapter whose credentials are set
 * (HTTP ones on one shared server), or the console bot when there are none.
 */
import { watch } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import type { Adapter, AdapterDeps, HttpRoute } from './adapter.ts';
import { ActionStore } from './commands/actions.ts';
import { setArticleLibrary, setEditors } from './commands/add.ts';
import { setFeedPoller } from './commands/feeds.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { loadCorpus } from './corpus.ts';
import { loadPackedInWorker, prewarmWorkers, stopCorpusWorkers } from './corpus-thread.ts';
import { defaultStateFile, FeedPoller } from './feeds/poller.ts';
import { fetchPolicy } from './fetch/index.ts';
import { ArticleLibrary } from './fetch/library.ts';
import { createLogger, type Logger, TerminalLog } from './log.ts';
import { metricsText, observeReload } from './metrics.ts';
import { createSearchEngine, engineOver } from './search/index.ts';
import { articleSizes } from './search/lazy-articles.ts';
import { unpackAsync } from './search/packed.ts';
import type { SearchEngine } from './search/types.ts';
import { type RunningServer, startHttpServer } from './server.ts';
import { CorpusStore, type StoreConfig, stopStoreWorkers } from './store/index.ts';
import type { Corpus } from './types.ts';

/** Counts shown at start-up and by GET /healthz. */
export function corpusCounts(corpus: Corpus): {
  articles: number;
  quotes: number;
  facts: number;
  speakers: number;
} {
  let quotes = 0;
  let facts = 0;
  // (Sizes, not bodies: a reloaded corpus's bodies stay serialized until read; src/search/lazy-articles.ts.)
  for (const a of corpus.articles) {
    const n = articleSizes(a);
    quotes += n.quotes;
    facts += n.facts;
  }
  return { articles: corpus.articles.length, quotes, facts, speakers: corpus.speakers.length };
}

/**
 * Loads the data folder and builds its search engine. Never throws for bad files: they are in corpus.problems.
 * With a store (the CLI passes config.store), only new and changed files are read and extracted, and an unchanged
 * corpus loads its index snapshot; without one (null), everything is read and extracted in memory.
 */
export async function loadEngine(
  dataDir: string,
  store: StoreConfig | null = null,
  logger?: Logger,
): Promise<SearchEngine> {
  if (!store) return createSearchEngine(await loadCorpus(dataDir));
  const opened = await openEngine(dataDir, store, logger ?? createLogger('silent'), false);
  await opened.store?.close();
  return opened.engine;
}

/**
 * The first load with a store: sync the data folder into it and read the snapshot. When PostgreSQL is out of reach
 * the files are read into memory and the store keeps reconnecting (the bot answers meanwhile). `background`
 * lets stale extractions be redone after start (a bot), not a one-shot CLI call.
 */
export async function openEngine(
  dataDir: string,
  config: StoreConfig | null,
  logger: Logger,
  background = true,
): Promise<{ engine: SearchEngine; store: CorpusStore | null }> {
  if (!config) return { engine: createSearchEngine(await loadCorpus(dataDir)), store: null };
  const store = new CorpusStore(config, dataDir, logger, background);
  const engine = await store.start();
  return { engine: engine ?? createSearchEngine(await loadCorpus(dataDir)), store };
}

/**
 * For reloads while the bot is answering: files are read and extracted, and the search index built, on a worker
 * thread; here corpus and index are only unpacked from the buffers it sends, a few milliseconds at a time.
 */
export async function reloadEngine(dataDir: string): Promise<SearchEngine> {
  const { corpus, index } = await unpackAsync(await loadPackedInWorker(dataDir));
  return engineOver(corpus, index);
}

/**
 * Holds the current engine. A reload builds the new one in the background and swaps it in when done, so
 * queries never wait; a failed reload keeps the old engine.
 */
export class EngineHolder {
  private reloading: Promise<boolean> | null = null;
  private again = false;

  constructor(
    private current: SearchEngine,
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly load: (dir: string) => Promise<SearchEngine> = reloadEngine,
  ) {}

  readonly get = (): SearchEngine => this.current;

  /** Resolves true when a new engine was swapped in. Reloads asked for during a reload run once after it. */
  reload(): Promise<boolean> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      let swapped = false;
      do {
        this.again = false;
        try {
          const next = await this.load(this.dataDir);
          this.current = next;
          swapped = true;
          observeReload(true);
          this.logger.info(
            { ...corpusCounts(next.corpus), problems: next.corpus.problems },
            'corpus reloaded',
          );
        } catch (error) {
          observeReload(false);
          this.logger.error({ err: error }, 'reload failed; keeping the previous corpus');
        }
      } while (this.again);
      this.reloading = null;
      return swapped;
    })();
    return this.reloading;
  }
}

type AdapterFactory = (deps: AdapterDeps) => Promise<Adapter>;

/** Adapters are imported only when configured, so a console-only run never loads a chat SDK. */
async function importAdapter(path: string, exportName: string): Promise<AdapterFactory> {
  const module = (await import(path)) as Record<string, unknown>;
  const factory = module[exportName];
  if (typeof factory !== 'function') throw new Error(`${path} does not export ${exportName}`);
  return factory as AdapterFactory;
}

export interface MainIO {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Data-folder changes are bursty (an editor saves twice, a sync drops many files): wait for quiet. */
const WATCH_DEBOUNCE_MS = 500;

/** Starts the bot; resolves when it has stopped (console: end of input; chat: SIGINT/SIGTERM). Returns the exit code. */
export async function main(
  options: { dataDir?: string } = {},
  io: MainIO = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(io.env, options.dataDir ? { dataDir: options.dataDir } : {});
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`newsroom: cannot start, the configuration has problems:\n`);
      for (const p of error.problems) io.stderr.write(`  - ${p}\n`);
      io.stderr.write('See .env.example for every variable.\n');
      return 1;
    }
    throw error;
  }
  // A person at a terminal reads the log; pipes and servers keep JSON lines.
  const terminalLog = io.stderr.isTTY === true ? new TerminalLog(io.stderr) : null;
  const logger = createLogger(config.logLevel, terminalLog ?? undefined);
  let first: SearchEngine;
  let store: CorpusStore | null = null;
  // Reloads run on worker threads; the first one made after the corpus fills the heap would pause answers.
  await prewarmWorkers();
  try {
    ({ engine: first, store } = await openEngine(config.dataDir, config.store, logger));
  } catch (error) {
    // Unreadable files are problems, not exceptions; getting here is a bug in loading, so say it plainly.
    logger.error({ err: error, dataDir: config.dataDir }, 'could not build the corpus');
    io.stderr.write(
      `newsroom: could not load the articles in ${config.dataDir}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  const corpusStore = store;
  const holder = new EngineHolder(
    first,
    config.dataDir,
    logger,
    corpusStore ? () => corpusStore.load() : reloadEngine,
  );
  // Another bot changed the shared store, stale extractions were redone, or the database came back.
  if (corpusStore) corpusStore.onChange = () => void holder.reload();
  const actions = new ActionStore();
  // /add writes to DATA/added/ and reloads before answering, so what it added is searchable when the reply comes.
  const library = new ArticleLibrary({
    dataDir: config.dataDir,
    policy: fetchPolicy(config.fetch),
    afterWrite: () => holder.reload(),
  });
  setArticleLibrary(library);
  setEditors(config.editors);
  // NEWSROOM_FEEDS: new items are added like /add does, with one reload per poll.
  const feeds = new FeedPoller({
    urls: config.feeds.urls,
    minutes: config.feeds.minutes,
    library,
    policy: fetchPolicy(config.fetch),
    stateFile: defaultStateFile(config.dataDir),
    corpus: () => holder.get().corpus,
    onAdded: () => holder.reload(),
    logger,
  });
  setFeedPoller(feeds);
  feeds.start();
  const deps: AdapterDeps = {
    config,
    logger,
    engine: holder.get,
    actions,
    // Retries and replays are recognised by every bot on one PostgreSQL store. An SQLite store is one bot's own,
    // and asking it costs a synchronous transaction on the event loop for every request (1-3 ms with its fsync,
    // 9 ms once an hour of ids is kept): that bot's own memory does the same job in microseconds.
    ...(corpusStore && config.store?.where.mode === 'postgres'
      ? { seenRequests: corpusStore.seenRequests, sharedReplays: corpusStore.seenRequests }
      : {}),
  };

  const adapters: Adapter[] = [];
  const failed: string[] = [];
  const wanted: [string, string, string][] = [];
  if (config.slack) wanted.push(['slack', '../adapters/slack/index.ts', 'createSlackAdapter']);
  if (config.discord) wanted.push(['discord', '../adapters/discord/index.ts', 'createDiscordAdapter']);
  for (const [name, path, exportName] of wanted) {
    try {
      adapters.push(await (await importAdapter(path, exportName))(deps));
    } catch (error) {
      failed.push(name);
      logger.error({ err: error }, `the ${name} adapter could not be created`);
    }
  }

  const counts = corpusCounts(holder.get().corpus);
  const problems = holder.get().corpus.problems;
  const summary = `${counts.articles} articles, ${counts.quotes} quotes, ${counts.facts} facts, ${counts.speakers} speakers from ${config.dataDir}`;
  const unreadable =
    problems.length > 0
      ? `; could not read: ${problems.map((p) => `${p.file} (${p.reason})`).join(', ')}`
      : '';

  const watcher = watchData(config.dataDir, () => void holder.reload(), logger);
  const onHup = () => {
    logger.info('SIGHUP: reloading the corpus');
    void holder.reload();
  };
  process.on('SIGHUP', onHup);

  try {
    if (wanted.length > 0 && adapters.length === 0) {
      // Credentials were set, so a chat bot was wanted: quietly becoming a console bot would hide the failure.
      io.stderr.write(`newsroom: no chat adapter could start (${failed.join(', ')}); see the log above\n`);
      return 1;
    }
    if (wanted.length === 0) {
      io.stderr.write(`newsroom: console adapter, ${summary}${unreadable}\n`);
      const { runConsole, wantsColor } = await import('../adapters/console/index.ts');
      const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true;
      await runConsole({
        engine: holder.get,
        actions,
        input: io.stdin as unknown as import('node:stream').Readable,
        output: io.stdout as unknown as import('node:stream').Writable,
        color: wantsColor(io.stdout, io.env),
        interactive,
        logger,
        ...(terminalLog ? { log: terminalLog } : {}),
        ...(interactive && typeof (io.stdout as { columns?: number }).columns === 'number'
          ? { width: () => (io.stdout as { columns?: number }).columns ?? 0 }
          : {}),
      });
      return 0;
    }
    // Chat platforms give 3 s: load the CSL styles now, in the background, not on the first /cite.
    void import('./citations/csl.ts')
      .then((c) => c.warmCitations())
      .then(
        (w) => logger[w.problems.length > 0 ? 'warn' : 'debug'](w, 'citation styles warmed'),
        (err: unknown) => logger.warn({ err }, 'citation styles not warmed'),
      );
    return await runChat(adapters, config, holder, logger, `${summary}${unreadable}`, corpusStore);
  } finally {
    watcher?.close();
    feeds.stop();
    process.off('SIGHUP', onHup);
    // A reload still running must not keep a stopping bot alive.
    await stopCorpusWorkers();
    await stopStoreWorkers();
    await corpusStore?.close();
  }
}

async function runChat(
  adapters: Adapter[],
  config: Config,
  holder: EngineHolder,
  logger: Logger,
  summary: string,
  store: CorpusStore | null,
): Promise<number> {
  const routes: HttpRoute[] = [
    ...adapters.flatMap((a) => a.routes),
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => {
        const { body, contentType } = await metricsText();
        res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
    },
  ];
  // Always listen, even for gateway/Socket Mode only: /healthz is what a deployment's health check polls.
  let server: RunningServer;
  try {
    server = await startHttpServer({
      port: config.port,
      host: config.host,
      routes,
      health: () => ({
        ...corpusCounts(holder.get().corpus),
        store: store?.health() ?? { mode: 'memory' },
      }),
      logger,
      timing: process.env.NEWSROOM_SERVER_TIMING === '1',
    });
  } catch (error) {
    logger.error(
      { err: error, port: config.port, host: config.host },
      `cannot listen on ${config.host}:${config.port}`,
    );
    return 1;
  }
  const started: Adapter[] = [];
  for (const adapter of adapters) {
    try {
      await adapter.start();
      started.push(adapter);
    } catch (error) {
      logger.error({ err: error, adapter: adapter.name }, `the ${adapter.name} adapter could not start`);
    }
  }
  if (started.length === 0) {
    await server.close();
    return 1;
  }
  adapters = started;
  logger.info(
    { adapters: adapters.map((a) => a.name), url: server.url },
    `running ${adapters.map((a) => a.name).join(', ')} on ${server.url}; ${summary}`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info('stopping');
  for (const adapter of adapters) {
    try {
      await adapter.stop();
    } catch (error) {
      logger.error({ err: error, adapter: adapter.name }, 'adapter did not stop cleanly');
    }
  }
  await server.close();
  return 0;
}

/** Watches the data folder (recursive where the platform supports it); null when it cannot. */
function watchData(dir: string, onChange: () => void, logger: Logger): { close(): void } | null {
  let timer: NodeJS.Timeout | null = null;
  try {
    const watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
      // Hidden entries are never articles (the loader skips them); the store's cache may live there when the data
      // folder is also the working directory, and its own writes must not start another reload.
      if (typeof name === 'string' && /(^|[\\/])\./.test(name)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, WATCH_DEBOUNCE_MS);
      timer.unref();
    });
    watcher.on('error', (error) => logger.warn({ err: error }, 'watching the data folder stopped'));
    return {
      close: () => {
        if (timer) clearTimeout(timer);
        watcher.close();
      },
    };
  } catch (error) {
    logger.debug({ err: error, dir }, 'not watching the data folder');
    return null;
  }
}
