import { ROW_START, SECTION_START, byTop } from './layout.js';
import type { Cell, PhysicalLine, Side } from './layout.js';

/** The column whose lines start with question letters (the right one in an Arabic table). */
export function questionSide(lines: readonly PhysicalLine[]): Side | null {
  const count = (side: Side) => lines.filter((l) => l.side === side && ROW_START.test(l.text)).length;
  const left = count('left');
  const right = count('right');
  if (left === 0 && right === 0) return null;
  return left >= right ? 'left' : 'right';
}

/**
 * Cells in reading order: outside tables, runs of lines (flow); in a table, for each row, its
 * question then its answer. A row starts at a question line with its letter and goes on, over
 * pages if need be, until the next one or until a line across the page (a heading).
 */
export function assembleCells(pages: readonly PhysicalLine[][], qSide: Side | null): Cell[] {
  const cells: Cell[] = [];
  let flow: Cell | null = null;
  let row: { question: Cell; answer: Cell } | null = null;
  const closeRow = (): void => {
    if (row) cells.push(row.question, row.answer);
    row = null;
  };
  const toFlow = (line: PhysicalLine): void => {
    closeRow();
    if (!flow) cells.push((flow = { role: 'flow', lines: [] }));
    flow.lines.push(line);
  };

  for (const lines of pages) {
    if (qSide === null) {
      // Columns without question letters: each column in turn, in reading order.
      const rtl = lines.filter((l) => l.direction === 'rtl').length > lines.length / 2;
      const order: Side[] = rtl ? ['full', 'right', 'left'] : ['full', 'left', 'right'];
      for (const side of order) for (const l of lines.filter((x) => x.side === side).sort(byTop)) toFlow(l);
      continue;
    }
    const isStart = (l: PhysicalLine): boolean => l.side === qSide && ROW_START.test(l.text);
    // A row's letter may sit a little lower than the first line of its answer.
    const key = (l: PhysicalLine): number => (isStart(l) ? l.top - 0.6 * l.height : l.top);
    const rank = (l: PhysicalLine): number => (l.side === 'full' ? 0 : l.side === qSide ? 1 : 2);
    const ordered = [...lines].sort((a, b) => key(a) - key(b) || rank(a) - rank(b));
    for (const line of ordered) {
      const open = row as { question: Cell; answer: Cell } | null;
      if (line.side === 'full') toFlow(line);
      else if (isStart(line)) {
        closeRow();
        flow = null;
        row = { question: { role: 'question', lines: [line] }, answer: { role: 'answer', lines: [] } };
      } else if (!open) toFlow(line);
      else if (line.side !== qSide) open.answer.lines.push(line);
      else if (SECTION_START.test(line.text) || afterRow(open, line)) toFlow(line);
      else open.question.lines.push(line);
    }
  }
  closeRow();
  return cells;
}

/** A line in the question column well below everything of the row on its page: after the table. */
function afterRow(row: { question: Cell; answer: Cell }, line: PhysicalLine): boolean {
  const here = [...row.question.lines, ...row.answer.lines].filter((l) => l.page === line.page);
  if (here.length === 0) return false;
  return line.top > Math.max(...here.map((l) => l.bottom)) + 1.5 * line.height;
}
