import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const facts = (...paragraphs: string[]): string[] => run(...paragraphs).facts.map((f) => f.text);

describe('facts', () => {
  it('keeps claim sentences with numbers, amounts, percentages, dates and counts', () => {
    expect(
      facts(
        'The council approved a $48.6 million budget early Tuesday. The mood was tense.',
        'Sales tax receipts fell 4 percent in the last quarter, the manager said.',
        'The hearing on the capital plan is set for April 2 at city hall.',
        "Days earlier, the special counsel's office indicted 12 Russian intelligence officers.",
        'Three council members walked out before the final vote was taken.',
      ),
    ).toEqual([
      'The council approved a $48.6 million budget early Tuesday.',
      'Sales tax receipts fell 4 percent in the last quarter, the manager said.',
      'The hearing on the capital plan is set for April 2 at city hall.',
      "Days earlier, the special counsel's office indicted 12 Russian intelligence officers.",
      'Three council members walked out before the final vote was taken.',
    ]);
  });

  it('leaves out quotes, short fragments and sentences without anything checkable', () => {
    expect(
      facts(
        '"We spent $2 million on this and got nothing," Ruiz said.',
        'The vote was 5-2.',
        'The mayor was unhappy with the outcome of the long debate.',
        'We lost 3 games in a row, the coach said.',
        'The idea is one that would be broadly decried by the allies.',
      ),
    ).toEqual([]);
  });

  it('keeps a claim that merely contains a scare quote', () => {
    expect(
      facts('The budget draws $2.1 million from what officials call the "rainy day" account.'),
    ).toHaveLength(1);
  });

  it('drops a summary bullet marker but keeps the claim', () => {
    const ex = run('- Experts counted 140 cyber attacks on the grid in 2017.');
    expect(ex.facts[0]?.text).toBe('Experts counted 140 cyber attacks on the grid in 2017.');
    expect(ex.facts[0]?.start).toBe(2);
  });
});
