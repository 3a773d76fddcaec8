/** The plain-text form of a Reply: Slack's `text`, notifications, and the console without colour. */
import { formatDateLong } from '../citations/credit.ts';
import type { DiffPart } from '../search/types.ts';
import type { QuoteBlock, Reply, ReplyBlock, SourceRefLike } from './types.ts';

/** Missing metadata is named as missing, never invented or silently dropped. */
export function describeSource(source: SourceRefLike): {
  outlet: string;
  title: string;
  date: string;
  link: string;
} {
  return {
    outlet: source.outlet ?? 'outlet unknown',
    title: source.title ?? 'title unknown',
    date: formatDateLong(source.published) ?? 'date unknown',
    link: source.url ?? 'no link',
  };
}

/** `Vladimir Putin, Russian President` / `speaker unknown`. */
export function describeSpeaker(speaker: string | null, role: string | null): string {
  if (!speaker) return 'speaker unknown';
  return role ? `${speaker}, ${role}` : speaker;
}

/** Shown instead of a name below the confidence threshold (src/trust.ts). */
export function unclearSpeaker(possibly: string): string {
  return `speaker unclear (possibly ${possibly}, check the article)`;
}

/** Who said a quote, as shown under it: the name and role, "speaker unclear (possibly X, ...)", or unknown. */
export function quoteAttribution(block: Pick<QuoteBlock, 'speaker' | 'role' | 'possibly'>): string {
  if (block.speaker) return describeSpeaker(block.speaker, block.role);
  if (block.possibly) return unclearSpeaker(block.possibly);
  return 'speaker unknown';
}

/** The label every paraphrase starts with, in every adapter. */
export const PARAPHRASE_LABEL = 'Paraphrase';

/** Words that open a clause in lower case once it follows "X said" (anything else may be a name). */
const CLAUSE_OPENERS = new Set(
  'a an the it its this that these those there he she they we his her their our some many most all no one'.split(
    ' ',
  ),
);

/**
 * A paraphrase as reported speech, never inside quotation marks:
 * `{ lead: 'Paraphrase: Vladimir Putin, Russian President, said', clause: 'Russia favors ….' }`;
 * when the speaker is not shown, `Paraphrase (speaker unclear: possibly X, check the article):` or
 * `Paraphrase (speaker unknown):`.
 */
export function reportedSpeech(block: Pick<QuoteBlock, 'text' | 'speaker' | 'role' | 'possibly'>): {
  lead: string;
  clause: string;
} {
  let clause = block.text.trim().replace(/^[,;:\s]+/, '');
  if (!/[.!?…]["”’']?$/.test(clause)) clause = `${clause}.`;
  if (block.speaker) {
    const first = /^\p{L}+/u.exec(clause)?.[0] ?? '';
    if (CLAUSE_OPENERS.has(first.toLowerCase()))
      clause = `${first.toLowerCase()}${clause.slice(first.length)}`;
    const who = block.role ? `${block.speaker}, ${block.role},` : block.speaker;
    return { lead: `${PARAPHRASE_LABEL}: ${who} said`, clause };
  }
  const why = block.possibly
    ? `speaker unclear: possibly ${block.possibly}, check the article`
    : 'speaker unknown';
  return { lead: `${PARAPHRASE_LABEL} (${why}):`, clause };
}

/** A quote block as plain text: the words in quotation marks with who said them, or a paraphrase as reported speech. */
export function quoteToPlain(block: QuoteBlock): string {
  if (block.paraphrase) {
    const { lead, clause } = reportedSpeech(block);
    return `${lead} ${clause}`;
  }
  return `“${block.text}”\n— ${quoteAttribution(block)}`;
}

/** git's word-diff notation: `[-reporter's words-]` and `{+published words+}`. */
export function diffToPlain(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text.trim()}-]` : `{+${p.text.trim()}+}`,
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function blockToPlain(block: ReplyBlock): string {
  switch (block.type) {
    case 'heading':
    case 'text':
    case 'fact':
      return block.text;
    case 'quote':
      return quoteToPlain(block);
    case 'context':
      return `(${block.text})`;
    case 'citation': {
      const s = describeSource(block.source);
      const credit = block.credit ? `\nCredit: ${block.credit}` : '';
      return `Source: ${s.outlet}, “${s.title}”, ${s.date}, ${s.link}${credit}`;
    }
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'diff':
      return `Diff: ${diffToPlain(block.parts)}`;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'actions':
      // Buttons are not text.
      return '';
    case 'divider':
      return '---';
  }
}

/** Title, then each block separated by a blank line. Buttons are left out: they are not text. */
export function toPlainText(reply: Pick<Reply, 'title' | 'blocks'>): string {
  return [reply.title, ...reply.blocks.map(blockToPlain)].filter((s) => s !== '').join('\n\n');
}
