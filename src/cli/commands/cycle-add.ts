import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import type { Multilingual } from '../../domain/language.js';
import { operator } from '../../domain/permissions.js';
import { createCycle } from '../../services/create-cycle.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

export interface CycleAddOptions {
  id: string;
  region: string;
  questionnaire: string;
  opens: string | undefined;
  due: string | undefined;
  countries: string | undefined;
  languages: string | undefined;
  title: Multilingual;
  json: boolean;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * `pacte cycle add --id ID --region ID --questionnaire ID [--opens DAY] [--due DAY] [--countries A,B]
 * [--languages fr,en,ar] [--title-fr …] [--json]`: creates a planned cycle through the service the
 * API uses (same checks, same codes), as the operator; prints what it made, or the cycle as JSON.
 */
export async function cycleAdd(config: Config, options: CycleAddOptions): Promise<number> {
  return withStorage(config, 'pacte cycle add', async ({ db }) => {
    const cycle = await createCycle(db, operator(userInfo().username), {
      id: options.id,
      region: options.region,
      questionnaire: options.questionnaire,
      opensOn: options.opens ?? null,
      dueOn: options.due ?? null,
      countries: list(options.countries),
      languages: list(options.languages),
      title: Object.keys(options.title).length > 0 ? options.title : undefined,
    });
    const t = cliTexts(config.language);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(cycle)}\n`
        : `${t('cycle.added', {
            id: cycle.id,
            region: cycle.regionId,
            countries: cycle.countries.length,
            opens: cycle.opensOn ?? '—',
            due: cycle.dueOn ?? '—',
          })}\n`,
    );
    return 0;
  });
}
