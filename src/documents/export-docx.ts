import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
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
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { Block, ListBlock } from '../domain/blocks.js';
import type { Language } from '../domain/language.js';
import type { ReviewDocument, ReviewQuestion, ReviewSection } from '../domain/review.js';
import { NO_NAMES, answerValueLines, type ValueNames } from '../domain/value-text.js';
import { questionLabel, sectionHeading } from './numbering.js';

/**
 * Writes a review as a Word document (DOCX): the title, then each section as a « I.- Title »
 * heading followed by its questions and answers (« أولاً: Title » and « أ) ب) … » in Arabic),
 * either in the questionnaire's own two-column table « Questions | Réponses » or as plain paragraphs. Lists are real Word lists (numbering
 * definitions), never typed markers, so that Word, LibreOffice and Pacte's importer see them
 * as lists. An Arabic review is right-to-left throughout.
 */

export type DocxLayout = 'table' | 'paragraphs';

export interface DocxOptions {
  layout: DocxLayout;
  /** The table's header row, in the review's language (e.g. « Questions » | « Réponses »). */
  labels: { questions: string; answers: string };
  /**
   * What Pacte writes around the answers, when it is not the review's own language (`pacte
   * export --lang`): the section titles and question wording of `review` are then expected in
   * `frame.language`, and the answers keep the review's language and direction.
   */
  frame?: DocxFrame;
  /** The objectives' and principles' titles, for answers that pick some (value-text.ts). */
  names?: ValueNames;
}

export interface DocxFrame {
  /** The language of the headings, the question wording and the labels. */
  language: Language;
  /**
   * A title page: the review's title, then these lines (cycle, country, date, and which wording is
   * an unofficial translation), then a page break. Never footnotes or marks beside a question: a
   * PDF made of the document would read them as part of the answers.
   */
  cover: readonly string[];
  /** The footer: « Page » before the page number, « / » and the number of pages after it. */
  page: { label: string; of: string };
}

/** The document's language, for spelling and shaping (w:lang). */
export const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-SA' };
export const LATIN_FONT = 'Noto Sans';
export const ARABIC_FONT = 'Noto Naskh Arabic';

/**
 * The default style of Pacte's Word documents in `language`: Noto fonts (the complex-script one
 * for Arabic, hinted when the document is Arabic), a larger size for Arabic, w:lang for spelling
 * and shaping, and `after` twentieths of a point between paragraphs.
 */
export function defaultDocument(language: Language, after: number) {
  const rtl = language === 'ar';
  return {
    run: {
      font: {
        ascii: LATIN_FONT,
        hAnsi: LATIN_FONT,
        eastAsia: LATIN_FONT,
        cs: ARABIC_FONT,
        ...(rtl ? { hint: 'cs' as const } : {}),
      },
      size: rtl ? 24 : 21,
      sizeComplexScript: rtl ? 26 : 22,
      language: { value: LOCALES[language], bidirectional: LOCALES.ar },
    },
    paragraph: { spacing: { after, line: 264, lineRule: LineRuleType.AUTO } },
  };
}

/** One character per level, cycling: ▪ then ◦ then –, as in the original questionnaires. */
const BULLETS = ['▪', '◦', '–'] as const;
const LEVELS = 9;
export const BULLET_LIST = 'pacte-bullets';
export const ORDERED_LIST = 'pacte-ordered';

/** A4 in twentieths of a point, with 2 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The table's columns: the question, then the (longer) answer. */
const COLUMNS = [Math.round(TEXT_WIDTH * 0.4), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.4)] as const;

/** Indentation of a list level: each level 360 twips further in, the marker hanging. */
const indent = (level: number): { left: number; hanging: number } => ({ left: 360 * (level + 1), hanging: 300 });

export function levels(ordered: boolean): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : (BULLETS[level % BULLETS.length] ?? '▪'),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: indent(level) } },
  }));
}

/**
 * Builds paragraphs in the review's direction; a new list gets a new numbering instance. Writers
 * of one document share `instances` (the side-by-side DOCX has one writer per answer language).
 */
export class Writer {
  /** The answers' direction. */
  private readonly rtl: boolean;
  /** The direction of what Pacte writes around them (headings, questions, labels). */
  readonly frameRtl: boolean;

  constructor(
    private readonly language: Language,
    private readonly frame: DocxFrame | undefined,
    private readonly instances: { last: number } = { last: 0 },
    private readonly names: ValueNames = NO_NAMES,
  ) {
    this.rtl = language === 'ar';
    this.frameRtl = (frame?.language ?? language) === 'ar';
  }

  get frameLanguage(): Language {
    return this.frame?.language ?? this.language;
  }

  run(text: string, options: IRunOptions = {}, rtl = this.rtl): TextRun {
    return new TextRun({ ...options, text, ...(rtl ? { rightToLeft: true } : {}) });
  }

