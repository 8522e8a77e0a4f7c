import type { Kysely } from 'kysely';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import type { Language, Multilingual } from '../domain/language.js';
import { chartSvg } from '../documents/chart-svg.js';
import { figuresSpec } from './code-figures-chart.js';
import { getCodeFigures, type CodeFigures } from './get-code-figures.js';
import { getObjectivesMatrix, type ObjectivesMatrix } from './get-objectives-matrix.js';
import { visibleCycle } from './cycle-settings.js';

export interface PortalFigures {
  cycle: { id: string; title: Multilingual; synthetic: boolean };
  codes: (CodeFigures & { svg: string | null })[];
  matrix: ObjectivesMatrix;
}

/**
 * The public figures page of a cycle (`/cycles/{cycle}/figures` on the portal): every code's
 * figures and the objectives matrix, read with NO actor whoever asks, so that they count
 * published answers only (getCodeFigures, getObjectivesMatrix), and each code's chart drawn by
 * our renderer — none when nothing published is coded. A cycle the public may not see is
 * `cycle.not_found`, as on the API.
 */
export async function getPortalFigures(
  db: Kysely<Database>,
  cycleId: string,
  reader: Language,
): Promise<PortalFigures> {
  const cycle = await visibleCycle(db, null, cycleId);
  const list = await codes.listCodes(db, cycle.id);
  const figures = [];
  for (const code of list) {
    const f = await getCodeFigures(db, null, { cycle: cycle.id, questionId: code.questionId }, {}, reader);
    figures.push({ ...f, svg: f.codedCountries > 0 ? await chartSvg(figuresSpec(f, reader)) : null });
  }
  return {
    cycle: { id: cycle.id, title: cycle.title, synthetic: cycle.synthetic },
    codes: figures,
    matrix: await getObjectivesMatrix(db, null, cycle.id, {}, reader),
  };
}
