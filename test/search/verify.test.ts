import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.ts';
import { STOP_WORDS } from '../../src/search/normalize.ts';
import {
  CANNOT_BE_CLOSE,
  CLOSE_SIMILARITY,
  cannotBeClose,
  closeCheck,
  closeSimilarity,
  containsRun,
  lcsLength,
  MAY_BE_CLOSE_PLAIN,
  REORDERED_CONTENT,
  reporterWords,
  similarity,
  wordDiff,
} from '../../src/search/verify.ts';
import { sampleCorpus } from './fixtures.ts';

const engine = createSearchEngine(sampleCorpus());

describe('verify: exact', () => {
  it('folds case, curly quotes, dashes, white space and end punctuation', () => {
    for (const text of [
      'Safety is not negotiable',
      '“Safety is not negotiable.”',
      '  safety   IS not\nnegotiable!! ',
      'we are ready to analyze together',
      'Passengers were thrown against the ceiling…',
    ]) {
      const r = engine.verify(text);
      expect(r.verdict, text).toBe('exact');
      expect(r.matches[0]?.similarity).toBe(1);
      expect(r.matches[0]?.diff.every((d) => d.op === 'equal')).toBe(true);
    }
  });

  it('names the speaker and the article of the match', () => {
    const m = engine.verify('Safety is not negotiable').matches[0];
    expect(m?.speaker).toBe('Maria Lopez');
    expect(m?.role).toBe('chief executive');
    expect(m?.article.outlet).toBe('The Daily Ledger');
    expect(m?.text).toBe('Safety is not negotiable,');
  });
});

describe('verify: close', () => {
  it('shows a word diff: insert = article only, delete = reporter only', () => {
    const r = engine.verify('Safety is never negotiable');
    expect(r.verdict).toBe('close');
    const d = r.matches[0]?.diff ?? [];
    expect(d).toContainEqual({ op: 'delete', text: 'never' });
    expect(d).toContainEqual({ op: 'insert', text: 'not' });
    expect(r.matches[0]?.similarity).toBeGreaterThan(0.6);
    expect(r.matches[0]?.similarity).toBeLessThan(1);
  });

  it('accepts a dropped or added word and compounds written apart', () => {
    expect(engine.verify('we will not raise taxes on families this year').verdict).toBe('close');
    expect(engine.verify('we can analyze them through a working group on cyber security').verdict).toMatch(
      /exact|close/,
    );
    expect(
      engine.verify(
        'For instance we can analyse them through a working group on cyber security, which we discussed',
      ).verdict,
    ).toBe('close');
  });
});

describe('verify: not_found', () => {
  it('rejects invented quotes even when they share common words', () => {
    for (const text of [
      'We are ready to build a wall together',
      'Safety is the only thing we think about every day',
      'We will raise taxes on the wealthy',
      'The airline will cancel every flight this winter',
    ]) {
      expect(engine.verify(text).verdict, text).toBe('not_found');
      expect(engine.verify(text).matches).toEqual([]);
    }
  });

  it('never throws on bad input', () => {
    for (const text of ['', '   ', '"…"', 'x'.repeat(100_000), '😀 ‏שלום‎', '<@U123>', 'the of and to']) {
      expect(() => engine.verify(text), text).not.toThrow();
    }
    expect(engine.verify('').verdict).toBe('not_found');
    // @ts-expect-error: garbage in, not_found out
    expect(engine.verify(null).verdict).toBe('not_found');
  });
});

describe('similarity and wordDiff', () => {
  it('measures only the published span the reporter covered', () => {
    const pub = 'a b c we are ready to analyze it together x y z'.split(' ');
    expect(similarity('we are ready to analyze it together'.split(' '), pub).all).toBe(1);
    expect(similarity('we are ready to study it together'.split(' '), pub).all).toBeCloseTo(12 / 14);
  });

  it('trims article-only words around the span and keeps original spelling', () => {
    expect(wordDiff('ready to analyse', 'We are ready to analyze together')).toEqual([
      { op: 'equal', text: 'ready to' },
      { op: 'delete', text: 'analyse' },
      { op: 'insert', text: 'analyze' },
    ]);
  });
});

