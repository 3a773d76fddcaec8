/**
 * The one Discord renderer: Reply tree -> message JSON as the API takes it (interaction responses, webhook edits).
 * Embed object and limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * Buttons: https://discord.com/developers/docs/components/reference#button
 * Allowed mentions: https://discord.com/developers/docs/resources/message#allowed-mentions-object
 *
 * Pure: no I/O, no discord.js runtime. Every cut is visible ("…") and every limit is a named constant.
 */
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';
import { formatDateLong } from '../../src/citations/credit.ts';
import { ACTION_PREFIX } from '../../src/commands/index.ts';
import { PARAPHRASE_LABEL, quoteAttribution, reportedSpeech } from '../../src/reply/plain.ts';
import type { Reply, ReplyAction, ReplyBlock, ReplyStatus, SourceRefLike } from '../../src/reply/types.ts';
import type { DiffPart } from '../../src/search/types.ts';
import { codeSpan, ELLIPSIS, escapeAndFit, escapeMarkdown, plainText, truncate } from './markdown.ts';

export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Sum of title, description, field names and values, footer text and author name over all embeds. */
export const EMBEDS_TOTAL_MAX = 6000;
export const EMBEDS_PER_MESSAGE_MAX = 10;
export const CONTENT_MAX = 2000;
export const CUSTOM_ID_MAX = 100;
export const BUTTON_LABEL_MAX = 80;
/** Buttons per action row. */
export const ROW_BUTTONS_MAX = 5;
/** Shares of an embed description: the quote or fact itself, then its context, so both show when long. */
const ITEM_TEXT_MAX = 3000;
const ITEM_CONTEXT_MAX = 900;
/** Discord rejects an embed url that is not http(s); a bad article link must not sink the whole reply. */
const URL_MAX = 2048;

/** `flags` bit for a message only the invoking user sees. */
export const EPHEMERAL_FLAG = 64;

/** Button custom_id prefix: `newsroom:share:KEY`, `newsroom:more:KEY`. */
export const CUSTOM_ID_PREFIX = 'newsroom';

const COLOURS: Record<ReplyStatus, number> = {
  ok: 0x2f6fb3,
  empty: 0x8a8f98,
  usage: 0x8a8f98,
  error: 0xc0392b,
};

/** Button style numbers (https://discord.com/developers/docs/components/reference#button-button-styles). */
const BUTTON_PRIMARY = 1;
const BUTTON_SECONDARY = 2;
const COMPONENT_ACTION_ROW = 1;
const COMPONENT_BUTTON = 2;

/** The message body as Discord's API takes it (interaction response `data`, webhook message edit). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Always `{ parse: [] }`: nothing in a reply ever pings anyone. */
  allowed_mentions: { parse: [] };
  flags?: number;
}

export interface RenderOptions {
  /** Only the invoking user sees the message (flag 64). */
  ephemeral: boolean;
  /** Include the reply's buttons (default true). A message posted to the channel carries none. */
  withActions?: boolean;
  /** Discord user id shown as "Posted by <@id>" above a shared result. */
  postedBy?: string | null;
}

/** Discord's own wording for the two buttons (the core's labels are shared with Slack). */
const BUTTON_LABELS: Record<ReplyAction['kind'], string> = { share: 'Post to channel', more: 'More' };

/**
 * The custom_id for a reply button, `newsroom:share:KEY` / `newsroom:more:KEY` with KEY the ActionStore key
 * (the action id without its `share.` / `more.` prefix), or null when it would not fit 100 characters.
 */
export function customIdFor(action: ReplyAction): string | null {
  const prefix = ACTION_PREFIX[action.kind];
  const key = action.id.startsWith(prefix) ? action.id.slice(prefix.length) : action.id;
  const id = `${CUSTOM_ID_PREFIX}:${action.kind}:${key}`;
  return key && id.length <= CUSTOM_ID_MAX ? id : null;
}

/**
 * Parses `newsroom:share:KEY` / `newsroom:more:KEY` back into the action id executeAction takes
 * (`share.KEY` / `more.KEY`); anything else is null.
 */
