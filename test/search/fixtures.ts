/** A small hand-written corpus shared by the search tests: two wordings of one Putin remark, long quotes, facts. */
import type { Corpus } from '../../src/types.ts';
import { article, corpus } from './helpers.ts';

const LONG_FILLER =
  'We have spent many months reviewing every part of the schedule, every contract, every supplier and every ' +
  'route, and we have talked to the crews, the unions, the airports and the regulators about what they need from ' +
  'us over the coming winter, because none of this works unless everyone pulls in the same direction';

/** The corpus: 5 articles, 8 quotes, 3 facts. */
export function sampleCorpus(): Corpus {
  const a1 = article({
    id: 'techcrunch-putin',
    title: 'Putin proposes a joint cybersecurity group with the US',
    outlet: 'TechCrunch',
    url: 'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/',
    published: '2018-07-16',
    paragraphs: [
      'Over the course of the Helsinki summit, Russian President Vladimir Putin pushed an agenda of cooperation.',
      'Any specific material, if such things arise, we are ready to analyze together. For instance, we can analyze them through the joint working group on cyber security, the establishment of which we discussed during our previous contacts, Putin said in Helsinki.',
      'Days earlier the Department of Justice indicted 12 Russian intelligence officials for the 2016 hack.',
    ],
    quotes: [
      {
        text: 'Any specific material, if such things arise, we are ready to analyze together. For instance, we can analyze them through the joint working group on cyber security, the establishment of which we discussed during our previous contacts',
        speaker: 'Vladimir Putin',
        role: 'Russian President',
      },
    ],
    facts: [
      'Days earlier the Department of Justice indicted 12 Russian intelligence officials for the 2016 hack.',
    ],
  });
  const a2 = article({
    id: 'cnbc-putin',
    title: 'Trump and Putin could be reigniting talks to create a cybersecurity task force',
    outlet: 'CNBC',
    url: 'https://www.cnbc.com/2018/07/16/trump-putin-cybersecurity-task-force.html',
    published: '2018-07-17',
    paragraphs: [
      'During their press conference in Helsinki, President Donald Trump hinted at talks with Putin.',
      '"For instance, we can analyze them through a working group on cybersecurity, the establishment of which we discussed during our previous meeting," Putin said.',
      '"I felt this was a message best delivered in person," Trump said.',
    ],
    quotes: [
      {
        text: 'For instance, we can analyze them through a working group on cybersecurity, the establishment of which we discussed during our previous meeting,',
        speaker: 'Putin',
      },
      {
        text: 'I felt this was a message best delivered in person,',
        speaker: 'Donald Trump',
        role: 'President',
      },
    ],
  });
  const a3 = article({
    id: 'airline-winter',
    title: 'Airline braces for a hard winter',
    outlet: 'The Daily Ledger',
    published: '2024-11-02',
    paragraphs: [
      'The airline has cancelled hundreds of flights this autumn.',
      `"${LONG_FILLER}, and the turbulence we saw over the Atlantic last month was the worst our pilots have reported in a decade," said Maria Lopez, the airline's chief executive.`,
      'The carrier cut 1,200 jobs in March and expects to hire 300 pilots next year.',
      '"Safety is not negotiable," Lopez said.',
    ],
    quotes: [
      {
        text: `${LONG_FILLER}, and the turbulence we saw over the Atlantic last month was the worst our pilots have reported in a decade,`,
        speaker: 'Maria Lopez',
        role: 'chief executive',
      },
      { text: 'Safety is not negotiable,', speaker: 'Maria Lopez' },
    ],
    facts: ['The carrier cut 1,200 jobs in March and expects to hire 300 pilots next year.'],
  });
  const a4 = article({
    id: 'turbulence-short',
    title: 'Pilots describe the worst turbulence in years',
    outlet: 'Aviation Weekly',
    published: '2024-10-20',
    paragraphs: [
      '"Passengers were thrown against the ceiling when the aircraft dropped," said Tom Reed, a pilot with 20 years of experience.',
      'The flight landed safely in Dublin with 14 people injured.',
    ],
    quotes: [
      {
        text: 'Passengers were thrown against the ceiling when the aircraft dropped,',
        speaker: 'Tom Reed',
        role: 'pilot',
      },
    ],
    facts: ['The flight landed safely in Dublin with 14 people injured.'],
  });
  const a5 = article({
    id: 'city-budget',
    title: 'City council passes budget',
    outlet: 'The Daily Ledger',
    published: null,
    paragraphs: [
      '"We will not raise taxes on working families this year," Mayor Ana Silva said.',
      'Silva added that the city would hire 40 new teachers.',
    ],
    quotes: [
      { text: 'We will not raise taxes on working families this year,', speaker: 'Ana Silva', role: 'Mayor' },
      {
        text: 'the city would hire 40 new teachers',
        speaker: 'Ana Silva',
        kind: 'indirect',
      },
    ],
  });
  return corpus(
    [a1, a2, a3, a4, a5],
    [
      {
        name: 'Vladimir Putin',
        role: 'Russian President',
        aliases: ['Putin', 'President Putin', 'Vladimir Putin'],
        quoteCount: 2,
      },
      { name: 'Donald Trump', role: 'President', aliases: ['Trump', 'Mr. Trump'], quoteCount: 1 },
      { name: 'Maria Lopez', role: 'chief executive', aliases: ['Lopez'], quoteCount: 2 },
      { name: 'Tom Reed', role: 'pilot', aliases: ['Reed'], quoteCount: 1 },
      { name: 'Ana Silva', role: 'Mayor', aliases: ['Silva'], quoteCount: 2 },
    ],
  );
}
