/** The Slack adapter over real HTTP with the real search engine over the seed articles in data/articles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus.ts';
import { createSearchEngine } from '../../../src/search/index.ts';
import {
  allStrings,
  buttonValue,
  CHANNEL,
  REPORTER,
  type SlackHarness,
  startSlackHarness,
} from './harness.ts';

const text = (message: Record<string, unknown> | null) => allStrings(message?.blocks ?? []).join('\n');

describe('Slack adapter on the seed articles', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(createSearchEngine(await loadCorpus('data/articles')));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/quote: the quote set off, speaker and role, outlet, date and link, the credit in a code span', async () => {
    const res = await h.slash('/quote', 'putin working group');
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    const t = text(res.json);
    expect(t).toMatch(/^>.*working group on cyber ?security/m);
    expect(t).toContain('— *Vladimir Putin*');
    expect(t).toContain('*TechCrunch* · July 16, 2018 · <https://techcrunch.com/2018/07/16/');
    expect(t).toMatch(/`Vladimir Putin said[^`]*TechCrunch reported July 16, 2018\.`/);
    expect(String(res.json?.text)).toContain('Vladimir Putin');
  });

  it('/fact, /cite, /verify, /sources and /newsroom answer from the seeds', async () => {
    const fact = await h.slash('/fact', 'indicted russian intelligence officers');
    expect(text(fact.json)).toContain('12 Russian intelligence');

    const cite = await h.slash('/cite', 'putin working group');
    expect(text(cite.json)).toMatch(/Vladimir Putin said[^\n]*TechCrunch reported July 16, 2018/);

    const verify = await h.slash('/verify', 'we are going to analyze it together');
    const diff = text(verify.json);
    expect(diff).toContain('~going~');
    expect(diff).toContain('*ready*');

    const sources = await h.slash('/sources', '');
    const listed = text(sources.json);
    expect(listed).toContain('TechCrunch');
    expect(listed).toContain('outlet unknown');

    const help = await h.slash('/newsroom', '');
    for (const c of ['/quote', '/fact', '/cite', '/verify', '/sources']) expect(text(help.json)).toContain(c);
  });

  it('an empty /quote gets the usage; nothing found says so', async () => {
    const empty = await h.slash('/quote', '   ');
    expect(text(empty.json)).toContain('/quote QUERY');
    const none = await h.slash('/quote', 'zzyzx qwxv');
    expect(text(none.json).toLowerCase()).toContain('no quotes found');
  });

  it('shares a seed quote to the channel, credited', async () => {
    const res = await h.slash('/quote', 'putin working group');
    const click = await h.click('newsroom_share', buttonValue(res.json, 'newsroom_share') ?? '');
    expect(click.status).toBe(200);
    const post = await h.standIn.waitFor('chat.postMessage', (c) => text(c.body).includes('Vladimir Putin'));
    expect(post.body.channel).toBe(CHANNEL);
    expect(text(post.body)).toContain(`Shared by <@${REPORTER.id}>`);
    expect(text(post.body)).toMatch(/working group on cyber ?security/);
  });
});
