/** The plain-text form of a Reply: Slack's `text`, notifications, and the console without colour. */
import { formatDateLong } from '../citations/credit.ts';
import type { DiffPart } from '../search/types.ts';
import type { Reply, ReplyBlock, SourceRefLike } from './types.ts';

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
      return `“${block.text}”\n— ${describeSpeaker(block.speaker, block.role)}`;
    case 'context':
      return `(${block.text})`;
    case 'citation': {
      const s = describeSource(block.source);
      return `Source: ${s.outlet}, “${s.title}”, ${s.date}, ${s.link}\nCredit: ${block.credit}`;
    }
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'diff':
      return `Diff: ${diffToPlain(block.parts)}`;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'divider':
      return '---';
  }
}

/** Title, then each block separated by a blank line. Buttons are left out: they are not text. */
export function toPlainText(reply: Pick<Reply, 'title' | 'blocks'>): string {
  return [reply.title, ...reply.blocks.map(blockToPlain)].filter((s) => s !== '').join('\n\n');
}
