/**
 * Search quality on a real folder of articles (for instance PolNeAR's train split; never committed):
 *
 *   node --import tsx scripts/search-eval-real.ts DIR [--n 600] [--seed 1] [--words 6] [--json] [--misses K]
 *     [--write-queries FILE]   (the sampled questions as JSON Lines, for `newsroom search --batch FILE`)
 *     [--verify-all]           (also verify every direct quote of the folder by its own text: a minute or two)
 *
 * Samples N direct quotes (fixed seed) of at least WORDS words, searches each by WORDS consecutive words of its
 * own (`type: quote`), and reports how often that very quote (same article, same text) comes first and in the top
 * 3. Also: how many sampled quotes verify as `exact` by their own text, and the grouping's health: merged results,
 * the lowest share of a merged member's distinct words found in the text shown, and two quotes of one article
 * merged into one result (the second would be hidden). Loading ~800 articles takes 20+ s: a script, never a test.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prng as rng } from '../bench/synth.ts';
import { loadCorpus } from '../src/corpus.ts';
import { buildIndex, clusterMembers, ITEM_QUOTE, itemAt, itemCount } from '../src/search/build.ts';
import { createSearchEngine } from '../src/search/index.ts';
import { words } from '../src/search/normalize.ts';
import type { CorpusArticle, Quote } from '../src/types.ts';

const { values, positionals } = parseArgs({
  options: {
    n: { type: 'string', default: '600' },
    seed: { type: 'string', default: '1' },
    words: { type: 'string', default: '6' },
    json: { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
    'write-queries': { type: 'string' },
    'verify-all': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write('usage: search-eval-real.ts DIR [--n 600] [--seed 1] [--words 6] [--json]\n');
  process.exit(2);
}
const N = Number(values.n);
const WINDOW = Number(values.words);
const SHOW_MISSES = Number(values.misses);

const t0 = Date.now();
const corpus = await loadCorpus(dir);
const t1 = Date.now();
const engine = createSearchEngine(corpus);
const t2 = Date.now();

const pool: Array<{ article: CorpusArticle; quote: Quote }> = [];
for (const article of corpus.articles)
  for (const quote of article.quotes)
    if (quote.kind === 'direct' && words(quote.text).length >= WINDOW) pool.push({ article, quote });

const random = rng(Number(values.seed));
const sample: typeof pool = [];
const taken = new Set<number>();
while (sample.length < Math.min(N, pool.length)) {
  const k = Math.floor(random() * pool.length);
  if (taken.has(k)) continue;
  taken.add(k);
  sample.push(pool[k] as (typeof pool)[number]);
}

const queries: string[] = [];
let first = 0;
let top3 = 0;
let exact = 0;
const misses: string[] = [];
for (const { article, quote } of sample) {
  const ws = words(quote.text);
  const at = Math.floor(random() * (ws.length - WINDOW + 1));
  const query = ws.slice(at, at + WINDOW).join(' ');
  queries.push(JSON.stringify({ query, type: 'quote', limit: 3 }));
  const response = engine.search(query, { type: 'quote', limit: 3 });
  const rank = response.results.findIndex((r) =>
    r.sources.some((s) => s.id === article.id && s.text === quote.text),
  );
  if (rank === 0) first++;
  if (rank >= 0) top3++;
  else if (misses.length < SHOW_MISSES)
    misses.push(
      `${query}\n    want: ${quote.text.slice(0, 120)}\n    got:  ${response.results[0]?.text.slice(0, 120)}`,
    );
  const verdict = engine.verify(quote.text).verdict;
  if (verdict === 'exact') exact++;
  else if (misses.length < SHOW_MISSES) misses.push(`verify ${verdict}: ${quote.text.slice(0, 160)}`);
}

// Every direct quote, not just the sample, verified by its own text.
let allDirect = 0;
let allExact = 0;
if (values['verify-all'])
  for (const article of corpus.articles)
    for (const quote of article.quotes) {
      if (quote.kind !== 'direct') continue;
      allDirect++;
      if (engine.verify(quote.text).verdict === 'exact') allExact++;
      else if (misses.length < SHOW_MISSES) misses.push(`verify (all): ${quote.text.slice(0, 160)}`);
    }

// Grouping health, on the same index the engine builds.
const index = buildIndex(corpus);
let merged = 0;
let largest = 0;
let minShare = 1;
let below60 = 0;
let sameArticle = 0;
const members = new Map<number, number[]>();
for (let i = 0; i < itemCount(index); i++) {
  const c = index.itemCluster[i] as number;
  const list = members.get(c) ?? [];
  list.push(i);
  members.set(c, list);
}
for (const [c, list] of members) {
  if (list.length < 2) continue;
  merged++;
  largest = Math.max(largest, list.length);
  const rep = clusterMembers(index, c)[0] ?? (list[0] as number);
  const shown = new Set(words(itemAt(index, rep).ref.text));
  // The same words twice in one article is one quote repeated; other words are a second quote hidden.
  const articles = new Map<number, string>();
  for (const i of list) {
    const item = itemAt(index, i);
    const key = words(item.ref.text).join(' ');
    const seen = articles.get(item.article);
    if (seen !== undefined && seen !== key) sameArticle++;
    articles.set(item.article, key);
    const own = [...new Set(words(item.ref.text))];
    const share = own.length ? own.filter((w) => shown.has(w)).length / own.length : 1;
    if (share < 0.6) below60++;
    minShare = Math.min(minShare, share);
  }
}

// The same questions as JSON Lines, for timing `newsroom search --batch` (the file holds corpus words: keep it
// out of the repository).
if (values['write-queries']) writeFileSync(values['write-queries'], `${queries.join('\n')}\n`);

const pct = (x: number) => Math.round((1000 * x) / sample.length) / 10;
const report = {
  dir,
  articles: corpus.articles.length,
  quotes: index.itemKind.filter((k) => k === ITEM_QUOTE).length,
  directQuotesUsable: pool.length,
  sampled: sample.length,
  seed: Number(values.seed),
  windowWords: WINDOW,
  foundFirst: pct(first),
  foundTop3: pct(top3),
  verifyExact: pct(exact),
  ...(values['verify-all'] ? { verifyAllDirect: allDirect, verifyAllExact: allExact } : {}),
  mergedResults: merged,
  largestMerged: largest,
  mergedMemberMinShare: Math.round(minShare * 1000) / 1000,
  mergedMembersBelow60: below60,
  sameArticleMerged: sameArticle,
  loadMs: t1 - t0,
  buildMs: t2 - t1,
};
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
else {
  process.stdout.write(
    [
      `${report.articles} articles, ${report.quotes} quotes; ${report.sampled} of ${report.directQuotesUsable} direct quotes sampled (seed ${report.seed}), searched by ${WINDOW} consecutive words of their own`,
      `  found first:   ${report.foundFirst}%   (target >= 97%)`,
      `  found top 3:   ${report.foundTop3}%   (target >= 99%)`,
      `  verify exact:  ${report.verifyExact}%   (target 100%)`,
      ...(values['verify-all']
        ? [`  every direct quote verified by its own text: ${allExact} of ${allDirect} exact`]
        : []),
      `  merged results: ${merged} (largest ${largest} members); members sharing < 60% of their words with the text shown: ${below60} (lowest share ${report.mergedMemberMinShare}); a different quote of the same article merged: ${sameArticle}`,
      `  load ${report.loadMs} ms, index ${report.buildMs} ms`,
      ...misses.map((m) => `  miss: ${m}`),
    ].join('\n') + '\n',
  );
}
