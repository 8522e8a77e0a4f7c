import {
  AlignmentType,
  CheckBox,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { pick, type Language } from '../domain/language.js';
import { kindOf, type Question, type Questionnaire, type QuestionnaireSection } from '../domain/questionnaire.js';
import { EMPTY, valueLines, type ValueNames } from '../domain/value-text.js';
import { PAGE, defaultDocument } from './export-docx.js';
import { questionLabel, sectionHeading } from './numbering.js';

/**
 * The blank questionnaire of a cycle, in one language, as Word: the title, then each section's
 * heading and its two-column table « Questions | Réponses » (the layout of the review's own DOCX
 * export, which Pacte's importer reads back). Each question has its letter and wording, its
 * guidance note under it (smaller, italic); its answer cell has what the question asks for — the
 * options as check-box content controls (Word and LibreOffice tick them with a click; ☐ / ☒ are
 * the glyphs shown), « Valeur : ____ unit » for a number — then room for the free text. The lines
 * are value-text.ts's, so a filled blank imports to the answers it shows. Arabic is right to left
 * throughout, the table mirrored.
 */

export interface BlankLabels {
  /** The table's header row. */
  questions: string;
  answers: string;
  /** Lines under the title: the cycle, and which wording is Pacte's unofficial translation. */
  cover: readonly string[];
  /** The footer: « Page » before the page number, « / » and the number of pages after it. */
  page: { label: string; of: string };
}

const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMNS = [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)] as const;
/** The font Word itself gives its check boxes' glyphs. */
const BOX_FONT = 'MS Gothic';

export async function blankQuestionnaireDocx(
  questionnaire: Questionnaire,
  language: Language,
  title: string,
  labels: BlankLabels,
  names: ValueNames,
): Promise<Buffer> {
  const rtl = language === 'ar';
  const bidi = rtl ? { bidirectional: true } : {};
  const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({
      text,
      ...options,
      ...(options.size ? { sizeComplexScript: options.size + 2 } : {}),
      ...(rtl ? { rightToLeft: true } : {}),
    });
  const paragraph = (children: (TextRun | CheckBox)[], options: Record<string, unknown> = {}) =>
    new Paragraph({ ...options, children, ...bidi });
  const cell = (children: Paragraph[], column: 0 | 1, header = false) =>
    new TableCell({
      children: children.length > 0 ? children : [paragraph([])],
      width: { size: COLUMNS[column], type: WidthType.DXA },
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    });

  const questionCell = (question: Question): Paragraph[] => [
    paragraph([run(questionLabel(question.letter, pick(question.text, language), language))]),
    ...(question.guidance && pick(question.guidance, language)
      ? [paragraph([run(pick(question.guidance, language), { italics: true, size: 18 })], { spacing: { before: 80 } })]
      : []),
  ];

  /** A line « ☐ label » as a check-box content control followed by its label. */
  const boxLine = (line: string): Paragraph =>
    paragraph([
      new CheckBox({
        checked: false,
        checkedState: { value: '2612', font: BOX_FONT },
        uncheckedState: { value: '2610', font: BOX_FONT },
      }),
      run(line.slice(EMPTY.length)),
    ]);

  const answerCell = (question: Question): Paragraph[] => {
    const lines = valueLines(question, null, language, names, true);
    const value = kindOf(question) === 'number' ? lines.map((l) => paragraph([run(l)])) : lines.map(boxLine);
    // An empty paragraph after the value, with room under it: where the free text goes.
    return [...value, paragraph([], { spacing: { before: value.length > 0 ? 120 : 0, after: 720 } })];
  };

  const table = (section: QuestionnaireSection): Table => {
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        cell([paragraph([run(labels.questions, { bold: true })], { keepNext: true })], 0, true),
        cell([paragraph([run(labels.answers, { bold: true })], { keepNext: true })], 1, true),
      ],
    });
    const rows = section.questions.map(
      (question) => new TableRow({ children: [cell(questionCell(question), 0), cell(answerCell(question), 1)] }),
    );
    return new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [...COLUMNS],
      layout: TableLayoutType.FIXED,
      ...(rtl ? { visuallyRightToLeft: true } : {}),
    });
  };

  const body: (Paragraph | Table)[] = [paragraph([run(title)], { heading: HeadingLevel.TITLE })];
  for (const line of labels.cover) {
    body.push(paragraph([run(line)], { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));
  }
  for (const section of questionnaire.sections) {
    body.push(
      paragraph([run(sectionHeading(section.id, pick(section.title, language), language))], {
        heading: HeadingLevel.HEADING_1,
      }),
      table(section),
    );
  }

  const document = new Document({
    title,
    creator: 'Pacte',
    description: `${questionnaire.id} v${questionnaire.version}`,
    styles: {
      default: {
        document: defaultDocument(language, 80),
        title: {
          run: { size: 34, sizeComplexScript: 38, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        heading1: {
          run: { size: 26, sizeComplexScript: 30, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `${labels.page.label} `,
                      PageNumber.CURRENT,
                      ` ${labels.page.of} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                    ...(rtl ? { rightToLeft: true } : {}),
                  }),
                ],
                ...bidi,
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
