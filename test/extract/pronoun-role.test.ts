/**
 * Pronoun and role sources (`he said`, `the company said`) seen to go wrong in real news, each written here as our
 * own invented sentences. A wrong name is worse than none: a speaker found by weak evidence stays "possibly".
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/context.ts';
import { cleanSpeaker } from '../../src/extract/index.ts';
import { analyzeRun, type Entity, readsAsPerson } from '../../src/extract/names.ts';
import { tokenize } from '../../src/extract/tokens.ts';
import { SPEAKER_SHOWN_MIN } from '../../src/trust.ts';
import type { Quote } from '../../src/types.ts';
import { run } from './helpers.ts';

const quoteWith = (quotes: Quote[], needle: string): Quote => {
  const q = quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote with ${needle}: ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
};

describe('a plural noun for people is never a speaker', () => {
  it('`Aides say ...` opening a sentence is nobody', () => {
    const ex = run(
      'Aides say the retired mayor will "campaign hard" for Briggs. In a note on Quill’s blog: "To heal our city, we must end the feud that has split the council."',
    );
    expect(quoteWith(ex.quotes, 'end the feud').speaker).not.toBe('Aides');
  });

  it('the last word of `Council of Economic Advisers` is no one for a later `she said`', () => {
    const ex = run(
      'But her rival at the forum, former Treasury chief Ada Quill, drew a contrast, saying that worries about lost jobs — as set out by Tom Briggs, the former chairman of President Carl Ruiz’s Council of Economic Advisers — deserved a hearing.',
      '“I take the warning seriously. He knows the subject well,” she said.',
    );
    const q = quoteWith(ex.quotes, 'knows the subject');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it.each(['Aides', 'Advisers', 'Officials', 'Analysts', 'Allies'])('cleanSpeaker(%s) is null', (w) => {
    expect(cleanSpeaker(w)).toBeNull();
  });

  it.each(['Deans', 'Sanders', 'Roberts', 'Banks', 'Dottie Deans'])('guard: the surname %s stays', (w) => {
    expect(cleanSpeaker(w)).toBe(w);
  });
});

describe('a name given an age (`Ruiz, 41,`) is a person', () => {
  it('an unknown first name with an age is who a following `he said` may mean', () => {
    const ex = run(
      'Mayor Tom Briggs spoke first at the rally.',
      'Kavisha Orlund is a retired pilot who backs the levy.',
      'Orlund, 41, explained to reporters why he will not support Mayor Tom Briggs.',
      '"He has never flown a plane in his life," he said.',
    );
    const q = quoteWith(ex.quotes, 'never flown');
    expect(q.speaker).toBe('Kavisha Orlund');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('the apposition after the age (`Tin Aung Hla, 64, a farmer,`) brings in no unnamed someone', () => {
    const ex = run(
      'Mayor Tom Briggs spoke first at the rally.',
      'Tin Aung Hla, 64, a farmer, said she was worried. She remembers the floods.',
      '"We have to be careful about it," she said.',
    );
    const q = quoteWith(ex.quotes, 'careful about it');
    expect(q.speaker).toBe('Tin Aung Hla');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('a month word ending a name with an age is part of the name (`Than Shwe May, 52,`)', () => {
    const ex = run(
      'Mayor Tom Briggs spoke first at the rally.',
      'Than Shwe May, 52, a teacher, said she was worried. She remembers the floods.',
      '"We have to be careful about it," she said.',
    );
    expect(quoteWith(ex.quotes, 'careful about it').speaker).toBe('Than Shwe May');
  });

  it('a name with an age, then a verb, is the subject (`his cousin Rufus Denning, 59, cited ...`)', () => {
    const ex = run(
      'Two brothers were fixing a fence by the road. One, Carl Denning, 68, had worked at the mill and said he feared it would close. The other, his cousin Rufus Denning, 59, cited the new tax as the real danger. "It will ruin the small farms," he said.',
    );
    const q = quoteWith(ex.quotes, 'ruin the small farms');
    expect(q.speaker).toBe('Rufus Denning');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('a first name whose gender the name tables guessed wrong', () => {
  it('the subject just before, guessed `he`, is who `she said` likely means: only "possibly"', () => {
    const ex = run(
      'Justice Mara Voss wrote a sharp dissent this month.',
      'Voss remained the most liberal member of the court, according to a study by Lee Ambrose, a law professor, and Kevin Tamm, a statistician.',
      'In all, the justices are seeking common ground, Professor Ambrose said.',
      '"The court had a calmer term than anyone expected," she said.',
    );
    const q = quoteWith(ex.quotes, 'calmer term');
    expect(q.speaker).toBe('Lee Ambrose');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('guard: not when someone compatible is a subject earlier in that paragraph (`according to Vanity Fair`)', () => {
    const ex = run(
      'Tom Vale ran the channel for a decade. Vale trusted nobody at the network, according to Vanity Fair, so he kept a locked office. "Watch out for the traitors among us," he told the staff at one meeting.',
    );
    expect(quoteWith(ex.quotes, 'traitors among us').speaker).toBe('Tom Vale');
  });

  it('guard: someone compatible named after that subject is still preferred', () => {
    const ex = run(
      'Lee Ambrose, a law professor, studied the court for a decade.',
      'Justice Mara Voss wrote a sharp dissent this month.',
      '"The court had a calmer term than anyone expected," she said.',
    );
    expect(quoteWith(ex.quotes, 'calmer term').speaker).toBe('Mara Voss');
  });
});

describe('`the two write`: the pair named together just before', () => {
  it('is both of them, only "possibly", never one of them shown as sure', () => {
    const ex = run(
      'Ada Quill and Tom Briggs sent the director a letter on Monday, asking why the audit was dropped.',
      '"You have changed the rules in the middle of the game," the two write.',
    );
    const q = quoteWith(ex.quotes, 'changed the rules');
    expect(q.speaker).toBe('Ada Quill and Tom Briggs');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`the two senators said` likewise', () => {
    const ex = run(
      'Ada Quill and Tom Briggs sent the director a letter on Monday. "We expect an answer within the week," the two senators said.',
    );
    expect(quoteWith(ex.quotes, 'answer within').speaker).toBe('Ada Quill and Tom Briggs');
  });

  it('guard: with no pair named, nobody rather than the one person named', () => {
    const ex = run(
      'Ada Quill sent the director a letter on Monday. "We expect an answer within the week," the two senators said.',
    );
    const q = quoteWith(ex.quotes, 'answer within');
    expect(q.speaker === null || q.confidence < SPEAKER_SHOWN_MIN).toBe(true);
    expect(q.speaker).not.toBe('Ada Quill');
  });
});

describe('present-tense verbs of a document or writer (`contends`, `write`)', () => {
  it('`The lawsuit contends that "..."` quotes the lawsuit', () => {
    const ex = run(
      'The lawsuit contends that "the county failed to inspect the bridge for a decade" before the collapse.',
    );
    expect(quoteWith(ex.quotes, 'failed to inspect').speaker).toBe('the lawsuit');
  });
});

describe('`the company said` after a one-word name that spoke (`Brantwell acknowledged ...`)', () => {
  it('is that name, not another company named earlier; only "possibly"', () => {
    const ex = run(
      'Rights groups have long pressed Quillon Media and Brantwell to act.',
      'Brantwell acknowledged that the question was hard. "We try to balance the rights of users against the law," the company said.',
    );
    const q = quoteWith(ex.quotes, 'balance the rights');
    expect(q.speaker).toBe('Brantwell');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('guard: a person who spoke (a first name and surname) is never the company', () => {
    const ex = run(
      'Rights groups have long pressed Quillon Media and its founder, Tom Brantwell, to act.',
      'Brantwell acknowledged that the question was hard. "We try to balance the rights of users against the law," the company said.',
    );
    expect(quoteWith(ex.quotes, 'balance the rights').speaker).not.toBe('Tom Brantwell');
  });
});

describe("a relation's first name takes the family name (`Quill's husband, Tom,`)", () => {
  it('`he said` then names Tom Quill, not a bare first name', () => {
    const ex = run(
      "Quill's husband, Tom, spoke at length on Sunday. But the former governor showed restraint Monday.",
      '"I must watch my words about this race," he said.',
    );
    const q = quoteWith(ex.quotes, 'watch my words');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('guard: a relation named in full keeps their own name', () => {
    const ex = run(
      "Quill's husband, Tom Reyes, spoke at length on Sunday.",
      '"I must watch my words about this race," Reyes said.',
    );
    expect(quoteWith(ex.quotes, 'watch my words').speaker).toBe('Tom Reyes');
  });
});

describe('first names the news gives to men and women alike (`Jan`, `Lee`)', () => {
  it('`Jan Okafor ... she said` is Jan Okafor, not a woman named further back', () => {
    const ex = run(
      'Mayor Rita Lowell left the hall early.',
      'Former state treasurer Jan Okafor, an early backer of the plan, calls the levy "overdue." "It should have passed years ago," she said.',
    );
    expect(quoteWith(ex.quotes, 'passed years ago').speaker).toBe('Jan Okafor');
  });

  it('guard: `Jan Okafor ... he said` is still Jan Okafor', () => {
    const ex = run(
      'Mayor Rita Lowell left the hall early.',
      'Former state treasurer Jan Okafor, an early backer of the plan, calls the levy "overdue." "It should have passed years ago," he said.',
    );
    expect(quoteWith(ex.quotes, 'passed years ago').speaker).toBe('Jan Okafor');
  });
});

describe('`the narrator says`: the voice of an ad speaks for whoever ran it', () => {
  it('a person who released the ad: their campaign, only "possibly"', () => {
    const ex = run(
      'Many candidates will follow Rep. Ada Quill of Ohio. This spring, she released an online ad attacking the governor. "We need leaders who will stand up to him," the narrator says.',
    );
    const q = quoteWith(ex.quotes, 'stand up to him');
    expect(q.speaker).toBe('Quill campaign');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('guard: no ad named, nobody', () => {
    const ex = run(
      'Rep. Ada Quill spoke at the fair. The debate was loud. "Ohio deserves better than this," the narrator says.',
    );
    expect(quoteWith(ex.quotes, 'deserves better').speaker).toBeNull();
  });
});

describe('`Ms. Lowell, she said, "..."`: the name before the parenthetical pronoun is whom the words are about', () => {
  it('is not the speaker, even when she was quoted just before', () => {
    const ex = run(
      'Ada Quill and Rita Lowell held a joint rally. "He will sell the river to the highest bidder," Ms. Lowell said.',
      'It was a strong double act by the two rivals, as Ms. Quill echoed the attack, saying the governor "cares only for his donors" and Ms. Lowell, she said, "sees him for what he is."',
    );
    const q = quoteWith(ex.quotes, 'for what he is');
    expect(q.speaker).not.toBe('Rita Lowell');
    expect(q.speaker === null || q.confidence < SPEAKER_SHOWN_MIN).toBe(true);
  });

  it('guard: `Ms. Lowell said, "..."` is still Ms. Lowell', () => {
    const ex = run(
      'Ada Quill and Rita Lowell held a joint rally. Ms. Lowell spoke last. "He will sell the river to the highest bidder," she said.',
    );
    expect(quoteWith(ex.quotes, 'highest bidder').speaker).toBe('Rita Lowell');
  });
});

describe('a role described by lower-case words before the name (`presidential candidate Tom Reyes says`)', () => {
  it('the named person is the subject a following `He says` means, not someone named earlier', () => {
    const ex = run(
      'Harbor County’s supervisor of elections, Mark Fallow, sent out a note assuring voters that no name had been left off the ballot.',
      'Libertarian vice presidential nominee Tom Reyes says, win or lose in the coastal primary, he will remain a candidate.',
      'He says no one in the field is “anywhere near the number of delegates needed,” the number that would settle it.',
    );
    expect(quoteWith(ex.quotes, 'anywhere near').speaker).toBe('Tom Reyes');
  });
});

describe('a `he` inside a sentence means its subject, not someone named since in it', () => {
  const lead =
    'Senator Tom Reyes, who won two southern states on Tuesday, is urging his rivals to leave the race.';
  const claim =
    'warned that as long as the field stayed split, Mark Dunn would have an easy road to winning, which he called "a catastrophe for the whole party."';

  it('`He warned that ..., Dunn would ..., which he called "..."` is Reyes, possibly', () => {
    const ex = run(lead, 'He asked them to think hard about it.', `He ${claim}`);
    const q = quoteWith(ex.quotes, 'catastrophe');
    expect(q.speaker).toBe('Tom Reyes');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`Reyes warned that ..., Dunn would ..., which he called "..."` is Reyes too', () => {
    const ex = run(lead, `Reyes ${claim}`);
    expect(quoteWith(ex.quotes, 'catastrophe').speaker).toBe('Tom Reyes');
  });

  it('guard: a subject inside an opening clause is not the sentence’s (`When Ms. Dunn spoke, Mrs. Ames replied`)', () => {
    const ex = run(
      'Mrs. Ada Ames spent the year on the road, arguing against the amendment.',
      'When Ms. Lena Dunn, during a debate at the college, called her views cruel, Mrs. Ames replied that she was glad Ms. Dunn had said it because, she said, it showed how "small and bitter the other side" had become.',
    );
    expect(quoteWith(ex.quotes, 'small and bitter').speaker).toBe('Ada Ames');
  });

  it('guard: a name inside the subject’s own phrase is no rival (`Quill spokesman Rick Tolliver said ..., he said`)', () => {
    const ex = run(
      'Senator Tom Quill is ahead in the polls.',
      'Quill spokesman Rick Tolliver explained that the team plans to draw contrasts so that voters can see that Tom Quill has "a plan for the first hundred days," he said.',
    );
    expect(quoteWith(ex.quotes, 'first hundred days').speaker).toBe('Rick Tolliver');
  });
});

describe('a document whose owner stands in its name speaks for that owner', () => {
  it('`the Harlow Foundation report said` is the Harlow Foundation, as an organisation', () => {
    const ex = run(
      '"Most towns in the valley have lost a fifth of their people," the Harlow Foundation report said.',
    );
    const q = quoteWith(ex.quotes, 'lost a fifth');
    expect(q.speaker).toBe('Harlow Foundation');
    expect(q.role).toBeNull();
  });

  it('`the Quill campaign memo says` is the Quill campaign, not Quill', () => {
    const ex = run(
      'Senator Ada Quill spoke in Dover.',
      'The Quill campaign memo says "the north is ours to lose."',
    );
    expect(quoteWith(ex.quotes, 'ours to lose').speaker).toBe('Quill campaign');
  });

  it('`found`, `projects` and `estimates` report what a study or a campaign says', () => {
    const ex = run(
      'The Harlow Foundation study found that "most towns in the valley have lost a fifth of their people since 1990."',
      'The Reyes campaign projects that "a small levy on each trade" would raise billions.',
    );
    expect(quoteWith(ex.quotes, 'lost a fifth').speaker).toBe('Harlow Foundation');
    expect(quoteWith(ex.quotes, 'small levy').speaker).toBe('Reyes campaign');
  });
});

describe('a block quote opened with straight marks holds curly quotes of its own', () => {
  it('the curly quote inside does not end it; the page that introduced it speaks', () => {
    const ex = run(
      'Few papers mattered more to the young reformers than the Dover Charter, as the Halvorsen Institute website explains:',
      '"In the spring of 1971, a few dozen students gathered at a farmhouse outside Dover and formed a league. The charter they signed, written “in a season of doubt,” became the core of their creed.',
      '"Its points were simple: free speech comes first, and every town should run its own schools."',
    );
    const q = quoteWith(ex.quotes, 'spring of 1971');
    expect(q.text).toContain('core of their creed');
    expect(q.speaker).toBe('Halvorsen Institute');
    // (The words quoted inside are no quote of their own.)
    expect(ex.quotes.some((x) => x.text === 'in a season of doubt')).toBe(false);
  });

  it('guard: curly quotes after a straight mark inside a sentence still restart', () => {
    const ex = run('He wrote 5" on the plan, then Quill said “the bridge will open in May” to the crowd.');
    expect(quoteWith(ex.quotes, 'bridge will open').text).toBe('the bridge will open in May');
  });
});

describe('a title noun for someone the article names only later or otherwise', () => {
  it('`the judge exclaimed` before the article writes `Judge Ortiz` is possibly Ortiz, not the lawyer just named', () => {
    const ex = run(
      'My lawyer, Sam Fielding, finished his plea and sat down. The judge rubbed his chin.',
      '“Everything you have argued and everything I have argued,” the judge exclaimed, “comes to the same thing.”',
      'Later that week Judge Ortiz set the date for sentencing.',
    );
    const q = quoteWith(ex.quotes, 'comes to the same thing');
    expect(q.speaker).toBe('Ortiz');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`the Democratic candidate said` is not the mayor named last, but the person the article is about', () => {
    const ex = run(
      'Ada Quill spent the week in the north. Quill visited three mills on Monday.',
      'Quill has promised to reopen the port. Quill also asked Mayor Tom Briggs to reopen the ferry office. Briggs closed it last year.',
      '“There is work here like nobody has seen,” the Democratic candidate said in an interview.',
    );
    const q = quoteWith(ex.quotes, 'work here like nobody');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('guard: two judges in the article leave `the judge` to the passage', () => {
    const ex = run(
      'Judge Ana Ortiz heard the first case. Judge Lena Park heard the second.',
      'My lawyer, Sam Fielding, finished his plea and sat down.',
      '“We will break for lunch now,” the judge said.',
    );
    expect(quoteWith(ex.quotes, 'break for lunch').speaker).not.toBe('Ana Ortiz');
  });
});

describe('people brought in by initials or by an inverted `is`', () => {
  it('`said K.L. Amberton, a fellow ...` then `He added` is Amberton', () => {
    const ex = run(
      'Party chairman Tom Briggs said the party would do well with young voters. "We have a plan," Briggs said.',
      '"It was a serious effort, and it still fell short," said K.L. Amberton, a fellow at the Harlow Institute. He added that the ministry has also "been quite slow to act on this, slower than anyone could have hoped."',
    );
    expect(quoteWith(ex.quotes, 'quite slow').speaker).toBe('K.L. Amberton');
  });

  it('`Across the river ..., is Dorian Vance, a teacher ...` is the subject a following `he said` means', () => {
    const ex = run(
      'Party chairman Tom Briggs said the party would do well with young voters. "We have a plan," Briggs said.',
      'Across the river, handing out leaflets for the Quill campaign, is Dorian Vance, a 29-year-old teacher who quit his job to canvass. Inspired by Quill’s record on schools, he’s committed to her.',
      '"I’m walking every street in this ward," he said.',
    );
    const q = quoteWith(ex.quotes, 'every street');
    expect(q.speaker).toBe('Dorian Vance');
    // (Brought in, not quoted: only "possibly".)
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('a dash glued between two words ends the first', () => {
  it('`Luther Fallow IV—a Dover lawyer` is Luther Fallow IV, whom a later `he said` means', () => {
    const ex = run(
      'The money came from Luther Fallow IV—a Dover lawyer who has given to both parties—and a few friends.',
      'Fallow told an interviewer that he is not backing any candidate. "I have not spoken to any campaign in a year," he said.',
    );
    const q = quoteWith(ex.quotes, 'any campaign in a year');
    expect(q.speaker).toBe('Luther Fallow IV');
  });

  it('the dash is kept as the word’s punctuation', () => {
    const toks = tokenize('Fallow IV—a lawyer');
    expect(toks.map((t) => t.word)).toEqual(['Fallow', 'IV', 'a', 'lawyer']);
    expect(toks[1]?.trail).toBe('—');
    expect(toks[2]?.start).toBe('Fallow IV—'.length);
  });
});

describe('a title for a person as the subject of a sentence holding a quote', () => {
  it('`..., the former harbor commissioner spoke of keeping the "..."` is possibly the one with that title', () => {
    const ex = run(
      'Ada Quill, the former harbor commissioner, spoke second. "We need steady hands," Tom Reyes said before her.',
      'Going back to an old theme, the former harbor commissioner spoke of keeping the "gains the docks won under the last board" for years.',
      'Asked about the budget, one trustee said the harbor commissioner is "a fine talker when nobody pushes back."',
    );
    const q = quoteWith(ex.quotes, 'gains the docks won');
    expect(q.speaker).toBe('Ada Quill');
    // (Guard: the title after `said` is whom the words are about, not who says them.)
    expect(quoteWith(ex.quotes, 'fine talker').speaker).toBeNull();
  });

  it('`The Green candidate seemed to lay out his agenda by declaring, "..."` is the person just quoted, possibly', () => {
    const ex = run(
      '"We will not back down," Tom Reyes said.',
      'The Green candidate seemed to lay out his agenda by declaring, "My first job is to keep the ferries running and the rents fair."',
    );
    const q = quoteWith(ex.quotes, 'ferries running');
    expect(q.speaker).toBe('Tom Reyes');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('places that look like names are no one', () => {
  it('a name the article puts after `in` or `into` twice is a place, never a `he`', () => {
    const ex = run(
      'The party won most seats on the council in Elliot Bay. Soldiers later marched into Elliot Bay.',
      'Since then life has changed. "Nobody here trusts the new rulers," he said.',
    );
    expect(quoteWith(ex.quotes, 'Nobody here trusts').speaker).not.toBe('Elliot Bay');
  });

  it('`the Sunshine State` reads as no person', () => {
    const state: Entity = {
      id: 0,
      name: 'Sunshine State',
      type: 'person',
      gender: null,
      roles: [],
      company: false,
      forms: new Set(['Sunshine State']),
    };
    expect(readsAsPerson(state)).toBe(false);
  });
});

describe('a subject set off by dashes, and titles that are objects', () => {
  it('`Harbor pollster Tom Ayers -- author of ... -- is doubtful` is the subject a following quote means', () => {
    const ex = run(
      'Campaign chairman Carl Dunn called the choice "the boldest pick in years."',
      'Harbor pollster Tom Ayers -- author of a study that urged the party to court young voters -- is doubtful the mayor can recover. But the mayor might try to shift the focus.',
      '"His best hope is to get them talking about the port again," he said.',
    );
    expect(quoteWith(ex.quotes, 'best hope').speaker).toBe('Tom Ayers');
  });

  it('guard: `As if addressing the mayor directly, the Harbor Elections Board was firm:` is the board', () => {
    const ex = run(
      'Reached on Tuesday, Ada Quill — who filed the complaint — said she will not appeal.',
      'As if addressing the mayor directly, the Harbor Elections Board was firm in its ruling: "No further discussion of this matter is needed."',
    );
    expect(quoteWith(ex.quotes, 'No further discussion').speaker).toBe('Harbor Elections Board');
  });
});

describe('someone quoted by name is a person, whatever the name tables say', () => {
  it('`"...," Qoranye Veltis said` makes Veltis who a later `she said` may mean', () => {
    const ex = run(
      '"The plan has no money behind it," Qoranye Veltis said at the hearing.',
      'Mayor Tom Briggs left before the vote.',
      'Later, in the hallway, Veltis kept her voice low. "We will fight it in court," she said.',
    );
    expect(quoteWith(ex.quotes, 'fight it in court').speaker).toBe('Qoranye Veltis');
  });
});

describe('a title for the person a paragraph is about', () => {
  it('`Reyes stopped by ... the senator said` is Reyes, not a senator named paragraphs before', () => {
    const ex = run(
      'Sen. Carl Dunn spent the morning in Harlow, shaking hands at a diner.',
      'Polls opened at seven. Turnout was steady through the morning in most towns.',
      'Tom Reyes tried to lift spirits as he stopped by his office in Dover. Walking in to cheers, the senator said his team was "finishing very strong." He noted that volunteers had come from far away.',
      '"Who can win in the fall? I can," he said.',
    );
    expect(quoteWith(ex.quotes, 'finishing very strong').speaker).toBe('Tom Reyes');
    expect(quoteWith(ex.quotes, 'Who can win').speaker).toBe('Tom Reyes');
  });
});

describe('the subject of a clause whose verb of saying comes after `but`', () => {
  it('`A spokesman for Dover Freight declined ... but said through a lawyer that "..."` is Dover Freight', () => {
    const ex = run(
      'A spokesman for Dover Freight declined to discuss the audit itself but said through a lawyer that "Dover Freight never treated the account differently from any other client."',
    );
    const q = quoteWith(ex.quotes, 'never treated the account');
    expect(q.speaker).toBe('Dover Freight');
    expect(q.role).toBeNull();
  });
});

describe('a clause after the marks, then the sentence’s own attribution', () => {
  it('`"..." if she did not win by more, said Tom Fallow, an analyst ...` and `"..." because ..., he said.`', () => {
    const ex = run(
      '"Many would call that a blow for Ada Quill" if she did not win by more than that, said Tom Fallow, an analyst at the Harbor Institute. "And yet it would settle the race even more for Ada Quill" because she would widen her lead, he said.',
    );
    expect(quoteWith(ex.quotes, 'a blow for').speaker).toBe('Tom Fallow');
    expect(quoteWith(ex.quotes, 'settle the race').speaker).toBe('Tom Fallow');
  });

  it('guard: another quote between the marks and the attribution keeps it for that quote', () => {
    const ex = run('"Never again" is what the poster said, and "we mean it," Tom Fallow said.');
    expect(quoteWith(ex.quotes, 'we mean it').speaker).toBe('Tom Fallow');
  });
});

describe('a quote standing alone after a sentence that puts out a document', () => {
  it('`..., the Harbor Council issued a statement apologizing ...` then `"..."` is the council', () => {
    const ex = run(
      'At Dunn’s direction, the Harbor Council issued a statement apologizing to Quill for the emails.',
      '"Speaking for all of us on the council, we offer a sincere apology to Ms. Quill."',
    );
    expect(quoteWith(ex.quotes, 'sincere apology').speaker).toBe('Harbor Council');
  });

  it('guard: a sentence that only mentions a document (`read the statement`) reports nobody’s words', () => {
    const ex = run('Tom Reyes read the statement twice before the vote.', '"We owe the town an answer."');
    expect(quoteWith(ex.quotes, 'owe the town').speaker).toBeNull();
  });
});

describe('a document sent from someone named after their role', () => {
  it('`a memo was sent by the league’s director, Ben Marlow, ... The memo said, "..."` is Marlow', () => {
    const ex = run(
      'According to the Ledger, a memo was sent by the league’s managing director, Ben Marlow, to the members. The memo said, "Starting today, we will wind down the club."',
    );
    const q = quoteWith(ex.quotes, 'wind down the club');
    expect(q.speaker).toBe('Ben Marlow');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('a name right before a verb of saying is a subject wherever its clause opens (issue 9)', () => {
  it('`It was then that Briggs says ...` / `"...," she says`: the woman just named, not the man the paragraph opened on', () => {
    const ex = run(
      'To his fans, Fallow is a truth-teller with a megaphone. To his critics, he is a nuisance.',
      'Speaking in her kitchen, Deborah Jordan Briggs - Fallow’s partner and co-host - told the paper that his views hardened in 2004.',
      'Briggs says that after the floods, Fallow, an army veteran, tried to rejoin.',
      'In 2011, Fallow launched a podcast, with a gruffer voice than before. It was then that Briggs says she first heard of him through a forum.',
      '"Fans compare us to an old comedy double act," she says.',
    );
    expect(quoteWith(ex.quotes, 'old comedy double act').speaker).toBe('Deborah Jordan Briggs');
  });
});

describe('a person brought in with what they are before `who` is a source for the next `he said` (issue 9)', () => {
  it('`Tom Dunn, a delegate from Harbor County who wore a costume` / `"...," he said`', () => {
    const ex = run(
      'Reyes waved as if to calm the hall, then leaned in and said: “Let’s beat her in the fall.”',
      'The mayor made a showing of sorts, thanks to Tom Dunn, a delegate from Harbor County who wore a striped costume and a rubber mask.',
      '“I caught the chant on the radio and thought a costume would get a laugh,” he said.',
    );
    expect(quoteWith(ex.quotes, 'get a laugh').speaker).toBe('Tom Dunn');
  });

  it('the role is read up to the relative clause', () => {
    const ex = run(
      'Tom Dunn, a delegate from Harbor County who wore a costume, said the chant went too far.',
    );
    expect(ex.quotes.find((q) => q.speaker === 'Tom Dunn')?.role).toBe('delegate from Harbor County');
  });
});

describe('`the editorial board wrote` is the paper the passage names (issue 9)', () => {
  it('a paper named in apposition (`the Harbor Ledger, the county’s oldest newspaper,`)', () => {
    const ex = run(
      'The Harbor Ledger, the county’s oldest newspaper, printed several pointed editorials about the mayor.',
      '"Pandering to the council belies his image as a lone voice for thrift," the editorial board wrote.',
    );
    expect(quoteWith(ex.quotes, 'lone voice for thrift').speaker).toBe('Harbor Ledger');
  });

  it('`the editors wrote` after `an editorial in the Dover Times`', () => {
    const ex = run(
      'An editorial in the Dover Times took the council to task on Sunday.',
      '"The council has chosen delay over duty once again," the editors wrote.',
    );
    expect(quoteWith(ex.quotes, 'delay over duty').speaker).toBe('Dover Times');
  });

  it('no paper in the passage: nobody', () => {
    const ex = run('"The council has chosen delay over duty once again," the editorial board wrote.');
    expect(quoteWith(ex.quotes, 'delay over duty').speaker).toBeNull();
  });
});

describe('a surname that is also a company word (`Carla Mills`) is a person, and `it` never means her (issue 9)', () => {
  it('`"...," it stated` after `a lawyer for the clerk, Carla Mills,` is not Carla Mills', () => {
    const ex = run(
      '"We expect to wrap up soon," Reyes said in a statement. A lawyer for the clerk, Carla Mills, declined to comment.',
      'On Thursday the panel put out a memo meant to shore up the inquiry.',
      '"So far, most of the witnesses heard by the panel had never before spoken to the council," it stated.',
    );
    expect(quoteWith(ex.quotes, 'most of the witnesses').speaker).not.toBe('Carla Mills');
  });

  it.each([
    ['Carla Mills', 'person'],
    ['Tyra Banks', 'person'],
    ['Dover Mills', 'org'],
    ['General Mills', 'org'],
    ['Washington Post', 'org'],
  ])('%s reads as a %s', (name, type) => {
    const toks = tokenize(name);
    expect(analyzeRun(toks, 0, toks.length)?.type).toBe(type);
  });
});

describe('a partial quote in the sentence after `..., he said.` carries on that speech (issue 9)', () => {
  it('takes the speaker, only "possibly"', () => {
    const ex = run(
      'Tom Hale, the co-author of a book on rumors, said the days of a shared story are gone.',
      'This makes it harder to dislodge a falsehood, he said. Good facts can still beat bad ones, though mostly where "the truth is more fun than the lie."',
    );
    const q = quoteWith(ex.quotes, 'more fun than the lie');
    expect(q.speaker).toBe('Tom Hale');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('not when a quote stands between', () => {
    const ex = run(
      'Tom Hale, the co-author of a book on rumors, said the days of a shared story are gone.',
      '"It is harder now," he said. Ada Quill disagreed, arguing that "the truth is more fun than the lie."',
    );
    expect(quoteWith(ex.quotes, 'more fun than the lie').speaker).not.toBe('Tom Hale');
  });
});

describe('`the complaint alleged` is whoever sued (issue 9)', () => {
  it('`Her campaign sued the council ... The complaint ... alleged that the council "..."`', () => {
    const ex = run(
      'Ada Quill said her aides "made a poor call" when they opened the files.',
      'Her campaign sued the council on Friday to win back its access. The complaint, lodged with the county court, alleged that the council "failed to keep its own data safe from the start."',
    );
    expect(quoteWith(ex.quotes, 'keep its own data safe').speaker).toBe('Quill campaign');
  });
});

describe('`To Dover consultant Wilson, ...` opens a sentence on whose view it gives: a subject for the next `he said` (issue 9)', () => {
  it('the consultant, not the man the passage named before', () => {
    const ex = run(
      'Party chairman Tom Priestly said Reyes would do well with young voters.',
      'Ada Dunn, a delegate, agreed. "I think Reyes will do quite fine," she said.',
      'To Dover consultant Fenwick, the party line on Reyes is just plain silly.',
      '"This is them whistling in the dark, pretending Reyes is not happening," he said.',
    );
    expect(quoteWith(ex.quotes, 'whistling in the dark').speaker).toBe('Fenwick');
  });

  it('`to` inside a sentence is no view holder', () => {
    const ex = run(
      'Party chairman Tom Priestly handed the file to Dover consultant Fenwick, then left the room.',
      '"It was a long day for all of us," he said.',
    );
    expect(quoteWith(ex.quotes, 'long day').speaker).toBe('Tom Priestly');
  });
});

describe('an organisation noun modifying the next noun is no apposition (`Fenwick, the party line ...`) (issue 9)', () => {
  it.each([
    ['To consultant Fenwick, the party line is silly.', 'Fenwick', 'person'],
    ['Brightline Robotics, the maker of forklifts, said it would hire.', 'Brightline Robotics', 'org'],
  ])('%s', (sentence, name, type) => {
    const ctx = buildContext([sentence]);
    expect(ctx.table.entities.find((e) => e.name === name)?.type).toBe(type);
  });
});

describe('an unnamed official or executive of a named body, with or without a relative clause, speaks for it (issue 9)', () => {
  it('`a Dover Freight official who spoke on condition of anonymity said Wednesday, "..."`', () => {
    const ex = run(
      'Dover Freight said on Monday it would close the plant.',
      'Although nothing is planned, a Dover Freight official who spoke on condition of anonymity said Wednesday, "Certainly there are talks between the firm and the union."',
    );
    const q = quoteWith(ex.quotes, 'talks between the firm');
    expect(q.speaker).toBe('Dover Freight');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('`"...," a Dover Freight executive tells employees`', () => {
    const ex = run(
      'Dover Freight said on Monday it would close the plant.',
      '"This is strictly a matter of cost," a Dover Freight executive tells employees in the video.',
    );
    expect(quoteWith(ex.quotes, 'strictly a matter of cost').speaker).toBe('Dover Freight');
  });
});

describe('`For Gloria Dunn, a retiree, ...` opens a sentence on its topic: a subject for the next `she said` (issue 9)', () => {
  it('the retiree, not the aide quoted before', () => {
    const ex = run(
      '"We have had offices here since April," said Ada Quill, the campaign’s local director.',
      'For Gloria Dunn, a retired nurse who helps at the phone bank, calling voters twice a week is a way to show her grandchildren how it is done.',
      '"He gives a rousing speech, and the students love him," she said.',
    );
    expect(quoteWith(ex.quotes, 'rousing speech').speaker).toBe('Gloria Dunn');
  });
});

describe('`Washington D.C.` is a place, never a person for `he said` (issue 9)', () => {
  it.each(['Washington D.C.', 'Washington DC'])('%s', (name) => {
    const toks = tokenize(name);
    expect(analyzeRun(toks, 0, toks.length)?.type).not.toBe('person');
  });
});

describe('a sentence opening on `He` or `She` right after one naming a single person tells that person’s gender (issue 9)', () => {
  it('the tables’ guess gives way (`Florent Dunn ... He ...`)', () => {
    const ctx = buildContext([
      'Florent Dunn is a former army captain and a lifelong Republican.',
      'He spoke at the convention on Thursday.',
    ]);
    expect(ctx.table.entities.find((e) => e.name === 'Florent Dunn')?.gender).toBe('m');
  });

  it('… so a later `he said` finds him, not the man named after him as an object', () => {
    const ex = run(
      'Florent Dunn is a former army captain and a lifelong Republican.',
      'But on Thursday night at the convention, he spoke out for the other party’s nominee.',
      'Dunn, 33, told a local station why he will not be backing Republican nominee Tom Reyes.',
      '"He has no military experience at all," he said.',
    );
    expect(quoteWith(ex.quotes, 'no military experience').speaker).toBe('Florent Dunn');
  });

  it('two people in the sentence before: nothing is inferred', () => {
    const ctx = buildContext(['Marty Walz met Tom Reyes on Monday.', 'She left early.']);
    expect(ctx.table.entities.find((e) => e.name === 'Marty Walz')?.genderGuessed).not.toBe(false);
  });
});

describe('`firms like Halvex, which ...` / `the company tweeted`: a bare name followed by `, which` is an organisation that may be the company (issue 9)', () => {
  it('the company is Halvex, only "possibly"', () => {
    const ex = run(
      'The long debate drew notice from firms like Halvex, which fought the plan. "We urge other firms to join us in speaking up," the company tweeted.',
    );
    const q = quoteWith(ex.quotes, 'join us in speaking up');
    expect(q.speaker).toBe('Halvex');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('not a department or a paper named bare (`the company` is never the Dover Times)', () => {
    const ex = run(
      'The Dover Times, which broke the story, ran it on Sunday. "We urge other firms to join us in speaking up," the company said.',
    );
    expect(quoteWith(ex.quotes, 'join us in speaking up').speaker).not.toBe('Dover Times');
  });
});

describe('a person introduced with an apposition in the paragraph before (issue 9)', () => {
  it('`like Ben Quill Dover, a senior fellow at ...,` then `..., he said` opening the next paragraph', () => {
    const ex = run(
      'Mr. Reyes, like most economists, still believes in the broad gains that trade brings. But he sees why voters are angry.',
      '"The gains are spread thin and the losses are not," he said.',
      'Some firm backers of open markets, like Ben Quill Dover, a senior fellow at the Harbor Institute in Boston, also admit that the government has failed the workers who lost their jobs.',
      'But the gain from open trade is "far larger than what the plants lost," he said. "It helps working people as buyers."',
    );
    expect(quoteWith(ex.quotes, 'far larger than').speaker).toBe('Ben Quill Dover');
    expect(quoteWith(ex.quotes, 'far larger than').confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('a pronoun subject after a subordinating word (issue 9)', () => {
  it('`Although he told the court that he cared about "...", he ...`: the man the pronoun means', () => {
    const ex = run(
      'A school dropout, Ben Fenwick had no formal training. He told the Harbor Ledger that he got into the accounts by guessing passwords.',
      'Although he told the court that he cared about fairness and "a safer town for our kids," he picked targets at random.',
    );
    expect(quoteWith(ex.quotes, 'a safer town').speaker).toBe('Ben Fenwick');
  });
});

describe('`the conference speaker` (issue 9)', () => {
  it('a speaker by trade is a role: the one person the article gives it, only as "possibly"', () => {
    const ex = run(
      'Popular corporate speaker Lance Dover believes he has a word for Tom Quill.',
      'Dover put online a clip of his talk to a business meeting in Ohio. In it, he has a message for Quill’s lawyer.',
      '"My dear Ben Fenwick," the conference speaker tells the crowd.',
    );
    const q = quoteWith(ex.quotes, 'My dear');
    expect(q.speaker).toBe('Lance Dover');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('House Speaker Ada Quill is still `Speaker` by title', () => {
    const ex = run('"We will pass the bill this week," said House Speaker Ada Quill.');
    expect(quoteWith(ex.quotes, 'pass the bill').speaker).toBe('Ada Quill');
  });
});

describe('a subject after a word of time (issue 9)', () => {
  it('`..., and since then Dover has seen ...`: Dover is the subject the next `he` means', () => {
    const ex = run(
      'The field once had the surgeon Ben Dover near the top.',
      'Tom Quill leads the race in every poll. He has drawn big crowds all month.',
      'The surgeon was briefly the leader in the fall. But that was months ago, and since then Dover has seen his numbers fall and his staff leave. "I am still here," he declared at the debate.',
    );
    expect(quoteWith(ex.quotes, 'still here').speaker).toBe('Ben Dover');
  });
});

describe('whoever is asked answers next (issue 9)', () => {
  it('`the Ledger’s Ben Fenwick asked Quill whether ...` / `"...," he said`: Quill, only as "possibly"', () => {
    const ex = run(
      'Tom Quill said on Sunday that he would publish his health records soon.',
      'Last month, the Harbor Ledger’s Ben Fenwick asked Quill whether questions about his age were fair game.',
      '"Of course they are. I would not be running if I did not feel fit," he said.',
    );
    const q = quoteWith(ex.quotes, 'feel fit');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });
});

describe('continuity ends when the pronoun’s own paragraph names someone else first (issue 9)', () => {
  it('`"...," said Fenwick.` / `What upset the club most was Quill’s refusal ... "...," he said.`: only "possibly"', () => {
    const ex = run(
      'Tom Quill spoke to the club on Monday night.',
      '"It was rude," said Ben Fenwick.',
      'What upset the club most was Quill’s refusal to back the harbor plan. "I want to wait until the vote," he said.',
    );
    const q = quoteWith(ex.quotes, 'wait until the vote');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('still shown when the paragraph names no one else', () => {
    const ex = run(
      'Tom Quill spoke to the club on Monday night.',
      '"It was rude," said Ben Fenwick.',
      'He was not the only one upset. "I want to wait until the vote," he said.',
    );
    const q = quoteWith(ex.quotes, 'wait until the vote');
    expect(q.speaker).toBe('Ben Fenwick');
    expect(q.confidence).toBeGreaterThanOrEqual(SPEAKER_SHOWN_MIN);
  });
});

describe('`it` for a document just written of (issue 9)', () => {
  it('`The email shows Quill on stage.` / `At the bottom it reads, "..."`: the email’s sender, only "possibly"', () => {
    const ex = run(
      'Ada Quill, the Harbor Party candidate, is raffling a signed guitar.',
      'The candidate sent an email to her backers on Monday asking them to join the raffle.',
      'The email shows Quill on stage with the guitar.',
      'At the bottom it reads, "Add a gift of $20 to help us win, and good luck in the raffle."',
    );
    const q = quoteWith(ex.quotes, 'Add a gift');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.verb).toBe('reads');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('through a sentence that itself quotes `it`: `"...," it reads.` / `At the bottom it says, "..."`', () => {
    const ex = run(
      'Ada Quill sent an email to supporters Tuesday.',
      'The email shows Quill on stage.',
      '"We could not do any of this without you," it reads.',
      'At the bottom it says, "Add a gift of $20 to help us win, and good luck in the raffle."',
    );
    expect(quoteWith(ex.quotes, 'could not do any').speaker).toBe('Ada Quill');
    expect(quoteWith(ex.quotes, 'Add a gift').speaker).toBe('Ada Quill');
  });

  it('`On his website, Quill has ... "...," it now says`: the website’s owner', () => {
    const ex = run(
      'Tom Quill lost the primary in June, but he is not done with politics.',
      'On his website, Quill has already started to turn his campaign into a movement. "This is your fight," it now says, above a montage of faces.',
    );
    const q = quoteWith(ex.quotes, 'your fight');
    expect(q.speaker).toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('no document before the `it`: not the website’s owner named further back', () => {
    const ex = run(
      'On his website, Tom Quill posted a montage of faces.',
      'The Harbor Council met on Monday. The vote was close. Later it said, "We will meet again next month to settle it."',
    );
    expect(quoteWith(ex.quotes, 'meet again').speaker).not.toBe('Tom Quill');
  });
});

describe('a spokesman for a titled person speaks for their office, never as them (issue 9)', () => {
  it('`the prime minister’s spokesman said` and a later `the spokesman said`: Quill office, only "possibly"', () => {
    const ex = run(
      'Prime Minister Tom Quill said on Monday that the harbor plan was sound.',
      'Quill expects to lose the vote but will keep pressing for a deal, the prime minister’s spokesman said.',
      '"Everyone knows where he stands on the harbor. He will vote against it," the spokesman said.',
    );
    const q = quoteWith(ex.quotes, 'where he stands');
    expect(q.speaker).toBe('Quill office');
    expect(q.speaker).not.toBe('Tom Quill');
    expect(q.confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('the title the article gives only in lower case: still the office of the one it is about', () => {
    const ex = run(
      'Tom Quill, the prime minister, met the mayors on Monday.',
      '"He will not change his mind on the harbor," the prime minister’s spokeswoman said.',
    );
    expect(quoteWith(ex.quotes, 'change his mind').speaker).toBe('Quill office');
  });

  it('`the spokesman` with no one’s spokesman written before is not anyone’s office', () => {
    const ex = run('Prime Minister Tom Quill met the mayors.', '"The talks went well," the spokesman said.');
    expect(quoteWith(ex.quotes, 'talks went well').speaker).not.toBe('Quill office');
  });
});

describe('continuity ends when a sentence opens on a title the one quoted does not hold (issue 9)', () => {
  it('`Meanwhile, the current party nominee’s support ...` between the quote and `he said`: only "possibly"', () => {
    const ex = run(
      'The party’s presumptive nominee Carl Ruiz spoke on Sunday, and others wrote in.',
      '"We pray for the victims," Tom Briggs wrote the day after the attack.',
      'Meanwhile, the current party nominee’s support for the plan is new. While he has said he opposes it, he has also praised its aims.',
      '"Every family here deserves to feel safe at night," he said.',
    );
    expect(quoteWith(ex.quotes, 'feel safe at night').confidence).toBeLessThan(SPEAKER_SHOWN_MIN);
  });

  it('still shown when no one else holds the title: `The actress ...` may be the one quoted', () => {
    const ex = run(
      '"I wore that coat for years," Ada Quill told the host.',
      'The actress laughed about it later.',
      '"It was a gift, and I loved it," she said.',
    );
    const q = quoteWith(ex.quotes, 'It was a gift');
    expect(q.speaker).toBe('Ada Quill');
    expect(q.confidence).toBeGreaterThanOrEqual(SPEAKER_SHOWN_MIN);
  });

  it('still shown when the title is the one quoted: `Sen. Tom Briggs` ... `The senator’s plan ...`', () => {
    const ex = run(
      '"We pray for the victims," Sen. Tom Briggs wrote the day after the attack.',
      'The senator’s plan for the harbor is new. He has praised its aims.',
      '"Every family here deserves to feel safe at night," he said.',
    );
    const q = quoteWith(ex.quotes, 'feel safe at night');
    expect(q.speaker).toBe('Tom Briggs');
    expect(q.confidence).toBeGreaterThanOrEqual(SPEAKER_SHOWN_MIN);
  });
});
