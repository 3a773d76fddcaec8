/** Where styles come from (dropped-in folder, then the system's CSL package, then npm) and how they are named. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CslNode,
  formatArticleCitation,
  loadCitationStyle,
  MissingStyleError,
  type StyleLocations,
  styleLabel,
  styleSources,
  styleTitle,
} from '../../src/citations/index.ts';

const article = {
  id: 'a',
  title: 'Putin proposes a joint cybersecurity group',
  outlet: 'TechCrunch',
  url: 'https://techcrunch.com/2018/07/16/putin',
  published: '2018-07-16',
  source: 'a.txt',
};

/** A minimal valid CSL style whose entries start with `marker`: shows which file was used, not what MLA looks like. */
function cslStyle(title: string, marker: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>${title}</title><title-short>T</title-short><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text value="${marker}: "/><text variable="title"/></layout></bibliography>
</style>`;
}

/** Fresh folders per test: each path is new, so no test reuses another's registered style. */
function folders(): StyleLocations {
  const root = mkdtempSync(join(tmpdir(), 'csl-'));
  const locations = { stylesDir: join(root, 'styles'), systemDir: join(root, 'system'), packages: true };
  mkdirSync(locations.stylesDir);
  mkdirSync(locations.systemDir);
  return locations;
}

describe('which style is used', () => {
  it('a file dropped into the styles folder beats the system package, which beats npm', async () => {
    const where = folders();
    const npm = await formatArticleCitation(article, 'mla', where);
    expect(npm.style.origin).toMatch(/^npm style-mla/);

    const system = folders();
    writeFileSync(
      join(system.systemDir, 'modern-language-association.csl'),
      cslStyle('Modern Language Association 9th edition', 'SYSTEM'),
    );
    const fromSystem = await formatArticleCitation(article, 'mla', system);
    expect(fromSystem.text).toBe(`SYSTEM: ${article.title}`);
    expect(fromSystem.style.label).toBe('MLA 9th edition');
    expect(fromSystem.style.origin).toBe(join(system.systemDir, 'modern-language-association.csl'));

    const both = folders();
    writeFileSync(join(both.systemDir, 'modern-language-association.csl'), cslStyle('System MLA', 'SYSTEM'));
    writeFileSync(
      join(both.stylesDir, 'modern-language-association.csl'),
      cslStyle('Dropped &amp; kept', 'DROPPED'),
    );
    const dropped = await formatArticleCitation(article, 'mla', both);
    expect(dropped.text).toBe(`DROPPED: ${article.title}`);
    expect(dropped.style.label).toBe('MLA (“Dropped & kept”)');
  });

  it('Chicago: full note before author-date in a folder; an author-date file alone is used', async () => {
    const where = folders();
    writeFileSync(join(where.stylesDir, 'chicago-author-date.csl'), cslStyle('Chicago author-date', 'AD'));
    expect((await formatArticleCitation(article, 'chicago', where)).text).toBe(`AD: ${article.title}`);

    const both = folders();
    writeFileSync(join(both.stylesDir, 'chicago-author-date.csl'), cslStyle('Chicago author-date', 'AD'));
    writeFileSync(
      join(both.stylesDir, 'chicago-fullnote-bibliography.csl'),
      cslStyle('Chicago note', 'NOTE'),
    );
    expect(styleSources('chicago', both).map((s) => s.origin)).toEqual([
      join(both.stylesDir, 'chicago-fullnote-bibliography.csl'),
      join(both.stylesDir, 'chicago-author-date.csl'),
      expect.stringMatching(/^npm @citation\/csl-style-chicago-fullnote-bibliography \d/),
    ]);
    expect((await formatArticleCitation(article, 'chicago', both)).text).toBe(`NOTE: ${article.title}`);
  });

  it('a broken or empty dropped-in file is skipped with a problem naming it, and the next source is used', async () => {
    const where = folders();
    const broken = join(where.stylesDir, 'modern-language-association.csl');
    writeFileSync(broken, '<style xmlns="http://purl.org/net/xbiblio/csl"><info><title>Half a file');
    const empty = join(where.systemDir, 'modern-language-association.csl');
    writeFileSync(empty, '');
    const { loaded, problems } = await loadCitationStyle('mla', where);
    expect(loaded?.origin).toMatch(/^npm style-mla/);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(broken);
    expect(problems[1]).toContain(empty);
    // And /cite gets the npm style, not an error.
    expect((await formatArticleCitation(article, 'mla', where)).style.label).toBe('MLA 7th edition');
  });

  it('with no file and no packages, MLA is missing and the problems say what failed', async () => {
    const where = { ...folders(), packages: false };
    writeFileSync(join(where.stylesDir, 'modern-language-association.csl'), 'not xml at all');
    const error = await formatArticleCitation(article, 'mla', where).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingStyleError);
    expect((error as MissingStyleError).problems).toEqual([
      expect.stringContaining(join(where.stylesDir, 'modern-language-association.csl')),
    ]);
  });
});

describe('styleTitle and styleLabel', () => {
  it('reads <info><title> from XML, not <title-short>, decoding entities', () => {
    const xml =
      '<style><info>\n<title-short>MLA</title-short>\n<title>A &amp; B\n 9th edition</title></info></style>';
    expect(styleTitle(xml)).toBe('A & B 9th edition');
    expect(styleTitle('<style><info><title-short>X</title-short></info></style>')).toBeNull();
    expect(styleTitle('<style><citation><title>not info</title></citation></style>')).toBeNull();
  });

  it('reads the title from the JSON tree that style-mla ships', () => {
    const tree = createRequire(import.meta.url)('style-mla') as CslNode;
    expect(styleTitle(tree)).toBe('Modern Language Association 7th edition');
  });

  it('names the edition, and quotes a title without one instead of guessing', () => {
    expect(styleLabel('mla', 'Modern Language Association 7th edition')).toBe('MLA 7th edition');
    expect(styleLabel('mla', 'Modern Language Association 9th edition')).toBe('MLA 9th edition');
    expect(styleLabel('chicago', 'Chicago Manual of Style 17th edition (full note)')).toBe(
      'Chicago 17th edition (full note)',
    );
    expect(styleLabel('apa', 'American Psychological Association 7th Edition')).toBe('APA 7th edition');
    expect(styleLabel('chicago', 'House style')).toBe('Chicago (“House style”)');
    expect(styleLabel('mla', null)).toBe('MLA (untitled CSL style)');
  });
});
