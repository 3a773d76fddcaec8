/**
 * Issue 15: hostile signed input to the real Bolt app over loopback. Each crash input from the issue answers 400
 * at once and the process keeps answering; bad timestamps and replays are refused; bodies are bounded; a
 * request that waited in a blocked event loop is deferred (or shed) by its age, never answered late in the ack.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT_BYTES } from '../../../adapters/slack/gate.ts';
import { ACK_FIRST_AFTER_MS, BUSY_TEXT, SHED_AFTER_MS } from '../../../src/deadline.ts';
import { fixtureEngine } from './fake-engine.ts';
import { nowSeconds, type SlackHarness, sign, startSlackHarness } from './harness.ts';

const payloadForm = (payload: string) => new URLSearchParams({ payload }).toString();

/** A block_actions payload as the harness builds it, with `patch` applied on top. */
function clickWith(h: SlackHarness, patch: Record<string, unknown>): string {
  const base = JSON.parse(
    new URLSearchParams(h.clickForm('newsroom_more', 'more.x').form).get('payload') ?? '{}',
  );
  return payloadForm(JSON.stringify({ ...base, ...patch }));
}

/** Blocks this thread (and so the server in it) for `ms`: a busy machine, as the server sees it. */
function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
}

/**
 * Writes a signed request on a raw socket, then blocks the event loop before the server can read it, so the
 * request waits as it would behind other work. Resolves with the status and body of the answer.
 */
function sendAfterBlocking(
  url: string,
  form: string,
  blockMs: number,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  // Just after a second starts, so the signed timestamp (whole seconds) adds little to the measured wait.
  while (Date.now() % 1000 > 100) {
    // spin until then
  }
  const ts = nowSeconds();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        [
          // HTTP/1.0: a plain body (not chunked), and the server closes the connection after it.
          'POST /slack/events HTTP/1.0',
          `host: ${hostname}:${port}`,
          'content-type: application/x-www-form-urlencoded',
          `content-length: ${Buffer.byteLength(form)}`,
          `x-slack-request-timestamp: ${ts}`,
          `x-slack-signature: ${sign(form, ts)}`,
          'connection: close',
          '',
          form,
        ].join('\r\n'),
      );
      blockFor(blockMs);
    });
    let raw = '';
    socket.on('data', (c: Buffer) => {
      raw += c.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1]);
      const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
      resolve({ status, body });
    });
  });
}

