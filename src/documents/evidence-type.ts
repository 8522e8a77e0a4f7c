import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { EvidenceType } from '../domain/contributions.js';

/**
 * The type of an evidence file, read from its content (never from its name or the type the
 * browser claims): a PDF starts with `%PDF-`; an Office Open XML file is a zip archive holding
 * `xl/workbook.xml` (Excel) or `word/document.xml` (Word), an OpenDocument file a zip archive
 * whose `mimetype` entry names its type (only that entry of a few dozen bytes is read; nothing
 * else is inflated); a CSV file is strict UTF-8 text with a delimiter on its first line.
 * Anything else (legacy binary DOC/XLS included: their container is shared with installers and
 * mail files): null.
 */
export async function detectEvidenceType(bytes: Uint8Array): Promise<EvidenceType | null> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (head.startsWith('PK\u0003\u0004')) return zipType(bytes);
  return isCsv(bytes) ? 'text/csv' : null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The part that makes an Office Open XML package a workbook or a document. */
const OOXML_PARTS: Record<string, EvidenceType> = { 'xl/workbook.xml': XLSX, 'word/document.xml': DOCX };

/** The OpenDocument types kept, as the `mimetype` entry spells them. */
const ODF_TYPES: readonly EvidenceType[] = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** Most entries read from a zip's directory before giving up (documents have a few dozen). */
const MAX_ENTRIES = 10_000;

/** The `mimetype` entry holds one short line; anything longer is not an OpenDocument file. */
const MAX_MIMETYPE_BYTES = 100;

function zipType(bytes: Uint8Array): Promise<EvidenceType | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: false }, (error, zip: ZipFile | undefined) => {
      if (error || !zip) {
        resolve(null);
        return;
      }
      let seen = 0;
      let done = false;
      const finish = (found: EvidenceType | null) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(found);
      };
      zip.on('entry', (entry: Entry) => {
        seen++;
        const name = entry.fileName.toLowerCase();
        const ooxml = OOXML_PARTS[name];
        if (ooxml) finish(ooxml);
        else if (name === 'mimetype' && entry.uncompressedSize <= MAX_MIMETYPE_BYTES) {
          readMimetype(zip, entry, (type) => (type ? finish(type) : zip.readEntry()));
        } else if (seen >= MAX_ENTRIES) finish(null);
        else zip.readEntry();
      });
      zip.once('end', () => finish(null));
      zip.once('error', () => finish(null));
      zip.readEntry();
    });
  });
}

/** The OpenDocument type the `mimetype` entry names, if it is one kept. */
function readMimetype(zip: ZipFile, entry: Entry, then: (type: EvidenceType | null) => void) {
  zip.openReadStream(entry, (error, stream) => {
    if (error || !stream) {
      then(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MIMETYPE_BYTES) chunks.push(chunk);
    });
    stream.once('error', () => then(null));
    stream.once('end', () => {
      const named = Buffer.concat(chunks).toString('latin1').trim();
      then(size <= MAX_MIMETYPE_BYTES ? (ODF_TYPES.find((type) => type === named) ?? null) : null);
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
