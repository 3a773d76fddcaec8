import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { ARTICLES_DIR, measureSearch, TARGET_TOP1, TARGET_TOP3, TARGET_VERDICTS } from '../eval/search.ts';

describe('search eval (same figures as npm run eval)', () => {
  it('meets the top-1, top-3 and quote-check targets on the fixture questions', async () => {
    const f = await measureSearch(createSearchEngine(await loadCorpus(ARTICLES_DIR)));
    expect(f.questions).toBeGreaterThanOrEqual(50);
    expect(f.top1, f.misses.join('\n')).toBeGreaterThanOrEqual(TARGET_TOP1);
    expect(f.top3, f.misses.join('\n')).toBeGreaterThanOrEqual(TARGET_TOP3);
    expect(f.verdicts, f.misses.join('\n')).toBeGreaterThanOrEqual(TARGET_VERDICTS);
  });
});
