import type { Static } from '@sinclair/typebox';
import type { CodeFigures } from '../../services/get-code-figures.js';
import type { ObjectivesMatrix } from '../../services/get-objectives-matrix.js';
import type { getCodeFiguresSchema, getObjectivesMatrixSchema } from '../routes/figures/schema.js';

/** A code's figures as the API answers them. */
export function presentCodeFigures(f: CodeFigures): Static<(typeof getCodeFiguresSchema.response)[200]> {
  return {
    cycle: f.cycle,
    region: f.region,
    questionId: f.questionId,
    source: f.source,
    countedFrom: f.countedFrom,
    code: f.code,
    group: f.group,
    totalCountries: f.totalCountries,
    codedCountries: f.codedCountries,
    values: f.values,
    groups: f.groups,
  };
}

/** The objectives × countries matrix as the API answers it. */
export function presentObjectivesMatrix(m: ObjectivesMatrix): Static<(typeof getObjectivesMatrixSchema.response)[200]> {
  return {
    cycle: m.cycle,
    region: m.region,
    source: m.source,
    objectives: m.objectives,
    countries: m.countries,
    totals: m.totals,
  };
}
