import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { buildSpeakers } from '../../src/extract/speakers.ts';
import type { Article, CorpusArticle } from '../../src/types.ts';
import { article as plainArticle } from './helpers.ts';

function article(id: string, paragraphs: string[]): CorpusArticle {
  const a: Article = { ...plainArticle(...paragraphs), id, source: id };
  return { ...a, ...extract(a) };
}

describe('buildSpeakers', () => {
  const full = article('a.txt', [
    'Russian President Vladimir Putin met reporters on Monday.',
    '"We are ready to analyze together," Putin said.',
    '"The working group is the right place," Mr. Putin added.',
    'President Putin later left. "It went well," said Mayor Ana Ruiz.',
  ]);
  const short = article('b.txt', [
    '"Our position has not changed," Putin said in Moscow.',
    '"Nothing is agreed," Putin told reporters.',
    '"We will see," Lee said.',
  ]);
  const speakers = buildSpeakers([full, short]);

  it('merges a surname-only article into the full name from another article and rewrites its quotes', () => {
    expect(short.quotes.filter((q) => q.speaker === 'Vladimir Putin')).toHaveLength(2);
    const putin = speakers.find((s) => s.name === 'Vladimir Putin');
    expect(putin?.quoteCount).toBe(4);
    expect(putin?.role).toBe('Russian President');
  });

  it('lists every form seen as an alias', () => {
    const aliases = speakers.find((s) => s.name === 'Vladimir Putin')?.aliases ?? [];
    for (const form of [
      'Putin',
      'Mr. Putin',
      'President Putin',
      'Russian President Vladimir Putin',
      'Vladimir Putin',
    ])
      expect(aliases).toContain(form);
  });

  it('keeps an unmatched surname as its own speaker and sorts by quote count then name', () => {
    expect(speakers.map((s) => [s.name, s.quoteCount])).toEqual([
      ['Vladimir Putin', 4],
      ['Ana Ruiz', 1],
      ['Lee', 1],
    ]);
  });

  it('never merges `Mr. Quill` into the one Quill named in full when her first name is a woman’s', () => {
    const a = article('f.txt', [
      'Ivanka Quill spoke first. "We are proud of the plan," said Ivanka Quill.',
      'Then Mr. Quill took the stage. "She has done a fantastic job," Mr. Quill said.',
    ]);
    const b = article('g.txt', ['"The harbor deal is done," Mr. Quill said on Friday.']);
    buildSpeakers([a, b]);
    expect(a.quotes.find((q) => q.text.includes('fantastic'))?.speaker).toBe('Quill');
    expect(b.quotes[0]?.speaker).toBe('Quill');
    expect(a.quotes.find((q) => q.text.includes('proud'))?.speaker).toBe('Ivanka Quill');
  });
  it('still merges `Ms. Quill` into Ivanka Quill', () => {
    const a = article('h.txt', ['"We are proud of the plan," said Ivanka Quill.']);
    const b = article('i.txt', ['"The harbor deal is done," Ms. Quill said on Friday.']);
    buildSpeakers([a, b]);
    expect(b.quotes[0]?.speaker).toBe('Ivanka Quill');
  });

  it('does not merge a surname shared by two people', () => {
    const a = article('c.txt', ['"One," said Senator Mary Lee.']);
    const b = article('d.txt', ['"Two," said coach Tom Lee.']);
    const c = article('e.txt', ['"Three is enough for today," Lee said.']);
    const out = buildSpeakers([a, b, c]);
    expect(c.quotes[0]?.speaker).toBe('Lee');
    expect(out.map((s) => s.name).sort()).toEqual(['Lee', 'Mary Lee', 'Tom Lee']);
  });

  it('does not take another person with the same surname, or another organisation, for an alias', () => {
    const a = article('g.txt', [
      'Senator Mary Lee and her brother Tom Lee ran the campaign.',
      '"We won," said Mary Lee.',
      'Halvorsen Foods Inc. beat rival Midwest Foods.',
      '"Our customers pay for quality," Halvorsen Foods said.',
    ]);
    const out = buildSpeakers([a]);
    const lee = out.find((s) => s.name === 'Mary Lee');
    expect(lee?.aliases).toContain('Senator Mary Lee');
    expect(lee?.aliases).not.toContain('Tom Lee');
    expect(out.find((s) => s.name === 'Halvorsen Foods')?.aliases).not.toContain('Midwest Foods');
    const vanDijk = buildSpeakers([
      article('h.txt', ['Coach Pieter van Dijk was blunt. "We stopped," van Dijk said.']),
    ]);
    expect(vanDijk[0]?.aliases).toEqual(['Coach Pieter van Dijk', 'Pieter van Dijk', 'van Dijk']);
  });

  it('returns nothing for a corpus without quotes', () => {
    expect(buildSpeakers([article('f.txt', ['No quotes here at all.'])])).toEqual([]);
  });
});

