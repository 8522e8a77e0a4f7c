import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { exportDocx, type DocxLayout } from '../documents/export-docx.js';
import { printableReview, type PrintLayout } from '../documents/export-html.js';
import { closePdfBrowser, pdfWithContents, requirePdfTools } from '../documents/export-pdf.js';
import { questionLabel, sectionHeading } from '../documents/numbering.js';
import type { ReviewContent, Translate } from '../documents/review-html.js';
import { reviewCsv } from '../documents/export-csv.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import type { Actor } from '../domain/permissions.js';
import type { ReviewDocument } from '../domain/review.js';
import { translate } from '../i18n/index.js';
import { recordAudit } from './audit.js';
import { getReviewInContext, type ReviewInContext } from './get-review.js';
import { valueNames } from './value-names.js';
import type { ValueNames } from '../domain/value-text.js';

/**
 * Exports one review as a file: DOCX (a document a ministry can send as is), PDF (the printable
 * HTML laid out like the DOCX, printed by Chromium: seconds, so front doors run it as a job —
 * services/export-jobs.ts), printable HTML, CSV (one row per line of an answer) or JSON (the
 * review contract, as GET /api/v1/reviews/… returns it). Whoever may read the review may export it (published: anyone; otherwise
 * `review.not_found`, as for reading). `lang` is the language of everything Pacte writes
 * around the answers; the answers keep the language they were written in. Each export is
 * recorded in the audit log (`review.export`).
 */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const DOCX_LAYOUTS: readonly DocxLayout[] = ['table', 'paragraphs'];
/** The PDF has the table layout only: the one Pacte's PDF importer reads back. */
export const PDF_LAYOUTS: readonly DocxLayout[] = ['table'];

/**
 * Ends the Chromium that PDF exports keep warm, when this process is done exporting (the CLI
 * after its job; the server's workers when the last one stops).
 */
export async function closeExportBrowser(): Promise<void> {
  await closePdfBrowser();
}

/**
 * Whether this machine can make PDFs: throws `export.tool_missing` (with the command that
 * installs what is missing) unless Chromium and pdftotext are there. `pacte serve` says so at start.
 */
export async function requirePdfExport(): Promise<void> {
  await requirePdfTools();
}

export interface ExportRequest {
  country: string;
  cycle: string;
  format: string;
  /** The language of what Pacte writes around the answers; the review's own by default. */
  lang?: Language | undefined;
  /** DOCX: `table` (default, like the questionnaire) or `paragraphs`; PDF: `table`. */
  layout?: string | undefined;
  /** One published version; else the latest (or the working copy, for those who may read it). */
  version?: number | undefined;
}

export interface ExportedFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

/** How far an export is, 0–100 (a job shows it). */
export type ExportProgress = (percent: number) => Promise<void> | void;

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export async function exportReview(
  db: Kysely<Database>,
  actor: Actor | null,
  request: ExportRequest,
  progress: ExportProgress = () => {},
): Promise<ExportedFile> {
  const { format, layout } = checkExportRequest(request);
  const found = await getReviewInContext(db, actor, request.country, request.cycle, { version: request.version }); // 404 unless visible
  const context = { ...found, names: await valueNames(db) };
  await progress(10);
  const { review } = context;
  const lang = request.lang ?? review.language;
  let bytes: Buffer;
  if (format === 'json') bytes = Buffer.from(`${JSON.stringify(review, null, 2)}\n`, 'utf8');
  else if (format === 'csv') bytes = Buffer.from(`\uFEFF${reviewCsv(review, context.names)}`, 'utf8');
  else if (format === 'html') bytes = Buffer.from(printableReview(contentOf(context), lang, uiText(lang)), 'utf8');
  else if (format === 'pdf') bytes = await reviewPdf(context, lang, progress);
  else bytes = await reviewDocx(context, lang, layout as DocxLayout);
  await progress(90);
  await recordAudit(db, actor, 'review.export', {
    country: review.country,
    cycle: review.cycle,
    details: { format, lang, ...(format === 'docx' || format === 'pdf' ? { layout } : {}) },
  });
  return {
    bytes,
    mediaType: MEDIA_TYPES[format],
    fileName: `${review.country.toLowerCase()}-${review.cycle}${context.publication ? `.v${context.publication.version}` : ''}.${lang}.${format}`,
  };
}

/**
 * Checks what can be checked without the database (format and layout), so that a job is refused
 * when it is asked for rather than failing later. Returns the format and the layout to use.
 */
export function checkExportRequest(request: Pick<ExportRequest, 'format' | 'layout'>): {
  format: ExportFormat;
  layout: DocxLayout;
} {
  const { format } = request;
  if (!isExportFormat(format)) {
    throw new PacteError('export.unsupported_format', { format, formats: EXPORT_FORMATS.join(', ') });
  }
  const layouts = format === 'pdf' ? PDF_LAYOUTS : DOCX_LAYOUTS;
  const layout = request.layout ?? 'table';
  if (!(layouts as readonly string[]).includes(layout)) {
    throw new PacteError('export.unsupported_layout', { layout, layouts: layouts.join(', ') });
  }
  return { format, layout: layout as DocxLayout };
}

