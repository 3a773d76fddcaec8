/**
 * Public shapes of the search core (src/search). Commands and the CLI use only these. Search returns data: credit
 * lines and citations are composed by the commands (src/commands/present.ts), never here.
 */
import type { Corpus, QuoteKind, Speaker } from '../types.ts';

export type ItemType = 'quote' | 'fact';

/** The article a result comes from, as shown in citations. Missing metadata stays null. */
export interface ArticleRef {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  source: string;
}

/** One article carrying a result, with that article's own wording and speaker. */
export interface SourceRef extends ArticleRef {
  text: string;
  paragraph: number;
  /** Who this article says spoke (the corpus name when aliases merged); null for facts and unknown speakers. */
  speaker?: string | null;
}

export interface SearchOptions {
  type?: ItemType | 'all';
  /** Any alias of a speaker (`putin`, `Vladimir Putin`). */
  speaker?: string;
  limit?: number;
  /** For paging: skip this many results. */
  offset?: number;
}

export interface SearchResult {
  type: ItemType;
  text: string;
  speaker: string | null;
  role: string | null;
  /** Quotes only. */
  kind: QuoteKind | null;
  verb: string | null;
  /** Quotes only: the extractor's 0..1 confidence in the speaker (see src/trust.ts for when a name is shown). */
  confidence: number | null;
  /** 0..1, higher is better. */
  score: number;
  /** The cited source: the earliest that names the speaker (for a quote), else the earliest. */
  article: ArticleRef;
  /** The sentence before, the sentence(s) holding the item, and the sentence after, from the cited article. */
  context: string;
  /** Every article carrying this quote or fact (wording may differ): the cited one first, then earliest first. */
  sources: SourceRef[];
}

export interface SearchResponse {
  query: string;
  /** How many results matched in all (for paging). Free-text queries rank at most 200 (or offset + limit). */
  total: number;
  results: SearchResult[];
  /** Near speakers or words, offered when nothing (or little) matched. */
  suggestions: string[];
  /**
   * Who the speaker filter (`speaker:` or the option) stands for, by corpus name, when it matched someone;
   * `speakerGuessed` when only a typo-tolerant match did (`trmp` -> Donald Trump), so the reply can say so.
   */
  speakers?: string[];
  speakerGuessed?: boolean;
}

export type DiffOp = 'equal' | 'insert' | 'delete';
/** Word-level diff from the reporter's wording to the published one: `insert` = in the article only, `delete` = in the reporter's text only. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

export type Verdict = 'exact' | 'close' | 'not_found';

export interface VerifyMatch {
  text: string;
  speaker: string | null;
  role: string | null;
  /** `direct` (the published words) or `indirect` (a paraphrase: never verified as exact). */
  kind: QuoteKind;
  /** True for an indirect quote: the article's paraphrase, not the speaker's words (kind === 'indirect'). */
  paraphrase: boolean;
  /** The extractor's 0..1 confidence in the speaker. */
  confidence: number;
  article: ArticleRef;
  diff: DiffPart[];
  /** 0..1 word overlap with the published wording. */
  similarity: number;
}

export interface VerifyResult {
  verdict: Verdict;
  matches: VerifyMatch[];
}

/** Who a speaker is, as the corpus shows them (`/speaker NAME`). */
export interface SpeakerProfile {
  name: string;
  /** Roles seen with their quotes, most often first. */
  roles: string[];
  /** Other forms of the name seen (`Putin`, `President Putin`). */
  aliases: string[];
  /** Their quotes (one printed by several articles counts once), and the articles carrying them. */
  quotes: number;
  articles: number;
  /** Outlets carrying their quotes, most first; articles without an outlet are not counted here. */
  outlets: string[];
  /** Their earliest and latest dated quote (undated ones only when none is dated). */
  first: SearchResult | null;
  latest: SearchResult | null;
}

/** The answer to "who is NAME": the best match, other people the name also fits, or near names. */
export interface SpeakerLookup {
  profile: SpeakerProfile | null;
  /** Other speakers the name matches (`trump`: Melania Trump too), most quoted first. */
  others: string[];
  /** Near names when nothing matched. */
  suggestions: string[];
  /** The name matched only with a typo allowed (`trmp` -> Donald Trump): the reply says so. */
  guessed: boolean;
}

/** The search engine every command uses. Built once per corpus; reload builds a new one and swaps it in. */
export interface SearchEngine {
  readonly corpus: Corpus;
  search(query: string, options?: SearchOptions): SearchResponse;
  verify(text: string): VerifyResult;
  /** Speakers whose name or alias contains the prefix (for autocomplete), best first; near names when few do. */
  speakers(prefix: string, limit?: number): Speaker[];
  /**
   * Who NAME is: roles, aliases, counts, first and latest quote, outlets. Optional only so that the stand-in
   * engines of tests need not implement it; the real engine always does.
   */
  speaker?(name: string): SpeakerLookup;
}
