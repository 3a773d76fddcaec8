import { describe, expect, it } from 'vitest';
import { direct, indirect, run } from './helpers.ts';

describe('direct quotes in marks', () => {
  it('reads straight and curly marks, attribution after the quote', () => {
    expect(direct(run('"We will not back down," said Ana Ruiz on Monday.'))).toEqual([
      ['We will not back down', 'Ana Ruiz'],
    ]);
    expect(direct(run('“We will not back down,” Ana Ruiz said.'))).toEqual([
      ['We will not back down', 'Ana Ruiz'],
    ]);
    expect(direct(run('‘We will not back down,’ Ana Ruiz said.'))).toEqual([
      ['We will not back down', 'Ana Ruiz'],
    ]);
  });

  it('reads British straight single quotes without tripping on apostrophes', () => {
    expect(
      direct(
        run(
          "'They took it off the table at eleven o'clock and told us to take it,' said Mr Dominic Hale, the drivers' union leader. 'We left it.'",
        ),
      ),
    ).toEqual([
      ["They took it off the table at eleven o'clock and told us to take it", 'Dominic Hale'],
      ['We left it.', 'Dominic Hale'],
    ]);
    expect(
      direct(
        run("Minister Alan Briggs said it was what he called 'a matter for the employer and its staff'."),
      ),
    ).toEqual([['a matter for the employer and its staff', 'Alan Briggs']]);
  });

  it('gives both halves of a split quote to the speaker', () => {
    const ex = run('"The vote was close," Mayor Ana Ruiz said. "But it was fair, and we won it."');
    expect(direct(ex)).toEqual([
      ['The vote was close', 'Ana Ruiz'],
      ['But it was fair, and we won it.', 'Ana Ruiz'],
    ]);
    // Confidence is calibrated per evidence on real news (src/extract/calibration.ts); the evidence differs.
    expect(ex.quotes.map((q) => q.evidence)).toEqual(['name', 'inherited']);
  });

  it('gives a quote interrupted mid-sentence to the speaker on both sides', () => {
    expect(direct(run('“We will enjoy tonight,” Kowalczyk added, “and then we go back to work.”'))).toEqual([
      ['We will enjoy tonight', 'Kowalczyk'],
      ['and then we go back to work.', 'Kowalczyk'],
    ]);
  });

  it('reads a quote after a colon', () => {
    expect(
      direct(
        run('In a memo, Chief Executive Rohan Mehta wrote: "This is the hardest decision I have made."'),
      ),
    ).toEqual([['This is the hardest decision I have made.', 'Rohan Mehta']]);
    expect(direct(run('Senator Mary Lee had a simple message: "Go home and vote."'))).toEqual([
      ['Go home and vote.', 'Mary Lee'],
    ]);
  });

  it('reads partial quotes inside a sentence', () => {
    expect(direct(run('Union president Luis Ortega called the offer "a brochure, not a contract."'))).toEqual(
      [['a brochure, not a contract.', 'Luis Ortega']],
    );
    expect(
      direct(run('Judge Harriet Okafor wrote that the law "sweeps in vast amounts of protected speech."')),
    ).toEqual([['sweeps in vast amounts of protected speech.', 'Harriet Okafor']]);
  });

  it('joins a quote that runs over several paragraphs', () => {
    const ex = run(
      'Ortega read from a prepared statement:',
      '"We did not choose this. We tried for fourteen months.',
      '"Give us a fair offer and the buses will roll."',
      'The talks resume on Friday.',
    );
    const q = ex.quotes.find((x) => x.text.startsWith('We did not choose this'));
    expect(q?.text).toBe(
      'We did not choose this. We tried for fourteen months. Give us a fair offer and the buses will roll.',
    );
    expect(q?.speaker).toBe('Ortega');
    expect(q?.paragraph).toBe(1);
    expect(q?.end).toBe('"Give us a fair offer and the buses will roll'.length + 1);
  });

  it('does not take scare quotes or quoted titles for speech', () => {
    expect(direct(run('Critics blame the so-called "deep state" for the delay.'))).toEqual([]);
    expect(direct(run('The film "The Long Tide" won the top prize on Saturday.'))).toEqual([]);
    expect(direct(run('"Paper Lanterns," a comedy, won the audience award.'))).toEqual([]);
    expect(direct(run('The city draws on what officials call the "rainy day" account.'))).toEqual([]);
    expect(direct(run('A group called "Mothers for Transit" organised the rally.'))).toEqual([]);
  });

  it('takes a short quoted label inside a noun phrase for a label, not speech', () => {
    expect(direct(run('Farrow said the government had ignored its own "buy local" policy.'))).toEqual([]);
  });

  it('finds the name between commas when a role comes first', () => {
    expect(
      direct(run('Its president, Malcolm Reid, called the decision "a punch in the gut for every family."')),
    ).toEqual([['a punch in the gut for every family.', 'Malcolm Reid']]);
  });

  it('keeps a quoted judgement that follows a title noun', () => {
    expect(
      direct(run('Jury president Henrik Sandvik called the film "patient, furious and unsentimental."')),
    ).toEqual([['patient, furious and unsentimental.', 'Henrik Sandvik']]);
  });

  it('leaves the speaker null when nobody is named', () => {
    const ex = run('"Nobody told us anything about the closure, not a word," one rider complained loudly.');
    expect(ex.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker)).toEqual([null]);
    expect(direct(run('"We are tired of waiting for the city to act," they said.'))).toEqual([
      ['We are tired of waiting for the city to act', null],
    ]);
  });
});

