/**
 * HTTP interactions mode over real HTTP: signed requests to POST /discord/interactions on the shared server,
 * deferred edits received by the loopback stand-in of Discord's REST API (DISCORD_API_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordMessage } from '../../../adapters/discord/render.ts';
import {
  CONTENT_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  EMBEDS_TOTAL_MAX,
  embedSize,
} from '../../../adapters/discord/render.ts';
import type { SearchEngine } from '../../../src/search/types.ts';
import { HOSTILE_QUOTE, hostileCorpus, plainCorpus } from './corpus.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  captureLogger,
  commandInteraction,
  engineFor,
  type HttpHarness,
  nowSeconds,
  pingInteraction,
  postInteraction,
  seedEngine,
  spyEngine,
  startHttpHarness,
  USER_ID,
} from './helpers.ts';
import { APPLICATION_ID, type DiscordStandIn, startDiscordStandIn } from './standin.ts';

interface InteractionResponse {
  type: number;
  data?: DiscordMessage & { choices?: { name: string; value: string }[] };
}

let discord: DiscordStandIn;
let harness: HttpHarness;
let hostile: HttpHarness;
let spied: ReturnType<typeof spyEngine>;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  harness = await startHttpHarness(await seedEngine(), discord.apiUrl);
  spied = spyEngine(engineFor(hostileCorpus()));
  hostile = await startHttpHarness(spied.engine, discord.apiUrl);
});

afterAll(async () => {
  await harness?.close();
  await hostile?.close();
  await discord?.close();
});

async function send(h: HttpHarness, payload: unknown): Promise<InteractionResponse> {
  const res = await postInteraction(h.url, h.keys, payload);
  expect(res.status).toBe(200);
  return res.json as InteractionResponse;
}

/**
 * The message a command ends with, inline or deferred: an answer later than the budget after arrival (a slow
 * search on a busy machine) is deferred (type 5) and arrives as the edit of @original.
 */
async function finalMessage(h: HttpHarness, payload: { token: string }): Promise<DiscordMessage> {
  const res = await send(h, payload);
  if (res.type !== 5) return res.data as DiscordMessage;
  const edit = await discord.waitFor(
    (r) =>
      r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
  );
  return edit.body as DiscordMessage;
}

/** Every string Discord would show from a message, to look for escapes and mentions. */
function visibleText(m: DiscordMessage): string {
  return JSON.stringify([m.content, m.embeds]);
}

function keyOf(m: DiscordMessage | undefined, kind: 'share' | 'more'): string {
  const id = m?.components
    .flatMap((row) => row.components)
    .find((b) => b.custom_id.startsWith(`newsroom:${kind}:`))?.custom_id;
  if (!id) throw new Error(`no ${kind} button in ${JSON.stringify(m?.components)}`);
  return id;
}

describe('signatures and the endpoint contract', () => {
  it('answers PING with PONG', async () => {
    expect(await send(harness, pingInteraction())).toEqual({ type: 1 });
  });

  it('refuses a bad signature, missing headers, a tampered body and another key with 401', async () => {
    const ping = pingInteraction();
    const zeros = '0'.repeat(128);
    const cases = [
      await postInteraction(harness.url, harness.keys, ping, { signature: zeros }),
      await postInteraction(harness.url, harness.keys, ping, { signature: 'not-hex' }),
      await postInteraction(harness.url, harness.keys, ping, { signature: null }),
      await postInteraction(harness.url, harness.keys, ping, { headers: { 'x-signature-timestamp': '' } }),
      await postInteraction(harness.url, hostile.keys, ping),
    ];
    // Signed for one body, sent with another.
    const signedFor = await postInteraction(harness.url, harness.keys, ping, {
      body: JSON.stringify({ ...ping, type: 2 }),
      signature: (await import('./helpers.ts')).signBody(harness.keys, nowSeconds(), JSON.stringify(ping)),
    });
    cases.push(signedFor);
    for (const res of cases) expect(res.status).toBe(401);
  });

  it('refuses timestamps more than five minutes off, even when correctly signed', async () => {
    const now = Number(nowSeconds());
    // 305, not 301: `now` is whole seconds taken before the requests, and a loaded machine takes a second to send them.
    for (const ts of [now - 305, now + 305, 0]) {
      const res = await postInteraction(harness.url, harness.keys, pingInteraction(), {
        timestamp: String(ts),
      });
      expect(res.status).toBe(401);
    }
    const within = await postInteraction(harness.url, harness.keys, pingInteraction(), {
      timestamp: String(now - 200),
    });
    expect(within.status).toBe(200);
  });

  it('answers 400 to signed non-JSON and 413 to a body over 1 MB', async () => {
    const bad = await postInteraction(harness.url, harness.keys, null, { body: '{not json' });
    expect(bad.status).toBe(400);
    const huge = await postInteraction(harness.url, harness.keys, null, {
      body: `"${'x'.repeat(1024 * 1024 + 10)}"`,
    });
    expect(huge.status).toBe(413);
  });
});

