/**
 * The platform-neutral contract against the Discord adapter, with the same engine and the same expectations
 * as the Slack adapter's run (test/adapters/slack/contract.test.ts): both platforms must say the same things.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../slack/fake-engine.ts';
import { type ContractSession, discordContract, unescapeDiscord } from './contract.ts';

describe(`contract: ${discordContract.name}`, () => {
  let s: ContractSession;
  beforeAll(async () => {
    s = await discordContract.start(fixtureEngine());
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

  it('the unescaping used for comparison only removes what the renderer added', () => {
    expect(unescapeDiscord('\\*a\\* <\u200b@1> \\\\ b')).toBe('*a* <@1> \\ b');
  });
});
