import { stripBidiControls } from '../arabic-repair.js';

/** The words of pdftotext -bbox-layout's XHTML, page by page, with their boxes. */

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** pdftotext's line, numbered through the document. */
  line: number;
  /** Drawn in a bold font (markBold); unknown when pdftohtml could not tell. */
  bold?: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? all;
  });
}

/** The pages of pdftotext -bbox-layout's XHTML, with their words (flows and blocks are not used). */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let line = 0;
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<line\b|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/gu;
  for (const m of xhtml.matchAll(tag)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else if (m[3] === undefined) line++;
    else {
      // Only the bidi marks go here: the rest of the repairs need the text in logical order.
      const text = stripBidiControls(decodeEntities(m[7] ?? '')).trim();
      if (text === '') continue;
      pages[pages.length - 1]?.words.push({
        text,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
        line,
      });
    }
  }
  return pages;
}
