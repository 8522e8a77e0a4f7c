import { PacteError } from '../domain/errors.js';

/**
 * Bytes of a .txt review → text. Strict UTF-8 (a wrong encoding must fail loudly rather than
 * import mojibake); a BOM is dropped; NUL bytes mean a binary file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new PacteError('import.empty_file', { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PacteError('import.unreadable_file', { file });
  }
  if (text.includes('\u0000')) throw new PacteError('import.unreadable_file', { file });
  if (text.trim() === '') throw new PacteError('import.empty_file', { file });
  return text;
}
