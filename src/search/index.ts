/**
 * The search core: one index over every quote and fact of a corpus. Build it once per corpus (synchronous; cost in
 * bench/search.bench.ts, about a second per 100k quotes); to reload, build a new engine and swap the reference,
 * so queries on the old engine are never blocked.
 */
import type { Corpus } from '../types.ts';
import { buildIndex, clusterCount, itemCount, itemRefOf, type SearchIndex } from './build.ts';
import { findSpeakers, lookupSpeaker, preparePhraseText, runSearch, Scratch } from './engine.ts';
import { STOP_WORDS, words } from './normalize.ts';
import type { SearchEngine } from './types.ts';
import { runVerify } from './verify.ts';

export type { ParsedQuery } from './query.ts';
export { parseQuery } from './query.ts';

/** Builds a search engine over a corpus. The corpus is read, never modified. */
export function createSearchEngine(corpus: Corpus): SearchEngine {
  return engineOver(corpus, buildIndex(corpus));
}

/** What an engine does in the background after it is returned, in milliseconds of work. */
export interface BackgroundWork {
  /** Building the phrase text (questions of common words only; preparePhraseText in engine.ts). */
  phraseMs: number;
  /** Answering the warm-up questions (warmUp below). */
  warmMs: number;
}
const background = new WeakMap<SearchIndex, Promise<BackgroundWork>>();

/**
 * The engine answering from an index already built over this corpus (fresh, or read back from a snapshot). In the
 * background, between other work: the text that questions of common words only are scanned in is built, then a
 * few questions and quote checks of every kind are answered (warmUp).
 */
export function engineOver(corpus: Corpus, index: SearchIndex): SearchEngine {
  const scratch = new Scratch(itemCount(index), clusterCount(index));
  const engine: SearchEngine = {
    corpus,
    search: (query, options) => runSearch(index, scratch, query, options),
    verify: (text) => runVerify(index, scratch, text),
    speakers: (prefix, limit) => findSpeakers(index, prefix, limit),
    speaker: (name) => lookupSpeaker(index, name),
  };
  background.set(
    index,
    preparePhraseText(index).then(async (phraseMs) => ({ phraseMs, warmMs: await warmUp(index, engine) })),
  );
  return engine;
}

/** The background work of the engine over this index, once done (undefined: no engine over it). */
export function backgroundWork(index: SearchIndex): Promise<BackgroundWork> | undefined {
  return background.get(index);
}

/** Warm-up questions per engine (a seventh of them quote checks, two each). */
const WARM_QUESTIONS = 56;

/**
 * Questions of the kinds reporters ask (a few words, one misspelt, a type filter, words pasted with their stop
 * words, a speaker's surname and words, a speaker filter) and quote checks, made from items spread over the index;
 * deterministic.
 */
export function warmQuestions(index: SearchIndex): Array<{ search?: string; verify?: string }> {
  const n = itemCount(index);
  const out: Array<{ search?: string; verify?: string }> = [];
  for (let k = 0; k < Math.min(n, WARM_QUESTIONS); k++) {
    const i = Math.floor(((k + 0.5) * n) / WARM_QUESTIONS);
    const ws = words(itemRefOf(index, i).text);
    const content = ws.filter((w) => !STOP_WORDS.has(w));
    if (content.length === 0) continue;
    const kind = k % 7;
    const speaker = index.itemSpeaker[i] as number;
    const surname = speaker >= 0 ? index.speakers[speaker]?.speaker.name.split(/\s+/).pop() : undefined;
    if (kind === 0) out.push({ search: content.slice(0, 4).join(' ') });
    else if (kind === 1) {
      // The longest word with its second and third letters swapped.
      const typed = content.slice(0, 4);
      const at = typed.reduce((best, w, j) => (w.length > (typed[best] as string).length ? j : best), 0);
      const w = typed[at] as string;
      if (w.length >= 5) typed[at] = `${w[0]}${w[2]}${w[1]}${w.slice(3)}`;
      out.push({ search: typed.join(' ') });
    } else if (kind === 2) out.push({ search: `${content.slice(0, 3).join(' ')} type:quote` });
    else if (kind === 3) out.push({ search: ws.slice(0, 8).join(' ') });
    else if (kind === 4)
      out.push({ verify: ws.slice(0, 24).join(' ') }, { verify: ws.slice(1, 9).join(' ') });
    else if (kind === 5) out.push({ search: `${surname ?? ''} ${content.slice(0, 2).join(' ')}`.trim() });
    else out.push({ search: `${content.slice(0, 3).join(' ')}${surname ? ` speaker:${surname}` : ''}` });
  }
  return out;
}

/**
 * Answers warmQuestions() in the background, one per timer, so the JIT has compiled the query paths before the
 * first real question: in the bench, the first twenty-odd questions after a build were most of the p99 (a 1e6
 * index's p99 fell from 20-40 ms to 12-14 ms after fifty unmeasured questions; issue 16). Caches only fill with
 * what any question would put in them (stems): answers never change. Resolves with the
 * milliseconds spent; the timers never keep the process alive.
 */
function warmUp(index: SearchIndex, engine: SearchEngine): Promise<number> {
  const questions = warmQuestions(index);
  let ms = 0;
  let k = 0;
  return new Promise((resolve) => {
    const step = (): void => {
      const q = questions[k++];
      if (!q) {
        resolve(ms);
        return;
      }
      const t0 = performance.now();
      try {
        if (q.search !== undefined) engine.search(q.search, { limit: 3 });
        if (q.verify !== undefined) engine.verify(q.verify);
      } catch {
        // Never expected (search and verify never throw); a warm-up is no reason to stop.
      }
      ms += performance.now() - t0;
      setTimeout(step, 0).unref();
    };
    setTimeout(step, 0).unref();
  });
}
