import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/articles/clean.ts';
import { ArticleError, parseArticleText } from '../../src/articles/index.ts';
import { normaliseDate } from '../../src/articles/metadata.ts';
import { stripPrintArtifacts } from '../../src/articles/printout.ts';
import type { ArticleFormat } from '../../src/types.ts';

// Text with the characters cleaning cares about mixed into ordinary text.
const messy = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '\u00a0',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '\u2028',
      '\t',
      ' ',
      '“',
      '”',
      'é',
      'e\u0301',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 300,
});

describe('cleaning (property)', () => {
  it('never throws, never grows text beyond what NFC allows, and is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const once = cleanText(text);
        expect(once.length).toBeLessThanOrEqual(text.length * 3);
        expect(cleanText(once)).toBe(once);
        expect(once).not.toMatch(/[\r\u00a0\u200b\u00ad\ufeff\t]| {2}/);
      }),
    );
  });

  it('keeps every letter and digit of ordinary text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const letters = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
        expect(letters(cleanText(text))).toBe(letters(text.replace(/[\u00ad\u200b\ufeff]/g, '')));
      }),
    );
  });

  it('leaves text that is not a print-out alone', () => {
    fc.assert(
      fc.property(messy, (text) => {
        fc.pre(!text.includes('read://'));
        const clean = cleanText(text);
        fc.pre(!/^\d{1,2}\/\d{1,2}\/\d{2,4}/.test(clean));
        expect(stripPrintArtifacts(clean).text).toBe(clean);
      }),
    );
  });
});

// Fragments of every format's markup, so that random input reaches the parsers' structure code.
const markupish = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<html>',
      '<body>',
      '<head>',
      '</p>',
      '<p>',
      '<script>',
      '<article>',
      '<nav>',
      '<!--',
      '-->',
      '---\n',
      'title: x\n',
      '# ',
      '> ',
      '* ',
      '[a](b)',
      '`',
      '**',
      '_',
      '{',
      '}',
      '[',
      ']',
      ',',
      '"title":',
      '"body":',
      '"x"',
      'null',
      '"articles":',
      'read://https_a.b/?url=https%3A%2F%2Fa.b%2F2020%2F01%2F02%2Fx y',
      ' 1/2 ',
      '2/23/25, 10:09 AM ',
      'By Jane Doe\n',
      'https://example.com/2019/05/06/a\n',
      'Published: May 6, 2019\n',
      'LONDON (Reuters) - ',
    ),
    messy,
  ),
  maxLength: 40,
});

describe('parsers (property)', () => {
  it('either return articles with clean non-empty paragraphs or throw an ArticleError, for any input', () => {
    const formats: ArticleFormat[] = ['txt', 'md', 'html', 'json'];
    fc.assert(
      fc.property(fc.oneof(messy, markupish), fc.constantFrom(...formats), (text, format) => {
        try {
          const articles = parseArticleText(text, format, 'prop');
          expect(articles.length).toBeGreaterThan(0);
          for (const article of articles) {
            expect(article.paragraphs.length).toBeGreaterThan(0);
            for (const p of article.paragraphs) expect(p).toBe(p.trim());
            expect(article.published === null || /^\d{4}-\d{2}-\d{2}$/.test(article.published)).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dates (property)', () => {
  const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  it('read the same day from every written form', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
          const month = MONTHS[m - 1] ?? '';
          for (const written of [
            date.toISOString(),
            `${month} ${d}, ${y}`,
            `${month.slice(0, 3)} ${d} ${y}`,
            `${d} ${month} ${y}`,
            `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`,
          ]) {
            expect(normaliseDate(written)).toBe(iso);
          }
        },
      ),
    );
  });
});
