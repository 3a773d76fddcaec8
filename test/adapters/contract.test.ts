/**
 * One contract suite run against every adapter (GUIDE item 9; crossws runs one shared suite per adapter): the same
 * lines typed into Slack, Discord and the console must say the same things. Each adapter is driven through its
 * ContractAdapter driver; a case is skipped only for an adapter that declares it lacks the capability.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import { consoleContract } from './console-contract.ts';
import type { ContractAdapter, ContractAnswer, ContractButton, ContractSession } from './contract-types.ts';
import { discordContract, unescapeDiscord } from './discord/contract.ts';
import { slackContract } from './slack/contract.ts';
import { fixtureEngine, UNCLEAR_QUOTE } from './slack/fake-engine.ts';

const adapters: ContractAdapter[] = [slackContract, discordContract, consoleContract];

/** Putin's reply in seed 003 (TechCrunch), word for word as published. */
const PUTIN_QUOTE =
  'For instance, we can analyze them through the joint working group on cyber security, the establishment of which we discussed during our previous contacts.';

/** The button of a kind, or a failed expectation naming what was there instead. */
function button(answer: ContractAnswer, kind: ContractButton['kind']): ContractButton {
  const found = answer.buttons.find((b) => b.kind === kind);
  expect(found, `a ${kind} button among ${JSON.stringify(answer.buttons)}`).toBeDefined();
  return found ?? { kind, value: '' };
}

/** The buttons a full page with more pages must carry on this adapter: a Share per result, then More. */
const pagedButtons = (adapter: ContractAdapter): ContractButton['kind'][] =>
  adapter.capabilities.share ? ['share', 'share', 'share', 'share', 'share', 'more'] : ['more'];

/** Starts one session per adapter for the describe block, closed after it. */
function sessionFor(adapter: ContractAdapter, engine: () => Promise<SearchEngine> | SearchEngine) {
  let s: ContractSession | undefined;
  beforeAll(async () => {
    s = await adapter.start(await engine());
  });
  afterAll(async () => {
    await s?.close();
  });
  return (): ContractSession => {
    if (!s) throw new Error(`${adapter.name} did not start`);
    return s;
  };
}

