import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import { publicCodings } from '../db/queries/open-data-codes.js';
import * as publications from '../db/queries/publications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { ReviewDocument } from '../domain/review.js';
import { csvCell, reviewCsv } from '../documents/export-csv.js';
import { valueNames } from './value-names.js';

/**
 * Open data: everything published, per cycle, as one zip of JSON and CSV with its licence and
 * the date it was last updated (docs/open-data.md). Only published versions go in (the latest
 * of each review), so open data never shows a working copy.
 */
export const OPEN_DATA_LICENCE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** `synthetic`: a fictional country's review (the demo region), no government's words. */
const REVIEW_COLUMNS = [
  'country',
  'cycle',
  'language',
  'title',
  'version',
  'published_at',
  'url',
  'synthetic',
] as const;

/** Where a published version is read: the front door that serves its page says (`url` of each review). */
export type VersionAddress = (version: { country: string; cycle: string; version: number }) => string;

/** One cycle's published reviews as a zip: datapackage.json, LICENSE.txt, reviews.csv, answers.csv, reviews/ISO3.json. */
export async function exportOpenData(
  db: Kysely<Database>,
  cycleId: string,
  addressOf: VersionAddress,
): Promise<{ bytes: Buffer; fileName: string; lastUpdated: Date }> {
  const cycle = await catalogue.findCycle(db, cycleId);
  const rows = cycle ? await publications.listLatestDocuments(db, cycle.id) : [];
  if (!cycle || rows.length === 0) throw new PacteError('open_data.not_found', { cycle: cycleId });
  const lastUpdated = new Date(Math.max(...rows.map((r) => r.publishedAt.getTime())));
  const csv = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  let reviewsCsv = csv(REVIEW_COLUMNS);
  let answersCsv = '';
  const names = await valueNames(db);
  const files: Zippable = {};
  for (const row of rows) {
    // The country's flag decides (country.synthetic); the JSON says it as the API does (only when true).
    const document = { ...(row.document as ReviewDocument & { synthetic?: true }) };
    delete document.synthetic;
    const review = { ...document, ...(row.synthetic && { synthetic: true as const }) };
    const url = addressOf({ country: row.country, cycle: cycle.id, version: row.version });
    reviewsCsv += csv([
      row.country,
      cycle.id,
      review.language,
      review.title,
      String(row.version),
      row.publishedAt.toISOString(),
      url,
      String(row.synthetic),
    ]);
    // Typed values (issue 15) as the review export writes them: a `value` row and column.
    const lines = reviewCsv(review, names).split('\r\n');
    answersCsv += `${(answersCsv === '' ? lines : lines.slice(1)).filter(Boolean).join('\r\n')}\r\n`;
    const published = { version: row.version, publishedAt: row.publishedAt.toISOString(), url };
    files[`reviews/${row.country}.json`] = strToU8(`${JSON.stringify({ ...review, published }, null, 2)}\n`);
  }
  const codes = await codesFiles(db, cycle.id);
  files['codes.csv'] = strToU8(codes.csv);
  files['codes.json'] = strToU8(codes.json);
  const name = `pacte-${cycle.id}`;
  const synthetic = rows.filter((r) => r.synthetic).length;
  const datapackage = {
    name,
    title: cycle.title,
    // The catalogue says so before anyone opens a file: how many reviews are synthetic data.
    ...(synthetic > 0 && { description: syntheticNote(synthetic, rows.length) }),
    licenses: [OPEN_DATA_LICENCE],
    last_updated: lastUpdated.toISOString(),
    resources: [
      {
        name: 'reviews',
        path: 'reviews.csv',
        format: 'csv',
        encoding: 'utf-8',
        schema: { fields: REVIEW_COLUMNS.map((n) => ({ name: n, ...(n === 'synthetic' && SYNTHETIC_FIELD) })) },
      },
      {
        name: 'answers',
        path: 'answers.csv',
        format: 'csv',
        encoding: 'utf-8',
        description:
          'One row per line of an answer (paragraph or list item); synthetic: true on the lines of a fictional country. ' +
          'When the questionnaire has typed questions, a typed answer first has a row of kind value (its options or number ' +
          'in words) and a last column value holds it as JSON (docs/review-json.md).',
      },
      ...CODES_RESOURCES,
      ...rows.map((r) => ({
        name: `review-${r.country.toLowerCase()}`,
        path: `reviews/${r.country}.json`,
        format: 'json',
      })),
    ],
  };
  files['datapackage.json'] = strToU8(`${JSON.stringify(datapackage, null, 2)}\n`);
  files['LICENSE.txt'] = strToU8(
    `${OPEN_DATA_LICENCE.title} (${OPEN_DATA_LICENCE.name})\n${OPEN_DATA_LICENCE.path}\n\n` +
      `Voluntary national reviews of the Global Compact for Migration, cycle ${cycle.id}, as published by their governments.\n` +
      (synthetic > 0 ? `${syntheticNote(synthetic, rows.length)}\n` : '') +
      `Last updated: ${lastUpdated.toISOString()}\n`,
  );
  files['reviews.csv'] = strToU8(`\uFEFF${reviewsCsv}`);
  files['answers.csv'] = strToU8(`\uFEFF${answersCsv}`);
  // The same content gives the same bytes: every entry dated by the last publication.
  const bytes = zipSync(files, { level: 6, mtime: lastUpdated });
  return { bytes: Buffer.from(bytes), fileName: `${name}.zip`, lastUpdated };
}

