/** A first run of the platform-neutral contract against the Slack adapter (the lead's shared suite can reuse it). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractSession, slackContract } from './contract.ts';
import { fixtureEngine } from './fake-engine.ts';

describe(`contract: ${slackContract.name}`, () => {
  let s: ContractSession;
  beforeAll(async () => {
    s = await slackContract.start(fixtureEngine());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers a quote privately, with speaker, source and buttons', async () => {
    const a = await s.ask('/quote working group');
    expect(a.private).toBe(true);
    expect(a.text).toContain('The working group number 1 will meet soon');
    expect(a.text).toContain('Vladimir Putin');
    expect(a.text).toContain('The Daily');
    expect(a.buttons.map((b) => b.kind)).toEqual(['share', 'more']);
  });

  it('pages and shares', async () => {
    const a = await s.ask('/quote working group');
    const more = a.buttons.find((b) => b.kind === 'more');
    const page2 = await s.press(more ?? { kind: 'more', value: '' });
    expect(page2.text).toContain('page 2 of');
    const shared = await s.press(a.buttons.find((b) => b.kind === 'share') ?? { kind: 'share', value: '' });
    expect(shared.private).toBe(false);
    expect(shared.text).toContain('The working group number 1 will meet soon');
  });

  it('round-trips markup as plain text: what the user typed is what comes back', async () => {
    const a = await s.ask('/quote zebra <!channel> & <b>');
    expect(a.text).toContain('zebra crossing <!channel> <@U123>');
  });
});
