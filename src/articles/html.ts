/**
 * Saved article pages (.html/.htm). Metadata comes from everything the page states about itself,
 * in a fixed order of trust (page-meta.ts). The main text comes from @mozilla/readability run on a
 * linkedom document, after removing page furniture (furniture.ts: navigation, ads, captions and
 * credits, galleries, prompts, players, share bars, bios, related links), and whole paragraphs that
 * are still furniture are dropped after it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { checkBudget } from '../budget.ts';
import { bylineNames, joinNames } from './byline.ts';
import { cleanField, cleanText, sameTitle } from './clean.ts';
import { dropFurnitureParagraphs, removeFurnitureElements } from './furniture.ts';
import { normaliseDate, outletFromUrl } from './metadata.ts';
import { readPageMeta, stripSiteName } from './page-meta.ts';
import { ArticleError, type ParsedArticle } from './types.ts';

// Elements that start and end a paragraph of their own; text between them (even loose text in a
// <div>) is never dropped.
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD', 'TITLE']);
// Two <br> in a row are a paragraph break; one is a line break inside a paragraph.
const BR = '\uE002';

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Paragraphs of an HTML fragment or page: one per block element, with `<br><br>` also splitting. */
export function htmlParagraphs(html: string): string[] {
  return paragraphsOf(parseDocument(html).document.body as unknown as DomNode);
}

/**
 * The paragraphs under one node. Iterative (an explicit stack, not recursion), so markup nested thousands deep
 * costs time in proportion to its size and cannot overflow the stack.
 */
