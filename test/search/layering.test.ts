/** Search returns data (issue 10, item 7): it never imports the layers that compose replies or credit lines. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SEARCH = resolve(import.meta.dirname, '../../src/search');

describe('src/search layering', () => {
  it('imports nothing from src/citations, src/commands, src/reply or the adapters', () => {
    const files = readdirSync(SEARCH).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(join(SEARCH, file), 'utf8');
      for (const m of source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g))
        expect(m[1], `${file} imports ${m[1]}`).not.toMatch(
          /(^|\/)(citations|commands|reply|adapters)(\/|$)/,
        );
    }
  });
});
