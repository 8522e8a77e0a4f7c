import { PacteError } from './errors.js';

/** Longest note to an entity on an assignment (migration 025 refuses longer ones too). */
export const NOTE_MAX = 2000;

/**
 * The earliest date it is anywhere on Earth (UTC−12), as YYYY-MM-DD: a due date before it has
 * passed for everyone, whatever the focal point's time zone. Refusing against the server's own
 * date would refuse « today » to a focal point west of it in the evening.
 */
export const earliestToday = (now: Date) => new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** A due date that is a date and not in the past (null: no due date). */
export function checkDueOn(dueOn: string | null, now: Date): string | null {
  if (dueOn === null) return null;
  if (!isDay(dueOn)) throw new PacteError('assignment.invalid_due_date', { dueOn });
  if (dueOn < earliestToday(now)) throw new PacteError('assignment.due_in_past', { dueOn });
  return dueOn;
}

/** A note trimmed of its outer blanks; empty means none. */
export function checkNote(note: string | null): string | null {
  const clean = (note ?? '').trim();
  if (clean === '') return null;
  if ([...clean].length > NOTE_MAX) throw new PacteError('assignment.note_too_long', { max: NOTE_MAX });
  return clean;
}