export function parseCustomId(
  customId: string,
): { kind: ReplyAction['kind']; key: string; actionId: string } | null {
  const m = /^newsroom:(share|more):([^\s]{1,90})$/.exec(customId);
  if (!m?.[1] || !m[2]) return null;
  const kind = m[1] as ReplyAction['kind'];
  return { kind, key: m[2], actionId: `${ACTION_PREFIX[kind]}${m[2]}` };
}

/** Embed under construction: descriptions are kept as escaped paragraphs and joined at the end. */
interface Draft {
  author?: string;
  title?: string;
  url?: string;
  footer?: string;
  description: string[];
  fields: APIEmbedField[];
  /** Holds a quote or fact already: the next one starts a new embed. */
  hasItem: boolean;
  hasCitation: boolean;
  /** The previous block was the quote or fact itself: a context block now is its surrounding text. */
  afterItem: boolean;
  /** Footer notes (page line, "shared by"): footers are plain text, so these stay unescaped. */
  notes: string[];
}

function newDraft(): Draft {
  return { description: [], fields: [], hasItem: false, hasCitation: false, afterItem: false, notes: [] };
}

function isEmpty(d: Draft): boolean {
  return (
    !d.author &&
    !d.title &&
    !d.footer &&
    d.description.length === 0 &&
    d.fields.length === 0 &&
    d.notes.length === 0
  );
}

