import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/language.js';
import { operator } from '../../domain/permissions.js';
import { blankQuestionnaire } from '../../services/blank-questionnaire.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte questionnaire blank`: a cycle's blank questionnaire in Word (issue 15, item 3), to
 * --output or to a pipe (never to a terminal, as `pacte export --format docx`).
 */
export async function questionnaireBlank(
  config: Config,
  options: { cycle: string; lang: string | undefined; output: string | undefined },
): Promise<number> {
  const t = cliTexts(config.language);
  if (options.lang !== undefined && !isLanguage(options.lang)) {
    throw new PacteError('cli.usage', { problem: t('usage.lang', { lang: options.lang }) });
  }
  if (!options.output && process.stdout.isTTY) throw new PacteError('cli.usage', { problem: t('usage.binary_docx') });
  const lang = options.lang;
  return withStorage(config, 'pacte questionnaire blank', async ({ db }) => {
    const file = await blankQuestionnaire(db, operator(userInfo().username), options.cycle, lang);
    if (options.output) writeFileSync(options.output, file.bytes);
    else process.stdout.write(file.bytes);
    return 0;
  });
}
