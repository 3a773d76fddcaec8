import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractionScores, scoreExtraction, TARGETS } from '../eval/extraction.ts';

// The annotated evaluation set must keep meeting issue 2's targets: a regression fails `npm test`.
let scores: ExtractionScores;

beforeAll(async () => {
  scores = await scoreExtraction();
});

describe('extraction quality on the annotated fixtures', () => {
  it('covers at least 10 articles, 70 direct quotes and some indirect ones', () => {
    expect(scores.articles).toBeGreaterThanOrEqual(10);
    expect(scores.direct.truth).toBeGreaterThanOrEqual(70);
    expect(scores.indirect.truth).toBeGreaterThan(0);
  });

  it(`reaches direct-quote F1 >= ${TARGETS.directF1}`, () => {
    expect(scores.direct.f1, scores.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.directF1);
  });

  it(`gets the speaker right for >= ${TARGETS.speaker * 100}% of found quotes`, () => {
    expect(scores.speaker.accuracy, scores.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.speaker);
  });

  it(`gets >= ${TARGETS.metadata * 100}% of title/outlet/url/date fields right`, () => {
    expect(scores.metadata.accuracy, scores.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.metadata);
  });

  it('finds indirect quotes too', () => {
    expect(scores.indirect.recall).toBeGreaterThan(0.5);
    expect(scores.indirect.precision).toBeGreaterThan(0.5);
  });
});