function safeUrl(url: string | null | undefined): string | undefined {
  if (!url || url.length > URL_MAX) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function field(name: string, value: string): APIEmbedField {
  // Field names render a little markdown; values render it all. A blank value is rejected by Discord.
  return {
    name: escapeAndFit(name, EMBED_FIELD_NAME_MAX) || '\u200b',
    value: value || '\u200b',
    inline: false,
  };
}

/**
 * Word diff as Discord markdown: words only in the reporter's text struck through, words only in the article
 * bold. Parts are runs of words joined by single spaces; markers hug the words (Discord ignores `** x**`).
 */
export function renderDiff(parts: readonly DiffPart[], max: number): string {
  const pieces: string[] = [];
  let length = 0;
  for (const part of parts) {
    const words = part.text.replace(/\s+/g, ' ').trim();
    if (!words) continue;
    const marker = part.op === 'delete' ? '~~' : part.op === 'insert' ? '**' : '';
    const escaped = escapeMarkdown(words);
    const gap = pieces.length > 0 ? 1 : 0;
    const room = max - length - gap - 2 * marker.length;
    if (escaped.length > room) {
      // Cut inside the markers so the markup stays balanced, and say that it was cut.
      if (room > 1) pieces.push(`${marker}${truncate(escaped, room)}${marker}`);
      else if (pieces.length > 0) pieces.push(ELLIPSIS);
      break;
    }
    pieces.push(`${marker}${escaped}${marker}`);
    length += gap + escaped.length + 2 * marker.length;
  }
  return truncate(pieces.join(' '), max);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function citationTitle(source: SourceRefLike): string {
  return source.title ?? 'Title unknown';
}

function citationFooter(source: SourceRefLike): string {
  return `${source.outlet ?? 'Outlet unknown'} · ${formatDateLong(source.published) ?? 'date unknown'}`;
}

/** Groups blocks into embeds: one per quote or fact with its context and citation; other blocks join the current one. */
function draftEmbeds(blocks: readonly ReplyBlock[]): Draft[] {
  const drafts: Draft[] = [];
  let current = newDraft();
  const next = (): void => {
    if (!isEmpty(current)) drafts.push(current);
    current = newDraft();
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'quote': {
        if (current.hasItem || current.hasCitation) next();
        current.hasItem = true;
        const who = quoteAttribution(block);
        if (block.paraphrase) {
          // Reported speech, labelled, never inside quotation marks: it is the article's wording.
          const { lead, clause } = reportedSpeech(block);
          current.author = `${PARAPHRASE_LABEL} · ${capitalise(who)}`;
          current.description.push(`**${escapeMarkdown(lead)}** ${escapeAndFit(clause, ITEM_TEXT_MAX)}`);
        } else {
          current.author = capitalise(who);
          // Cut inside the quote marks so the closing one survives a huge quote.
          current.description.push(`“${escapeAndFit(block.text, ITEM_TEXT_MAX)}”`);
        }
        current.afterItem = true;
        continue;
      }
      case 'fact': {
        if (current.hasItem || current.hasCitation) next();
        current.hasItem = true;
        current.description.push(escapeAndFit(block.text, ITEM_TEXT_MAX));
        current.afterItem = true;
        continue;
      }
      case 'context': {
        const text = block.text.trim();
        if (!text) break;
        if (current.afterItem) current.description.push(`*${escapeAndFit(text, ITEM_CONTEXT_MAX)}*`);
        else current.notes.push(text);
        break;
      }
      case 'citation': {
        if (current.hasCitation) next();
        current.hasCitation = true;
        current.title = citationTitle(block.source);
        current.url = safeUrl(block.source.url);
        current.footer = citationFooter(block.source);
        if (block.credit) current.fields.push(field('Credit', codeSpan(block.credit, EMBED_FIELD_VALUE_MAX)));
        break;
      }
      case 'heading':
        current.description.push(`**${escapeMarkdown(block.text)}**`);
        break;
      case 'text':
        current.description.push(escapeMarkdown(block.text));
        break;
      case 'fields':
        for (const f of block.fields) {
          current.fields.push(field(f.label, escapeAndFit(f.value, EMBED_FIELD_VALUE_MAX)));
        }
        break;
      case 'diff':
        current.description.push(renderDiff(block.parts, EMBED_DESCRIPTION_MAX));
        break;
      case 'list':
        current.description.push(block.items.map((item) => `• ${escapeMarkdown(item)}`).join('\n'));
        break;
      case 'actions':
        // Buttons go in the message's components (see toDiscordMessage), labelled with what they share.
        continue;
      case 'divider':
        next();
        break;
    }
    current.afterItem = false;
  }
  next();
  return drafts;
}

/** Applies the per-embed limits. */
function finishEmbed(d: Draft, colour: number): APIEmbed {
  const embed: APIEmbed = { color: colour };
  if (d.author) embed.author = { name: plainText(d.author, EMBED_AUTHOR_NAME_MAX) };
  if (d.title) embed.title = escapeAndFit(d.title, EMBED_TITLE_MAX);
  if (d.url && d.title) embed.url = d.url;
  const description = d.description.filter((p) => p.length > 0).join('\n\n');
  if (description) embed.description = truncate(description, EMBED_DESCRIPTION_MAX);
  if (d.fields.length > 0) {
    const fields = d.fields.slice(0, EMBED_FIELDS_MAX).map((f) => ({
      ...f,
      value: truncate(f.value, EMBED_FIELD_VALUE_MAX),
    }));
    if (d.fields.length > EMBED_FIELDS_MAX) {
      const hidden = d.fields.length - EMBED_FIELDS_MAX + 1;
      fields[EMBED_FIELDS_MAX - 1] = field(ELLIPSIS, `${hidden} more not shown`);
    }
    embed.fields = fields;
  }
  const footer = [d.footer, ...d.notes].filter(Boolean).join(' · ');
  if (footer) embed.footer = { text: plainText(footer, EMBED_FOOTER_MAX) };
  return embed;
}

/** Characters that count towards the 6,000 total. */
export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Shrinks one embed to at most `budget` counted characters: fields from the end first, then the description. */
function shrinkEmbed(e: APIEmbed, budget: number): APIEmbed | null {
  const out: APIEmbed = { ...e, fields: e.fields ? [...e.fields] : undefined };
  while (embedSize(out) > budget && out.fields && out.fields.length > 0) out.fields.pop();
  if (out.fields?.length === 0) delete out.fields;
  const over = embedSize(out) - budget;
  if (over > 0 && out.description) {
    const keep = out.description.length - over;
    if (keep < 1) delete out.description;
    else out.description = truncate(out.description, keep);
  }
  if (embedSize(out) > budget) return null;
  return out;
}

/** Keeps the embeds within 10 per message and 6,000 characters in all; says how many results were left out. */
function fitEmbeds(all: APIEmbed[]): { embeds: APIEmbed[]; omitted: number } {
  const embeds: APIEmbed[] = [];
  let used = 0;
  // The last kept embed may need room for the "not shown" footer: reserve it up front.
  const reserve = 40;
  for (const [i, e] of all.entries()) {
    if (embeds.length === EMBEDS_PER_MESSAGE_MAX) return { embeds, omitted: all.length - i };
    const budget = EMBEDS_TOTAL_MAX - used - (i < all.length - 1 ? reserve : 0);
    const size = embedSize(e);
    if (size <= budget) {
      embeds.push(e);
      used += size;
      continue;
    }
    // Worth cutting only if a useful part fits; otherwise stop here.
    const shrunk = budget >= 200 ? shrinkEmbed(e, budget) : null;
    if (shrunk) {
      embeds.push(shrunk);
      used += embedSize(shrunk);
    }
    return { embeds, omitted: all.length - i - (shrunk ? 1 : 0) };
  }
  return { embeds, omitted: 0 };
}

function actionRows(actions: readonly ReplyAction[]): DiscordMessage['components'] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of actions) {
    const customId = customIdFor(action);
    if (!customId) continue;
    buttons.push({
      type: COMPONENT_BUTTON,
      style: action.kind === 'share' ? BUTTON_PRIMARY : BUTTON_SECONDARY,
      // A per-result Post button sits under all the embeds: its label says which result it posts.
      label: truncate(
        action.detail ? `${BUTTON_LABELS[action.kind]}: ${action.detail}` : BUTTON_LABELS[action.kind],
        BUTTON_LABEL_MAX,
      ),
      custom_id: customId,
    });
  }
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < buttons.length; i += ROW_BUTTONS_MAX) {
    rows.push({ type: COMPONENT_ACTION_ROW, components: buttons.slice(i, i + ROW_BUTTONS_MAX) });
  }
  return rows.slice(0, 5);
}

