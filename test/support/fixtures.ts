import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { exportDocx, type DocxLayout } from '../../src/documents/export-docx.js';
import { parseReviewText } from '../../src/documents/import-text.js';
import type { Language } from '../../src/domain/language.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { buildReviewDocument, type ReviewDocument } from '../../src/domain/review.js';
import { ROOT, SEED } from './pacte.js';

/** Review documents for tests: the seed as Pacte reads it, and small reviews in en and ar. */

export const arab2021 = (): Questionnaire =>
  JSON.parse(readFileSync(`${ROOT}catalogue/questionnaires/arab-2021.json`, 'utf8')) as Questionnaire;

/** The table header of each language, as in the questionnaires (and ui.json's wording). */
export const TABLE_LABELS: Record<Language, { questions: string; answers: string }> = {
  fr: { questions: 'Questions', answers: 'Réponses' },
  en: { questions: 'Questions', answers: 'Answers' },
  ar: { questions: 'الأسئلة', answers: 'الإجابات' },
};

/** The Morocco seed, parsed and laid out along arab-2021 as a dry-run import does (no revisions). */
export function seedReview(): ReviewDocument {
  const questionnaire = arab2021();
  const parsed = parseReviewText(readFileSync(SEED, 'utf8'), questionnaire);
  const header = {
    country: 'MAR',
    cycle: 'arab-2021',
    language: parsed.language,
    title: parsed.title ?? questionnaire.title.fr ?? '',
  };
  return buildReviewDocument(
    questionnaire,
    header,
    new Map(parsed.questions.map((q) => [q.id, { blocks: q.blocks }])),
    false,
  );
}

/** test/fixtures/reviews/{en,ar}.json: Jordan (en) and Tunisia (ar), 8 answers over the 5 sections. */
export function fixtureReview(language: 'en' | 'ar'): ReviewDocument {
  return JSON.parse(readFileSync(`${ROOT}test/fixtures/reviews/${language}.json`, 'utf8')) as ReviewDocument;
}

/** Writes `review` as DOCX into `dir`, named after its country, language and layout; returns the path. */
export async function writeDocxFixture(review: ReviewDocument, layout: DocxLayout, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${review.country.toLowerCase()}-${review.cycle}.${review.language}.${layout}.docx`);
  writeFileSync(path, await exportDocx(review, { layout, labels: TABLE_LABELS[review.language] }));
  return path;
}

/**
 * Converts DOCX files into PDF with LibreOffice (apt: libreoffice-writer-nogui fonts-noto-core)
 * in one run, and returns the PDF paths. Each run has its own throwaway profile, so parallel runs
 * don't clash.
 */
export function docxToPdf(docx: string, outDir: string): string;
export function docxToPdf(docx: readonly string[], outDir: string): string[];
export function docxToPdf(docx: string | readonly string[], outDir: string): string | string[] {
  const files = typeof docx === 'string' ? [docx] : [...docx];
  mkdirSync(outDir, { recursive: true });
  const pdfs = files.map((file) => join(outDir, basename(file).replace(/\.docx$/iu, '.pdf')));
  for (const pdf of pdfs) rmSync(pdf, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'pacte-soffice-'));
  try {
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { encoding: 'utf8', timeout: 60_000 + 30_000 * files.length, killSignal: 'SIGKILL' },
    );
    const missing = pdfs.filter((pdf) => !existsSync(pdf));
    if (result.status !== 0 || missing.length > 0) {
      const why = result.error?.message ?? `${result.stderr}${result.stdout}`;
      throw new Error(
        `soffice could not convert ${missing.join(', ')} (apt-get install libreoffice-writer-nogui): ${why}`,
      );
    }
    return typeof docx === 'string' ? pdfs[0]! : pdfs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A hand-made questionnaire: sections of questions given as [letter, English wording]. */
export function questionnaire(sections: Record<string, [string, string][]>): Questionnaire {
  return {
    id: 'test',
    version: 1,
    title: { en: 'Test' },
    sourceLanguage: 'en',
    sections: Object.entries(sections).map(([id, questions]) => ({
      id,
      title: { en: `Section ${id}` },
      titleStatus: {},
      questions: questions.map(([letter, en]) => ({ id: `${id}.${letter}`, letter, text: { en }, textStatus: {} })),
    })),
  };
}
