import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { operator } from '../../domain/permissions.js';
import { getReview } from '../../services/get-review.js';
import { withStorage } from './with-storage.js';

const FORMATS = ['json'];

export async function exportReview(
  config: Config,
  options: { country: string; cycle: string; format: string; output: string | undefined },
): Promise<number> {
  if (!FORMATS.includes(options.format)) {
    throw new PacteError('export.unsupported_format', { format: options.format, formats: FORMATS.join(', ') });
  }
  return withStorage(config, 'pacte export', async ({ db }) => {
    const body = `${JSON.stringify(await getReview(db, operator(userInfo().username), options.country, options.cycle), null, 2)}\n`;
    if (options.output) writeFileSync(options.output, body);
    else process.stdout.write(body);
    return 0;
  });
}