  paragraph(
    text: string,
    options: Omit<IParagraphOptions, 'children' | 'text'> = {},
    bold = false,
    rtl = this.rtl,
  ): Paragraph {
    return new Paragraph({
      ...options,
      children: text === '' ? [] : [this.run(text, bold ? { bold: true } : {}, rtl)],
      ...(rtl ? { bidirectional: true } : {}),
    });
  }

  /** A paragraph Pacte writes (not an answer's): in the frame's language and direction. */
  framed(text: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}, bold = false): Paragraph {
    return this.paragraph(text, options, bold, this.frameRtl);
  }

  blocks(blocks: readonly Block[], level = 0): Paragraph[] {
    return blocks.flatMap((block) =>
      block.type === 'paragraph' ? [this.paragraph(block.text)] : this.list(block, level),
    );
  }

  private list(list: ListBlock, level: number): Paragraph[] {
    const numbering = {
      reference: list.ordered ? ORDERED_LIST : BULLET_LIST,
      level: Math.min(level, LEVELS - 1),
      instance: ++this.instances.last,
    };
    return list.items.flatMap((item) => [
      this.paragraph(item.text, { numbering }),
      ...this.blocks(item.blocks, level + 1),
    ]);
  }

  /**
   * An answer: its typed value's lines first (« ☒ Oui », « Valeur : 4 500 personnes », in the
   * review's language, as value-text.ts reads them back), then its free text.
   */
  answer(question: ReviewQuestion): Paragraph[] {
    const lines = answerValueLines(question, this.language, this.names);
    return [...lines.map((line) => this.paragraph(line)), ...this.blocks(question.answer.blocks)];
  }

  /** `a) Question text`: the letter is the question id's last part (`I.a` → a). */
  questionText(question: ReviewQuestion): string {
    return questionLabel(question.id.split('.').pop() ?? '', question.text, this.frameLanguage);
  }

  heading(section: ReviewSection, first = false): Paragraph {
    return this.framed(sectionHeading(section.id, section.title, this.frameLanguage), {
      heading: HeadingLevel.HEADING_1,
      ...(first && this.frame ? { pageBreakBefore: true } : {}),
    });
  }

  table(section: ReviewSection, labels: DocxOptions['labels']): Table {
    const cell = (children: Paragraph[], column: 0 | 1, header = false): TableCell =>
      new TableCell({
        children: children.length > 0 ? children : [this.paragraph('')],
        width: { size: COLUMNS[column], type: WidthType.DXA },
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
      });
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        cell([this.framed(labels.questions, { keepNext: true }, true)], 0, true),
        cell([this.framed(labels.answers, { keepNext: true }, true)], 1, true),
      ],
    });
    const rows = section.questions.map(
      (question) =>
        new TableRow({
          children: [cell([this.framed(this.questionText(question))], 0), cell(this.answer(question), 1)],
        }),
    );
    return new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [...COLUMNS],
      layout: TableLayoutType.FIXED,
      ...(this.frameRtl ? { visuallyRightToLeft: true } : {}),
    });
  }

  questionParagraphs(question: ReviewQuestion): Paragraph[] {
    return [
      this.framed(this.questionText(question), { keepNext: true, spacing: { before: 240 } }, true),
      ...this.answer(question),
    ];
  }
}

export async function exportDocx(review: ReviewDocument, options: DocxOptions): Promise<Buffer> {
  const writer = new Writer(review.language, options.frame, undefined, options.names);
  const frameRtl = writer.frameRtl;

  const body: (Paragraph | Table)[] = [writer.paragraph(review.title, { heading: HeadingLevel.TITLE })];
  for (const line of options.frame?.cover ?? []) {
    body.push(writer.framed(line, { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } }));
  }
  review.sections.forEach((section, i) => {
    body.push(writer.heading(section, i === 0));
    if (options.layout === 'table') body.push(writer.table(section, options.labels));
    else body.push(...section.questions.flatMap((question) => writer.questionParagraphs(question)));
  });
  const page = options.frame?.page;

  const document = new Document({
    title: review.title,
    creator: 'Pacte',
    description: `${review.country} ${review.cycle}`,
    styles: {
      default: {
        document: defaultDocument(review.language, 100),
        title: {
          run: { size: 36, sizeComplexScript: 40, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
        },
        heading1: {
          run: { size: 26, sizeComplexScript: 30, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
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
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: page
                      ? [`${page.label} `, PageNumber.CURRENT, ` ${page.of} `, PageNumber.TOTAL_PAGES]
                      : [PageNumber.CURRENT],
                    ...(frameRtl ? { rightToLeft: true } : {}),
                  }),
                ],
                ...(frameRtl ? { bidirectional: true } : {}),
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
