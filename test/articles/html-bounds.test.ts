/** Hostile pages: deep nesting, huge markup, too many elements. Each is read or refused, never a hang. */
import { describe, expect, it } from 'vitest';
import {
  htmlParagraphs,
  MAX_ELEMENT_DEPTH,
  MAX_ELEMENTS,
  MAX_MARKUP_CHARS,
  parseHtml,
  withoutBulk,
} from '../../src/articles/html.ts';
import { ArticleError } from '../../src/articles/types.ts';

const QUOTE = '<p>"We will look at every option," the minister said on Tuesday.</p>';

const nested = (depth: number, open = '<div>', close = '</div>') =>
  `<html><head><title>Deep</title></head><body>${open.repeat(depth)}${QUOTE}${close.repeat(depth)}</body></html>`;

describe('hostile HTML is bounded', () => {
  // Before the bounds, depth 1,000 took 29 s and 5,000 over 300 s; the test timeout is what fails here.
  it('keeps the text of a page nested 5,000 deep', () => {
    const article = parseHtml(nested(5000));
    expect(article.paragraphs).toEqual(['"We will look at every option," the minister said on Tuesday.']);
  });

  it('keeps the text of furniture-classed nesting and of 20,000 levels (no stack overflow)', () => {
    expect(parseHtml(nested(3000, '<div class="story share-bar">')).paragraphs.join(' ')).toContain(
      'every option',
    );
    expect(htmlParagraphs(nested(20_000, '<span>', '</span>'))).toEqual([
      '"We will look at every option," the minister said on Tuesday.',
    ]);
  });

  it('keeps paragraph breaks inside flattened markup', () => {
    const deep = `${'<div>'.repeat(MAX_ELEMENT_DEPTH + 5)}<p>First paragraph here.</p><p>Second one here.</p>${'</div>'.repeat(MAX_ELEMENT_DEPTH + 5)}`;
    expect(htmlParagraphs(deep)).toEqual(['First paragraph here.', 'Second one here.']);
  });

  it('refuses a 20 MB page of markup with a reason', () => {
    const html = `<html><body>${QUOTE.repeat(Math.ceil((20 * 1024 * 1024) / QUOTE.length))}</body></html>`;
    expect(() => parseHtml(html)).toThrow(ArticleError);
    expect(() => parseHtml(html)).toThrow(/page too large: 20\.0 MB of markup .*limit 2 MB/);
  });

  it('refuses a page of more elements than any article page has', () => {
    const html = `<html><body>${'<i>x</i>'.repeat(MAX_ELEMENTS + 1)}</body></html>`;
    expect(html.length).toBeLessThan(MAX_MARKUP_CHARS);
    expect(() => parseHtml(html)).toThrow(/over 40,000 elements/);
  });

  it('reads a large page whose size is scripts and styles, keeping its JSON-LD', () => {
    const ld = '{"@type":"NewsArticle","headline":"Budget vote delayed","author":{"name":"Ann Lee"}}';
    const html = `<html><head><script type="application/ld+json">${ld}</script><script>${'var a=1;'.repeat(600_000)}</script><style>${'p{}'.repeat(200_000)}</style></head><body><article>${QUOTE.repeat(5)}</article><!-- ${'x'.repeat(100_000)} --><img src="data:image/png;base64,${'A'.repeat(300_000)}"></body></html>`;
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    const article = parseHtml(html);
    expect(article.meta.title).toBe('Budget vote delayed');
    expect(article.meta.author).toBe('Ann Lee');
    expect(article.paragraphs.length).toBeGreaterThan(0);
  });

  it('withoutBulk is linear on unclosed openers and keeps the text around them', () => {
    expect(withoutBulk('a<script>x</script>b<!-- c -->d<style>e')).toBe('abd');
    expect(withoutBulk('<script'.repeat(100_000))).toBe('');
  });
});
