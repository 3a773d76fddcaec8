/**
 * Transcripts and interviews printed as turns (`TAPPER: Do you think ...`, `Q: ... A: ...`): each turn is a direct
 * quote of its own, with its own speaker. A label is a speaker only in an article that prints at least two turns
 * with at least two voices, so a headline or a one-off `UPDATE:` line is never read as speech.
 */
import type { ArticleContext } from './context.ts';
import type { Entity } from './names.ts';

/** One turn: the paragraph, where the spoken words start and end, and the label as printed. */
export interface Turn {
  para: number;
  start: number;
  end: number;
  label: string;
  /** The resolved speaker, or null (an unnamed interviewer; an interviewee the article does not name clearly). */
  entity: Entity | null;
  /** How sure the speaker is: a printed name is sure; `A:` is the interviewee we infer. */
  sure: boolean;
}

const LABEL = /^((?:[A-Z][A-Z'’.-]+)(?: [A-Z][A-Z'’.-]+){0,2}|Q|A)\s*:\s+(?=\S)/;

/** Labels that head a line without being a voice. */
const NOT_VOICES = new Set(
  (
    'EMAIL BYLINE UPDATE UPDATED LOOK BOOM WATCH BREAKING NOTE PHOTO PHOTOS VIDEO CORRECTION SOURCE SOURCES CREDIT ' +
    'READ RELATED WOW EXCLUSIVE REPORT UN BONUS DATELINE CONTACT TAGS FILE AP PS P.S. NB N.B. WARNING ALERT REVEALED ' +
    'BUSTED LISTEN MORE ALSO TOPICS CONTRIBUTING SUBSCRIBE FOLLOW DISCLOSURE CLARIFICATION'
  ).split(' '),
);

const titleCase = (w: string): string =>
  w.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

/** The turns of an article, or none when it does not read as a transcript. */
export function findTurns(ctx: ArticleContext): Turn[] {
  const raw: Array<{ para: number; start: number; label: string }> = [];
  ctx.paras.forEach((p, i) => {
    const m = LABEL.exec(p.text);
    if (!m) return;
    const label = m[1] as string;
    if (NOT_VOICES.has(label) || label.split(' ').length > 3 || /\d/.test(label)) return;
    raw.push({ para: i, start: m[0].length, label });
  });
  const labels = new Set(raw.map((t) => t.label));
  const qa = labels.has('Q') && labels.has('A');
  const named = [...labels].filter((l) => l !== 'Q' && l !== 'A');
  if (raw.length < 2 || (!qa && named.length < 2)) return [];
  // Named voices must each speak at least twice, or be a name the article already knows.
  const count = new Map<string, number>();
  for (const t of raw) count.set(t.label, (count.get(t.label) ?? 0) + 1);
  const interviewee = qa ? likeliestInterviewee(ctx, raw[0]?.para ?? 0) : null;
  const out: Turn[] = [];
  for (const t of raw) {
    const text = ctx.paras[t.para]?.text ?? '';
    let end = text.length;
    while (end > t.start && /\s/.test(text[end - 1] as string)) end--;
    if (end - t.start < 2) continue;
    if (t.label === 'Q') {
      out.push({ ...t, end, entity: null, sure: true });
      continue;
    }
    if (t.label === 'A') {
      out.push({ ...t, end, entity: interviewee, sure: false });
      continue;
    }
    const words = t.label.split(' ').map(titleCase);
    const phrase = {
      nameWords: words,
      role: null,
      gender: null,
      type: 'person' as const,
      from: 0,
      to: 0,
      possessive: false,
      form: words.join(' '),
    };
    const known = ctx.table.find(phrase);
    if (!known && (count.get(t.label) ?? 0) < 2) continue;
    out.push({ ...t, end, entity: known ?? ctx.table.resolve(phrase, null), sure: true });
  }
  return out.length >= 2 ? out : [];
}

/** The person mentioned most before the interview starts: the likeliest `A:`, never certain. */
function likeliestInterviewee(ctx: ArticleContext, firstPara: number): Entity | null {
  const limit = ctx.paras[firstPara]?.base ?? 0;
  const counts = new Map<Entity, number>();
  for (const m of ctx.table.mentions) {
    if (m.pos >= limit) break;
    if (m.entity.type === 'person') counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  let best: Entity | null = null;
  let n = 0;
  for (const [e, c] of counts)
    if (c > n) {
      best = e;
      n = c;
    }
  return best;
}
