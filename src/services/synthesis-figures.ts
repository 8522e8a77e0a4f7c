import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { chartSvg } from '../documents/chart-svg.js';
import { isPacteError, type ErrorCode } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { SynthesisDocument } from '../domain/synthesis.js';
import { figureNodes, type FigureData } from '../domain/synthesis-figures.js';

export type { CodeFigureData, FigureData, FigureNode, MatrixFigureData } from '../domain/synthesis-figures.js';
import { figuresSpec } from './code-figures-chart.js';
import { getCodeFigures } from './get-code-figures.js';
import { getObjectivesMatrix } from './get-objectives-matrix.js';

/**
 * The figures a synthesis embeds (issue 14, item 4), one per `figure` or `objectivesMatrix` node
 * in reading order (`figureNodes`): LIVE in the draft — counted as the reader may count them, the
 * secretariat from the countries' submissions, at the moment of reading (`computedAt`: the
 * document says « au <date> ») — then FROZEN in each published version, counted from PUBLISHED
 * answers only (what the public may count: the figures page's source) at publication, with the
 * chart's SVG kept in the version, so that a version never changes whatever is coded after.
 */

const missingCode = (error: unknown): ErrorCode => {
  if (isPacteError(error) && (error.code === 'code.not_found' || error.code === 'group.not_found')) return error.code;
  throw error;
};

/**
 * Each figure of `document` as `actor` may count it (null: the public, published answers), in
 * `language`. `frozen`: the chart's SVG is drawn and kept (a version); otherwise only its URL.
 */
export async function synthesisFigures(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; document: SynthesisDocument; language: Language; frozen: boolean },
): Promise<FigureData[]> {
  const { cycle, language, frozen } = target;
  const computedAt = new Date().toISOString();
  const out: FigureData[] = [];
  for (const [index, node] of figureNodes(target.document).entries()) {
    if (node.type === 'objectivesMatrix') {
      const m = await getObjectivesMatrix(db, actor, cycle, {}, language);
      out.push({ type: 'objectivesMatrix', index, computedAt, source: m.source, missing: null, ...pickMatrix(m) });
      continue;
    }
    const query = node.group === null ? {} : { group: node.group };
    const base = { type: 'figure' as const, index, computedAt, code: node.code, group: node.group };
    try {
      const f = await getCodeFigures(db, actor, { cycle, questionId: node.code }, query, language);
      const url =
        `/api/v1/cycles/${encodeURIComponent(cycle)}/codes/${encodeURIComponent(node.code)}/figures.svg` +
        `?lang=${language}${node.group === null ? '' : `&group=${encodeURIComponent(node.group)}`}`;
      out.push({
        ...base,
        source: f.source,
        missing: null,
        title: f.group ? `${f.code.name} — ${f.group.name}` : f.code.name,
        totalCountries: f.totalCountries,
        codedCountries: f.codedCountries,
        values: f.values.map((v) => ({ key: v.key, label: v.label, count: v.count })),
        svgUrl: frozen ? null : url,
        svg: frozen && f.codedCountries > 0 ? await chartSvg(figuresSpec(f, language)) : null,
      });
    } catch (error) {
      out.push({
        ...base,
        source: actor === null ? 'published' : 'submission',
        missing: missingCode(error),
        title: node.code,
        totalCountries: 0,
        codedCountries: 0,
        values: [],
        svgUrl: null,
        svg: null,
      });
    }
  }
  return out;
}

function pickMatrix(m: Awaited<ReturnType<typeof getObjectivesMatrix>>) {
  return { objectives: m.objectives, countries: m.countries, totals: m.totals };
}
