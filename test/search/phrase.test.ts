import { describe, expect, it } from 'vitest';
import { newsCorpus } from '../../bench/news.ts';
import { buildIndex, itemCount, itemRefOf } from '../../src/search/build.ts';
import { itemWords, phraseItems, preparePhraseText } from '../../src/search/engine.ts';
import { STOP_WORDS, words } from '../../src/search/normalize.ts';
import { article, corpus } from './helpers.ts';

const texts = [
  "Don't you ever, EVER give up on the harbour!",
  "We're not going -- not now -- to the ferry's pier.",
  'The dredging plan moves 1,200 tonnes and 3.5 metres of silt.',
  'Café owners on the quay say it’s over for the summer trade.',
  'You ever give up on the harbour plan, then give it back.',
  "Rock'n'roll and ''quoted'' words on the harbour wall.",
  "Ten boats wait in the port''s basin at dawn.",
];
const index = buildIndex(
  corpus([
    article({
      id: 'a1',
      title: 'Harbour works',
      outlet: 'The Quay Post',
      published: '2024-05-01',
      paragraphs: texts,
      quotes: texts.map((text) => ({ text, speaker: 'Ada Quill' })),
    }),
  ]),
);
const found = (q: string, whole = false): string[] =>
  phraseItems(index, words(q), whole).map((i) => itemRefOf(index, i).text);

describe('phraseItems', () => {
  it('finds a run of words however it is written: case, apostrophes, punctuation between', () => {
    expect(found('dont you ever ever give up')).toEqual([texts[0]]);
    expect(found('ever give up on the harbour')).toEqual([texts[0], texts[4]]);
    expect(found('were not going not now to the ferrys pier')).toEqual([texts[1]]);
    expect(found('rocknroll and quoted words')).toEqual([texts[5]]);
    expect(found('moves 1200 tonnes and 3.5 metres')).toEqual([texts[2]]);
    expect(found('the dredging plan moves')).toEqual([texts[2]]);
    expect(found('cafe owners on the quay say its over')).toEqual([texts[3]]);
    // Two apostrophes end a word: `port''s` is the words `port` and `s`, with nothing between them once folded.
    expect(found('wait in the port s basin')).toEqual([texts[6]]);
  });

  it('finds nothing where the words are there but not in one run', () => {
    expect(found('not going to the ferrys')).toEqual([]);
    expect(found('give up on the harbour wall')).toEqual([]);
    expect(found('you ever give it back')).toEqual([]);
  });

  it('matches a whole item only when asked for the whole', () => {
    expect(found('you ever give up on the harbour plan then give it back', true)).toEqual([texts[4]]);
    expect(found('you ever give up on the harbour plan', true)).toEqual([]);
  });

  it('finds the same once the phrase text is built (folded accents, curly apostrophes, numbers)', async () => {
    const own = buildIndex(index.corpus);
    const asked: Array<[string, boolean]> = [
      ['cafe owners on the quay say its over', false],
      ['moves 1200 tonnes and 3.5 metres', false],
      ['ever give up on the harbour', false],
      ['wait in the port s basin', false],
      ['not going to the ferrys', false],
      ['you ever give up on the harbour plan then give it back', true],
    ];
    const ask = (): number[][] => asked.map(([q, whole]) => phraseItems(own, words(q), whole));
    const before = ask();
    await preparePhraseText(own);
    expect(ask()).toEqual(before);
    for (let i = 0; i < texts.length; i++) expect(itemWords(own, i)).toEqual(words(itemRefOf(own, i).text));
  });
});

describe('phrase text built in the background', () => {
  // Over a thousand items, so a build 256 items a slice takes several slices; runs of stop words only are found
  // by scanning the phrase text.
  const news = newsCorpus({ quotes: 1500 });
  const runs = ['it is', 'we have to', 'i think that', 'the the', 'of the people', 'and we will not'].map(
    words,
  );

  it('finds what the phrase text built at once finds, whether finished in slices or by a question meanwhile', async () => {
    const atOnce = buildIndex(news);
    const expected = runs.map((r) => phraseItems(atOnce, r));
    expect(expected.some((hits) => hits.length > 0)).toBe(true);
    // What a lookup means, item by item (the scan reads the lines of several chunks).
    const n = itemCount(atOnce);
    const lines = Array.from({ length: n }, (_, i) => ` ${words(itemRefOf(atOnce, i).text).join(' ')} `);
    const holding = (r: string[]): number[] =>
      lines.flatMap((line, i) => (line.includes(` ${r.join(' ')} `) ? [i] : [])).slice(0, 500);
    expect(expected).toEqual(runs.map(holding));
    expect(expected.flat().some((i) => i >= 512)).toBe(true);
    const wholeOf = (r: string[]): number[] =>
      lines.flatMap((line, i) => (line === ` ${r.join(' ')} ` ? [i] : []));
    const lastOfChunk = words(itemRefOf(atOnce, 255).text);
    expect(phraseItems(atOnce, lastOfChunk, true)).toEqual(wholeOf(lastOfChunk));
    expect(phraseItems(atOnce, lastOfChunk, true)).toContain(255);

    const sliced = buildIndex(news);
    const ms = await preparePhraseText(sliced, 0);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(runs.map((r) => phraseItems(sliced, r))).toEqual(expected);
    // Asked again once done: the same promise's value, nothing rebuilt.
    expect(await preparePhraseText(sliced)).toBe(ms);

    // A question before the background build is done finishes it at once.
    const interrupted = buildIndex(news);
    const ready = preparePhraseText(interrupted, 0);
    await new Promise((r) => setImmediate(r));
    expect(runs.map((r) => phraseItems(interrupted, r))).toEqual(expected);
    expect(await ready).toBeGreaterThanOrEqual(0);
    expect(runs.map((r) => phraseItems(interrupted, r, true))).toEqual(
      runs.map((r) => phraseItems(atOnce, r, true)),
    );
  });

  it('once built, answers item words and pooled phrase lookups as tokenising the items did', async () => {
    const fresh = buildIndex(news);
    const n = itemCount(fresh);
    // Runs of 2 to 6 words taken from items (so they are found), with a content word or not, and whole items.
    const picked: string[][] = [];
    for (let i = 0; i < n; i += 37) {
      const ws = words(itemRefOf(fresh, i).text);
      const len = 2 + (i % 5);
      if (ws.length > len) picked.push(ws.slice(i % (ws.length - len), (i % (ws.length - len)) + len));
    }
    const withContent = picked.filter((r) => r.some((w) => !STOP_WORDS.has(w)));
    expect(withContent.length).toBeGreaterThan(20);
    const wholes = [0, 5, 9].map((i) => words(itemRefOf(fresh, i).text));
    // Before: the pooled items are tokenised (nothing here needs the phrase text, so it is not built yet).
    const before = withContent.map((r) => phraseItems(fresh, r));
    const wholeBefore = wholes.map((r) => phraseItems(fresh, r, true));
    expect(wholeBefore.every((hits) => hits.length > 0)).toBe(true);
    await preparePhraseText(fresh);
    expect(withContent.map((r) => phraseItems(fresh, r))).toEqual(before);
    expect(wholes.map((r) => phraseItems(fresh, r, true))).toEqual(wholeBefore);
    for (let i = 0; i < n; i++) expect(itemWords(fresh, i)).toEqual(words(itemRefOf(fresh, i).text));
  });
});
