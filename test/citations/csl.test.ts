/**
 * APA, MLA and Chicago through citation-js with the styles the repo ships (plugin-csl's APA, the npm MLA and
 * Chicago packages). The locations are pinned to empty folders so a CSL file on this machine cannot change them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CitationFormatError,
  type CslStyleName,
  formatArticleCitation,
  MissingStyleError,
  type StyleLocations,
  warmCitations,
} from '../../src/citations/index.ts';

const empty = mkdtempSync(join(tmpdir(), 'csl-none-'));
const PACKAGED: StyleLocations = { stylesDir: empty, systemDir: join(empty, 'absent'), packages: true };

const TITLE =
  'Putin proposes a joint cybersecurity group with the US to investigate Russian election meddling';
const TITLE_CASED =
  'Putin Proposes a Joint Cybersecurity Group with the US to Investigate Russian Election Meddling';
const URL = 'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/';
const seed = {
  id: '003_fdfb5187be79e5d3.txt',
  title: TITLE,
  outlet: 'TechCrunch',
  url: URL,
  published: '2018-07-16',
  source: 'data/articles/003_fdfb5187be79e5d3.txt',
  author: null,
};
/** Seed 000's shape: a title and nothing else is known. */
const bare = {
  id: '000',
  title: 'Trump and Putin could be reigniting talks to create a cybersecurity task force',
  outlet: null,
  url: null,
  published: null,
  source: '000.txt',
  author: null,
};

describe('the seed article in each style', () => {
  it('MLA 9th from the style file shipped in src/citations/styles: outlet, day month year and the URL', async () => {
    // Default locations: the shipped file wins over the older npm package, whatever else is on the machine.
    const mla = await formatArticleCitation(seed, 'mla');
    expect(mla.text).toBe(`“${TITLE_CASED}.” TechCrunch, 16 July 2018, ${URL}.`);
    expect(mla.style.label).toBe('MLA 9th edition');
    // Seed 000 knows only its title: MLA 9th prints just that, with nothing invented.
    const onlyTitle = await formatArticleCitation(bare, 'mla');
    expect(onlyTitle.text).not.toMatch(/Print|n\. pag|Web\./);
  });

  it('APA 7th: sentence-case title first when there is no author, then (2018, July 16), outlet, URL', async () => {
    const apa = await formatArticleCitation(seed, 'apa', PACKAGED);
    expect(apa.text).toBe(`${TITLE}. (2018, July 16). TechCrunch. ${URL}`);
    expect(apa.style.label).toBe('APA 7th edition');
    expect(apa.style.title).toBe('American Psychological Association 7th edition');
  });

  it('MLA 7th: title in quotes and title case, the outlet after it, day month year, "Web." and no URL', async () => {
    const mla = await formatArticleCitation(seed, 'mla', PACKAGED);
    expect(mla.text).toBe(`“${TITLE_CASED}.” TechCrunch 16 July 2018. Web.`);
    // MLA 7 made URLs optional and this CSL style leaves them out; MLA 9 (Debian's file) prints it.
    expect(mla.text).not.toContain(URL);
    expect(mla.style.label).toBe('MLA 7th edition');
    expect(mla.style.title).toBe('Modern Language Association 7th edition');
    expect(mla.style.origin).toMatch(/^npm style-mla \d/);
  });

  it('Chicago 17th full note: bibliography led by the outlet, quoted title, Month D, YYYY, URL', async () => {
    const chicago = await formatArticleCitation(seed, 'chicago', PACKAGED);
    expect(chicago.text).toBe(`TechCrunch. “${TITLE_CASED}.” July 16, 2018. ${URL}.`);
    expect(chicago.style.label).toBe('Chicago 17th edition (full note)');
    expect(chicago.style.origin).toContain('@citation/csl-style-chicago-fullnote-bibliography');
  });

  it('each carries the title and outlet, and the three differ', async () => {
    const texts = await Promise.all(
      (['apa', 'mla', 'chicago'] as const).map(
        async (s) => (await formatArticleCitation(seed, s, PACKAGED)).text,
      ),
    );
    for (const text of texts) {
      expect(text.toLowerCase()).toContain(TITLE.toLowerCase());
      expect(text).toContain('TechCrunch');
    }
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toContain('(2018, July 16)');
    expect(texts[1]).not.toContain('(2018');
    expect(texts[2]).not.toContain('(2018');
  });

  it('names the author when the article has one', async () => {
    const apa = await formatArticleCitation({ ...seed, author: 'Taylor Hatmaker' }, 'apa', PACKAGED);
    expect(apa.text).toBe(`Hatmaker, T. (2018, July 16). ${TITLE}. TechCrunch. ${URL}`);
    const mla = await formatArticleCitation({ ...seed, author: 'Taylor Hatmaker' }, 'mla', PACKAGED);
    expect(mla.text.startsWith('Hatmaker, Taylor. “')).toBe(true);
  });
});

