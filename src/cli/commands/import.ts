import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { importReview } from '../../services/import-review.js';
import { withStorage } from './with-storage.js';

export interface ImportFlags {
  country: string | undefined;
  cycle: string | undefined;
  dryRun: boolean;
  json: boolean;
}

/** `pacte import FILE…`: each file in its own transaction; stops at the first bad file. */
export async function importFiles(config: Config, files: string[], flags: ImportFlags): Promise<number> {
  if (files.length === 0) throw new PacteError('cli.usage', { problem: 'name the file to import' });
  const inputs = files.map((file) => ({ file, bytes: readInput(file) }));
  return withStorage(config, 'pacte import', async ({ db }) => {
    for (const { file, bytes } of inputs) {
      const result = await importReview(db, {
        bytes,
        file,
        country: flags.country,
        cycle: flags.cycle,
        dryRun: flags.dryRun,
        actor: `cli:${userInfo().username}`,
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result.review, null, 2)}\n`);
        continue;
      }
      const { country, cycle, language, sections } = result.review;
      const answered = sections.flatMap((s) => s.questions).filter((q) => q.answer.blocks.length > 0).length;
      const total = sections.flatMap((s) => s.questions).length;
      const what = result.stored
        ? `${result.created ? 'created' : 'updated'}: ${result.changed.length} answers revised, ${result.unchanged.length} unchanged`
        : 'dry run: nothing stored';
      process.stdout.write(
        `${file}: ${country} ${cycle} (${language}), ${answered}/${total} questions answered — ${what}\n`,
      );
      for (const text of result.unmatched) process.stdout.write(`  unmatched text: ${text.slice(0, 120)}\n`);
    }
    return 0;
  });
}

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new PacteError('import.file_not_found', { file });
  }
}
