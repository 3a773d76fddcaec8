/**
 * Attribution patterns met in real news (measured on PolNeAR's train split with `npm run eval -- --brat DIR`),
 * each written here as our own sentences. A wrong name is worse than none: several cases assert that the
 * speaker stays unknown or is shown only with low confidence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSpeaker, readsAsEnglish } from '../../src/extract/index.ts';
import { type Entity, readsAsPerson } from '../../src/extract/names.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';
import type { Quote } from '../../src/types.ts';
import { run } from './helpers.ts';

const quoteWith = (quotes: Quote[], needle: string): Quote => {
  const q = quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote with ${needle}: ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
};
const shown = (q: Quote): string | null => (q.confidence >= SPEAKER_SHOWN_MIN ? q.speaker : null);

describe('party and state tags', () => {
  it.each([
    [
      '"We will not back down on this bill," said Rep. Ann Kowalski (R-Fla.), a member of the panel.',
      'Ann Kowalski',
      'R-Fla.',
    ],
    [
      '"The vote is a disgrace to the chamber," Sen. Dale Pruitt, D-N.C., said Tuesday.',
      'Dale Pruitt',
      'D-N.C.',
    ],
    ['Rep. Tom Arliss (D-Ohio) said: "Nobody in my district asked for this."', 'Tom Arliss', 'D-Ohio'],
    [
      '"It is the beginning of cracks in the wall," said Sen. Mara Lindqvist (I-Vt.).',
      'Mara Lindqvist',
      'I-Vt.',
    ],
    [
      'Rep. Peter Hale, Republican of New York, said: "The station gave that voice a home."',
      'Peter Hale',
      'Republican of New York',
    ],
  ])('%s', (text, speaker, tag) => {
    const q = run(text).quotes.find((x) => x.kind === 'direct') as Quote;
    expect(q.speaker).toBe(speaker);
    expect(q.role).toContain(tag);
    expect(shown(q)).toBe(speaker);
  });
});

describe('quote marks as real text writes them', () => {
  it('reads doubled apostrophes as double quotes', () => {
    const ex = run("''If we nominate him, we lose the state,'' said Gov. Mark Ellison of Ohio.");
    const q = quoteWith(ex.quotes, 'If we nominate him');
    expect(q.text).toBe('If we nominate him, we lose the state');
    expect(q.kind).toBe('direct');
    expect(q.speaker).toBe('Mark Ellison');
  });
  it("reads `` … '' as double quotes", () => {
    const q = quoteWith(
      run("``The levee will hold through the spring,'' the engineer Rosa Quint said.").quotes,
      'levee',
    );
    expect(q.text).toBe('The levee will hold through the spring');
  });
  it('pairs German low-high marks', () => {
    const ex = run('„Wir schaffen das“, she wrote. Then Dana Kolb said: "We will manage it together."');
    expect(ex.quotes.some((q) => q.text.includes('sagte') || q.text.includes('she wrote'))).toBe(false);
    expect(quoteWith(ex.quotes, 'manage it together').speaker).toBe('Dana Kolb');
  });
  it('keeps a quote inside a quote as part of the outer quote', () => {
    const q = quoteWith(run('“The memo said ‘never again’ and we meant it,” Ellison said.').quotes, 'memo');
    expect(q.text).toBe('The memo said ‘never again’ and we meant it');
    expect(q.speaker).toBe('Ellison');
  });
});

describe('names next to places and bodies', () => {
  it.each([
    [
      '“We have to look after our progressive wing,” said former Gov. Bill Haskins of New Mexico, a Democrat.',
      'Bill Haskins',
    ],
    [
      '“The pier needs a new roof,” said Representative Owen T. King of Maine, who sits on the panel.',
      'Owen T. King',
    ],
    [
      '“This is an extreme revision,” said David Ferrante of the National Retail Federation.',
      'David Ferrante',
    ],
    ['“Who cares?” said Robert Antonelli of the New York delegation.', 'Robert Antonelli'],
    ['Mr. Burwell of the Tax Policy Center said: “There is no way to keep those promises.”', 'Burwell'],
    ['“I am here to listen,” said Secretary of State Joan Kerrigan.', 'Joan Kerrigan'],
  ])('%s', (text, speaker) => {
    expect(run(text).quotes.find((q) => q.kind === 'direct')?.speaker).toBe(speaker);
  });
});

describe('the speech verb after intervening words', () => {
  it('finds an inverted speaker after a clause', () => {
    const ex = run(
      '"It seems extremely unlikely" that the governor can catch up, said Steve Elbaum, a strategist.',
    );
    expect(quoteWith(ex.quotes, 'extremely unlikely').speaker).toBe('Steve Elbaum');
  });
  it('finds the subject after a clause', () => {
    const ex = run(
      '"More ferries at dawn" would be sensible, independent candidate Ben Carr said after the storm.',
    );
    const q = quoteWith(ex.quotes, 'ferries');
    expect(q.speaker).toBe('Ben Carr');
    expect(q.role).toBe('independent candidate');
  });
  it('reads words after the verb', () => {
    expect(
      quoteWith(
        run('“We will win in November,” Trump said Tuesday at a rally in Dayton, Ohio.').quotes,
        'win',
      ).speaker,
    ).toBe('Trump');
  });
  it('keeps a quote whose speaker cannot be named, without a name', () => {
    const q = quoteWith(
      run('“Rates will rise before the summer,” an analyst at a large bank said.').quotes,
      'Rates',
    );
    expect(q.kind).toBe('direct');
    expect(q.speaker).toBeNull();
  });
  it('drops a one-word label with a nameless attribution', () => {
    expect(
      run('The plan was “outrageous,” one aide said.').quotes.filter((q) => q.kind === 'direct'),
    ).toEqual([]);
  });
});

describe('what is never a speaker', () => {
  it('a place next to the quote is not the speaker', () => {
    const ex = run(
      'Hanna Voss spoke for an hour.',
      '“The county has to stop treating the river like a drain,” Voss said in Ohio.',
    );
    expect(quoteWith(ex.quotes, 'river like a drain').speaker).toBe('Hanna Voss');
    const ex2 = run('“We are not giving up on the state,” South Carolina said.');
    expect(quoteWith(ex2.quotes, 'giving up').speaker).toBeNull();
  });
  it.each([
    ['“The party has lost its way entirely,” Republicans said.'],
    ['Early in the race, he was “a failed candidate with no plan.”'],
    ['“It was a disaster for the whole region,” Pollsters said.'],
  ])('no group word or common word as a name: %s', (text) => {
    for (const q of run(text).quotes) expect(['Republicans', 'Early', 'Pollsters']).not.toContain(q.speaker);
  });
  it('reads a long subject noun phrase to its head', () => {
    const ex = run(
      'Independent mayoral candidate Sen. Bernard Sandoval (I-Vt.) on Sunday rejected the deal, saying it does “not go nearly far enough.”',
    );
    expect(quoteWith(ex.quotes, 'nearly far enough').speaker).toBe('Bernard Sandoval');
  });
  it('an opening adverb is not the subject', () => {
    const ex = run(
      'Early in his campaign, Lorne Trask attacked the mayor, calling him “a failed candidate who lost.”',
    );
    expect(quoteWith(ex.quotes, 'failed candidate').speaker).toBe('Lorne Trask');
  });
});

describe('pronouns: gender, continuity, and honest ambiguity', () => {
  it('uses first-name gender beyond our own list', () => {
    const ex = run(
      'Reginald Okafor and Gwendolyn Marsh met the board on Monday.',
      '“We lost the vote, and we will appeal,” she said.',
    );
    expect(quoteWith(ex.quotes, 'appeal').speaker).toBe('Gwendolyn Marsh');
  });
  it('gives the next "he said" to the person just quoted', () => {
    const ex = run(
      'Tom Reyes, the union leader, spoke first. “We will strike,” Reyes said.',
      'Reyes spoke for ten minutes. “Nobody wants this,” he said.',
    );
    const q = quoteWith(ex.quotes, 'Nobody wants');
    expect(q.speaker).toBe('Tom Reyes');
    expect(shown(q)).toBe('Tom Reyes');
  });
  it('offers the likeliest of two equally likely men only as "possibly"', () => {
    const ex = run(
      '“We will strike,” said Tom Reyes, the union leader.',
      'Later, Martin Holt, the mayor, answered him.',
      '“Nobody wants this,” he said.',
    );
    const q = quoteWith(ex.quotes, 'Nobody wants');
    expect(q.speaker).not.toBeNull();
    expect(shown(q)).toBeNull();
  });
  it('an organisation is never "he"', () => {
    const ex = run(
      'The Chinese Air Force flew over the islands on Friday.',
      '“They try to demonize me,” he said.',
    );
    expect(quoteWith(ex.quotes, 'demonize').speaker).toBeNull();
  });
  it('a title reads as a person: Adm. Harris', () => {
    const ex = run(
      'The Chinese Air Force flew over the islands. Adm. Harris spoke to reporters.',
      '“They try to demonize me,” he said.',
    );
    expect(quoteWith(ex.quotes, 'demonize').speaker).toBe('Harris');
  });
});

describe('reporting verbs, compound subjects, organisations, outlets and documents', () => {
  it.each([
    [
      '“We have the votes and we will pass it,” Cummings and Conyers wrote in a letter.',
      'votes',
      'Cummings and Conyers',
    ],
    ['“This is over and everyone knows it,” Hale fumed.', 'over', 'Hale'],
    ['“What a night for the whole party,” Hale gushed.', 'night', 'Hale'],
    [
      '“We will answer every false claim,” the Quill campaign said in a written note.',
      'false claim',
      'Quill campaign',
    ],
    [
      'Hillary Clinton spoke. “We will respond to every attack,” Clinton’s campaign said.',
      'respond',
      'Clinton campaign',
    ],
    ['“Talks will resume on Monday,” Reuters reported.', 'Talks', 'Reuters'],
    [
      '“Both sides agreed to resume talks on trade,” the joint statement said.',
      'Both sides',
      'the joint statement',
    ],
    ['Gov. Ana Ruiz called the bill "a betrayal of working families" on Friday.', 'betrayal', 'Ana Ruiz'],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
  it('an outlet speaking is an organisation, not a person', () => {
    const ex = run('“Talks will resume on Monday,” Reuters reported.', '“We are ready,” he said.');
    expect(quoteWith(ex.quotes, 'ready').speaker).toBeNull();
  });
  it('a study cited for a fact does not make the fact a paraphrase', () => {
    const ex = run(
      'According to the study, 2.1 percent of children who got the spray reported a runny nose.',
    );
    expect(ex.quotes).toEqual([]);
  });
});

describe('transcripts and interviews', () => {
  it('gives each turn its own quote and its own speaker', () => {
    const ex = run(
      'Jake Tapper interviewed Gov. Mary Fallin on Sunday.',
      'TAPPER: Do you think he has campaigned as a healer?',
      'FALLIN: I think she wants to be seen as a builder, and that is the heart of her pitch.',
      'TAPPER: Why not debate?',
    );
    const turns = ex.quotes.filter((q) => q.kind === 'direct').map((q) => [q.speaker, q.text]);
    expect(turns).toEqual([
      ['Jake Tapper', 'Do you think he has campaigned as a healer?'],
      ['Mary Fallin', 'I think she wants to be seen as a builder, and that is the heart of her pitch.'],
      ['Jake Tapper', 'Why not debate?'],
    ]);
  });
  it('Q: has no named speaker; A: is only "possibly" the interviewee', () => {
    const ex = run(
      'Vice President Joe Biden sat down with us. Biden was relaxed.',
      'Q: Are you surprised by the campaign so far?',
      'A: I am not surprised. Look back at every race of the last ten years.',
    );
    const q = quoteWith(ex.quotes, 'Are you surprised');
    expect(q.speaker).toBeNull();
    const a = quoteWith(ex.quotes, 'I am not surprised');
    expect(a.speaker).toBe('Joe Biden');
    expect(shown(a)).toBeNull();
  });
  it('one labelled line is not a transcript', () => {
    const ex = run('UPDATE: The vote was moved to Friday.', 'BREAKING: Polls close at eight.');
    expect(ex.quotes).toEqual([]);
  });
});

describe('attribution in the next sentence and vox-pop lines', () => {
  it('“…” The senator then said …', () => {
    const ex = run(
      'Lena Ortiz, the senator, spoke after the vote. “It was a rigged process from the start.” The senator then said she would appeal.',
    );
    expect(quoteWith(ex.quotes, 'rigged').speaker).toBe('Lena Ortiz');
  });
  it('the name and role after a dash', () => {
    const q = quoteWith(
      run('“I came because my son lost his job here,” — Maria Alvarez, 54, a nurse from Dayton').quotes,
      'my son',
    );
    expect(q.speaker).toBe('Maria Alvarez');
  });
  it('the name and role on the next line', () => {
    const ex = run(
      'Voters in Dayton were angry.',
      '“I came because my son lost his job here.”',
      '— Maria Alvarez, 54, nurse',
    );
    const q = quoteWith(ex.quotes, 'my son');
    expect(q.speaker).toBe('Maria Alvarez');
    expect(q.role).toBe('nurse');
  });
});

describe('speaker strings carry no debris', () => {
  it('a name glued to page furniture is no name', () => {
    const ex = run(
      '“Send them all back,” said the sign reading Hispanics!”Former Republican.',
      '“OPEN—"Pop-up gallery takes over the old mill,” FAREWELL—"The Blue Door said.',
    );
    for (const q of ex.quotes) if (q.speaker) expect(cleanSpeaker(q.speaker)).toBe(q.speaker);
  });
  it('holds for any mix of names, marks, dashes and verbs (property)', () => {
    const piece = fc.constantFrom(
      '“We will win,”',
      '"It is over."',
      '—',
      ' - ',
      'said',
      'told reporters',
      'Maria Lopez',
      'Sen. Tom Hale (R-Ohio)',
      'the campaign',
      'he',
      'she',
      'Hispanics!”Former',
      'OPEN—"Pop-up',
      '<b>',
      '2016',
      ',',
      '.',
      ':',
      'Q:',
      'TAPPER:',
      "''",
      '``',
      '«',
      '»',
      '„',
      'Reuters reported',
      'the joint statement said',
      'of the New York delegation',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 4 }),
        (paras) => {
          const ex = run(...paras.map((p) => p.join(' ')));
          for (const q of ex.quotes) if (q.speaker !== null) expect(cleanSpeaker(q.speaker)).toBe(q.speaker);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('capitalised words that only look like verbs or bodies', () => {
  it('"States" in "the United States" is no verb of saying', () => {
    const ex = run(
      'Dunn sent out a memo on Friday, insisting that the United States “has to stop treating the river like a drain.”',
    );
    expect(quoteWith(ex.quotes, 'river like a drain').speaker).toBe('Dunn');
  });
  it('a person before an apposition naming a body speaks, not the body', () => {
    const ex = run(
      'Tom Jeffers, the former president of the Dockworkers Union, said the mayor should call back “the way the old mayor called back everyone.”',
    );
    expect(quoteWith(ex.quotes, 'called back everyone').speaker).toBe('Tom Jeffers');
  });
});

describe('more names next to bodies and tags', () => {
  it('a bare party letter joins the role', () => {
    const q = quoteWith(
      run('“The ferry contract was never fair,” said Maine Attorney General Lisa M. Madden (D).').quotes,
      'ferry contract',
    );
    expect(q.speaker).toBe('Lisa M. Madden');
    expect(q.role).toContain('(D)');
  });
  it('a first name the tables know, then "of" a body', () => {
    const q = quoteWith(
      run(
        '“Voters waited for hours outside,” said Meenakshi Ganguly of Harbor Rights Watch, who watched the polls.',
      ).quotes,
      'waited for hours',
    );
    expect(q.speaker).toBe('Meenakshi Ganguly');
  });
  it('a long apposition between the name and the verb', () => {
    const ex = run(
      'Scott Morrow, a former port official who is now a visiting scholar at the Institute for Coastal Studies, said it was “not just the council pushing a friend through.”',
    );
    expect(quoteWith(ex.quotes, 'pushing a friend').speaker).toBe('Scott Morrow');
  });
});

describe('verbs of saying met in real copy', () => {
  it.each([
    [
      'Flooding is “the real emergency of this decade,” Howard Dane, the former governor of Maine, proclaimed to the crowd.',
      'real emergency',
      'Howard Dane',
    ],
    ['Rylan said,“Look, those images have got no place in a campaign.”', 'images', 'Rylan'],
    [
      'Former Arkansas Gov. Mike Hucks, for his part, is labeling the rules “a reckless, careless grab for control.”',
      'grab for control',
      'Mike Hucks',
    ],
    [
      '"Your station is terrific," Trump assured the host. "I am going to keep my word on this."',
      'keep my word',
      'Trump',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('one- or two-word fragments', () => {
  it.each([
    ['Lynch called the handling of the files “extremely careless” on Tuesday.'],
    ['The senator called the plan “a joke.”'],
    ['He railed against the “billionaire class” again, Sanders aides said.'],
  ])('are not direct quotes inside narration: %s', (text) => {
    expect(run(text).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });
  it.each([
    ['“Enough,” Ortega said.', 'Enough'],
    ['“Really?” Ortega asked.', 'Really?'],
  ])('stand as speech when they are the whole utterance: %s', (text, words) => {
    expect(run(text).quotes.find((q) => q.kind === 'direct')?.text).toBe(words);
  });
  it('three or more words inside narration are a partial quote', () => {
    const q = quoteWith(run('Ortega promised “jobs, jobs, jobs” to the crowd in Dayton.').quotes, 'jobs');
    expect(q.kind).toBe('direct');
    expect(q.speaker).toBe('Ortega');
  });
});

describe('one-word names and sentence-opening verbs', () => {
  it('a surname the article has speak is a person a later pronoun can find', () => {
    const ex = run(
      'Hargrove spoke for an hour on Thursday.',
      '“We are alive, unlike the robots you will see next week” at the convention, he said.',
    );
    expect(quoteWith(ex.quotes, 'robots').speaker).toBe('Hargrove');
  });
  it('"Said NAME, ..." opening a sentence', () => {
    const q = quoteWith(
      run(
        'The shop is a museum now. Said Dorothy Poyner, who lived next door, “Everyone on the street was proud of her.”',
      ).quotes,
      'proud',
    );
    expect(q.speaker).toBe('Dorothy Poyner');
    expect(q.role).toBeNull();
  });
});

describe('the sentence before, and appositions after the marks', () => {
  it('a whole-sentence quote after a sentence that reports the speaker', () => {
    const ex = run(
      'Lorna Lynch announced the appeal on Monday against the county. “We are asking the court to look at the rules again.”',
    );
    const q = quoteWith(ex.quotes, 'look at the rules');
    expect(q.speaker).toBe('Lorna Lynch');
    expect(q.evidence).toBe('previous-sentence');
  });
  it('not across another quote', () => {
    const ex = run('“We won,” Hale said. Lorna Lynch announced an appeal. “It is not over for the county.”');
    expect(quoteWith(ex.quotes, 'not over').speaker).toBe('Lorna Lynch');
    // A quote-only paragraph after a paragraph that ends reporting speech takes that speaker...
    const ex2 = run('Lorna Lynch announced an appeal on Monday.', '“It is not over for the county.”');
    expect(quoteWith(ex2.quotes, 'not over').speaker).toBe('Lorna Lynch');
    // ...but not after one that only describes her.
    const ex3 = run('Lorna Lynch walked to the podium on Monday.', '“It is not over for the county.”');
    expect(quoteWith(ex3.quotes, 'not over').speaker).toBeNull();
  });
  it('a name right after the marks with an apposition of several commas', () => {
    const ex = run(
      "''If the board had listened, the pier would still stand,'' Mr. Danilov, now 70 and living in Dayton, Ohio, said by telephone.",
    );
    expect(quoteWith(ex.quotes, 'pier would still stand').speaker).toBe('Danilov');
  });
});

describe('statements, nested closing marks, role heads', () => {
  it('"X issued a statement, “...”"', () => {
    const ex = run(
      'Right after the flood, Trump issued a statement, “This morning, our town lost its oldest bridge.”',
    );
    expect(quoteWith(ex.quotes, 'oldest bridge').speaker).toBe('Trump');
  });
  it("a nested quote closing with the doubled marks: '''", () => {
    const ex = run("''I would call it 'plain-spoken,''' said Gregory W. Slaton, whom the mayor appointed.");
    expect(quoteWith(ex.quotes, 'plain-spoken').speaker).toBe('Gregory W. Slaton');
  });
  it('"the Florida senator" is the one senator in the passage, offered as "possibly"', () => {
    const q = quoteWith(
      run('Sen. Marco Rubin spoke in Iowa. "It is a hard question for all of us," said the Florida senator.')
        .quotes,
      'hard question',
    );
    expect(q.speaker).toBe('Marco Rubin');
    expect(q.evidence).toBe('role');
  });
  it('a dropped one-word fragment does not cut the attribution off from the next quote', () => {
    const ex = run(
      'Group president Gregory T. Angell said it would be “historic” because it would "change the whole harbor for the next fifty years."',
    );
    expect(quoteWith(ex.quotes, 'whole harbor').speaker).toBe('Gregory T. Angell');
  });
});

describe('clauses after the quote, listeners, -ing continuations, apposition chains', () => {
  it('a subordinate clause after the quote is not its attribution', () => {
    const ex = run(
      'Mason Sims, a teacher, says he was “still on the fence about it” until Hale said he was backing the senator.',
    );
    expect(quoteWith(ex.quotes, 'still on the fence').speaker).toBe('Mason Sims');
  });
  it('a phrase opening with a preposition is not a speaker', () => {
    const ex = run(
      'The vote marks "the start of a long decline" for the union, said Geert Wilder, founder of the Harbor Party.',
    );
    expect(quoteWith(ex.quotes, 'long decline').speaker).toBe('Geert Wilder');
  });
  it('whoever follows "told" is the listener', () => {
    const ex = run("Schillinger told WKRP: ''I answered the message. I never wrote it.''");
    expect(quoteWith(ex.quotes, 'answered the message').speaker).toBe('Schillinger');
  });
  it('"X said, adding, ..." continues X', () => {
    const ex = run(
      'Dolan left as soon as the meeting ended, Nefzi said, adding, "He never stayed for the coffee."',
    );
    expect(quoteWith(ex.quotes, 'stayed for the coffee').speaker).toBe('Nefzi');
  });
  it('"shot back" is its own attribution, not inherited', () => {
    const ex = run(
      '“Look at all these people in line,” Paradis said with a grin.',
      '“They only came for the free lunch,” Bennett shot back with a wink.',
    );
    expect(quoteWith(ex.quotes, 'free lunch').speaker).toBe('Bennett');
  });
  it('a name set off by commas in a chain of appositions', () => {
    const ex = run(
      "Only last month, J.J. Goldman, a columnist at The Harbor Herald, a small weekly, wrote, ''When we think about the port, we should think about the next century.''",
    );
    expect(quoteWith(ex.quotes, 'next century').speaker).toBe('J.J. Goldman');
  });
});

describe('coordinated verbs and credits with a bare hyphen', () => {
  it('"smiled and said"', () => {
    const ex = run(
      "When asked whom she backed, Ms. Sherman smiled and said, ''I am holding out for a late entry.''",
    );
    expect(quoteWith(ex.quotes, 'late entry').speaker).toBe('Sherman');
  });
  it('a credit line "-Name, role" under a quote', () => {
    const ex = run(
      '"People keep talking about the pier as if it were already gone."',
      '-Michelle Marken, a professor of law',
    );
    expect(quoteWith(ex.quotes, 'already gone').speaker).toBe('Michelle Marken');
  });
});

describe('long appositions after the marks, and glued marks', () => {
  it('a name after the marks with a long apposition before its verb', () => {
    const ex = run(
      "''Rents are up 4 percent,'' Douglas Fallow-Dunn, a housing adviser to the council and once head of its planning office, wrote after the report came out.",
    );
    expect(quoteWith(ex.quotes, 'Rents are up').speaker).toBe('Douglas Fallow-Dunn');
  });
  it('a closing mark glued to the speaker’s name', () => {
    const ex = run(
      '"The mayor tells each crowd something else,"Carla Penrose, who chairs the group, said in an email.',
    );
    expect(quoteWith(ex.quotes, 'each crowd').speaker).toBe('Carla Penrose');
  });
});

describe('unclosed appositions, compound subjects in narration, headline capitals', () => {
  it('an apposition the writer did not close with a comma', () => {
    const ex = run(
      'Sam Lau, the press officer for the Harbor Traders Guild said in a note. “There is nothing left to count again.”',
    );
    expect(quoteWith(ex.quotes, 'nothing left to count').speaker).toBe('Sam Lau');
  });
  it('"Quill and Reyes issued a statement ..."', () => {
    const ex = run(
      'Quill and Reyes issued a statement calling their talks a “useful first step toward a deal” on Thursday.',
    );
    expect(quoteWith(ex.quotes, 'useful first step').speaker).toBe('Quill and Reyes');
  });
  it('headline words in capitals are never a name', () => {
    const ex = run(
      'VOTERS CARE MORE ABOUT INSPIRATION - Frank Newbold: “We found that, across candidates, inspiration mattered most.”',
    );
    expect(quoteWith(ex.quotes, 'inspiration mattered').speaker).toBe('Frank Newbold');
  });
});

describe('capitalised common words', () => {
  it('an English word the article never uses as a name is at most "possibly" a speaker', () => {
    const q = quoteWith(
      run('Immunity was never on the table.', '“Promise me you will vote,” Immunity said.').quotes,
      'Promise me',
    );
    expect(shown(q)).toBeNull();
  });
  it('a surname that is also a word stays a name when the article uses it as one', () => {
    const ex = run(
      'Senator Warren spoke first, and later Warren took questions.',
      '“We will win this fight,” Warren said.',
    );
    expect(shown(quoteWith(ex.quotes, 'win this fight'))).toBe('Warren');
  });
});

describe('"as X put it", "went on to say", elided subjects, a name before ", who"', () => {
  it.each([
    [
      "As Akhil Amaro, professor of law at Yale, put it, ''The justice they get today may be better for them.''",
      'justice they get',
      'Akhil Amaro',
    ],
    [
      'Trump joked that the pier was his pick, but went on to say, “Some streets here are harder than any place I have seen.”',
      'harder than any place',
      'Trump',
    ],
    [
      '"Everyone is out here taking pictures," Paris, who once drove a bus, said about the crowd.',
      'taking pictures',
      'Paris',
    ],
    [
      "Hillary Clinton cracked, ''I am the one who fixes the potholes.''",
      'fixes the potholes',
      'Hillary Clinton',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('more real-copy forms', () => {
  it.each([
    [
      'After winning Ohio, Gov. John Kasey (R-OH), said, “We are staying in this race until the last county.”',
      'last county',
      'John Kasey',
    ],
    [
      '“We live in Dayton now,” Ebeling said. “We drove back to vote anyway.”',
      'drove back to vote',
      'Ebeling',
    ],
    [
      'Cruz is praising his rival, who quit the race on Saturday, as “a decent man who kept it clean.”',
      'kept it clean',
      'Cruz',
    ],
    [
      'Fox News reported on Friday that “the inquiry now reaches the harbor office too.”',
      'harbor office',
      'Fox News',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
  it('a dropped title between two quotes does not break the speaker’s run', () => {
    const ex = run(
      "''It was crazy,'' said Jon Meachem, the author of ''Destiny,'' a biography.",
      "''He never forgave them for it, and he said so often.''",
    );
    expect(quoteWith(ex.quotes, 'never forgave').speaker).toBe('Jon Meachem');
  });
});

describe('adverbs, prompted speech, glued stops, time phrases, governed names', () => {
  it.each([
    [
      'Trump jokingly said, “I do not know what to do with all of these endorsements.”',
      'endorsements',
      'Trump',
    ],
    [
      "The hearing was so quiet that Mr. Trump was moved to say, ''I can be very calm, you know.''",
      'very calm',
      'Trump',
    ],
    [
      'Korea must act on its weapons. “They have the power to stop it,” Trump said.Trump claimed he learned this from business people.',
      'power to stop',
      'Trump',
    ],
    [
      'Hours later, Trump praised the mayor back, telling Reuters, “She runs a tight ship.”',
      'tight ship',
      'Trump',
    ],
    [
      "In a tribute to Ada Quill, the harbor master then, Mr. Obama decried the ''habit of building on sand.''",
      'building on sand',
      'Obama',
    ],
    ['“Would it be negotiable for the 11 million?” Hannity pressed.', 'negotiable', 'Hannity'],
    [
      '“She set out to show them they were wrong,” remembered Roy Verley, the former spokesman.',
      'show them they were wrong',
      'Roy Verley',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('pointed out, unclosed appositions with a role, long affiliations', () => {
  it.each([
    [
      'But as The Hill pointed out, “Every mayor in the last forty years has published a budget.”',
      'published a budget',
      'The Hill',
    ],
    [
      'Anthony Antonov, president and CEO of the Restaurant Association stated, “This will cost jobs in every kitchen.”',
      'kitchen',
      'Anthony Antonov',
    ],
    [
      'Archbishop Aris Shirvan of the Eastern Diocese of Harbor County told the Associated Press (AP), “Our people know this story well.”',
      'know this story',
      'Aris Shirvan',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('a dropped fragment and the quote after it', () => {
  it('the next quote takes the fragment’s attribution, and no paraphrase shows a stray mark', () => {
    const ex = run(
      'Yet the mayor is also a “safe pair,” Colby said. “She is in a strong place for the autumn vote.”',
    );
    expect(quoteWith(ex.quotes, 'strong place').speaker).toBe('Colby');
    for (const q of ex.quotes.filter((x) => x.kind === 'indirect'))
      expect((q.text.match(/["“”]/g) ?? []).length % 2).toBe(0);
  });
});

describe('shot back, ranks with ordinals, "Back in 1999"', () => {
  it.each([
    [
      'Clinton said she stood up to the banks. Sanders shot back, "The economy has been really crushed by that."',
      'crushed',
      'Sanders',
    ],
    [
      'Asked about the bridge, Rubio fired back sharply: “If they take us to court over it, they will lose.”',
      'take us to court',
      'Rubio',
    ],
    [
      '“The view from the base is very different,” said Army 2nd Lt. Tyler Livingstone.',
      'view from the base',
      'Tyler Livingstone',
    ],
    [
      "Back in 2001, Mr. Trump praised the old mayor, telling WKRP: ''She knew every street by name.''",
      'every street by name',
      'Trump',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('state-only tags, reflexives, hyphenated roles', () => {
  it.each([
    [
      '“She never takes questions,” Harbor Radio co-Host DeMarco Morgen said.',
      'never takes questions',
      'DeMarco Morgen',
    ],
    [
      'Sanders himself acknowledged in a forum on Monday night "the path is narrow" if he loses more ground.',
      'path is narrow',
      'Sanders',
    ],
    [
      'Other candidates were blunt. Sen. Ned Briggs (Tex.) once said he would "close the port until it is fixed."',
      'close the port',
      'Ned Briggs',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('lead-ins with a colon, capitalised verbs after a comma', () => {
  it.each([
    [
      'Former harbor master Hillary Rodham Clinton: "We were only trying to help the boats that asked."',
      'boats that asked',
      'Hillary Rodham Clinton',
    ],
    [
      '“Not our doing, but we like it!” Murphy, the head of the PAC, Tweeted on Friday.',
      'we like it',
      'Murphy',
    ],
    ['“We spoke privately about this last winter,” Hannity started.', 'spoke privately', 'Hannity'],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('a run ending in a title', () => {
  it('names an office, not a person: no "Pennsylvania Gov." as a speaker', () => {
    const ex = run(
      '“Joe can remind the voters,” said former Pennsylvania Gov. and party Chairman Ed Randall.',
    );
    expect(quoteWith(ex.quotes, 'remind the voters').speaker).not.toBe('Pennsylvania Gov.');
  });
});

describe('tags before a colon, "went on", "puts it", opined', () => {
  it.each([
    [
      'Rep. Trey Gowdey (R-S.C.):"Who told you that most of the files were already on the server?"',
      'already on the server',
      'Trey Gowdey',
    ],
    [
      '“These things happen, you know?” Trump went on, not waiting for her. “You just have to move on.”',
      'move on',
      'Trump',
    ],
    [
      'As The Post\'s Ruth Marcos puts it, the president is trying to make them "look like obstructionists."',
      'obstructionists',
      'Ruth Marcos',
    ],
    [
      '"The city is in danger because of legal gun carriers," opined Mayor Frank Jacks.',
      'legal gun',
      'Frank Jacks',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
});

describe('relative "who", titles that are abbreviations', () => {
  it('"Sen. X of STATE, who argued that ..." is X', () => {
    const ex = run(
      'The report gave ammunition to Sen. Marco Rubin of Florida, who argued at the forum that she was "not fit to run the harbor board."',
    );
    expect(quoteWith(ex.quotes, 'run the harbor board').speaker).toBe('Marco Rubin');
  });
  it('"Virginia Gov. Terry McAuliffe": Gov. is a title even after a word that is also a first name', () => {
    const ex = run(
      'Virginia Gov. Terry McAuliffe restored voting rights on Friday.',
      '"With this action, we send a message to them," he said.',
    );
    const q = quoteWith(ex.quotes, 'send a message');
    expect(q.speaker).toBe('Terry McAuliffe');
    expect(q.role).toBe('Virginia Gov.');
  });
});

describe('documents speak for whoever issued them; role heads before "of"', () => {
  it('"the letter said" after "Quill’s campaign sent a letter"', () => {
    const ex = run(
      'Quill\'s campaign sent a letter to donors that looked ahead. "We really need to finish first in the next two counties," the letter said.',
    );
    expect(quoteWith(ex.quotes, 'finish first').speaker).toBe('Quill campaign');
  });
  it('"the secretary of state said" is the secretary of state the passage names', () => {
    const ex = run(
      'The video showed a meeting with Quill and Dover Secretary of State Lena Marsh, at which the secretary of state said, smiling, she was "here to listen to every town" before voting.',
    );
    const q = quoteWith(ex.quotes, 'listen to every town');
    expect(q.speaker).toBe('Lena Marsh');
    expect(q.role).toBe('Dover Secretary of State');
  });
});

describe('organisations as subjects and "it"', () => {
  it('"Quill’s campaign put out a notice saying ..."', () => {
    const ex = run(
      'Soon after the hearing, Rubio’s campaign put out a notice saying Murphy owes “the county a reason for every vote on the pier.”',
    );
    expect(quoteWith(ex.quotes, 'reason for every vote').speaker).toBe('Rubio campaign');
  });
  it('"It added, ..." is only possibly the organisation just named', () => {
    const ex = run(
      '"Nobody from the shop ever called us at GunBroker.com," the company wrote in its note.',
      'It added, "We want nothing to do with that sale."',
    );
    const q = quoteWith(ex.quotes, 'nothing to do with');
    expect(q.speaker).toBe('GunBroker.com');
    expect(shown(q)).toBeNull();
  });
});

describe('whose words a phrase names', () => {
  it('"X’s catch phrase in that race was that Y “...”"', () => {
    const ex = run(
      'Marco Rubin beat Crist in 2010. Rubin’s catch phrase in that race was that Crist “changes his mind with the weather.”',
    );
    expect(quoteWith(ex.quotes, 'with the weather').speaker).toBe('Marco Rubin');
  });
  it('"... in Bolton’s view."', () => {
    const ex = run(
      'John Boltin spoke on the radio on Monday.',
      '“It is a failure on every front” from the docks to the school budget, in Boltin’s view.',
    );
    expect(quoteWith(ex.quotes, 'failure on every front').speaker).toBe('John Boltin');
  });
});

describe('attribution found on real news (second pass)', () => {
  it('a clause with its subject left out after `but now` shares the sentence subject', () => {
    const ex = run(
      'State Rep. Dana Kessler once opposed the ferry plan, but now said the mayor had “the chance and the duty to fix the docks.”',
    );
    expect(quoteWith(ex.quotes, 'fix the docks').speaker).toBe('Dana Kessler');
  });
  it('a quote-only paragraph after a paragraph reporting what someone elaborated is theirs', () => {
    const ex = run(
      'Kessler elaborated in a column for the Ledger that council members who backed the plan might change sides.',
      '“A loss at the harbor would badly weaken the mayor as a candidate in the fall and the council knows it.”',
    );
    expect(quoteWith(ex.quotes, 'loss at the harbor').speaker).toBe('Kessler');
  });
  it('`with X reportedly shouting:` names the shouter', () => {
    const ex = run(
      'Some of her backers shoved a heckler at the Dover rally, with Mayor Ines Kessler reportedly shouting: “Walk him out of this hall right now!”',
    );
    expect(quoteWith(ex.quotes, 'Walk him out').speaker).toBe('Ines Kessler');
  });
  it('a verb of saying inside quotation marks is not the writer’s attribution', () => {
    // `"shouting from the porches"` is the canvasser's phrase; the capitalised opener is no speaker.
    const ex = run(
      'Midtown Dover, “shouting from the porches” for the ferry plan, has Wendell Ames, a retired pilot and “son of the harbor” who left his job to canvass.',
    );
    for (const q of ex.quotes) expect(q.speaker).not.toBe('Midtown Dover');
    expect(ex.quotes.some((q) => q.text.includes('son of the harbor'))).toBe(false);
  });
  it('a quote-only paragraph between two quotes of the same person is theirs', () => {
    const ex = run(
      '“The bond has the votes on the east side and the west side,” Milo Fenwick notes.',
      'Fenwick is hopeful about the bond vote, in part because he sees the plan as fair.',
      '“Not only can the bond pass in May, it is the one measure with the best chance of passing.”',
      '“No other measure has a chance this year, since the levy splits the council,” Fenwick notes.',
    );
    const q = quoteWith(ex.quotes, 'Not only can the bond');
    expect(q.speaker).toBe('Milo Fenwick');
    expect(shown(q)).toBe('Milo Fenwick');
  });
  it('a name inside a quote is not the antecedent of the `he said` after it', () => {
    const ex = run(
      'Across town is Wendell Ames, a retired pilot who quit his job to canvass. Dismayed by the old ferry, he is committed to the mayor.',
      '"I go door to door across the county, telling neighbors about a woman who helped Oscar Lindgren carry the county in the nineties," he said.',
    );
    expect(quoteWith(ex.quotes, 'Oscar Lindgren').speaker).toBe('Wendell Ames');
  });
  it('the speaker after a one-word fragment carries to the `he said` that follows', () => {
    const ex = run(
      'The council’s plan may be "deliberate," said Omar Pell, a professor of planning at the state university. "Every member is talking to their own ward and to the people who elected them," he said.',
    );
    const q = quoteWith(ex.quotes, 'Every member');
    expect(q.speaker).toBe('Omar Pell');
    expect(shown(q)).toBe('Omar Pell');
  });
  it('`the campaign said` is the campaign the article named before', () => {
    const ex = run(
      'Aides to the Kessler campaign said they would appeal the ruling.',
      '“Neither of these letters involves the candidate or the ferry contract,” the campaign said.',
    );
    const q = quoteWith(ex.quotes, 'Neither of these letters');
    expect(q.speaker).toBe('Kessler campaign');
    // A role noun is never shown as a sure name.
    expect(shown(q)).toBeNull();
  });
  it('`a Ledger spokesman said`: the organisation speaks, offered as "possibly"', () => {
    const ex = run('“We have editors checking every claim in that ad,” a Ledger spokesman said.');
    const q = quoteWith(ex.quotes, 'editors checking');
    expect(q.speaker).toBe('Ledger');
    expect(shown(q)).toBeNull();
  });
});

describe('attribution found on real news (third pass)', () => {
  it.each([
    [
      '“We are anxious,” said another Facebook user, Greta Lindqvist. “The storms keep coming closer.”',
      'anxious',
      'Greta Lindqvist',
    ],
    [
      '“The odds are better than even that the court will sit with eight judges,” said another leading Appeals Court lawyer, Andrew J. Pallister of the law firm Moss Brandt.',
      'odds are better',
      'Andrew J. Pallister',
    ],
    [
      'Like Corbin, Menendez also rejected the idea that the council could walk away from the bill, arguing that there is “room for the administration” in the plan.',
      'room for the administration',
      'Menendez',
    ],
    [
      '“Many people are unsure this year,” Thiel wrote in a note to Wired explaining why he will speak at the convention, “but most voters agree that the town is on the wrong track.”',
      'wrong track',
      'Thiel',
    ],
    ['“Carson is sinking,” Texas-based Matt Lowell said.', 'sinking', 'Matt Lowell'],
    [
      'On a podcast last spring, the singer was asked which side she took, for or against. Vance confirmed she had taken one and said, “The business has a deep problem that people prefer not to see.”',
      'deep problem',
      'Vance',
    ],
  ])('%s', (text, needle, speaker) => {
    expect(quoteWith(run(text).quotes, needle).speaker).toBe(speaker);
  });
  it('the subject of a passive verb of saying is who was spoken to, not who spoke', () => {
    const ex = run(
      'Readers in the West were urged to “pay attention and study the old lessons” by a preacher whose sermons circulate online.',
    );
    expect(quoteWith(ex.quotes, 'pay attention').speaker).toBeNull();
  });
  it('a capitalised word made into an adjective is never a speaker', () => {
    const ex = run('“Read the lessons of the past,” said the White House-era files of the old aide.');
    expect(quoteWith(ex.quotes, 'lessons of the past').speaker).toBeNull();
  });
  it('a name modifying a document noun is not its speaker', () => {
    const ex = run(
      'Karl Rove spoke to donors on Monday.',
      'Governor Ada Quill answered on Tuesday.',
      'The Rove ad hits Quill for taking money from banks and claims that “the banks made her a rich woman.”',
    );
    const q = quoteWith(ex.quotes, 'banks made her');
    // Neither the name in the ad's title nor the governor it attacks said it.
    expect(q.speaker ?? '').not.toMatch(/Rove|Quill/);
  });
  it('interjections are not names', () => {
    const ex = run('Oh said the vote was “a total disgrace to the whole county.”');
    expect(quoteWith(ex.quotes, 'disgrace').speaker).toBeNull();
  });
  it('a first name the tables guess as the other gender is offered only as "possibly"', () => {
    // The name tables read `Sidney` as female; the article says `he`.
    const ex = run(
      'Former harbor adviser Sidney Blum spoke on Monday.',
      'Blum was asked a question. He said, “I have no idea. We are old friends.”',
    );
    const q = quoteWith(ex.quotes, 'old friends');
    expect(q.speaker).toBe('Sidney Blum');
    expect(shown(q)).toBeNull();
  });
});

describe('a person introduced between a quote and the next `he said`', () => {
  it('turns the earlier speaker into "possibly"', () => {
    const ex = run(
      '“Workers here feel the loss,” said Aldo Brenner, an economist at the state university.',
      'Outside the plant on Galeana Street, a welder named Tomas Ibarra has nothing but praise for his job.',
      '“The atmosphere is relaxed, a healthy place to work,” he said.',
    );
    expect(shown(quoteWith(ex.quotes, 'atmosphere is relaxed'))).toBeNull();
  });
  it('offers the person introduced in the quote’s own paragraph, as "possibly"', () => {
    const ex = run(
      '“Workers here feel the loss,” said Aldo Brenner, an economist at the state university.',
      'Outside the plant on Galeana Street, a welder named Tomas Ibarra has nothing but praise for his job. “The atmosphere is relaxed, a healthy place to work,” he said.',
    );
    const q = quoteWith(ex.quotes, 'atmosphere is relaxed');
    expect(q.speaker).toBe('Tomas Ibarra');
    expect(shown(q)).toBeNull();
  });
  it('leaves the earlier speaker sure when nobody new is introduced', () => {
    const ex = run(
      '“Workers here feel the loss,” said Aldo Brenner, an economist at the state university.',
      'Outside the plant on Galeana Street, the welders have nothing but praise for their jobs.',
      '“The atmosphere is relaxed, a healthy place to work,” he said.',
    );
    expect(shown(quoteWith(ex.quotes, 'atmosphere is relaxed'))).toBe('Aldo Brenner');
  });
});

describe('a statement speaks for whoever spoke in it', () => {
  it('`X said in a statement ...` then `"...," the statement said` gives X', () => {
    const ex = run(
      'Harbor Arms Group said in a written statement late on Thursday that it had withdrawn the listing.',
      '“Our mission is to honor the law and give buyers a safe place to trade,” the statement said.',
    );
    const q = quoteWith(ex.quotes, 'Our mission');
    expect(q.speaker).toBe('Harbor Arms Group');
    expect(shown(q)).toBeNull();
  });
});

describe('a partial quote whose sentence has a named subject but no verb of saying', () => {
  it('offers the subject as "possibly"', () => {
    const ex = run(
      'Ward Bolton thought some of the buzz was artificially fed, a tribute to “the rare political skills of her husband.”',
    );
    const q = quoteWith(ex.quotes, 'rare political skills');
    expect(q.speaker).toBe('Ward Bolton');
    expect(q.evidence).toBe('subject');
    expect(shown(q)).toBeNull();
  });
  it('lends no more than "possibly" to the quote after it', () => {
    const ex = run(
      'Ward Bolton thought some of the buzz was artificially fed, a tribute to “the rare political skills of her husband.” “Nobody in the party wants to say it out loud.”',
    );
    const q = quoteWith(ex.quotes, 'Nobody in the party');
    expect(shown(q)).toBeNull();
  });
  it('leaves a sentence-opening quote alone', () => {
    const ex = run(
      'Ward Bolton spoke for an hour.',
      '“Nobody in the party wants to say it out loud, and I will not either.”',
    );
    expect(quoteWith(ex.quotes, 'Nobody in the party').evidence).not.toBe('subject');
  });
});

describe('no one is made from a capitalised word opening a sentence', () => {
  it.each([
    'My agents asked me whether the show was “a good fit for the whole family and its fans.”',
    'Worse, as one banker said, “I trust almost none of them, so a real warning could slip past me.”',
    'Global warming - “it is a hoax that nobody in the whole county believes.”',
  ])('%s', (text) => {
    for (const q of run(text).quotes) expect(q.speaker ?? '').not.toMatch(/^(My|Worse|Global)\b/);
  });
  it('`Mr. Quill` in an article is not `Ivanka Quill`', () => {
    const ex = run(
      'Ivanka Quill introduced her father at the rally in Dover on Tuesday night.',
      'Then Mr. Quill took the stage. “She has been a superb partner, and the two of us got a great deal done,” Mr. Quill said.',
    );
    expect(quoteWith(ex.quotes, 'superb partner').speaker).toBe('Quill');
  });
});

describe('who speaks in first-person accounts and remembered replies', () => {
  it('`She remembers Reyes’s reply:` gives Reyes', () => {
    const ex = run(
      'Tom Reyes, the station manager, invited Ada Quill for a drink. She told him she was uneasy. She remembers Reyes’s reply: “I am a man of many sides. That is only one of them.”',
    );
    expect(quoteWith(ex.quotes, 'many sides').speaker).toBe('Tom Reyes');
  });
  it('a bracketed editor’s note after `I` is not the speaker', () => {
    const ex = run(
      'I recall ringing [Harbor Television president] Ada Quill and telling her, “Wait until you meet this new actor, he is our lead.”',
    );
    expect(quoteWith(ex.quotes, 'new actor').speaker).toBeNull();
  });
  it('`alleged` attributes like `said`', () => {
    const ex = run(
      'In court papers, Mara Quill alleged that her landlord had “threatened her and her children for months.”',
    );
    expect(shown(quoteWith(ex.quotes, 'threatened her'))).toBe('Mara Quill');
  });
});

describe('elect titles', () => {
  it('`the president-elect said` is the President-elect named before, as "possibly"', () => {
    const ex = run(
      'President-elect Ada Quill named Tom Reyes to the harbor board on Tuesday.',
      '“He is a tireless advocate of the working waterfront,” the president-elect said on Tuesday.',
    );
    const q = quoteWith(ex.quotes, 'tireless advocate');
    expect(q.speaker).toBe('Ada Quill');
    expect(shown(q)).toBeNull();
  });
});

describe('lead-in words before a colon', () => {
  it('`Transcript as follows:` names no one', () => {
    const ex = run(
      'Quill spoke to supporters in Dover on Monday night.',
      'Transcript as follows:',
      '“Tonight we arrived in Dover, and we went to a diner, and the whole town came out to meet us.”',
    );
    expect(quoteWith(ex.quotes, 'Tonight we arrived').speaker).not.toBe('Transcript');
  });
});

describe('an unnamed person speaking for an organisation', () => {
  it('`a Brightwater spokesman` is Brightwater when the article writes of it as a thing', () => {
    const ex = run(
      'Brightwater said it was looking into every complaint it had received.',
      '“Abuse has no home on our service, and we act on each report,” a Brightwater spokesman said.',
    );
    const q = quoteWith(ex.quotes, 'Abuse has no home');
    expect(q.speaker).toBe('Brightwater');
    expect(shown(q)).toBeNull();
  });
  it('`a spokeswoman for Dunmore Networks` is Dunmore Networks', () => {
    const ex = run(
      'The hosting firm was asked about the deleted files.',
      '“We never kept copies of any client’s data,” a spokeswoman for Dunmore Networks said.',
    );
    expect(quoteWith(ex.quotes, 'never kept copies').speaker).toBe('Dunmore Networks');
  });
  it('`one Quill campaign aide` is the Quill campaign, never Ada Quill', () => {
    const ex = run(
      'Sen. Ada Quill spent Monday in Dover.',
      '“We will not dignify these smears with an answer,” one Quill campaign aide said.',
    );
    const q = quoteWith(ex.quotes, 'dignify these smears');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('`a senior Quill aide` is the Quill campaign only when the article names that campaign', () => {
    const named = run(
      'Sen. Ada Quill spent Monday in Dover, and the Quill campaign later released her schedule.',
      '“She will not be taking questions on the bridge,” a senior Quill aide said.',
    );
    expect(quoteWith(named.quotes, 'taking questions').speaker).toBe('Quill campaign');
    const unnamed = run(
      'Sen. Ada Quill spent Monday in Dover.',
      '“She will not be taking questions on the bridge,” a senior Quill aide said.',
    );
    expect(quoteWith(unnamed.quotes, 'taking questions').speaker).toBeNull();
  });
  it('`a Quill spokesman` never gives Quill, whose words these are not', () => {
    const ex = run(
      'Quill said he would travel to the port on Friday.',
      '“He has nothing more to add on the port deal,” a Quill spokesman said.',
    );
    expect(quoteWith(ex.quotes, 'nothing more to add').speaker).toBeNull();
  });
  it.each(['a Malaysian official', 'a Republican official'])('`%s` names no organisation', (who) => {
    const ex = run(`“The ships will not be allowed to dock at any of our ports,” ${who} said.`);
    expect(quoteWith(ex.quotes, 'not be allowed to dock').speaker).toBeNull();
  });
});

describe("someone known only as a named person's relation (issue 9)", () => {
  const intro = 'Sen. Ada Quill toured the ferry terminal in Dover on Monday.';
  it.each([
    '“We are going to carry every county on the coast,” said Ada Quill’s closest adviser.',
    '“We are going to carry every county on the coast,” said Sen. Ada Quill’s husband.',
    '“We are going to carry every county on the coast,” according to Ada Quill’s spokesman.',
    'According to Ada Quill’s chief of staff, “we are going to carry every county on the coast.”',
  ])('`%s` never gives Ada Quill', (line) => {
    const q = quoteWith(run(intro, line).quotes, 'every county on the coast');
    expect(q.speaker ?? '').not.toMatch(/Quill/);
    expect(shown(q)).toBeNull();
  });
  it('a staffer of the campaign speaks for it, offered only as "possibly"', () => {
    const ex = run(
      intro,
      '“We are going to carry every county on the coast,” said Ada Quill’s deputy campaign manager.',
    );
    const q = quoteWith(ex.quotes, 'every county on the coast');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('a relation as the subject does not pass the words to the speaker before', () => {
    const ex = run(
      'Ada Quill was born in 1951 in Harbor Falls, a mill town.',
      '“The whole street knew what went on in that house,” Quill’s brother Tom said when I visited the farm. Her parents split up in 1969. In divorce filings, Quill’s mother claimed that her husband “had locked her out of the house for a week.”',
    );
    expect(quoteWith(ex.quotes, 'whole street knew').speaker).toBe('Tom');
    expect(shown(quoteWith(ex.quotes, 'locked her out'))).toBeNull();
  });
  // Guards: a name in apposition to the relation still speaks, before it or after it.
  it.each([
    [
      'Marta Ellison, Quill’s in-state communications director, said the senator would “carry every county on the coast.”',
      'Marta Ellison',
    ],
    [
      '“We are going to carry every county on the coast,” said Quill’s spokesman, Brian Fallow.',
      'Brian Fallow',
    ],
    [
      'Ada Quill’s closest adviser, Tom Reyes, told the crowd: “We are going to carry every county on the coast.”',
      'Tom Reyes',
    ],
    ['“We are going to carry every county on the coast,” said Tom Reyes, Ada Quill’s husband.', 'Tom Reyes'],
  ])('`%s` gives %s', (line, speaker) => {
    const q = quoteWith(run(intro, line).quotes, 'every county on the coast');
    expect(shown(q)).toBe(speaker);
  });
  it.each([
    ['“We are going to carry every county on the coast,” Quill’s office said.', 'Quill office'],
    ['“We are going to carry every county on the coast,” Quill’s campaign said.', 'Quill campaign'],
  ])('`%s` stays the organisation', (line, speaker) => {
    expect(quoteWith(run(intro, line).quotes, 'every county on the coast').speaker).toBe(speaker);
  });
});

describe('a name inside a relative clause of the subject does not speak', () => {
  const intro = ['Tom Reyes runs the mill in Dover.', 'Ada Quill was on the ballot this year.'];
  it.each([
    'The woman who beat Reyes said the race was “a sad day for the whole town.”',
    'A former supporter who still backs Reyes wrote: “It is a sad day for the whole town.”',
    'A woman who backs Reyes rallied supporters, saying: “It is a sad day for the whole town.”',
    'One of Quill’s onetime donors who still backs Reyes wrote in an email that the race was “a sad day for the whole town.”',
  ])('`%s` never gives Tom Reyes', (line) => {
    const q = quoteWith(run(...intro, line).quotes, 'for the whole town');
    expect(q.speaker ?? '').not.toMatch(/Reyes/);
    expect(shown(q)).toBeNull();
  });
  it('the name in apposition to that subject speaks', () => {
    const ex = run(
      ...intro,
      'One of Quill’s onetime donors who still backs Reyes, former Dover mayor Marta Ellison, wrote in an email that the race was “a sad day for the whole town.”',
    );
    expect(shown(quoteWith(ex.quotes, 'for the whole town'))).toBe('Marta Ellison');
  });
  // Guards: the relative clause's own subject speaks (`whom she called`), and a clause after `that` or `until`
  // has a subject of its own.
  it.each([
    ['Marta Ellison spoke about Quill, whom she called “a sad case for the whole town.”', 'Marta Ellison'],
    [
      'Voters argued over who won the vote until Marta Ellison said it was “a sad day for the whole town.”',
      'Marta Ellison',
    ],
  ])('`%s` gives %s', (line, speaker) => {
    expect(quoteWith(run(...intro, line).quotes, 'for the whole town').speaker).toBe(speaker);
  });
});

describe('the object of a preposition in the subject does not speak', () => {
  const intro = ['Tom Reyes runs the mill in Dover.', 'The Dover Ledger covers the town.'];
  it.each([
    'A source close to Reyes said, “The mill will close before the winter comes.”',
    'Another source speaking to the Dover Ledger said, “The mill will close before the winter comes.”',
    'An official briefed by Reyes said the mill would “close before the winter comes.”',
  ])('`%s` names no one', (line) => {
    const q = quoteWith(run(...intro, line).quotes, 'before the winter comes');
    expect(q.speaker).toBeNull();
  });
  // Guards: a name before the preposition, a title, a name with a preposition inside it, `with` before an -ing
  // verb, and `after`, which opens a clause.
  it.each([
    [
      'Marta Ellison of the Dover Ledger said the mill would “close before the winter comes.”',
      'Marta Ellison',
    ],
    ['Editor in chief Marta Ellison said the mill would “close before the winter comes.”', 'Marta Ellison'],
    [
      'The Council on Fair Wages Director Marta Ellison said the mill would “close before the winter comes.”',
      'Marta Ellison',
    ],
    [
      'Workers blamed the owners, with Reyes noting that the mill would “close before the winter comes.”',
      'Tom Reyes',
    ],
    ['The crowd cheered after Reyes said the mill would “close before the winter comes.”', 'Tom Reyes'],
  ])('`%s` gives %s', (line, speaker) => {
    expect(shown(quoteWith(run(...intro, line).quotes, 'before the winter comes'))).toBe(speaker);
  });
});

describe('a word opening the sentence before a pronoun subject', () => {
  it('`Yet she fears ... Reyes ...: "..."` is never Reyes', () => {
    const ex = run(
      'Tom Reyes runs the mill.',
      'Marta Ellison works at the mill.',
      'Ellison says the mill is all she has. Yet she fears the board’s trust in Reyes will only make things worse: “The mill will close before the winter comes.”',
    );
    const q = quoteWith(ex.quotes, 'before the winter comes');
    expect(q.speaker).toBe('Marta Ellison');
    // A pronoun's referent, not a name in the sentence: offered as "possibly".
    expect(shown(q)).toBeNull();
  });
});

describe('an -ing verb after a verb of saying whose subject we cannot name', () => {
  it('`The company wrote a letter to its owner, Tom Reyes, calling ...` never gives Tom Reyes', () => {
    const ex = run(
      'Tom Reyes runs the mill.',
      'The company wrote a long letter to the mill’s owner, Tom Reyes, calling the audit “false and deliberately misleading.”',
    );
    expect(quoteWith(ex.quotes, 'deliberately misleading').speaker ?? '').not.toMatch(/Reyes/);
  });
  it('a name as that subject still speaks', () => {
    const ex = run(
      'Marta Ellison wrote a long letter to the mill’s owner, Tom Reyes, calling the audit “false and deliberately misleading.”',
    );
    expect(shown(quoteWith(ex.quotes, 'deliberately misleading'))).toBe('Marta Ellison');
  });
});

describe('a closing quotation mark ends the quoted words', () => {
  it('`... beat Ada Quill,” the governor said` gives the governor, not Ada Quill', () => {
    const ex = run(
      'Gov. Tom Reyes defended his endorsement on his radio show.',
      '“I have known him for years and he is the one to beat Ada Quill,” the governor said.',
    );
    expect(quoteWith(ex.quotes, 'known him for years').speaker).toBe('Tom Reyes');
  });
});

describe('capitals after a hyphenated modifier', () => {
  it('`the pro-Harbor Union Facebook page` makes no person of `Union Facebook`', () => {
    const ex = run(
      'The pro-Harbor Union Facebook page gained followers. Facebook said it had removed some of the posts.',
      '“Pages that call for violence break our rules,” a Facebook spokeswoman said.',
    );
    const q = quoteWith(ex.quotes, 'Pages that call');
    expect(q.speaker).toBe('Facebook');
  });
});

describe('a source introduced with a role in the paragraph before the quote', () => {
  it('offers that person for the `she said` opening the next paragraph, as "possibly"', () => {
    const ex = run(
      'Commissioner Ruth Abernathy said the harbor vote would go ahead.',
      'To the maritime historian Lena Vogt, the decision looked rushed.',
      '“It was settled before anyone asked the crews,” she said.',
    );
    const q = quoteWith(ex.quotes, 'settled before anyone');
    expect(q.speaker).toBe('Lena Vogt');
    expect(shown(q)).toBeNull();
  });
  it('keeps the earlier subject when the paragraph before already speaks of `she`', () => {
    const ex = run(
      'Commissioner Ruth Abernathy said the harbor vote would go ahead.',
      'She told the maritime historian Lena Vogt that the decision was final.',
      '“It was settled before anyone asked the crews,” she said.',
    );
    expect(quoteWith(ex.quotes, 'settled before anyone').speaker).toBe('Ruth Abernathy');
  });
});

describe('documents that read, and statements introduced by `In a statement,`', () => {
  it('`," the email read.` gives whoever sent the email', () => {
    const ex = run(
      'The Quill campaign sent a fundraising email on Wednesday, calling the race a contest of two.',
      '“Friend, I will be brief. We can win this. They cannot,” the email read.',
    );
    expect(quoteWith(ex.quotes, 'I will be brief').speaker).toBe('Quill campaign');
  });
  it('`In a statement, X announced ...` makes X the issuer of `the statement said`', () => {
    const ex = run(
      'In a statement, Harbor Arms Group announced that it would close two of its stores.',
      '“Our staff will be offered places at the other branches,” the statement said.',
    );
    const q = quoteWith(ex.quotes, 'Our staff will be offered');
    expect(q.speaker).toBe('Harbor Arms Group');
    expect(shown(q)).toBeNull();
  });
  it('`the editorial said` gives the newspaper the passage names', () => {
    const ex = run(
      'The Dunmore Times urged the mayor to step aside in an editorial on Friday.',
      '“A city that cannot pay its teachers cannot afford this mayor,” the editorial said.',
    );
    expect(quoteWith(ex.quotes, 'cannot pay its teachers').speaker).toBe('Dunmore Times');
  });
});

describe('a party or a people is no one person', () => {
  it('`a longtime Republican pollster` leaves the pollster, not `Republican`, for the next `he added`', () => {
    const ex = run(
      '“First they blamed the weather for the delays,” said Tom Ashby, a longtime Republican pollster. These days, he added, “they blame the port for everything.”',
    );
    expect(quoteWith(ex.quotes, 'blame the port').speaker).toBe('Tom Ashby');
  });
  it('`Reyes, a Dover Democrat` gives Reyes for the next `he said`', () => {
    const ex = run(
      'Rep. Luis Reyes, a Dover Democrat who has the teachers’ backing, wants more money for schools.',
      '“Fully funding public schools will come first for me,” he said.',
    );
    expect(quoteWith(ex.quotes, 'Fully funding').speaker).toBe('Luis Reyes');
  });
});

describe('outlets, venues and numbers are no antecedent for he/she', () => {
  it.each([
    ['Dover Sun-Times', false],
    ['Harbor Inn', false],
    ['Republican', false],
    ['Jupiter Democrat', false],
    ['Tom Ortiz', true],
    // A first name from our list, then a surname that is also a sentence-opening word, is a person.
    ['Rex Early', true],
    ['Maria Democrat', false],
    ['Earlier Today', false],
  ])('`%s` reads as a person: %s', (name, expected) => {
    const entity: Entity = {
      id: 0,
      name,
      type: 'person',
      gender: null,
      roles: [],
      company: false,
      forms: new Set(),
    };
    expect(readsAsPerson(entity)).toBe(expected);
  });
  it('`Eight years ago, he ...` makes no one of `Eight`', () => {
    const ex = run(
      'Eight years ago, he backed the other candidate and said, “She has never done a thing for this town.”',
    );
    expect(quoteWith(ex.quotes, 'never done a thing').speaker).toBeNull();
  });
});

describe('a role noun right after a quote in a sentence about one person', () => {
  it('`Quill defends ... in an ad: "...," the senator says` gives Quill over another senator named before', () => {
    const ex = run(
      'Sen. Tom Reyes lost his seat over the port deal in 2010.',
      'Ada Quill defends her record in an ad running on Dover television: “Keeping the harbor open is a matter of jobs,” the senator says to the camera.',
    );
    const q = quoteWith(ex.quotes, 'Keeping the harbor open');
    expect(q.speaker).toBe('Ada Quill');
    expect(shown(q)).toBeNull();
  });
  it('not when the person is what the role noun says (`Quill is so reckless, the senator said, that “...”`)', () => {
    const ex = run(
      'Sen. Tom Reyes spoke at the union hall.',
      'Ada Quill is so reckless, the senator said, that he would never have let his son serve under her, “not for a single day.”',
    );
    expect(quoteWith(ex.quotes, 'not for a single day').speaker).not.toBe('Ada Quill');
  });
});

describe('people introduced in passing', () => {
  it('`a Dover, N.H., resident named Carol` gives Carol for the next `she said`, never `N.H.`', () => {
    const ex = run(
      'The woman who began it told reporters she was a 52-year-old Dover, N.H., resident named Carol.',
      '“Nobody told me to say it,” she said. Once the words were out, she said, “The whole row behind me started clapping.”',
    );
    expect(quoteWith(ex.quotes, 'Nobody told me').speaker).toBe('Carol');
    expect(quoteWith(ex.quotes, 'whole row behind me').speaker).toBe('Carol');
  });
  it('`called Quill’s remarks` makes no first name of Quill', () => {
    const ex = run(
      'Sen. Ada Quill spoke first. Party Chairman Tom Reyes called Quill’s remarks on the port a “new low” for the campaign.',
      '“That was good for the harbor, and it was good for the jobs here,” she added.',
    );
    expect(quoteWith(ex.quotes, 'good for the harbor').speaker).toBe('Ada Quill');
  });
  it('`Neera Vance, a Quill supporter and head of the Harbor Fund,` is a person for the next `she said`', () => {
    const ex = run(
      'Sen. Ada Quill opened the hearing.',
      'Neera Vance, a Quill supporter and head of the Harbor Fund, asked the former mayor about the port. She said she asked “to build on the mayor’s own remarks.”',
    );
    expect(quoteWith(ex.quotes, 'build on the mayor').speaker).toBe('Neera Vance');
  });
});

describe("`'s` as `has` or `is`", () => {
  it("`Quill's been making the case ...` makes Quill the subject for the next `he said`", () => {
    const ex = run(
      'Tom Quill and Dan Reyes met again in Dover on Saturday. Reyes spoke first, about the port.',
      'Quill’s been telling voters since spring that the port deal is not ready. “You have never had to answer for a single decision,” he said.',
    );
    expect(quoteWith(ex.quotes, 'never had to answer').speaker).toBe('Tom Quill');
  });
});

describe('`her campaign said`', () => {
  it('gives the campaign of the person `her` means, never that person', () => {
    const ex = run(
      'Sen. Ada Quill has been asked about the port deal for weeks.',
      '“The senator has answered every question about the port,” her campaign said in a statement.',
    );
    const q = quoteWith(ex.quotes, 'answered every question');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
});

describe('who speaks after `said his best friend at Dover, Tom Reyes`', () => {
  it('the name after the comma, not the place after the preposition', () => {
    const ex = run(
      'He quit the family firm, “to show his father he could stand alone,” said his old roommate at Dover, Tom Reyes, who remembered it well. “He spent years trying to prove that one point.”',
    );
    expect(quoteWith(ex.quotes, 'show his father').speaker).toBe('Tom Reyes');
    expect(quoteWith(ex.quotes, 'prove that one point').speaker).toBe('Tom Reyes');
  });
});

describe('a confidant or ally is never the person they are close to', () => {
  it('`one Quill confidant` is the Quill campaign when the article names it, else unknown', () => {
    const named = run(
      'Ada Quill and the Quill campaign spent the week in Dover.',
      '“You may lose a few of the elites at one end of the party,” one Quill confidant said.',
    );
    expect(quoteWith(named.quotes, 'lose a few').speaker).toBe('Quill campaign');
    const unnamed = run(
      'Ada Quill spent the week in Dover.',
      '“You may lose a few of the elites at one end of the party,” one Quill confidant said.',
    );
    expect(quoteWith(unnamed.quotes, 'lose a few').speaker).toBeNull();
  });
});

describe('`the group said` after a group is named', () => {
  it('gives the foundation named just before', () => {
    const ex = run(
      'Dover Arms Inc. listed the gun for sale on Monday.',
      'The Harbor Light Foundation, set up in the boy’s name, distanced itself from the sale.',
      '“This season we are focused on our scholarship work,” the group said Sunday in a statement.',
    );
    expect(quoteWith(ex.quotes, 'focused on our scholarship').speaker).toBe('Harbor Light Foundation');
  });
  it('not a city or a building named just before', () => {
    const ex = run(
      'Marchers gathered at Dover City Hall on Sunday.',
      '“Power to the people of this town!” the group said.',
    );
    expect(quoteWith(ex.quotes, 'Power to the people').speaker).toBeNull();
  });
});

describe('who spoke last, in paraphrase too', () => {
  it('`..., said Ashcombe, a former officer.` makes Ashcombe the one the next `he said` means', () => {
    const ex = run(
      'Tom Ashcombe and Dan Penrose are running. Rep. Ron Ashby spoke first, about the port.',
      'Federal rules are a burden on schools, said Ashcombe, a Dover Republican who founded two companies.',
      '“There is more time spent on forms than on teaching,” he said.',
    );
    const q = quoteWith(ex.quotes, 'more time spent on forms');
    expect(q.speaker).toBe('Tom Ashcombe');
  });
  it('`Ashcombe and Penrose argued ...` then `he said` is not sure of either', () => {
    const ex = run(
      'Tom Ashcombe and Dan Penrose are running.',
      'Federal rules are a burden on schools, said Ashcombe, a Dover Republican.',
      'Ashcombe and Penrose, a Tampa Republican, told the forum the agency should be closed.',
      '“Only someone who distrusts every state would keep that agency,” he said.',
    );
    expect(shown(quoteWith(ex.quotes, 'distrusts every state'))).toBeNull();
  });
  it('... but of the two the one just quoted is likelier, only "possibly" (issue 9)', () => {
    const ex = run(
      'Tom Ashcombe and Dan Penrose are running.',
      'Federal rules are a burden on schools, said Ashcombe, a Dover Republican.',
      'Ashcombe and Penrose, a Tampa Republican, told the forum the agency should be closed.',
      '“Only someone who distrusts every state would keep that agency,” he said.',
    );
    const q = quoteWith(ex.quotes, 'distrusts every state');
    expect(q.speaker).toBe('Tom Ashcombe');
    expect(shown(q)).toBeNull();
  });
  it('`Briggs and Gov. Tom Ashcombe arrived ...` / `"I held them," he said`: the mayor, quoted just before', () => {
    const ex = run(
      '“We will not forget them,” Mayor Carl Briggs told reporters after meeting the families.',
      'Briggs and Gov. Tom Ashcombe arrived at the hospital on Thursday morning.',
      '“I held them and I listened to them,” he said.',
    );
    expect(quoteWith(ex.quotes, 'I held them').speaker).toBe('Carl Briggs');
  });
});

describe('towns, labels and other languages', () => {
  it('`The Dover, North Dakota, police chief, Tom Reyes, has asserted` gives Tom Reyes, never the town', () => {
    const ex = run(
      'The sheriff spoke on Monday. The Dover, North Dakota, police chief, Tom Reyes, has asserted that the agencies “can use whatever force is necessary to keep the peace”.',
    );
    expect(quoteWith(ex.quotes, 'whatever force').speaker).toBe('Tom Reyes');
  });
  it('`Michael Reyes of Dover, Del.,` stays a person', () => {
    const ex = run(
      'Another delegate, Michael Reyes of Dover, Del., explained his late support for the mayor.',
      '“It is time to stand behind our candidate,” he declared.',
    );
    expect(quoteWith(ex.quotes, 'stand behind our candidate').speaker).toBe('Michael Reyes');
  });
  it('`said ... Tom Sobel, U.S. head of ...` is Tom Sobel (the country after the comma is no state)', () => {
    const ex = run(
      '“Nobody alive has seen the port this quiet,” said former Treasury official Tom Sobel, U.S. head of the Harbor Forum.',
    );
    expect(quoteWith(ex.quotes, 'port this quiet').speaker).toBe('Tom Sobel');
  });
  it('`Review: "..."` names no one', () => {
    const ex = run(
      'Review: “The crust stays crisp even after ten minutes in a cheap oven, which surprised me.”',
    );
    expect(quoteWith(ex.quotes, 'crust stays crisp').speaker).toBeNull();
  });
  it('a name found in an article in another language is only offered as "possibly"', () => {
    const ex = run(
      'Die Händler am Hafen bleiben ruhig, auch wenn die Schiffe seit Wochen später anlegen als geplant. Deshalb sagt Anna Berger: „Die Regale werden jeden Morgen neu gefüllt, niemand muss sich Sorgen machen.“',
      '„Die Schiffe kommen später, aber sie kommen“, sagt die Händlerin Anna Berger.',
    );
    for (const q of ex.quotes) expect(shown(q)).toBeNull();
  });
  it('an English article keeps its names', () => {
    expect(readsAsEnglish(['“We will rebuild the pier by June,” said Mayor Ada Quill of Dover.'])).toBe(true);
    expect(
      readsAsEnglish([
        'Die Händler sehen keinen Grund zur Sorge, sagt die Sprecherin der Kette am Montag.'.repeat(3),
      ]),
    ).toBe(false);
  });
});

describe('a first name with an apposition', () => {
  it('`Daniel, a university senior who ...` is a person the next `he said` may mean, over the earlier speaker', () => {
    const ex = run(
      '“They feel like they are being silenced,” Lipman said.',
      'Daniel, a senior at the state university, said it was “tiring” to hear his teachers mock the result.',
      '“People here think nobody on this campus could have voted the other way,” he said.',
    );
    const q = quoteWith(ex.quotes, 'nobody on this campus');
    expect(q.speaker).toBe('Daniel');
  });
});

describe('`chimed in` attributes like `said`', () => {
  it('`another student chimed in` names no one, and does not carry the earlier speaker', () => {
    const ex = run(
      '“Wearing a tie to class is our way of rebelling,” said Tom Ashby, a sophomore in the debate club. “Our parents marched; we dress up,” he said.',
      '“Or we just like the look of a blazer,” another student chimed in.',
    );
    expect(quoteWith(ex.quotes, 'look of a blazer').speaker).toBeNull();
    expect(quoteWith(run('“We are not done yet,” Ada Quill chimed in.').quotes, 'not done yet').speaker).toBe(
      'Ada Quill',
    );
  });
});

describe('a sentence opener before the pronoun, and `who` without a comma', () => {
  it('`But he also said that "..."` and `Recently she announced ..., "..."` find the subject', () => {
    const but = run(
      'Mayor Ray Tully spoke twice at the hall on Tuesday.',
      'But he also said that "the council will not stall this a third time," and that, on the budget, "the pools stay open all summer."',
    );
    expect(quoteWith(but.quotes, 'stall this a third time').speaker).toBe('Ray Tully');
    expect(quoteWith(but.quotes, 'pools stay open').speaker).toBe('Ray Tully');
    const recently = run(
      'Dana Pruitt runs a small club for fans of the mayor. Recently she announced on her page, in capital letters, "I am leaving the old party for good today!"',
    );
    expect(quoteWith(recently.quotes, 'leaving the old party').speaker).toBe('Dana Pruitt');
  });

  it('`a post from Marta Ellison who wrote, "..."` is hers; `who` after a place or a body is not a person', () => {
    const ex = run(
      'Among the replies was a post from Marta Ellison who wrote, "You never follow the rules at all."',
    );
    expect(shown(quoteWith(ex.quotes, 'never follow the rules'))).toBe('Marta Ellison');
    const place = run('Crowds gathered in Dover who chanted, "Open the gates of the old mill now."');
    expect(quoteWith(place.quotes, 'gates of the old mill').speaker).toBeNull();
  });
});

describe('`wondered` and `promises` attribute like `said`', () => {
  it.each([
    [
      'Harold Benz was troubled by the plan.',
      '"Who would trust the port after a year like this?" he wondered.',
      'trust the port',
    ],
    [
      'Ray Tully vows to fine the mill.',
      '"As sure as you stand here, they will phone me within a day," he promises.',
      'phone me within a day',
    ],
  ])('%s', (intro, line, needle) => {
    const q = quoteWith(run(intro, line).quotes, needle);
    expect(q.speaker).toBe(intro.split(' ').slice(0, 2).join(' '));
  });
});

describe('`As for X, he said`: the topic before the comma is who the pronoun means', () => {
  it('the topic speaks, the earlier speaker does not; a topic of the other gender is not taken', () => {
    const ex = run(
      'Carla Hines and Vera Osei met the voters in Reno. Vera Osei warned against a split ticket. "It would be a disaster for every one of us," Osei said.',
      'As for Carla Hines, she said she is not worried. "I will have the votes by Friday, believe me," she said.',
    );
    expect(quoteWith(ex.quotes, 'not worried').speaker).toBe('Carla Hines');
    expect(quoteWith(ex.quotes, 'votes by Friday').speaker).toBe('Carla Hines');
    const other = run(
      'Victor Osei spoke first and left. Paul Ward stayed behind.',
      'As for Carla Hines, he said she was "the best pick the board could make this year."',
    );
    expect(quoteWith(other.quotes, 'best pick the board').speaker).not.toBe('Carla Hines');
  });
});

describe('a verb of saying that opens the sentence is never part of a name', () => {
  it('`Replied Stephen, "..."` and `replied Stephen` credit Stephen Lane, never "Replied Stephen"', () => {
    const ex = run(
      'Stephen Lane and his father, Jerry Lane, run the club together.',
      '"Dad, we should take the kid from Ohio," replied Stephen.',
      'Replied Stephen, "That is where the old ballpark sat, right there."',
      'Recalled Jerry, "We argued about that pick for a whole night."',
    );
    for (const q of ex.quotes) expect(q.speaker ?? '').not.toMatch(/^(Replied|Recalled)/);
    expect(quoteWith(ex.quotes, 'kid from Ohio').speaker).toBe('Stephen Lane');
    expect(quoteWith(ex.quotes, 'old ballpark').speaker).toBe('Stephen Lane');
    expect(quoteWith(ex.quotes, 'whole night').speaker).toBe('Jerry Lane');
  });

  it('`beams` attributes like `says`', () => {
    const ex = run('Jerry Lane owns the club. "We talked them out of the orange paint," Lane beams.');
    expect(quoteWith(ex.quotes, 'orange paint').speaker).toBe('Jerry Lane');
  });
});

describe('an unnamed person is who the next pronoun means, never the body they belong to', () => {
  it('`One student at Dover College said he ...` names no one: not the college, not the last person quoted', () => {
    const ex = run(
      'Dan Reyes leads the campus club. "We meet on Fridays in the old gym," Reyes said.',
      'One student at Dover College said he kept his views to himself all year. "People were so careful that nobody said what they thought," he said.',
    );
    for (const q of ex.quotes.filter((x) => !x.text.includes('old gym'))) {
      expect(q.speaker).not.toBe('Dover College');
      expect(shown(q)).toBeNull();
    }
    expect(quoteWith(ex.quotes, 'nobody said what they thought').speaker).toBeNull();
  });

  it('`a student at Harbor University wrote that he had found "..."` is not the last speaker', () => {
    const ex = run(
      'Ann Lipton runs the forum. "They feel they cannot speak," Lipton said.',
      'In an essay titled "Why I Changed My Vote," a student at Harbor University wrote that he had found "a lively and varied community of free thinkers."',
    );
    const q = quoteWith(ex.quotes, 'community of free thinkers');
    expect(q.speaker).not.toBe('Ann Lipton');
    expect(q.speaker).not.toBe('Harbor University');
  });

  it('an apposition is no unnamed person: `Dana, a senior at Dover who ..., said` keeps her name', () => {
    const ex = run(
      'Dan Reyes leads the campus club.',
      'Dana, a senior at Dover College who asked that her last name not be used, said the jokes hurt.',
      '"There is an assumption that nobody here voted the other way," she said.',
    );
    expect(quoteWith(ex.quotes, 'nobody here voted').speaker).toBe('Dana');
  });
});

describe('a document and who sent it', () => {
  it('`an email Dean Ada Quill sent students, conceding that "..."` is her words, not the sentence subject\'s', () => {
    const ex = run(
      'Tom Dubek studies at Dover. "Nobody on this campus speaks for me," Dubek said.',
      'He mocked an email Dean Ada Quill sent students a week later, conceding that there "had been ugly events on our campus this fall" and promising to do better.',
    );
    expect(quoteWith(ex.quotes, 'ugly events').speaker).toBe('Ada Quill');
  });
});

describe('words inside quotation marks never name the speaker', () => {
  it('a quoted title that is the subject of the next clause is no speaker', () => {
    const ex = run(
      'The Dunmore handbook sets out its leave policy. "Parental Care Leave," the handbook says, is granted to staff "once they have worked a full year, for up to ten weeks."',
    );
    const q = quoteWith(ex.quotes, 'worked a full year');
    expect(q.speaker ?? '').not.toMatch(/Parental|Care|Leave/);
    for (const x of ex.quotes) expect(x.speaker ?? '').not.toMatch(/Parental Care Leave/);
  });
});

describe('an unnamed party member is no one: not the party, not the place', () => {
  it('`said a Dover Republican, who answered anonymously` names no one, never the Dover Democratic Party', () => {
    const ex = run(
      'The Dover Democratic Party met on Monday night.',
      '"The mayor will lose in the end, though not in a single week," said a Dover Republican, who answered anonymously.',
      'Another Dover Democrat said, "Nobody here expects an upset this time."',
    );
    for (const q of ex.quotes) expect(q.speaker).toBeNull();
  });

  it('an apposition still names the person: `Tom Arliss, a Dover Republican, said`', () => {
    const ex = run('Tom Arliss, a Dover Republican, said, "We will not pay for this plan at all."');
    expect(quoteWith(ex.quotes, 'pay for this plan').speaker).toBe('Tom Arliss');
  });

  it.each([
    '“The vote count in the north will surprise everyone,” another Maine Republican said.',
    '“The vote count in the north will surprise everyone,” one Maine Democrat told me.',
  ])('the comma closing a quote sets off no apposition: `%s` names no one', (line) => {
    const q = quoteWith(run(line).quotes, 'vote count in the north');
    expect(q.speaker).toBeNull();
  });

  it('after a quote, an apposition still names the person: `Ted Carver, a Maine Republican, said`', () => {
    const ex = run(
      '“The vote count in the north will surprise everyone,” Ted Carver, a Maine Republican, said.',
    );
    expect(quoteWith(ex.quotes, 'vote count in the north').speaker).toBe('Ted Carver');
  });
});

describe('titles in capitals (CEO, GM, VP, Realtor) and imperatives before a name: the person speaks, the title joins the role', () => {
  it.each([
    ['"Our pension fund is safe for another decade," said Brantwell CEO Nora Haskins.', 'Brantwell CEO'],
    ['"Our pension fund is safe for another decade," said ACB CEO Nora Haskins.', 'ACB CEO'],
    [
      '"Our pension fund is safe for another decade," says Hornets GM Nora Haskins, who took over in May.',
      'Hornets GM',
    ],
  ])('`%s` gives Nora Haskins, role %s', (line, role) => {
    const q = quoteWith(run(line).quotes, 'pension fund is safe');
    expect(q.speaker).toBe('Nora Haskins');
    expect(q.role).toBe(role);
  });

  it.each([
    ['"Rents will keep climbing until the spring," Realtor Halvorsen said.', 'Halvorsen', 'Realtor'],
    [
      '"Rents will keep climbing until the spring," said Tenbury VP Nora Haskins.',
      'Nora Haskins',
      'Tenbury VP',
    ],
  ])('`%s` gives %s, role %s', (line, who, role) => {
    const q = quoteWith(run(line).quotes, 'keep climbing');
    expect(q.speaker).toBe(who);
    expect(q.role).toBe(role);
  });

  it('an imperative opening the sentence is no part of the name: `Ask Nora Haskins, the coach, ...`', () => {
    const ex = run(
      'Ask Nora Haskins, the coach of the rowing club, about the new boathouse. "It leaks every single winter," she said.',
    );
    const q = quoteWith(ex.quotes, 'leaks every single');
    expect(q.speaker).toBe('Nora Haskins');
    expect(q.role ?? '').not.toMatch(/Ask/);
  });

  it('a headline in capitals is still no name', () => {
    const ex = run(
      'FERRY FARES RISE AGAIN said the banner over the dock: "Nobody asked the riders this time."',
    );
    for (const q of ex.quotes) expect(q.speaker ?? '').not.toMatch(/FERRY|FARES/);
  });

  it('the company alone still speaks: `"...," ACB said in a statement`', () => {
    const q = quoteWith(
      run('"Our pension fund is safe for another decade," ACB said in a statement.').quotes,
      'pension fund is safe',
    );
    expect(q.speaker).toBe('ACB');
  });
});

describe('a capitalised title alone is the role, not a name', () => {
  it.each([
    'Ada Quill won the count in the end. "We carried every ward but one," the President-elect wrote in a post.',
    'Ada Quill won the count in the end. "We carried every ward but one," the Governor said.',
    'Ada Quill won the count in the end. "We carried every ward but one," the Ohio Governor said.',
  ])('`%s` shows no title as a name', (text) => {
    const q = quoteWith(run(...text.split(/(?<=end\.) /)).quotes, 'every ward but one');
    expect(q.speaker ?? '').not.toMatch(/President|Governor/);
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a title the article uses as the name of someone stays: `King said` of Tom King', () => {
    const ex = run('Tom King opened the hearing.', '"The bill is going nowhere this year," King said.');
    expect(quoteWith(ex.quotes, 'going nowhere').speaker).toBe('Tom King');
  });
});

describe('a spokesman for a body, in a sentence that quotes a few words: the body', () => {
  it('`A spokesman for Dunmore Networks said the plan was "..."` gives Dunmore Networks', () => {
    const q = quoteWith(
      run(
        'A spokesman for Dunmore Networks said the merger was "on hold for now, not abandoned" by its board.',
      ).quotes,
      'on hold for now',
    );
    expect(q.speaker).toBe('Dunmore Networks');
  });
});

describe('`the 52-year-old said`: an age for the person the passage is about', () => {
  it('offers the subject just before, only as "possibly"', () => {
    const ex = run(
      'Carla Mendes took the stage in Dover on Friday night.',
      'Mendes, who runs a bakery on Harbor Street, spoke about her late father.',
      '“He taught me that every loaf is a promise,” the 52-year-old said.',
    );
    const q = quoteWith(ex.quotes, 'every loaf is a promise');
    expect(q.speaker).toBe('Carla Mendes');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('inverted: `said the 52-year-old`', () => {
    const ex = run(
      'Carla Mendes took the stage in Dover on Friday night.',
      '“He taught me that every loaf is a promise,” said the 52-year-old.',
    );
    const q = quoteWith(ex.quotes, 'every loaf is a promise');
    expect(q.speaker).toBe('Carla Mendes');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('nobody named nearby: no one', () => {
    const ex = run(
      'The bakery on Harbor Street has stood for forty years.',
      '“He taught me that every loaf is a promise,” the 52-year-old said.',
    );
    expect(quoteWith(ex.quotes, 'every loaf is a promise').speaker).toBeNull();
  });
});

describe('`she said` after a paragraph that names someone else', () => {
  it('is no longer sure it is the woman quoted before', () => {
    const ex = run(
      'Mia Dunn runs the family hotels now.',
      '“Owners who mean what they say know their staff,” said Nora Bell, a professor at Dover College.',
      'Aides say Mia Dunn also advises her father on wages and child care.',
      '“Every worker here gets a fair hearing on pay,” she said at the convention.',
    );
    const q = quoteWith(ex.quotes, 'Every worker here');
    expect(shown(q)).toBeNull();
  });
  it('stays sure when the paragraph between names no one else', () => {
    const ex = run(
      'Mia Dunn runs the family hotels now.',
      '“Owners who mean what they say know their staff,” said Nora Bell, a professor at Dover College.',
      'The college has studied hotel staff for a decade.',
      '“Every worker here gets a fair hearing on pay,” she said.',
    );
    const q = quoteWith(ex.quotes, 'Every worker here');
    expect(shown(q)).toBe('Nora Bell');
  });
});

describe('`the organization said` after a group is named', () => {
  it('gives the group named just before, only as "possibly"', () => {
    const ex = run(
      'The rifle was listed for sale on Tuesday.',
      'Harbor Arms Group said on Thursday that it had pulled the listing from its site.',
      '“Our mission is a safe market for collectors, and this sale does not serve it,” the organization wrote.',
    );
    const q = quoteWith(ex.quotes, 'safe market for collectors');
    expect(q.speaker).toBe('Harbor Arms Group');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('not a city hall named just before', () => {
    const ex = run(
      'Marchers gathered at Dover City Hall on Sunday.',
      '“Our mission is a safe market for collectors, and this sale does not serve it,” the organisation said.',
    );
    expect(quoteWith(ex.quotes, 'safe market for collectors').speaker).toBeNull();
  });
});

describe('`And Quill, ..., seems to agree.`: a name after a sentence-opening `And` is the subject', () => {
  it('`he said` after it is Quill, not the man quoted before', () => {
    const ex = run(
      'Mayor Paul Quill signed the harbor energy deal on Monday.',
      'Tom Reyes, who runs the Harbor Institute, has argued for nuclear power for years.',
      '“No town has cut its bills with wind alone,” Reyes said.',
      'And Quill, for all the deals he struck this year, seems to agree. “We do not yet know what will work best,” he said.',
    );
    expect(quoteWith(ex.quotes, 'what will work best').speaker).toBe('Paul Quill');
  });
  it('an `and` inside a sentence still joins a name to an object', () => {
    const ex = run(
      'Tom Reyes, who runs the Harbor Institute, has argued for nuclear power for years.',
      '“No town has cut its bills with wind alone,” Reyes said at a forum with Nora Bell and Paul Quill.',
      '“We do not yet know what will work best,” he said.',
    );
    expect(quoteWith(ex.quotes, 'what will work best').speaker).toBe('Tom Reyes');
  });
});

describe('`She has touted it as "..."`: a partial quote whose subject is `he` or `she`, no verb of saying', () => {
  it('offers the person the pronoun means, only as "possibly"', () => {
    const ex = run(
      'Ada Quill opened her campaign office in Dover on Monday.',
      'She has long touted the harbor fund as “the finest public works plan in the state” in her ads.',
    );
    const q = quoteWith(ex.quotes, 'finest public works');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('nobody the pronoun can mean: no one', () => {
    const ex = run(
      'The council met in Dover on Monday.',
      'She has long touted the harbor fund as “the finest public works plan in the state” in her ads.',
    );
    const q = ex.quotes.find((x) => x.text.includes('finest public works'));
    expect(q?.speaker ?? null).toBeNull();
  });
});

describe('`Was Reyes satisfied?`: a question opening with an auxiliary', () => {
  it('the name after `Was` is the subject a later `he said` means', () => {
    const ex = run(
      'At a diner in Dover last month, Quill supporter Tom Reyes asked Sen. Mark Quill about farm visas.',
      'Quill talked about the bill he wrote this year. Quill said the program needed limits.',
      'Was Reyes satisfied with the answer?',
      '“Only partly,” he said. “He changed the subject.”',
    );
    expect(quoteWith(ex.quotes, 'Only partly').speaker).toBe('Tom Reyes');
  });
  it('`Will` opening a name stays a first name', () => {
    const ex = run('“We will build the bridge this year,” Will Hardy said.');
    expect(quoteWith(ex.quotes, 'build the bridge').speaker).toBe('Will Hardy');
  });
});

describe('`the foundation predicts`: a body named by its noun, with a verb of saying in the present', () => {
  it('gives the foundation named before, only as "possibly"', () => {
    const ex = run(
      'Bowling alleys are closing across the state, according to the Harlow Bowling Foundation.',
      'Forty alleys shut last year, a slide the foundation predicts is set to last “for at least a decade more.”',
    );
    const q = quoteWith(ex.quotes, 'for at least a decade more');
    expect(q.speaker).toBe('Harlow Bowling Foundation');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('a forecast model that predicts is no one', () => {
    const ex = run(
      'Rain fell on Dover for a week.',
      'The forecast model predicts “a long and very wet spring for the valley” this year.',
    );
    const q = ex.quotes.find((x) => x.text.includes('long and very wet'));
    expect(q?.speaker ?? null).toBeNull();
  });
});

describe('a surname that is also a common opening word (`Rex Early`)', () => {
  it('is a person a later `he said` can mean', () => {
    const ex = run(
      'Tom Ortiz, the district chairman, said he backs the governor. Ortiz spoke first.',
      'Quill’s state chairman, Rex Early, a former party leader, said he would seek a delegate slot.',
      'Told of the district’s mood, Early called it “news to me.”',
      '“We are going to do something about it this weekend,” he said.',
    );
    expect(quoteWith(ex.quotes, 'do something about it').speaker).toBe('Rex Early');
  });
});

describe('documents and organisation nouns give their issuer, only as "possibly" (issue 9)', () => {
  it('`the email adds` after `X emailed volunteers` gives X', () => {
    const ex = run(
      'Marta Ellison, deputy chair of the Quill campaign, emailed volunteers on Sunday, telling them, “We are close.”',
      'The email adds: “Bring water and good shoes to the Saturday canvass.”',
    );
    const q = quoteWith(ex.quotes, 'Bring water and good shoes');
    expect(q.speaker).toBe('Marta Ellison');
    expect(shown(q)).toBeNull();
  });
  it('`read the email` after `his campaign sent donors an email` gives the campaign', () => {
    const ex = run(
      'Tom Reyes spoke in Dover on Friday.',
      'Two days later his campaign sent donors an email asking for five dollars each. “Every small gift keeps the lights on in our field offices,” read the email.',
    );
    const q = quoteWith(ex.quotes, 'Every small gift keeps');
    expect(q.speaker).toBe('Reyes campaign');
    expect(shown(q)).toBeNull();
  });
  it('`the ad claims` after `The Ada Quill campaign is releasing an ad` gives the campaign', () => {
    const ex = run(
      'The Ada Quill campaign is releasing a new radio ad Monday aimed at Tom Reyes.',
      'The ad claims “Ada is the mayor you can count on.”',
    );
    const q = quoteWith(ex.quotes, 'mayor you can count on');
    expect(q.speaker).toBe('Ada Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('`the memo stated` after `a Quill campaign memo went to reporters` gives the campaign', () => {
    const ex = run(
      'A Quill campaign memo went to reporters before the polls closed.',
      '“Our volunteers knocked on more doors in the north than anyone expected,” the memo stated.',
    );
    const q = quoteWith(ex.quotes, 'knocked on more doors');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it("guard: a memo about a campaign is not the campaign's memo", () => {
    const ex = run(
      'The town council read a memo about the Quill campaign on Monday.',
      '“The rally permit was never filed,” the memo said.',
    );
    const q = quoteWith(ex.quotes, 'rally permit was never');
    expect(q.speaker).not.toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('guard: an email from a campaign named in the same sentence as a rival stays "possibly"', () => {
    const ex = run(
      'An email from the Quill campaign on Friday attacked the Reyes campaign over its ads.',
      '“They have not told you the truth about the port,” the email said.',
    );
    const q = quoteWith(ex.quotes, 'truth about the port');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('`the company said` with no company known gives the name that opens the sentence before', () => {
    const ex = run(
      'Tom Reyes lost two jobs on Monday.',
      'Pellwood Insider also weighed in on his weekly segment, saying the two sides had only a handshake deal.',
      '“He remains welcome on our pages whenever he wants to write,” the company said on Friday.',
    );
    const q = quoteWith(ex.quotes, 'remains welcome on our pages');
    expect(q.speaker).toBe('Pellwood Insider');
    expect(shown(q)).toBeNull();
  });
  it('guard: `the company said` after a person opens the sentence before gives no person', () => {
    const ex = run(
      'Marta Ellison also weighed in on the deal, saying she had not read the contract.',
      '“He remains welcome on our pages whenever he wants to write,” the company said on Friday.',
    );
    const q = quoteWith(ex.quotes, 'remains welcome on our pages');
    expect(q.speaker).not.toBe('Marta Ellison');
    expect(shown(q)).toBeNull();
  });
  it('`the statement said` right after `X responded that ...` in the same paragraph gives X', () => {
    const ex = run(
      'The Reyes campaign replied on Wednesday that its lease was signed in March. “The landlord was paid in full before the first rally,” the statement said.',
    );
    const q = quoteWith(ex.quotes, 'paid in full before the first rally');
    expect(q.speaker).toBe('Reyes campaign');
    expect(shown(q)).toBeNull();
  });
  it('guard: `the statement said` after a sentence where nobody responds stays the statement', () => {
    const ex = run(
      'The Reyes campaign on Wednesday signed a new lease. “The landlord was paid in full before the first rally,” the statement said.',
    );
    const q = quoteWith(ex.quotes, 'paid in full before the first rally');
    expect(q.speaker).toBe('the statement');
    expect(shown(q)).toBeNull();
  });
  it('`the column noted` after `a column in the Dunmore Ledger newspaper` gives the paper', () => {
    const ex = run(
      'Quill’s remark did not go over well abroad.',
      'A weekly column in the Dunmore Ledger newspaper mocked the remark.',
      '“Nobody in the harbor towns will forget a slight like this one,” the column noted.',
    );
    const q = quoteWith(ex.quotes, 'forget a slight like this');
    expect(q.speaker).toBe('Dunmore Ledger');
    expect(shown(q)).toBeNull();
  });
  it('guard: a column in no named paper gives no paper', () => {
    const ex = run(
      'Quill’s remark did not go over well abroad.',
      'A weekly column in a regional newspaper mocked the remark.',
      '“Nobody in the harbor towns will forget a slight like this one,” the column noted.',
    );
    const q = quoteWith(ex.quotes, 'forget a slight like this');
    expect(q.speaker ?? 'the column').toBe('the column');
    expect(shown(q)).toBeNull();
  });
  it('guard: a document with no named issuer stays the document', () => {
    const ex = run('The town voted on Tuesday.', '“The budget is not balanced,” the memo stated.');
    const q = quoteWith(ex.quotes, 'budget is not balanced');
    expect(q.speaker).toBe('the memo');
    expect(shown(q)).toBeNull();
  });
});

describe('`the Maine senator and Democratic mayoral candidate said`: one person described twice (issue 9)', () => {
  it('resolves the first description, only as "possibly"', () => {
    const ex = run(
      'Sen. Ada Quill spoke first, attacking Gov. Tom Reyes late on Tuesday.',
      '“The harbor plan is a disgrace to every family in this state,” the Maine senator and Democratic mayoral candidate said in a statement.',
    );
    const q = quoteWith(ex.quotes, 'disgrace to every family');
    expect(q.speaker).toBe('Ada Quill');
    expect(shown(q)).toBeNull();
  });
  it('guard: `the senator and the governor` are two people: not the senator alone', () => {
    const ex = run(
      'Sen. Ada Quill spoke first, attacking Gov. Tom Reyes late on Tuesday.',
      '“The harbor plan is a disgrace to every family in this state,” the senator and the governor said in a joint statement.',
    );
    const q = quoteWith(ex.quotes, 'disgrace to every family');
    expect(q.speaker).not.toBe('Ada Quill');
    expect(shown(q)).toBeNull();
  });
});

describe('`..., but Fallow, who ..., is blunt`: a name after a clause-opening conjunction is a subject (issue 9)', () => {
  const first = 'Rep. Tom Fallow of Dover voted against the trade bill in March.';
  it('`he said` after it is that person, not the economist quoted before', () => {
    const ex = run(
      first,
      '“Cheap steel did not close those mills by itself,” said Paul Ellison, an economist at Dover College. Many lawmakers have long backed open markets, but Fallow, who once ran a hardware store, is blunt about where he stands. “We have to protect the towns that make things,” he said.',
    );
    const q = quoteWith(ex.quotes, 'protect the towns');
    expect(q.speaker).toBe('Tom Fallow');
    expect(shown(q)).toBeNull();
  });
  it('guard: `but not Fallow` makes no subject', () => {
    const ex = run(
      first,
      '“Cheap steel did not close those mills by itself,” said Paul Ellison, an economist at Dover College. Many lawmakers have long backed open markets, but not Fallow, who once ran a hardware store. “We have to protect the towns that make things,” he said.',
    );
    expect(quoteWith(ex.quotes, 'protect the towns').speaker).toBe('Paul Ellison');
  });
});

describe('`a new "Dock Street" only because Quill agreed`: a clause after a quoted title is no attribution (issue 9)', () => {
  it('`he said` after it stays with the man who said it, not the man who agreed', () => {
    const ex = run(
      '“Old shows bring their own audience with them,” said Tom Fallow of Harbor Television. Fallow said he bought a new “Dock Street” only because Paul Quill agreed to write it. (“We asked the first writers to finish their story,” he said.)',
    );
    expect(quoteWith(ex.quotes, 'finish their story').speaker).toBe('Tom Fallow');
  });
  it('guard: a name and its verb right after the marks still attribute', () => {
    const ex = run('“We asked the first writers to finish their story,” Paul Quill agreed on Monday.');
    expect(shown(quoteWith(ex.quotes, 'finish their story'))).toBe('Paul Quill');
  });
});

describe('`one Quill ad declared`: an ad speaks for whoever runs it, only as "possibly" (issue 9)', () => {
  const first = 'Ada Quill and Tom Reyes traded blows all week over the harbor.';
  it('a person’s ad gives that person’s campaign', () => {
    const ex = run(
      first,
      '“Reyes will sell the harbor to the highest bidder,” one Quill ad declared on Friday.',
    );
    const q = quoteWith(ex.quotes, 'highest bidder');
    expect(q.speaker).toBe('Quill campaign');
    expect(shown(q)).toBeNull();
  });
  it('a body’s ad gives the body', () => {
    const ex = run(first, '“Reyes will sell the harbor to the highest bidder,” a new Harbor Union ad says.');
    expect(quoteWith(ex.quotes, 'highest bidder').speaker).toBe('Harbor Union');
  });
  it('guard: an ad named for a place gives no one', () => {
    const ex = run(first, '“Reyes will sell the harbor to the highest bidder,” a Maine ad says.');
    expect(quoteWith(ex.quotes, 'highest bidder').speaker).toBeNull();
  });
});

describe('`Even before Reyes spoke, his campaign sent a text saying: "..."` (issue 9)', () => {
  const first = 'Paul Quill won the vote in Dover by a wide margin.';
  const text = (who: string): string =>
    `Even before ${who} spoke on Tuesday night, his campaign sent a text to supporters saying: “We are not done, and we will win the state.”`;
  it('the campaign of the man named earlier in the sentence speaks, only as "possibly"', () => {
    const q = quoteWith(run(first, text('Tom Reyes')).quotes, 'we will win the state');
    expect(q.speaker).toBe('Reyes campaign');
    expect(shown(q)).toBeNull();
  });
  it('guard: a woman named in the sentence does not own `his`', () => {
    const q = quoteWith(run(first, text('Ada Holt')).quotes, 'we will win the state');
    expect(q.speaker).not.toBe('Holt campaign');
    expect(shown(q)).toBeNull();
  });
});

describe('`aides say Mia Dunn also advises ...`: after unnamed people’s `say`, the name is a subject (issue 9)', () => {
  const first =
    '“Firms that mean what they say pick their suppliers with care,” said Nora Bell, a professor at Dover College.';
  const last = '“Every worker here gets a fair hearing on pay,” she said at the convention.';
  it('`she said` after it offers that woman, only as "possibly"', () => {
    const ex = run(
      first,
      'Beyond the new leave policy, aides say Mia Dunn also advises her mother on pay and child care.',
      last,
    );
    const q = quoteWith(ex.quotes, 'fair hearing on pay');
    expect(q.speaker).toBe('Mia Dunn');
    expect(shown(q)).toBeNull();
  });
  it('guard: after a named person’s `says`, the woman who says it stays likelier', () => {
    const ex = run(
      first,
      'Beyond the new leave policy, Bell says Mia Dunn also advises her mother on pay and child care.',
      last,
    );
    expect(quoteWith(ex.quotes, 'fair hearing on pay').speaker).toBe('Nora Bell');
  });
});

describe('a paper the outlet list does not know, written of as one (`the editors of The Lantern`) (issue 9)', () => {
  const opening = 'A Dover newspaper urged Ada Quill to visit the flooded towns.';
  const story = (paper: string, cue: string): string[] => [
    opening,
    `${paper} had already scolded the governor for staying away on holiday.`,
    'Quill did visit, but only after the newspaper’s editorial told her to leave her “quiet summer retreat by the lake” and come home.',
    cue,
    '“If she wants to lead the state, she should come and see the water,” the editorial said.',
  ];
  it('`the newspaper’s editorial` and `the editorial said` give that paper, only as "possibly"', () => {
    const ex = run(
      ...story('The Lantern', 'The editors of The Lantern aimed a second editorial at Quill on Friday.'),
    );
    for (const needle of ['quiet summer retreat', 'come and see the water']) {
      const q = quoteWith(ex.quotes, needle);
      expect(q.speaker).toBe('Lantern');
      expect(shown(q)).toBeNull();
    }
  });
  it('a two-word paper the name tables took for a woman’s name', () => {
    const ex = run(
      ...story(
        'The Harbor Courier',
        'The editors of the Harbor Courier aimed a second editorial at Quill on Friday.',
      ),
    );
    expect(quoteWith(ex.quotes, 'come and see the water').speaker).toBe('Harbor Courier');
  });
  it('guard: `a Dover newspaper` is a paper from a place, not a paper named Dover', () => {
    const ex = run(...story('The Lantern', 'Quill aimed a speech at the paper on Friday.'));
    expect(quoteWith(ex.quotes, 'come and see the water').speaker).not.toBe('Dover');
  });
});

describe('an epithet (`the Maine governor`) when no one is a subject but one person alone is named (issue 9)', () => {
  it('gives that person, only as "possibly"', () => {
    const ex = run(
      'DOVER - At the moment Tom Fallow learned he had lost the debate slot, he was on his 44th day in the state. Sooner or later, the Maine governor told reporters, “the long days start to pay off.”',
    );
    const q = quoteWith(ex.quotes, 'long days start to pay off');
    expect(q.speaker).toBe('Tom Fallow');
    expect(shown(q)).toBeNull();
  });
  it('guard: two people named and neither a subject gives no one', () => {
    const ex = run(
      'DOVER - At the moment Tom Fallow learned he had lost the debate slot to Paul Quill, he was on his 44th day in the state. Sooner or later, the Maine governor told reporters, “the long days start to pay off.”',
    );
    expect(quoteWith(ex.quotes, 'long days start to pay off').speaker).toBeNull();
  });
});

describe('an epithet for someone the article brought in unnamed as a source (`One official said`) (issue 9)', () => {
  const suspect =
    'Police said Colm Varga, 41, was held overnight after the fire at the depot on Tanner Road. One fire department official said the crews found three fuel cans near the loading bay.';
  it('offers no named person for `the official said`: the unnamed official is who it means', () => {
    const ex = run(
      suspect,
      '“Whoever lit it knew exactly where the cans would do the most damage,” the official said.',
    );
    const q = quoteWith(ex.quotes, 'knew exactly where the cans');
    expect(q.speaker).toBeNull();
  });
  it('likewise after `said a`: `..., said a county fire official who asked not to be named`', () => {
    const ex = run(
      'Police said Colm Varga, 41, was held overnight after the fire at the depot on Tanner Road.',
      '“The depot had no alarm on the back gate,” said a county fire official who asked not to be named.',
      'Varga has not entered a plea.',
      '“We are still waiting on the lab,” the official added.',
    );
    expect(quoteWith(ex.quotes, 'still waiting on the lab').speaker).toBeNull();
  });
  it('guard: a lede that brings someone in unnamed, not as a source, and names them next', () => {
    const ex = run(
      'A lawmaker in Dunmore wants the new bypass closed to lorries at night.',
      'Ines Parra filed the motion on Monday, after a month of complaints from families along the route.',
      'The lawmaker, who chairs the transport panel, said the night traffic had become “a kind of slow torture for the whole street.”',
    );
    expect(quoteWith(ex.quotes, 'slow torture').speaker).toBe('Ines Parra');
  });
  it('guard: an apposition (`Ines Parra, a Dunmore lawmaker,`) names the person', () => {
    const ex = run(
      'The bypass vote was delayed again on Monday.',
      'Ines Parra, a Dunmore lawmaker, said on Monday that she would bring the motion back after a month of complaints.',
      'Later, the lawmaker said the night traffic had become “a kind of slow torture for the whole street.”',
    );
    expect(quoteWith(ex.quotes, 'slow torture').speaker).toBe('Ines Parra');
  });
});

describe('named attributions the extractor had dropped (issue 9)', () => {
  it('two titles joined by `and` before one name: the name speaks, never a place or body left at the front', () => {
    const ex = run(
      'The Harbor Union met on Monday.',
      '“He is doing in this race what he did twice before,” said former Harbor Gov. and Party Chairman Ed Dover. “Surrogates help with turnout.”',
    );
    expect(shown(quoteWith(ex.quotes, 'twice before'))).toBe('Ed Dover');
    expect(shown(quoteWith(ex.quotes, 'help with turnout'))).toBe('Ed Dover');
  });

  it('the same with lower-case titles', () => {
    const ex = run(
      '“He is doing what he did twice before,” said former Harbor governor and party chairman Ed Dover.',
    );
    expect(shown(quoteWith(ex.quotes, 'twice before'))).toBe('Ed Dover');
  });

  it('a high opening mark typed as the closing one (`“It’s rare,“ said Quill`) still closes the quote', () => {
    const ex = run(
      '“It’s rare to see,“ said Mara Quill, a lawyer with the Open Ballot Project. “It is a hard thing to pull off.”',
    );
    expect(shown(quoteWith(ex.quotes, 'rare to see'))).toBe('Mara Quill');
    expect(quoteWith(ex.quotes, 'rare to see').text).toBe('It’s rare to see');
    expect(shown(quoteWith(ex.quotes, 'hard thing'))).toBe('Mara Quill');
  });

  it('a glued mark followed by a word still opens (`said,“Look`)', () => {
    const ex = run('Mara Quill said,“Look at the turnout in the east of the county.”');
    expect(quoteWith(ex.quotes, 'Look at the turnout').text).toBe(
      'Look at the turnout in the east of the county.',
    );
  });

  it.each([
    ['Dunn is quoted as saying.'],
    ['Dunn was once quoted as saying in the memo.'],
    ['Dunn has been quoted as saying.'],
  ])('`%s`: the subject of the passive speaks', (tail) => {
    const ex = run(
      'The pollster Amy Dunn ran the survey.',
      `“Our method works where the rest fail because we find voters who will turn out,” ${tail}`,
    );
    expect(shown(quoteWith(ex.quotes, 'Our method works'))).toBe('Amy Dunn');
  });

  it('a role before the name and a long apposition before the verb (`the economist Dana Fallow, a former adviser ..., wrote`)', () => {
    const ex = run(
      "''We may finally be watching wages climb, and if that holds, it is a very large story,'' the economist Dana Fallow, a former adviser in the Quill White House, wrote on her blog.",
    );
    expect(shown(quoteWith(ex.quotes, 'watching wages'))).toBe('Dana Fallow');
  });

  it('a day with a comma after the marks is no name: the quoted show title stays out of the quotes', () => {
    const ex = run(
      'In a visit to the Harbor network’s "The Evening Desk With Tom Briggs" on Friday, where the talk turned to her choice of deputy, Quill conceded she felt "rather caught off guard" by the question.',
    );
    expect(ex.quotes.some((q) => q.kind === 'direct' && q.text.includes('Evening Desk'))).toBe(false);
  });

  it('a name and who they are between commas after a whole-sentence quote, then `said` ending the clause', () => {
    const ex = run(
      'Local leaders say the visits included questions. "He just stopped and asked about the county." Will Reyes, the chairman for the county party, said of the meeting.',
    );
    const q = quoteWith(ex.quotes, 'stopped and asked');
    expect(q.speaker).toBe('Will Reyes');
  });

  it('… but not when the verb goes on to report something else', () => {
    const ex = run(
      'Local leaders say the visits included questions. "He just stopped and asked about the county." Will Reyes, the chairman for the county party, said the vote was fair.',
    );
    expect(quoteWith(ex.quotes, 'stopped and asked').speaker).toBeNull();
  });
});

describe('a capitalised word made into an adjective with -ish or -esque is no speaker (issue 9)', () => {
  it.each(['Harbor Baker-ish', 'Quill-esque'])('cleanSpeaker(%s) is null', (w) => {
    expect(cleanSpeaker(w)).toBeNull();
  });

  it('`the spare, Tom Reyes-ish “Harbor Lights” was “...”` names no one', () => {
    const ex = run(
      'The songs came fast; the spare, Tom Reyes-ish “Harbor Lights” took “draft after draft after draft to get right. Truly a lot.“',
    );
    expect(quoteWith(ex.quotes, 'draft after draft').speaker).toBeNull();
  });
});

describe('a partial quote whose sentence ends `, X said.` past a short fragment (issue 9)', () => {
  it('the final attribution speaks for both fragments, not the subject of the opening clause', () => {
    const ex = run(
      'Given Reyes\' strong showing, his backing will count for "a whole lot at the polls" and bring candidates the "ground-game muscle" they need, group spokesman Tom Fallow said.',
    );
    expect(quoteWith(ex.quotes, 'whole lot at the polls').speaker).toBe('Tom Fallow');
  });

  it.each(['Given', 'Following', 'Considering', 'Regarding'])(
    "`%s Reyes' ...` opening a sentence: Reyes is no subject",
    (w) => {
      const ex = run(
        'The slate met on Monday.',
        `${w} Reyes' strong showing, the backing will count for "a whole lot at the polls" this fall.`,
      );
      expect(quoteWith(ex.quotes, 'whole lot at the polls').speaker).toBeNull();
    },
  );
});

describe('a paragraph of quotes alone, one a line, after a sentence that reports speech (issue 9)', () => {
  it('the first quote takes the sentence before, the next inherits', () => {
    const ex = run(
      'Tom Reyes took questions on Tuesday. Reyes spoke only in vague terms about the levy.',
      '“Something must change, and this is the one way to mend it.”\n“The budget needs far firmer hands on it.”',
    );
    expect(quoteWith(ex.quotes, 'one way to mend').speaker).toBe('Tom Reyes');
    expect(quoteWith(ex.quotes, 'firmer hands').speaker).toBe('Tom Reyes');
  });

  it('… but not when the paragraph goes on in the reporter’s words', () => {
    const ex = run(
      'Tom Reyes took questions on Tuesday. Reyes spoke only in vague terms about the levy.',
      '“Something must change, and this is the one way to mend it.” The council later voted the other way.',
    );
    expect(quoteWith(ex.quotes, 'one way to mend').speaker).toBeNull();
  });
});

describe('`Harbor Sen. Ada Quill’s campaign said`: a place and a title before the owner (issue 9)', () => {
  it('the campaign speaks', () => {
    const ex = run(
      'Most senators would back the nominee. Harbor Sen. Ada Quill’s campaign, for its part, told reporters she would “back the nominee” but “is not planning to endorse anyone this year,” while others kept quiet.',
    );
    expect(quoteWith(ex.quotes, 'not planning to endorse').speaker).toBe('Quill campaign');
  });
});

describe('a name modifying a hyphenated compound is no speaker (`the Harbor art-history graduate`) (issue 9)', () => {
  it('never names Harbor', () => {
    const ex = run(
      'At a meeting that month in Dover, the Harbor art-history graduate ended her talk by quoting an old poet: "Each hurdle gives way to firm will and a steady hand."',
    );
    expect(quoteWith(ex.quotes, 'steady hand').speaker).not.toBe('Harbor');
  });

  it('`graduate` is a role: the person the article gives it', () => {
    const ex = run(
      'Ada Quill, a Harbor graduate, ran the firm for six years.',
      'At a meeting that month in Dover, the Harbor art-history graduate ended her talk by quoting an old poet: "Each hurdle gives way to firm will and a steady hand."',
    );
    const q = quoteWith(ex.quotes, 'steady hand');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('`From Fallow’s web post: "..."` and `exhorted` (issue 9)', () => {
  it('the post’s owner speaks', () => {
    const ex = run(
      'Adam Fallow said on Monday he would back Reyes. Aides say he plans to campaign for him. From Fallow’s web post: "We owe it to the town to move past the anger of this race."',
    );
    expect(quoteWith(ex.quotes, 'owe it to the town').speaker).toBe('Adam Fallow');
  });

  it('`"...," exhorted the mayor’s introducer, actress Jamie Lee Dover.`', () => {
    const ex = run(
      '"It is about time a woman ran this town," exhorted the mayor’s introducer, actress Jamie Lee Dover.',
    );
    expect(quoteWith(ex.quotes, 'about time a woman').speaker).toBe('Jamie Lee Dover');
  });
});

describe('a partial quote in a `, who said ...` clause (issue 9)', () => {
  it('after a preposition: the person before `, who` speaks', () => {
    const ex = run(
      'The council met on Monday to vote on the bridge.',
      'The loss was steep for Ada Quill, who said she wanted "some rest and a long weekend."',
      'It was a blow for Mr. Briggs, who said he hoped to get "back to the harbor by spring."',
    );
    expect(quoteWith(ex.quotes, 'long weekend').speaker).toBe('Ada Quill');
    expect(quoteWith(ex.quotes, 'back to the harbor').speaker).toBe('Briggs');
  });

  it('a role before `, who` that names no one: nobody, not the subject of the sentence', () => {
    const ex = run(
      'State Treasurer Ana Dunn met the council on Monday.',
      'In the capital, Tom Quill sat through a lecture from the county clerk, who said the deal was good for "the city as well as the county" and that it would pay off.',
    );
    expect(quoteWith(ex.quotes, 'the city as well as').speaker).toBeNull();
  });

  it('a role set off after a name before `, who`: that name', () => {
    const ex = run(
      '"We are ready for it," said Tom Reyes, the guild’s longtime organizer, who went on to say the guild will talk about "roads, schools and the bridge."',
    );
    expect(quoteWith(ex.quotes, 'roads, schools').speaker).toBe('Tom Reyes');
  });
});

describe('a person right before a verb of reporting is a subject, wherever the clause opens (issue 9)', () => {
  it('`as Mr. Dover noted`, then `Still he ...`: Dover, not the man quoted before', () => {
    const ex = run(
      'Dana Fallow, an analyst at Harbor Equities, said the company had little choice. "They were losing money on every unit," he said.',
      'Cutting costs wherever it can is the plan, as Mr. Dover noted at the meeting with investors last week.',
      'Still he rejected the idea that greed had driven the move to Ohio. "This was a hard call for all of us," he said.',
    );
    expect(quoteWith(ex.quotes, 'hard call').speaker).toBe('Dover');
  });

  it('not when the verb opens a quotation (`until Mayor Ben Dover “admits ...”`)', () => {
    const ex = run(
      'Tom Reyes spoke on Sunday. Reyes said the town would pull through, but not until Mayor Ben Dover “admits this is a problem.”',
      'He said the board must act. “We cannot wait another year for the bridge,” he said.',
    );
    expect(quoteWith(ex.quotes, 'another year').speaker).toBe('Tom Reyes');
  });
});

describe('`Quill’s response was: "..."` (issue 9)', () => {
  it('whose response it is speaks, with a colon as without one', () => {
    const ex = run(
      'Mayor Ada Quill has faced questions about her email for months.',
      'Quill’s top aide Tom Reyes wrote to the then mayor in May, telling her of the death of two firefighters. Quill’s response was: “Is the harbor gala still on for Friday?”',
    );
    expect(quoteWith(ex.quotes, 'harbor gala').speaker).toBe('Ada Quill');
  });
});

describe('an unnamed official of the one administration or government the article names (issue 9)', () => {
  it('`a senior administration official` speaks for the Dover administration, only as "possibly"', () => {
    const ex = run(
      'The Dover administration has pressed the island for months over the port deal.',
      '"The talks will go on, but not forever," a senior administration official said.',
    );
    const q = quoteWith(ex.quotes, 'not forever');
    expect(q.speaker).toBe('Dover administration');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('nobody when the article names two administrations', () => {
    const ex = run(
      'The Dover administration undid much of what the Quill administration built.',
      '"The talks will go on, but not forever," a senior administration official said.',
    );
    expect(quoteWith(ex.quotes, 'not forever').speaker).toBeNull();
  });

  it('`a Moldavian official` speaks for the Moldavian government only when the article names it', () => {
    const named = run(
      'The Moldavian government has said little in public about the port deal.',
      '"We will not sign a deal that hurts our fishermen," a Moldavian official said on Monday.',
    );
    expect(quoteWith(named.quotes, 'hurts our fishermen').speaker).toBe('Moldavian government');
    const unnamed = run(
      'The port deal has been stuck for months.',
      '"We will not sign a deal that hurts our fishermen," a Moldavian official said on Monday.',
    );
    expect(quoteWith(unnamed.quotes, 'hurts our fishermen').speaker).toBeNull();
  });
});

describe('`the agency said` after a sentence whose subject is a body (issue 9)', () => {
  it('the body that was just the subject, only as "possibly"', () => {
    const ex = run(
      'Mayor Ada Quill has asked the Dover Freight Union and the port for the records since March.',
      'The Harbor Port Authority admitted on Friday that its staff missed the deadline the court set for the files.',
      '"Our people put in long nights and still could not finish in time," the agency said.',
    );
    const q = quoteWith(ex.quotes, 'long nights');
    expect(q.speaker).toBe('Harbor Port Authority');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('not a news outlet that was the subject', () => {
    const ex = run(
      'The Harbor Ledger reported on Friday that the port missed the deadline the court set for the files.',
      '"Our people put in long nights and still could not finish in time," the agency said.',
    );
    expect(quoteWith(ex.quotes, 'long nights').speaker).toBeNull();
  });
});

describe('a pair named two paragraphs back, and plural titles for it (issue 9)', () => {
  const letter = [
    'Also Monday, Quill and Harbor Committee Chairman Tom Dover (R-Maine) sent a letter to the chief, signed by 40 members, asking for more answers.',
    'While the chief said the staff had been careless, she said there was no case without intent, and no rule to apply.',
  ];

  it('`the two wrote` two paragraphs after the pair, past a title of several words', () => {
    const ex = run(...letter, '"You seem to have made up a new rule for this one case," the two wrote.');
    const q = quoteWith(ex.quotes, 'new rule');
    expect(q.speaker).toBe('Quill and Tom Dover');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`the committee chairmen wrote`, `what the writers described as "..."`', () => {
    const ex = run(
      ...letter,
      '"You seem to have made up a new rule for this one case," the committee chairmen wrote.',
    );
    expect(quoteWith(ex.quotes, 'new rule').speaker).toBe('Quill and Tom Dover');
    const story = run(
      'Top Quill aides admitted as much in a Harbor Ledger story on Monday by Ann Fallow and Tim Briggs. They spoke in the past tense of what the writers described as "a missed chance to build a real field team early on."',
    );
    expect(quoteWith(story.quotes, 'missed chance').speaker).toBe('Ann Fallow and Tim Briggs');
  });

  it('no pair named: nobody', () => {
    const ex = run(
      'The chief said there was no case without intent.',
      '"You seem to have made up a new rule for this one case," the committee chairmen wrote.',
    );
    expect(quoteWith(ex.quotes, 'new rule').speaker).toBeNull();
  });
});

describe('`the lawsuit says` after `X will sue` (issue 9)', () => {
  it('whoever will sue filed it ("possibly")', () => {
    const ex = run(
      'The Harbor Party will sue Dover County over the long lines at the polls last month.',
      'The lawsuit, due in court by Friday, is about the north end of the county, where voters waited the longest.',
      'The county’s "shameful shortage of polling places left voters waiting for hours," the lawsuit says.',
    );
    const q = quoteWith(ex.quotes, 'shameful shortage');
    expect(q.speaker).toBe('Harbor Party');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('the voice of an ad speaks for whoever put the ad out (issue 9)', () => {
  it('`says a narrator` after `Quill plans to unveil this week his second ad`', () => {
    const ex = run(
      'Tom Quill plans to unveil this week his second ad of the race. It is about jobs.',
      '"In Dover, the middle class gets crushed. Taxes go up, jobs go away," says a narrator.',
    );
    const q = quoteWith(ex.quotes, 'middle class gets crushed');
    expect(q.speaker).toBe('Quill campaign');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('no ad named: the narrator is no one', () => {
    const ex = run(
      'Tom Quill spoke in Dover on Monday.',
      '"In Dover, the middle class gets crushed. Taxes go up, jobs go away," says a narrator.',
    );
    expect(quoteWith(ex.quotes, 'middle class gets crushed').speaker).toBeNull();
  });
});

describe('`the suit says` and a filing `brought by` someone (issue 9)', () => {
  it('the suit is the one brought by Ben Fenwick, even when a quote says so', () => {
    const ex = run(
      '"The board knows that a suit was brought by Ben Fenwick under the labor act," a board spokesman said.',
      '"Chairman Quill, in person and through his aides, tied these false remarks to the firing," the suit says.',
    );
    const q = quoteWith(ex.quotes, 'false remarks');
    expect(q.speaker).toBe('Ben Fenwick');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a report `written by` a named body', () => {
    const ex = run(
      'A report written by the Harbor Institute was sent to the council on Monday.',
      '"The port has lost money for six years in a row," the report said.',
    );
    expect(quoteWith(ex.quotes, 'lost money').speaker).toBe('Harbor Institute');
  });
});

describe('a document that names whose it is (`a Halvex Corp. memo warned`) (issue 9)', () => {
  it('the body or person named, only as "possibly"', () => {
    const ex = run(
      'Tom Quill and Ada Reyes are tied in Ohio.',
      'A fresh Fenwick-Ames poll found that voters "want a change in the capital, and they want it now."',
      '"The port will not survive another year of this," a Halvex Corp. memo warned.',
      '"We will win this," a new Quill letter says.',
    );
    expect(quoteWith(ex.quotes, 'want a change').speaker).toBe('Fenwick-Ames');
    expect(quoteWith(ex.quotes, 'another year').speaker).toBe('Halvex');
    const letter = quoteWith(ex.quotes, 'win this');
    expect(letter.speaker).toBe('Tom Quill');
    expect(letter.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a place names no one: `a Maine poll`', () => {
    const ex = run('"Voters want a change in the capital," a new Maine poll found.');
    expect(quoteWith(ex.quotes, 'want a change').speaker).toBeNull();
  });
});

describe('`his statement that "..."`, `her claim that "..."` (issue 9)', () => {
  it('whose claim it is when the sentence is about something else, only as "possibly"', () => {
    const ex = run(
      'Ada Reyes ran the port fund for a decade.',
      'The row came from a question about her claim that she "never took a cent from the port fund" while in office.',
    );
    const q = quoteWith(ex.quotes, 'never took a cent');
    expect(q.speaker).toBe('Ada Reyes');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a named possessive: `the row over Fenwick’s remark that "..."`', () => {
    const ex = run(
      'Tom Fenwick runs the dock union.',
      'The row over Fenwick’s remark that "the dock is run by crooks and cowards" went on for a week.',
    );
    expect(quoteWith(ex.quotes, 'crooks and cowards').speaker).toBe('Tom Fenwick');
  });
});

describe('an ad whose sponsor’s name holds a connector (issue 9)', () => {
  it('`one Club for Tax Cuts ad says`: the club', () => {
    const ex = run(
      'Two groups are spending heavily against Tom Quill in Ohio this month.',
      '"Only Ada Reyes can beat Tom Quill. Ben Fenwick can’t do it," one Club for Tax Cuts ad says.',
    );
    expect(quoteWith(ex.quotes, 'Only Ada Reyes').speaker).toBe('Club for Tax Cuts');
  });
});

describe('`"...," as Ann Fallow recently did` (issue 9)', () => {
  it('each partial quote is the one the `as` clause after it names, never the next one’s speaker', () => {
    const ex = run(
      'The channel often tells a different story. Its hosts do not hesitate to say that "the facts are still in doubt," as Ann Fallow recently did, or that the warnings come from "people on the left of the science world," as the host Tom Briggs said in April.',
    );
    expect(quoteWith(ex.quotes, 'still in doubt').speaker).toBe('Ann Fallow');
    expect(quoteWith(ex.quotes, 'science world').speaker).toBe('Tom Briggs');
  });
});

describe('a document no sentence says who issued (issue 9)', () => {
  it('the body last the subject of a clause, only as "possibly"', () => {
    const ex = run(
      'The Harbor Party of Maine picked its delegates on Saturday, and the Dover campaign claimed most of them.',
      'The Harbor Party later posted the results online. "Tom Quill won 14 of the 14 seats up for grabs," the release said.',
    );
    const q = quoteWith(ex.quotes, '14 of the 14');
    expect(q.speaker).toBe('Harbor Party');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('never a person the sentence is about, nor the body a suit is against', () => {
    const ex = run(
      'Ben Fenwick worked for the firm for eight years. He was "a fine co-worker whom everyone trusted," the statement said.',
      'Dover County cut its polling places by half. The county left voters "waiting in the cold for hours," the suit says.',
    );
    expect(quoteWith(ex.quotes, 'fine co-worker').speaker).not.toBe('Ben Fenwick');
    expect(quoteWith(ex.quotes, 'waiting in the cold').speaker).not.toBe('Dover County');
  });
});

describe('`He said his wife, Ada, "..."` (issue 9)', () => {
  it('the words are his: never the name after `said`, which only looks like an inverted speaker', () => {
    const ex = run(
      'Tom Quill thanked his family and his staff on the night of the vote.',
      'He said his wife, Ada, "told me from day one, ‘If you run, you will win.’"',
    );
    expect(quoteWith(ex.quotes, 'from day one').speaker).not.toBe('Ada');
  });

  it('an inverted speaker still speaks: `said his wife, Ada Quill: "..."`', () => {
    const ex = run('Later that night said his wife, Ada Quill: "We knew from day one that he would win."');
    expect(quoteWith(ex.quotes, 'from day one').speaker).toBe('Ada Quill');
  });
});

describe('`the Harbor Party member said` (issue 9)', () => {
  it('an unnamed member of a named body speaks for it, only as "possibly"', () => {
    const ex = run(
      'Tom Quill spent heavily on his own jets and hotels this summer, records show.',
      '"Nobody minds a man spending his own cash. Spending what donors gave is another story," the Harbor Party member said.',
    );
    const q = quoteWith(ex.quotes, 'Nobody minds');
    expect(q.speaker).toBe('Harbor Party');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('a preposition opening a sentence is no part of the name after it (`Outside Halvex’s plant`) (issue 9)', () => {
  it('`Outside Halvex’s plant` leaves Halvex a company, so `a Halvex executive` still speaks for it', () => {
    const ex = run(
      '"This is purely a financial decision," a Halvex executive tells workers.',
      "Outside Halvex's plant on Dover Street, a worker named Tom Briggs praised the night shift.",
    );
    expect(quoteWith(ex.quotes, 'financial decision').speaker).toBe('Halvex');
  });

  it.each([
    "Inside Quill's campaign, the mood was grim.",
    "Within Quill's own party, doubts grew that week.",
    'Behind Quill, the rest of the field trailed by ten points.',
  ])('`%s` names Quill alone, so Quill is still Tara Quill', (sentence) => {
    const ex = run(
      'Tara Quill spoke to the crowd for an hour on Monday.',
      sentence,
      '"We will win this state by ten points," Quill said.',
    );
    expect(quoteWith(ex.quotes, 'ten points').speaker).toBe('Tara Quill');
  });
});

describe('`the ministry said` after `Fenwick’s foreign ministry` (issue 9)', () => {
  it('is that country’s ministry, named with the words between, only as "possibly"', () => {
    const ex = run(
      'An official from Fenwick answered on Tuesday, while Fenwick’s foreign ministry replied too.',
      '"Outside countries should keep their promises and stay out of our affairs," the ministry said on its website.',
    );
    const q = quoteWith(ex.quotes, 'Outside countries');
    expect(q.speaker).toBe('Fenwick foreign ministry');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('is never the one company the article names, nor a company that was just the subject', () => {
    const ex = run(
      'Halvex Corp. signed the port deal on Monday.',
      '"Outside countries should keep their promises and stay out of it," the ministry said.',
    );
    expect(quoteWith(ex.quotes, 'Outside countries').speaker).toBeNull();
  });

  it('the one government body the article names is still `the agency` (guard)', () => {
    const ex = run(
      'More than two million people have applied since the Dover Education Department opened the form on Friday.',
      'The agency has said it hopes to see 80 percent of those eligible apply by spring.',
    );
    expect(ex.quotes.find((q) => q.text.includes('80 percent'))?.speaker).toBe('Dover Education Department');
  });

  it('a body that was just the subject still speaks as `the agency` (guard)', () => {
    const ex = run(
      'The Harbor Port Authority admitted that the cranes had failed twice.',
      '"We are replacing every one of them this winter," the agency said.',
    );
    expect(quoteWith(ex.quotes, 'replacing every one').speaker).toBe('Harbor Port Authority');
  });
});

describe('`"...," I said` in an excerpt of a book (issue 9)', () => {
  const opening =
    "Publisher's note: what follows is the second of three excerpts from author Tom Fenwick's new book, Harbor Lights: What the Docks Taught Me.";

  it('is the book’s author, only as "possibly"', () => {
    const ex = run(
      opening,
      'Then my lawyer stood up and faced the bench.',
      '"I have been in this courtroom many times, and I have never seen anything like it," I told my wife that night.',
      '"Nobody should go to prison for a first mistake," I said to the judge.',
    );
    for (const needle of ['this courtroom', 'first mistake']) {
      const q = quoteWith(ex.quotes, needle);
      expect(q.speaker).toBe('Tom Fenwick');
      expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
    }
  });

  it('names nobody in an article that is no excerpt, nor for a name after `excerpt` that owns no book (guards)', () => {
    const plain = run(
      'Tom Fenwick spoke at the library on Monday.',
      '"Nobody should go to prison for a first mistake," I said to the judge.',
    );
    expect(quoteWith(plain.quotes, 'first mistake').speaker).toBeNull();
    const clip = run(
      'Excerpts from the hearing, which Tom Fenwick attended, were aired on Monday.',
      '"Nobody should go to prison for a first mistake," I said to the judge.',
    );
    expect(quoteWith(clip.quotes, 'first mistake').speaker).toBeNull();
  });
});

describe('`lauded X for "..."` and other verbs of praise and blame frame a partial quote (issue 9)', () => {
  it.each(['lauded', 'commended', 'applauded', 'faulted', 'touted'])(
    '`The Treasury secretary also %s ...`',
    (verb) => {
      const ex = run(
        'Treasury Secretary Maria Quill made the pick public on Monday.',
        '"The bank has done fine work under him," Ms. Quill said.',
        `The Treasury secretary also ${verb} Mr. Dunn, whose tenure runs out in the spring, for leading the bank through the flood season, and for the "needed reforms at the Harbor Bank."`,
      );
      expect(quoteWith(ex.quotes, 'needed reforms').speaker).toBe('Maria Quill');
    },
  );
});

describe('`... exploited Quill’s remark describing X as "..."` (issue 9)', () => {
  it('the words are whose remark it is, not the subject of the verb before', () => {
    const ex = run(
      'Tom Quill and Ben Dunn spoke in Ohio on Monday. Mr. Quill has so far ignored the jabs.',
      "Friends say he sees no reason to fight back. And he hopes to give his rivals nothing to use, remembering how the Dunn campaign seized on Mr. Quill's remark in 2008 describing Mr. Dunn's record on the war as ''the wildest fairy story I have heard in years.''",
    );
    expect(quoteWith(ex.quotes, 'fairy story').speaker).toBe('Tom Quill');
  });

  it('a remark with no owner named leaves the subject as before (guard)', () => {
    const ex = run(
      'Ben Dunn spoke in Ohio on Monday.',
      'Dunn then issued a statement describing the plan as "a fairy story from start to finish."',
    );
    expect(quoteWith(ex.quotes, 'fairy story').speaker).toBe('Ben Dunn');
  });
});

describe('`until the government agreed to make a payment of "..."` (issue 9)', () => {
  it('agreeing to do something is not saying the words after it', () => {
    const ex = run(
      'Tom Quill spoke about the border on Monday.',
      'In response, Quill told voters the neighbors would pay. He sent a memo to the Daily Ledger in April laying out his plan, which holds back money sent home by workers until the Fenwick government agreed to hand over a single sum of "$4-8 billion."',
    );
    expect(quoteWith(ex.quotes, 'billion').speaker).not.toBe('Fenwick government');
  });

  it('what was agreed to as a pledge is still the subject’s (guard)', () => {
    const ex = run(
      'Ada Reyes took office in the spring.',
      "Soon after, Mrs. Reyes agreed to keep the two jobs apart, including a pledge to ''stay out of any matter that touches the fund'' unless cleared first.",
    );
    expect(quoteWith(ex.quotes, 'touches the fund').speaker).toBe('Ada Reyes');
  });
});

describe('`Quill is releasing a new ad ... The ad says "..."` (issue 9)', () => {
  it('an ad a person runs speaks for their campaign, as its narrator does, only as "possibly"', () => {
    const ex = run(
      'Candidate Ben Dunn is running a short ad this week that asks voters to "send a clear message" to the banks.',
      'The ad says "the banks will keep winning unless voters pick leaders who refuse their cash."',
      'Dunn often questions the ties of his rivals to big donors.',
      'The ad targets a "broken system that lets the banks buy every election in sight."',
    );
    for (const needle of ['keep winning', 'broken system']) {
      const q = quoteWith(ex.quotes, needle);
      expect(q.speaker).toBe('Dunn campaign');
      expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
    }
  });

  it('a letter a person sends still speaks for that person (guard)', () => {
    const ex = run(
      'Ben Dunn sent a letter to the board on Friday.',
      'The letter says "the banks will keep winning unless the board refuses their cash."',
    );
    expect(quoteWith(ex.quotes, 'keep winning').speaker).toBe('Ben Dunn');
  });
});

describe('`a Halvex executive tells workers ... the executive says` (issue 9)', () => {
  it('the unnamed person the noun brought in still speaks for the body named then, only as "possibly"', () => {
    const ex = run(
      '"This is purely a financial decision," a Halvex executive tells workers. As jeers rise from the floor, the executive says, "Settle down, please, all of you."',
    );
    const q = quoteWith(ex.quotes, 'Settle down');
    expect(q.speaker).toBe('Halvex');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('an unnamed official of no named body still gives nobody (guard)', () => {
    const ex = run(
      'Tom Quill spoke first. "We will look at every option," one law enforcement official said.',
      '"Nobody has been ruled out yet," the official said.',
    );
    expect(quoteWith(ex.quotes, 'ruled out').speaker).toBeNull();
  });
});

describe('a web address is an organisation (`the website Halvex.com said ... the company wrote`) (issue 9)', () => {
  it('`the company` is the site the passage names, not another company named before it, only as "possibly"', () => {
    const ex = run(
      'Ben Dunn tried again Thursday to sell the rifle, but both websites pulled the listing. United Arms Group had pulled it first.',
      'A note on the website Halvex.com said sellers write their own ads, and that the company may remove any of them.',
      '"Mr. Dunn never spoke to anyone at Halvex.com before the ad went up," the company wrote in its note.',
    );
    const q = quoteWith(ex.quotes, 'never spoke');
    expect(q.speaker).toBe('Halvex.com');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a site whose name holds `group` is no `group` (guard)', () => {
    const ex = run(
      'The rifle was listed on UnitedArmsGroup.com a day before. The Dover Foundation spoke out on Friday.',
      '"We are focused on our mission and nothing else this year," the group said.',
    );
    expect(quoteWith(ex.quotes, 'focused on our mission').speaker).toBe('Dover Foundation');
  });
});

describe('a name set off after a role noun the sentence thanks or lists is no subject for a later `he` (issue 9)', () => {
  it('`He said` after `Quill thanked ..., as well as his campaign chief, Ben Dunn,` is Quill', () => {
    const ex = run(
      'Tom Quill thanked his mother and his old teachers as well as his campaign chief, Ben Dunn, and his press aide, Lia Reyes. He said his wife, Ada, "told me from the start that this would be hard."',
    );
    expect(quoteWith(ex.quotes, 'from the start').speaker).toBe('Tom Quill');
  });

  it('after `and` in a list, likewise (`and her deputy, Lia Dunn,`)', () => {
    const ex = run(
      'Ada Quill met the mayor and her deputy, Lia Dunn, on Friday. She said the talks were "long, hard and worth it."',
    );
    expect(quoteWith(ex.quotes, 'worth it').speaker).toBe('Ada Quill');
  });

  // Guards: a comma closing an opening phrase, not an apposition; a role phrase opening the sentence; `and` opening a
  // clause after a comma.
  it.each([
    [
      'Tom Quill spoke first. In his view of the port director, Ben Dunn argued, the plan failed. "It is a mess from top to bottom," he said.',
      'Ben Dunn',
    ],
    [
      'Tom Quill spoke first. The party’s chairman, Ben Dunn, was next. "It is a mess from top to bottom," he said.',
      'Ben Dunn',
    ],
    [
      'Tom Quill spoke first, and his campaign chief, Ben Dunn, spoke last. "It is a mess from top to bottom," he said.',
      'Ben Dunn',
    ],
  ])('%s', (text, speaker) => {
    expect(quoteWith(run(text).quotes, 'top to bottom').speaker).toBe(speaker);
  });
});

describe('a role set off before a name starts at its noun phrase (issue 9)', () => {
  it.each([
    [
      'Ada Quill thanked the crowd and her deputy, Lia Dunn, who said the count was "the cleanest we have had in years."',
      'deputy',
    ],
    [
      'Ada Quill spoke, but her deputy, Lia Dunn, who said the count was "the cleanest we have had in years," did not.',
      'deputy',
    ],
    // Guard: two roles joined by `and` stay one role.
    [
      'Ada Quill spoke first. Her senior adviser and former aide, Lia Dunn, said the count was "the cleanest we have had in years."',
      'senior adviser and former aide',
    ],
  ])('%s', (text, role) => {
    const q = quoteWith(run(text).quotes, 'cleanest');
    expect(q.speaker).toBe('Lia Dunn');
    expect(q.role).toBe(role);
  });
});

describe('`he said` after an unnamed reporter or witness is never the last man named (issue 9)', () => {
  it.each([
    'A reporter for the Harbor Times called it "a scene of total chaos."',
    'One witness called it "a scene of total chaos."',
  ])('%s', (line) => {
    const ex = run(
      `Police said the driver, Tom Fenwick, was shot dead after the truck stopped. ${line} "We saw people running in every direction," he said.`,
    );
    expect(quoteWith(ex.quotes, 'every direction').speaker ?? '').not.toMatch(/Fenwick/);
  });

  it('a witness the sentence names still speaks (guard)', () => {
    const ex = run(
      'Police said the driver, Tom Fenwick, was shot dead after the truck stopped. One witness, Ben Dunn, called it "a scene of total chaos." "We saw people running in every direction," he said.',
    );
    expect(quoteWith(ex.quotes, 'every direction').speaker).toBe('Ben Dunn');
  });
});

describe('a document that names its issuer before a year or a modifier (`A 2019 Harbor Council advisory memo`) (issue 9)', () => {
  it.each([
    [
      'Rules are murky on private talks. A 2019 Harbor Council advisory memo warns that "every paid talk must be reported within a month."',
      'Harbor Council',
    ],
    [
      'Federal rules are murky. A 1996 HFC advisory opinion says that "a talk is part of the campaign when the candidate asks for votes."',
      'HFC',
    ],
  ])('%s', (text, issuer) => {
    const q = quoteWith(run(text).quotes, 'talk');
    expect(q.speaker).toBe(issuer);
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('three more ways real text gives the speaker of a quote (issue 9)', () => {
  it('`"... before I pick…" Quill said.`: a trailing-off inside the marks does not end the attribution', () => {
    const ex = run('"Sure. I will talk to many people before I pick…" Quill said. "Ben who?" Dunn asked.');
    expect(quoteWith(ex.quotes, 'before I pick').speaker).toBe('Quill');
  });

  it('`Quill touted his record ...` then a quote standing alone: Quill, as with a verb of saying', () => {
    const ex = run(
      'Tom Quill touted his years on the harbor board. "Our port can double its trade if the council lets it grow."',
    );
    expect(quoteWith(ex.quotes, 'double its trade').speaker).toBe('Tom Quill');
  });

  it('a fact-check line `- Dunn.` below a quote, once the reader has taken its list dash off', () => {
    const ex = run(
      'Senator Ben Dunn and Ada Quill met at the debate in Dover on Friday.',
      'The numbers show part of the picture, the wages, essentially.',
      '"The claim that I would close the port while we wait is simply false."',
      'Dunn.',
      'Dunn overstates his part when he calls the plan his own.',
    );
    expect(quoteWith(ex.quotes, 'close the port').speaker).toBe('Ben Dunn');
  });

  // Guards: a caption credit or a heading below the quote, or a name line below a paragraph that is more than the
  // quote, credits no one.
  it.each([
    ['"The claim that I would close the port while we wait is simply false."', 'Getty Images.'],
    ['"The claim that I would close the port while we wait is simply false."', 'Rising Tensions.'],
    [
      'Then the mood changed. "The claim that I would close the port while we wait is simply false."',
      'Ada Quill.',
    ],
  ])('%s / %s', (quote, line) => {
    const ex = run(
      'Senator Ben Dunn and Ada Quill met at the debate in Dover on Friday.',
      'The numbers came later.',
      quote,
      line,
      'The count went on.',
    );
    expect(quoteWith(ex.quotes, 'close the port').speaker).toBeNull();
  });
});

describe('a plain epithet right after a named source is quoted is the person the article is about (issue 9)', () => {
  const lead = [
    'Tom Quill spoke to the harbor club on Thursday.',
    'Quill has led in every poll this year, and Quill is expected to win.',
    'What upset the room most was Quill’s refusal to back the dredging plan. "It was offensive," said Ben Fallow.',
  ];
  it('`Still, the businessman has argued that ...` is Quill, only as "possibly"', () => {
    const ex = run(
      ...lead,
      'Still, the businessman has argued that his hand will be strongest if he keeps his plans quiet.',
    );
    const q = quoteWith(ex.quotes, 'his hand will be strongest');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
  it('a title is still the one just quoted who holds it (guard)', () => {
    const ex = run(
      ...lead.slice(0, 2),
      '"It was offensive," said Senator Ben Fallow. Looking back on his years in court, the senator said the plan was "a gamble with other people’s money."',
    );
    expect(quoteWith(ex.quotes, 'gamble').speaker).toBe('Ben Fallow');
  });
});

describe('`"...," he said` right after `the candidate said ...` is the candidate (issue 9)', () => {
  it('the one the role names, not the last man named, only as "possibly"', () => {
    const ex = run(
      'Tom Quill, the Harbor Party candidate, spoke at the forum on crime.',
      'Police chief Ben Fallow blamed the rise in crime on officers who were afraid. After the host noted that Quill had dodged the question, the candidate said the families of those hurt by police go to court. "They sue," he said. "All of them."',
    );
    const q = quoteWith(ex.quotes, 'They sue');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a sentence between that quotes someone else stops it (guard)', () => {
    const ex = run(
      'Tom Quill, the Harbor Party candidate, spoke at the forum on crime.',
      'Police chief Ben Fallow spoke next. After the host pressed him, the candidate said the families of those hurt by police go to court. Fallow called that "a cheap line." "They sue," he said.',
    );
    expect(quoteWith(ex.quotes, 'They sue').speaker).toBe('Ben Fallow');
  });
});

describe('`The campaign’s statement then states "..."` is the campaign, not who spoke in a statement before (issue 9)', () => {
  it('the campaign the passage names, only as "possibly"', () => {
    const ex = run(
      'Tom Quill’s campaign chief is pleased that a charge against him was dropped.',
      'Ben Dunn, in a written note the campaign put out Friday, called it "the right decision by the prosecutor." Dunn added that he owed a lot to his staff. The campaign’s statement then states "the case is now closed for good."',
    );
    const q = quoteWith(ex.quotes, 'closed for good');
    expect(q.speaker).toBe('Quill campaign');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('`One operative inside Quill Tower said`: the building an unnamed person is in never speaks (issue 9)', () => {
  it.each([
    'One operative inside Quill Tower tried to play down the remarks, saying they were "nothing we lose sleep over."',
    'One staffer outside Quill Tower said they were "nothing we lose sleep over."',
  ])('%s', (text) => {
    expect(quoteWith(run(text).quotes, 'lose sleep').speaker).toBeNull();
  });
});

describe('`a report released in May by the Harbor Academy of Ports`: a time before `by`, a connector in the body (issue 9)', () => {
  it('the report is the academy’s, only as "possibly"', () => {
    const ex = run(
      'A report released in May by the Harbor Academy of Rivers, Lakes and Ports found that more families take the ferry to work.',
      'The towns along the river are busier. They hire more crews.',
      '“Ferry crossings have doubled in a decade,” the report concluded.',
    );
    const q = quoteWith(ex.quotes, 'doubled in a decade');
    expect(q.speaker).toMatch(/^Harbor Academy/);
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a person the passive names is still found past the time (guard: a first name opens no body)', () => {
    const ex = run(
      'A memo written last week by Ada Quill warned of cuts.',
      '“The ferry line will close by spring,” the memo said.',
    );
    expect(quoteWith(ex.quotes, 'close by spring').speaker).toBe('Ada Quill');
  });
});

describe('`with her husband, a bus driver`: who someone already spoken of is opens no clause for `she` (issue 9)', () => {
  it('the woman the passage is about, not an unnamed pilot', () => {
    const ex = run(
      'Joanna Fenwick-Marsh is one of the mill workers who heard the news on the floor. She lives in Dover with her husband, a bus driver.',
      'When she saw Mr. Quill on the news, she smiled. “I loved it,” she said.',
    );
    expect(quoteWith(ex.quotes, 'I loved it').speaker).toBe('Joanna Fenwick-Marsh');
  });

  it('an unnamed worker opening a clause still stands for the `she` after it (guard)', () => {
    const ex = run(
      'Joanna Fenwick-Marsh runs the mill in Dover.',
      'On the night shift, a bus driver who waited at the gate was blunter. “I loved it,” she said.',
    );
    expect(quoteWith(ex.quotes, 'I loved it').speaker).toBeNull();
  });
});

describe('`the group said`, `the company said` after a body named as the subject just before (issue 9)', () => {
  it('a body the name tables took for a person, written of as a thing (`issued a statement saying it`)', () => {
    const ex = run(
      'The new fences drew protest, and Harbor Lives Forward, the grand marshal of the march, pulled out. Harbor Lives Forward issued a statement saying it left "because the route is no longer safe for our members."',
      '“For us, marching this year meant picking between two dangers,” the group said Sunday in a statement.',
    );
    const q = quoteWith(ex.quotes, 'picking between two dangers');
    expect(q.speaker).toBe('Harbor Lives Forward');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a lone name that said `it` of itself, after the quote (`Chirper said in a short statement, adding that it`)', () => {
    const ex = run(
      'The app said Friday it had closed 90,000 accounts tied to fraud.',
      '“As the scams changed, so did our rules,” Chirper said in a short statement, adding that it “bans the use of Chirper to cheat buyers.” The company said the steps already showed results, “including far fewer fake sellers.”',
    );
    expect(quoteWith(ex.quotes, 'far fewer fake sellers').speaker).toBe('Chirper');
  });

  it('a person who was the subject is never `the group` (guard)', () => {
    const ex = run(
      'Ada Quill issued a statement saying she would march anyway.',
      '“For us, marching this year meant picking between two dangers,” the group said Sunday in a statement.',
    );
    expect(quoteWith(ex.quotes, 'picking between two dangers').speaker).not.toBe('Ada Quill');
  });
});

describe('`the company said` is the name opening the sentence just before, not a company further back (issue 9)', () => {
  it('Pellwood Insider, not the company a representative spoke for before', () => {
    const ex = run(
      '“Ada Quill is on leave from the station,” a Halvex representative said in a statement.',
      'Pellwood Insider also commented on Quill’s future with the company, but said it had no contract to end.',
      '“We wish her the very best in whatever comes next,” the company said Monday in a statement.',
    );
    expect(quoteWith(ex.quotes, 'very best').speaker).toBe('Pellwood Insider');
  });
});

describe('`Quill’s letter says`: a document a named person owns speaks for them (issue 9)', () => {
  it.each([
    '“We stand for every worker on this river, and we will not back down,” Quill’s letter says.',
    'Quill’s letter argues that “we stand for every worker on this river, and we will not back down.”',
    'Quill’s new letter makes a plain case: “We stand for every worker on this river, and we will not back down.”',
  ])('%s', (text) => {
    const q = quoteWith(run('Ada Quill chairs the platform panel.', text).quotes, 'every worker');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a person the owner has is not the owner (guard)', () => {
    const ex = run('Ada Quill chairs the platform panel.', '“Crime fell by a third,” Quill’s driver says.');
    expect(quoteWith(ex.quotes, 'Crime fell').speaker).not.toBe('Ada Quill');
  });
});

describe('`House Harbor Republican Tom Fenwick`: a committee or place and a party before a name are his role (issue 9)', () => {
  it('the name is the person, and a later `he` is not the man quoted before him', () => {
    const ex = run(
      'Ben Dunn, a top aide, wrote the memo. “It was public anyway,” he said.',
      'House Harbor Republican Tom Fenwick (R-Kans.), who read the notes and would say nothing about them, agreed with that point.',
      '“Some of the notes put our sailors at risk,” he said.',
    );
    expect(quoteWith(ex.quotes, 'sailors at risk').speaker).toBe('Tom Fenwick');
  });

  it('`said Dover Democrat Ada Quill` gives her name alone', () => {
    const ex = run('“The bridge will not wait,” said Dover Democrat Ada Quill.');
    expect(quoteWith(ex.quotes, 'bridge will not wait').speaker).toBe('Ada Quill');
  });

  it('a party word with no first name after it names no person (guard)', () => {
    const ex = run('“The bridge will not wait,” said the Dover Democratic Club.');
    expect(quoteWith(ex.quotes, 'bridge will not wait').speaker).toBe('Dover Democratic Club');
  });
});

describe('`The Post` after `The Harbor Post`: an outlet’s short name is the outlet named in full (issue 9)', () => {
  it('one outlet ending in the word: the same outlet', () => {
    const ex = run(
      'The Harbor Post noted that the author Ben Dunn was seen riding with Quill in Dover. The Post reported that Dunn was gathering notes for a new book. It added, “the trip comes as Quill vows fresh attacks on the stump.”',
    );
    expect(quoteWith(ex.quotes, 'fresh attacks').speaker).toBe('Harbor Post');
    expect(quoteWith(ex.quotes, 'fresh attacks').confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('two outlets ending in it: neither (guard)', () => {
    const ex = run(
      'The Harbor Post and the Dover Post both ran the story.',
      '“The mill will close in May,” The Post reported.',
    );
    const q = quoteWith(ex.quotes, 'mill will close');
    expect(q.speaker).not.toBe('Harbor Post');
    expect(q.speaker).not.toBe('Dover Post');
  });
});

describe('`they write` after two people named together as the subject: co-authors (issue 9)', () => {
  it('the pair, only as "possibly"', () => {
    const ex = run(
      'Ada Quill and Tom Briggs wrote the book on river towns.',
      'Professors Quill and Briggs argue the gap has less to do with faith than with habit. In Dover, they write, “to be devout is to be in step with the town.”',
    );
    const q = quoteWith(ex.quotes, 'in step with the town');
    expect(q.speaker).toBe('Ada Quill and Tom Briggs');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a pair that is not the subject just before, or a plural no pair names, gives nobody (guard)', () => {
    const later = run(
      'Ada Quill and Tom Briggs wrote the book on river towns. Many voters disagree with it.',
      'In Dover, they say, “to be devout is to be in step with the town.”',
    );
    expect(quoteWith(later.quotes, 'in step with the town').speaker).toBeNull();
    const listed = run(
      'The book thanks Ada Quill and Tom Briggs for their help. In Dover, they write, “to be devout is to be in step with the town.”',
    );
    expect(quoteWith(listed.quotes, 'in step with the town').speaker).toBeNull();
  });
});

describe('`said the woman, who did not want to be named`: a later `she` is that unnamed source, not a woman named before (issue 9)', () => {
  const named =
    '“This is little Dover!” said Joanna Fenwick, 39, a cook at the Blue Heron diner. She said the place is proud of its mix of people.';
  it('nobody is named for the unnamed source’s words', () => {
    const ex = run(
      named,
      'At a shop near the pier, a clerk was shaken by the talk she has heard since the fire. “One man came in and said we should shut the pier,” said the woman, who as many here do did not want her name used. “Too much anger,” she said.',
    );
    expect(quoteWith(ex.quotes, 'Too much anger').speaker).toBeNull();
  });

  it('`on condition of anonymity` does the same; a named source asking nothing keeps the `she` (guard)', () => {
    const anon = run(named, 'A second cook spoke on condition of anonymity. “Too much anger,” she said.');
    expect(quoteWith(anon.quotes, 'Too much anger').speaker).toBeNull();
    const plain = run(named, 'The lunch rush had begun. “Too much anger,” she said.');
    expect(quoteWith(plain.quotes, 'Too much anger').speaker).toBe('Joanna Fenwick');
  });
});

describe('`the website explains` after `Fenwick has set up a website`: the site is his, not an outlet named since (issue 9)', () => {
  it('the one who set it up, only as "possibly"', () => {
    const ex = run(
      'One kind islander wants to help.',
      'Tom Fenwick, a radio host in Dover, set up a website, “Come to Dover,” that sells his island to newcomers.',
      'Fenwick told the Harbor Post he has had hundreds of emails.',
      '“A slow economy has us on a hard road,” the website explains. “We welcome all.”',
    );
    const q = quoteWith(ex.quotes, 'hard road');
    expect(q.speaker).toBe('Tom Fenwick');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a website only read about is still the outlet’s (guard)', () => {
    const ex = run(
      'Tom Fenwick read a website about the island.',
      'Fenwick told the Harbor Post he has had hundreds of emails.',
      '“A slow economy has us on a hard road,” the website explains.',
    );
    expect(quoteWith(ex.quotes, 'hard road').speaker).not.toBe('Tom Fenwick');
  });
});

describe('`a super PAC called Harbor 45 ran ads using her remarks before a committee that "..."` (issue 9)', () => {
  it('`called` after `a` and a noun names a thing: the words are hers, only as "possibly", never the PAC', () => {
    const ex = run(
      'Ada Quill ran the port for four years.',
      'A new super PAC called Harbor 45 ran its first ads in Dover using her remarks before a special river committee that “I was in charge of quite a lot” of port policy.',
    );
    const q = quoteWith(ex.quotes, 'in charge of quite a lot');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`the senator called Quill "..."` still says something (guard)', () => {
    const ex = run('Tom Dunn, the senator, spoke next. Dunn called Quill “a liar and a fraud.”');
    expect(quoteWith(ex.quotes, 'liar and a fraud').speaker).toBe('Tom Dunn');
  });

  it('an embassy or consulate is a body, never the `she` of a quote', () => {
    const ex = run(
      'Ada Quill ran the port. The Harbor Consulate then backed her.',
      '“We did what we could with what we had,” she said.',
    );
    expect(quoteWith(ex.quotes, 'did what we could').speaker).toBe('Ada Quill');
  });
});

describe('`De Fenwick` opening a sentence is `Mayor Ada de Fenwick`; a `he` after `the candidate said` is the candidate (issue 9)', () => {
  it('a surname with a particle, whatever its case, is the person named in full', () => {
    const ex = run(
      'Tom Quill called on Mayor Ben de Fenwick to reopen the ferry. De Fenwick shut it in 2014.',
      '“We will look at it again,” De Fenwick said.',
    );
    expect(quoteWith(ex.quotes, 'look at it again').speaker).toBe('Ben de Fenwick');
  });

  it('`the Republican candidate` is the man the article is about, not the mayor; the `he` going on is him, only as "possibly"', () => {
    const ex = run(
      'Quill wants the ferry back.',
      'Tom Quill has sought to look tough on the pier, painting others as weak. Quill says he would do whatever it takes.',
      'On Thursday, Quill called on Mayor Ben de Fenwick to reopen the ferry. De Fenwick shut it in 2014.',
      '“There is anger on that pier like I have never seen,” the Republican candidate said in a radio interview.',
      '“I say we open that line again by morning,” he went on.',
    );
    expect(quoteWith(ex.quotes, 'anger on that pier').speaker).toBe('Tom Quill');
    const q = quoteWith(ex.quotes, 'open that line again');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('`"...," the moderator said`: whoever asks the questions is not the person the article is about (issue 9)', () => {
  it('nobody, and the candidate answering after is still him', () => {
    const ex = run(
      'Tom Quill was asked a plain question about the ferry fares.',
      '“Many argue the fares are pricing families off the river,” the moderator said. “Mr. Quill, what would you do?”',
      'Quill said the fares had risen too fast. “I have to say the fares are a scandal,” he said.',
    );
    expect(quoteWith(ex.quotes, 'pricing families').speaker).toBeNull();
    expect(quoteWith(ex.quotes, 'fares are a scandal').speaker).toBe('Tom Quill');
  });
});

describe('a `he` right after `"...," the Republican candidate said` is the one that epithet was read as (issue 9)', () => {
  it('not the mayor quoted before it, and only "possibly" the candidate', () => {
    const ex = run(
      'Quill wants the ferry back.',
      'Tom Quill has sought to look tough on the pier. Quill says he would do whatever it takes. Quill spoke in Dover on Monday.',
      '“He has no plan at all,” said Mayor Ben Dunn.',
      '“There is anger on that pier like I have never seen,” the Republican candidate said in a radio interview.',
      '“I say we open that line again by morning,” he said.',
    );
    const q = quoteWith(ex.quotes, 'open that line again');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('`noted a report for the council on ferry fares by the nonprofit Tidewater Trust`: a document’s author (issue 9)', () => {
  it('the body after `by`, however long the phrase, only as "possibly"', () => {
    const ex = run(
      '“The line will get paid to keep its oldest boats on standby,” noted a report for the council on ferry fares by the nonprofit Tidewater Trust.',
    );
    const q = quoteWith(ex.quotes, 'oldest boats');
    expect(q.speaker).toBe('Tidewater Trust');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('whoever only obtained the document wrote nothing (guard)', () => {
    const ex = run(
      'A letter from the Dover Legion obtained by The Harbor Post warns that “any further word on it will come through our lawyer.”',
    );
    expect(quoteWith(ex.quotes, 'further word').speaker).not.toBe('Harbor Post');
  });

  it('`a welcome note on the website reads`: the one who set the site up', () => {
    const ex = run(
      'Tom Fenwick, a radio host in Dover, set up a website, “Come to Dover,” that sells his island to newcomers.',
      '“Hi there! The mill may close!” a welcome note on the website reads.',
    );
    expect(quoteWith(ex.quotes, 'mill may close').speaker).toBe('Tom Fenwick');
  });
});

describe('`..., the Harbor Post’s Ben Dunn noted, his wife whispered to him: "..."` (issue 9)', () => {
  it('the wife speaks, unnamed: neither the reporter nor the man she speaks to', () => {
    const ex = run(
      'Tom Quill lost the primary.',
      'As the crowd cheered Quill in Dover on Tuesday night, the Harbor Post’s Ben Dunn noted, his wife whispered to him: “They are still with you.”',
    );
    expect(quoteWith(ex.quotes, 'still with you').speaker).toBeNull();
  });

  it('a wife the article names still speaks, `whispered` being a verb of saying (guard)', () => {
    const ex = run(
      'Tom Quill lost the primary. His wife, Ada Quill, stood by him.',
      '“They are still with you,” Ada Quill whispered.',
    );
    expect(quoteWith(ex.quotes, 'still with you').speaker).toBe('Ada Quill');
  });
});

describe('`"...," he told Quill.`: the one told is never the `he` who speaks (issue 9)', () => {
  it('the man who asked, not the candidate he spoke to', () => {
    const ex = run(
      'Ben Quill held a town hall in Dover on Monday.',
      '“That may not be what my party wants, but it is down the road,” Quill said. “You cannot start until you prove the pier is safe,” he said.',
      'Such a plan might shield him from being pushed too far, but it has left many, his own backers among them, asking what he really wants.',
      'The next morning, a question came from Tom Fenwick, who drove from Harbor City to ask about the ferry.',
      '“Workers like me have been badly hurt by the ferry cuts,” he told Quill.',
    );
    expect(quoteWith(ex.quotes, 'badly hurt').speaker).toBe('Tom Fenwick');
  });
});

describe('a possessive opening the sentence is what a later `he` is about; the agent of a passive acts (issue 9)', () => {
  it('`Fenwick’s lawsuit demands ... He also seeks "..."`: Fenwick, not a man named before', () => {
    const ex = run(
      'Tom Fenwick, a former investigator for the panel, sued on Tuesday.',
      'Ben Dunn, a spokesman for the panel, said the firing was lawful.',
      'Fenwick’s lawsuit demands his old job back, with lost pay. He also seeks “an order barring the chairman from repeating those claims about me.”',
    );
    expect(quoteWith(ex.quotes, 'barring the chairman').speaker).toBe('Tom Fenwick');
  });

  it('`Quill’s plan was backed Friday by Sen. Ada Dunn, who ...` / `"...," she said`: Dunn', () => {
    const ex = run(
      'Ada Quill has a plan for the pier. Critics say she hid the costs.',
      '“We hid nothing,” Quill said on Thursday.',
      'Quill’s plan was backed Friday by Sen. Joan Dunn of Dover, the ranking member of the river panel, who said none of the money came from the town.',
      '“I never saw why the mayor should be blamed for a fund she never touched,” she said in a statement.',
    );
    expect(quoteWith(ex.quotes, 'never saw why').speaker).toBe('Joan Dunn');
  });

  it('`Quill was asked by the moderator, Ben Dunn, whether ...`: the one asked still answers (guard)', () => {
    const ex = run(
      'Tom Quill was asked by Harbor News moderator Ben Dunn whether his plan would cost too much. “Not one cent more than we have,” he said.',
    );
    expect(quoteWith(ex.quotes, 'Not one cent').speaker).toBe('Tom Quill');
  });
});
