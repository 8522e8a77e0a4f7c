import { PacteError } from '../domain/errors.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { decodeText } from './decode-text.js';
import { readDocxLines } from './import-docx.js';
import { isOdt, readOdtLines } from './import-odt.js';
import { readPdfLines } from './import-pdf.js';
import { looksLikeJson, readReviewJson } from './read-review-json.js';
import { parseReviewLines, parseReviewText, type ParsedDocument } from './import-text.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../domain/read-limits.js';

export type ReviewFormat = 'txt' | 'docx' | 'odt' | 'pdf' | 'json';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The format, from the content (a file's name says nothing reliable). An OLE compound file is
 * either an encrypted (password-protected) Office file or an old binary .doc.
 */
export function detectFormat(bytes: Uint8Array, file: string): ReviewFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isOdt(bytes) ? 'odt' : 'docx'; // a zip
  if (startsWith(bytes, OLE)) {
    const utf16 = Buffer.from(bytes).toString('utf16le');
    if (utf16.includes('EncryptionInfo') || utf16.includes('EncryptedPackage')) {
      throw new PacteError('import.password_protected', { file });
    }
    throw new PacteError('import.unsupported_format', { file, format: 'doc' });
  }
  // Pacte's own review JSON (issue 15): its typed values come back as they are.
  return looksLikeJson(bytes) ? 'json' : 'txt';
}

/** Any supported review file → what it says, structured along the questionnaire. */
export async function readReview(
  bytes: Uint8Array,
  file: string,
  questionnaire: Questionnaire,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ParsedDocument & { format: ReviewFormat }> {
  if (bytes.length === 0) throw new PacteError('import.empty_file', { file });
  if (bytes.length > limits.maxBytes) {
    throw new PacteError('import.file_too_large', { file, limitBytes: limits.maxBytes });
  }
  const format = detectFormat(bytes, file);
  try {
    if (format === 'docx' || format === 'odt') {
      const lines = await (format === 'odt' ? readOdtLines : readDocxLines)(bytes, file, limits);
      return { ...parseReviewLines(lines, questionnaire), format };
    }
    if (format === 'json') return { ...readReviewJson(bytes, questionnaire), format };
    if (format === 'pdf') {
      // The PDF's layout says where paragraphs and list items start, as Word's structure does.
      const options = { timeoutMs: limits.toolTimeoutMs, memoryBytes: limits.toolMemoryBytes };
      const lines = await readPdfLines(bytes, file, options);
      return {
        ...parseReviewLines(
          lines.map((line) => line.source),
          questionnaire,
        ),
        format,
      };
    }
    return { ...parseReviewText(decodeText(bytes, file), questionnaire), format };
  } catch (error) {
    // Readers and the parser do not all know the file's name; messages must name it.
    if (error instanceof PacteError && error.details.file === undefined) {
      throw new PacteError(error.code, { ...error.details, file }, { cause: error });
    }
    throw error;
  }
}
