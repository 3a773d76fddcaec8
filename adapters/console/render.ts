/**
 * The console renderer: a Reply as terminal text. Pure; colour only when asked (a TTY without NO_COLOR).
 * ANSI SGR codes: https://en.wikipedia.org/wiki/ANSI_escape_code#SGR
 */
import { describeSource, quoteAttribution, reportedSpeech } from '../../src/reply/plain.ts';
import type { Reply, ReplyBlock, ReplyStatus } from '../../src/reply/types.ts';

/** Runaway single values are cut, visibly. */
export const MAX_BLOCK_CHARS = 4000;
/** Narrower than this, wrapping would do more harm than the terminal's own line breaks. */
export const MIN_WRAP_WIDTH = 30;

const ESC = String.fromCharCode(27);
/** CSI sequences (colours, cursor moves, screen clears) that data could smuggle in. */
const ANSI_SEQUENCE = new RegExp(`${ESC}\\[[0-9;?]*[ -/]*[@-~]`, 'g');
/** Control characters other than newline and tab. */
const CONTROL = /(?![\n\t])\p{Cc}/gu;

const SGR = {
  reset: `${ESC}[0m`,
  bold: `${ESC}[1m`,
  dim: `${ESC}[2m`,
  italic: `${ESC}[3m`,
  underline: `${ESC}[4m`,
  strike: `${ESC}[9m`,
  red: `${ESC}[31m`,
  green: `${ESC}[32m`,
  yellow: `${ESC}[33m`,
  cyan: `${ESC}[36m`,
} as const;

type Style = keyof typeof SGR;

export interface ConsoleRenderOptions {
  color: boolean;
  /** Terminal width: lines are wrapped at word boundaries to fit it, keeping their indent. None for pipes. */
  width?: number;
}

const STATUS_STYLE: Record<ReplyStatus, Style[]> = {
  ok: ['bold', 'cyan'],
  empty: ['bold', 'yellow'],
  usage: ['bold', 'yellow'],
  error: ['bold', 'red'],
};

/** Removes escape sequences and other control characters from data so an article cannot drive the terminal. */
export function sanitize(value: string): string {
  const cleaned = value.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
  return cleaned.length > MAX_BLOCK_CHARS ? `${cleaned.slice(0, MAX_BLOCK_CHARS - 1)}…` : cleaned;
}

function painter(color: boolean) {
  return (value: string, ...styles: Style[]): string =>
    color && styles.length > 0 && value !== ''
      ? `${styles.map((s) => SGR[s]).join('')}${value}${SGR.reset}`
      : value;
}

function indent(value: string, by = '  '): string {
  return value
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

function renderBlock(block: ReplyBlock, paint: ReturnType<typeof painter>): string {
  switch (block.type) {
    case 'heading':
      return paint(sanitize(block.text), 'bold');
    case 'text':
      return sanitize(block.text);
    case 'quote': {
      if (block.paraphrase) {
        // Reported speech, labelled, and never inside quotation marks: it is the article's wording.
        const { lead, clause } = reportedSpeech(block);
        return indent(`${paint(sanitize(lead), 'bold', 'yellow')} ${sanitize(clause)}`);
      }
      return `${indent(paint(`“${sanitize(block.text)}”`, 'green'))}\n${indent(
        `— ${paint(sanitize(quoteAttribution(block)), block.speaker ? 'bold' : 'yellow')}`,
        '    ',
      )}`;
    }
    case 'fact':
      return indent(`• ${sanitize(block.text)}`);
    case 'context':
      return indent(paint(sanitize(block.text), 'dim'));
    case 'citation': {
      const s = describeSource(block.source);
      const link = block.source.url ? paint(sanitize(s.link), 'underline', 'cyan') : paint(s.link, 'dim');
      return indent(
        `${paint('Source:', 'bold')} ${sanitize(s.outlet)} · “${sanitize(s.title)}” · ${s.date}\n        ${link}${
          block.credit ? `\n${paint('Credit:', 'bold')} ${sanitize(block.credit)}` : ''
        }`,
      );
    }
    case 'fields':
      return block.fields
        .map((f) => `${paint(`${sanitize(f.label)}:`, 'bold')} ${sanitize(f.value)}`)
        .join('\n');
    case 'diff':
      return indent(
        `${paint('Diff:', 'bold')} ${block.parts
          .map((p) => {
            const t = sanitize(p.text.trim());
            if (t === '') return '';
            if (p.op === 'equal') return t;
            return p.op === 'delete'
              ? paint(`[-${t}-]`, 'red', 'strike')
              : paint(`{+${t}+}`, 'green', 'bold');
          })
          .filter(Boolean)
          .join(' ')}`,
      );
    case 'list':
      return block.items.map((item) => indent(`• ${sanitize(item)}`)).join('\n');
    case 'actions':
      // A terminal has no buttons; "more" is typed (see actionHints).
      return '';
    case 'divider':
      return indent(paint('────────', 'dim'));
  }
}

/** Hints for buttons: the console has no buttons, but typing `more` does what "More results" does. */
export function actionHints(reply: Reply): string | null {
  return reply.actions.some((a) => a.kind === 'more') ? 'Type "more" for the next page.' : null;
}

const visibleLength = (line: string): number => line.replace(ANSI_SEQUENCE, '').length;

/**
 * Wraps each line to `width` columns at spaces. Continuation lines keep the line's indent (and hang under the
 * text after a `• ` or `— ` lead); a word longer than the width (a URL) gets a line of its own, uncut.
 */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (visibleLength(line) <= width) return [line];
      const lead = /^(\s*)((?:[•—] )?)/.exec(line.replace(ANSI_SEQUENCE, '')) ?? ['', '', ''];
      const hang = ' '.repeat((lead[1]?.length ?? 0) + (lead[2]?.length ?? 0));
      const out: string[] = [];
      let current = '';
      for (const word of line.trimStart().split(' ')) {
        const head = current === '' ? (out.length === 0 ? (lead[1] ?? '') : hang) : `${current} `;
        if (current !== '' && visibleLength(head + word) > width) {
          out.push(current);
          current = hang + word;
        } else current = head + word;
      }
      if (current.trim() !== '') out.push(current);
      return out;
    })
    .join('\n');
}

/** A Reply as console text, ending without a newline. */
export function renderConsole(reply: Reply, options: ConsoleRenderOptions): string {
  const paint = painter(options.color);
  const parts = [
    paint(sanitize(reply.title), ...STATUS_STYLE[reply.status]),
    ...reply.blocks.map((b) => renderBlock(b, paint)).filter((b) => b !== ''),
  ];
  const hint = actionHints(reply);
  if (hint) parts.push(paint(`→ ${hint}`, 'dim'));
  const text = parts.join('\n\n');
  return options.width && options.width >= MIN_WRAP_WIDTH ? wrapLines(text, options.width) : text;
}

/** Colour when the stream is a terminal and NO_COLOR (https://no-color.org) is not set to a non-empty value. */
export function wantsColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