const SYNTHETIC_FIELD = {
  type: 'boolean',
  description:
    'true: a fictional country of a demo region; its answers are synthetic data, generated for demonstration.',
};

/** What the package says of its synthetic reviews (English, like the rest of its metadata). */
function syntheticNote(synthetic: number, total: number): string {
  const which = synthetic === total ? 'All reviews' : `${synthetic} of ${total} reviews`;
  return `Synthetic data: ${which} in this package are fictional countries' (synthetic: true), generated for demonstration; they are no government's words.`;
}

/** The confirmed codes per country (issue 14, item 5): only codings of published answers. */
const CODE_COLUMNS = ['cycle', 'country', 'question', 'code', 'values', 'decided_at', 'synthetic'] as const;
const CODES_RESOURCES = [
  {
    name: 'codes',
    path: 'codes.csv',
    format: 'csv',
    encoding: 'utf-8',
    description:
      "The secretariat's confirmed codes of the answers, one row per country and question: only where the " +
      "country's latest published answer is the one coded. values: the code's value keys, separated by ';'.",
    schema: {
      fields: CODE_COLUMNS.map((n) => ({ name: n, ...(n === 'synthetic' && SYNTHETIC_FIELD) })),
    },
  },
  {
    name: 'codes-json',
    path: 'codes.json',
    format: 'json',
    description: 'The same codes, with the code names and value labels in French, English and Arabic.',
  },
];

async function codesFiles(db: Kysely<Database>, cycle: string): Promise<{ csv: string; json: string }> {
  const codings = await publicCodings(db, cycle);
  const row = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  let csv = row(CODE_COLUMNS);
  for (const c of codings) {
    const name = c.codeNames.en ?? c.codeNames.fr ?? c.codeNames.ar ?? c.questionId;
    csv += row([
      cycle,
      c.country,
      c.questionId,
      name,
      c.values.join(';'),
      c.decidedAt.toISOString(),
      String(c.synthetic),
    ]);
  }
  const json = codings.map((c) => ({
    cycle,
    country: c.country,
    question: c.questionId,
    code: c.codeNames,
    values: c.values.map((key) => ({ key, labels: c.codeValues.find((v) => v.key === key)?.labels ?? {} })),
    decided_at: c.decidedAt.toISOString(),
    ...(c.synthetic && { synthetic: true as const }),
  }));
  return { csv: `\uFEFF${csv}`, json: `${JSON.stringify(json, null, 2)}\n` };
}
