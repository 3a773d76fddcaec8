/**
 * Saved article pages (.html/.htm). Metadata comes from everything the page states about itself,
 * in a fixed order of trust (page-meta.ts). The main text comes from @mozilla/readability run on a
 * linkedom document, after removing page furniture (furniture.ts: navigation, ads, captions and
 * credits, galleries, prompts, players, share bars, bios, related links), and whole paragraphs that
 * are still furniture are dropped after it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { bylineNames, joinNames } from './byline.ts';
import { cleanField, cleanText, sameTitle } from './clean.ts';
import { dropFurnitureParagraphs, removeFurnitureElements } from './furniture.ts';
import { normaliseDate, outletFromUrl } from './metadata.ts';
import { readPageMeta, stripSiteName } from './page-meta.ts';
import type { ParsedArticle } from './types.ts';

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
  const { document } = parseDocument(html);
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    for (const part of buffer.split(/\s*\uE002\s*\uE002[\s\uE002]*/)) {
      const text = cleanText(part.replaceAll(BR, ' ')).replace(/\s+/g, ' ').trim();
      if (text !== '') out.push(text);
    }
    buffer = '';
  };
  const visit = (node: DomNode) => {
    if (node.nodeType === 3) {
      buffer += (node.nodeValue ?? '').replaceAll(BR, '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      buffer += BR;
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(document.body as unknown as DomNode);
  flush();
  return out;
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
      if (window.document.documentElement?.tagName === 'HTML' && window.document.body) return window;
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
  const { document } = parseDocument(content);
  const { meta, siteNames, ld } = readPageMeta(document);
  const pageTitle = cleanField(document.querySelector('title')?.textContent);

  removeFurnitureElements(document);
  const fallbackBody = document.body?.innerHTML ?? '';
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as never, { disableJSONLD: true }).parse();
  } catch {
    // Readability gives up on some odd pages; the page's own block elements are the fallback below.
  }
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
