/**
 * A code's figures in a Word document (the side-by-side export of a coded question): the chart as
 * a PNG image, described by its alternative text, then the same counts as a table, so that a
 * reader who cannot see the image reads every number (« 7 sur 18 »).
 */
import {
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  HeadingLevel,
} from 'docx';
import { PAGE, type Writer } from './export-docx.js';

export interface DocxFigures {
  /** « Chiffres : Mécanisme de coordination », in the reader's language. */
  heading: string;
  /** The image's alternative text. */
  alt: string;
  png: Buffer;
  /** Column headings, then one line per value: its label and « n sur N ». */
  columns: [string, string];
  rows: [string, string][];
}

const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The text width in pixels at 96 dpi (1440 twips per inch): the image is never wider. */
const MAX_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
const COLUMNS = [Math.round(TEXT_WIDTH * 0.7), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.7)] as const;

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function figuresBlock(writer: Writer, figures: DocxFigures, rtl: boolean): (Paragraph | Table)[] {
  const size = pngSize(figures.png);
  // The PNG is drawn at twice the chart's size: shown at half, or narrower to fit the page.
  const width = Math.min(MAX_WIDTH_PX, Math.round(size.width / 2));
  const height = Math.round((size.height * width) / size.width);
  const image = new Paragraph({
    keepNext: true,
    ...(rtl ? { bidirectional: true } : {}),
    children: [
      new ImageRun({
        type: 'png',
        data: figures.png,
        transformation: { width, height },
        altText: { name: 'chart', title: figures.heading, description: figures.alt },
      }),
    ],
  });
  const cell = (text: string, column: 0 | 1, header = false) =>
    new TableCell({
      children: [writer.framed(text, header ? { keepNext: true } : {}, header)],
      width: { size: COLUMNS[column], type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    });
  const table = new Table({
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [cell(figures.columns[0], 0, true), cell(figures.columns[1], 1, true)],
      }),
      ...figures.rows.map(
        ([label, count]) => new TableRow({ cantSplit: true, children: [cell(label, 0), cell(count, 1)] }),
      ),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...COLUMNS],
    layout: TableLayoutType.FIXED,
    ...(rtl ? { visuallyRightToLeft: true } : {}),
  });
  return [writer.framed(figures.heading, { heading: HeadingLevel.HEADING_1 }), image, table];
}
