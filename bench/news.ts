/**
 * A generated corpus with the shape of real news copy, for the bench's real-text workload. Nothing here is corpus
 * text: words come from NEWS_WORDS and the word-list package, shapes from statistics measured on PolNeAR's train
 * split (840 political news articles, extracted by this bot at the commit that added this file):
 *
 * - quote length in words: median 15, p90 34, p99 73, longest 1,327 (speeches): lognormal (median 15, sigma 0.64)
 *   plus 0.2% transcripts of 300–1,300 words;
 * - 48% of words are stop words; quotes per article median 8, p90 21; about 6.6 facts per article (median 25 words,
 *   with numbers); 17% of quotes are paraphrases;
 * - speakers quoted by a Zipf law (the most quoted about 7% of all quotes);
 * - repetition: 3.3% of quotes are printed again word for word (wire copy), and about as many again with a word
 *   changed or dropped, or in part.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import type { Corpus, CorpusArticle, Fact, Quote, Speaker } from '../src/types.ts';
import { FIRST, LAST, NEWS_WORDS, OUTLET_NAMES, prng, ROLES, zipfSampler } from './synth.ts';

/** Stop words with rough relative frequencies in English news copy. */
const STOP_WEIGHTS: Array<[string, number]> = (
  'the:60 to:30 of:28 and:28 a:24 in:20 that:18 is:14 we:14 i:14 it:13 for:10 be:9 have:9 this:9 are:9 not:9 ' +
  'will:8 with:8 on:8 they:7 was:7 he:7 our:6 you:6 but:6 as:6 at:5 what:5 do:5 there:4 about:4 would:4 ' +
  'very:4 can:4 an:4 from:4 all:3 by:3 if:3 so:3 my:3 has:3 been:3 their:3 his:3 who:3 more:3 people:3'
)
  .split(' ')
  .map((p) => {
    const [w, n] = p.split(':');
    return [w as string, Number(n)];
  });

export interface NewsOptions {
  quotes: number;
  seed?: number;
}