describe('quotes whose marks were lost', () => {
  it('reads a first-person clause before an attribution, even in an article with marks', () => {
    const ex = run(
      "The hospital's chief executive, Gregory Lindahl, announced the closure on Tuesday.",
      'We remain committed to the city, the chief executive said. Our clinics are not going anywhere.',
      '"It is a sad day," said nurse Janet Fuller.',
    );
    expect(direct(ex)).toEqual([
      ['We remain committed to the city', 'Gregory Lindahl'],
      ['Our clinics are not going anywhere.', 'Gregory Lindahl'],
      ['It is a sad day', 'Janet Fuller'],
    ]);
  });

  it("does not take a reporter's paraphrase for a quote where marks survive", () => {
    expect(direct(run('"Yes," she said. The economy grew last year, officials said.'))).toEqual([
      ['Yes', null],
    ]);
  });

  it('in an article without any marks, reads the clause and the speech around it', () => {
    const ex = run(
      'Russian President Vladimir Putin spoke in Helsinki. The most recent example is our cooperation at the World Cup, Putin said. In general, the contacts should be put on a systemic basis. I reminded President Trump about the working group. After the summit, critics were unconvinced.',
    );
    expect(direct(ex)).toEqual([
      ['The most recent example is our cooperation at the World Cup', 'Vladimir Putin'],
      [
        'In general, the contacts should be put on a systemic basis. I reminded President Trump about the working group.',
        'Vladimir Putin',
      ],
    ]);
  });
});

describe('indirect quotes', () => {
  it('reads reported clauses with and without "that"', () => {
    expect(indirect(run('Putin said Russia favors continued cooperation in counter terrorism.'))).toEqual([
      ['Russia favors continued cooperation in counter terrorism', 'Putin'],
    ]);
    expect(
      indirect(run('Mayor Ana Ruiz, who had threatened a veto, said that she would sign the measure.')),
    ).toEqual([['she would sign the measure', 'Ana Ruiz']]);
    expect(
      indirect(run('City Manager Paul Osei told the council that sales tax receipts fell 4 percent.')),
    ).toEqual([['sales tax receipts fell 4 percent', 'Paul Osei']]);
    expect(
      indirect(run('According to Paul Osei, the police overtime line will grow by 11 percent.')),
    ).toEqual([['the police overtime line will grow by 11 percent', 'Paul Osei']]);
  });

  it('reads a paraphrase with a final attribution as indirect where marks survive, without the dateline', () => {
    expect(
      indirect(
        run(
          'FENWICK — Police arrested a 31-year-old man on Monday, the Fenwick Police Department said.',
          '"We are grateful to the public," said Police Chief Angela Ruiz.',
        ),
      ),
    ).toEqual([['Police arrested a 31-year-old man on Monday', 'Fenwick Police Department']]);
  });

  it('needs the speaker to open the clause', () => {
    expect(
      indirect(run('The device has a battery the company says will last eight weeks on a charge.')),
    ).toEqual([]);
  });

  it('keeps indirect and direct quotes apart, and drops anonymous claims', () => {
    const ex = run('Putin said he and Trump could respond "through a working group on cybersecurity."');
    expect(indirect(ex)).toEqual([]);
    expect(direct(ex)).toEqual([['through a working group on cybersecurity.', 'Putin']]);
    expect(indirect(run('Some residents said the plan would never work in this town.'))).toEqual([]);
  });
});
