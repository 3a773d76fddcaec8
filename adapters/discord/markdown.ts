/**
 * Discord markdown safety for article and user text: escape markup, defuse mentions, truncate visibly.
 * Markdown reference: https://support.discord.com/hc/en-us/articles/210298617
 * Message formatting (mentions): https://discord.com/developers/docs/reference#message-formatting
 */

/** Marks every cut so that a reader knows the text goes on. */
export const ELLIPSIS = '…';

/** Zero-width space: breaks mention syntax without changing what a reader sees. */
const ZWSP = '\u200b';

/**
 * Characters that form inline markup anywhere in a line (emphasis, strike, code, spoilers, masked links, angle
 * links). Discord's markdown treats a backslash before them as a literal character.
 */
const MARKDOWN_CHARS = /[\\*_~`|[\]<]/g;
/**
 * `-`, `#`, `>` and `+` form markup only at the start of a line (lists, headings, `-#` subtext, block quotes);
 * elsewhere they are left alone, because embed titles and field names show an escaping backslash as it is
 * (a title read `flood\-wall`).
 */
const LINE_START_MARKS = /^(\s*)([-#>+])/gm;

/**
 * Breaks mention and mention-like syntax: `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`,
 * `</command:id>`, `<t:...>`, `<:emoji:id>`. `allowed_mentions: {parse: []}` already stops pings; this also stops
 * the text from rendering as a pill that looks like one.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:)/g, `<${ZWSP}`);
}

/**
 * Discord links bare URLs before it looks at escapes, so a backslash inside a URL would end up in the link.
 * URLs therefore pass through as they are (the link rule consumes them whole, so markup inside cannot fire);
 * the pattern follows simple-markdown's url rule, which leaves trailing punctuation outside the link.
 */
const URL_PATTERN = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

function escapePlain(text: string): string {
  return (
    text
      .replace(MARKDOWN_CHARS, (c) => `\\${c}`)
      .replace(LINE_START_MARKS, '$1\\$2')
      // `1. ` at a line start would become a list item.
      .replace(/^(\s*\d+)\. /gm, '$1\\. ')
  );
}

/**
 * Makes plain text render as itself in Discord markdown: escapes markup characters (including masked links
 * `[text](url)`), list and heading markers, and mentions. Use on every string that came from an article or a user.
 */
export function escapeMarkdown(text: string): string {
  const safe = neutraliseMentions(text);
  let out = '';
  let last = 0;
  for (const m of safe.matchAll(URL_PATTERN)) {
    out += escapePlain(safe.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapePlain(safe.slice(last));
}

/**
 * Cuts `text` to at most `max` UTF-16 units, ending in "…" when cut. Never splits a surrogate pair and never
 * leaves a lone escaping backslash (which would swallow the ellipsis or half an escape).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = max - ELLIPSIS.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  let kept = text.slice(0, cut);
  const trailingBackslashes = /\\*$/.exec(kept)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Escapes then truncates: the result is at most `max` long and still renders as the original text. */
export function escapeAndFit(text: string, max: number): string {
  return truncate(escapeMarkdown(text), max);
}

/**
 * A code span, so the text can be copied exactly (markdown and mentions do not render inside one).
 * Backticks inside are the one thing a span cannot hold safely, so runs of them become a single one and the
 * span uses double-backtick fences, padded with spaces as the CommonMark rule asks.
 */
export function codeSpan(text: string, max: number): string {
  // Mentions do not render inside a span; defused anyway so no client version ever shows a pill.
  const flat = neutraliseMentions(text.replace(/\s+/g, ' ').trim());
  const body = flat.replace(/`+/g, '`');
  if (!body.includes('`')) return `\`${truncate(body, max - 2)}\``;
  return `\`\` ${truncate(body, max - 6)} \`\``;
}

/** Text for fields Discord shows without markdown (author name, footer, button labels, choice names). */
export function plainText(text: string, max: number): string {
  return truncate(neutraliseMentions(text.replace(/\s+/g, ' ').trim()), max);
}
