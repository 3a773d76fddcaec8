/**
 * The index build's postings against the definition, term by term: an item is listed under every term of its text
 * (FIELD_TEXT), of its speaker's name and its role (FIELD_SPEAKER) and of its article's title and outlet
 * (FIELD_META), once, with the fields OR-ed. The corpus has more distinct terms than the build's per-term scratch
 * starts with (65,536), so the scratch grows mid-build.
 */
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../bench/synth.ts';
import {
  buildIndex,
  FIELD_META,
  FIELD_SPEAKER,
  FIELD_TEXT,
  itemCount,
  itemRefOf,
} from '../../src/search/build.ts';
import { terms } from '../../src/search/normalize.ts';
import type { CorpusArticle, Quote } from '../../src/types.ts';

/** A made-up word per number: letters only, so stemming leaves most of them distinct. */
function madeUp(k: number): string {
  let w = 'q';
  for (let x = k; x > 0; x = Math.floor(x / 20)) w += 'bcdfghjklmnprtvwxzay'[x % 20];
  return `${w}o`;
}

describe('index build', () => {
  it('lists each item under the terms of its text, speaker, role, title and outlet, past 65,536 terms', () => {
    const corpus = synthCorpus({ quotes: 3000, quotesPerArticle: 10, seed: 5 });
    let k = 0;
    for (const art of corpus.articles)
      for (const q of art.quotes) {
        const own = Array.from({ length: 24 }, () => madeUp(++k));
        (q as { text: string }).text = `${q.text} ${own.join(' ')}`;
      }
    // Non-ASCII text too (read by words(), not the ASCII reader).
    ((corpus.articles[0] as CorpusArticle).quotes[0] as { text: string }).text += ' Zürich’s café, naïve';
    const index = buildIndex(corpus);
    expect(index.vocab.list.length).toBeGreaterThan(70_000);

    const expected = new Map<string, Map<number, number>>();
    const add = (ts: string[], item: number, flag: number): void => {
      for (const t of ts) {
        const m = expected.get(t) ?? new Map<number, number>();
        expected.set(t, m);
        m.set(item, (m.get(item) ?? 0) | flag);
      }
    };
    for (let i = 0; i < itemCount(index); i++) {
      const ref = itemRefOf(index, i);
      add(terms(ref.text), i, FIELD_TEXT);
      const sp = index.itemSpeaker[i] as number;
      if (sp >= 0) for (const w of index.speakers[sp]?.words ?? []) add(terms(w), i, FIELD_SPEAKER);
      const role = (ref as Quote).role;
      if (role) add(terms(role), i, FIELD_SPEAKER);
      const art = corpus.articles[index.itemArticle[i] as number] as CorpusArticle;
      add(terms(`${art.title ?? ''} ${art.outlet ?? ''}`), i, FIELD_META);
    }
    expect(index.vocab.list.length).toBe(expected.size);
    let checked = 0;
    for (let t = 0; t < index.vocab.list.length; t++) {
      const want = expected.get(index.vocab.list[t] as string);
      const got = new Map<number, number>();
      for (let p = index.postStart[t] as number; p < (index.postStart[t + 1] as number); p++) {
        // In item order, each item once.
        if (p > (index.postStart[t] as number))
          expect(index.postItems[p]).toBeGreaterThan(index.postItems[p - 1] as number);
        got.set(index.postItems[p] as number, index.postFlags[p] as number);
      }
      expect(got).toEqual(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(70_000);
  });
});
