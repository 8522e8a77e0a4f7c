import type { Config } from '../../config.js';
import { generateDemoRegion } from '../../services/generate-demo-region.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

export interface DemoRegionOptions {
  id: string;
  countries: string;
  submitted: string;
  cycles: string | undefined;
  json: boolean;
}

/** A whole number, or NaN (which the service refuses with demo.invalid_request). */
const count = (value: string) => (/^\d+$/.test(value) ? Number(value) : Number.NaN);

/**
 * `pacte demo region --id ID --countries N --submitted N [--cycles 1|2] [--json]`: a fictional
 * region of fictional countries, flagged synthetic, with reviews written through the services real
 * use goes through (docs/regional.md, « The demo region »). Prints what it made, or with --json the
 * region, its cycles and its countries (codes, names in fr/en/ar, the state of their review).
 */
export async function demoRegion(config: Config, options: DemoRegionOptions): Promise<number> {
  return withStorage(config, 'pacte demo region', async ({ db }) => {
    const demo = await generateDemoRegion(db, {
      id: options.id,
      countries: count(options.countries),
      submitted: count(options.submitted),
      cycles: options.cycles === undefined ? 1 : count(options.cycles),
    });
    const t = cliTexts(config.language);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(demo)}\n`
        : `${t('demo.generated', {
            region: demo.region.id,
            countries: demo.countries.length,
            submitted: demo.countries.filter((c) => c.review === 'submitted').length,
            cycles: demo.cycles.map((c) => c.id).join(', '),
          })}\n`,
    );
    return 0;
  });
}
