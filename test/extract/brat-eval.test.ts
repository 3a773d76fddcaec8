/**
 * The brat scorer behind `npm run eval -- --brat DIR`, on a tiny folder written here (our own sentences, with
 * Source/Cue/Content spans as PolNeAR annotates them). The real corpus is never needed by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleKey,
  classifySource,
  hasSurname,
  parseAnn,
  parseRefs,
  quoteSpans,
  scoreBrat,
  surnameOf,
} from '../eval/brat.ts';

/** Writes NAME.txt and NAME_ann1.ann; spans are given by their text (first occurrence after `from`). */
function article(dir: string, name: string, text: string, atts: Array<[string, string, string]>): void {
  let ann = '';
  let t = 0;
  let e = 0;
  let after = 0;
  const span = (type: string, s: string): string => {
    // The first whole-word occurrence at or after `after` (sources and cues follow their content here).
    const m = new RegExp(`(?<![\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(
      text.slice(after),
    );
    const at = m ? after + m.index : -1;
    if (at < 0) throw new Error(`no ${s}`);
    t++;
    ann += `T${t}\t${type} ${at} ${at + s.length}\t${s}\n`;
    return `T${t}`;
  };
  for (const [source, cue, content] of atts) {
    after = 0;
    const c = span('Content', content);
    after = text.indexOf(content) + content.length;
    const q = span('Cue', cue);
    const s = span('Source', source);
    e++;
    ann += `E${e}\tAttribution:${q} Content:${c} Cue:${q} Source:${s}\n`;
  }
  writeFileSync(join(dir, `${name}.txt`), text);
  writeFileSync(join(dir, `${name}_ann1.ann`), ann);
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brat-'));
  article(
    dir,
    'a1',
    'Harbor vote set for Monday\n\n“We will finish the wall before the spring floods,” said Mayor Dana Whitfield. Critics called it “a fantasy.”\n\nTom Reyes, the union leader, spoke next. “Nobody asked the workers what they think,” he said.\n',
    [
      ['Mayor Dana Whitfield', 'said', 'We will finish the wall before the spring floods'],
      ['he', 'said', 'Nobody asked the workers what they think'],
    ],
  );
  article(
    dir,
    'a2',
    'Budget passes\n\n“The numbers simply do not add up for the schools,” Lena Ortiz said.\n',
    [['Lena Ortiz', 'said', 'The numbers simply do not add up for the schools']],
  );
  return dir;
}

describe('brat scorer', () => {
  it('reads Source, Cue and Content spans linked by attributions', () => {
    const atts = parseAnn(
      'T1\tContent 10 20\tabcdefghij\nT2\tCue 0 4\tsaid\nT3\tSource 5 8\tOrt\nE1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n',
    );
    expect(atts).toHaveLength(1);
    expect(atts[0]?.content).toEqual([[10, 20]]);
    expect(atts[0]?.source?.text).toBe('Ort');
  });
  it('pairs quotation marks, doubled apostrophes included', () => {
    const text = `He said “one two three” and ''four five six'' then.`;
    expect(quoteSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['one two three', 'four five six']);
  });
  it('classifies sources and reads a surname from the head of the phrase', () => {
    expect(classifySource('he')).toBe('pronoun');
    expect(classifySource('the campaign')).toBe('role');
    expect(surnameOf('Clinton spokesman Brian Fallon, who was there')).toBe('fallon');
    expect(surnameOf('Gov. Phil Bryant of Mississippi')).toBe('bryant');
    expect(surnameOf('the harbor board spokesman, Josh Earnhart,')).toBe('earnhart');
  });
  it('scores found quotes, speakers by kind of source, and shown names', async () => {
    const dir = folder();
    const s = await scoreBrat(dir);
    expect(s.articles).toBe(2);
    // "a fantasy" is two words: no true quote, and the extractor does not take it for one.
    expect(s.direct.truth).toBe(3);
    expect(s.direct.found).toBe(3);
    expect(s.direct.predicted).toBe(3);
    expect(s.speaker.name).toEqual({ right: 2, of: 2 });
    // "he" resolves to the nearest named source before it: Whitfield by the approximation, Reyes in fact...
    expect(s.speaker.pronoun.of).toBe(1);
    // ...and a hand-graded referent overrides the approximation.
    const offset = readOffset(dir, 'a1', 'he');
    const graded = await scoreBrat(dir, 0, parseRefs(`0\ta1\t${offset}\treyes\n`));
    expect(graded.speaker.pronoun).toEqual({ right: 1, of: 1 });
    expect(graded.debris).toEqual([]);
    // The committed referents name the article by a hash of its name (no headline words in the repository).
    expect(articleKey('a1')).toMatch(/^[0-9a-f]{12}$/);
    const hashed = await scoreBrat(dir, 0, parseRefs(`0\t${articleKey('a1')}\t${offset}\twhitfield\n`));
    expect(hashed.speaker.pronoun).toEqual({ right: 0, of: 1 });
  });
  it('reads a graded referent copied with the corpus’s mis-decoded letters as the reader repairs them', () => {
    const refs = parseRefs('0\ta1\t12\tSarukhÃ¡n\n1\ta1\t40\tPeÃ±a Nieto\n');
    expect(refs.get('a1:12')).toBe('sarukhán');
    expect(refs.get('a1:40')).toBe('peña nieto');
  });
  it('matches a graded name copied from text mis-decoded twice, which lost a control character, by its ASCII letters', () => {
    // The corpus writes `SarukhÃ\u0083Â¡n`; a grader's copy keeps `SarukhÃÂ¡n`, which no longer repairs.
    expect(hasSurname('Arturo Sarukhán', 'sarukhãâ¡n')).toBe(true);
    expect(hasSurname('Arturo Sarukh', 'sarukhãâ¡n')).toBe(false);
    expect(hasSurname('Arturo Sarukhán', 'sarukhán')).toBe(true);
    expect(hasSurname('Ada Quill', 'sarukhãâ¡n')).toBe(false);
    expect(hasSurname('Enrique Peña Nieto', 'peãâ±a nieto')).toBe(true);
    expect(hasSurname('Enrique Nieto', 'peãâ±a nieto')).toBe(false);
  });
  it('runs from the command line', () => {
    const dir = folder();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--brat', dir], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('3 true direct quotes');
    expect(r.stdout).toMatch(/direct quotes: P 1\.000 .* R 1\.000/);
  });
});

function readOffset(dir: string, name: string, source: string): number {
  const ann = readFileSync(join(dir, `${name}_ann1.ann`), 'utf8');
  const line = ann.split('\n').find((l) => l.includes(`\tSource `) && l.endsWith(`\t${source}`)) as string;
  return Number(line.split('\t')[1]?.split(' ')[1]);
}
