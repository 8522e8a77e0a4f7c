/** Reading PDF reviews: the code is in pdf/ (read-pdf.ts describes how the layout is rebuilt). */

export { parseBboxLayout } from './pdf/bbox.js';
export type { PdfPage, PdfWord } from './pdf/bbox.js';
export { pdfLayoutLines, pdfLayoutText, readPdfLines, readPdfText } from './pdf/read-pdf.js';
export type { CellLine } from './pdf/lines.js';
export type { PdfReadOptions } from './pdf/run-pdftotext.js';
