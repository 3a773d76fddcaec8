import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../src/articles/index.ts';
import { knownOutletOfUrl, normaliseDate } from '../../src/articles/metadata.ts';
import { stripSiteName } from '../../src/articles/page-meta.ts';
import { extract } from '../../src/extract/index.ts';
import type { Article } from '../../src/types.ts';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

function page(name: string): Article {
  const [article] = parseArticleText(readFileSync(join(PAGES, name), 'utf8'), 'html', name);
  if (!article) throw new Error(`${name}: no article`);
  return article;
}

function html(
  head: string,
  body = '<p>The council met on Tuesday and approved the budget for next year.</p>',
): Article {
  const [article] = parseArticleText(
    `<html><head>${head}</head><body>${body}</body></html>`,
    'html',
    'x.html',
  );
  if (!article) throw new Error('no article');
  return article;
}

describe('citation metadata from saved pages, in order of trust', () => {
  it('reads JSON-LD wrapped in CDATA, inside @graph, with a raw line break in a string', () => {
    expect(page('jsonld-graph-cdata.html')).toMatchObject({
      title: 'Harbour dredging to start in spring',
      // The publisher's name, not the WebSite's "Tidewater Courier Online".
      outlet: 'The Tidewater Courier',
      url: 'https://www.tidewatercourier.example/news/2021/harbour-dredging',
      // datePublished, not dateModified, article:modified_time or the "Updated" <time>.
      published: '2021-03-04',
      // People only: the organisation credit is not an author; "By" is dropped.
      author: 'Ana Souza and Tom Hale',
    });
  });

  it('reads meta tags under name or property, and the name behind an article:author address', () => {
    expect(page('meta-tags.html')).toMatchObject({
      // The headline shown on the page, not the social-media og:title.
      title: 'Council votes to close Elm Street library',
      outlet: 'Riverbend Gazette',
      published: '2019-11-05',
      // article:author is a profile URL; the page's link to it carries the name. The meta author
      // "Riverbend Gazette" is the outlet, not a person.
      author: 'Maya Lindqvist',
    });
  });

  it('reads microdata: itemprop headline, author name and datePublished (not dateModified)', () => {
    expect(page('microdata.html')).toMatchObject({
      title: 'Storm knocks out power to 40,000 homes',
      author: 'Kofi Mensah',
      published: '2020-01-18',
      // Nothing on the page names the outlet and there is no address: unknown, not guessed.
      outlet: null,
      url: null,
    });
  });

  it("takes the story's byline and dateline, not a related story's, and cleans the byline", () => {
    expect(page('bylines-and-sidebars.html')).toMatchObject({
      title: 'Port strike ends after nine days',
      outlet: 'The Daily Ledger',
      published: '2016-12-22',
      author: 'Maria Dunn',
    });
  });

  it('reads a Japanese dateline printed under the headline and a byline with its desk', () => {
    expect(page('dateline-cjk.html')).toMatchObject({
      title: '小型スマホの実機チェック',
      outlet: '週刊サンプル',
      published: '2019-04-21',
      author: 'オカモト',
    });
  });

  it('leaves the author unknown when the only credit is the outlet or its staff', () => {
    const head = '<meta property="og:site_name" content="TMZ"><meta name="author" content="TMZ Staff">';
    expect(html(head).author).toBeNull();
    expect(html('<meta name="author" content="Reuters">').author).toBeNull();
    expect(html('<meta name="author" content="Follow us on Twitter">').author).toBeNull();
  });

  it('takes the earliest when the same date tag is stated twice', () => {
    const head =
      '<meta itemprop="datePublished" content="2015-03-12T13:11:07Z"><meta itemprop="datePublished" content="2015-03-11T19:46:14Z">';
    expect(html(head).published).toBe('2015-03-11');
  });

  it('takes every co-author marked up with itemprop, and the links inside a byline box', () => {
    const coauthors = html(
      '',
      '<article><h1>Budget passes</h1><p>By <span itemprop="author"><span itemprop="name">Ana Lima</span></span> and <span itemprop="author"><span itemprop="name">Rui Costa</span></span></p><p>The budget passed on Friday by 40 votes to 12.</p></article>',
    );
    expect(coauthors.author).toBe('Ana Lima and Rui Costa');
    const box = html(
      '',
      '<article><h1>Budget passes</h1><div class="author">Ben Silverman <span>Yahoo Games</span> <a href="/author/ben-silverman">Ben Silverman</a></div><p>The budget passed on Friday by 40 votes to 12.</p></article>',
    );
    expect(box.author).toBe('Ben Silverman');
  });

  it('records an organisation-only credit as the outlet, not as an author', () => {
    const article = html(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","author":{"@type":"Organization","name":"Harbor Falls Herald"}}</script>',
    );
    expect(article).toMatchObject({ author: null, outlet: 'Harbor Falls Herald' });
  });

  it('never takes the modified date for the published one', () => {
    const head =
      '<meta property="article:modified_time" content="2020-05-02T10:00:00Z"><script type="application/ld+json">{"@type":"NewsArticle","headline":"x","dateModified":"2020-05-03"}</script>';
    expect(html(head).published).toBeNull();
  });
});

