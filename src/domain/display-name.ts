import { PacteError } from './errors.js';

/** Longest display name (migration 026 refuses longer ones too). */
export const DISPLAY_NAME_MAX = 120;

/**
 * A display name as people type it: blanks collapsed and trimmed, no line breaks, 1 to 120
 * characters; `user.invalid_name` otherwise. Undefined or blank when optional: null (none).
 */
export function checkDisplayName(name: string | null | undefined, required: boolean): string | null {
  const clean = (name ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (clean === '' && !required) return null;
  if (clean === '' || [...clean].length > DISPLAY_NAME_MAX) {
    throw new PacteError('user.invalid_name', { max: DISPLAY_NAME_MAX });
  }
  return clean;
}
