// DOCX export time of the stored seed review (the whole service: reading it from the database,
// laying it out, writing the Word file, the audit event), as a ratio to LibreOffice converting
// that DOCX to PDF, both measured in the same run.
// Run: npx tsx bench/export-docx.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operator } from '../src/domain/permissions.js';
import { exportReview } from '../src/services/export-review.js';
import { importReview } from '../src/services/import-review.js';
import { docxToPdf } from '../test/support/fixtures.js';
import { seedBytes } from '../test/support/pacte.js';
import { openTestStorage } from '../test/support/storage.js';

async function median(work: () => Promise<unknown> | unknown, runs: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const t = await openTestStorage();
const dir = mkdtempSync(join(tmpdir(), 'pacte-bench-export-'));
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
  const request = { country: 'MAR', cycle: 'arab-2021', format: 'docx', lang: 'fr' as const };
  const docx = join(dir, 'mar-arab-2021.fr.docx');
  writeFileSync(docx, (await exportReview(db, actor, request)).bytes);
  const exportMs = await median(() => exportReview(db, actor, request), 30);
  // Each LibreOffice run starts soffice with a fresh profile, as the tests and a one-off conversion do.
  const convertMs = await median(() => docxToPdf(docx, join(dir, 'pdf')), 5, 1);
  console.log(
    `DOCX export of the seed ${exportMs.toFixed(1)} ms, LibreOffice DOCX → PDF ${convertMs.toFixed(0)} ms: ratio ${(exportMs / convertMs).toFixed(3)}×`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await t.cleanup();
}