/** A corpus of about `quotes` quotes (plus facts) shaped like real news (see the file header). */
export function newsCorpus(opts: NewsOptions): Corpus {
  const rand = prng(opts.seed ?? 5);
  const gauss = (): number => {
    const u = Math.max(1e-12, rand());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  // Vocabulary: news words are the common ones, English words (seeded shuffle) the long tail.
  const english = readFileSync(wordListPath, 'utf8')
    .split('\n')
    .filter((w) => /^[a-z]{3,14}$/.test(w));
  for (let i = english.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [english[i], english[j]] = [english[j] as string, english[i] as string];
  }
  const vocab = [...new Set([...NEWS_WORDS, ...english.slice(0, 40_000)])];
  const pickWord = zipfSampler(rand, vocab.length, 20, 1.0);
  const stopTotal = STOP_WEIGHTS.reduce((s, [, n]) => s + n, 0);
  const stopWord = (): string => {
    let x = rand() * stopTotal;
    for (const [w, n] of STOP_WEIGHTS) {
      x -= n;
      if (x <= 0) return w;
    }
    return 'the';
  };
  const text = (n: number, number = false): string => {
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(rand() < 0.48 ? stopWord() : (vocab[pickWord()] as string));
    if (number) {
      const k = Math.floor(rand() * ws.length);
      const r = rand();
      ws[k] =
        r < 0.4
          ? `${1 + Math.floor(rand() * 99)} percent`
          : r < 0.7
            ? `$${(1 + rand() * 50).toFixed(1)} billion`
            : `${2000 + Math.floor(rand() * 20)}`;
    }
    // Sentences of about 18 words, capitalised, as printed.
    let out = '';
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as string;
      const starts = i === 0 || i % 18 === 0;
      out += (i === 0 ? '' : starts ? '. ' : ' ') + (starts ? w.charAt(0).toUpperCase() + w.slice(1) : w);
    }
    return out;
  };
  const quoteLength = (): number =>
    rand() < 0.002
      ? 300 + Math.floor(rand() * 1000)
      : Math.max(3, Math.min(300, Math.round(15 * Math.exp(0.64 * gauss()))));

  const speakers: Speaker[] = [];
  for (let i = 0; i < 4000; i++) {
    const first = FIRST[Math.floor(rand() * FIRST.length)] as string;
    const last = `${LAST[Math.floor(rand() * LAST.length)]}${i >= LAST.length ? (english[i] as string).slice(0, 3) : ''}`;
    speakers.push({
      name: `${first} ${last}`,
      role: ROLES[Math.floor(rand() * ROLES.length)] ?? null,
      aliases: [last],
      quoteCount: 0,
    });
  }
  const pickSpeaker = zipfSampler(rand, speakers.length, 2, 1.1);
  const outlets = OUTLET_NAMES.flatMap((n) => [`The ${n}`, `${n} Online`]);
  // Recent quotes, for wire copies and near-duplicates.
  const recent: Array<{ text: string; speaker: Speaker }> = [];
  const articles: CorpusArticle[] = [];
  let made = 0;
  for (let a = 0; made < opts.quotes; a++) {
    const outlet = outlets[Math.floor(rand() * outlets.length)] as string;
    const day = Math.floor(rand() * 3650);
    const published = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const paragraphs: string[] = [];
    const quotes: Quote[] = [];
    const facts: Fact[] = [];
    const nQuotes = Math.min(opts.quotes - made, Math.max(1, Math.round(8 * Math.exp(0.75 * gauss()))));
    const nFacts = 2 + Math.floor(rand() * 10);
    for (let k = 0; k < nQuotes + nFacts; k++) {
      if (k % 2 === 1 && facts.length < nFacts) {
        const t = text(Math.max(8, Math.round(25 * Math.exp(0.4 * gauss()))), true);
        paragraphs.push(t);
        facts.push({ text: t, paragraph: paragraphs.length - 1, start: 0, end: t.length });
        continue;
      }
      if (quotes.length >= nQuotes) continue;
      let sp = speakers[pickSpeaker()] as Speaker;
      let t: string;
      const r = rand();
      const old = recent.length ? recent[Math.floor(rand() * recent.length)] : undefined;
      if (old && r < 0.033) {
        sp = old.speaker;
        t = old.text;
      } else if (old && r < 0.066) {
        sp = old.speaker;
        const ws = old.text.split(' ');
        const edit = rand();
        if (edit < 0.4 && ws.length > 4) ws[Math.floor(rand() * ws.length)] = vocab[pickWord()] as string;
        else if (edit < 0.7 && ws.length > 4) ws.splice(Math.floor(rand() * ws.length), 1);
        else if (ws.length > 12) ws.splice(0, Math.floor(ws.length / 3));
        t = ws.join(' ');
      } else t = text(quoteLength());
      sp.quoteCount++;
      const indirect = rand() < 0.17;
      const para = indirect ? `${sp.name} said ${t}.` : `"${t}," ${sp.name} said.`;
      paragraphs.push(para);
      const start = indirect ? sp.name.length + 6 : 1;
      quotes.push({
        text: t,
        speaker: sp.name,
        role: sp.role,
        kind: indirect ? 'indirect' : 'direct',
        verb: 'said',
        paragraph: paragraphs.length - 1,
        start,
        end: start + t.length,
        confidence: 0.9,
      });
      if (recent.length < 5000) recent.push({ text: t, speaker: sp });
      else recent[Math.floor(rand() * recent.length)] = { text: t, speaker: sp };
    }
    made += quotes.length;
    articles.push({
      id: `news/${a}.txt`,
      source: `news/${a}.txt`,
      format: 'txt',
      title: text(6 + Math.floor(rand() * 6)),
      outlet,
      url: `https://example.com/${published.replaceAll('-', '/')}/${a}`,
      published,
      author: null,
      paragraphs,
      quotes,
      facts,
    });
  }
  return { dataDir: 'news', articles, speakers, problems: [], loadedAt: new Date(0) };
}