describe('cannotBeClose', () => {
  // Filler words that are none of the reporter's.
  const filler = (n: number, k: number): string[] => Array.from({ length: n }, (_, j) => `filler${k}x${j}`);

  it('rules out a long wording that holds the words only far apart', () => {
    const reporter = 'the harbour board will vote on the dredging plan next month'.split(' ');
    // Every one of the reporter's words is there, in order, but thirty words apart: no stretch is close.
    const published = reporter.flatMap((w, k) => [w, ...filler(30, k)]);
    expect(cannotBeClose(reporter, published)).toBe(true);
    // The same words within a few lines are not ruled out.
    const near = [...filler(200, 99), ...reporter, ...filler(200, 98)];
    expect(cannotBeClose(reporter, near)).toBe(false);
  });

  it('joins compounds written apart on either side before counting', () => {
    const apart = 'the cyber security plan'.split(' ');
    const joined = 'the cybersecurity plan'.split(' ');
    expect(similarity(apart, [...joined, 'passed']).all).toBe(1);
    expect(cannotBeClose(apart, [...joined, 'passed'])).toBe(false);
    expect(cannotBeClose(joined, ['so', ...apart, 'passed'])).toBe(false);
  });

  it('never rules out a wording that similarity() finds close (random wordings)', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const stops = [...STOP_WORDS].slice(0, 12);
    const vocab = [
      ...stops,
      'harbour',
      'dredging',
      'budget',
      'ferry',
      'tariff',
      'pier',
      'cyber',
      'security',
      'cybersecurity',
    ];
    const pick = (): string => vocab[Math.floor(rand() * vocab.length)] as string;
    let close = 0;
    for (let t = 0; t < 3000; t++) {
      const reporter = Array.from({ length: 3 + Math.floor(rand() * 12) }, pick);
      // A published wording: filler and random words around the reporter's words, some changed and some with
      // words added after them (so the span measured is longer than the reporter's words).
      const kept = reporter.flatMap((w) => [
        rand() < 0.1 ? pick() : w,
        ...Array.from({ length: rand() < 0.5 ? 1 + Math.floor(rand() * 2) : 0 }, pick),
      ]);
      const published = [
        ...Array.from({ length: Math.floor(rand() * 80) }, () => (rand() < 0.5 ? pick() : `f${t}`)),
        ...kept,
        ...Array.from({ length: Math.floor(rand() * 80) }, () => (rand() < 0.5 ? pick() : `g${t}`)),
      ];
      const sim = similarity(reporter, published);
      const isClose =
        sim.common >= 3 &&
        sim.all >= CLOSE_SIMILARITY &&
        (sim.content >= CLOSE_SIMILARITY || sim.bag >= REORDERED_CONTENT);
      if (isClose) {
        close++;
        expect(cannotBeClose(reporter, published), `${reporter.join(' ')} | ${published.join(' ')}`).toBe(
          false,
        );
      }
    }
    // The random wordings do exercise the close side.
    expect(close).toBeGreaterThan(100);
  });
});

describe('closeSimilarity', () => {
  let seed = 11;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const lcsByTable = (a: readonly string[], b: readonly string[]): number => {
    let prev = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      const cur = [0];
      for (let j = 0; j < b.length; j++)
        cur.push(x === b[j] ? (prev[j] as number) + 1 : Math.max(prev[j + 1] as number, cur[j] as number));
      prev = cur;
    }
    return prev[b.length] as number;
  };

  it('lcsLength is the longest common subsequence, past 32 and 64 words too', () => {
    const vocab = ['a', 'b', 'c', 'd', 'ab', 'e'];
    for (let t = 0; t < 600; t++) {
      const a = Array.from({ length: rand(t < 300 ? 12 : 140) }, () => vocab[rand(6)] as string);
      const b = Array.from({ length: rand(t < 300 ? 12 : 140) }, () => vocab[rand(6)] as string);
      expect(lcsLength(a, b), `${a.join(' ')} | ${b.join(' ')}`).toBe(lcsByTable(a, b));
    }
  });

  it('is similarity() whenever that can be close, and null only when it cannot (random wordings)', () => {
    const stops = [...STOP_WORDS].slice(0, 10);
    const vocab = [...stops, 'harbour', 'dredging', 'budget', 'ferry', 'cyber', 'security', 'cybersecurity'];
    const pick = (): string => vocab[rand(vocab.length)] as string;
    let skipped = 0;
    let close = 0;
    for (let t = 0; t < 3000; t++) {
      const reporter = Array.from({ length: 3 + rand(14) }, pick);
      const kept = reporter.flatMap((w) => [rand(10) < 1 ? pick() : w, ...(rand(2) ? [pick()] : [])]);
      // Long published wordings too: a diff of those is cut to their best stretch first.
      const published = [
        ...Array.from({ length: rand(t % 3 === 0 ? 200 : 40) }, pick),
        ...(rand(3) ? kept : []),
        ...Array.from({ length: rand(40) }, pick),
      ];
      const sim = similarity(reporter, published);
      const closeIs =
        sim.common >= 3 &&
        sim.all >= CLOSE_SIMILARITY &&
        (sim.content >= CLOSE_SIMILARITY || sim.bag >= REORDERED_CONTENT);
      const got = closeSimilarity(reporter, published);
      if (got === null) {
        skipped++;
        expect(closeIs, `${reporter.join(' ')} | ${published.join(' ')}`).toBe(false);
      } else expect(got).toEqual(sim);
      if (closeIs) close++;
    }
    // Both sides are exercised.
    expect(skipped).toBeGreaterThan(300);
    expect(close).toBeGreaterThan(100);
  });
});

