import { describe, expect, it } from 'vitest';
import { blocksRight } from '../support/fidelity.js';
import { arab2021, fixtureFiles, measureFixture } from '../support/fidelity-fixtures.js';

// Issue 16: every file of every fixture with an answer key (test/fixtures/documents/*.expected.json)
// imported as `pacte import --dry-run` does, against its key: at least 99 % of the blocks right
// (text and depth; missing and extra blocks both count), every answered question found with an
// answer, every key figure among the import's facts. `npm run fidelity -- --details` shows what differs.

const fixtures = fixtureFiles();
const questionnaire = arab2021();

describe('import fidelity against the answer keys', () => {
  it('finds the fixtures: the four of issue 16 at least, in PDF, Word and OpenDocument', () => {
    const files = fixtures.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining(['fr-table.pdf', 'fr-table.docx', 'ar-paragraphs.pdf', 'ar-paragraphs.docx']),
    );
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_, fixture) => {
    const { fidelity } = await measureFixture(fixture, questionnaire);
    expect(fidelity.questions.missing).toEqual([]);
    expect(fidelity.figures.missing).toEqual([]);
    expect(blocksRight(fidelity)).toBeGreaterThanOrEqual(0.99);
  });
});
