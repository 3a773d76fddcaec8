/** Every command's Reply over the two real seed articles, through the real loader, extractor and search. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionStore, executeAction, executeCommand } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('data/articles'));
});

const run = (command: string, text = '', page?: number) =>
  executeCommand(
    { command, text, page },
    { engine, actions: new ActionStore(), platform: 'console', user: { id: 'U1', name: 'Ann' } },
  );

describe('commands over the seed articles', () => {
  it('/quote putin working group: Putin, the working-group words, a TechCrunch citation', async () => {
    const reply = await run('quote', 'putin working group');
    expect(reply.status).toBe('ok');
    const first = reply.blocks[0];
    expect(first?.type).toBe('quote');
    if (first?.type !== 'quote') return;
    expect(first.speaker).toBe('Vladimir Putin');
    expect(first.text.toLowerCase()).toContain('working group');
    const citation = reply.blocks.find((b) => b.type === 'citation');
    expect(citation?.type === 'citation' && citation.credit).toMatch(/^Vladimir Putin said.*reported/);
    // Both seeds carry the remark; the TechCrunch print-out is among the sources shown.
    expect(reply.fallback).toContain('TechCrunch');
    expect(reply.fallback).toContain('July 16, 2018');
    // Each result has its own Share; the page has none (it would post a footer promising more).
    expect(reply.actions.map((a) => a.kind)).not.toContain('share');
    expect(reply.blocks[reply.blocks.findIndex((b) => b.type === 'citation') + 2]).toMatchObject({
      type: 'actions',
      actions: [{ kind: 'share', label: 'Share this quote' }],
    });
  });

  it('/quote with speaker:trump only shows Trump', async () => {
    const reply = await run('quote', 'cyber security unit speaker:trump');
    const quotes = reply.blocks.filter((b) => b.type === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.type === 'quote' && q.speaker).toBe('Donald Trump');
  });

  it('/fact finds the indictment of 12 Russian intelligence officers', async () => {
    const reply = await run('fact', 'indicted 12 russian intelligence');
    expect(reply.status).toBe('ok');
    expect(reply.blocks[0]?.type).toBe('fact');
    expect(reply.fallback).toMatch(/indicted 12 Russian intelligence/);
  });

  it('/cite defaults to an AP credit line with the setting the article states', async () => {
    const reply = await run('cite', 'putin working group');
    expect(reply.status).toBe('ok');
    // The credit line once: as the citation's own credit (a code span in chat), not again as text.
    const first = reply.blocks[0];
    expect(first?.type === 'citation' && first.credit).toMatch(
      /^Vladimir Putin said( in Helsinki)?, .* reported/,
    );
    expect(reply.fallback.split('Vladimir Putin said')).toHaveLength(2);
  });

  it('/cite style:apa gives the article title and URL through CSL', async () => {
    const reply = await run('cite', 'putin working group style:apa');
    expect(reply.status).toBe('ok');
    const line = reply.blocks[0]?.type === 'text' ? reply.blocks[0].text : '';
    expect(line).toContain('Putin proposes a joint cybersecurity group');
    expect(line).toContain('https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/');
    // The reference names outlet, title, date and link: no source line repeats them.
    expect(reply.blocks.some((b) => b.type === 'citation')).toBe(false);
  });

  it('/cite style:mla and style:chicago: CSL references that name their edition', async () => {
    const text = (reply: Awaited<ReturnType<typeof run>>) =>
      reply.blocks[0]?.type === 'text' ? reply.blocks[0].text : '';
    const context = (reply: Awaited<ReturnType<typeof run>>) =>
      reply.blocks.flatMap((b) => (b.type === 'context' ? [b.text] : [])).join(' ');
    const mla = await run('cite', 'putin working group style:mla');
    expect(mla.status).toBe('ok');
    expect(mla.title).toBe('Cite (MLA): putin working group');
    // MLA (7th from npm, 9th from Debian's styles) quotes the title-cased title, then names the outlet.
    expect(text(mla)).toMatch(/^“Putin Proposes a Joint Cybersecurity Group .*\.” TechCrunch[ ,]/);
    expect(context(mla)).toMatch(
      /^MLA \d+(st|nd|rd|th) edition reference for the article, formatted with CSL\./,
    );
    const chicago = await run('cite', 'putin working group style:CHICAGO');
    expect(chicago.status).toBe('ok');
    expect(text(chicago)).toContain('July 16, 2018');
    expect(text(chicago)).toContain(
      'https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/',
    );
    expect(text(chicago)).not.toContain('(2018, July 16)');
    // The label names the form printed: the bibliography entry, not "(full note)".
    expect(context(chicago)).toMatch(/^Chicago \d+(st|nd|rd|th) edition bibliography entry for the article/);
    expect(context(chicago)).not.toContain('note');
  });

  it('/verify: exact for the published words, close with a diff for changed ones', async () => {
    const exact = await run(
      'verify',
      'Any specific material, if such things arise, we are ready to analyze together',
    );
    expect(exact.blocks[0]).toEqual({
      type: 'heading',
      text: 'Exact: the quote matches the published wording.',
    });
    expect(exact.fallback).toContain('Vladimir Putin');
    const close = await run(
      'verify',
      '"Any specific material, if such things arise, we are willing to analyze together"',
    );
    expect(close.blocks[0]?.type === 'heading' && close.blocks[0].text).toMatch(/^Close/);
    expect(close.blocks.some((b) => b.type === 'diff')).toBe(true);
    expect(close.fallback).toContain('[-willing-]');
    const none = await run('verify', 'The penguins will run the central bank by Tuesday');
    expect(none.status).toBe('empty');
  });

  it('/verify diffs word by word: only the changed words are marked, not the words around them', async () => {
    const reply = await run(
      'verify',
      'we can analyze them through a working group on cyber security the establishment of which we discussed',
    );
    expect(reply.fallback).toContain(
      'working group on [-cyber security-] {+cybersecurity,+} the establishment',
    );
    expect(reply.fallback).not.toContain('{+cybersecurity, the+}');
  });

  it('/verify takes its typed option as `text` (issue 6), as Discord sends it', async () => {
    const env = { engine, actions: new ActionStore(), platform: 'discord' as const, user: null };
    const typed = await executeCommand(
      { command: 'verify', args: { text: 'we are ready to analyze together' } },
      env,
    );
    expect(typed.status).toBe('ok');
    expect(typed.fallback).toContain('Vladimir Putin');
    const old = await executeCommand(
      { command: 'verify', args: { quote: 'we are ready to analyze together' } },
      env,
    );
    expect(old.status).toBe('usage');
  });

  it('/sources lists both seeds with their counts, unknowns named', async () => {
    const reply = await run('sources');
    const list = reply.blocks.find((b) => b.type === 'list');
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.items).toHaveLength(2);
    for (const a of engine.corpus.articles) {
      const line = list.items.find((i) => i.startsWith(a.title ?? 'title unknown'));
      expect(line).toContain(`${a.quotes.length} quote`);
      expect(line).toContain(`${a.facts.length} fact`);
      if (!a.outlet) expect(line).toContain('outlet unknown');
      if (!a.url) expect(line).toContain('no link');
    }
    expect(reply.fallback).toContain('TechCrunch');
    const filtered = await run('sources', 'joint cybersecurity group');
    expect(filtered.fallback).toContain('Putin proposes a joint cybersecurity group');
  });

  it('/help lists every command with an example', async () => {
    const reply = await run('newsroom');
    for (const name of ['quote', 'fact', 'cite', 'verify', 'sources', 'help'])
      expect(reply.fallback).toContain(`/${name}`);
    expect(reply.fallback).toContain('/quote putin working group');
  });

  it('nothing found says so, with suggestions when the engine has them', async () => {
    const reply = await run('quote', 'zzyzx qwertyuiop');
    expect(reply.status).toBe('empty');
    expect(reply.fallback).toContain('No quotes found for “zzyzx qwertyuiop”.');
  });

  it('More re-runs the next page on the real engine', async () => {
    const actions = new ActionStore();
    const env = { engine, actions, platform: 'console' as const, user: null };
    const first = await executeCommand({ command: 'quote', text: 'putin' }, env);
    const more = first.actions.find((a) => a.kind === 'more');
    if (!more) return expect(first.fallback).toMatch(/Results 1–\d of \d · page 1 of 1/);
    const next = await executeAction(more.id, env);
    expect(next.kind).toBe('more');
    expect(next.reply.fallback).toContain('page 2 of');
  });
});
