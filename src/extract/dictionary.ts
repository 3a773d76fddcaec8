/**
 * English words (the word-list package, 274,000 lower-case words), loaded once on first use. Used for one
 * question only: is a lone capitalised word that an article never capitalises inside a sentence (`Immunity`,
 * `Promise`) a common word rather than a name? Surnames that are also words (`Trump`, `Warren`) are names there
 * because the article writes them capitalised inside sentences.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | null = null;

/** True when `lower` is an English word. */
export function isEnglishWord(lower: string): boolean {
  if (words === null) {
    try {
      words = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
    } catch {
      // Without the list, no word is treated as common: the other rules still apply.
      words = new Set();
    }
  }
  return words.has(lower);
}
