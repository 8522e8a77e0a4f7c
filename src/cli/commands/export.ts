import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/language.js';
import { operator } from '../../domain/permissions.js';
import { printableReview } from '../../http/pages/export-page.js';
import { EXPORT_FORMATS, exportReview as exportFile, isExportFormat } from '../../services/export-review.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte export`: the review as DOCX, HTML, CSV or JSON, to --output or to stdout. A Word file
 * is never written to a terminal (it would only garble it): it needs --output, or a pipe.
 */
export async function exportReview(
  config: Config,
  options: {
    country: string;
    cycle: string;
    format: string;
    lang: string | undefined;
    layout: string | undefined;
    output: string | undefined;
  },
): Promise<number> {
  if (!isExportFormat(options.format)) {
    throw new PacteError('export.unsupported_format', { format: options.format, formats: EXPORT_FORMATS.join(', ') });
  }
  if (options.lang !== undefined && !isLanguage(options.lang)) {
    throw new PacteError('cli.usage', { problem: `--lang must be fr, en or ar (not "${options.lang}")` });
  }
  if (options.format === 'docx' && !options.output && process.stdout.isTTY) {
    throw new PacteError('cli.usage', {
      problem: 'a Word file is binary: name it with --output FILE (or pipe the output)',
    });
  }
  const lang = options.lang;
  return withStorage(config, 'pacte export', async ({ db }) => {
    const file = await exportFile(
      db,
      operator(userInfo().username),
      { country: options.country, cycle: options.cycle, format: options.format, lang, layout: options.layout },
      printableReview,
    );
    if (options.output) writeFileSync(options.output, file.bytes);
    else process.stdout.write(file.bytes);
    return 0;
  });
}
