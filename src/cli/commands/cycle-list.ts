import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { pick } from '../../domain/language.js';
import { operator } from '../../domain/permissions.js';
import { listCycles } from '../../services/list-cycles.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte cycle list [--region ID] [--json]`: every cycle (the operator sees planned ones too), one
 * line each starting with its id and state (the same in every language, for scripts), or as JSON.
 */
export async function cycleList(
  config: Config,
  options: { region: string | undefined; json: boolean },
): Promise<number> {
  return withStorage(config, 'pacte cycle list', async ({ db }) => {
    const cycles = (await listCycles(db, operator(userInfo().username), { region: options.region })).map(
      (s) => s.cycle,
    );
    if (options.json) {
      process.stdout.write(`${JSON.stringify(cycles)}\n`);
      return 0;
    }
    const t = cliTexts(config.language);
    if (cycles.length === 0) process.stdout.write(`${t('cycle.none')}\n`);
    for (const cycle of cycles) {
      const details = t('cycle.line', {
        region: cycle.regionId,
        countries: cycle.countries.length,
        opens: cycle.opensOn ?? '—',
        due: cycle.dueOn ?? '—',
        late: cycle.lateSubmissions ?? 'none',
      });
      process.stdout.write(`${cycle.id}\t${cycle.state}\t${details}\t${pick(cycle.title, config.language)}\n`);
    }
    return 0;
  });
}
