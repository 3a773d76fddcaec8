/** The core never imports a platform SDK: only adapters/ may. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SDK_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](@slack\/[^'"]*|discord\.js(?:\/[^'"]*)?)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every SDK import in the text, as `file: module`. */
function sdkImports(file: string, text: string): string[] {
  return [...text.matchAll(SDK_IMPORT)].map((m) => `${file}: ${m[1]}`);
}

describe('core/platform boundary', () => {
  it('finds the imports it is meant to catch', () => {
    expect(sdkImports('x.ts', "import { App } from '@slack/bolt';")).toEqual(['x.ts: @slack/bolt']);
    expect(sdkImports('x.ts', 'const d = await import("discord.js");')).toEqual(['x.ts: discord.js']);
    expect(sdkImports('x.ts', "import type { Block } from '@slack/types'")).toEqual(['x.ts: @slack/types']);
    expect(sdkImports('x.ts', "import 'discord.js'")).toEqual(['x.ts: discord.js']);
    expect(sdkImports('x.ts', "// talks about discord.js and '@slack/bolt' in prose")).toEqual([]);
  });

  it('src/ imports neither @slack/* nor discord.js', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => sdkImports(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
