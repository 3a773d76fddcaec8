/**
 * Synthetic newsroom corpora for the benchmark, fully determined by a seed: articles of 10 quotes each, with
 * speakers, outlets, dates and titles, and quote text drawn from a news vocabulary. Word frequencies follow a
 * Zipf–Mandelbrot law (p(k) ∝ 1/(k+50)^1.05) over ~30k words: the few hundred hand-written news words are the
 * common ones, syllable-built words fill the long tail the way names and rare words do in real copy.
 */
import type { Corpus, CorpusArticle, Quote, Speaker } from '../src/types.ts';

/** mulberry32: small, fast, good enough for reproducible test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NEWS_WORDS = (
  'government minister election vote voters campaign president senate congress parliament party leader ' +
  'policy economy inflation prices market markets stocks shares investors bank banks interest rates budget ' +
  'deficit taxes spending jobs workers unions strike wages employment unemployment company companies firm ' +
  'business industry sales profits revenue quarter growth recession crisis security defense military army ' +
  'troops war peace talks negotiations agreement deal treaty sanctions trade tariffs exports imports border ' +
  'immigration refugees police officers crime court judge trial lawyers charges investigation report reports ' +
  'evidence officials spokesperson statement announcement decision plan plans proposal bill law laws rules ' +
  'regulation regulators agency department ministry health hospital hospitals doctors patients vaccine virus ' +
  'pandemic outbreak climate weather storm flooding drought wildfire energy oil gas electricity power prices ' +
  'emissions carbon renewable solar wind nuclear technology software data privacy cybersecurity hackers ' +
  'attack attacks internet platform users social media network networks startup startups funding investment ' +
  'schools students teachers education university research scientists study studies results community ' +
  'residents city council mayor governor state states federal national international global local region ' +
  'country countries world people families children women men public private support opposition critics ' +
  'protest protesters rally demonstration violence safety risk risks warning warned concerns pressure ' +
  'challenge challenges future history decade years months weeks today yesterday tomorrow morning night ' +
  'summit meeting meetings conference interview press release leaders allies partners cooperation working ' +
  'group committee board chief executive director chairman spokesman spokeswoman analyst analysts experts ' +
  'housing homes rent construction transport airline airlines flights airport passengers train trains road ' +
  'traffic accident crash fire emergency rescue victims damage costs billion million percent number numbers ' +
  'record highest lowest increase decrease rise fall drop surge jump decline change changes reform reforms ' +
  'important significant serious difficult clear strong weak new old major minor long short early late ' +
  'believe think expect hope need want continue remain begin start end stop build create protect improve ' +
  'reduce raise cut spend save pay lose win lead follow discuss consider review approve reject support oppose ' +
  'together forward ahead again already still never always really simply truly clearly certainly nothing ' +
  'everything something everyone nobody anyone whether because although however therefore meanwhile'
).split(/\s+/);

const FUNCTION_WORDS =
  'the a of to and in that we is it for on are with this be as our not have will they at by from but'.split(
    ' ',
  );

const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku ra re ri ro ru ta te ti to tu la le li lo lu ma me mi mo mu na ne ni no nu sa se si so su da de di do du va ve vi vo vu tor ran lin mer son ver gan dal bel tic mon'.split(
    ' ',
  );

export const FIRST =
  'Maria John Ana Wei Fatima Carlos Olga Ahmed Sarah David Elena Kenji Priya Lucas Amara Tom Ingrid Omar Chloe Ivan Nadia Paolo Grace Luis'.split(
    ' ',
  );
export const LAST =
  'Lopez Smith Silva Chen Khan Garcia Petrova Hassan Miller Cohen Rossi Tanaka Patel Martin Okafor Reed Berg Haddad Dubois Volkov Nowak Ferreira Kim Ortega'.split(
    ' ',
  );
export const ROLES = [
  'minister',
  'spokesperson',
  'chief executive',
  'senator',
  'mayor',
  'analyst',
  'union leader',
  null,
];
export const OUTLET_NAMES =
  'Daily Ledger|Morning Post|Evening Standard|Herald|Tribune|Chronicle|Gazette|Courier|Observer|Sentinel|Times|Record|Dispatch|Examiner|Journal'.split(
    '|',
  );

export interface SynthOptions {
  quotes: number;
  seed?: number;
  quotesPerArticle?: number;
}

function buildVocab(rand: () => number, size: number): string[] {
  const vocab = [...NEWS_WORDS];
  const seen = new Set(vocab);
  while (vocab.length < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  return vocab;
}

/** Cumulative Zipf–Mandelbrot weights, sampled by binary search. */
export function zipfSampler(rand: () => number, n: number, q = 50, s = 1.05): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1 + q) ** s;
    cdf[k] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A corpus of `quotes` quotes in articles of `quotesPerArticle`, built exactly like a loaded one. */
