/**
 * Reply tree -> Slack Block Kit. One pure function; Slack's limits are named constants and every cut is visible.
 *
 * Block Kit reference: https://docs.slack.dev/reference/block-kit/blocks
 * Text formatting and escaping: https://docs.slack.dev/messaging/formatting-message-text
 *
 * Safety rule: every string that comes from an article or a user goes through `escapeText` (`&`, `<`, `>`), so a
 * query or an article can never produce a live `<!channel>`, `<@U…>` or `<url|label>`; mrkdwn objects are sent
 * with `verbatim: true` so Slack does not auto-link bare `@channel`, `#channel` or URLs in them either.
 */
import { formatDateLong } from '../../src/citations/credit.ts';
import { quoteAttribution, reportedSpeech } from '../../src/reply/index.ts';
import type { Reply, ReplyAction, ReplyBlock, SourceRefLike } from '../../src/reply/types.ts';
import type { DiffPart } from '../../src/search/types.ts';

/** A message holds at most 50 blocks. */
export const MAX_BLOCKS = 50;
/** Section (and context element) text: 3,000 characters. */
export const MAX_SECTION_TEXT = 3000;
/** Header block text (plain_text): 150 characters. */
export const MAX_HEADER_TEXT = 150;
/** A section holds at most 10 fields, each at most 2,000 characters. */
export const MAX_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
/** A context block holds at most 10 elements. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** Button label (plain_text): 75 characters. */
export const MAX_BUTTON_TEXT = 75;
/** Button value: 2,000 characters. */
export const MAX_BUTTON_VALUE = 2000;
/** An actions block holds at most 25 elements. */
export const MAX_ACTION_ELEMENTS = 25;
/**
 * Top-level `text`: Slack truncates past 40,000 characters and advises keeping it far shorter; with blocks present
 * it is only the notification and accessibility text, so 4,000 is plenty.
 */
export const MAX_MESSAGE_TEXT = 4000;

/** The visible mark of a cut. */
export const ELLIPSIS = '…';

/** Action ids the adapter listens for. */
export const SHARE_ACTION_ID = 'newsroom_share';
export const MORE_ACTION_ID = 'newsroom_more';

export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
  verbatim?: boolean;
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: TextObject;
  value: string;
  style?: 'primary' | 'danger';
}

/** The subset of Block Kit this renderer emits. */
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text: TextObject }
  | { type: 'section'; fields: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: ButtonElement[] };

/** What chat.postMessage, a response_url post or an ack body carries besides routing fields. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Render the reply's buttons (default true). A message shared to a channel has none. */
  actions?: boolean;
  /** Slack user id of the reporter who shared the message: adds a "Shared by" line. */
  sharedBy?: string;
}

/** Escapes the three characters Slack treats as control characters. Nothing else is HTML-escaped. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `raw` and cuts it so the escaped form has at most `max` characters, ending with `…` when cut.
 * Works on code points of the raw text, so a cut never splits an entity (`&amp;`) or a surrogate pair.
 */
