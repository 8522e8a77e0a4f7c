import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { EvidenceType } from '../domain/contributions.js';

/**
 * The type of an evidence file, read from its content (never from its name or the type the
 * browser claims): a PDF starts with `%PDF-`; an Excel workbook is a zip archive holding
 * `xl/workbook.xml` (only the archive's directory is read: nothing is inflated); a CSV file is
 * strict UTF-8 text with a delimiter on its first line. Anything else: null.
 */
export async function detectEvidenceType(bytes: Uint8Array): Promise<EvidenceType | null> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (head.startsWith('PK\u0003\u0004')) return (await zipHas(bytes, 'xl/workbook.xml')) ? XLSX : null;
  return isCsv(bytes) ? 'text/csv' : null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Most entries read from a zip's directory before giving up (workbooks have a few dozen). */
const MAX_ENTRIES = 10_000;

function zipHas(bytes: Uint8Array, wanted: string): Promise<boolean> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: false }, (error, zip: ZipFile | undefined) => {
      if (error || !zip) {
        resolve(false);
        return;
      }
      let seen = 0;
      let done = false;
      const finish = (found: boolean) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(found);
      };
      zip.on('entry', (entry: Entry) => {
        seen++;
        if (entry.fileName.toLowerCase() === wanted) finish(true);
        else if (seen >= MAX_ENTRIES) finish(false);
        else zip.readEntry();
      });
      zip.once('end', () => finish(false));
      zip.once('error', () => finish(false));
      zip.readEntry();
    });
  });
}

const DELIMITERS = [',', ';', '\t', '|'];

function isCsv(bytes: Uint8Array): boolean {
  if (bytes.byteLength === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // Text, not a binary that happens to decode: no control characters but tabs and line ends.
  if (/(?![\t\n\r])\p{Cc}/u.test(text)) return false;
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  return DELIMITERS.some((delimiter) => firstLine.includes(delimiter));
}
