import { ApiError } from './api.js';

export interface FieldError {
  /** The id of the field at fault: the summary links to it. */
  field: string;
  message: string;
}

/**
 * The API's refusal as the form's errors: its message (in the reader's language) under the field
 * the error code is about (`fieldOf`: a code such as `cycle.invalid_dates`, or a code's prefix
 * such as `cycle.`, to a field id), else under `fallback`.
 */
export function errorsOf(failure: unknown, fallback: string, fieldOf: Record<string, string> = {}): FieldError[] {
  const code = failure instanceof ApiError ? failure.code : '';
  const message = failure instanceof Error ? failure.message : String(failure);
  const prefix = Object.keys(fieldOf).find((key) => key.endsWith('.') && code.startsWith(key));
  return [{ field: fieldOf[code] ?? (prefix ? fieldOf[prefix]! : fallback), message }];
}
