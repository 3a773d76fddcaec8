/**
 * `npm run eval`: extraction and search quality on the annotated fixtures under test/fixtures/eval.
 * Prints each section's figures; exits 1 when a target is missed, so it can gate a release.
 *
 * `npm run eval -- --brat DIR [--limit N] [--misses FILE]` scores extraction against a folder of brat-annotated
 * articles instead (NAME.txt + NAME*.ann with Source/Cue/Content spans, as in the PolNeAR corpus), and writes
 * every miss to FILE when asked. `--refs FILE[,FILE...]` takes hand-graded referents for pronoun and role sources
 * (lines `N<TAB>ARTICLE<TAB>SOURCE_OFFSET<TAB>surname|org:NAME|none|unclear`, ARTICLE a name or its articleKey); with
 * it, only graded pronoun and role sources are scored. The folder is never needed by `npm test`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BRAT_TARGETS, bratLines, bratOk, parseRefs, scoreBrat } from '../test/eval/brat.ts';
import { runExtractionEval } from '../test/eval/extraction.ts';
import { runSearchEval } from '../test/eval/search.ts';

/** One section of the report. */
export interface EvalSection {
  title: string;
  lines: string[];
  ok: boolean;
}

const { values } = parseArgs({
  options: {
    brat: { type: 'string' },
    limit: { type: 'string' },
    misses: { type: 'string' },
    refs: { type: 'string' },
  },
});

let sections: EvalSection[];
if (values.brat) {
  const files = values.refs?.split(',').filter(Boolean) ?? [];
  const refs = files.length
    ? parseRefs((await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n'))
    : undefined;
  const scores = await scoreBrat(values.brat, Number(values.limit ?? 0) || 0, refs);
  if (values.misses) await writeFile(values.misses, `${[...scores.misses, ...scores.debris].join('\n')}\n`);
  const t = BRAT_TARGETS;
  sections = [
    {
      title: `Extraction against brat annotations (${values.brat})`,
      lines: [
        ...bratLines(scores),
        `targets: direct F1 >= ${t.directF1}, speaker >= ${t.speaker * 100}% (named >= ${t.named * 100}%, pronoun/role >= ${t.pronounRole * 100}%), shown names wrong <= ${t.shownWrong * 100}%, no debris`,
      ],
      ok: bratOk(scores),
    },
  ];
} else sections = [await runExtractionEval(), await runSearchEval()];
for (const section of sections) {
  console.log(`\n== ${section.title} ${section.ok ? '(targets met)' : '(TARGET MISSED)'}`);
  for (const line of section.lines) console.log(`  ${line}`);
}
process.exitCode = sections.every((s) => s.ok) ? 0 : 1;