describe('missing metadata', () => {
  it('invents no author, outlet, date or link; APA says n.d., its own convention', async () => {
    for (const style of ['apa', 'mla', 'chicago'] as const) {
      const { text } = await formatArticleCitation(bare, style, PACKAGED);
      expect(text.toLowerCase()).toContain(bare.title.toLowerCase());
      expect(text).not.toMatch(/\d{4}|https?:|TechCrunch|Anonymous/);
    }
    expect((await formatArticleCitation(bare, 'apa', PACKAGED)).text).toBe(`${bare.title}. (n.d.).`);
  });

  it('an article with no title still formats, from whatever it has', async () => {
    const { text } = await formatArticleCitation({ ...seed, title: null }, 'apa', PACKAGED);
    expect(text).toContain('TechCrunch');
    expect(text).toContain(URL);
    expect(text).not.toContain('null');
  });
});

describe('odd article data', () => {
  it('formats any title, outlet and author without throwing or printing null/undefined', async () => {
    const odd = fc.oneof(
      // Data that itself says "null" would make the check below meaningless.
      fc.string({ maxLength: 60 }).filter((t) => !/null|undefined/.test(t)),
      fc.constantFrom(
        '<i>x</i> & <b>',
        '\u202Eevil\u202C',
        'пу́тин',
        '普京 工作组',
        '🤖',
        'a'.repeat(5000),
        '"“',
        '{{}}',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<CslStyleName[]>('apa', 'mla', 'chicago'),
        fc.record({ title: fc.option(odd), outlet: fc.option(odd), author: fc.option(odd) }),
        async (style, data) => {
          const result = await formatArticleCitation({ ...seed, ...data }, style, PACKAGED).catch(
            (e: unknown) => e,
          );
          if (result instanceof CitationFormatError) {
            // citeproc-js chokes on a few names (an author called "toString" in MLA's disambiguation): a clean
            // error is fine, but the style must keep working for the next article.
            const next = await formatArticleCitation(seed, style, PACKAGED);
            expect(next.text).toContain('TechCrunch');
            return;
          }
          if (result instanceof Error) throw result;
          const { text } = result as { text: string };
          expect(text).not.toMatch(/\bnull\b|\bundefined\b/);
          expect(text).toContain('2018');
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('no style at all', () => {
  it('rejects with MissingStyleError instead of falling back to APA', async () => {
    const none: StyleLocations = { ...PACKAGED, packages: false };
    for (const style of ['mla', 'chicago'] as const) {
      const error = await formatArticleCitation(seed, style, none).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingStyleError);
      expect((error as MissingStyleError).style).toBe(style);
    }
  });
});

describe('warmCitations', () => {
  it('loads the three styles and says which edition and source each is', async () => {
    const warm = await warmCitations(PACKAGED);
    expect(warm.problems).toEqual([]);
    expect(warm.styles.map((s) => `${s.style}: ${s.label}`)).toEqual([
      'apa: APA 7th edition',
      'mla: MLA 7th edition',
      'chicago: Chicago 17th edition (full note)',
    ]);
  });

  it('never rejects: a style with no source becomes a problem line', async () => {
    const warm = await warmCitations({ ...PACKAGED, packages: false });
    expect(warm.styles).toEqual([]);
    expect(warm.problems).toEqual([
      'apa: no usable CSL style, /cite style:apa will say so',
      'mla: no usable CSL style, /cite style:mla will say so',
      'chicago: no usable CSL style, /cite style:chicago will say so',
    ]);
  });
});

describe('an entry citeproc-js cannot format', () => {
  it('is a CitationFormatError, and the style keeps working afterwards', async () => {
    // MLA keeps disambiguation data keyed by name in plain objects; "toString" collides with Object.prototype.
    const error = await formatArticleCitation({ ...seed, author: 'toString' }, 'mla').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CitationFormatError);
    const after = await formatArticleCitation(seed, 'mla');
    expect(after.text).toBe(`“${TITLE_CASED}.” TechCrunch, 16 July 2018, ${URL}.`);
    // APA has no such trouble with the same name.
    const apa = await formatArticleCitation({ ...seed, author: 'toString' }, 'apa');
    expect(apa.text).toContain('toString');
  });
});