describe.each(adapters)('contract: $name', (adapter) => {
  const { share, privateReplies } = adapter.capabilities;

  describe('on the seed articles (real engine)', () => {
    const s = sessionFor(adapter, async () => createSearchEngine(await loadCorpus('data/articles')));

    it('answers /quote with the quote, speaker, outlet and link of the seed', async () => {
      const a = await s().ask('/quote putin working group');
      expect(a.text).toContain(PUTIN_QUOTE);
      expect(a.text).toContain('Vladimir Putin');
      expect(a.text).toContain('TechCrunch');
      expect(a.text).toContain('https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/');
      expect(a.fallback).not.toBe('');
    });

    it.skipIf(!privateReplies)('answers privately', async () => {
      const a = await s().ask('/quote putin working group');
      expect(a.private).toBe(true);
    });

    it('pages to page 2 with different results', async () => {
      const a = await s().ask('/quote putin');
      expect(a.buttons.map((b) => b.kind)).toEqual(pagedButtons(adapter));
      expect(a.text).toContain('page 1 of');
      const page2 = await s().press(button(a, 'more'));
      expect(page2.text).toContain('page 2 of');
      expect(page2.text).not.toBe(a.text);
    });

    it.skipIf(!share)('shares a quote publicly', async () => {
      const a = await s().ask('/quote putin working group');
      const shared = await s().press(button(a, 'share'));
      expect(shared.private).toBe(false);
      expect(shared.text).toContain(PUTIN_QUOTE);
      expect(shared.text).toContain('TechCrunch');
    });

    it('an empty /quote gets the usage text', async () => {
      const a = await s().ask('/quote');
      expect(a.text).toContain('/quote');
      expect(a.text).toContain('QUERY');
      expect(a.text).not.toContain('TechCrunch');
    });

    it('an unknown search says nothing was found', async () => {
      const a = await s().ask('/quote zzzqqq xylophone');
      expect(a.text).toContain('No quotes found');
      expect(a.text).toContain('zzzqqq xylophone');
      expect(a.buttons).toEqual([]);
    });

    it('/verify with an exact seed quote says it matches', async () => {
      const a = await s().ask(`/verify ${PUTIN_QUOTE}`);
      expect(a.text).toMatch(/exact/i);
      expect(a.text).toContain('matches the published wording');
      expect(a.text).toContain('Vladimir Putin');
      expect(a.text).not.toMatch(/not found/i);
    });

    it('shows a paraphrase as labelled reported speech, never inside quotation marks (issue 9)', async () => {
      const a = await s().ask('/quote russia favors cooperation counter terrorism');
      expect(a.text).toContain('Paraphrase');
      expect(a.text).toMatch(
        /Vladimir Putin, Russian President, said\W{0,3} Russia favors continued cooperation/,
      );
      // Not in quotation marks, not set off as a block quote (Slack's `>`), in the text or the fallback.
      for (const shown of [a.text, a.fallback]) {
        expect(shown).not.toMatch(/[“"‘']\s*Russia favors/);
        expect(shown).not.toMatch(/(^|\n)>\s*Russia favors/);
      }
      expect(a.text).toContain('Paraphrase, not a direct quote: Vladimir Putin said');
      expect(a.text).not.toMatch(/(^|\n)\W*Vladimir Putin said in Helsinki, TechCrunch reported/);
    });

    it('/verify never calls a paraphrase exact, and says it is one', async () => {
      const a = await s().ask('/verify Russia favors continued cooperation in counter terrorism');
      expect(a.text).not.toMatch(/exact/i);
      expect(a.text).toContain('Not found as a quote');
      expect(a.text).toContain('paraphrase');
      // The title echoes the reporter's own words; the published paraphrase (it goes on "and maintaining") is
      // never put inside quotation marks.
      expect(a.text).toMatch(
        /said\W{0,3} Russia favors continued cooperation in counter terrorism and maintaining/,
      );
      expect(a.text).not.toMatch(/[“"]\s*Russia favors continued cooperation in counter terrorism and/);
    });

    it('/sources lists both seed articles', async () => {
      const a = await s().ask('/sources');
      expect(a.text).toContain('2 articles');
      expect(a.text).toContain('Putin proposes a joint cybersecurity group');
      expect(a.text).toContain('Trump and Putin could be reigniting talks');
      expect(a.text).toContain('TechCrunch');
    });

    it('/help lists every command, by the name this platform knows it', async () => {
      const a = await s().ask(`/${adapter.registered().includes('help') ? 'help' : 'newsroom'}`);
      const names = adapter.registered();
      for (const c of commands) {
        const shown = names.includes(c.name) ? c.name : c.aliases?.find((n) => names.includes(n));
        expect(a.text).toContain(`/${shown}`);
      }
    });

    it('help, usage lines and error hints name only commands that exist on this platform', async () => {
      const names = new Set(adapter.registered());
      const help = names.has('help') ? 'help' : 'newsroom';
      for (const line of [
        `/${help}`,
        `/${help} cite`,
        `/${help} nosuch`,
        '/quote',
        '/bogus',
        '/quote zzzqqq',
        '/verify zzzqqq wwwkkk',
      ]) {
        const typed = new Set(line.split(/\s+/).map((w) => w.replace(/^\//, '')));
        const a = await s().ask(line);
        // Slash names in the text (not inside links or paths), other than what the reporter typed.
        const named = [...a.text.matchAll(/(?<![\w/:.])\/([a-z]+)\b/g)].map((m) => m[1] ?? '');
        for (const name of named) if (!typed.has(name)) expect(names, `${line} -> /${name}`).toContain(name);
      }
    });

    it('the quote is shown once: its context holds the sentences around it, not the quote again', async () => {
      const a = await s().ask('/quote putin working group');
      expect(a.text.split(PUTIN_QUOTE)).toHaveLength(2);
      expect(a.text).toContain('Putin said in Helsinki. […]');
    });

    it('/cite prints the credit line once', async () => {
      const a = await s().ask('/cite putin working group');
      expect(
        a.text.split('Vladimir Putin said in Helsinki, TechCrunch reported July 16, 2018.'),
      ).toHaveLength(2);
    });

    it.skipIf(!share)(
      'shares one result on its own: that quote with its context and citation, no page footer',
      async () => {
        const a = await s().ask('/quote putin working group');
        const shares = a.buttons.filter((b) => b.kind === 'share');
        expect(shares.length).toBeGreaterThan(1);
        const shared = await s().press(shares[0] ?? { kind: 'share', value: '' });
        expect(shared.private).toBe(false);
        expect(shared.text).toContain(PUTIN_QUOTE);
        expect(shared.text).toContain('Vladimir Putin');
        expect(shared.text).toContain('Putin said in Helsinki. […]');
        expect(shared.text).toContain(
          'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/',
        );
        expect(shared.text).not.toMatch(/Results \d|page \d+ of/);
        expect(shared.buttons).toEqual([]);
      },
    );

    it('a 20,000-character query gets a friendly reply, not an error', async () => {
      const a = await s().ask(`/quote ${'putin '.repeat(3334).slice(0, 20_000)}`);
      expect(a.text).toContain('too long');
      expect(a.text).not.toMatch(/Error|stack|\.ts:\d+/);
    });
  });

  describe('on the fixture corpus (markup and many pages)', () => {
    const s = sessionFor(adapter, fixtureEngine);

    it('answers a quote with speaker, source and buttons', async () => {
      const a = await s().ask('/quote working group');
      expect(a.text).toContain('The working group number 1 will meet soon');
      expect(a.text).toContain('Vladimir Putin');
      expect(a.text).toContain('The Daily');
      expect(a.buttons.map((b) => b.kind)).toEqual(pagedButtons(adapter));
    });

    it.skipIf(!privateReplies)('answers privately', async () => {
      const a = await s().ask('/quote working group');
      expect(a.private).toBe(true);
    });

    it('pages', async () => {
      const a = await s().ask('/quote working group');
      const page2 = await s().press(button(a, 'more'));
      expect(page2.text).toContain('page 2 of');
    });

    it.skipIf(!share)('shares publicly', async () => {
      const a = await s().ask('/quote working group');
      const shared = await s().press(button(a, 'share'));
      expect(shared.private).toBe(false);
      expect(shared.text).toContain('The working group number 1 will meet soon');
    });

    it.skipIf(!share)('each result has its own share: the third posts the third quote alone', async () => {
      const a = await s().ask('/quote working group');
      const order = [...a.text.matchAll(/The working group number (\d+) will meet soon/g)].map((m) => m[1]);
      const shares = a.buttons.filter((b) => b.kind === 'share');
      expect(shares).toHaveLength(5);
      const shared = await s().press(shares[2] ?? { kind: 'share', value: '' });
      const posted = [...shared.text.matchAll(/The working group number (\d+) will meet soon/g)].map(
        (m) => m[1],
      );
      expect(new Set(posted)).toEqual(new Set([order[2]]));
      expect(shared.text).toContain('The Daily');
      // The page had more, but the shared message promises nothing it cannot give.
      expect(shared.text).not.toMatch(/Results \d|page \d+ of|More/);
    });

    it('names no speaker below the confidence threshold: "speaker unclear (possibly X, check the article)"', async () => {
      const a = await s().ask('/quote harbour wall hold winter');
      expect(a.text).toContain(UNCLEAR_QUOTE);
      expect(a.text).toMatch(/speaker unclear \(possibly Jane Roe, check the article\)/i);
      // The name appears only as "possibly": never as the speaker, nor in the credit line.
      expect(a.text.replace(/possibly Jane Roe/g, '')).not.toContain('Jane Roe');
      expect(a.text).toContain('As quoted by The Daily March 4, 2021.');
      expect(a.fallback.replace(/possibly Jane Roe/g, '')).not.toContain('Jane Roe');
    });

    it('a paraphrase in a compact result is not in quotation marks either', async () => {
      const a = await s().ask('/quote flood gates replaced spring');
      expect(a.text).toContain('Paraphrase');
      expect(a.text).not.toMatch(/[“"]\s*the flood gates/i);
      expect(a.text).toMatch(
        /Jane Roe, City engineer, said\W{0,3} the flood gates would be replaced by spring/,
      );
    });

    it('round-trips markup as plain text: what the user typed is what comes back', async () => {
      const a = await s().ask('/quote zebra <!channel> & <b>');
      expect(a.text).toContain('zebra crossing <!channel> <@U123>');
    });
  });
});

describe('Discord driver', () => {
  it('the unescaping used for comparison only removes what the renderer added', () => {
    expect(unescapeDiscord('\\*a\\* <\u200b@1> \\\\ b')).toBe('*a* <@1> \\ b');
  });
});
