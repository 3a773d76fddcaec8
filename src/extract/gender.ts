/**
 * The usual gender of a first name: our own list first (names of the news, where it is sure), then the
 * gender-detection-from-name tables (English, then other languages). One cue among several: honorifics and the
 * pronouns an article uses come first.
 */
import { getGender } from 'gender-detection-from-name';
import { FIRST_NAMES } from './lexicon.ts';

/**
 * First names the news gives to men and women alike (`Jan Brewer`, `Jan Nowak`; `Lee Ames` of either): no gender
 * from the name, so that the article's own `he` or `she` decides.
 */
export const UNISEX_NAMES = new Set('jan lee robin dana leslie casey taylor morgan'.split(' '));

/** `m`, `f`, or null when the name is unknown or used for both. */
export function genderOfFirstName(lower: string): 'm' | 'f' | null {
  if (UNISEX_NAMES.has(lower)) return null;
  const own = FIRST_NAMES.get(lower);
  if (own) return own;
  if (lower.length < 2 || !/^\p{L}+$/u.test(lower)) return null;
  const g = getGender(lower, 'en');
  return g === 'male' ? 'm' : g === 'female' ? 'f' : null;
}

/** A first name the lists know, whether or not it tells a gender. */
export function isFirstName(lower: string): boolean {
  return UNISEX_NAMES.has(lower) || genderOfFirstName(lower) !== null;
}
