import { isPacteError, PacteError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import { translate } from '../../i18n/index.js';
import type { RefusedAnswer } from '../../services/move-answers.js';

/**
 * A bulk move refused (`answers.not_moved`) lists each refused question with its code; the
 * reader also gets each reason in words, in the request's language, as the single move would
 * have answered it. Any other error passes unchanged.
 */
export function explainRefusals(error: unknown, language: Language): unknown {
  if (!isPacteError(error) || error.code !== 'answers.not_moved') return error;
  const refused = (error.details.refused ?? []) as RefusedAnswer[];
  return new PacteError(
    error.code,
    {
      ...error.details,
      refused: refused.map((r) => ({ ...r, message: translate(language, 'errors', r.code, r.details) })),
    },
    { cause: error },
  );
}