describe('the outlet', () => {
  const withSite = (site: string, url: string) =>
    html(`<meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}">`).outlet;

  it('uses the table spelling of the same outlet and drops a site name that is an address', () => {
    expect(withSite('Bloomberg.com', 'https://www.bloomberg.com/news/articles/2016-12-07/x')).toBe(
      'Bloomberg',
    );
    expect(withSite('NDTV.com', 'https://www.ndtv.com/india-news/x')).toBe('NDTV');
    expect(withSite('http://www.tmz.com', 'https://www.tmz.com/2016/11/28/x/')).toBe('Tmz');
    expect(withSite('Fandom powered by Wikia', 'https://fandom.wikia.com/articles/x')).toBe('Fandom');
  });

  it('prefers the table over an edition label, and a longer specific name over the table', () => {
    expect(withSite('U.S.', 'https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4')).toBe('Reuters');
    expect(withSite('CNET Japan', 'https://japan.cnet.com/article/35135610/')).toBe('CNET Japan');
    expect(withSite('Associated Press', 'https://apnews.com/article/x')).toBe('Associated Press');
  });

  it("tells Yahoo's outlets apart", () => {
    expect(knownOutletOfUrl('https://finance.yahoo.com/news/x.html')).toBe('Yahoo Finance');
    expect(knownOutletOfUrl('https://www.yahoo.com/news/x.html')).toBe('Yahoo News');
    expect(knownOutletOfUrl('https://www.yahoo.com/finance/x.html')).toBe('Yahoo Finance');
  });

  it('takes the name a <title> ends with, or a blog name before the headline, only when nothing else names the site', () => {
    expect(html('<title>Steam Linux share ticks up - Phoronix</title>').outlet).toBe('Phoronix');
    const blog = html(
      '<title>Silicon Exposed: Open Verilog flow for GreenPak4</title><link rel="canonical" href="https://siliconexposed.blogspot.com/2016/05/x.html">',
      '<h3 class="post-title">Open Verilog flow for GreenPak4</h3><p>The toolchain now supports every device in the family, the author said on Sunday.</p>',
    );
    expect(blog.outlet).toBe('Silicon Exposed');
    expect(blog.title).toBe('Open Verilog flow for GreenPak4');
  });

  it("reads a shared host's blog from its own label, and drops a legal form or an address ending", () => {
    expect(html('<link rel="canonical" href="https://googleblog.blogspot.com/2019/01/x.html">').outlet).toBe(
      'Google Blog',
    );
    expect(withSite('Spiceworks Inc', 'https://www.spiceworks.com/x')).toBe('Spiceworks');
    expect(withSite('TMZ.COM', 'https://www.tmz.com/2015/02/26/x/')).toBe('TMZ');
  });
});

describe('the headline', () => {
  it('drops the site name and a section label next to it, before or after', () => {
    const names = ['CNN', 'The Guardian', '読売新聞オンライン', 'Quartz'];
    expect(stripSiteName("Why Trump won't change | CNN Politics", names)).toBe("Why Trump won't change");
    expect(
      stripSiteName(
        'Standing Rock protesters hold out against police | Dakota Access pipeline | The Guardian',
        names,
      ),
    ).toBe('Standing Rock protesters hold out against police');
    expect(stripSiteName('バルセロナ、マンＵに先勝 : スポーツ : 読売新聞オンライン', names)).toBe(
      'バルセロナ、マンＵに先勝',
    );
    expect(stripSiteName('Quartz - Nigeria’s economy grows', names)).toBe('Nigeria’s economy grows');
    // A title that names no site stays whole, separators and all.
    expect(stripSiteName('Breaking: Houston hires Major Applewhite | Sports', names)).toBe(
      'Breaking: Houston hires Major Applewhite | Sports',
    );
  });
});

describe('dates as pages print them', () => {
  it.each([
    ['Mon Aug 03 12:45:00 EDT 2015', '2015-08-03'],
    ['2019年04月21日 12時00分', '2019-04-21'],
    ['2019년 4월 21일', '2019-04-21'],
    ['Tue, 13 Dec 2016 22:33:06 +0000', '2016-12-13'],
  ])('%s is %s', (text, iso) => {
    expect(normaliseDate(text)).toBe(iso);
  });
});

describe('page furniture', () => {
  const article = page('furniture.html');

  it('keeps the story and drops captions, credits, counters, player controls, prompts, related links, the dateline and the bio', () => {
    expect(article.paragraphs).toEqual([
      'A temporary flood barrier failed its first full test on Monday, leaking within 20 minutes as the river rose 1.2 metres, city engineers said.',
      'Crews pumped water out of 14 basements overnight.',
      '“We knew the seals were old, but we did not expect this,” said Mayor Ines Carvalho.',
      'The city will decide by June whether to replace the barrier, which cost $2.5 million in 2019.',
    ]);
  });

  it('so no caption, credit, prompt or bio becomes a quote or a fact', () => {
    const { quotes, facts } = extract(article);
    const found = [...quotes.map((q) => q.text), ...facts.map((f) => f.text)].join('\n');
    for (const furniture of [
      'sandbags',
      '12 families',
      'Getty',
      'newsletter',
      'river wall',
      'audits',
      'Play Video',
    ]) {
      expect(found).not.toContain(furniture);
    }
    expect(quotes.map((q) => q.speaker)).toContain('Ines Carvalho');
  });
});
