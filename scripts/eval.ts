/**
 * `npm run eval`: extraction and search quality on the annotated fixtures under test/fixtures/eval.
 * Prints each section's figures; exits 1 when a target is missed, so it can gate a release.
 */
import { runExtractionEval } from '../test/eval/extraction.ts';
import { runSearchEval } from '../test/eval/search.ts';

/** One section of the report. */
export interface EvalSection {
  title: string;
  lines: string[];
  ok: boolean;
}

const sections: EvalSection[] = [await runExtractionEval(), await runSearchEval()];
for (const section of sections) {
  console.log(`\n== ${section.title} ${section.ok ? '(targets met)' : '(TARGET MISSED)'}`);
  for (const line of section.lines) console.log(`  ${line}`);
}
process.exitCode = sections.every((s) => s.ok) ? 0 : 1;