describe('a lone surname is never merged into that person’s campaign or office (issue 9)', () => {
  it('`Quill said` stays Quill when only the `Quill campaign` is named in full', () => {
    const a = article('q.txt', [
      'Quill said her aides "made a poor call" when they opened the files.',
      '"We will sue," her campaign said. "It is the only way to get our data back."',
    ]);
    buildSpeakers([a]);
    expect(a.quotes.find((q) => q.text.includes('poor call'))?.speaker).toBe('Quill');
    expect(a.quotes.find((q) => q.text.includes('We will sue'))?.speaker).toBe('Quill campaign');
  });

  it('in one article too: `Quill said` after `the Quill campaign said` is Quill', () => {
    const a = article('r.txt', [
      '"We will sue," the Quill campaign said on Monday.',
      '"It was a poor call by my aides," Quill said later.',
    ]);
    buildSpeakers([a]);
    expect(a.quotes.find((q) => q.text.includes('poor call'))?.speaker).toBe('Quill');
  });

  it('`Northwind` still joins `Northwind Foods`', () => {
    const a = article('n.txt', [
      '"We will keep the plant open," Northwind Foods said in a statement.',
      '"Orders are up this year," Northwind said later.',
    ]);
    buildSpeakers([a]);
    expect(a.quotes.find((q) => q.text.includes('Orders are up'))?.speaker).toBe('Northwind Foods');
  });
});

describe('across articles, a name joins only the same one person (issue 9)', () => {
  /** An article whose quotes, in order, are given these speakers (as an extractor might have named them). */
  function said(id: string, paragraphs: string[], speakers: string[]): CorpusArticle {
    const a = article(id, paragraphs);
    expect(a.quotes).toHaveLength(speakers.length);
    a.quotes.forEach((q, i) => {
      q.speaker = speakers[i] as string;
    });
    return a;
  }

  it('a pair of people never stands for one of them', () => {
    const a = said(
      'a.txt',
      ['"We want answers," Ada Fenwick and Tom Reyes said.'],
      ['Ada Fenwick and Tom Reyes'],
    );
    const b = said('b.txt', ['"The plant stays open," Reyes said.'], ['Reyes']);
    buildSpeakers([a, b]);
    expect(b.quotes[0]?.speaker).toBe('Reyes');
  });

  it('`Tom Quill Jr.` is never his father `Tom Quill`', () => {
    const a = said('a.txt', ['"We will build it," said Tom Quill Jr.'], ['Tom Quill Jr.']);
    const b = said('b.txt', ['"We will build it soon," said Tom Quill.'], ['Tom Quill']);
    const c = said('c.txt', ['"We will build it soon," said Tom Quill.'], ['Tom Quill']);
    const out = buildSpeakers([a, b, c]);
    expect(a.quotes[0]?.speaker).toBe('Tom Quill Jr.');
    expect(out.map((s) => s.name).sort()).toEqual(['Tom Quill', 'Tom Quill Jr.']);
  });

  it('a lone surname in an article that names someone else by it stays a surname', () => {
    const a = said('a.txt', ['"The budget is sound," said Ada Dunn.'], ['Ada Dunn']);
    const b = said(
      'b.txt',
      ['Ben Dunn, the mayor’s brother, spoke first.', '"We lost the vote," Dunn said.'],
      ['Dunn'],
    );
    const c = said('c.txt', ['"We lost the vote," Dunn said.'], ['Dunn']);
    // (A short form of her own first name is still her: `Sandy Dunn` for Sandra.)
    const d = said('d.txt', ['"The budget is sound," said Sandra Fallow.'], ['Sandra Fallow']);
    const e = said('e.txt', ['Sandy Fallow spoke first.', '"We won," Fallow said.'], ['Fallow']);
    buildSpeakers([a, b, c, d, e]);
    expect(b.quotes[0]?.speaker).toBe('Dunn');
    expect(c.quotes[0]?.speaker).toBe('Ada Dunn');
    expect(e.quotes[0]?.speaker).toBe('Sandra Fallow');
  });

  it('never a title-led name, a dateline in capitals, a first name alone, or another outlet with the same ends', () => {
    const a = said(
      'a.txt',
      [
        '"It was a fine day," said actor Lou Fenwick.',
        '"Turnout was high," said Lena Dover.',
        '"We loved it," said Caroline Ashcombe.',
        '"Read it first," the Harbor Times/Dover News said.',
      ],
      ['Actor Lou Fenwick', 'Lena Dover', 'Caroline Ashcombe', 'Harbor Times/Dover News'],
    );
    const b = said(
      'b.txt',
      [
        '"It was a long day," Fenwick said.',
        '"Turnout was low," DOVER said.',
        '"We left early," Caroline said.',
        '"Read it twice," the Harbor Daily News said.',
      ],
      ['Fenwick', 'DOVER', 'Caroline', 'Harbor Daily News'],
    );
    buildSpeakers([a, b]);
    expect(b.quotes.map((q) => q.speaker)).toEqual(['Fenwick', 'DOVER', 'Caroline', 'Harbor Daily News']);
  });

  it('a transcript’s label in capitals (`QUILL:`) still joins the person another article names in full (guard)', () => {
    const a = article('a.txt', ['"We will run the port well," said Ada Quill, the senator.']);
    const b = article('b.txt', [
      'WALLACE: Will you run again next year, Senator?',
      'QUILL: I have not decided and I will tell you when I do.',
    ]);
    expect(b.quotes.map((q) => q.speaker)).toContain('QUILL');
    buildSpeakers([a, b]);
    expect(b.quotes.find((q) => q.text.includes('not decided'))?.speaker).toBe('Ada Quill');
  });
});
