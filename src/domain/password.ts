import { PacteError } from './errors.js';

/** The shortest password an account may have, in characters (code points). */
export const MIN_PASSWORD = 12;

/** Refuses a password shorter than MIN_PASSWORD with `user.weak_password`. */
export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD) throw new PacteError('user.weak_password', { min: MIN_PASSWORD });
}
