/**
 * The core data model, shared by every stage of the pipeline:
 * files -> Article (src/articles) -> quotes/facts (src/extract) -> Corpus (src/corpus.ts) -> search -> commands.
 */

/** The formats the loader reads. */
export type ArticleFormat = 'txt' | 'md' | 'html' | 'json';

/** One article, cleaned. Metadata that the file does not give is null: never invented. */
export interface Article {
  /** Stable id: the path relative to the data folder (or the path as given), plus `#N` for the Nth article of a JSON array. */
  id: string;
  /** The path as given to the loader (or as found under the data folder). */
  source: string;
  format: ArticleFormat;
  title: string | null;
  /** Publication name, e.g. "TechCrunch". */
  outlet: string | null;
  url: string | null;
  /** Publication date as YYYY-MM-DD. */
  published: string | null;
  author: string | null;
  /** Clean body text, one entry per paragraph. Offsets of quotes and facts index into these strings. */
  paragraphs: string[];
}

/** A file that could not be read or parsed; it is skipped, never fatal. */
export interface LoadProblem {
  file: string;
  reason: string;
}

export type QuoteKind = 'direct' | 'indirect';

/**
 * How a quote's speaker was found (see src/extract/calibration.ts): a name next to the marks, a name elsewhere in
 * the sentence, a neighbour's attribution, a pronoun (and how sure its resolution is), a role or organisation
 * noun, a transcript label, an interview's `A:`, the sentence after or before, a print-out that lost its marks, or nothing.
 */
export type QuoteEvidence =
  | 'name'
  | 'name-sentence'
  | 'lone-word'
  | 'inherited'
  | 'pronoun-continuity'
  | 'pronoun-unique'
  | 'pronoun-ambiguous'
  | 'role'
  | 'transcript'
  | 'interviewee'
  | 'next-sentence'
  | 'previous-sentence'
  | 'subject'
  | 'unmarked'
  | 'none';

/** A quote found in one article. */
export interface Quote {
  /** For a direct quote: the words inside the marks. For an indirect one: the reported clause. */
  text: string;
  /** Canonical speaker name within the article (`Donald Trump`, not `Mr. Trump`), or null when unknown. */
  speaker: string | null;
  /** Title or role split off the name (`Russian President`), or null. */
  role: string | null;
  kind: QuoteKind;
  /** The attribution verb (`said`, `told`, `according to`), or null. */
  verb: string | null;
  /** Index into Article.paragraphs where the quote starts. */
  paragraph: number;
  /** Character offsets of `text` in paragraphs[paragraph] (end exclusive). A multi-paragraph quote's end is in its last paragraph; `text` then joins the parts with a space. */
  start: number;
  end: number;
  /** 0..1, how sure the extractor is of the speaker, calibrated on real news (src/extract/calibration.ts). */
  confidence: number;
  /** How the speaker was found (always set by the extractor; absent in hand-made fixtures). */
  evidence?: QuoteEvidence;
}

/** A claim sentence worth citing (numbers, amounts, dates, counts, named events). */
export interface Fact {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

/** What the extractor returns for one article. */
export interface Extraction {
  quotes: Quote[];
  facts: Fact[];
}

/** An article with its extraction, as held in the corpus. */
export interface CorpusArticle extends Article {
  quotes: Quote[];
  facts: Fact[];
}

/** A speaker across the whole corpus: aliases merged (`Putin`, `Vladimir Putin`, `President Putin`). */
export interface Speaker {
  name: string;
  /** Most common role seen, or null. */
  role: string | null;
  aliases: string[];
  quoteCount: number;
}

/** Everything loaded from the data folder. Built once; a reload builds a new one and swaps it in. */
export interface Corpus {
  /** The data folder this was loaded from. */
  dataDir: string;
  articles: CorpusArticle[];
  speakers: Speaker[];
  problems: LoadProblem[];
  loadedAt: Date;
}
