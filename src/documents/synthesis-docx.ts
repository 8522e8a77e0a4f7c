import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { formatNumber } from '../domain/locale-format.js';
import type { SynthesisBlock, SynthesisInline, SynthesisList } from '../domain/synthesis.js';
import type { FigureData } from '../domain/synthesis-figures.js';
import { chartPng } from './chart-svg.js';
import { BULLET_LIST, ORDERED_LIST, PAGE, defaultDocument, levels } from './export-docx.js';
import { pngSize } from './figures-docx.js';
import {
  figureDate,
  noteText,
  sourceLines,
  statusLine,
  type PrintableSynthesis,
  type Translate,
} from './synthesis-notes.js';

/**
 * A synthesis as a Word document: title, status (draft as of a date, or version n of a date),
 * headings, paragraphs and real Word lists, each figure as a PNG chart (rasterised from its SVG)
 * with its table of counts and its date, and each citation as a REAL FOOTNOTE (word/footnotes.xml)
 * naming the country, the question and the date, then a list of sources. Right to left in Arabic.
 */

const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const MAX_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export async function synthesisDocx(synthesis: PrintableSynthesis, t: Translate): Promise<Buffer> {
  const rtl = synthesis.language === 'ar';
  const dir = rtl ? { bidirectional: true } : {};
  const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new TextRun({ text, ...options, ...(rtl ? { rightToLeft: true } : {}) });
  const para = (text: string, options: Record<string, unknown> = {}) =>
    new Paragraph({ ...options, ...dir, children: text === '' ? [] : [run(text)] });
  let instance = 0;
  let figureIndex = 0;

  const inline = (nodes: readonly SynthesisInline[] | undefined): ParagraphChild[] =>
    (nodes ?? []).flatMap((node): ParagraphChild[] => {
      if (node.type === 'hardBreak') return [new TextRun({ break: 1 })];
      const marks = node.marks ?? [];
      const out: ParagraphChild[] = [
        run(node.text, { bold: marks.some((m) => m.type === 'bold'), italics: marks.some((m) => m.type === 'italic') }),
      ];
      for (const mark of marks)
        if (mark.type === 'citation')
          for (const id of mark.attrs.citations) {
            const note = synthesis.notes.get(id);
            if (note) out.push(new FootnoteReferenceRun(note.number));
          }
      return out;
    });

  const list = (node: SynthesisList, level: number): Paragraph[] => {
    const numbering = {
      reference: node.type === 'orderedList' ? ORDERED_LIST : BULLET_LIST,
      level,
      instance: ++instance,
    };
    return node.content.flatMap((item) => [
      new Paragraph({ numbering, ...dir, children: inline(item.content[0].content) }),
      ...item.content.slice(1).flatMap((l) => list(l as SynthesisList, level + 1)),
    ]);
  };

  const cell = (text: string, header = false, width?: number) =>
    new TableCell({
      children: [new Paragraph({ ...dir, children: [run(text, { bold: header })] })],
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      ...(width ? { width: { size: width, type: WidthType.DXA } } : {}),
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    });
  const table = (columns: number[], head: string[], rows: string[][]) =>
    new Table({
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, true, columns[i])) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, columns[i])) })),
      ],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: columns,
      layout: TableLayoutType.FIXED,
      ...(rtl ? { visuallyRightToLeft: true } : {}),
    });
  const split = (shares: number[]) => shares.map((s) => Math.round(TEXT_WIDTH * s));
  const n = (value: number) => formatNumber(value, synthesis.language);

  const figure = (data: FigureData | undefined): (Paragraph | Table)[] => {
    if (!data) return [];
    const date = para(figureDate(data, synthesis.language, t), { spacing: { after: 240 } });
    if (data.type === 'objectivesMatrix') {
      const names = new Map(data.countries.map((c) => [c.code, c.name]));
      const confirmed = data.objectives.filter((o) => data.countries.some((c) => c.objectives.includes(o.number)));
      if (confirmed.length === 0)
        return [
          para(t('synthesisExport.matrix_title'), { keepNext: true, heading: HeadingLevel.HEADING_3 }),
          para(t('synthesisExport.matrix_none')),
          date,
        ];
      const rows = confirmed.map((o) => {
        const codes = data.countries.filter((c) => c.objectives.includes(o.number)).map((c) => c.code);
        return [
          `${o.number}. ${o.title}`,
          n(codes.length),
          codes.map((c) => names.get(c) ?? c).join(rtl ? '، ' : ', '),
        ];
      });
      return [
        para(t('synthesisExport.matrix_title'), { keepNext: true, heading: HeadingLevel.HEADING_3 }),
        table(
          split([0.45, 0.1, 0.45]),
          [t('portal.figures.objective'), t('portal.figures.total'), t('portal.figures.countries')],
          rows,
        ),
        date,
      ];
    }
    if (data.missing) return [para(t('synthesisExport.figure_missing', { code: data.code }))];
    if (data.codedCountries === 0)
      return [
        para(data.title, { keepNext: true, heading: HeadingLevel.HEADING_3 }),
        para(t('synthesisExport.figure_none')),
        date,
      ];
    const out: (Paragraph | Table)[] = [para(data.title, { keepNext: true, heading: HeadingLevel.HEADING_3 })];
    if (data.svg) {
      const png = chartPng(data.svg);
      const size = pngSize(png);
      const width = Math.min(MAX_WIDTH_PX, Math.round(size.width / 2));
      const height = Math.round((size.height * width) / size.width);
      const alt = data.values.map((v) => `${v.label}: ${n(v.count)}`).join('; ');
      out.push(
        new Paragraph({
          keepNext: true,
          ...dir,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width, height },
              altText: { name: 'chart', title: data.title, description: alt },
            }),
          ],
        }),
      );
    }
    out.push(
      table(
        split([0.7, 0.3]),
        [t('figures.value'), t('figures.countries')],
        data.values.map((v) => [v.label, t('figures.count', { count: n(v.count), total: n(data.codedCountries) })]),
      ),
      date,
    );
    return out;
  };

  const block = (node: SynthesisBlock): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[node.attrs.level - 1], ...dir, children: inline(node.content) })];
      case 'paragraph':
        return [new Paragraph({ ...dir, children: inline(node.content) })];
      case 'bulletList':
      case 'orderedList':
        return list(node, 0);
      case 'figure':
      case 'objectivesMatrix':
        return figure(synthesis.figures[figureIndex++]);
    }
  };

  const body: (Paragraph | Table)[] = [
    para(synthesis.title, { heading: HeadingLevel.TITLE }),
    para(`${synthesis.cycleTitle} — ${statusLine(synthesis, t)}`, { alignment: AlignmentType.CENTER }),
    ...(synthesis.synthetic ? [para(`${t('synthetic.label')} — ${t('synthetic.explanation')}`)] : []),
    ...synthesis.document.content.flatMap(block),
  ];
  const sources = sourceLines(synthesis.notes, synthesis.language, t);
  if (sources.length > 0) {
    body.push(para(t('synthesisExport.sources'), { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    for (const source of sources) body.push(para(source.link ? `${source.text} (${source.link})` : source.text));
  }
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of synthesis.notes.values())
    footnotes[String(note.number)] = { children: [para(noteText(note, synthesis.language, t))] };

  const document = new Document({
    title: synthesis.title,
    creator: 'Pacte',
    description: synthesis.cycleTitle,
    footnotes,
    styles: {
      default: {
        document: defaultDocument(synthesis.language, 120),
        title: {
          run: { size: 36, sizeComplexScript: 40, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
      },
    },
    numbering: {
      config: [
        { reference: BULLET_LIST, levels: levels(false) },
        { reference: ORDERED_LIST, levels: levels(true) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
