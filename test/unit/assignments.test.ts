import { describe, expect, it } from 'vitest';
import { checkDueOn, checkNote, earliestToday, NOTE_MAX } from '../../src/domain/assignments.js';
import { isOverdue } from '../../src/domain/workflow.js';

describe('an assignment’s due date', () => {
  it('is refused once it is past everywhere on Earth, and « today » is accepted in every time zone', () => {
    // 10:00 UTC on 6 December: it is already the 6th east of UTC−10, still the 5th at UTC−12 until noon UTC.
    const morning = new Date('2026-12-06T10:00:00Z');
    expect(earliestToday(morning)).toBe('2026-12-05');
    expect(checkDueOn('2026-12-05', morning)).toBe('2026-12-05');
    expect(() => checkDueOn('2026-12-04', morning)).toThrow(
      expect.objectContaining({ code: 'assignment.due_in_past' }),
    );
    const evening = new Date('2026-12-06T23:00:00Z');
    expect(() => checkDueOn('2026-12-05', evening)).toThrow(
      expect.objectContaining({ code: 'assignment.due_in_past' }),
    );
    expect(checkDueOn('2026-12-06', evening)).toBe('2026-12-06');
    expect(checkDueOn(null, evening)).toBeNull();
    expect(() => checkDueOn('2026-02-30', evening)).toThrow(
      expect.objectContaining({ code: 'assignment.invalid_due_date' }),
    );
  });

  it('is not overdue once the answer is approved, whatever the entity did', () => {
    expect(isOverdue('2026-01-01', null, '2026-12-06', 'in_review')).toBe(true);
    expect(isOverdue('2026-01-01', 'draft', '2026-12-06', 'approved')).toBe(false);
    expect(isOverdue('2026-01-01', 'submitted', '2026-12-06', 'drafting')).toBe(false);
  });

  it('takes a note trimmed, none when blank, refused when too long', () => {
    expect(checkNote('  Les chiffres de 2023.  ')).toBe('Les chiffres de 2023.');
    expect(checkNote('   ')).toBeNull();
    expect(() => checkNote('x'.repeat(NOTE_MAX + 1))).toThrow(
      expect.objectContaining({ code: 'assignment.note_too_long' }),
    );
  });
});