describe('commands', () => {
  it('/quote answers inline (type 4), ephemeral, with the quote as an embed and a working share button', async () => {
    const res = await send(harness, commandInteraction('quote', { query: 'putin working group' }));
    expect(res.type).toBe(4);
    const m = res.data as DiscordMessage;
    expect(m.flags).toBe(64);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.content).toBe('**Quote: putin working group**');
    const [embed] = m.embeds;
    expect(embed?.author?.name).toBe('Vladimir Putin, Russian President');
    expect(embed?.description).toMatch(
      /^“[^”]*we can analyze them through the joint working group on cyber security[^”]*”/,
    );
    expect(embed?.title).toBe(
      'Putin proposes a joint cybersecurity group with the US to investigate Russian election meddling',
    );
    expect(embed?.url).toBe('https://techcrunch.com/2018/07/16/trump-putin-joint-cybersecurity-group/');
    expect(embed?.footer?.text).toMatch(/^TechCrunch · July 16, 2018/);
    const credit = embed?.fields?.find((f) => f.name === 'Credit');
    expect(credit?.value).toMatch(/^`Vladimir Putin said.*, TechCrunch reported July 16, 2018\.`$/);
    const share = keyOf(m, 'share');
    expect(share).toMatch(/^newsroom:share:[A-Za-z0-9_-]+$/);
    expect(share.length).toBeLessThanOrEqual(100);
    expect(harness.actions.get(share.split(':')[2] ?? '')).toMatchObject({ command: 'quote', page: 1 });
  });

  it.each([
    ['fact', { query: 'indicted russian intelligence officers' }, /^\*\*Fact: indicted russian/],
    ['cite', { query: 'putin working group', style: 'apa' }, /^\*\*Cite \(APA\): putin working group\*\*/],
    ['cite', { query: 'putin working group' }, /^\*\*Cite/],
    ['verify', { text: 'we can analyse them through a working group on cyber security' }, /^\*\*Verify/],
    ['sources', {}, /^\*\*Sources/],
    ['help', {}, /^\*\*Newsroom bot/],
    ['newsroom', {}, /^\*\*Newsroom bot/],
  ])('/%s %j answers inline and ephemeral', async (name, options, title) => {
    const res = await send(harness, commandInteraction(name, options as Record<string, string>));
    expect(res.type).toBe(4);
    expect(res.data?.flags).toBe(64);
    expect(res.data?.allowed_mentions).toEqual({ parse: [] });
    expect(res.data?.content).toMatch(title);
    expect(res.data?.embeds.length).toBeGreaterThan(0);
  });

  it('/verify shows the word diff: reporter-only words struck, published words bold', async () => {
    const res = await send(
      harness,
      commandInteraction('verify', {
        text: 'we can analyse them through a working group on cyber security',
      }),
    );
    const text = res.data?.embeds.map((e) => e.description).join('\n') ?? '';
    expect(text).toContain('~~analyse~~ **analyze**');
    expect(text).toContain('~~cyber security~~');
  });

  it('an empty query gets the usage, still as an ephemeral message', async () => {
    const res = await send(harness, commandInteraction('quote', { query: '   ' }));
    expect(res.type).toBe(4);
    expect(res.data?.flags).toBe(64);
    expect(res.data?.content).toContain('Usage');
  });

  it('an unknown command gets a friendly ephemeral answer', async () => {
    const res = await send(harness, commandInteraction('nonsense'));
    expect(res.type).toBe(4);
    expect(res.data?.flags).toBe(64);
    expect(visibleText(res.data as DiscordMessage)).toContain('There is no /nonsense command');
  });
});

