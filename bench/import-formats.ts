// Import time of the seed in each format (text, DOCX, PDF), each as a ratio to the raw text
// extraction of the same file measured in the same run: reading the .txt; unzipping the DOCX's
// document.xml; `pdftotext` of the PDF. The PDF is made from the DOCX by LibreOffice.
// Run: npx tsx bench/import-formats.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReview } from '../src/documents/read-review.js';
import { DEFAULT_LIMITS } from '../src/domain/read-limits.js';
import { readZipEntries } from '../src/documents/zip.js';
import { arab2021, docxToPdf, seedReview, writeDocxFixture } from '../test/support/fixtures.js';
import { SEED } from '../test/support/pacte.js';
import { median } from './measure.js';

const dir = mkdtempSync(join(tmpdir(), 'pacte-bench-'));
try {
  const questionnaire = arab2021();
  const docxPath = await writeDocxFixture(seedReview(), 'table', dir);
  const pdfPath = docxToPdf(docxPath, dir);
  const files = { txt: readFileSync(SEED), docx: readFileSync(docxPath), pdf: readFileSync(pdfPath) };
  const extract = {
    txt: () => files.txt.toString('utf8').length,
    docx: () => readZipEntries(files.docx, 'seed.docx', DEFAULT_LIMITS, ['word/document.xml']),
    pdf: () => execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).length,
  };
  for (const format of ['txt', 'docx', 'pdf'] as const) {
    const runs = format === 'pdf' ? 15 : 50;
    const baseline = await median(extract[format], runs);
    const full = await median(() => readReview(files[format], `seed.${format}`, questionnaire), runs);
    console.log(
      `${format.padEnd(4)} import ${full.toFixed(2)} ms, raw extraction ${baseline.toFixed(2)} ms: ratio ${(full / baseline).toFixed(1)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
