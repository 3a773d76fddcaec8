/**
 * Issue 10 over the two real seed articles: /speaker, `/quote speaker:NAME` alone, plain-language questions, and
 * every direct quote verifiable as exact by its own text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../adapters/discord/commands.ts';
import { buildManifest } from '../../adapters/slack/manifest.ts';
import { ActionStore, executeAction, executeCommand } from '../../src/commands/index.ts';
import { loadCorpus } from '../../src/corpus.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/types.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('data/articles'));
});

const actions = new ActionStore();
const env = () => ({ engine, actions, platform: 'console' as const, user: { id: 'U1', name: 'Ann' } });
const run = (command: string, text = '') => executeCommand({ command, text }, env());
const plainText = (reply: { fallback: string }) => reply.fallback;

describe('/speaker over the seeds', () => {
  it('says who Putin is: name, roles, other names, counts, first and latest quote with citations', async () => {
    const reply = await run('speaker', 'putin');
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Speaker: Vladimir Putin');
    const text = plainText(reply);
    expect(text).toContain('Russian President');
    expect(text).toContain('President Putin');
    expect(text).toMatch(/\d+ quotes in 2 articles/);
    expect(text).toContain('First quote');
    expect(text).toContain('Latest quote');
    expect(reply.blocks.filter((b) => b.type === 'citation').length).toBeGreaterThanOrEqual(2);
    expect(reply.actions.map((a) => a.kind)).toContain('more');
  });

  it('pages through the quotes with More', async () => {
    const first = await run('speaker', 'vladimir putin');
    const more = first.actions.find((a) => a.kind === 'more');
    if (!more) throw new Error('no More button');
    const next = await executeAction(more.id, env());
    expect(next.kind).toBe('more');
    expect(plainText(next.reply)).toMatch(/Quotes 6–\d+ of \d+ · page 2/);
  });

  it('a misspelt name gets the nearest speaker, and says so; an unknown one says nobody', async () => {
    const near = await run('speaker', 'trmp');
    expect(near.title).toBe('Speaker: Donald Trump');
    expect(plainText(near)).toContain('nearest name');
    const none = await run('speaker', 'zebediah');
    expect(none.status).toBe('empty');
  });

  it('an empty /speaker shows the usage', async () => {
    expect((await run('speaker', '')).status).toBe('usage');
  });

  it('is in /help, the Slack manifest and the Discord registration, with autocomplete on the name', async () => {
    expect(plainText(await run('help'))).toContain('/speaker NAME');
    expect(
      buildManifest({ url: 'https://bot.example.org' }).features.slash_commands.map((c) => c.command),
    ).toContain('/speaker');
    const discord = slashCommands().find((c) => c.name === 'speaker');
    expect(discord?.options).toEqual([
      expect.objectContaining({ name: 'speaker', required: true, autocomplete: true }),
    ]);
  });
});

describe('questions over the seeds', () => {
  const top = async (q: string) => (await engine.search(q, { type: 'quote' })).results[0]?.speaker;

  it('Putin questions show a Putin quote first, Trump questions a Trump quote', async () => {
    for (const q of ['what did putin say', 'putin', 'putin on cyber security'])
      expect(await top(q), q).toBe('Vladimir Putin');
    for (const q of ['quotes from trump', 'trump']) expect(await top(q), q).toBe('Donald Trump');
  });

  it('/quote speaker:coats lists what Coats said', async () => {
    const reply = await run('quote', 'speaker:coats');
    expect(reply.status).toBe('ok');
    const quotes = reply.blocks.filter((b) => b.type === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) if (q.type === 'quote') expect(q.speaker ?? q.possibly).toBe('Dan Coats');
  });

  it('a misspelt speaker in /quote is matched to the nearest name, and the title says whom', async () => {
    expect((await run('quote', 'speaker:trmp')).title).toBe(
      'Quotes by Donald Trump, the nearest name to “trmp”, newest first',
    );
    expect((await run('quote', 'speaker:coats')).title).toBe('Quotes by Dan Coats, newest first');
  });

  it('every direct quote of the seeds verifies as exact by its own text', () => {
    let checked = 0;
    for (const article of engine.corpus.articles)
      for (const q of article.quotes) {
        if (q.kind !== 'direct') continue;
        checked++;
        expect(engine.verify(q.text).verdict, q.text).toBe('exact');
      }
    expect(checked).toBeGreaterThan(5);
    expect(
      engine.verify(
        'I reminded President Trump about the suggestion to re establish the working group on anti terrorism',
      ).verdict,
    ).toBe('exact');
  });
});
