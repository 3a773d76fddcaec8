import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { prng as rng } from '../../bench/synth.ts';
import { fewestEdits, Pattern, queryTokens, tokenSearchScores } from '../../src/search/tokenscore.ts';

interface Doc {
  text: string;
  alt: string[];
  speaker: string[];
  meta: string[];
}

const KEYS = [
  { name: 'text', weight: 4 },
  { name: 'alt', weight: 2.5 },
  { name: 'speaker', weight: 1.5 },
  { name: 'meta', weight: 0.5 },
];
const SCORE_KEYS = [
  { get: (d: Doc) => d.text, weight: 4 },
  { get: (d: Doc) => d.alt, weight: 2.5 },
  { get: (d: Doc) => d.speaker, weight: 1.5 },
  { get: (d: Doc) => d.meta, weight: 0.5 },
];

function fuseScores(docs: Doc[], query: string, threshold: number): Map<number, number> {
  const fuse = new Fuse(docs, {
    keys: KEYS,
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    useTokenSearch: true,
    threshold,
    shouldSort: false,
  });
  return new Map(fuse.search(query).map((r) => [r.refIndex, r.score ?? 1]));
}

const VOCAB = (
  'putin working group cyber security cybersecurity meeting analyze analyse together ready turbulence atlantic ' +
  'pilots ceiling safety negotiable election meddling president summit helsinki trump russia cooperation ' +
  'terrorism counter intelligence officers indicted hacking committee national democratic über café naïve ' +
  "2018 12 1,200 3.5 don't it's x y a"
).split(' ');

function typo(r: () => number, w: string): string {
  if (w.length < 3) return w;
  const i = Math.floor(r() * w.length);
  const k = Math.floor(r() * 4);
  if (k === 0) return w.slice(0, i) + w.slice(i + 1);
  if (k === 1) return `${w.slice(0, i)}q${w.slice(i)}`;
  if (k === 2) return `${w.slice(0, i)}z${w.slice(i + 1)}`;
  return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
}

function sentence(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = VOCAB[Math.floor(r() * VOCAB.length)] as string;
    out.push(r() < 0.15 ? typo(r, w) : r() < 0.1 ? w.toUpperCase() : w);
  }
  const s = out.join(r() < 0.2 ? ', ' : ' ');
  return r() < 0.3 ? `"${s}."` : s;
}

describe('tokenSearchScores: the re-rank score of fuse.js, computed without it', () => {
  it('gives the scores fuse.js gives, to 1e-12, on random documents and queries with typos', () => {
    const r = rng(16);
    let compared = 0;
    let matchedSome = 0;
    for (let round = 0; round < 300; round++) {
      const docs: Doc[] = [];
      const n = 1 + Math.floor(r() * 20);
      for (let d = 0; d < n; d++) {
        docs.push({
          text: sentence(r, 1 + Math.floor(r() * 40)),
          alt: Array.from({ length: Math.floor(r() * 3) }, () => sentence(r, 1 + Math.floor(r() * 30))),
          speaker: r() < 0.2 ? [] : r() < 0.1 ? ['  '] : [sentence(r, 2)],
          meta: Array.from({ length: 1 + Math.floor(r() * 2) }, () => sentence(r, Math.floor(r() * 8))),
        });
      }
      const qWords = Array.from({ length: 1 + Math.floor(r() * 6) }, () => {
        const w = VOCAB[Math.floor(r() * VOCAB.length)] as string;
        return r() < 0.4 ? typo(r, w) : w;
      });
      const query = qWords.join(' ');
      const threshold = [0.3, 0.3, 0.2, 0.45][round % 4] as number;
      const tokens = queryTokens(query);
      expect(tokens).not.toBeNull();
      const want = fuseScores(docs, query, threshold);
      const got = tokenSearchScores(docs, SCORE_KEYS, tokens as string[], threshold);
      expect([...got.keys()].sort((a, b) => a - b)).toEqual([...want.keys()].sort((a, b) => a - b));
      for (const [d, s] of want) expect(Math.abs((got.get(d) as number) - s)).toBeLessThan(1e-12);
      compared += want.size;
      if (want.size > 0 && want.size < docs.length) matchedSome++;
    }
    // The comparison covered documents that match and documents that do not.
    expect(compared).toBeGreaterThan(1000);
    expect(matchedSome).toBeGreaterThan(50);
  });

  it('agrees with fuse.js when a field is exactly the query word, and on words of 32 letters', () => {
    const long = 'abcdefghijklmnopqrstuvwxyzabcdef';
    const docs: Doc[] = [
      { text: 'putin', alt: [], speaker: ['vladimir putin'], meta: ['putin'] },
      { text: `the ${long} case`, alt: [`a ${long.slice(0, 30)}xy b`], speaker: [], meta: [] },
    ];
    for (const q of ['putin', long, `${long.slice(0, 31)}q putin`]) {
      const want = fuseScores(docs, q, 0.3);
      const got = tokenSearchScores(docs, SCORE_KEYS, queryTokens(q) as string[], 0.3);
      expect(got.size).toBe(want.size);
      for (const [d, s] of want) expect(Math.abs((got.get(d) as number) - s)).toBeLessThan(1e-12);
    }
  });

  it('leaves query words longer than 32 characters to fuse.js', () => {
    expect(queryTokens('a'.repeat(33))).toBeNull();
    expect(queryTokens('Putin, working-group')).toEqual(['putin', 'working', 'group']);
  });

  it('counts the fewest edits of any stretch of the text', () => {
    expect(fewestEdits(new Pattern('group'), 'working group')).toBe(0);
    expect(fewestEdits(new Pattern('gruop'), 'working group')).toBe(2);
    expect(fewestEdits(new Pattern('grop'), 'working group')).toBe(1);
    expect(fewestEdits(new Pattern('xyz'), '')).toBe(3);
    expect(fewestEdits(new Pattern('abc'), 'xxabxx')).toBe(1);
  });
});