export function clipEscaped(raw: string, max: number): string {
  const full = escapeText(raw);
  if (full.length <= max) return full;
  let out = '';
  for (const ch of raw) {
    const piece = escapeText(ch);
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** Cuts already-formatted text built by this module (never splits a code point), ending with `…` when cut. */
function clipFormatted(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  // Do not leave half an entity or half a `<url|label>` behind.
  const amp = out.lastIndexOf('&');
  if (amp !== -1 && !out.slice(amp).includes(';')) out = out.slice(0, amp);
  const open = out.lastIndexOf('<');
  if (open !== -1 && !out.slice(open).includes('>')) out = out.slice(0, open);
  return `${out.trimEnd()}${ELLIPSIS}`;
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string): TextObject => ({ type: 'plain_text', text, emoji: true });
const section = (text: string): SlackBlock => ({
  type: 'section',
  text: mrkdwn(clipFormatted(text, MAX_SECTION_TEXT)),
});
const contextBlock = (text: string): SlackBlock => ({
  type: 'context',
  elements: [mrkdwn(clipFormatted(text, MAX_SECTION_TEXT))],
});

/** Newlines would end a `*bold*` or `~strike~` run early; a space keeps the run intact. */
const oneLine = (value: string): string => value.replace(/\s*\n\s*/g, ' ');

/** Text for inside a code span: a backtick would close the span, so it becomes a look-alike modifier letter. */
const forCode = (value: string): string => oneLine(value).replace(/`/g, 'ˋ');

/** Slack user ids (`U…`, `W…`) are safe to render as mentions; anything else is shown as escaped text. */
export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

/**
 * A link we build ourselves: `<url|label>` with both parts escaped; `|` in the url is percent-encoded because it
 * would end the url part. Only http(s) urls become links; anything else is shown as text.
 */
export function link(url: string, label: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return `${escapeText(label)} (${escapeText(url)})`;
  return `<${escapeText(url.replace(/\|/g, '%7C'))}|${escapeText(oneLine(label))}>`;
}

/** Bare http(s) URLs in text; trailing punctuation belongs to the sentence, not the URL. */
const BARE_URL = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)\]}'”’»]+$/;

/**
 * Escapes `raw` and turns its bare http(s) URLs into links labelled with the URL itself, so a source link is
 * clickable (mrkdwn is sent verbatim, which stops Slack linking it) but no label can hide where a link goes.
 */
export function linkified(raw: string): string {
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(BARE_URL)) {
    const url = m[0].replace(TRAILING, '');
    const at = m.index ?? 0;
    out += escapeText(raw.slice(last, at)) + link(url, url);
    last = at + url.length;
  }
  return out + escapeText(raw.slice(last));
}

function quoteBlock(block: Extract<ReplyBlock, { type: 'quote' }>): string {
  if (block.paraphrase) {
    // Reported speech, labelled, and never set off as a quote (no `>` bar, no quotation marks).
    const { lead, clause } = reportedSpeech(block);
    return clipFormatted(
      `*${escapeText(oneLine(lead))}* ${clipEscaped(clause, MAX_SECTION_TEXT - 200)}`,
      MAX_SECTION_TEXT,
    );
  }
  const attribution = block.speaker
    ? `\n— *${escapeText(oneLine(block.speaker))}*${block.role ? `, _${escapeText(oneLine(block.role))}_` : ''}`
    : `\n— _${escapeText(oneLine(quoteAttribution(block)))}_`;
  const lines = block.text.split(/\r?\n/);
  // Each line costs a `>` prefix; budget for them before escaping so the quote, not the speaker, gets cut.
  const budget = MAX_SECTION_TEXT - attribution.length - 2 * lines.length;
  const body = clipEscaped(block.text.replace(/\r\n/g, '\n'), Math.max(budget, 200));
  const quoted = body
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  return `${quoted}${attribution}`;
}

function citationBlocks(source: SourceRefLike, credit: string | null): SlackBlock[] {
  const outlet = source.outlet ? `*${escapeText(oneLine(source.outlet))}*` : 'outlet unknown';
  const date = formatDateLong(source.published) ?? 'date unknown';
  const title = source.title ?? 'title unknown';
  const linked = source.url ? link(source.url, title) : `${escapeText(oneLine(title))} (no link)`;
  const budget = MAX_SECTION_TEXT - 2;
  const line = contextBlock(`${outlet} · ${escapeText(date)} · ${linked}`);
  return credit ? [line, section(`\`${clipEscaped(forCode(credit), budget)}\``)] : [line];
}

/**
 * `delete` (the reporter's words only) as ~strike~, `insert` (the article's words only) as *bold*. Markers must
 * hug the words, so surrounding white space stays outside them. Parts may come without the spaces between them
 * (the search core's word diff does); a space is put back between words, not before punctuation.
 */
export function diffToMrkdwn(parts: DiffPart[], max = MAX_SECTION_TEXT): string {
  let out = '';
  for (const part of parts) {
    const text = oneLine(part.text);
    const m = /^(\s*)(.*?)(\s*)$/s.exec(text);
    let [lead, core, trail] = [m?.[1] ?? '', m?.[2] ?? '', m?.[3] ?? ''];
    if (core === '') {
      if (out !== '' && !/\s$/.test(out)) out += ' ';
      continue;
    }
    if (lead === '' && out !== '' && !/\s$/.test(out) && !/^[.,;:!?)\]}”’»…]/.test(core)) lead = ' ';
    if (out === '') lead = '';
    const marker = part.op === 'delete' ? '~' : part.op === 'insert' ? '*' : '';
    const piece = `${lead}${marker}${escapeText(core)}${marker}${trail}`;
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    // The part that does not fit is cut inside its markers, so bold and strike stay closed.
    const room = max - out.length - lead.length - 2 * marker.length;
    if (room > ELLIPSIS.length + 1) return `${out}${lead}${marker}${clipEscaped(core, room)}${marker}`;
    return clipFormatted(`${out}${ELLIPSIS}`, max);
  }
  return out.trimEnd();
}

