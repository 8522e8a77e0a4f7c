import type { Language } from '../domain/language.js';
import { translate } from '../i18n/index.js';
import type { Translate } from '../i18n/messages.js';

/**
 * The pacte command's own texts (src/i18n/locales/<lang>/cli.json), in the language it writes
 * its errors in: config.language (PACTE_LANG, else LANG, else English). Counts are ICU plurals,
 * passed as numbers. What scripts read stays out of the catalogue and the same in every language:
 * `--json`, entity add's bare id, the reset token's line, `error <code>:` and `warning <code>:`.
 */
export function cliTexts(language: Language): Translate {
  return (key, params) => translate(language, 'cli', key, params);
}