describe('buttons', () => {
  it('Post to channel posts publicly (no ephemeral flag) with "Posted by <@user>" and no buttons', async () => {
    const first = await send(harness, commandInteraction('quote', { query: 'putin working group' }));
    const res = await send(harness, buttonInteraction(keyOf(first.data, 'share')));
    expect(res.type).toBe(4);
    const m = res.data as DiscordMessage;
    expect(m.flags).toBeUndefined();
    expect(m.content?.startsWith(`Posted by <@${USER_ID}>`)).toBe(true);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.components).toEqual([]);
    expect(m.embeds[0]?.author?.name).toBe('Vladimir Putin, Russian President');
  });

  it('works in a DM too, where the user comes without a member', async () => {
    const dm = (p: ReturnType<typeof commandInteraction> | ReturnType<typeof buttonInteraction>) => {
      const { member, guild_id: _g, ...rest } = p;
      return { ...rest, channel: { id: p.channel_id, type: 1 }, user: member.user, context: 1 };
    };
    const first = await send(harness, dm(commandInteraction('quote', { query: 'putin working group' })));
    expect(first.type).toBe(4);
    const shared = await send(harness, dm(buttonInteraction(keyOf(first.data, 'share'))));
    expect(shared.data?.content?.startsWith(`Posted by <@${USER_ID}>`)).toBe(true);
  });

  it('More replaces the message with the next page (type 7)', async () => {
    // (Searches on the hostile corpus can be slow enough to be deferred: read the message it ends with.)
    const first = await finalMessage(hostile, commandInteraction('quote', { query: 'harbour bridge plan' }));
    expect(first.embeds.at(-1)?.footer?.text).toContain('page 1 of');
    const res = await send(hostile, buttonInteraction(keyOf(first, 'more')));
    expect(res.type).toBe(7);
    expect(res.data?.flags).toBeUndefined();
    expect(res.data?.allowed_mentions).toEqual({ parse: [] });
    expect(res.data?.embeds.at(-1)?.footer?.text).toContain('page 2 of');
  });

  it('an expired or unknown button gets an ephemeral note', async () => {
    for (const id of ['newsroom:more:doesnotexist', 'newsroom:share:gone', 'something:else']) {
      const res = await send(harness, buttonInteraction(id));
      expect(res.type).toBe(4);
      expect(res.data?.flags).toBe(64);
      expect(visibleText(res.data as DiscordMessage)).toMatch(/expired|run the command again/i);
    }
  });
});