export function synthCorpus(opts: SynthOptions): Corpus {
  const rand = prng(opts.seed ?? 42);
  const perArticle = opts.quotesPerArticle ?? 10;
  const vocab = buildVocab(rand, 30_000);
  const pick = zipfSampler(rand, vocab.length);
  const word = (): string => vocab[pick()] as string;
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        rand() < 0.35 ? (FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)] as string) : word(),
      );
    }
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const speakers: Speaker[] = [];
  for (let i = 0; i < 3000; i++) {
    const first = FIRST[Math.floor(rand() * FIRST.length)] as string;
    const last = `${LAST[Math.floor(rand() * LAST.length)]}${i >= LAST.length ? SYLLABLES[i % SYLLABLES.length] : ''}`;
    speakers.push({
      name: `${first} ${last}`,
      role: ROLES[Math.floor(rand() * ROLES.length)] ?? null,
      aliases: [last],
      quoteCount: 0,
    });
  }
  const outlets = OUTLET_NAMES.flatMap((n) => [`The ${n}`, `${n} Online`]);
  const articles: CorpusArticle[] = [];
  const nArticles = Math.ceil(opts.quotes / perArticle);
  let made = 0;
  for (let a = 0; a < nArticles; a++) {
    const outlet = outlets[Math.floor(rand() * outlets.length)] as string;
    const day = Math.floor(rand() * 3650);
    const published = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const paragraphs: string[] = [];
    const quotes: Quote[] = [];
    const count = Math.min(perArticle, opts.quotes - made);
    for (let k = 0; k < count; k++) {
      const sp = speakers[Math.floor(rand() * speakers.length)] as Speaker;
      sp.quoteCount++;
      const text = sentence(8, 36);
      const para = `"${text}," ${sp.name} said.`;
      paragraphs.push(para);
      quotes.push({
        text,
        speaker: sp.name,
        role: sp.role,
        kind: 'direct',
        verb: 'said',
        paragraph: paragraphs.length - 1,
        start: 1,
        end: 1 + text.length,
        confidence: 0.9,
      });
    }
    made += count;
    articles.push({
      id: `synth/${a}.txt`,
      source: `synth/${a}.txt`,
      format: 'txt',
      title: sentence(5, 10),
      outlet,
      url: `https://example.com/${published.replaceAll('-', '/')}/${a}`,
      published,
      author: null,
      paragraphs,
      quotes,
      facts: [],
    });
  }
  return { dataDir: 'synthetic', articles, speakers, problems: [], loadedAt: new Date(0) };
}

/** One benchmark query with the quote it is looking for. */
export interface BenchQuery {
  query: string;
  articleId: string;
  text: string;
}

/** One typo: a swap, a drop, a doubling or a wrong letter, somewhere inside the word. */
export function typo(rand: () => number, w: string): string {
  if (w.length < 5) return w;
  const i = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
  if (kind === 2) return w.slice(0, i) + w[i] + w.slice(i);
  const letters = 'aeioustrnl';
  return w.slice(0, i) + letters[Math.floor(rand() * letters.length)] + w.slice(i + 1);
}

/**
 * Queries as a reporter types them: 3–5 consecutive content words remembered from the target quote, in 30% of
 * queries one word misspelt, in 20% the speaker's last name added.
 */
export function synthQueries(corpus: Corpus, n: number, seed = 7): BenchQuery[] {
  const rand = prng(seed);
  const fn = new Set(FUNCTION_WORDS);
  const out: BenchQuery[] = [];
  while (out.length < n) {
    const art = corpus.articles[Math.floor(rand() * corpus.articles.length)] as CorpusArticle;
    const q = art.quotes[Math.floor(rand() * art.quotes.length)];
    if (!q) continue;
    const content = q.text
      .toLowerCase()
      .split(' ')
      .filter((w) => !fn.has(w));
    if (content.length < 5) continue;
    const len = 3 + Math.floor(rand() * 3);
    const start = Math.floor(rand() * (content.length - len + 1));
    const picked = content.slice(start, start + len);
    if (rand() < 0.3) {
      const k = Math.floor(rand() * picked.length);
      picked[k] = typo(rand, picked[k] as string);
    }
    if (rand() < 0.2 && q.speaker) picked.push(q.speaker.split(' ').pop() as string);
    out.push({ query: picked.join(' '), articleId: art.id, text: q.text });
  }
  return out;
}
