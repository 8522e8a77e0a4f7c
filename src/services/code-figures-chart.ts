import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { barChartSpec, type VegaLiteSpec } from '../domain/charts.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { chartPng, chartSvg } from '../documents/chart-svg.js';
import { getCodeFigures, type CodeFigures } from './get-code-figures.js';

/**
 * Where a bar leads: the secretariat to its coding page, filtered on the value (the app); anyone
 * else to the published answers to the question on the portal, in the reader's language.
 */
export function barHref(figures: CodeFigures, key: string, language: Language): string {
  const cycle = encodeURIComponent(figures.cycle);
  const question = encodeURIComponent(figures.questionId);
  return figures.source === 'submission'
    ? `/app/cycles/${cycle}/codes/${question}?value=${encodeURIComponent(key)}#value-${encodeURIComponent(key)}`
    : `/cycles/${cycle}/questions/${question}?lang=${language}`;
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
