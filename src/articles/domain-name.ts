/**
 * A readable outlet name from a domain nobody put in the outlet table: `harborfallsherald.com` is
 * "Harbor Falls Herald", `the-daily-planet.com` "The Daily Planet". Run-together labels are split into
 * words from a small vocabulary of words that make up newspaper names (news nouns, places, directions);
 * parts it does not know stay whole (`wexforddailycourier` -> "Wexford Daily Courier"). It is a
 * fallback only: an outlet the article or a sidecar names always wins.
 */

const VOCABULARY = new Set(
  `
  the new old daily weekly times post herald tribune journal gazette chronicle courier ledger review report
  reporter record register sentinel inquirer bulletin dispatch examiner monitor standard telegraph independent
  globe star sun mail express observer guardian press wire mirror voice view call citizen leader eagle beacon
  pioneer patriot republic republican democrat statesman argus courant enterprise advocate advertiser messenger
  mercury transcript banner current digest echo focus insider magazine media network online today tonight
  week weekend world nation national local metro city county state statehouse capitol capital region regional
  community public radio television channel broadcast news sports sport business finance financial money
  market markets economy economic tech technology science health medical medicine desk arts art culture film
  music books legal law politics political policy opinion story stories source hour morning evening sunday
  first great grand big little north south east west northern southern eastern western central midwest
  northwest northeast southwest southeast pacific atlantic gulf coast coastal coastline bay bayside harbor
  harbour port lake lakes lakeshore lakeside river rivers riverbend riverside valley mountain mountains hill
  hills hillside falls springs creek canyon mesa desert prairie plains ridge park forest woods island islands
  shore seaside beach point rock stone field fields green meadow grove oak pine cedar maple sky bridge gate
  town village borough heights square street union united american america international global continental
  blue red white gold golden silver black bright clear high upper lower inland delta meridian horizon compass
  frontier gateway crossroads heartland mainstreet main free daily tide tides wave waves light lantern
  and theater theatre planet feed blog blogs diary notes journal
  `
    .split(/\s+/)
    .filter((w) => w.length >= 3),
);

const SMALL_WORDS = new Set(['the', 'and', 'of', 'for', 'in', 'on', 'at']);
// Second-level public suffixes common among news sites (bbc.co.uk, smh.com.au).
const SECOND_LEVEL = /^(?:co|com|org|net|gov|ac|edu)$/;

/** Splits a run-together label into words; unknown stretches stay whole. */
export function segmentLabel(label: string): string[] {
  const n = label.length;
  // Lowest cost to segment label[0..i): a known word costs 1; an unknown stretch costs more, and a
  // little more per letter, so that a long unknown run is broken where known words fit it exactly.
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const back = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      const word = label.slice(start, end);
      const base = cost[start] ?? Number.POSITIVE_INFINITY;
      const step = VOCABULARY.has(word) ? (word === 'the' ? 0.5 : 1) : 2 + 0.35 * word.length;
      if (base + step < (cost[end] ?? Number.POSITIVE_INFINITY)) {
        cost[end] = base + step;
        back[end] = start;
      }
    }
  }
  const words: string[] = [];
  for (let end = n; end > 0; end = back[end] ?? 0) words.unshift(label.slice(back[end] ?? 0, end));
  return words;
}

// Hosts whose subdomains are other people's sites: the blog's own label names it, not "Blogspot".
const SHARED_HOSTS =
  /(?:^|\.)(?:blogspot\.[a-z.]+|wordpress\.com|tumblr\.com|github\.io|substack\.com|typepad\.com|livejournal\.com|medium\.com|wixsite\.com|weebly\.com|ghost\.io|netlify\.app|hatenablog\.com|cocolog-nifty\.com|fc2\.com|pixnet\.net)$/;

/** The name-bearing label of a host: `www.harborfallsherald.com` -> `harborfallsherald`, `x.co.uk` -> `x`. */
function nameLabel(host: string): string | null {
  const labels = host.split('.').filter((l) => l !== '');
  const shared = SHARED_HOSTS.exec(host);
  if (shared && shared.index > 0)
    return labels[labels.length - shared[0].replace(/^\./, '').split('.').length - 1] ?? null;
  if (labels.length < 2) return labels[0] ?? null;
  const secondLast = labels[labels.length - 2] ?? '';
  const hasSecondLevel =
    labels.length >= 3 && SECOND_LEVEL.test(secondLast) && (labels.at(-1)?.length ?? 0) === 2;
  return labels[labels.length - (hasSecondLevel ? 3 : 2)] ?? null;
}

/** A readable name for a host (see the top of this file), or null when there is nothing to read. */
export function readableDomainName(host: string): string | null {
  const label = nameLabel(host.toLowerCase());
  if (!label || !/[a-z]/.test(label)) return null;
  // Long labels are not segmented: the split is quadratic and no outlet name is that long.
  const parts = label.split(/[-_]+/).flatMap((part) => (part.length <= 40 ? segmentLabel(part) : [part]));
  return parts
    .filter((w) => w !== '')
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      // A two-letter stretch that is no word is an abbreviation: sfchronicle -> "SF Chronicle".
      if (w.length <= 2 && !VOCABULARY.has(w)) return w.toUpperCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}