function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    for (const part of buffer.split(/\s*\uE002\s*\uE002[\s\uE002]*/)) {
      const text = cleanText(part.replaceAll(BR, ' ')).replace(/\s+/g, ' ').trim();
      if (text !== '') out.push(text);
    }
    buffer = '';
  };
  // `null` marks the end of a block element: flush what it held.
  const stack: (DomNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      buffer += (node.nodeValue ?? '').replaceAll(BR, '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      buffer += BR;
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(null);
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  flush();
  return out;
}

/**
 * Budgets for hostile pages. Readability and the furniture rules look at every ancestor or descendant of many
 * elements, so their cost grows with size times nesting depth: 5,000 nested elements in a 55 KB page took over
 * five minutes, and a 20 MB page took 1.4 GB. Deeper markup is flattened into plain paragraphs (its text is
 * kept), pages are read without their scripts and styles once they are large, and markup still over the size
 * limit is refused with a reason, so one page can neither stall a load nor take the memory of the rest.
 */
/** Elements nested deeper than this are replaced by the paragraphs of their text. Real pages stay under 40. */
export const MAX_ELEMENT_DEPTH = 48;
/** Markup (scripts, styles, comments and inline data removed) beyond this is not an article page. */
export const MAX_MARKUP_CHARS = 2 * 1024 * 1024;
/** Elements (start tags) beyond this: not an article page. Large news pages have under 15,000. */
export const MAX_ELEMENTS = 40_000;
/** Pages larger than this are read without their scripts, styles, comments and inline data first. */
const STRIP_BULK_OVER_CHARS = 512 * 1024;
/** Readability gives up (and the page's own blocks are read instead) beyond this many elements. */
export const READABILITY_MAX_ELEMENTS = 20_000;
/** JSON-LD kept when a large page is stripped; metadata never needs more. */
const MAX_LD_JSON_CHARS = 256 * 1024;

/**
 * The page without what is never article text: scripts (but JSON-LD, read for metadata), styles, SVG,
 * comments, and `data:` URIs. Linear: each opening is matched with one search for its closing.
 */
export function withoutBulk(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let at = 0;
  const opener = /<(script|style|svg|noscript|template)\b|<!--/g;
  for (let m = opener.exec(lower); m; m = opener.exec(lower)) {
    const start = m.index;
    if (start < at) continue;
    let end: number;
    if (m[0] === '<!--') {
      const close = lower.indexOf('-->', start + 4);
      end = close < 0 ? lower.length : close + 3;
    } else {
      const close = lower.indexOf(`</${m[1]}`, start + m[0].length);
      const closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
      end = closeEnd < 0 ? lower.length : closeEnd + 1;
      if (m[1] === 'script' && end - start <= MAX_LD_JSON_CHARS) {
        const tagEnd = lower.indexOf('>', start);
        if (tagEnd > 0 && tagEnd < end && lower.slice(start, tagEnd).includes('ld+json')) {
          opener.lastIndex = end;
          continue;
        }
      }
    }
    parts.push(html.slice(at, start));
    at = end;
    opener.lastIndex = end;
  }
  parts.push(html.slice(at));
  return parts.join('').replace(/(["'])data:[^"']{256,}\1/gi, '""');
}

/**
 * The page as it will be parsed. Throws ArticleError when its markup is over MAX_MARKUP_CHARS even without
 * scripts and styles, or has more than MAX_ELEMENTS elements: a DOM costs about 70 bytes a character of markup.
 */
export function boundedMarkup(html: string): string {
  const lean = html.length <= STRIP_BULK_OVER_CHARS ? html : withoutBulk(html);
  if (lean.length > MAX_MARKUP_CHARS)
    throw new ArticleError(
      `page too large: ${(lean.length / 1024 / 1024).toFixed(1)} MB of markup besides scripts and styles (limit ${MAX_MARKUP_CHARS / 1024 / 1024} MB)`,
    );
  let elements = 0;
  const tag = /<[a-z]/gi;
  while (tag.exec(lean)) {
    if (++elements > MAX_ELEMENTS)
      throw new ArticleError(
        `page too large: over ${MAX_ELEMENTS.toLocaleString('en-US')} elements (no article page has that many)`,
      );
  }
  return lean;
}

interface DomElement {
  tagName: string;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  replaceChildren(...nodes: unknown[]): void;
}

/**
 * Replaces every element at MAX_ELEMENT_DEPTH by paragraphs of its text, so nothing below is deeper. Returns how
 * many subtrees were flattened. Iterative: depth costs no stack.
 */
function flattenDeepMarkup(document: ReturnType<typeof parseHTML>['document']): number {
  let flattened = 0;
  const root = document.documentElement as unknown as DomElement | null;
  if (!root) return 0;
  const stack: [DomElement, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [DomElement, number];
    if (depth >= MAX_ELEMENT_DEPTH && el.firstElementChild) {
      const paragraphs = paragraphsOf(el as unknown as DomNode).map((text) => {
        const p = document.createElement('p');
        p.textContent = text;
        return p;
      });
      el.replaceChildren(...paragraphs);
      flattened++;
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return flattened;
}

/**
 * Parses HTML into a document. linkedom builds no <html> element for a fragment (and then fails), so
 * a page saved without one is wrapped the way a browser would see it.
 */
export function parseDocument(html: string): ReturnType<typeof parseHTML> {
  const wrapped = `<!doctype html><html>${/<(?:head|body)[\s>]/i.test(html) ? html : `<body>${html}</body>`}</html>`;
  const candidates = /<html[\s>]/i.test(html) ? [html, wrapped] : [wrapped];
  for (const candidate of candidates) {
    try {
      const window = parseHTML(candidate);
      if (window.document.documentElement?.tagName === 'HTML' && window.document.body) {
        flattenDeepMarkup(window.document);
        return window;
      }
    } catch {
      // linkedom throws on some malformed pages (an unclosed comment before <html>); try the next form.
    }
  }
  // Markup beyond repair: keep its text rather than lose the file.
  const window = parseHTML('<!doctype html><html><head></head><body></body></html>');
  window.document.body.textContent = html.replace(/<[^>]*>?/g, ' ');
  return window;
}

/** Parses a saved article page. */
export function parseHtml(content: string): ParsedArticle {
  const { document } = parseDocument(boundedMarkup(content));
  // Third-party parsing cannot be interrupted; its time counts against the article's budget when it returns.
  checkBudget(true);
  const { meta, siteNames, ld } = readPageMeta(document);
  const pageTitle = cleanField(document.querySelector('title')?.textContent);

  removeFurnitureElements(document);
  const fallbackBody = document.body?.innerHTML ?? '';
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as never, {
      disableJSONLD: true,
      maxElemsToParse: READABILITY_MAX_ELEMENTS,
    }).parse();
  } catch {
    // Readability gives up on some odd pages; the page's own block elements are the fallback below.
  }
  checkBudget(true);
  const fallbackTitle = cleanField(parsed?.title) ?? pageTitle;
  meta.title ??= fallbackTitle
    ? stripSiteName(fallbackTitle, [...siteNames, outletFromUrl(meta.url) ?? ''])
    : null;
  meta.author ??= joinNames(bylineNames(parsed?.byline ?? '', { outlets: siteNames, strict: true }));
  meta.published ??= normaliseDate(parsed?.publishedTime);

  let paragraphs = htmlParagraphs(parsed?.content ?? fallbackBody);
  // Some pages (paywalled ones especially) show a teaser but carry the whole text in JSON-LD.
  const ldBody = ld && typeof ld.articleBody === 'string' ? cleanText(ld.articleBody) : '';
  if (ldBody.length > paragraphs.join(' ').length * 1.5) {
    paragraphs = ldBody
      .split(/\n\s*\n|\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '');
  }
  // The page's own headline inside the article body repeats the title.
  if (paragraphs[0] && sameTitle(paragraphs[0], meta.title)) paragraphs.shift();
  paragraphs = dropFurnitureParagraphs(paragraphs, meta.author);
  return { format: 'html', meta, guessed: new Set(), paragraphs };
}