describe('speaker autocomplete', () => {
  it('answers type 8 at once with at most 25 speakers from the engine', async () => {
    const res = await send(
      hostile,
      autocompleteInteraction('quote', 'speaker', 'speaker', { query: 'harbour' }),
    );
    expect(res.type).toBe(8);
    const choices = res.data?.choices ?? [];
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.value).toMatch(/^Speaker /);
    }
    expect(spied.calls).toContain('speakers:speaker:25');
  });

  it('names a speaker with the role, and suggests nothing for other options', async () => {
    const res = await send(harness, autocompleteInteraction('quote', 'speaker', 'putin'));
    expect(res.data?.choices).toEqual([
      { name: 'Vladimir Putin (Russian President)', value: 'Vladimir Putin' },
    ]);
    const other = await send(harness, autocompleteInteraction('quote', 'query', 'put'));
    expect(other).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('hostile text and limits', () => {
  it('escapes markdown and masked links and defuses mentions from articles', async () => {
    const m = await finalMessage(hostile, commandInteraction('quote', { query: 'spoiler docs gone' }));
    expect(m.allowed_mentions).toEqual({ parse: [] });
    const [embed] = m.embeds;
    const text = visibleText(m);
    // Escaped brackets: no masked link can form; the URL itself stays visible.
    expect(embed?.description).toContain('\\[docs\\](https://evil.example)');
    expect(embed?.description).toContain('\\~\\~gone\\~\\~');
    expect(embed?.description).toContain('\\|\\| spoiler \\|\\|');
    expect(embed?.description).not.toContain(HOSTILE_QUOTE);
    expect(text).not.toMatch(/<@&?\d+>/);
    expect(text).not.toMatch(/@(everyone|here)/);
    // The title's markdown is escaped; the javascript: link is dropped rather than sent to Discord.
    expect(embed?.title).toContain('\\*\\*Bold\\*\\*');
    expect(embed?.url).toBeUndefined();
    expect(embed?.author?.name).not.toMatch(/<@\d+>|@everyone/);
  });

  it('escapes what the user typed when it is echoed back', async () => {
    const res = await send(
      harness,
      commandInteraction('quote', { query: '@everyone <@123456789012345678> **x**' }),
    );
    const m = res.data as DiscordMessage;
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.content).not.toMatch(/@everyone|<@\d+>|\*\*x\*\*/);
  });

  it('keeps a 10,000-character quote within the description limit, visibly cut', async () => {
    // This search takes 1.5-2.5 s on this machine, so it may well be deferred.
    const message = await finalMessage(hostile, commandInteraction('quote', { query: 'zebra crossing' }));
    const [embed] = message.embeds ?? [];
    expect(embed?.description?.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(embed?.description).toMatch(/…”/);
    expect(embed?.title).toBe('Title unknown');
    expect(embed?.footer?.text).toMatch(/^Outlet unknown · February 2, 2020/);
  });

  it('keeps many long results within 10 embeds and 6,000 characters', async () => {
    const message = await finalMessage(
      hostile,
      commandInteraction('quote', { query: 'harbour bridge plan length' }),
    );
    const embeds = message.embeds ?? [];
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE_MAX);
    expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
    expect((message.content ?? '').length).toBeLessThanOrEqual(CONTENT_MAX);
  });
});

describe('deferred replies', () => {
  let slow: HttpHarness;
  beforeAll(async () => {
    slow = await startHttpHarness(await seedEngine(), discord.apiUrl, { deferAfterMs: 0 });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('defers (type 5, ephemeral) and then edits @original through the webhook route', async () => {
    const payload = commandInteraction('quote', { query: 'putin working group' });
    const res = await send(slow, payload);
    expect(res).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord.waitFor(
      (r) =>
        r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`,
    );
    const body = edit.body as DiscordMessage;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.author?.name).toBe('Vladimir Putin, Russian President');
    expect(body.flags).toBeUndefined();
    // Webhook routes are authorised by the interaction token; this adapter has no bot token at all.
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('defers a More click as type 6 and edits the message in place', async () => {
    const first = await finalMessage(hostile, commandInteraction('quote', { query: 'harbour bridge plan' }));
    // The key lives in the other harness's store: copy the invocation across.
    const [, , key] = keyOf(first, 'more').split(':');
    const stored = hostile.actions.get(key ?? '');
    if (!stored) throw new Error('no stored invocation');
    const slowKey = slow.actions.put(stored);
    const payload = buttonInteraction(`newsroom:more:${slowKey}`);
    const res = await send(slow, payload);
    expect(res).toEqual({ type: 6 });
    const edit = await discord.waitFor((r) => r.method === 'PATCH' && r.path.includes(payload.token));
    expect(edit.path).toBe(`/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`);
    expect((edit.body as DiscordMessage).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('failures', () => {
  function broken(): SearchEngine {
    const engine = engineFor(plainCorpus());
    return {
      corpus: engine.corpus,
      search: () => {
        throw new Error('index exploded');
      },
      verify: engine.verify,
      speakers: () => {
        throw new Error('speaker table exploded');
      },
    };
  }

  it('a crash gets a short ephemeral reply, and the detail goes to the log', async () => {
    const { logger, records } = captureLogger();
    const h = await startHttpHarness(broken(), discord.apiUrl, {}, logger);
    try {
      const res = await send(h, commandInteraction('quote', { query: 'anything' }));
      expect(res.type).toBe(4);
      expect(res.data?.flags).toBe(64);
      expect(visibleText(res.data as DiscordMessage)).toMatch(/went wrong|failed/i);
      expect(visibleText(res.data as DiscordMessage)).not.toContain('index exploded');
      const auto = await send(h, autocompleteInteraction('quote', 'speaker', 'pu'));
      expect(auto).toEqual({ type: 8, data: { choices: [] } });
      const logged = JSON.stringify(records);
      expect(logged).toContain('index exploded');
      expect(logged).toContain('speaker table exploded');
    } finally {
      await h.close();
    }
  });
});