/** Reply -> Discord message JSON. Same input, same output: the adapters only choose the transport. */
export function toDiscordMessage(reply: Reply, opts: RenderOptions): DiscordMessage {
  const colour = COLOURS[reply.status];
  // Discord refuses an embed with nothing to show (blocks of empty text leave such drafts).
  const drafted = draftEmbeds(reply.blocks)
    .map((d) => finishEmbed(d, colour))
    .filter((e) => embedSize(e) > 0);
  const { embeds, omitted } = fitEmbeds(drafted);
  if (omitted > 0) {
    const last = embeds.at(-1);
    const note = `${omitted} more not shown: use More or narrow the search`;
    if (last) {
      const text = last.footer ? `${last.footer.text} · ${note}` : note;
      last.footer = { text: truncate(text, EMBED_FOOTER_MAX) };
      // The footer grew: keep the total honest by trimming the description if needed.
      const total = embeds.reduce((n, e) => n + embedSize(e), 0);
      if (total > EMBEDS_TOTAL_MAX && last.description) {
        last.description = truncate(last.description, last.description.length - (total - EMBEDS_TOTAL_MAX));
      }
    }
  }

  const lines: string[] = [];
  if (opts.postedBy) {
    lines.push(/^\d{1,20}$/.test(opts.postedBy) ? `Posted by <@${opts.postedBy}>` : 'Posted by a reporter');
  }
  if (reply.title) lines.push(`**${escapeAndFit(reply.title, CONTENT_MAX - 200)}**`);
  // No blocks at all: the plain-text fallback is the message.
  if (embeds.length === 0 && reply.fallback) lines.push(escapeMarkdown(reply.fallback));

  const message: DiscordMessage = {
    embeds,
    components:
      opts.withActions === false
        ? []
        : actionRows([
            ...reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])),
            ...reply.actions,
          ]),
    allowed_mentions: { parse: [] },
  };
  const content = truncate(lines.join('\n'), CONTENT_MAX);
  if (content) message.content = content;
  // Discord refuses an empty message; a reply with nothing in it still says so.
  else if (embeds.length === 0) message.content = 'Nothing to show.';
  if (opts.ephemeral) message.flags = EPHEMERAL_FLAG;
  return message;
}

/** A short message for the user when something failed or expired: ephemeral, no embeds, no buttons. */
export function noticeMessage(text: string, ephemeral = true): DiscordMessage {
  const message: DiscordMessage = {
    content: escapeAndFit(text, CONTENT_MAX),
    embeds: [],
    components: [],
    allowed_mentions: { parse: [] },
  };
  if (ephemeral) message.flags = EPHEMERAL_FLAG;
  return message;
}
