// The fidelity report of the importer (issue 16): for every fixture with an answer key in
// test/fixtures/documents, each of its files imported as `pacte import --dry-run` does, and per
// file the blocks right, the answered questions found and the key's figures found.
// Run: npm run fidelity [-- --details] (--details lists the blocks missing and extra).
import { blocksRight, flatten, type FlatBlock } from '../test/support/fidelity.js';
import { arab2021, fixtureFiles, measureFixture } from '../test/support/fidelity-fixtures.js';

const details = process.argv.includes('--details');
const questionnaire = arab2021();
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
const show = (b: FlatBlock) => `${'  '.repeat(b.depth)}[${b.depth}] ${b.text}`;
let failing = 0;

for (const fixture of fixtureFiles()) {
  try {
    const { fidelity: f, answers } = await measureFixture(fixture, questionnaire);
    const right = blocksRight(f);
    const union = f.blocks.key + f.blocks.produced - f.blocks.matching;
    const ok = right >= 0.99 && f.questions.found === f.questions.key && f.figures.found === f.figures.key;
    if (!ok) failing++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${fixture.file.padEnd(24)} blocks right ${f.blocks.matching}/${union} = ${percent(right).padStart(7)}` +
        `  questions ${f.questions.found}/${f.questions.key}  figures ${f.figures.found}/${f.figures.key}`,
    );
    if (f.questions.missing.length > 0) console.log(`     questions missing: ${f.questions.missing.join(' ')}`);
    if (f.figures.missing.length > 0) console.log(`     figures missing: ${f.figures.missing.join(' ')}`);
    if (!details) continue;
    for (const id of new Set([...Object.keys(fixture.key.answered), ...answers.keys()])) {
      const expected = flatten(fixture.key.answered[id] ?? []).map(show);
      const got = flatten(answers.get(id) ?? []).map(show);
      const missing = expected.filter((b) => !got.includes(b));
      const extra = got.filter((b) => !expected.includes(b));
      if (missing.length + extra.length === 0) continue;
      console.log(`   ${id}`);
      for (const b of missing) console.log(`     - ${b}`);
      for (const b of extra) console.log(`     + ${b}`);
    }
  } catch (error) {
    failing++;
    console.log(`FAIL ${fixture.file.padEnd(24)} ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failing > 0 ? 1 : 0;
