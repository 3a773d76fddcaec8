import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/search/normalize.ts';
import { hashWords, WordIds } from '../../src/search/wordids.ts';

/** The words a WordIds table reads, by asking it for each id's word. */
function scanned(table: WordIds, byId: string[], text: string): string[] {
  table.scan(text);
  return [...table.ids.subarray(0, table.count)].map((id) => byId[id] as string);
}

function table(): { t: WordIds; byId: string[]; asked: string[] } {
  const byId: string[] = [];
  const asked: string[] = [];
  const ids = new Map<string, number>();
  const t = new WordIds((w) => {
    asked.push(w);
    let id = ids.get(w);
    if (id === undefined) {
      id = byId.length;
      byId.push(w);
      ids.set(w, id);
    }
    return id;
  });
  return { t, byId, asked };
}

// Text made of the characters the word boundaries turn on: letters of both cases, digits, apostrophes (straight
// and curly), dots, commas, dashes, spaces and a few letters outside ASCII.
const CHARS = [..."aAbBzZ09 1'’.,-é ÉßİK"];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(''));

describe('WordIds', () => {
  it('reads the words words() reads, with their hash, ASCII or not', () => {
    const { t, byId } = table();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        for (const s of texts) {
          expect(scanned(t, byId, s)).toEqual(words(s));
          expect(t.hash).toBe(hashWords(words(s)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("folds case and drops inner apostrophes and numbers' commas, keeping their dots", () => {
    const { t, byId, asked } = table();
    expect(scanned(t, byId, "Putin's PUTINS 1,200 and 3.5, it's 'quoted' o'")).toEqual([
      'putins',
      'putins',
      '1200',
      'and',
      '3.5',
      'its',
      'quoted',
      'o',
    ]);
    // Each distinct word asked for once: a word seen again is found in the table.
    expect(asked).toEqual(['putins', '1200', 'and', '3.5', 'its', 'quoted', 'o']);
    scanned(t, byId, "1,200 PUTIN'S 3.5");
    expect(asked.length).toBe(7);
  });

  it('asks for no word of a text that turns out not to be ASCII further on but the words words() reads', () => {
    const { t, byId, asked } = table();
    // Read as ASCII, `caf` and `na` would be words before the first letter outside ASCII shows.
    expect(scanned(t, byId, 'caf\u00e9 na\u00efve Zu\u0308rich')).toEqual(['cafe', 'naive', 'zurich']);
    expect(asked).toEqual(['cafe', 'naive', 'zurich']);
    expect(scanned(t, byId, 'naive caf')).toEqual(['naive', 'caf']);
    expect(asked).toEqual(['cafe', 'naive', 'zurich', 'caf']);
  });

  it('keeps answering past its cap, without remembering', () => {
    let asked = 0;
    const t = new WordIds(() => {
      asked++;
      return 7;
    }, 2);
    t.scan('one two three three');
    expect([...t.ids.subarray(0, t.count)]).toEqual([7, 7, 7, 7]);
    expect(asked).toBe(4);
  });

  it('grows its table past the first size', () => {
    const { t, byId } = table();
    const many = Array.from({ length: 70_000 }, (_, i) => `w${i}`).join(' ');
    expect(scanned(t, byId, many)).toEqual(words(many));
    expect(scanned(t, byId, 'w69999 w0')).toEqual(['w69999', 'w0']);
    expect(byId.length).toBe(70_000);
  });
});
