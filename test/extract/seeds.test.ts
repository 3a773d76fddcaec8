import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/articles/index.ts';
import { extract } from '../../src/extract/index.ts';
import type { Article, Extraction, Quote } from '../../src/types.ts';

let seed000: Article;
let seed003: Article;
let ex000: Extraction;
let ex003: Extraction;

beforeAll(async () => {
  const { articles } = await loadArticles('data/articles');
  const find = (prefix: string): Article => {
    const a = articles.find((x) => x.id.includes(prefix));
    if (!a) throw new Error(`seed ${prefix} not loaded`);
    return a;
  };
  seed000 = find('000_');
  seed003 = find('003_');
  ex000 = extract(seed000);
  ex003 = extract(seed003);
});

/** The quote whose text contains `needle`, checked to slice back out of its paragraph. */
function quoteWith(article: Article, ex: Extraction, needle: string, kind: Quote['kind'] = 'direct'): Quote {
  const q = ex.quotes.find((x) => x.kind === kind && x.text.includes(needle));
  if (!q) throw new Error(`no ${kind} quote containing ${JSON.stringify(needle)}`);
  const para = article.paragraphs[q.paragraph] ?? '';
  expect(para.slice(q.start, q.end)).toBe(q.text);
  return q;
}

describe('seed 000 (plain text, quote marks intact)', () => {
  it("finds Trump's opening statement, attributed to the full name", () => {
    const q = quoteWith(seed000, ex000, "During today's meeting, I addressed directly");
    expect(q.speaker).toBe('Donald Trump');
    expect(q.verb).toBe('said');
    expect(q.text.startsWith("During today's meeting")).toBe(true);
    expect(q.text).not.toContain('Trump said');
  });

  it('attributes the second half of a split quote to the same speaker', () => {
    expect(quoteWith(seed000, ex000, 'I felt this was a message best delivered in person').speaker).toBe(
      'Donald Trump',
    );
  });

  it("finds both tweets as Trump's", () => {
    expect(
      quoteWith(seed000, ex000, 'Putin & I discussed forming an impenetrable Cyber Security unit').speaker,
    ).toBe('Donald Trump');
    expect(quoteWith(seed000, ex000, "doesn't mean I think it can happen").speaker).toBe('Donald Trump');
    expect(quoteWith(seed000, ex000, 'a ceasefire can').speaker).toBe('Donald Trump');
  });

  it('finds the partial quote "he has an interesting idea" and gives it to Trump, with his role', () => {
    const partial = ex000.quotes.find((q) => q.text.replace(/[.]$/, '') === 'he has an interesting idea');
    expect(partial?.speaker).toBe('Donald Trump');
    expect(partial?.role).toBe('President');
  });

  it("finds Putin's quotes, role split off the name", () => {
    const q = quoteWith(
      seed000,
      ex000,
      'Any specific material, if such things arise, we are ready to analyze together',
    );
    expect(q.speaker).toBe('Vladimir Putin');
    expect(q.role).toBe('Russian President');
    expect(quoteWith(seed000, ex000, 'through a working group on cybersecurity').speaker).toBe(
      'Vladimir Putin',
    );
  });

  it('never names a quote after a short form or a title', () => {
    const speakers = new Set(ex000.quotes.map((q) => q.speaker));
    expect([...speakers].sort()).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('lists the indictment as a fact', () => {
    const f = ex000.facts.find((x) => x.text.includes('indicted 12 Russian intelligence officers'));
    expect(f).toBeDefined();
    expect(seed000.paragraphs[f?.paragraph ?? -1]?.slice(f?.start, f?.end)).toBe(f?.text);
    expect(ex000.facts.some((x) => x.text.includes('I addressed directly'))).toBe(false);
  });
});

describe('seed 003 (browser print-out, quote marks lost)', () => {
  it("finds Putin's unmarked quotes", () => {
    for (const needle of [
      'Once again, President Trump mentioned the issue',
      'Any specific material, if such things arise, we are ready to analyze together',
      'The most recent example is their operational cooperation',
      'I reminded President Trump about the suggestion',
    ]) {
      const q = quoteWith(seed003, ex003, needle);
      expect(q.speaker, needle).toBe('Vladimir Putin');
    }
  });

  it('keeps the attribution out of the unmarked quote text', () => {
    const q = quoteWith(seed003, ex003, 'Once again, President Trump mentioned the issue');
    expect(q.text).not.toMatch(/Putin said/);
    expect(q.text.endsWith('several times')).toBe(true);
  });

  it('reads "Putin added that ..." as an indirect quote', () => {
    const q = quoteWith(seed003, ex003, 'Russia favors continued cooperation', 'indirect');
    expect(q.speaker).toBe('Vladimir Putin');
    expect(q.text.startsWith('Russia favors')).toBe(true);
    expect(ex003.quotes.some((x) => x.kind === 'direct' && x.text.includes('Russia favors'))).toBe(false);
  });

  it("treats Coats's lost partial quotes as his reported speech (the marks are gone, the words are his)", () => {
    expect(quoteWith(seed003, ex003, 'warning lights are blinking red again', 'indirect').speaker).toBe(
      'Dan Coats',
    );
    expect(
      quoteWith(seed003, ex003, 'the most aggressive foreign actor, no question', 'indirect').speaker,
    ).toBe('Dan Coats');
  });

  it("does not take the reporter's prose for speech", () => {
    for (const q of ex003.quotes.filter((x) => x.kind === 'direct')) {
      expect(q.text).not.toMatch(/bipartisan rebuke|CrowdStrike|stranger bedfellows/);
    }
  });

  it('lists the indictment as a fact', () => {
    expect(ex003.facts.some((f) => f.text.includes('indicted 12 Russian intelligence officials'))).toBe(true);
  });
});
