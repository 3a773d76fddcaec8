/**
 * Small sets of words reporters use interchangeably in news copy. A query word also looks for the other words of
 * its set, at a lower weight than the word itself, so "election interference" finds "election meddling".
 * Kept deliberately short and generic: a large thesaurus would drown precise queries in loose matches.
 */
import { stem } from './normalize.ts';

const SETS: string[][] = [
  ['meddling', 'meddle', 'interference', 'interfere', 'interfered', 'tampering'],
  ['hack', 'hacking', 'hacked', 'breach', 'cyberattack', 'intrusion'],
  ['officials', 'officers', 'agents'],
  ['firm', 'company', 'business', 'corporation'],
  ['layoffs', 'redundancies', 'job cuts', 'dismissals'],
  ['fire', 'blaze', 'wildfire'],
  ['killed', 'dead', 'died', 'deaths', 'fatalities'],
  ['injured', 'hurt', 'wounded'],
  ['money', 'funding', 'funds', 'cash', 'budget'],
  ['cost', 'price', 'expense'],
  ['rise', 'increase', 'growth', 'jump', 'surge', 'rose', 'grew', 'raise'],
  ['fall', 'drop', 'decline', 'decrease', 'fell', 'dropped', 'slump', 'cut'],
  ['children', 'kids', 'child', 'students', 'pupils'],
  ['doctors', 'physicians', 'clinicians'],
  ['lawmakers', 'legislators', 'congress', 'parliament', 'senators'],
  ['ban', 'prohibit', 'outlaw', 'forbid'],
  ['vote', 'ballot', 'election', 'poll'],
  ['deal', 'agreement', 'accord', 'pact', 'contract'],
  ['talks', 'negotiations', 'discussions', 'meeting'],
  ['cooperation', 'collaboration', 'partnership', 'working together'],
  ['group', 'unit', 'team', 'force', 'panel', 'committee'],
  ['storm', 'hurricane', 'typhoon', 'cyclone'],
  ['flight', 'plane', 'aircraft', 'airliner'],
  ['turbulence', 'bumpy', 'jolted'],
  ['rain', 'rainfall', 'downpour', 'flooding'],
  ['housing', 'homes', 'apartments', 'rent'],
  ['salary', 'salaries', 'wages', 'pay'],
  ['strike', 'walkout', 'stoppage'],
  ['say', 'claim', 'assert'],
  ['reopen', 'resume', 'restart'],
  ['closure', 'shutdown', 'closed'],
  ['terrorism', 'terror', 'extremism'],
  ['russia', 'russian', 'moscow', 'kremlin'],
  ['us', 'american', 'washington', 'united states'],
];

/** Stemmed term -> stemmed single-word synonyms (multi-word entries are skipped: the index holds single terms). */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const set of SETS) {
    const stems = [...new Set(set.filter((w) => !w.includes(' ')).map(stem))];
    for (const s of stems) {
      const list = map.get(s) ?? [];
      for (const o of stems) if (o !== s && !list.includes(o)) list.push(o);
      map.set(s, list);
    }
  }
  return map;
})();
