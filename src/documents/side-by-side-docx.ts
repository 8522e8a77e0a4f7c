import { Document, HeadingLevel, LineRuleType, Packer, type Paragraph, type Table } from 'docx';
import { pick, type Language } from '../domain/language.js';
import type { ComparedAnswer, Comparison } from '../domain/side-by-side.js';
import { linesOf } from '../domain/value-text.js';
import { figuresBlock, type DocxFigures } from './figures-docx.js';
import { ARABIC_FONT, BULLET_LIST, LATIN_FONT, LOCALES, ORDERED_LIST, PAGE, Writer, levels } from './export-docx.js';

/** What the document writes around the answers, in the reader's language (the service translates). */
export interface SideBySideLabels {
  /** « Soumission n° 2 du 3 mars 2026 », « Version publiée n° 1 du … ». */
  source: (answer: ComparedAnswer) => string;
  /** After a fictional country's name: « données fictives ». */
  synthetic: string;
  /** When no answer matches the filters. */
  none: string;
  /** A country whose document has no text for the question. */
  noAnswer: string;
}

/**
 * The side-by-side view as a Word document: the question's wording at the top (the reader's
 * language), then one section per country — its name as a heading, the source line, and the
 * answer's blocks in the answer's own language and direction (an Arabic answer's paragraphs are
 * bidi even in a French document), with the review DOCX's writer (real Word lists). A typed
 * answer's value comes before its text, in the reader's language. A coded or typed question's
 * figures (a chart and its counts as a table) come right after the wording.
 */
export async function sideBySideDocx(
  comparison: Comparison,
  reader: Language,
  labels: SideBySideLabels,
  figures?: DocxFigures,
): Promise<Buffer> {
  const instances = { last: 0 };
  const frame = { language: reader, cover: [], page: { label: '', of: '/' } };
  const framing = new Writer(reader, frame, instances);
  const body: (Paragraph | Table)[] = [
    framing.framed(`${comparison.question.id} — ${comparison.question.text}`, { heading: HeadingLevel.TITLE }),
  ];
  if (figures) body.push(...figuresBlock(framing, figures, reader === 'ar'));
  if (comparison.answers.length === 0) body.push(framing.framed(labels.none));
  // A typed question's options, worded in the reader's language as the page shows them.
  const options = (comparison.options ?? []).map((o) => ({ id: o.key, mark: '', label: { [reader]: o.label } }));
  for (const answer of comparison.answers) {
    const writer = new Writer(answer.language, frame, instances);
    const synthetic = answer.synthetic ? ` (${labels.synthetic})` : '';
    body.push(writer.framed(`${pick(answer.countryName, reader)}${synthetic}`, { heading: HeadingLevel.HEADING_1 }));
    body.push(writer.framed(labels.source(answer), {}, false));
    // The value first (« ☒ Oui », « Valeur : 4 500 personnes »), in the reader's language; then the text.
    const values = linesOf(comparison.question.kind, options, answer.value, comparison.question.unit ?? '', reader);
    body.push(...values.map((line) => framing.framed(line, {}, false)));
    if (answer.blocks.length > 0) body.push(...writer.blocks(answer.blocks));
    else if (values.length === 0) body.push(writer.framed(labels.noAnswer));
  }
  const rtl = reader === 'ar';
  const document = new Document({
    title: comparison.question.text,
    creator: 'Pacte',
    description: `${comparison.cycle.id} ${comparison.question.id}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: LATIN_FONT, cs: ARABIC_FONT },
            size: 21,
            sizeComplexScript: 24,
            language: { value: LOCALES[reader], bidirectional: LOCALES.ar },
          },
          paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { size: 30, sizeComplexScript: 34, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { spacing: { after: 360 } },
        },
        heading1: {
          run: { size: 26, sizeComplexScript: 30, bold: true, boldComplexScript: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
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
          ...(rtl ? { bidi: true } : {}),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
