import { describe, expect, it } from 'vitest';
import { synthCorpus, synthQueries } from '../../bench/synth.ts';
import { buildIndex, CLUSTER_QUOTE, clusterCount, itemAt, itemCount } from '../../src/search/build.ts';
import { candidates, Scratch, termGroups } from '../../src/search/engine.ts';
import { words } from '../../src/search/normalize.ts';

// Large enough that common words have thousands of postings and many clusters pass the coverage floor.
const corpus = synthCorpus({ quotes: 30_000, seed: 11 });
const index = buildIndex(corpus);
const queries = synthQueries(corpus, 120, 5);

describe('candidates: the score bound admits fewer items and never changes the candidates', () => {
  const cases: Array<[string, (c: number) => boolean]> = [
    ['no filter', () => true],
    ['quotes only', (c) => index.clusterType[c] === CLUSTER_QUOTE],
    ['a third of the clusters', (c) => c % 3 === 0],
  ];
  for (const [name, accept] of cases) {
    it(`returns the same clusters and coverage with the bound before every word (${name})`, () => {
      const plain = new Scratch(itemCount(index), clusterCount(index));
      const bounded = new Scratch(itemCount(index), clusterCount(index));
      let pruned = 0;
      for (const q of queries) {
        const groups = termGroups(index, words(q.query), []);
        // The search's floor (0.34, 200 candidates) and the quote check's (0.2, 30 candidates).
        for (const [limit, floor] of [
          [10, 0.2],
          [30, 0.2],
          [200, 0.34],
        ] as const) {
          const want = candidates(index, plain, groups, accept, limit, floor, Number.POSITIVE_INFINITY);
          const got = candidates(index, bounded, groups, accept, limit, floor, 0);
          expect(got).toEqual(want);
          expect(bounded.lastTouched).toBeLessThanOrEqual(plain.lastTouched);
          if (bounded.lastTouched < plain.lastTouched) pruned++;
        }
      }
      // The bound did prune: otherwise this test would show nothing.
      expect(pruned).toBeGreaterThan(5);
    });
  }

  it('keeps the target quote of every query where the unbounded scoring has it', () => {
    const scratch = new Scratch(itemCount(index), clusterCount(index));
    let kept = 0;
    for (const q of queries) {
      const groups = termGroups(index, words(q.query), []);
      let target = 0;
      while (itemAt(index, target).ref.text !== q.text) target++;
      const cluster = index.itemCluster[target] as number;
      const all = candidates(index, scratch, groups, () => true, 30, 0.2, Number.POSITIVE_INFINITY);
      if (!all.some((c) => c.cluster === cluster)) continue;
      const bounded = candidates(index, scratch, groups, () => true, 30, 0.2, 0);
      expect(bounded.some((c) => c.cluster === cluster)).toBe(true);
      kept++;
    }
    expect(kept).toBeGreaterThan(100);
  });
});