describe('closeCheck', () => {
  it('says plain only where joining compounds changes neither side, and rules out only what is not close', () => {
    let seed = 5;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    // Compounds written as one or apart, and words that start others (`of` / `officials`, `in` / `into`).
    const vocab = [
      'of',
      'in',
      'to',
      'into',
      'officials',
      'cyber',
      'security',
      'cybersecurity',
      'harbour',
      'front',
    ];
    const more = [...vocab, 'harbourfront', 'the', 'plan', 'ferry'];
    let plain = 0;
    let joined = 0;
    for (let t = 0; t < 4000; t++) {
      const reporter = Array.from({ length: 3 + rand(10) }, () => more[rand(more.length)] as string);
      const published = Array.from({ length: rand(t % 4 === 0 ? 120 : 25) }, () =>
        rand(3) ? (reporter[rand(reporter.length)] as string) : (more[rand(more.length)] as string),
      );
      const verdict = closeCheck(reporterWords(reporter), published);
      const sim = similarity(reporter, published);
      const closeIs =
        sim.common >= 3 &&
        sim.all >= CLOSE_SIMILARITY &&
        (sim.content >= CLOSE_SIMILARITY || sim.bag >= REORDERED_CONTENT);
      const why = `${reporter.join(' ')} | ${published.join(' ')}`;
      if (verdict === CANNOT_BE_CLOSE) expect(closeIs, why).toBe(false);
      else if (verdict === MAY_BE_CLOSE_PLAIN) {
        plain++;
        expect(closeSimilarity(reporter, published, true), why).toEqual(closeSimilarity(reporter, published));
      } else joined++;
    }
    expect(plain).toBeGreaterThan(200);
    expect(joined).toBeGreaterThan(200);
  });
});

describe('containsRun', () => {
  it('tells what the padded joined words would: a run of whole words, in order', () => {
    const ws = 'the ferry to the island runs at noon'.split(' ');
    expect(containsRun(ws, ['to', 'the', 'island'])).toBe(true);
    expect(containsRun(ws, ['at', 'noon'])).toBe(true);
    expect(containsRun(ws, ['the', 'island', 'at'])).toBe(false);
    expect(containsRun(ws, ['he', 'ferry'])).toBe(false);
    expect(containsRun(ws, ['noon', 'the'])).toBe(false);
    let seed = 3;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const vocab = ['a', 'b', 'ab', 'ba', 'c'];
    for (let t = 0; t < 2000; t++) {
      const hay = Array.from({ length: rand(12) }, () => vocab[rand(5)] as string);
      const run = Array.from({ length: 1 + rand(3) }, () => vocab[rand(5)] as string);
      expect(containsRun(hay, run)).toBe(` ${hay.join(' ')} `.includes(` ${run.join(' ')} `));
    }
  });
});

describe('similarity against a long wording', () => {
  it('measures the stretch that holds the words, wherever it lies in a long speech', () => {
    const filler =
      'the committee met for hours and heard from residents about parking rules near the old harbor market'.split(
        ' ',
      );
    const quote = 'we will rebuild the seawall before the next storm season arrives'.split(' ');
    for (const at of [0, 1, 2, 3]) {
      const published = [
        ...Array(at).fill(filler).flat(),
        ...quote,
        ...Array(4 - at)
          .fill(filler)
          .flat(),
      ];
      expect(published.length).toBeGreaterThan(3 * quote.length + 24);
      expect(similarity(quote, published)).toMatchObject({ all: 1, content: 1, common: quote.length });
    }
  });
});
