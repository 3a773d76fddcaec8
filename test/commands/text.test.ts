import { describe, expect, it } from 'vitest';
import { cleanText, commands, findCommand, parseCommandText } from '../../src/commands/index.ts';

const def = (name: string) => {
  const found = findCommand(name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe('findCommand', () => {
  it('accepts the name with or without a slash, in any case, and aliases', () => {
    expect(findCommand('quote')?.name).toBe('quote');
    expect(findCommand('/Quote')?.name).toBe('quote');
    expect(findCommand('  /CITE ')?.name).toBe('cite');
    expect(findCommand('newsroom')?.name).toBe('help');
    expect(findCommand('/newsroom')?.name).toBe('help');
    expect(findCommand('quotes')).toBeUndefined();
    expect(findCommand('')).toBeUndefined();
  });

  it('defines each command once with usage and an example', () => {
    const names = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(names).toEqual([
      'quote',
      'fact',
      'cite',
      'verify',
      'sources',
      'speaker',
      'add',
      'help',
      'newsroom',
    ]);
    for (const c of commands) {
      expect(c.usage.startsWith(`/${c.name}`)).toBe(true);
      expect(c.examples.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      if (c.rest) expect(c.options.map((o) => o.name)).toContain(c.rest);
    }
  });
});

describe('parseCommandText', () => {
  it('puts free text in the rest option and takes name:value for the others', () => {
    expect(parseCommandText(def('quote'), 'putin working group speaker:putin')).toEqual({
      query: 'putin working group',
      speaker: 'putin',
    });
    expect(parseCommandText(def('cite'), 'working group style:apa')).toEqual({
      query: 'working group',
      style: 'apa',
    });
  });

  it('reads quoted values, straight or curly, anywhere in the text', () => {
    expect(parseCommandText(def('quote'), 'speaker:"Vladimir Putin" working group')).toEqual({
      query: 'working group',
      speaker: 'Vladimir Putin',
    });
    expect(parseCommandText(def('quote'), 'cyber unit Speaker:“Donald Trump”')).toEqual({
      query: 'cyber unit',
      speaker: 'Donald Trump',
    });
  });

  it("leaves other x:y words to the search's own filters", () => {
    expect(parseCommandText(def('quote'), 'outlet:techcrunch working group')).toEqual({
      query: 'outlet:techcrunch working group',
    });
  });

  it('treats a blank option as absent and keeps an empty rest', () => {
    expect(parseCommandText(def('quote'), 'speaker:')).toEqual({ query: '' });
    expect(parseCommandText(def('sources'), '')).toEqual({ query: '' });
  });

  it('cleans invisible characters and odd white space', () => {
    expect(cleanText('\u200Bputin\u00A0 working\t\ngroup\uFEFF')).toBe('putin working group');
    expect(cleanText('cafe\u0301')).toBe('café');
  });
});
