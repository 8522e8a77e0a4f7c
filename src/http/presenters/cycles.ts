/** Review cycles as the API answers them: the public fields, and the settings for those who manage them. */
import { CYCLE_STATES, LATE_POLICIES, type Cycle } from '../../domain/cycles.js';
import { LANGUAGES } from '../../domain/language.js';
import type { SeenCycle } from '../../services/list-cycles.js';
import { known } from './known.js';

const publicFields = (cycle: Cycle) => ({
  id: cycle.id,
  region: cycle.regionId,
  title: cycle.title,
  questionnaire: { id: cycle.questionnaireId, version: cycle.questionnaireVersion },
  languages: cycle.languages.map((l) => known(LANGUAGES, l)),
  opensOn: cycle.opensOn,
  dueOn: cycle.dueOn,
  state: known(CYCLE_STATES, cycle.state),
  synthetic: cycle.synthetic,
});

export const presentCycle = ({ cycle, manages }: SeenCycle) => ({
  ...publicFields(cycle),
  ...(manages && {
    settings: {
      countries: cycle.countries,
      lateSubmissions: cycle.lateSubmissions && known(LATE_POLICIES, cycle.lateSubmissions),
      createdBy: cycle.createdBy,
      createdAt: cycle.createdAt.toISOString(),
      updatedBy: cycle.updatedBy,
      updatedAt: cycle.updatedAt.toISOString(),
    },
  }),
});