describe('Slack: hostile signed input', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(fixtureEngine());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 400 at once to the inputs that crashed the receiver or answered 500, and keeps answering', async () => {
    const json = { headers: { 'content-type': 'application/json' } };
    const cases: [string, string, typeof json | undefined][] = [
      ['payload=null', payloadForm('null'), undefined],
      ['JSON null', 'null', json],
      ['JSON "x"', '"x"', json],
      ['JSON []', '[]', json],
      ['JSON {}', '{}', json],
      ['payload "x"', payloadForm('"x"'), undefined],
      ['payload []', payloadForm('[]'), undefined],
      ['payload {}', payloadForm('{}'), undefined],
      ['payload not JSON', payloadForm('{'), undefined],
      ['actions: null', clickWith(h, { actions: null }), undefined],
      ['actions: [null]', clickWith(h, { actions: [null] }), undefined],
      ['actions: []', clickWith(h, { actions: [] }), undefined],
      ['user: null', clickWith(h, { user: null }), undefined],
      ['user without id', clickWith(h, { user: {} }), undefined],
      ['an empty form', '', undefined],
      ['a command without user_id', h.slashForm('/quote', 'x', { user_id: '' }).form, undefined],
      ['a command twice', `${h.slashForm('/quote', 'x').form}&command=%2Fcite`, undefined],
      // Bolt keys its clients by workspace id in a plain object: these answered 500.
      ['team_id __proto__', h.slashForm('/sources', '', { team_id: '__proto__' }).form, undefined],
      ['team_id constructor', h.slashForm('/sources', '', { team_id: 'constructor' }).form, undefined],
      ['enterprise_id toString', h.slashForm('/sources', '', { enterprise_id: 'toString' }).form, undefined],
      ['a click from team __proto__', clickWith(h, { team: { id: '__proto__' } }), undefined],
      [
        'an event from team constructor',
        JSON.stringify({
          type: 'event_callback',
          event_id: 'Ev1',
          team_id: 'constructor',
          event: { type: 'x' },
        }),
        { headers: { 'content-type': 'application/json' } },
      ],
    ];
    for (const [name, body, opts] of cases) {
      const res = await h.send(body, opts);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.text).not.toMatch(/at \w+ \(|TypeError|stack/);
    }
    const alive = await h.slash('/quote', 'working group');
    expect(alive.status).toBe(200);
    expect(((await h.answer(alive)).blocks as unknown[]).length).toBeGreaterThan(1);
  });

  it('acknowledges a well-formed payload of a kind it does not use at once, with 200', async () => {
    const res = await h.send(payloadForm(JSON.stringify({ type: 'view_submission', user: { id: 'U1' } })));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const event = await h.send(JSON.stringify({ type: 'app_rate_limited', team_id: 'T' }), {
      headers: { 'content-type': 'application/json' },
    });
    expect(event.status).toBe(200);
  });

  it('refuses timestamps that are not whole seconds inside the window: Infinity, 1e400, -1, 1.5e9, far future', async () => {
    const { form } = h.slashForm('/quote', 'working group');
    for (const ts of [
      'Infinity',
      '1e400',
      '-1',
      `${nowSeconds()}.5`,
      ' 1',
      '0x10',
      '',
      String(nowSeconds() + 3600),
    ]) {
      const res = await h.send(form, {
        unsigned: true,
        headers: {
          'x-slack-request-timestamp': ts,
          'x-slack-signature': `v0=${sign(form, 0).slice(3)}`.replace(sign(form, 0), sign(form, 0)),
        },
      });
      expect({ ts, status: res.status }).toEqual({ ts, status: 401 });
    }
    // A signature computed over "Infinity" itself is refused too (Bolt accepted it: never stale).
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': 'Infinity',
        'x-slack-signature': sign(form, Number.POSITIVE_INFINITY),
      },
      body: form,
    });
    expect(res.status).toBe(401);
  });

  it('answers a replayed signed request once: the copy is refused with 409 and not answered again', async () => {
    const { form, responseId } = h.slashForm('/quote', 'working group');
    const ts = nowSeconds();
    const first = await h.send(form, { timestamp: ts });
    expect(first.status).toBe(200);
    const again = await h.send(form, { timestamp: ts });
    expect(again.status).toBe(409);
    expect(again.text).not.toContain('working group');
    // A barrier: a later command's answer arrives after anything the replay could have caused.
    await h.answer(await h.slash('/quote', 'working group'));
    expect(h.standIn.named(`response/${responseId}`)).toHaveLength(first.json?.blocks ? 0 : 1);
  });

  it('refuses bodies over the limit before reading them, declared or streamed', async () => {
    const big = `${h.slashForm('/quote', 'x').form}&pad=${'a'.repeat(SLACK_BODY_LIMIT_BYTES)}`;
    expect((await h.send(big)).status).toBe(413);
    const ts = nowSeconds();
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(big, ts),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const alive = await h.slash('/sources', '');
    expect(alive.status).toBe(200);
  });

  it('a command that waited in a blocked event loop is acknowledged first and answered through response_url', async () => {
    const { form, responseId } = h.slashForm('/quote', 'working group');
    const res = await sendAfterBlocking(h.url, form, ACK_FIRST_AFTER_MS + 400);
    expect(res.status).toBe(200);
    const ack = JSON.parse(res.body) as Record<string, unknown>;
    expect(ack.blocks).toBeUndefined();
    expect(String(ack.text)).toMatch(/searching/i);
    const late = await h.standIn.waitFor(`response/${responseId}`);
    expect(JSON.stringify(late.body.blocks)).toContain('working group');
  });

  it('a command that waited past the shedding point gets "busy" in its ack and no work is done', async () => {
    const { form, responseId } = h.slashForm('/quote', 'working group');
    const res = await sendAfterBlocking(h.url, form, SHED_AFTER_MS + 400);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ response_type: 'ephemeral', text: BUSY_TEXT });
    const after = await h.slash('/sources', '');
    await h.answer(after);
    expect(h.standIn.named(`response/${responseId}`)).toHaveLength(0);
  });
});

