import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../src/articles/index.ts';
import { repairMojibake } from '../../src/articles/mojibake.ts';

/** UTF-8 read back as Latin-1, as a misconfigured feed or scraper does. */
const misread = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
/** UTF-8 read back as Windows-1252 (the bytes 0x80-0x9F become `€`, `™`, `’` ...). */
const misread1252 = (s: string): string => new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8'));

describe('mis-decoded UTF-8 is read back', () => {
  it('once or twice over, as Latin-1 or Windows-1252', () => {
    expect(repairMojibake(misread('Ana Sarukhán said'))).toBe('Ana Sarukhán said');
    expect(repairMojibake(misread(misread('Tomás de Jesús')))).toBe('Tomás de Jesús');
    expect(repairMojibake(misread1252('it’s “done” — really'))).toBe('it’s “done” — really');
  });

  it('leaves real text in the same ranges alone', () => {
    for (const s of ['MÜ” and ñá stay', 'Ça va, São Paulo', 'naÃ', '¿Qué? ¡Sí!', 'Ü€ and Ã alone'])
      expect(repairMojibake(s)).toBe(s);
  });

  it('any Latin text survives being misread and repaired; correct text is never changed', () => {
    const latin = fc.string({
      unit: fc.constantFrom(...'abcdeé áñüÜ’“”—-ÇçøØßÄÅłō€™. ,'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(latin, (s) => {
        expect(repairMojibake(misread(s))).toBe(s);
        expect(repairMojibake(s)).toBe(s);
      }),
    );
  });

  it('an article whose names came through mis-decoded shows them as written', () => {
    const text = misread(
      'Mexico pushes back\n\n"We will answer with facts," said Arturo Sarukhán, a former ambassador.',
    );
    const [article] = parseArticleText(text, 'txt', 'mojibake.txt');
    expect(article?.paragraphs.join('\n')).toContain('Arturo Sarukhán');
  });
});
