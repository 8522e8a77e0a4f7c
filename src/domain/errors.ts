/**
 * The one catalogue of error codes. Each code has its HTTP status; its message lives in
 * src/i18n/locales/<lang>/errors.json under the same key, with `{name}` placeholders filled
 * from `details`. The CLI exits 2 for a 4xx code (the user can fix the input) and 1 otherwise.
 * docs/errors.md lists them for API users.
 */
export const ERRORS = {
  'request.invalid': 400,
  'route.not_found': 404,
  'country.not_found': 404,
  'cycle.not_found': 404,
  'questionnaire.not_found': 404,
  'review.not_found': 404,
  'import.file_not_found': 422,
  'import.empty_file': 422,
  'import.unreadable_file': 422,
  'import.not_a_review': 422,
  'export.unsupported_format': 422,
  'config.invalid': 422,
  'cli.usage': 400,
  'storage.locked': 423,
  'storage.unavailable': 503,
  'internal.error': 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorDetails = Record<string, unknown>;

export class PacteError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    // The English-free technical message is for logs only; users get the translated one.
    super(`${code} ${JSON.stringify(details)}`, options);
    this.name = 'PacteError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code];
  }
}

export function isPacteError(error: unknown): error is PacteError {
  return error instanceof PacteError;
}
