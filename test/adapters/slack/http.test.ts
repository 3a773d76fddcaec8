/** The Slack adapter over real HTTP: signed requests in, Bolt's answers out, Slack's side played by a stand-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLOCKS, MAX_SECTION_TEXT } from '../../../adapters/slack/render.ts';
import { executeCommand } from '../../../src/commands/index.ts';
import { brokenEngine, fixtureEngine, INJECTION, slowEngine } from './fake-engine.ts';
import {
  allStrings,
  buttonValue,
  CHANNEL,
  newTriggerId,
  nowSeconds,
  REPORTER,
  type SlackHarness,
  sign,
  startSlackHarness,
} from './harness.ts';
import { NOT_MEMBER_CHANNEL } from './stand-in.ts';

type Block = {
  type: string;
  text?: { text: string };
  elements?: { text?: string }[];
  fields?: { text: string }[];
};

/** The visible text of a message's blocks, one string. */
function blockText(message: Record<string, unknown> | null): string {
  return allStrings((message?.blocks ?? []) as Block[]).join('\n');
}

const LIVE_MARKUP = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<@U999>', '<http://evil|click>'];

describe('Slack adapter over HTTP (fixture engine)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(fixtureEngine());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('calls auth.test once at start-up against SLACK_API_URL', () => {
    expect(h.standIn.named('auth.test')).toHaveLength(1);
    expect(h.adapter.name).toBe('slack (http)');
    expect(h.adapter.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
  });

  it('answers /quote in the ack: ephemeral, blocks, escaped text fallback, no unfurls', async () => {
    const res = await h.slash('/quote', 'working group');
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    expect(res.json?.unfurl_links).toBe(false);
    expect(res.json?.unfurl_media).toBe(false);
    const blocks = res.json?.blocks as Block[];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Quote: working group', emoji: true },
    });
    expect(blockText(res.json)).toContain('>The working group number');
    expect(blockText(res.json)).toContain('Vladimir Putin');
    expect(res.json?.text).toMatch(/^Quote: working group/);
    expect(buttonValue(res.json, 'newsroom_share')).toMatch(/^share\./);
    expect(buttonValue(res.json, 'newsroom_more')).toMatch(/^more\./);
    // Answered in the ack: nothing went through response_url.
    expect(h.standIn.named(`response/${res.responseId}`)).toHaveLength(0);
  });

  it('refuses a wrong signature, a missing one, a stale and a future timestamp with 401', async () => {
    const { form, responseId } = h.slashForm('/quote', 'working group');
    expect((await h.send(form, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await h.send(form, { unsigned: true })).status).toBe(401);
    expect((await h.send(form, { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);
    expect((await h.send(form, { timestamp: nowSeconds() + 6 * 60 })).status).toBe(401);
    // A body altered after signing.
    const ts = nowSeconds();
    const tampered = await h.send(form.replace('working', 'secret'), {
      timestamp: ts,
      headers: { 'x-slack-signature': sign(form, ts) },
      unsigned: true,
    });
    expect(tampered.status).toBe(401);
    // The same request, correctly signed, is answered: the refusals above were about the signature only.
    // A clock a little ahead (4 minutes) is within the window, as a little behind is.
    const ahead = await h.send(form, { timestamp: nowSeconds() + 4 * 60 });
    expect(ahead.status).toBe(200);
    expect(ahead.json?.response_type).toBe('ephemeral');
    const behind = await h.send(h.slashForm('/quote', 'working group').form, {
      timestamp: nowSeconds() - 4 * 60,
    });
    expect(behind.status).toBe(200);
    expect(h.standIn.named(`response/${responseId}`)).toHaveLength(0);
  });
  it('answers every command, /newsroom and /help included, and an unknown one, in the ack', async () => {
    const cases: [string, string, RegExp][] = [
      ['/quote', 'working group', /^Quote: working group/],
      ['/fact', 'group met', /^Fact/],
      ['/cite', 'working group style:apa', /./],
      ['/verify', 'The working group number 3 will meet soon', /./],
      ['/sources', '', /./],
      ['/newsroom', '', /./],
      ['/help', '', /./],
      ['/nonsense', 'x', /./],
    ];
    const titles = new Set<string>();
    for (const [command, text, title] of cases) {
      const res = await h.slash(command, text);
      expect(res.status, command).toBe(200);
      expect(res.json?.response_type, command).toBe('ephemeral');
      const message = await h.answer(res);
      expect(message.response_type, command).toBe('ephemeral');
      const blocks = message.blocks as Block[];
      expect(blocks.length, command).toBeGreaterThan(1);
      expect(blocks.length, command).toBeLessThanOrEqual(MAX_BLOCKS);
      const header = blocks.find((b) => b.type === 'header')?.text?.text ?? '';
      expect(header, command).toMatch(title);
      titles.add(`${command}:${header}`);
      expect(typeof message.text, command).toBe('string');
    }
    // /newsroom and /help are the same command; the others differ.
    const help = [...titles]
      .filter((t) => t.startsWith('/newsroom:') || t.startsWith('/help:'))
      .map((t) => t.split(':')[1]);
    expect(help[0]).toBe(help[1]);
    expect(new Set([...titles].map((t) => t.split(':')[1])).size).toBeGreaterThanOrEqual(6);
  });

  it('/verify shows the verdict; /cite gives a copyable credit in a code span', async () => {
    const verify = await h.slash('/verify', 'The working group number 3 will meet soon');
    expect(blockText(verify.json).toLowerCase()).toMatch(/exact|verbatim|match/);
    const cite = await h.slash('/cite', 'working group number 3');
    expect(blockText(cite.json)).toMatch(/`[^`]*Vladimir Putin[^`]*`/);
    // Once: the copyable code span is the only place the credit line appears.
    expect(blockText(cite.json).split('Vladimir Putin said')).toHaveLength(2);
  });

  it('escapes markup from the query and from articles: no mention, broadcast or link comes out live', async () => {
    const res = await h.slash('/quote', `zebra ${INJECTION}`);
    expect(res.status).toBe(200);
    const strings = allStrings(res.json);
    for (const live of LIVE_MARKUP) for (const s of strings) expect(s).not.toContain(live);
    const text = blockText(res.json);
    expect(text).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp;');
    expect(text).toContain('Mallory &lt;@U999&gt;');
    expect(res.json?.text).toContain('&lt;!channel&gt;');
    expect(res.json?.text).not.toContain('<!channel>');
    // The article's own link is a real link, with its markup characters escaped inside.
    expect(text).toContain('<https://example.com/a?x=1&amp;y=&lt;2&gt;%7Cz|Title &lt;!channel&gt;');
  });

  it('answers a huge query and odd Unicode with a friendly reply', async () => {
    const huge = await h.slash('/quote', 'working '.repeat(20_000));
    expect(huge.status).toBe(200);
    expect(huge.json?.response_type).toBe('ephemeral');
    expect(huge.text.length).toBeLessThan(60_000);
    expect(blockText(huge.json).toLowerCase()).toMatch(/long|characters/);
    for (const b of (huge.json?.blocks ?? []) as Block[])
      if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    const odd = await h.slash('/quote', '\u200b\u202e\ud83d\ude00 «группа» 工作组');
    expect(odd.status).toBe(200);
    expect(odd.json?.response_type).toBe('ephemeral');
  });

  it('answers a retried slash command (X-Slack-Retry-Num) with an empty 200, not a second answer', async () => {
    const { form } = h.slashForm('/quote', 'working group');
    const first = await h.send(form);
    expect(((first.json?.blocks ?? []) as Block[]).length).toBeGreaterThan(1);
    const retry = await h.send(form, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    expect(retry.text).toBe('');
  });

  it('pages with More results: the next page replaces the ephemeral message through response_url', async () => {
    const first = await h.slash('/quote', 'working group');
    expect(blockText(first.json)).toContain('page 1 of');
    const more = buttonValue(first.json, 'newsroom_more');
    expect(more).not.toBeNull();
    const click = await h.click('newsroom_more', more ?? '');
    expect(click.status).toBe(200);
    const posted = await h.standIn.waitFor(`response/${click.responseId}`);
    expect(posted.body.replace_original).toBe(true);
    expect(posted.body.response_type).toBe('ephemeral');
    expect(blockText(posted.body)).toContain('page 2 of');
    expect(blockText(posted.body)).not.toContain('page 1 of');
  });

  it('shares to the channel with chat.postMessage, credited to the reporter, then confirms privately', async () => {
    const first = await h.slash('/quote', 'working group number 7');
    const share = buttonValue(first.json, 'newsroom_share') ?? '';
    const click = await h.click('newsroom_share', share);
    expect(click.status).toBe(200);
    const post = await h.standIn.waitFor('chat.postMessage', (c) => String(c.body.text).includes('number 7'));
    expect(post.headers.authorization).toBe('Bearer xoxb-1234-5678-test');
    expect(post.body.channel).toBe(CHANNEL);
    expect(post.body.unfurl_links).toBe(false);
    expect(post.body.unfurl_media).toBe(false);
    const text = blockText(post.body);
    expect(text).toContain(`Shared by <@${REPORTER.id}>`);
    expect(text).toContain('>The working group number 7 will meet soon');
    // A shared message carries no buttons: they would act for whoever clicks.
    expect((post.body.blocks as Block[]).some((b) => b.type === 'actions')).toBe(false);
    expect(text.match(/Shared by/g)).toHaveLength(1);
    const confirm = await h.standIn.waitFor(`response/${click.responseId}`);
    expect(confirm.body.response_type).toBe('ephemeral');
    expect(confirm.body.replace_original).toBe(false);
    expect(String(confirm.body.text)).toMatch(/shared/i);
  });

  it('shares through response_url (in_channel) where the bot is not a member', async () => {
    const first = await h.slash('/quote', 'working group number 5', { channel_id: NOT_MEMBER_CHANNEL });
    const click = await h.click('newsroom_share', buttonValue(first.json, 'newsroom_share') ?? '', {
      channel: NOT_MEMBER_CHANNEL,
    });
    const inChannel = await h.standIn.waitFor(
      `response/${click.responseId}`,
      (c) => c.body.response_type === 'in_channel',
    );
    expect(blockText(inChannel.body)).toContain(`Shared by <@${REPORTER.id}>`);
    expect(inChannel.body.replace_original).toBe(false);
    expect(h.standIn.named('chat.postMessage', (c) => c.body.channel === NOT_MEMBER_CHANNEL)).toHaveLength(1);
  });

  it('a duplicated button delivery (retry) is acknowledged and shared only once', async () => {
    const first = await h.slash('/quote', 'working group number 9');
    const share = buttonValue(first.json, 'newsroom_share') ?? '';
    const triggerId = newTriggerId();
    const { form } = h.clickForm('newsroom_share', share, { triggerId });
    expect((await h.send(form)).status).toBe(200);
    await h.standIn.waitFor('chat.postMessage', (c) => String(c.body.text).includes('number 9'));
    expect((await h.send(form, { headers: { 'x-slack-retry-num': '1' } })).status).toBe(200);
    // A later share of something else is a barrier: once it is posted, a duplicate would have been too.
    const other = await h.slash('/quote', 'working group number 11');
    await h.click('newsroom_share', buttonValue(other.json, 'newsroom_share') ?? '');
    await h.standIn.waitFor('chat.postMessage', (c) => String(c.body.text).includes('number 11'));
    expect(h.standIn.named('chat.postMessage', (c) => String(c.body.text).includes('number 9'))).toHaveLength(
      1,
    );
  });

  it('an expired or unknown button key gets a friendly ephemeral note', async () => {
    const click = await h.click('newsroom_share', 'share.doesnotexist0');
    expect(click.status).toBe(200);
    const note = await h.standIn.waitFor(`response/${click.responseId}`);
    expect(note.body.response_type).toBe('ephemeral');
    expect(note.body.replace_original).toBe(false);
    expect(blockText(note.body).toLowerCase()).toContain('expired');
  });

  it('acknowledges a retried event callback without acting on it', async () => {
    const event = JSON.stringify({
      token: 'x',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0RETRY',
      event_time: nowSeconds(),
      event: { type: 'app_mention', user: REPORTER.id, text: '<@U0BOT> hi', ts: '1.2', channel: CHANNEL },
    });
    const post = (headers: Record<string, string>) =>
      h.send(event, { headers: { 'content-type': 'application/json', ...headers } });
    expect((await post({})).status).toBe(200);
    const retry = await post({ 'x-slack-retry-num': '1' });
    expect(retry.status).toBe(200);
    expect(retry.text).toBe('');
    expect(h.logs.join('')).toContain('duplicate delivery');
  });
});

describe('Slack adapter: slow and failing paths', () => {
  it('finishes through response_url when the answer is not ready within the ack budget', async () => {
    const h = await startSlackHarness(slowEngine(fixtureEngine(), 30), { ackBudgetMs: 5 });
    try {
      const res = await h.slash('/quote', 'working group');
      expect(res.status).toBe(200);
      expect(res.json?.blocks).toBeUndefined();
      const late = await h.standIn.waitFor(`response/${res.responseId}`);
      expect(late.body.response_type).toBe('ephemeral');
      expect(blockText(late.body)).toContain('>The working group number');
      expect(late.body.unfurl_links).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('acknowledges at once when the answer is still being worked on, then delivers it through response_url', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = await startSlackHarness(fixtureEngine(), {
      ackBudgetMs: 1,
      // The real command, held back until the test has seen the acknowledgement: no clock involved.
      execute: async (input, env) => {
        await held;
        return executeCommand(input, env);
      },
    });
    try {
      const res = await h.slash('/quote', 'working group');
      expect(res.status).toBe(200);
      expect(res.json?.response_type).toBe('ephemeral');
      expect(res.json?.blocks).toBeUndefined();
      expect(String(res.json?.text)).toMatch(/searching/i);
      expect(h.standIn.named(`response/${res.responseId}`)).toHaveLength(0);
      release();
      const late = await h.standIn.waitFor(`response/${res.responseId}`);
      expect(blockText(late.body)).toContain('>The working group number 1');
    } finally {
      await h.close();
    }
  });

  it('a crash gives the reporter a short reply with a reference, and the log the detail', async () => {
    const h = await startSlackHarness(brokenEngine(fixtureEngine()));
    try {
      const res = await h.slash('/quote', 'working group');
      expect(res.status).toBe(200);
      const text = blockText(res.json);
      expect(text).toMatch(/went wrong|failed/i);
      expect(text).not.toContain('exploded');
      expect(text).not.toContain('/srv/secret');
      const ref = /ref ([0-9a-f]+)/.exec(text)?.[1];
      expect(ref).toBeDefined();
      const logged = h.logs.find((l) => l.includes(ref ?? '-'));
      expect(logged).toContain('index exploded');
    } finally {
      await h.close();
    }
  });
});
