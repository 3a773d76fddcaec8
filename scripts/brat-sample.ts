/**
 * `node --import tsx scripts/brat-sample.ts DIR [--n 120] [--seed 1]`: a blind sample of the pronoun and role sources
 * ("he", "the spokesman", "the campaign") of the direct quotes in a folder of brat-annotated articles, for grading by
 * hand. It prints one line per source, `N<TAB>ARTICLE<TAB>OFFSET<TAB>?<TAB>SOURCE<TAB>QUOTE`, and never the bot's
 * answer; a grader reads the article, replaces `?` with the referent (its surname, `org:NAME`, `none` or `unclear`),
 * and `npm run eval -- --brat DIR --refs FILE` scores the bot on the graded lines only.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { bratPairs, classifySource, parseAnn, quoteSpans, wordStarts, wordsIn } from '../test/eval/brat.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { n: { type: 'string', default: '120' }, seed: { type: 'string', default: '1' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: brat-sample.ts DIR [--n 120] [--seed 1]');
  process.exit(2);
}

interface Item {
  article: string;
  offset: number;
  source: string;
  quote: string;
}
const items: Item[] = [];
for (const { txt, ann } of await bratPairs(dir)) {
  const raw = await readFile(txt, 'utf8');
  const gold = parseAnn(await readFile(ann, 'utf8'));
  const starts = wordStarts(raw);
  const seen = new Set<number>();
  for (const [a, b] of quoteSpans(raw)) {
    const words = new Set(wordsIn(starts, a, b));
    if (words.size < 3) continue;
    // The attribution holding most of the quote's words, as the scorer picks it.
    let best: (typeof gold)[number] | null = null;
    let bestN = 0;
    for (const g of gold) {
      let n = 0;
      for (const [x, y] of g.content) for (const w of wordsIn(starts, x, y)) if (words.has(w)) n++;
      if (n > bestN) {
        bestN = n;
        best = g;
      }
    }
    const src = best?.source;
    if (!src || bestN / words.size < 0.5 || classifySource(src.text) === 'name') continue;
    const offset = src.ranges[0]?.[0] ?? -1;
    if (seen.has(offset)) continue;
    seen.add(offset);
    items.push({
      article: basename(txt, '.txt'),
      offset,
      source: src.text.replace(/\s+/g, ' '),
      quote: raw.slice(a, Math.min(b, a + 60)).replace(/\s+/g, ' '),
    });
  }
}
// Seeded shuffle (mulberry32), so a sample can be drawn again.
let s = Number(values.seed) >>> 0;
const rand = (): number => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = items.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [items[i], items[j]] = [items[j] as Item, items[i] as Item];
}
const n = Math.min(items.length, Number(values.n) || 120);
console.error(`${items.length} pronoun and role sources of direct quotes; sampling ${n}`);
items.slice(0, n).forEach((it, i) => {
  console.log([i + 1, it.article, it.offset, '?', it.source, it.quote].join('\t'));
});
