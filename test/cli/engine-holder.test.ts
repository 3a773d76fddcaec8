import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { EngineHolder } from '../../src/main.ts';
import type { SearchEngine } from '../../src/search/types.ts';
import { fakeEngine, makeArticle } from '../commands/fake-engine.ts';

const logger = createLogger('silent');
const engineWith = (n: number): SearchEngine =>
  fakeEngine(Array.from({ length: n }, (_, i) => makeArticle({ id: `a${i}` })));

describe('EngineHolder', () => {
  it('swaps in the new engine only when it is built, and keeps answering meanwhile', async () => {
    let finish: (e: SearchEngine) => void = () => {};
    const holder = new EngineHolder(
      engineWith(1),
      'data',
      logger,
      () => new Promise((done) => (finish = done)),
    );
    const reloading = holder.reload();
    expect(holder.get().corpus.articles).toHaveLength(1);
    finish(engineWith(2));
    expect(await reloading).toBe(true);
    expect(holder.get().corpus.articles).toHaveLength(2);
  });

  it('keeps the old engine when a reload fails', async () => {
    const holder = new EngineHolder(engineWith(1), 'data', logger, async () => {
      throw new Error('disk on fire');
    });
    expect(await holder.reload()).toBe(false);
    expect(holder.get().corpus.articles).toHaveLength(1);
  });

  it('runs a reload asked for during a reload once more afterwards, not once per ask', async () => {
    let calls = 0;
    const holder = new EngineHolder(engineWith(0), 'data', logger, async () => engineWith(++calls));
    const first = holder.reload();
    const second = holder.reload();
    const third = holder.reload();
    await Promise.all([first, second, third]);
    expect(calls).toBe(2);
    expect(holder.get().corpus.articles).toHaveLength(2);
  });
});
