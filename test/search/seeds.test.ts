import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';

describe('search over the real seed articles', async () => {
  const engine = createSearchEngine(await loadCorpus('data/articles'));

  it("finds Putin's working-group remark once, with both seed articles as sources", () => {
    const top = engine.search('putin working group').results[0];
    expect(top?.speaker).toBe('Vladimir Putin');
    expect(top?.text).toMatch(/working group on cyber ?security/);
    const files = top?.sources.map((s) => s.source.replace(/^.*\//, '')).sort();
    expect(files).toEqual(['000_de0ae4620e306012.txt', '003_fdfb5187be79e5d3.txt']);
    // The two articles word it differently; each source keeps its own wording.
    const wordings = new Set(top?.sources.map((s) => s.text));
    expect(wordings.size).toBe(2);
  });

  it('checks the unmarked print-out quote as exact and a reworded one as close', () => {
    expect(
      engine.verify('Any specific material, if such things arise, we are ready to analyze together').verdict,
    ).toBe('exact');
    const close = engine.verify('we are ready to analyse any specific material together');
    expect(close.verdict).toBe('close');
    expect(close.matches[0]?.speaker).toBe('Vladimir Putin');
    expect(engine.verify('Russia will hand over the twelve officers tomorrow').verdict).toBe('not_found');
  });

  it('speaker:putin and speaker:"Vladimir Putin" give the same quotes', () => {
    const a = engine.search('speaker:putin', { limit: 50 }).results.map((r) => r.text);
    const b = engine.search('speaker:"Vladimir Putin"', { limit: 50 }).results.map((r) => r.text);
    expect(a.length).toBeGreaterThan(2);
    expect(b).toEqual(a);
  });
});
