/**
 * Query syntax: free words in any order plus filters `speaker:`, `outlet:`, `type:quote|fact`, `after:YYYY-MM-DD`,
 * `before:YYYY-MM-DD` and `"exact phrase"`. Unknown `foo:bar` tokens stay plain words. Never throws: input is capped
 * and chat markup (Slack mentions, links) is unwrapped first.
 */
import type { ItemType } from './types.ts';

/** What a query asks for, after parsing. */
export interface ParsedQuery {
  /** The free words, as typed (not folded), in order. */
  words: string[];
  /** Each `"exact phrase"`, as typed. */
  phrases: string[];
  /**
   * `speaker:` values; every one must match (any alias of a corpus speaker). A bare value takes one word; the
   * engine lets free words that are the filtered speaker's names narrow it (`speaker:vladimir putin`).
   */
  speakers: string[];
  /** `outlet:` values; every one must match (substring of the outlet name or url host). */
  outlets: string[];
  type: ItemType | null;
  /** Inclusive bounds, `YYYY-MM-DD`. */
  after: string | null;
  before: string | null;
  /** Filters that could not be understood (e.g. `after:yesterday`), for a friendly hint; they are not applied. */
  warnings: string[];
  /** True when the query has no words, phrases or filters at all. */
  empty: boolean;
}

/** Longest query looked at; anything longer is cut (a reporter's question is never this long). */
export const MAX_QUERY_CHARS = 1000;
/** Most tokens looked at; bounds the work of one query whatever the input. */
export const MAX_QUERY_TOKENS = 32;

const FILTER_KEYS = new Set(['speaker', 'outlet', 'type', 'after', 'before']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Slack/Discord markup, unwrapped (links keep their label): `<@U123>`, `<#C1|name>`, `<!here>`, `<https://x|label>`, `<@!123>`, `<:emoji:123>`. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>\s]*\|([^>]*)>/g, ' $1 ')
    .replace(/<(?:https?|mailto):[^>\s]*>/g, ' ')
    .replace(/<[@#!][^>]{0,200}>/g, ' ')
    .replace(/<a?:\w{1,64}:\d{1,32}>/g, ' ');
}

/** Control and bidi-control characters are dropped; they only hide what was typed. */
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Splits a query into words and filters. Total: any string in, a ParsedQuery out. */
export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    speakers: [],
    outlets: [],
    type: null,
    after: null,
    before: null,
    warnings: [],
    empty: true,
  };
  const text = stripMarkup(String(input ?? '').slice(0, MAX_QUERY_CHARS * 2))
    .replace(INVISIBLE, ' ')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .slice(0, MAX_QUERY_CHARS);

  // A token: key:"quoted value" | "quoted phrase" | bare run of non-space characters.
  const TOKEN = /(?:([\p{L}_]+):)?"([^"]*)"?|(\S+)/gu;
  let count = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (++count > MAX_QUERY_TOKENS) break;
    const [, key, quoted, bare] = m;
    if (quoted !== undefined && key === undefined) {
      const phrase = quoted.trim();
      if (phrase) parsed.phrases.push(phrase);
      continue;
    }
    let k: string | undefined;
    let value: string;
    if (quoted !== undefined) {
      k = key?.toLowerCase();
      value = quoted.trim();
      if (!k || !FILTER_KEYS.has(k)) {
        if (key) parsed.words.push(key);
        if (value) parsed.phrases.push(value);
        continue;
      }
    } else {
      const raw = bare ?? '';
      const colon = raw.indexOf(':');
      const candidate = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
      if (!FILTER_KEYS.has(candidate)) {
        parsed.words.push(raw);
        continue;
      }
      k = candidate;
      value = raw.slice(colon + 1);
    }
    applyFilter(parsed, k, value);
  }
  parsed.empty =
    parsed.words.length === 0 &&
    parsed.phrases.length === 0 &&
    parsed.speakers.length === 0 &&
    parsed.outlets.length === 0 &&
    parsed.type === null &&
    parsed.after === null &&
    parsed.before === null;
  return parsed;
}

function applyFilter(parsed: ParsedQuery, key: string, value: string): void {
  if (!value) {
    parsed.warnings.push(`${key}: needs a value`);
    return;
  }
  switch (key) {
    case 'speaker':
      parsed.speakers.push(value);
      return;
    case 'outlet':
      parsed.outlets.push(value);
      return;
    case 'type': {
      const v = value.toLowerCase().replace(/s$/, '');
      if (v === 'quote' || v === 'fact') parsed.type = v;
      else if (v !== 'all') parsed.warnings.push(`type:${value} is not quote, fact or all`);
      return;
    }
    case 'after':
    case 'before':
      if (validDate(value)) parsed[key] = value;
      else parsed.warnings.push(`${key}:${value} is not a date (YYYY-MM-DD)`);
      return;
  }
}
