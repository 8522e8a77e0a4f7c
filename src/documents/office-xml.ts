import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';

/** What the Word (import-docx.ts) and OpenDocument (import-odt.ts) readers share. */

/** A table row made of these words only is the questionnaire's header row. */
const HEADER_CELLS = new Set([
  'questions',
  'question',
  'réponses',
  'réponse',
  'answers',
  'answer',
  'الأسئلة',
  'الإجابات',
  'السؤال',
  'الإجابة',
]);

/** The cells' texts are the questionnaire's header row (« Questions | Réponses »). */
export function isHeaderRowText(cellTexts: readonly string[]): boolean {
  const texts = cellTexts
    .map((text) => normalizeText(text).replace(/\s*:$/u, '').toLowerCase())
    .filter((t) => t !== '');
  return texts.length > 0 && texts.every((t) => HEADER_CELLS.has(t));
}

/** The child elements of a node, in order. */
export function elements(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as XmlElement); // an element
  }
  return out;
}

/** An XML part of an office file; a document type or malformed XML is a corrupt file. */
export function parseXml(bytes: Buffer, file: string): XmlElement {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const text = bytes.toString(bom16 ? 'utf16le' : 'utf8');
  // xmldom resolves no external entity; a document type has no business in an office file anyway.
  if (/<!DOCTYPE/iu.test(text)) throw new PacteError('import.corrupt_file', { file });
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const root = parser.parseFromString(text, 'application/xml').documentElement;
    if (!root) throw new Error('no root element');
    return root;
  } catch (cause) {
    throw new PacteError('import.corrupt_file', { file }, { cause });
  }
}
