import type { listObjectives } from '../../services/list-catalogue.js';

type Objective = Awaited<ReturnType<typeof listObjectives>>[number];

/** A GCM objective as the API gives it: its wording, not the vocabulary objective suggestions use. */
export function presentObjective(objective: Objective) {
  const { number, title, shortName, paragraph, verified } = objective;
  return { number, title, shortName, paragraph, verified };
}
