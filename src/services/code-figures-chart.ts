import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { barChartSpec, type VegaLiteSpec } from '../domain/charts.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { chartPng, chartSvg } from '../documents/chart-svg.js';
import type { DocxFigures } from '../documents/figures-docx.js';
import { isPacteError } from '../domain/errors.js';
import { translate } from '../i18n/index.js';
import { getCodeFigures, type CodeFigures } from './get-code-figures.js';

/**
 * Where a bar leads: the secretariat to its coding page, filtered on the value, or for values
 * counted without coding to the answers side by side (the app); anyone else to the published
 * answers to the question on the portal, in the reader's language.
 */
export function barHref(figures: CodeFigures, key: string, language: Language): string {
  const cycle = encodeURIComponent(figures.cycle);
  const question = encodeURIComponent(figures.questionId);
  if (figures.source === 'published') return `/cycles/${cycle}/questions/${question}?lang=${language}`;
  return figures.countedFrom === 'values'
    ? `/app/cycles/${cycle}/questions/${question}?lang=${language}`
    : `/app/cycles/${cycle}/codes/${question}?value=${encodeURIComponent(key)}#value-${encodeURIComponent(key)}`;
}

/** The Vega-Lite spec of a code's figures, in the reader's language. */
export function figuresSpec(figures: CodeFigures, language: Language): VegaLiteSpec {
  return barChartSpec({
    title: figures.group ? `${figures.code.name} — ${figures.group.name}` : figures.code.name,
    language,
    total: figures.totalCountries,
    values: figures.values.map((v) => ({
      key: v.key,
      label: v.label,
      count: v.count,
      href: barHref(figures, v.key, language),
    })),
  });
}

/** `GET …/figures.svg` and `.png`: the chart of the same figures the reader may read, drawn on the server. */
export async function codeFiguresChart(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
  query: { group?: string | undefined },
  language: Language,
  format: 'svg' | 'png',
): Promise<{ bytes: Buffer; fileName: string }> {
  const figures = await getCodeFigures(db, actor, target, query, language);
  const svg = await chartSvg(figuresSpec(figures, language));
  const name = `${figures.cycle}-${figures.questionId}${figures.group ? `-${figures.group.id}` : ''}-${language}`;
  return format === 'svg'
    ? { bytes: Buffer.from(svg, 'utf8'), fileName: `${name}.svg` }
    : { bytes: chartPng(svg), fileName: `${name}.png` };
}

/**
 * A coded question's figures for its side-by-side Word document: what the reader may count, as a
 * PNG chart and a table. None when the question has no code or no confirmed coding counted.
 */
export async function docxFigures(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
  query: { group?: string | undefined },
  reader: Language,
): Promise<DocxFigures | undefined> {
  let figures: CodeFigures;
  try {
    figures = await getCodeFigures(db, actor, target, query, reader);
  } catch (error) {
    if (isPacteError(error) && error.code === 'code.not_found') return undefined;
    throw error;
  }
  if (figures.codedCountries === 0) return undefined;
  // « n of N » counts from the countries whose answer was coded, as the pages do (docs/regional.md).
  const count = (n: number) => translate(reader, 'ui', 'figures.count', { count: n, total: figures.codedCountries });
  const name = figures.group ? `${figures.code.name} — ${figures.group.name}` : figures.code.name;
  return {
    heading: translate(reader, 'ui', 'figures.docx_heading', { code: name }),
    alt: translate(reader, 'ui', 'figures.chart_alt', {
      values: figures.values
        .map((v) => translate(reader, 'ui', 'figures.chart_item', { label: v.label, count: count(v.count) }))
        .join(reader === 'ar' ? '، ' : '; '),
    }),
    png: chartPng(await chartSvg(figuresSpec(figures, reader))),
    columns: [translate(reader, 'ui', 'figures.value'), translate(reader, 'ui', 'figures.countries')],
    rows: figures.values.map((v) => [v.label, count(v.count)]),
  };
}
