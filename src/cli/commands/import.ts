import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { operator } from '../../domain/permissions.js';
import type { Translate } from '../../i18n/messages.js';
import { importReview, type ImportResult } from '../../services/import-review.js';
import { progressBar } from '../progress-bar.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

export interface ImportFlags {
  country: string | undefined;
  cycle: string | undefined;
  dryRun: boolean;
  json: boolean;
}

/**
 * `pacte import FILE…`: each file in its own transaction. With several files, a progress bar on
 * stderr (a terminal only) and a line per file; a bad file is reported and the others go on,
 * the exit code then says something failed.
 */
export async function importFiles(config: Config, files: string[], flags: ImportFlags): Promise<number> {
  const t = cliTexts(config.language);
  if (files.length === 0) throw new PacteError('cli.usage', { problem: t('usage.no_file') });
  if (files.length > 1 && flags.json) throw new PacteError('cli.usage', { problem: t('usage.json_one_file') });
  return withStorage(config, 'pacte import', async ({ db }) => {
    const progress = files.length > 1 ? progressBar() : null;
    let failed: PacteError | null = null;
    for (const [index, file] of files.entries()) {
      progress?.update(Math.round((index / files.length) * 100), `${index + 1}/${files.length} ${file}`);
      try {
        const result = await importReview(db, {
          bytes: readInput(file, config.importMaxBytes),
          file,
          country: flags.country,
          cycle: flags.cycle,
          dryRun: flags.dryRun,
          actor: operator(userInfo().username),
          messages: config.language,
          limits: { ...config.importLimits, maxBytes: config.importMaxBytes },
        });
        progress?.clear();
        process.stdout.write(flags.json ? `${JSON.stringify(result.review, null, 2)}\n` : summary(file, result, t));
      } catch (error) {
        if (!(error instanceof PacteError) || files.length === 1) throw error;
        progress?.clear();
        failed = error;
        // As on stderr, « error <code> » is the same in every language: a script may look for it.
        process.stdout.write(`${file}: error ${error.code}\n`);
      }
    }
    progress?.update(100, t('progress.done'));
    progress?.end();
    if (failed) throw failed;
    return 0;
  });
}

/**
 * What the import did, for people: the review, what was stored (counts of answers), what was
 * recognised, then each warning (already in the reader's language) and each passage not placed.
 */
function summary(file: string, result: ImportResult, t: Translate): string {
  const { country, cycle, language, report } = result.review;
  const total = result.review.sections.flatMap((s) => s.questions).length;
  const outcome = result.stored
    ? t('import.stored', {
        created: result.created,
        changed: result.changed.length,
        unchanged: result.unchanged.length,
        conflicts: result.conflicts.length,
      })
    : t('import.dry_run');
  const { sections, questions, items, facts } = report.recognised;
  const lines = [
    t('import.head', { file, format: report.format, country, cycle, language, outcome }),
    `  ${t('import.recognised', { sections, answered: questions, total, items, facts })}`,
    ...report.warnings.map((w) => `  warning ${w.code}: ${w.message}`),
    ...report.unmatched.map((u) => `  ${t('import.unmatched', { text: u.text.slice(0, 160) })}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Reads a file after checking its size, so an oversized file is refused before it is loaded. */
function readInput(file: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new PacteError('import.file_not_found', { file });
  }
  if (size > maxBytes) {
    throw new PacteError('import.file_too_large', { file, limitBytes: maxBytes });
  }
  try {
    return readFileSync(file);
  } catch {
    throw new PacteError('import.file_not_found', { file });
  }
}