/** What Pacte writes around the answers, in `lang`. */
const uiText =
  (lang: Language): Translate =>
  (key, params = {}) =>
    translate(lang, 'ui', key, params);

/** A review in context with the objectives' and principles' titles its values' lines show. */
type Named = ReviewInContext & { names: ValueNames };

/** The review with what its HTML shows around it (documents/review-html.ts). */
function contentOf(context: Named): ReviewContent {
  const { review, status, questionnaire, cycle, country, names } = context;
  return { review: { ...review, status }, questionnaire, countryName: country.name, cycleTitle: cycle.title, names };
}

/** The review laid out in `lang`: section titles and question wording from the questionnaire. */
function wordedIn(context: ReviewInContext, lang: Language): ReviewDocument {
  const { review, questionnaire } = context;
  return {
    ...review,
    sections: review.sections.map((section) => {
      const source = questionnaire.sections.find((s) => s.id === section.id);
      return {
        ...section,
        title: source ? pick(source.title, lang) : section.title,
        questions: section.questions.map((question) => {
          const q = source?.questions.find((x) => x.id === question.id);
          return { ...question, text: q ? pick(q.text, lang) : question.text };
        }),
      };
    }),
  };
}

/** The ids whose wording in `lang` is Pacte's unofficial translation (or missing: shown in another language). */
function unofficialIds(context: ReviewInContext, lang: Language): Set<string> {
  const ids = new Set<string>();
  for (const section of context.questionnaire.sections) {
    if (section.titleStatus[lang] !== 'official' && context.questionnaire.sourceLanguage !== lang) ids.add(section.id);
    for (const question of section.questions) {
      if (question.textStatus[lang] !== 'official' && context.questionnaire.sourceLanguage !== lang)
        ids.add(question.id);
    }
  }
  return ids;
}

/**
 * The cover's lines under the title: that the data is synthetic (a fictional country's review,
 * first so that nobody reads on without knowing), cycle, country, date, which wording is unofficial.
 */
function coverLines(context: ReviewInContext, lang: Language): string[] {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(lang, 'ui', key, params);
  const date = formatDate(new Date(), lang);
  return [
    ...(context.review.synthetic ? [t('synthetic.notice')] : []),
    pick(context.cycle.title, lang),
    `${pick(context.country.name, lang)} (${context.country.code})`,
    t('export.date', { date }),
    ...(unofficialIds(context, lang).size > 0
      ? [t('export.unofficial_note', { language: t(`language.${context.questionnaire.sourceLanguage}`) })]
      : []),
  ].filter((line) => line !== context.review.title);
}

/**
 * The PDF: the printable HTML in its print layout, printed by Chromium twice — the second time
 * with the table of contents' page numbers that the first one gave (documents/export-pdf.ts).
 */
async function reviewPdf(context: Named, lang: Language, progress: ExportProgress): Promise<Buffer> {
  const t = (key: string) => translate(lang, 'ui', key);
  const cover = coverLines(context, lang);
  // « pacte07toc »: no marker is part of another, and pdftotext may glue one to the word before it.
  const ids = context.questionnaire.sections.map((s) => s.id);
  const marker = (section: string) => `pacte${String(ids.indexOf(section)).padStart(2, '0')}toc`;
  const layout = (pages: Record<string, number> | null): PrintLayout => ({
    sectionHeading: (id, title) => sectionHeading(id, title, lang),
    questionLabel: (letter, text) => questionLabel(letter, text, lang),
    labels: { questions: t('export.questions'), answers: t('export.answers'), contents: t('review.contents') },
    cover,
    pages,
    ...(pages ? {} : { marker }),
  });
  return pdfWithContents(
    ids,
    marker,
    (pages) => printableReview(contentOf(context), lang, uiText(lang), layout(pages)),
    {
      language: lang,
      // Every page of a fictional country's review says it is synthetic, not only the cover.
      header: `${context.review.synthetic ? `${t('synthetic.label')} — ` : ''}${pick(context.country.name, lang)} (${context.country.code}) — ${pick(context.cycle.title, lang)}`,
      page: { label: t('export.page'), of: t('export.page_of') },
    },
    progress,
  );
}

async function reviewDocx(context: Named, lang: Language, layout: DocxLayout): Promise<Buffer> {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(lang, 'ui', key, params);
  return exportDocx(wordedIn(context, lang), {
    layout,
    names: context.names,
    labels: { questions: t('export.questions'), answers: t('export.answers') },
    frame: {
      language: lang,
      cover: coverLines(context, lang),
      page: { label: t('export.page'), of: t('export.page_of') },
    },
  });
}
