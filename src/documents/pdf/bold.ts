import type { PdfPage } from './bbox.js';

/**
 * Which words are bold, from pdftohtml's XML (`-xml -zoom 1`: boxes in points, like
 * pdftotext's): its text pieces are drawn in one font each, and a bold one comes inside <b>.
 * Documents set a question's wording apart from its answer that way, which the review parser
 * uses when the wording differs from the questionnaire's.
 */

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The bold pieces of each page (pages numbered from 0). */
export function boldBoxes(xml: string): Box[][] {
  const pages: Box[][] = [];
  const tag =
    /<page number="(\d+)"|<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)"[^>]*>(.*?)<\/text>/gu;
  for (const m of xml.matchAll(tag)) {
    if (m[1] !== undefined) {
      pages[Number(m[1]) - 1] = [];
      continue;
    }
    // Bold all through: <b>…</b>, maybe inside <i> or a link.
    const inner = (m[6] ?? '').replace(/<\/?(?:i|a)\b[^>]*>/gu, '').trim();
    if (!/^<b>.*<\/b>$/u.test(inner) || inner.slice(3, -4).includes('</b>')) continue;
    const [top, left, width, height] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
    pages[pages.length - 1]?.push({ top, left, bottom: top + height, right: left + width });
  }
  return pages;
}

/** The pages with each word's `bold` set: its middle lies in a bold piece of its page. */
export function markBold(pages: readonly PdfPage[], xml: string | null): PdfPage[] {
  if (xml === null) return [...pages];
  const boxes = boldBoxes(xml);
  return pages.map((page, i) => {
    const here = boxes[i] ?? [];
    return {
      ...page,
      words: page.words.map((w) => {
        const [x, y] = [(w.xMin + w.xMax) / 2, (w.yMin + w.yMax) / 2];
        const bold = here.some((b) => x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1);
        return { ...w, bold };
      }),
    };
  });
}
