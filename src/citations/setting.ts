/**
 * The "at/in ..." part of an AP credit line (`said in Helsinki`, `said in a tweet`), read from the attribution
 * the article itself wrote. Nothing is inferred: when the text does not say where or how, there is no setting.
 */

const VERBS = 'said|says|told|added|wrote|stated|explained|noted|declared|announced|tweeted|posted';
/** Words that end a setting phrase: what follows is a time or a new clause, not the place or medium. */
const STOP_WORDS = new Set([
  'that',
  'after',
  'before',
  'on',
  'when',
  'while',
  'as',
  'and',
  'but',
  'which',
  'who',
]);
const MAX_WORDS = 8;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The names an attribution may use for the speaker: full name, surname, or a pronoun. */
function subjectPattern(speaker: string | null): string {
  const names = ['he', 'she', 'they'];
  if (speaker) {
    names.unshift(escapeRegExp(speaker));
    const surname = speaker.trim().split(/\s+/).pop();
    if (surname && surname.length > 1) names.unshift(escapeRegExp(surname));
  }
  return names.join('|');
}

/**
 * Finds `SPEAKER said in/at/during PHRASE` (or `said SPEAKER in ...`) in the paragraph and returns `in PHRASE`.
 * When the paragraph holds several attributions, the one nearest after `near` (the quote's position) wins.
 */
export function attributionSetting(paragraph: string, speaker: string | null, near = 0): string | null {
  const subject = subjectPattern(speaker);
  const re = new RegExp(
    `(?:\\b(?:${subject})(?:'s)?\\s+(?:${VERBS})(?:\\s+[A-Z][\\w.]*)?|\\b(?:${VERBS})\\s+(?:${subject}))\\s+((?:in|at|during)\\s+[^,.;:!?"“”()]+)`,
    'gi',
  );
  let best: { index: number; phrase: string } | null = null;
  for (const m of paragraph.matchAll(re)) {
    const phrase = trimPhrase(m[1] ?? '');
    if (!phrase) continue;
    const index = m.index ?? 0;
    const distance = index >= near ? index - near : (near - index) * 2;
    const bestDistance = best ? (best.index >= near ? best.index - near : (near - best.index) * 2) : Infinity;
    if (distance < bestDistance) best = { index, phrase };
  }
  return best?.phrase ?? null;
}

function trimPhrase(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  const kept: string[] = [];
  for (const [i, word] of words.entries()) {
    if (i > 0 && STOP_WORDS.has(word.toLowerCase())) break;
    kept.push(word);
  }
  // "in" alone, or a runaway clause, is not a setting.
  if (kept.length < 2 || kept.length > MAX_WORDS) return null;
  kept[0] = (kept[0] ?? '').toLowerCase();
  return kept.join(' ');
}
