import type { PdfPage } from './bbox.js';
import type { PhysicalLine } from './layout.js';

const QUESTION_LABEL = /^(?:questions?|الأسئلة|السؤال|الاسئلة)$/iu;
const ANSWER_LABEL = /^(?:réponses?|reponses?|answers?|responses?|replies|الإجابات|الاجابات|الأجوبة|الإجابة|الردود)$/iu;
const PAGE_NUMBER =
  /^(?:(?:page|p\.|pág\.|صفحة|الصفحة)\s*)?[-–—]?\s*[\d٠-٩]{1,4}\s*[-–—]?(?:\s*(?:\/|sur|of|de|من)\s*[\d٠-٩]{1,4})?$/iu;

const furnitureKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\d٠-٩]+/gu, '#')
    .replace(/\s+/gu, ' ')
    .trim();

/**
 * Drops running headers and footers (the same text, page numbers aside, at the same height in the
 * top or bottom tenth of at least half of the pages), page numbers alone at the top or bottom of
 * a page, and the table header row « Questions | Réponses » wherever it is repeated.
 */
export function removeFurniture(pages: PhysicalLine[][], sizes: readonly PdfPage[]): void {
  const inBand = (line: PhysicalLine): boolean => {
    const height = sizes[line.page]?.height ?? 842;
    return line.top < 0.1 * height || line.bottom > 0.9 * height;
  };
  const drop = new Set<PhysicalLine>();

  const seen = new Map<string, PhysicalLine[]>();
  for (const line of pages.flat()) {
    if (!inBand(line)) continue;
    const key = furnitureKey(line.text);
    seen.set(key, [...(seen.get(key) ?? []), line]);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const lines of seen.values()) {
    for (const line of lines) {
      const alike = lines.filter((l) => Math.abs(l.top - line.top) <= 3);
      if (new Set(alike.map((l) => l.page)).size >= needed) drop.add(line);
    }
  }

  for (const lines of pages) {
    const kept = lines.filter((l) => !drop.has(l));
    for (const line of kept) {
      if (!inBand(line) || !PAGE_NUMBER.test(line.text.trim())) continue;
      const upper = line.top < 0.5 * (sizes[line.page]?.height ?? 842);
      const beyond = kept.some(
        (l) =>
          l !== line && (upper ? l.bottom < line.top + 0.5 * line.height : l.top > line.bottom - 0.5 * line.height),
      );
      if (!beyond) drop.add(line);
    }
    for (const line of kept) {
      const text = line.text.trim();
      if (/^\S+\s+\S+$/u.test(text) && isHeaderPair(text.split(/\s+/u))) drop.add(line);
      if (!QUESTION_LABEL.test(text)) continue;
      const partner = kept.find(
        (l) =>
          l !== line &&
          ANSWER_LABEL.test(l.text.trim()) &&
          Math.min(l.bottom, line.bottom) > Math.max(l.top, line.top) &&
          l.side !== line.side,
      );
      if (partner) drop.add(line).add(partner);
    }
  }
  for (const lines of pages) {
    const kept = lines.filter((l) => !drop.has(l));
    lines.splice(0, lines.length, ...kept);
  }
}

function isHeaderPair([a = '', b = '']: string[]): boolean {
  return (QUESTION_LABEL.test(a) && ANSWER_LABEL.test(b)) || (QUESTION_LABEL.test(b) && ANSWER_LABEL.test(a));
}