describe('Slack: fuzzed signed payloads (fast-check)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(fixtureEngine());
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = fc.jsonValue({ maxDepth: 3 });
  const noLeak = (text: string) => {
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node:internal|TypeError|ReferenceError/);
    expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>/);
  };

  it('block_actions with any value in any field: 200 or 400, never 5xx, never a stack trace', async () => {
    const field = fc.constantFrom(
      'actions',
      'user',
      'type',
      'response_url',
      'channel',
      'container',
      'trigger_id',
      'team',
      'enterprise',
      'message',
      'view',
      'state',
      'api_app_id',
      'is_enterprise_install',
      'token',
    );
    await fc.assert(
      fc.asyncProperty(field, json, async (key, value) => {
        const res = await h.send(clickWith(h, { [key]: value, trigger_id: `${Math.random()}` }));
        expect([200, 400]).toContain(res.status);
        noLeak(res.text);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 80) },
    );
  });

  it('slash commands with any text and odd fields: 200 with a reply (ack or response_url) or 400', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<!channel>', '<@U123>', 'speaker:', '"'),
    );
    const command = fc.constantFrom(
      '/quote',
      '/fact',
      '/cite',
      '/verify',
      '/sources',
      '/speaker',
      '/newsroom',
      '/nope',
      'quote',
      '/',
    );
    await fc.assert(
      fc.asyncProperty(command, text, async (name, query) => {
        const { form, responseId } = h.slashForm(name, query);
        const res = await h.send(form);
        expect([200, 400]).toContain(res.status);
        noLeak(res.text);
        if (res.status === 200) {
          const answer = await h.answer({ ...res, responseId });
          expect(answer).toBeTruthy();
          noLeak(JSON.stringify(answer));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('slash commands with any string in any field: 200 with a reply or 400, never 5xx', async () => {
    const field = fc.constantFrom(
      'user_id',
      'user_name',
      'channel_id',
      'channel_name',
      'team_id',
      'response_url',
      'trigger_id',
      'api_app_id',
      'is_enterprise_install',
      'enterprise_id',
    );
    await fc.assert(
      fc.asyncProperty(field, fc.string({ maxLength: 80 }), async (key, value) => {
        const { form, responseId } = h.slashForm('/sources', '', { [key]: value });
        const res = await h.send(form);
        expect([200, 400]).toContain(res.status);
        noLeak(res.text);
        // A reply is always there: in the ack, or through a response_url that still points at the stand-in.
        if (res.status === 200 && key !== 'response_url')
          expect(await h.answer({ ...res, responseId })).toBeTruthy();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });

  it('any JSON as the whole body or as payload: 200 or 400, and the process keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.boolean(), async (value, asPayload) => {
        const text = JSON.stringify(value) ?? 'null';
        const res = asPayload
          ? await h.send(payloadForm(text))
          : await h.send(text, { headers: { 'content-type': 'application/json' } });
        // 409: the same value twice within a second is the same signed request, a replay.
        expect([200, 400, 409]).toContain(res.status);
        noLeak(res.text);
      }),
      { numRuns: 80 },
    );
    expect((await h.slash('/sources', '')).status).toBe(200);
  });
});
