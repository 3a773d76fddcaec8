import { describe, expect, it } from 'vitest';
import { direct, run } from './helpers.ts';

const speakerOf = (
  ex: ReturnType<typeof run>,
  needle: string,
): [string | null, string | null, string | null] => {
  const q = ex.quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote with ${needle}`);
  return [q.speaker, q.role, q.verb];
};

describe('attribution forms', () => {
  it.each([
    ['"We will strike on Monday," Ortega told Reuters.', 'Ortega', 'told'],
    ['"We will strike on Monday," Ortega said in a statement.', 'Ortega', 'said'],
    ['"We will strike on Monday," Ortega said in a tweet.', 'Ortega', 'said'],
    ['"We will strike on Monday," Ortega added.', 'Ortega', 'added'],
    ['"We will strike on Monday," Ortega wrote on social media.', 'Ortega', 'wrote'],
    ['"Why should we strike on Monday?" Ortega asked.', 'Ortega', 'asked'],
    ['"We will strike on Monday," said Ortega.', 'Ortega', 'said'],
    ['"We will strike on Monday," according to Ortega.', 'Ortega', 'according to'],
    ['According to Ortega, "we will strike on Monday."', 'Ortega', 'according to'],
    ['Ortega said: "We will strike on Monday."', 'Ortega', 'said'],
    ['Ortega later said, "We will strike on Monday."', 'Ortega', 'said'],
  ])('%s', (text, speaker, verb) => {
    const [s, , v] = speakerOf(run(text), 'strike on Monday');
    expect(s).toBe(speaker);
    expect(v).toBe(verb);
  });

  it('takes the role from an apposition', () => {
    expect(speakerOf(run('"Enough," said Luis Ortega, the union\'s president.'), 'Enough')).toEqual([
      'Luis Ortega',
      "union's president",
      'said',
    ]);
    expect(
      speakerOf(run('Luis Ortega, the union\'s president, said: "Enough is enough."'), 'Enough')[0],
    ).toBe('Luis Ortega');
  });

  it('reads roles written before the name in lower case, without the verb or a possessive determiner', () => {
    const ex = run(
      '"The drive is the whole problem," said county commissioner Rosa Delgado.',
      'Its president, Malcolm Reid, was furious. "We build ships here," Reid said.',
      'Rovers manager Sandra Kowalczyk smiled. "Today we were lucky," Kowalczyk said.',
    );
    expect(speakerOf(ex, 'whole problem')).toEqual(['Rosa Delgado', 'county commissioner', 'said']);
    expect(speakerOf(ex, 'ships')).toEqual(['Malcolm Reid', 'president', 'said']);
    expect(speakerOf(ex, 'lucky')).toEqual(['Sandra Kowalczyk', 'Rovers manager', 'said']);
  });

  it('splits titles off names and drops honorifics', () => {
    const ex = run(
      'Russian President Vladimir Putin arrived late.',
      '"We are ready," Putin said.',
      '"So are we," said Dr. Amelia Hartmann.',
      '"Not me," Ms. Reyes said.',
      '"Me neither," said Chief Executive Margaret Sandoval.',
    );
    expect(speakerOf(ex, 'We are ready')).toEqual(['Vladimir Putin', 'Russian President', 'said']);
    expect(speakerOf(ex, 'So are we')[0]).toBe('Amelia Hartmann');
    expect(speakerOf(ex, 'Not me')[0]).toBe('Reyes');
    expect(speakerOf(ex, 'Me neither')).toEqual(['Margaret Sandoval', 'Chief Executive', 'said']);
  });

  it('merges every short form with the full name in the article', () => {
    const ex = run(
      'President Donald Trump met reporters.',
      '"One," Trump said.',
      '"Two," Mr. Trump said.',
      '"Three," said President Trump.',
    );
    expect(direct(ex).map(([, s]) => s)).toEqual(['Donald Trump', 'Donald Trump', 'Donald Trump']);
  });
});

describe('pronouns and role nouns', () => {
  it('resolves he and she to the most recent compatible person', () => {
    const ex = run(
      'Mayor Elena Ruiz met City Manager Paul Osei on Monday.',
      '"The numbers are what they are," he said.',
      '"We will manage," she said.',
    );
    expect(speakerOf(ex, 'numbers')[0]).toBe('Paul Osei');
    expect(speakerOf(ex, 'manage')[0]).toBe('Elena Ruiz');
  });

  it('prefers the subject over a person merely mentioned', () => {
    const ex = run(
      'Union leader Marcus Webb criticized Governor Tom Hale for the cuts. "This is a betrayal of every worker," he said.',
    );
    expect(speakerOf(ex, 'betrayal')[0]).toBe('Marcus Webb');
  });

  it('resolves the company, the union and a role to what the article named earlier', () => {
    const ex = run(
      'Halvorsen Foods Inc. reported a profit on Thursday. Its chief executive, Margaret Sandoval, was upbeat.',
      'The Transit Workers Union objected.',
      '"We are raising our outlook," the company said in a statement.',
      '"We are not impressed," the union said.',
      '"Our customers will pay for quality," the chief executive said.',
    );
    expect(speakerOf(ex, 'raising')[0]).toBe('Halvorsen Foods');
    expect(speakerOf(ex, 'not impressed')[0]).toBe('Transit Workers Union');
    expect(speakerOf(ex, 'pay for quality')[0]).toBe('Margaret Sandoval');
  });

  it("gives an unnamed spokesperson's words to the organisation, and never borrows a neighbour's speaker", () => {
    const ex = run(
      'Halvorsen Foods Inc. reported results. "Sales were strong this quarter," said Margaret Sandoval.',
      '"We have no comment at this time," a Halvorsen spokeswoman said.',
      '"I am not sure this will hold up," said one analyst, who asked not to be named.',
    );
    expect(speakerOf(ex, 'no comment')[0]).toBe('Halvorsen Foods');
    expect(speakerOf(ex, 'hold up')[0]).toBeNull();
  });

  it('tells people who share a surname apart by first name', () => {
    const ex = run(
      'Rosalind Achebe keeps 40 hives. Her sister, Naomi Achebe, keeps 25.',
      '"People think bees are portable," Rosalind says.',
      '"She is being modest," Naomi says.',
    );
    expect(speakerOf(ex, 'portable')[0]).toBe('Rosalind Achebe');
    expect(speakerOf(ex, 'modest')[0]).toBe('Naomi Achebe');
  });

  it('keeps a first name that is also a month, and takes no common noun for a name', () => {
    const ex = run('June Lin said the gift was for Sundays. "We did not want it to vanish," she said.');
    expect(speakerOf(ex, 'vanish')[0]).toBe('June Lin');
    expect(run('Officials said in May that the vote was close. Several officials left.').quotes).toEqual([]);
  });

  it('never guesses: a pronoun or role with nobody to refer to stays null', () => {
    const ex = run('"It is over," she said.', '"We disagree," the spokesman said.');
    expect(direct(ex)).toEqual([
      ['It is over', null],
      ['We disagree', null],
    ]);
  });
});