function fieldsBlocks(pairs: { label: string; value: string }[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < pairs.length; i += MAX_FIELDS) {
    blocks.push({
      type: 'section',
      fields: pairs.slice(i, i + MAX_FIELDS).map((f) => {
        const label = `*${escapeText(oneLine(f.label))}*\n`;
        return mrkdwn(`${label}${clipEscaped(f.value, MAX_FIELD_TEXT - label.length)}`);
      }),
    });
  }
  return blocks;
}

function blockToSlack(block: ReplyBlock): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      return [section(`*${clipEscaped(oneLine(block.text), MAX_SECTION_TEXT - 2)}*`)];
    case 'text':
    case 'fact':
      return [section(clipEscaped(block.text, MAX_SECTION_TEXT))];
    case 'quote':
      return [section(quoteBlock(block))];
    case 'context':
      return [contextBlock(linkified(block.text))];
    case 'citation':
      return citationBlocks(block.source, block.credit);
    case 'fields':
      return fieldsBlocks(block.fields);
    case 'diff':
      return [
        contextBlock('~struck~ = your wording only · *bold* = the published wording only'),
        section(diffToMrkdwn(block.parts)),
      ];
    case 'list':
      return block.items.length === 0
        ? []
        : [
            section(
              clipFormatted(
                block.items.map((item) => `• ${linkified(oneLine(item))}`).join('\n'),
                MAX_SECTION_TEXT,
              ),
            ),
          ];
    case 'actions':
      // Per-result buttons sit right under their result; each actions block keeps its action_ids unique.
      return block.actions.length === 0
        ? []
        : [{ type: 'actions', elements: uniqueByKind(block.actions).map(button) }];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Slack rejects duplicate action_ids within one block, so one button per kind. */
function uniqueByKind(actions: readonly ReplyAction[]): ReplyAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.kind) && seen.add(a.kind)).slice(0, MAX_ACTION_ELEMENTS);
}

function button(action: ReplyAction): ButtonElement {
  const element: ButtonElement = {
    type: 'button',
    action_id: action.kind === 'share' ? SHARE_ACTION_ID : MORE_ACTION_ID,
    text: plain(clipEscaped(oneLine(action.label), MAX_BUTTON_TEXT)),
    // The key is ours (ActionStore), short and url-safe; cutting it would only make it expire early.
    value: action.id.slice(0, MAX_BUTTON_VALUE),
  };
  if (action.kind === 'share') element.style = 'primary';
  return element;
}

/**
 * Renders a Reply as a Slack message (`text` + `blocks`). Pure: same input, same output.
 * Never more than MAX_BLOCKS blocks; a cut is announced in a final context line.
 */
export function toBlockKit(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  const head: SlackBlock[] = [];
  if (opts.sharedBy) head.push(contextBlock(`Shared by ${mentionUser(opts.sharedBy)}`));
  if (reply.title.trim() !== '')
    head.push({ type: 'header', text: plain(clipEscaped(oneLine(reply.title), MAX_HEADER_TEXT)) });

  const showActions = opts.actions ?? true;
  const body = reply.blocks.filter((b) => showActions || b.type !== 'actions').flatMap(blockToSlack);

  const tail: SlackBlock[] = [];
  const buttons = uniqueByKind(showActions ? reply.actions : []).map(button);
  if (buttons.length > 0) tail.push({ type: 'actions', elements: buttons });

  let shown = body;
  const room = MAX_BLOCKS - head.length - tail.length;
  if (body.length > room) {
    // One slot goes to the notice; a trailing divider before it would look odd.
    shown = body.slice(0, room - 1);
    while (shown.at(-1)?.type === 'divider') shown.pop();
    const hidden = body.length - shown.length;
    shown.push(
      contextBlock(
        `${ELLIPSIS} ${hidden} more block${hidden === 1 ? '' : 's'} not shown (Slack shows at most ${MAX_BLOCKS}). Narrow the query or page with “More results”.`,
      ),
    );
  }

  // Slack refuses an empty `blocks` array; a reply with nothing to show still says so.
  if (head.length + shown.length + tail.length === 0)
    shown = [section(clipEscaped(reply.fallback || '(no answer)', MAX_SECTION_TEXT))];

  const sharedPrefix = opts.sharedBy ? `Shared by ${mentionUser(opts.sharedBy)}: ` : '';
  const text = clipFormatted(
    `${sharedPrefix}${clipEscaped(reply.fallback, MAX_MESSAGE_TEXT)}`,
    MAX_MESSAGE_TEXT,
  );
  return { text, blocks: [...head, ...shown, ...tail] };
}
