/**
 * "Did you mean": the search offers near speakers and words when nothing matched; a suggestion is shown only
 * when it is a small edit away from a word the reporter typed (a typo), never a loosely related word.
 */

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Edits allowed for a typed word: one for short words, two from eight letters on. */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The suggestions worth offering for a query: those with a word within allowedEdits of a typed word (and not
 * the same word, which would not be a correction). Filter names (`speaker:`) are not words.
 */
export function nearSuggestions(query: string, suggestions: readonly string[]): string[] {
  const typed = wordsOf(query.replace(/\b\w+:/g, ' ')).filter((w) => w.length >= 3);
  return suggestions.filter((suggestion) =>
    wordsOf(suggestion).some((s) =>
      typed.some((t) => {
        const d = editDistance(t, s, allowedEdits(t));
        return d > 0 && d <= allowedEdits(t);
      }),
    ),
  );
}
