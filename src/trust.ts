/**
 * When a speaker's name may be shown. A wrong name in print is a correction; an honest "speaker unclear" is not.
 * The extractor gives every quote a confidence (0..1) from the evidence that named its speaker; the threshold
 * below is set on real news (PolNeAR's train split, `npm run eval -- --brat DIR --refs FILE`) so that, among
 * quotes shown with a name, fewer than 1 in 20 names the wrong person: 2.1% there at 0.8 (pronoun and role
 * referents graded by hand), with names next to the marks, split quotes, names in the sentence, the sentence
 * before, and pronouns that continue the last speaker shown; other pronouns, role nouns and next-sentence verbs
 * are offered only as "possibly". See src/extract/calibration.ts.
 */

/** At or above this confidence the speaker is shown as the speaker; below it, as "possibly X, check the article". */
export const SPEAKER_SHOWN_MIN = 0.8;

/** How a quote's speaker is to be presented. */
export interface SpeakerDisplay {
  /** The name to show as the speaker, or null when unknown or too uncertain. */
  name: string | null;
  /** The likeliest name when it is too uncertain to show as the speaker ("possibly X"), else null. */
  possibly: string | null;
}

/** Decides whether a speaker name is shown, offered as "possibly", or left out. */
export function speakerDisplay(
  speaker: string | null,
  confidence: number | null | undefined,
): SpeakerDisplay {
  if (!speaker) return { name: null, possibly: null };
  if ((confidence ?? 0) >= SPEAKER_SHOWN_MIN) return { name: speaker, possibly: null };
  return { name: null, possibly: speaker };
}
