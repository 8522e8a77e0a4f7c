// PDF export time of the stored seed review (the whole service: reading it from the database,
// the printable HTML, Chromium printing it twice for the contents' page numbers, the audit
// event), with the browser already warm as in a running server, and the DOCX export of the same
// review, each as a ratio to LibreOffice converting that DOCX to PDF — all measured in the same
// run (median of a few rounds: machines here are noisy).
// Run: npx tsx bench/export-pdf.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operator } from '../src/domain/permissions.js';
import { closeExportBrowser, exportReview } from '../src/services/export-review.js';
import { importReview } from '../src/services/import-review.js';
import { docxToPdf } from '../test/support/fixtures.js';
import { seedBytes } from '../test/support/pacte.js';
import { openTestStorage } from '../test/support/storage.js';
import { median } from './measure.js';

const t = await openTestStorage();
const dir = mkdtempSync(join(tmpdir(), 'pacte-bench-export-pdf-'));
try {
  const actor = operator('bench');
  const db = t.storage.db;
  await importReview(db, {
    bytes: seedBytes(),
    file: 'seed.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor,
  });
  const docxRequest = { country: 'MAR', cycle: 'arab-2021', format: 'docx', lang: 'fr' as const };
  const pdfRequest = { ...docxRequest, format: 'pdf' };
  const docx = join(dir, 'mar-arab-2021.fr.docx');
  writeFileSync(docx, (await exportReview(db, actor, docxRequest)).bytes);
  const rounds = 7;
  const docxMs = await median(() => exportReview(db, actor, docxRequest), rounds, 3);
  // The first PDF starts Chromium (the warm-up); the rounds measure the warm browser.
  const pdfMs = await median(() => exportReview(db, actor, pdfRequest), rounds, 1);
  // Each LibreOffice run starts soffice with a fresh profile, as the tests and a one-off conversion do.
  const libreOfficeMs = await median(() => docxToPdf(docx, join(dir, 'pdf')), 5, 1);
  const ratio = (ms: number) => (ms / libreOfficeMs).toFixed(3);
  console.log(
    [
      `LibreOffice DOCX → PDF ${libreOfficeMs.toFixed(0)} ms (baseline, median of 5)`,
      `DOCX export of the seed ${docxMs.toFixed(1)} ms: ${ratio(docxMs)}× LibreOffice`,
      `PDF export of the seed (warm Chromium, two renderings) ${pdfMs.toFixed(0)} ms: ${ratio(pdfMs)}× LibreOffice`,
    ].join('\n'),
  );
} finally {
  await closeExportBrowser();
  rmSync(dir, { recursive: true, force: true });
  await t.cleanup();
}
