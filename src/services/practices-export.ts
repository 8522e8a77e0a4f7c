import { csvCell } from '../documents/export-csv.js';
import { pick, type Language, type Multilingual } from '../domain/language.js';
import type { PracticeWithTranslations } from './list-practices.js';

/**
 * The published practices as open data (`/practices.csv`, `/practices.json`, with the portal's
 * filters): the fields as the country wrote them, in its language, with each translation in the
 * JSON; the CSV is one row per practice (lists joined by « ; »), UTF-8 with a BOM and CRLF, its
 * cells safe from spreadsheet formulas (csvCell), a fictional country's rows marked synthetic.
 */
export const PRACTICE_CSV_COLUMNS = [
  'id',
  'title',
  'summary',
  'language',
  'countries',
  'country_names',
  'scope',
  'implementing_entities',
  'partner_entities',
  'period_start',
  'period_end',
  'objectives',
  'principles',
  'stakeholders',
  'description',
  'results',
  'innovation',
  'lessons_and_challenges',
  'sustainability',
  'links',
  'contact',
  'translations',
  'published_at',
  'url',
  'synthetic',
] as const;

export function practicesCsv(
  list: readonly PracticeWithTranslations[],
  names: (code: string) => Multilingual,
  language: Language,
  origin: string,
): string {
  const row = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  let out = `\uFEFF${row(PRACTICE_CSV_COLUMNS)}`;
  for (const p of list) {
    out += row([
      String(p.id),
      p.title,
      p.summary,
      p.language,
      p.countries.join('; '),
      p.countries.map((c) => pick(names(c), language) || c).join('; '),
      p.scope,
      p.implementing.join('; '),
      p.partners.join('; '),
      p.period.start ?? '',
      p.period.end ?? '',
      p.objectives.join('; '),
      p.principles.join('; '),
      p.stakeholders.join('; '),
      p.description,
      p.results,
      p.innovation,
      p.lessons,
      p.sustainability,
      p.links.join('; '),
      p.contact,
      p.translations.map((t) => t.language).join('; '),
      p.publishedAt?.toISOString() ?? '',
      `${origin}/practices/${p.id}`,
      String(p.synthetic),
    ]);
  }
  return out;
}

/** The JSON export: every field, the translations' texts, where each practice is read. */
export function practicesJson(
  list: readonly PracticeWithTranslations[],
  names: (code: string) => Multilingual,
  origin: string,
) {
  return {
    practices: list.map((p) => ({
      id: p.id,
      url: `${origin}/practices/${p.id}`,
      title: p.title,
      summary: p.summary,
      language: p.language,
      countries: p.countries.map((code) => ({ code, name: names(code) })),
      scope: p.scope,
      implementingEntities: p.implementing,
      partnerEntities: p.partners,
      period: p.period,
      objectives: p.objectives,
      principles: p.principles,
      stakeholders: p.stakeholders,
      description: p.description,
      results: p.results,
      innovation: p.innovation,
      lessonsAndChallenges: p.lessons,
      sustainability: p.sustainability,
      links: p.links,
      contact: p.contact,
      source: p.source ? { ...p.source.source, questionId: p.source.questionId, text: p.source.text } : null,
      translations: p.translations.map((t) => ({ language: t.language, ...t.fields, updatedAt: t.updatedAt })),
      publishedAt: p.publishedAt,
      synthetic: p.synthetic,
    })),
  };
}
