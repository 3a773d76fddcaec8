import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseFile } from '../../src/articles/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');

describe('saved article pages', () => {
  it('takes metadata from Open Graph, meta author, the canonical link and JSON-LD', async () => {
    const [article] = await parseFile(join(FIXTURES, 'news-page.html'));
    expect(article).toMatchObject({
      format: 'html',
      title: 'Putin offers joint cyber group as Trump hails summit',
      outlet: 'The Daily Ledger',
      // The canonical link wins over og:url (which carries tracking parameters).
      url: 'https://www.dailyledger.example/world/2018/07/16/putin-cyber-group',
      // The written calendar date, not shifted to UTC (21:45 EDT is already the 17th in UTC).
      published: '2018-07-16',
      // meta author, not the article:author profile URL.
      author: 'Maria Kowalski',
    });
  });

  it('keeps the article text and drops navigation, ads, scripts, related links, sign-ups and footers', async () => {
    const [article] = await parseFile(join(FIXTURES, 'news-page.html'));
    const paragraphs = article?.paragraphs ?? [];
    expect(paragraphs[0]).toMatch(/^HELSINKI — Russian President Vladimir Putin on Monday proposed/);
    expect(paragraphs).toContain(
      '“Any specific material, if such things arise, we are ready to analyze together,” Putin told reporters after more than two hours of talks with President Donald Trump.',
    );
    // Link text stays; the quote inside a blockquote stays once.
    expect(paragraphs.join(' ')).toContain('discussed forming an “impenetrable Cyber Security unit”, before');
    expect(paragraphs.filter((p) => p.includes('arsonist'))).toHaveLength(1);
    expect(paragraphs.at(-1)).toMatch(/^The Justice Department indicted 12 Russian intelligence officers/);
    const all = paragraphs.join('\n');
    for (const junk of [
      'Politics',
      'Advertisement',
      'ADVERTISEMENT',
      'Continue reading',
      'Subscribe now',
      'Share on',
      'Five takeaways',
      'morning briefing',
      'All rights reserved',
      'tracking pixel',
      'dataLayer',
      'By Maria Kowalski',
    ]) {
      expect(all).not.toContain(junk);
    }
    // The headline is the title, not a body paragraph.
    expect(paragraphs).not.toContain('Putin offers joint cyber group as Trump hails summit');
  });

  it('falls back to JSON-LD and the <title> when Open Graph is missing, surviving a broken JSON-LD block', async () => {
    const [article] = await parseFile(join(FIXTURES, 'og-only.htm'));
    expect(article).toMatchObject({
      title: 'Helsinki police close streets ahead of summit',
      outlet: 'Associated Press',
      url: 'https://apnews.com/article/helsinki-summit-police-2018',
      published: '2018-07-15',
      author: 'Jari Tanner',
    });
    expect(article?.paragraphs).toHaveLength(2);
  });

  it('strips the site name from a <title> and derives the outlet from the URL when nothing else says', () => {
    const html =
      '<html><head><title>Storm closes port - Reuters</title><link rel="canonical" href="https://www.reuters.com/world/2019/03/02/storm-port/"></head><body><p>A storm closed the port of Rotterdam on Saturday, the port authority said.</p></body></html>';
    const [article] = parseArticleText(html, 'html', 'p.html');
    expect(article).toMatchObject({
      title: 'Storm closes port',
      outlet: 'Reuters',
      published: '2019-03-02',
    });
    expect(article?.paragraphs).toEqual([
      'A storm closed the port of Rotterdam on Saturday, the port authority said.',
    ]);
  });

  it('refuses a page with no text', () => {
    expect(() =>
      parseArticleText('<html><body><nav>Home</nav><script>x()</script></body></html>', 'html', 'e.html'),
    ).toThrow(/no article text/);
  });
});

describe('HTML text', () => {
  it('keeps loose text between blocks and splits paragraphs at double line breaks', () => {
    const html =
      '<html><body><div class="story">Loose lead text, said the mayor.<p>A paragraph.</p>Tail text<br>same paragraph<br><br>Next paragraph.</div></body></html>';
    expect(parseArticleText(html, 'html', 'l.html')[0]?.paragraphs).toEqual([
      'Loose lead text, said the mayor.',
      'A paragraph.',
      'Tail text same paragraph',
      'Next paragraph.',
    ]);
  });

  it('uses the JSON-LD articleBody when the page shows only a teaser', () => {
    const body = 'First paragraph of the full story, the official said.\nSecond paragraph with more detail.';
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body })}</script></head><body><p>First paragraph…</p><div class="paywall">Subscribe to read</div></body></html>`;
    expect(parseArticleText(html, 'html', 't.html')[0]?.paragraphs).toEqual([
      'First paragraph of the full story, the official said.',
      'Second paragraph with more detail.',
    ]);
  });
});

describe('HTML encodings', () => {
  it('decodes an old page in the charset it declares', async () => {
    const [article] = await parseFile(join(FIXTURES, 'windows-1252.html'));
    expect(article?.title).toBe('Café owners protest');
    expect(article?.paragraphs).toEqual([
      '“We will not close,” said Renée Dupont, who runs a café near the harbour.',
    ]);
  });
});

describe('HTML dates', () => {
  it('falls back to a <time> inside the article, not one in a related list', () => {
    const html =
      '<html><body><aside><time datetime="2019-01-01">old</time></aside><article><h1>T</h1><time datetime="2020-05-06T10:00:00Z">May 6</time><p>The board met on Wednesday, a spokesman said.</p></article></body></html>';
    expect(parseArticleText(html, 'html', 'd.html')[0]?.published).toBe('2020-05-06');
  });
});

describe('HTML furniture by class name', () => {
  it('never removes the element that holds the story, whatever its class', () => {
    const story = 'The port reopened on Monday after a week-long strike, officials said. '.repeat(8);
    const html = `<html><body><div class="ad-free-article"><p>${story}</p><p>Dock workers returned at dawn, the union said.</p></div><div class="ad-slot">Buy now</div></body></html>`;
    const [article] = parseArticleText(html, 'html', 'c.html');
    expect(article?.paragraphs).toEqual([story.trim(), 'Dock workers returned at dawn, the union said.']);
  });
});
